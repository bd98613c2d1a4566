import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Message templates: the list (searched on the server) on the left, the chosen
// template's editor with its live preview on the right. Unsaved changes are kept
// until the user says to drop them; deleting and restoring are confirmed.
Page {
    id: page

    property AdminSession session
    // The template to open once the user agreed to drop the unsaved changes.
    property string pendingId

    // Opens template `id` in the editor, asking first when that drops changes.
    function open(id) {
        if (id === templateEditor.templateId)
            return;
        if (templateEditor.dirty) {
            pendingId = id;
            discardDialog.open();
            return;
        }
        templateEditor.templateId = id;
    }

    // With nothing open, opens the first template listed.
    function openFirst() {
        if (templateEditor.templateId.length === 0 && templateList.count > 0)
            templateEditor.templateId = templateList.get(0).id;
    }

    background: null

    TemplateListModel {
        id: templateList
        session: page.session
        onLoadFinished: page.openFirst()
        onCreated: id => page.open(id)
        onRemoved: id => {
            if (templateEditor.templateId === id)
                templateEditor.templateId = "";
            page.openFirst();
        }
        onActionSucceeded: message => Notices.info(message)
        onActionFailed: (message, field) => {
            // The create dialog shows its own refusals under their field.
            if (!createDialog.visible)
                Notices.error(message);
        }
    }

    TemplateEditor {
        id: templateEditor
        session: page.session
        onSaved: document => templateList.applySaved(document)
        onActionSucceeded: message => Notices.info(message)
        // A refusal about a field is shown at the field; the notice only points there.
        onActionFailed: (message, field) => Notices.error(field.length > 0 ? qsTr("Not saved: see the field marked in red.") : message)
    }

    Connections {
        target: templateEditor.versions
        function onActionSucceeded(message) {
            Notices.info(message);
        }
        function onActionFailed(message, field) {
            Notices.error(message);
        }
    }

    Shortcut {
        sequence: StandardKey.Save
        enabled: page.visible && templateEditor.dirty && !templateEditor.busy
        onActivated: templateEditor.save()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Templates")
            subtitle: qsTr("The wording of notifications per channel and language")

            Button {
                objectName: "newTemplateButton"
                text: qsTr("New template")
                highlighted: true
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
                enabled: page.session !== null && page.session.signedIn
                onClicked: createDialog.open()
            }
        }

        // No templates at all: one invitation instead of an empty list and editor.
        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: templateList.loaded && templateList.total === 0 && templateList.search.length === 0
                     && templateList.errorMessage.length === 0

            StateView {
                anchors.fill: parent
                empty: true
                emptyIcon: "template"
                emptyTitle: qsTr("No templates yet")
                emptyText: qsTr("A template keeps the wording of a notification in one place: a subject, text and HTML per channel and language, with variables filled in when it is sent.")
                actionText: qsTr("Create a template")
                onAction: createDialog.open()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            visible: !(templateList.loaded && templateList.total === 0 && templateList.search.length === 0
                       && templateList.errorMessage.length === 0)

            // The list.
            Card {
                Layout.fillHeight: true
                Layout.preferredWidth: page.width >= 1400 ? 320 : 240
                padding: 0

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    SearchField {
                        objectName: "templateSearch"
                        Layout.fillWidth: true
                        Layout.margins: 12
                        placeholderText: qsTr("Search templates")
                        text: templateList.search
                        onTextChanged: templateList.search = text
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 1
                        color: Theme.border
                    }

                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true

                        ListView {
                            id: listView

                            objectName: "templateListView"
                            anchors.fill: parent
                            anchors.margins: 6
                            clip: true
                            spacing: 2
                            model: templateList
                            keyNavigationEnabled: true
                            ScrollBar.vertical: ScrollBar {}

                            delegate: ItemDelegate {
                                id: item

                                required property string templateId
                                required property string name
                                required property string description
                                required property int version
                                required property var channels
                                required property var locales
                                required property string updatedText
                                readonly property bool current: templateEditor.templateId === templateId

                                objectName: "template-" + name
                                width: ListView.view.width
                                padding: 10
                                Accessible.name: name
                                Accessible.description: description
                                Accessible.role: Accessible.ListItem
                                Keys.onReturnPressed: clicked()
                                Keys.onEnterPressed: clicked()
                                onClicked: page.open(templateId)

                                background: Rectangle {
                                    radius: Theme.radius
                                    color: item.current ? Theme.accentSoft
                                                        : (item.hovered || item.visualFocus ? Theme.surfaceRaised : "transparent")
                                    border.color: item.visualFocus ? Theme.accent : "transparent"
                                }

                                contentItem: ColumnLayout {
                                    spacing: 3

                                    RowLayout {
                                        Layout.fillWidth: true
                                        spacing: 6
                                        Label {
                                            Layout.fillWidth: true
                                            text: item.name
                                            font.family: "monospace"
                                            font.weight: Font.DemiBold
                                            color: item.current ? Theme.accent : Theme.text
                                            elide: Text.ElideRight
                                        }
                                        Label {
                                            text: qsTr("v%1").arg(item.version)
                                            color: Theme.textMuted
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                    RowLayout {
                                        Layout.fillWidth: true
                                        spacing: 6
                                        Label {
                                            Layout.fillWidth: true
                                            text: item.description
                                            color: Theme.textMuted
                                            font.pixelSize: Theme.fontSmall
                                            elide: Text.ElideRight
                                            maximumLineCount: 1
                                        }
                                        Label {
                                            text: item.updatedText
                                            color: Theme.textMuted
                                            font.pixelSize: Theme.fontSmall
                                        }
                                    }
                                    RowLayout {
                                        Layout.fillWidth: true
                                        visible: item.channels.length > 1 || item.locales.length > 0
                                        spacing: 4
                                        Repeater {
                                            model: item.channels.filter(c => c !== "default")
                                            delegate: StatusChip {
                                                required property string modelData
                                                text: templateEditor.variantLabel(modelData, "")
                                                tint: Theme.channelColor(modelData)
                                            }
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            visible: item.locales.length > 0
                                            text: item.locales.join(" · ")
                                            color: Theme.textMuted
                                            font.pixelSize: Theme.fontSmall
                                            elide: Text.ElideRight
                                        }
                                        Item {
                                            Layout.fillWidth: true
                                            visible: item.locales.length === 0
                                        }
                                    }
                                }
                            }

                            footer: Item {
                                width: ListView.view ? ListView.view.width : 0
                                height: templateList.hasMore ? 48 : 0
                                visible: templateList.hasMore
                                Button {
                                    anchors.centerIn: parent
                                    flat: true
                                    text: qsTr("Show more")
                                    onClicked: templateList.loadMore()
                                }
                            }
                        }

                        StateView {
                            anchors.fill: parent
                            loading: templateList.loading
                            errorMessage: templateList.errorMessage
                            empty: templateList.count === 0
                            emptyIcon: "search"
                            emptyTitle: qsTr("No match")
                            emptyText: qsTr("No template's name or description contains “%1”.").arg(templateList.search)
                            onRetry: templateList.reload()
                        }
                    }

                    Label {
                        Layout.fillWidth: true
                        Layout.margins: 10
                        visible: templateList.count > 0
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("%n template(s)", "", templateList.total)
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            // The editor, or why there is none.
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                TemplateEditorPane {
                    id: editorPane

                    objectName: "templateEditor"
                    anchors.fill: parent
                    editor: templateEditor
                    visible: templateEditor.hasTemplate
                    onDeleteRequested: deleteDialog.open()
                    onRestoreRequested: version => {
                        restoreDialog.version = version;
                        restoreDialog.open();
                    }
                }

                Card {
                    anchors.fill: parent
                    visible: !templateEditor.hasTemplate

                    StateView {
                        anchors.fill: parent
                        loading: templateEditor.loading
                        errorMessage: templateEditor.errorMessage
                        empty: true
                        emptyIcon: "template"
                        emptyTitle: qsTr("Choose a template")
                        emptyText: qsTr("Pick one from the list to edit its text, variables and versions.")
                        onRetry: templateEditor.revert()
                    }
                }
            }
        }
    }

    TemplateCreateDialog {
        id: createDialog
        templates: templateList
    }

    ConfirmDialog {
        id: discardDialog
        title: qsTr("Discard your changes?")
        text: qsTr("“%1” has changes that are not saved. They are lost if you open another template.").arg(templateEditor.name)
        confirmText: qsTr("Discard changes")
        onConfirmed: templateEditor.templateId = page.pendingId
    }

    ConfirmDialog {
        id: deleteDialog
        title: qsTr("Delete “%1”?").arg(templateEditor.name)
        text: qsTr("Publishing with this template stops working and its name becomes free. Messages already sent with it keep their text.")
        confirmText: qsTr("Delete")
        onConfirmed: templateList.remove(templateEditor.templateId)
    }

    ConfirmDialog {
        id: restoreDialog

        property int version

        title: qsTr("Restore version %1?").arg(version)
        text: templateEditor.dirty
              ? qsTr("Its text and variables are saved as version %1. Your unsaved changes are lost.").arg(templateEditor.version + 1)
              : qsTr("Its text and variables are saved as version %1.").arg(templateEditor.version + 1)
        confirmText: qsTr("Restore")
        destructive: templateEditor.dirty
        onConfirmed: templateEditor.versions.restore(version)
    }
}
