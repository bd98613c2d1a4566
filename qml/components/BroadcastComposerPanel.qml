import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The fields of a new broadcast: the message, the audience with its live
// estimate, the delivery channels and priority, and when it goes out. It binds
// to a BroadcastComposer, which checks and sends; the page puts it in a drawer.
Item {
    id: panel

    property BroadcastComposer composer

    // Puts the keyboard in the first field.
    function focusFirstField() {
        if (loader.item)
            loader.item.focusFirstField();
    }

    // The field with the first complaint (in the order of the form), or null.
    function firstErrorItem() {
        return loader.item ? loader.item.firstErrorItem() : null;
    }

    implicitHeight: loader.implicitHeight

    Loader {
        id: loader
        width: parent.width
        active: panel.composer !== null
        sourceComponent: form
    }

    Component {
        id: form

        ColumnLayout {
            id: fields

            readonly property BroadcastComposer c: panel.composer
            readonly property BroadcastAudience audience: c.audience
            readonly property BroadcastTiming timing: c.timing
            readonly property bool fromTemplate: c.mode === BroadcastComposer.FromTemplate

            function focusFirstField() {
                if (fromTemplate)
                    templateBox.forceActiveFocus();
                else
                    titleField.forceActiveFocus();
            }

            function firstErrorItem() {
                const errors = c.fieldErrors;
                const order = [["title", titleField], ["message", messageField], ["url", urlField],
                               ["templateId", templateBox], ["variables", templateBox], ["name", nameField],
                               ["audience", audienceKinds], ["topic", topicField], ["excluded", excludedPicker],
                               ["channels", channelsFlow], ["priority", priorityBox], ["scheduledAt", timingEditor],
                               ["timezone", timingEditor], ["cron", timingEditor], ["maxOccurrences", timingEditor]];
                for (const [field, item] of order) {
                    if (errors[field] !== undefined && errors[field].length > 0)
                        return item;
                }
                return null;
            }

            spacing: 28

            // ---- What
            BroadcastSection {
                Layout.fillWidth: true
                title: qsTr("Message")
                icon: "edit"

                TabBar {
                    id: modeBar
                    Layout.fillWidth: true
                    Layout.maximumWidth: 420
                    currentIndex: fields.fromTemplate ? 1 : 0
                    background: Rectangle {
                        color: "transparent"
                        Rectangle {
                            anchors.bottom: parent.bottom
                            width: parent.width
                            height: 1
                            color: Theme.border
                        }
                    }
                    TabButton {
                        text: qsTr("Free text")
                        onClicked: fields.c.mode = BroadcastComposer.FreeText
                    }
                    TabButton {
                        objectName: "fromTemplateTab"
                        text: qsTr("From a template")
                        onClicked: fields.c.mode = BroadcastComposer.FromTemplate
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    visible: !fields.fromTemplate
                    spacing: 4

                    Label {
                        text: qsTr("Title")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    TextField {
                        id: titleField
                        objectName: "broadcastTitle"
                        Layout.fillWidth: true
                        text: fields.c.title
                        placeholderText: qsTr("What is it about?")
                        selectByMouse: true
                        Accessible.name: qsTr("Title")
                        onTextEdited: fields.c.title = text
                    }
                    FieldError {
                        Layout.fillWidth: true
                        text: fields.c.fieldErrors.title
                    }

                    Label {
                        Layout.topMargin: 4
                        text: qsTr("Message")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    TextArea {
                        id: messageField
                        objectName: "broadcastMessage"
                        Layout.fillWidth: true
                        Layout.minimumHeight: 96
                        text: fields.c.message
                        placeholderText: qsTr("The text users read (optional)")
                        wrapMode: TextEdit.Wrap
                        selectByMouse: true
                        Accessible.name: qsTr("Message")
                        KeyNavigation.priority: KeyNavigation.BeforeItem
                        KeyNavigation.tab: urlField
                        KeyNavigation.backtab: titleField
                        onTextChanged: if (text !== fields.c.message) fields.c.message = text
                    }
                    FieldError {
                        Layout.fillWidth: true
                        text: fields.c.fieldErrors.message
                    }

                    Label {
                        Layout.topMargin: 4
                        text: qsTr("Link")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    TextField {
                        id: urlField
                        Layout.fillWidth: true
                        text: fields.c.url
                        placeholderText: qsTr("https://… opened when the notification is clicked (optional)")
                        selectByMouse: true
                        inputMethodHints: Qt.ImhUrlCharactersOnly
                        Accessible.name: qsTr("Link")
                        onTextEdited: fields.c.url = text
                    }
                    FieldError {
                        Layout.fillWidth: true
                        text: fields.c.fieldErrors.url
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    visible: fields.fromTemplate
                    spacing: 4

                    Label {
                        text: qsTr("Template")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    ComboBox {
                        id: templateBox
                        objectName: "templateBox"
                        Layout.fillWidth: true
                        model: fields.c.templates
                        textRole: "name"
                        valueRole: "id"
                        currentIndex: fields.c.templates.findIndex(t => t.id === fields.c.templateId)
                        displayText: currentIndex < 0 ? qsTr("Choose a template") : currentText
                        Accessible.name: qsTr("Template")
                        onActivated: fields.c.templateId = currentValue
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: fields.c.templates.length === 0 ? qsTr("There are no templates yet: create one on the Templates page.")
                                                              : fields.c.templateDescription
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    FieldError {
                        Layout.fillWidth: true
                        text: fields.c.fieldErrors.templateId
                    }

                    Label {
                        Layout.topMargin: 6
                        visible: fields.c.variables.count > 0
                        text: qsTr("Values")
                        color: Theme.text
                        font.weight: Font.DemiBold
                    }
                    Label {
                        visible: fields.c.templateId.length > 0 && fields.c.variables.count === 0 && !fields.c.loading
                        text: qsTr("This template has no variables.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Repeater {
                        model: fields.c.variables
                        delegate: ColumnLayout {
                            id: variable

                            required property int index
                            required property string name
                            required property string type
                            required property bool required
                            required property string defaultValue
                            required property string value
                            required property string error

                            Layout.fillWidth: true
                            spacing: 2

                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Label {
                                    text: variable.name
                                    color: Theme.text
                                    font.family: "monospace"
                                }
                                Label {
                                    text: variable.required ? qsTr("%1, required").arg(variable.type) : variable.type
                                    color: variable.required ? Theme.warning : Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            TextField {
                                objectName: "variableValue-" + variable.name
                                Layout.fillWidth: true
                                visible: variable.type !== "boolean"
                                text: variable.value
                                placeholderText: variable.defaultValue.length > 0 ? qsTr("Default: %1").arg(variable.defaultValue)
                                                                                  : (variable.type === "date" ? qsTr("YYYY-MM-DD") : "")
                                selectByMouse: true
                                Accessible.name: qsTr("Value of %1").arg(variable.name)
                                onTextEdited: fields.c.variables.setValue(variable.index, text)
                            }
                            CheckBox {
                                visible: variable.type === "boolean"
                                text: qsTr("Yes")
                                checked: variable.value.length > 0 ? variable.value === "true" : variable.defaultValue === "true"
                                Accessible.name: qsTr("Value of %1").arg(variable.name)
                                onToggled: fields.c.variables.setValue(variable.index, checked ? "true" : "false")
                            }
                            FieldError {
                                Layout.fillWidth: true
                                text: variable.error
                            }
                        }
                    }
                    FieldError {
                        Layout.fillWidth: true
                        text: fields.c.fieldErrors.variables
                    }
                }

                Label {
                    Layout.topMargin: 4
                    text: qsTr("Name in the list")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                TextField {
                    id: nameField
                    Layout.fillWidth: true
                    text: fields.c.name
                    placeholderText: fields.fromTemplate ? qsTr("Default: the template's name") : qsTr("Default: the title")
                    selectByMouse: true
                    Accessible.name: qsTr("Name in the list")
                    onTextEdited: fields.c.name = text
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.name
                }
            }

            // ---- Who
            BroadcastSection {
                Layout.fillWidth: true
                title: qsTr("Audience")
                icon: "users"

                ButtonGroup {
                    id: audienceGroup
                }
                Flow {
                    id: audienceKinds
                    Layout.fillWidth: true
                    spacing: 4
                    Repeater {
                        model: [
                            { kind: BroadcastAudience.Everyone, label: qsTr("Everyone") },
                            { kind: BroadcastAudience.Roles, label: qsTr("Roles") },
                            { kind: BroadcastAudience.Topic, label: qsTr("Topic subscribers") },
                            { kind: BroadcastAudience.Users, label: qsTr("Chosen users") }
                        ]
                        delegate: RadioButton {
                            required property var modelData
                            text: modelData.label
                            ButtonGroup.group: audienceGroup
                            checked: fields.audience.kind === modelData.kind
                            onToggled: if (checked) fields.audience.kind = modelData.kind
                        }
                    }
                }

                Flow {
                    Layout.fillWidth: true
                    visible: fields.audience.kind === BroadcastAudience.Roles
                    spacing: 4
                    Repeater {
                        model: fields.audience.availableRoles
                        delegate: CheckBox {
                            required property var modelData
                            text: modelData.label
                            checked: fields.audience.roles.indexOf(modelData.value) >= 0
                            onToggled: fields.audience.setRole(modelData.value, checked)
                        }
                    }
                }

                BroadcastUserPicker {
                    Layout.fillWidth: true
                    visible: fields.audience.kind === BroadcastAudience.Users
                    session: fields.c.session
                    chosen: fields.audience.recipients
                    placeholder: qsTr("Search users to send to")
                    onPicked: (id, username, displayName) => fields.audience.addRecipient(id, username, displayName)
                    onRemoved: id => fields.audience.removeRecipient(id)
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.audience
                }

                Label {
                    Layout.topMargin: 4
                    text: fields.audience.kind === BroadcastAudience.Topic ? qsTr("Topic") : qsTr("File under topic (optional)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                TextField {
                    id: topicField
                    Layout.fillWidth: true
                    text: fields.audience.topic
                    placeholderText: fields.audience.kind === BroadcastAudience.Topic ? qsTr("Its subscribers get the broadcast, e.g. deploys")
                                                                                     : qsTr("Labels the notification, e.g. maintenance")
                    selectByMouse: true
                    Accessible.name: qsTr("Topic")
                    onTextEdited: fields.audience.topic = text
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.topic
                }

                Label {
                    Layout.topMargin: 4
                    text: qsTr("Leave out")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                BroadcastUserPicker {
                    id: excludedPicker
                    Layout.fillWidth: true
                    session: fields.c.session
                    chosen: fields.audience.excluded
                    placeholder: qsTr("Search users who should not get it")
                    onPicked: (id, username, displayName) => fields.audience.addExcluded(id, username, displayName)
                    onRemoved: id => fields.audience.removeExcluded(id)
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.excluded
                }

                // The live estimate.
                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    implicitHeight: estimateRow.implicitHeight + 16
                    radius: Theme.radius
                    color: fields.c.estimateError.length > 0 ? Theme.dangerSoft : Theme.accentSoft
                    Accessible.role: Accessible.StaticText
                    Accessible.name: estimateLabel.text

                    RowLayout {
                        id: estimateRow
                        anchors.fill: parent
                        anchors.margins: 8
                        anchors.leftMargin: 12
                        spacing: 10
                        Icon {
                            name: fields.c.estimateError.length > 0 ? "warning" : "users"
                            size: 18
                            color: fields.c.estimateError.length > 0 ? Theme.danger : Theme.accent
                        }
                        Label {
                            id: estimateLabel
                            objectName: "estimateLabel"
                            Layout.fillWidth: true
                            text: fields.c.estimateError.length > 0 ? fields.c.estimateError
                                : fields.c.estimating && fields.c.estimatedRecipients < 0 ? qsTr("Counting recipients…")
                                : fields.c.estimatedRecipients < 0 ? qsTr("Complete the audience to see how many users it reaches.")
                                : qsTr("Reaches %n user(s) right now", "", fields.c.estimatedRecipients)
                            color: fields.c.estimateError.length > 0 ? Theme.danger : Theme.text
                            font.weight: fields.c.estimatedRecipients >= 0 ? Font.DemiBold : Font.Normal
                            wrapMode: Text.Wrap
                        }
                        BusyIndicator {
                            implicitWidth: 22
                            implicitHeight: 22
                            padding: 0
                            running: fields.c.estimating
                            visible: running
                        }
                    }
                }
            }

            // ---- How
            BroadcastSection {
                Layout.fillWidth: true
                title: qsTr("Delivery")
                icon: "send"

                ButtonGroup {
                    id: channelGroup
                }
                RadioButton {
                    text: qsTr("Each user's preferred channels")
                    ButtonGroup.group: channelGroup
                    checked: fields.c.useChannelPreferences
                    onToggled: if (checked) fields.c.useChannelPreferences = true
                }
                RadioButton {
                    text: qsTr("Only these channels:")
                    ButtonGroup.group: channelGroup
                    checked: !fields.c.useChannelPreferences
                    onToggled: if (checked) fields.c.useChannelPreferences = false
                }
                Flow {
                    id: channelsFlow
                    Layout.fillWidth: true
                    Layout.leftMargin: 28
                    enabled: !fields.c.useChannelPreferences
                    spacing: 4
                    Repeater {
                        model: fields.c.availableChannels
                        delegate: CheckBox {
                            required property var modelData
                            text: modelData.fixed ? qsTr("%1 (always)").arg(modelData.label) : modelData.label
                            enabled: !modelData.fixed
                            checked: modelData.fixed || fields.c.channels.indexOf(modelData.value) >= 0
                            onToggled: fields.c.setChannel(modelData.value, checked)
                        }
                    }
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.channels
                }

                RowLayout {
                    spacing: 12
                    Label {
                        text: qsTr("Priority")
                        color: Theme.textMuted
                    }
                    ComboBox {
                        id: priorityBox
                        Layout.preferredWidth: 180
                        model: fields.c.priorities
                        textRole: "label"
                        valueRole: "value"
                        currentIndex: fields.c.priorities.findIndex(p => p.value === fields.c.priority)
                        Accessible.name: qsTr("Priority")
                        onActivated: fields.c.priority = currentValue
                    }
                }
                FieldError {
                    Layout.fillWidth: true
                    text: fields.c.fieldErrors.priority
                }
            }

            // ---- When
            BroadcastTimingEditor {
                id: timingEditor
                Layout.fillWidth: true
                timing: fields.timing
                fieldErrors: fields.c.fieldErrors
            }
        }
    }
}
