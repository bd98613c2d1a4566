import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// A user's initials in a circle; muted when the account is disabled.
Rectangle {
    id: avatar

    property string initials
    property bool disabled: false
    property int size: 36

    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    color: disabled ? Theme.surfaceRaised : Theme.accentSoft
    border.color: disabled ? Theme.border : "transparent"
    Accessible.ignored: true

    Label {
        anchors.centerIn: parent
        text: avatar.initials.length > 0 ? avatar.initials : "?"
        color: avatar.disabled ? Theme.textMuted : Theme.accent
        font.pixelSize: Math.round(avatar.size * 0.38)
        font.weight: Font.DemiBold
    }
}
