import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// What a template is: its name (how publishers refer to it), the notification type
// and topic its messages get, and a description for the other admins.
ScrollView {
    id: form

    property TemplateEditor editor

    readonly property var errors: editor ? editor.fieldErrors : ({})
    readonly property bool editable: editor?.hasTemplate ?? false

    clip: true
    contentWidth: availableWidth

    ColumnLayout {
        width: form.availableWidth
        spacing: 6

        Label {
            text: qsTr("Name")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            objectName: "nameField"
            Layout.fillWidth: true
            text: form.editor?.name ?? ""
            enabled: form.editable
            selectByMouse: true
            font.family: "monospace"
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Template name")
            onTextEdited: form.editor.name = text
        }
        Label {
            Layout.fillWidth: true
            visible: (form.errors.name ?? "").length === 0
            text: qsTr("Publishers refer to the template by this name or by its id. Renaming breaks publishers that use the old name.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.name ?? ""
        }

        Label {
            Layout.topMargin: 8
            text: qsTr("Notification type")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            Layout.fillWidth: true
            text: form.editor?.type ?? ""
            enabled: form.editable
            placeholderText: qsTr("e.g. order_status")
            selectByMouse: true
            Accessible.name: qsTr("Notification type")
            onTextEdited: form.editor.type = text
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.type ?? ""
        }

        Label {
            Layout.topMargin: 8
            text: qsTr("Topic")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextField {
            Layout.fillWidth: true
            text: form.editor?.topic ?? ""
            enabled: form.editable
            placeholderText: qsTr("none")
            selectByMouse: true
            Accessible.name: qsTr("Topic")
            onTextEdited: form.editor.topic = text
        }
        Label {
            Layout.fillWidth: true
            visible: (form.errors.topic ?? "").length === 0
            text: qsTr("Messages published without a topic get this one.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.topic ?? ""
        }

        Label {
            Layout.topMargin: 8
            text: qsTr("Description")
            color: Theme.text
            font.weight: Font.DemiBold
        }
        TextArea {
            Layout.fillWidth: true
            Layout.minimumHeight: 80
            text: form.editor?.description ?? ""
            enabled: form.editable
            placeholderText: qsTr("When is it sent, and to whom?")
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            // Tab moves on, as everywhere else in the form.
            Keys.onTabPressed: nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            Accessible.name: qsTr("Description")
            onTextChanged: {
                if (form.editor && form.editor.description !== text)
                    form.editor.description = text;
            }
        }
        FieldError {
            Layout.fillWidth: true
            text: form.errors.description ?? ""
        }
    }
}
