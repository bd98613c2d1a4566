import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The "New API token" form: a name, the scopes, optional topic patterns and an
// expiry. The token is the signed-in admin's; its secret is shown once after.
Dialog {
    id: dialog

    property TokenListModel tokens: null
    property var chosenScopes: ["publish"]
    readonly property string errorField: tokens ? tokens.actionErrorField : ""
    readonly property string errorText: tokens ? tokens.actionError : ""

    function errorFor(field) {
        return errorField === field ? errorText : "";
    }

    function toggleScope(scope, on) {
        const scopes = chosenScopes.filter(s => s !== scope);
        if (on)
            scopes.push(scope);
        chosenScopes = scopes;
        if (errorField === "scopes" && tokens)
            tokens.clearActionError();
    }

    function submit() {
        if (!tokens || tokens.busy)
            return;
        tokens.create(nameField.text, chosenScopes, topicsField.text,
                      expiryBox.currentValue !== undefined ? expiryBox.currentValue : 0);
    }

    title: qsTr("New API token")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(540, (parent ? parent.width : 540) - 48)
    standardButtons: Dialog.NoButton

    contentItem: ColumnLayout {
        spacing: 4

        Label {
            text: qsTr("Name")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: nameField
            objectName: "tokenNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. shop-backend")
            selectByMouse: true
            Accessible.name: qsTr("Token name")
            onAccepted: dialog.submit()
            onTextEdited: if (dialog.errorField === "name" && dialog.tokens) dialog.tokens.clearActionError()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("name")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Scopes")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Repeater {
            model: dialog.tokens ? dialog.tokens.scopeOptions : []
            delegate: RowLayout {
                id: scopeRow

                required property var modelData

                Layout.fillWidth: true
                spacing: 0

                CheckBox {
                    Layout.preferredWidth: 130
                    text: scopeRow.modelData.label
                    checked: dialog.chosenScopes.indexOf(scopeRow.modelData.value) >= 0
                    Accessible.name: scopeRow.modelData.label
                    Accessible.description: scopeRow.modelData.description
                    onToggled: dialog.toggleScope(scopeRow.modelData.value, checked)
                }
                Label {
                    Layout.fillWidth: true
                    text: scopeRow.modelData.description
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }
            }
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("scopes")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Topics (optional)")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        TextField {
            id: topicsField
            Layout.fillWidth: true
            placeholderText: qsTr("All topics, or patterns such as orders, deploy-*")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            selectByMouse: true
            Accessible.name: qsTr("Topic patterns")
            onAccepted: dialog.submit()
            onTextEdited: if (dialog.errorField === "topics" && dialog.tokens) dialog.tokens.clearActionError()
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("topics")
        }

        Label {
            Layout.topMargin: 10
            text: qsTr("Expires")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        ComboBox {
            id: expiryBox
            Layout.fillWidth: true
            model: dialog.tokens ? dialog.tokens.expiryOptions : []
            textRole: "label"
            valueRole: "days"
            Accessible.name: qsTr("Expiry")
        }
        FieldError {
            Layout.fillWidth: true
            text: dialog.errorFor("expiresAt")
        }
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
            objectName: "createTokenButton"
            text: qsTr("Create token")
            highlighted: true
            enabled: dialog.tokens !== null && !dialog.tokens.busy && nameField.text.trim().length > 0
            onClicked: dialog.submit()
        }
    }

    Connections {
        target: dialog.tokens
        function onCreated() {
            dialog.close();
        }
    }

    onAboutToShow: {
        nameField.clear();
        topicsField.clear();
        expiryBox.currentIndex = Math.max(0, expiryBox.indexOfValue(90));
        chosenScopes = ["publish"];
        if (tokens)
            tokens.clearActionError();
    }
    onOpened: nameField.forceActiveFocus()
}
