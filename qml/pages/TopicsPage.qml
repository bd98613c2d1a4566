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
            title: qsTr("Topics")
            subtitle: qsTr("Who may read and publish, and how messages group")
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
