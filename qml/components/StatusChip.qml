import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// A small coloured pill: a status, a role, a channel.
Rectangle {
    id: chip

    property string text
    property color tint: Theme.statusColor(text)

    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: Qt.rgba(tint.r, tint.g, tint.b, Theme.dark ? 0.22 : 0.12)
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        text: chip.text
        color: chip.tint
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
}
