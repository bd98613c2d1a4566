import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Creates or edits a topic: its description, who may read and publish (ACL
// chips), and how repeated messages group. The AdminTopicEditor holds the draft
// and its errors; the dialog closes when the server took it.
Dialog {
    id: dialog

    property AdminTopicListModel topics: null

    function openNew() {
        editor.startNew();
        open();
    }

    function openTopic(name) {
        if (editor.edit(name))
            open();
    }

    function errorFor(field) {
        return editor.errorField === field ? editor.errorMessage : "";
    }

    title: editor.isNew ? qsTr("New topic") : qsTr("Topic %1").arg(editor.name)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, (parent ? parent.width : 620) - 48)
    height: Math.min(implicitHeight, (parent ? parent.height : 700) - 48)
    standardButtons: Dialog.NoButton

    AdminTopicEditor {
        id: editor
        topics: dialog.topics
        onSaved: dialog.close()
    }

    contentItem: ScrollView {
        id: scroll
        clip: true
        contentWidth: availableWidth
        implicitHeight: form.implicitHeight

        ColumnLayout {
            id: form
            width: scroll.availableWidth
            spacing: 4

            Label {
                visible: editor.isNew
                text: qsTr("Name")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            TextField {
                id: nameField
                objectName: "topicNameField"
                visible: editor.isNew
                Layout.fillWidth: true
                text: editor.name
                placeholderText: qsTr("e.g. orders")
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                selectByMouse: true
                Accessible.name: qsTr("Topic name")
                onTextEdited: editor.name = text
                onAccepted: editor.save()
            }
            FieldError {
                Layout.fillWidth: true
                text: dialog.errorFor("name")
            }

            Label {
                Layout.topMargin: 6
                text: qsTr("Description")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            TextField {
                id: descriptionField
                Layout.fillWidth: true
                text: editor.description
                placeholderText: qsTr("What subscribers get here")
                selectByMouse: true
                Accessible.name: qsTr("Description")
                onTextEdited: editor.description = text
                onAccepted: editor.save()
            }
            FieldError {
                Layout.fillWidth: true
                text: dialog.errorFor("description")
            }

            TopicAclEditor {
                id: readAcl
                Layout.fillWidth: true
                Layout.topMargin: 6
                title: qsTr("Who may read and subscribe")
                hint: qsTr("*, role:user, user:alice or @alice")
                entries: editor.readEntries
                errorText: dialog.errorFor("read")
                onAddRequested: text => {
                    if (editor.addEntry("read", text))
                        clearInput();
                }
                onRemoveRequested: index => editor.removeEntry("read", index)
            }

            TopicAclEditor {
                id: publishAcl
                Layout.fillWidth: true
                Layout.topMargin: 6
                title: qsTr("Who may publish")
                hint: qsTr("role:publisher, user:alice or @alice")
                entries: editor.publishEntries
                errorText: dialog.errorFor("publish")
                onAddRequested: text => {
                    if (editor.addEntry("publish", text))
                        clearInput();
                }
                onRemoveRequested: index => editor.removeEntry("publish", index)
            }

            Label {
                Layout.topMargin: 10
                text: qsTr("Grouping of repeated messages")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                ComboBox {
                    id: groupingBox
                    Layout.fillWidth: true
                    model: dialog.topics ? dialog.topics.groupingOptions : []
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: indexOfValue(editor.groupingMode)
                    Accessible.name: qsTr("Grouping")
                    onActivated: editor.groupingMode = currentValue
                }
                SpinBox {
                    id: windowBox
                    enabled: editor.groupingMode !== "off"
                    from: 1
                    to: 86400
                    stepSize: 30
                    editable: true
                    value: editor.groupWindowSec
                    Accessible.name: qsTr("Grouping window in seconds")
                    onValueModified: editor.groupWindowSec = value
                }
                Label {
                    text: qsTr("seconds")
                    color: editor.groupingMode !== "off" ? Theme.text : Theme.textMuted
                }
            }
            Label {
                Layout.fillWidth: true
                text: groupingBox.currentIndex >= 0 && dialog.topics
                      ? dialog.topics.groupingOptions[groupingBox.currentIndex].description : ""
                visible: text.length > 0
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
            }
            FieldError {
                Layout.fillWidth: true
                text: dialog.errorFor("groupWindowSec") || dialog.errorFor("groupingMode")
            }
            FieldError {
                Layout.fillWidth: true
                text: editor.errorField.length === 0 ? editor.errorMessage : ""
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "saveTopicButton"
            text: editor.isNew ? qsTr("Create topic") : qsTr("Save")
            highlighted: true
            enabled: dialog.topics !== null && !dialog.topics.saving
            onClicked: editor.save()
        }
    }

    onOpened: {
        if (editor.isNew)
            nameField.forceActiveFocus();
        else
            descriptionField.forceActiveFocus();
    }
}
