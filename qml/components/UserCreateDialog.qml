import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The "New user" form. The model checks the fields and names the one that is
// wrong (its own checks and the server's); the dialog closes when the account
// exists. An empty password has the server generate one, shown once afterwards.
Dialog {
    id: dialog

    property UserListModel users: null
    readonly property string errorField: users ? users.actionErrorField : ""
    readonly property string errorText: users ? users.actionError : ""

    function errorFor(field) {
        return errorField === field ? errorText : "";
    }

    function submit() {
        if (!users || users.busy)
            return;
        users.create(usernameField.text, displayNameField.text, emailField.text,
                     roleBox.currentValue !== undefined ? roleBox.currentValue : "user", passwordField.text);
    }

    title: qsTr("New user")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, (parent ? parent.width : 520) - 48)
    standardButtons: Dialog.NoButton

    contentItem: GridLayout {
        columns: 1
        rowSpacing: 4

        Label {
            text: qsTr("Username")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: usernameField
            objectName: "usernameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. ada")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            selectByMouse: true
            Accessible.name: qsTr("Username")
            onAccepted: dialog.submit()
            onTextEdited: if (dialog.errorField === "username" && dialog.users) dialog.users.clearActionError()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("username")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Display name (optional)")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: displayNameField
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Ada Lovelace")
            selectByMouse: true
            Accessible.name: qsTr("Display name")
            onAccepted: dialog.submit()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("displayName")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Email (optional)")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: emailField
            Layout.fillWidth: true
            placeholderText: "ada@example.org"
            inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
            selectByMouse: true
            Accessible.name: qsTr("Email")
            onAccepted: dialog.submit()
            onTextEdited: if (dialog.errorField === "email" && dialog.users) dialog.users.clearActionError()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("email")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Role")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        ComboBox {
            id: roleBox
            Layout.fillWidth: true
            model: dialog.users ? dialog.users.roleOptions : []
            textRole: "label"
            valueRole: "value"
            Accessible.name: qsTr("Role")
        }
        Label {
            Layout.fillWidth: true
            text: roleBox.currentIndex >= 0 && dialog.users ? dialog.users.roleOptions[roleBox.currentIndex].description : ""
            visible: text.length > 0
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("role")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Password (optional)")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: passwordField
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Leave empty to generate one")
            selectByMouse: true
            Accessible.name: qsTr("Password")
            onAccepted: dialog.submit()
            onTextEdited: if (dialog.errorField === "password" && dialog.users) dialog.users.clearActionError()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("password")
        }
        // A refusal about no one field (the network, permissions).
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorField.length === 0 ? dialog.errorText : ""
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "createUserButton"
            text: qsTr("Create user")
            highlighted: true
            enabled: dialog.users !== null && !dialog.users.busy && usernameField.text.trim().length > 0
            // Not AcceptRole: the dialog stays open until the server said yes.
            onClicked: dialog.submit()
        }
    }

    Connections {
        target: dialog.users
        function onCreated() {
            dialog.close();
        }
    }

    onAboutToShow: {
        usernameField.clear();
        displayNameField.clear();
        emailField.clear();
        passwordField.clear();
        roleBox.currentIndex = 0;
        if (users)
            users.clearActionError();
    }
    onOpened: usernameField.forceActiveFocus()
}
