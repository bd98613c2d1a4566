import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin.Ui

// Asks before a destructive or far-reaching action. Set `title`, `text` and
// `confirmText`, connect `confirmed`, call open().
Dialog {
    id: dialog

    property string text
    property string confirmText: qsTr("Confirm")
    property bool destructive: true

    signal confirmed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(460, (parent ? parent.width : 460) - 48)
    standardButtons: Dialog.NoButton

    contentItem: Label {
        text: dialog.text
        wrapMode: Text.Wrap
        color: Theme.text
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            id: confirmButton
            text: dialog.confirmText
            highlighted: true
            Material.accent: dialog.destructive ? Theme.danger : Theme.accent
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: confirmed()
    onOpened: confirmButton.forceActiveFocus()
}
