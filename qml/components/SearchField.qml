import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// A search box with its icon; Escape clears it.
TextField {
    id: field

    placeholderText: qsTr("Search")
    leftPadding: 36
    selectByMouse: true
    Accessible.name: placeholderText
    Keys.onEscapePressed: clear()

    Icon {
        name: "search"
        size: 18
        anchors.left: parent.left
        anchors.leftMargin: 10
        anchors.verticalCenter: parent.verticalCenter
    }
}
