import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Shows a secret the server gives out once (a new API token, a generated
// password) with a Copy button and the warning that it will not be shown again.
// Set `title`, `text` and `secret`, call open(); `dismissed` when closed.
Dialog {
    id: dialog

    property string text
    property string secret
    property string secretLabel: qsTr("Secret")
    property bool copied: false

    signal dismissed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, (parent ? parent.width : 560) - 48)
    closePolicy: Popup.CloseOnEscape
    standardButtons: Dialog.NoButton

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        // Enter closes it, as Done does (the focused Copy button takes Space).
        Keys.onReturnPressed: dialog.accept()
        Keys.onEnterPressed: dialog.accept()

        Label {
            Layout.fillWidth: true
            text: dialog.text
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            TextField {
                id: secretField
                objectName: "secretField"
                Layout.fillWidth: true
                text: dialog.secret
                readOnly: true
                selectByMouse: true
                font.family: "monospace"
                Accessible.name: dialog.secretLabel
                Accessible.description: dialog.secret
            }
            Button {
                id: copyButton
                objectName: "copyButton"
                text: dialog.copied ? qsTr("Copied") : qsTr("Copy")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/" + (dialog.copied ? "check" : "copy") + ".svg"
                highlighted: true
                Accessible.name: qsTr("Copy the %1 to the clipboard").arg(dialog.secretLabel.toLowerCase())
                onClicked: {
                    Clipboard.copy(dialog.secret);
                    dialog.copied = true;
                    Notices.info(qsTr("Copied to the clipboard."));
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: warningRow.implicitHeight + 20
            radius: Theme.radius
            color: Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, Theme.dark ? 0.16 : 0.10)
            border.color: Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, 0.4)

            RowLayout {
                id: warningRow
                anchors.fill: parent
                anchors.margins: 10
                spacing: 10
                Icon {
                    Layout.alignment: Qt.AlignTop
                    name: "warning"
                    size: 18
                    color: Theme.warning
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Copy it now and keep it somewhere safe. It will not be shown again.")
                    wrapMode: Text.Wrap
                    color: Theme.text
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Done")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onOpened: {
        copied = false;
        copyButton.forceActiveFocus();
    }
    onClosed: dismissed()
}
