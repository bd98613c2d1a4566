import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

Page {
    id: page

    property AdminSession session

    background: null

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Broadcasts")
            subtitle: qsTr("Send to many users at once, now, later or on a schedule")
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
