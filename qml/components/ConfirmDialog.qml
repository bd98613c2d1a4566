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
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round((parent.height - height) / 2) : 0
    // A fixed text width: binding the label to availableWidth makes Qt 6.4's
    // Material dialog (title + wrapped text) loop on its implicitHeight.
    readonly property int textWidth: 400
    width: textWidth + leftPadding + rightPadding
    standardButtons: Dialog.NoButton

    Label {
        width: dialog.textWidth
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
            Keys.onReturnPressed: dialog.accept()
            Keys.onEnterPressed: dialog.accept()
        }
    }

    onAccepted: confirmed()
    onOpened: confirmButton.forceActiveFocus()
}
