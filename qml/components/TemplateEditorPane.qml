import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// One template in the editor: its name and state with Save, Discard and Delete on
// top; its text, variables, details and versions in tabs; and the live preview
// beside them when there is room, or in a tab of its own when there is not.
Card {
    id: pane

    property TemplateEditor editor

    // Wide: the preview beside every tab. Medium: beside the text, which is where
    // typing happens. Narrow: the preview is a tab of its own.
    readonly property bool wide: width >= 1100
    readonly property bool medium: !wide && width >= 700
    readonly property bool previewBeside: wide || (medium && tabs.currentIndex === 0)
    readonly property bool ready: editor?.hasTemplate ?? false

    signal deleteRequested()
    signal restoreRequested(int version)

    padding: 0

    // After a refused save, the tab with the field it is about.
    Connections {
        target: pane.editor
        // Another template opens on its text.
        function onTemplateIdChanged() {
            tabs.currentIndex = 0;
        }
        function onActionFailed(message, field) {
            if (field === "name" || field === "type" || field === "topic" || field === "description")
                tabs.currentIndex = 2;
            else if (field.startsWith("variables"))
                tabs.currentIndex = 1;
            else if (field.startsWith("contents"))
                tabs.currentIndex = 0;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The template's name, version and state, and its actions.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 16
            Layout.bottomMargin: 8
            spacing: 8

            ColumnLayout {
                Layout.fillWidth: true
                // Narrow windows cut the chips rather than push the buttons out.
                Layout.minimumWidth: 0
                clip: true
                spacing: 4

                Label {
                    objectName: "editorTitle"
                    Layout.fillWidth: true
                    text: (pane.editor?.name ?? "").length > 0 ? pane.editor.name : qsTr("Unnamed template")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    font.family: "monospace"
                    color: Theme.text
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    StatusChip {
                        visible: pane.ready
                        text: qsTr("version %1").arg(pane.editor?.version ?? 0)
                        tint: Theme.accent
                    }
                    StatusChip {
                        objectName: "dirtyChip"
                        visible: pane.editor?.dirty ?? false
                        text: qsTr("unsaved changes")
                        tint: Theme.warning
                    }
                    Label {
                        visible: pane.ready && (pane.editor?.type ?? "").length > 0
                        text: qsTr("type %1").arg(pane.editor?.type ?? "")
                        Layout.fillWidth: true
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
            }
            Button {
                objectName: "discardButton"
                text: qsTr("Discard")
                flat: true
                enabled: (pane.editor?.dirty ?? false) && !(pane.editor?.busy ?? false)
                Accessible.name: qsTr("Discard changes")
                onClicked: pane.editor.revert()
            }
            Button {
                objectName: "saveButton"
                text: (pane.editor?.busy ?? false) ? qsTr("Saving…") : qsTr("Save")
                highlighted: true
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/check.svg"
                enabled: (pane.editor?.dirty ?? false) && !(pane.editor?.busy ?? false)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Save as a new version (Ctrl+S)")
                onClicked: pane.editor.save()
            }
            ToolButton {
                objectName: "deleteButton"
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/delete.svg"
                icon.color: Theme.danger
                enabled: pane.ready
                Accessible.name: qsTr("Delete template")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Delete template")
                onClicked: pane.deleteRequested()
            }
        }

        TabBar {
            id: tabs

            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            background: null

            TabButton {
                text: qsTr("Text")
                width: implicitWidth
            }
            TabButton {
                objectName: "variablesTab"
                text: (pane.editor?.variables.count ?? 0) > 0 ? qsTr("Variables (%1)").arg(pane.editor.variables.count) : qsTr("Variables")
                width: implicitWidth
                icon.source: (pane.editor?.fieldErrors.variables ?? "").length > 0 ? "qrc:/qt/qml/Tidings/Admin/Ui/icons/warning.svg" : ""
                icon.color: Theme.danger
            }
            TabButton {
                text: qsTr("Details")
                width: implicitWidth
                icon.source: ["name", "type", "topic", "description"].some(f => (pane.editor?.fieldErrors[f] ?? "").length > 0)
                             ? "qrc:/qt/qml/Tidings/Admin/Ui/icons/warning.svg" : ""
                icon.color: Theme.danger
            }
            TabButton {
                text: qsTr("Versions")
                width: implicitWidth
            }
            TabButton {
                text: qsTr("Preview")
                width: pane.wide || pane.medium ? 0 : implicitWidth
                visible: !pane.wide && !pane.medium
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 16
                currentIndex: (pane.wide || pane.medium) && tabs.currentIndex === 4 ? 0 : tabs.currentIndex

                TemplateContentForm {
                    editor: pane.editor
                }
                ScrollView {
                    id: variablesScroll

                    clip: true
                    contentWidth: availableWidth

                    TemplateVariablesTable {
                        width: variablesScroll.availableWidth
                        editor: pane.editor
                    }
                }
                TemplateDetailsForm {
                    editor: pane.editor
                }
                TemplateVersionsList {
                    editor: pane.editor
                    onRestoreRequested: version => pane.restoreRequested(version)
                }
                Loader {
                    active: !pane.wide && !pane.medium
                    sourceComponent: previewComponent
                }
            }

            // The preview beside the form, when there is room.
            Rectangle {
                Layout.fillHeight: true
                implicitWidth: 1
                visible: pane.previewBeside
                color: Theme.border
            }
            Loader {
                Layout.fillHeight: true
                Layout.preferredWidth: Math.round(pane.width * (pane.wide ? 0.42 : 0.45))
                Layout.margins: 16
                active: pane.previewBeside
                visible: active
                sourceComponent: previewComponent
            }
        }
    }

    Component {
        id: previewComponent

        TemplatePreviewPane {
            editor: pane.editor
        }
    }
}
