import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Asks for a new template's name, type and description, then creates it (its text
// is written in the editor afterwards). The server's refusal shows under its field.
Dialog {
    id: dialog

    property TemplateListModel templates
    property string errorField
    property string errorText

    function submit() {
        errorField = "";
        errorText = "";
        templates.create(nameField.text, typeField.text, descriptionField.text);
    }

    title: qsTr("New template")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(480, (parent ? parent.width : 480) - 48)
    standardButtons: Dialog.NoButton
    focus: true

    // Cleared before it shows, so what is typed while it opens is kept.
    onAboutToShow: {
        nameField.clear();
        typeField.clear();
        descriptionField.clear();
        errorField = "";
        errorText = "";
    }
    onOpened: nameField.forceActiveFocus()

    Connections {
        target: dialog.templates
        enabled: dialog.visible

        function onActionFailed(message, field) {
            dialog.errorField = field.length > 0 ? field : "form";
            dialog.errorText = message;
            const input = field === "type" ? typeField : field === "description" ? descriptionField : nameField;
            input.selectAll();
            input.forceActiveFocus();
        }
        function onCreated(id) {
            dialog.close();
        }
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6

        Label {
            text: qsTr("Name")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            id: nameField

            objectName: "newTemplateName"
            Layout.fillWidth: true
            placeholderText: "order_shipped"
            selectByMouse: true
            font.family: "monospace"
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Template name")
            onAccepted: typeField.forceActiveFocus()
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Letters, digits, _ . and -. Publishers refer to the template by this name.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            visible: dialog.errorField !== "name"
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorField === "name" ? dialog.errorText : ""
        }

        Label {
            Layout.topMargin: 6
            text: qsTr("Notification type")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            id: typeField

            Layout.fillWidth: true
            placeholderText: qsTr("e.g. order_status (optional)")
            selectByMouse: true
            Accessible.name: qsTr("Notification type")
            onAccepted: descriptionField.forceActiveFocus()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorField === "type" ? dialog.errorText : ""
        }

        Label {
            Layout.topMargin: 6
            text: qsTr("Description")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            id: descriptionField

            Layout.fillWidth: true
            placeholderText: qsTr("When is it sent? (optional)")
            selectByMouse: true
            Accessible.name: qsTr("Description")
            onAccepted: dialog.submit()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorField === "description" || dialog.errorField === "form" ? dialog.errorText : ""
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "createTemplateButton"
            text: qsTr("Create")
            highlighted: true
            enabled: dialog.templates !== null && !dialog.templates.busy
            onClicked: dialog.submit()
        }
    }
}
