import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The live preview of the template being edited: sample values for its variables,
// and the subject, text and HTML the server renders from the unsaved draft as it
// changes. A render error is shown on top, and at the variable it is about.
ScrollView {
    id: pane

    property TemplateEditor editor
    property bool showSource: false

    readonly property bool hasError: (editor?.previewError ?? "").length > 0
    // A missing or mistyped sample is a request for a value, not a fault of the template.
    readonly property bool wantsSample: editor?.previewWantsSample ?? false
    readonly property color errorTint: wantsSample ? Theme.warning : Theme.danger

    clip: true
    contentWidth: availableWidth

    ColumnLayout {
        width: pane.availableWidth
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                text: qsTr("Preview")
                font.pixelSize: Theme.fontBody + 2
                font.weight: Font.DemiBold
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            StatusChip {
                visible: (pane.editor?.previewChannel ?? "").length > 0
                text: pane.editor ? pane.editor.variantLabel(pane.editor.previewChannel, pane.editor.previewLocale) : ""
                tint: Theme.accent
            }
            Item {
                Layout.fillWidth: true
            }
            BusyIndicator {
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
                running: pane.editor?.previewPending ?? false
                visible: running
                Accessible.name: qsTr("Updating the preview")
            }
        }

        // The error the server gave for the draft.
        Rectangle {
            Layout.fillWidth: true
            visible: pane.hasError
            implicitHeight: errorRow.implicitHeight + 16
            radius: Theme.radius
            color: pane.wantsSample ? Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, Theme.dark ? 0.18 : 0.1)
                                    : Theme.dangerSoft
            border.color: pane.errorTint

            RowLayout {
                id: errorRow

                anchors.fill: parent
                anchors.margins: 8
                spacing: 8

                Icon {
                    Layout.alignment: Qt.AlignTop
                    name: pane.wantsSample ? "info" : "warning"
                    size: 18
                    color: pane.errorTint
                }
                Label {
                    objectName: "previewError"
                    Layout.fillWidth: true
                    text: pane.wantsSample ? qsTr("%1. Fill in a sample value below to see the preview.").arg(pane.editor.previewError)
                                           : (pane.editor?.previewError ?? "")
                    color: pane.wantsSample ? Theme.text : Theme.danger
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
        }

        // Sample values.
        Label {
            text: qsTr("Sample values")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
        }
        Label {
            Layout.fillWidth: true
            visible: sampleList.count === 0
            text: qsTr("This template declares no variables.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        GridLayout {
            Layout.fillWidth: true
            visible: sampleList.count > 0
            columns: 2
            columnSpacing: 10
            rowSpacing: 6

            Repeater {
                id: sampleList

                model: pane.editor ? pane.editor.variables : null

                delegate: TextField {
                    id: sampleField

                    required property int index
                    required property string name
                    required property string type
                    required property bool required
                    required property string defaultValue
                    required property string sample
                    readonly property bool blamed: name.length > 0 && pane.editor !== null
                                                   && pane.editor.previewErrorVariable === name

                    objectName: "sample-" + name
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    visible: name.length > 0
                    text: sample
                    selectByMouse: true
                    placeholderText: defaultValue.length > 0 ? qsTr("default: %1").arg(defaultValue)
                                   : required ? qsTr("required (%1)").arg(type) : type
                    color: blamed ? pane.errorTint : Theme.text
                    Accessible.name: qsTr("Sample value of %1").arg(name)
                    onTextEdited: pane.editor.variables.setData(pane.editor.variables.index(index, 0), text, TemplateVariablesModel.SampleRole)

                    // Marks the field the preview complains about.
                    Rectangle {
                        anchors.fill: parent
                        visible: sampleField.blamed
                        color: "transparent"
                        radius: 4
                        border.color: pane.errorTint
                        border.width: 2
                    }
                }
            }
            Repeater {
                model: pane.editor ? pane.editor.variables : null

                delegate: Label {
                    required property int index
                    required property string name
                    required property bool required

                    Layout.row: index
                    Layout.column: 0
                    Layout.maximumWidth: 160
                    visible: name.length > 0
                    text: required ? name + " *" : name
                    font.family: "monospace"
                    color: pane.editor !== null && pane.editor.previewErrorVariable === name ? pane.errorTint : Theme.text
                    elide: Text.ElideRight
                }
            }
        }

        // What the server rendered.
        Label {
            Layout.topMargin: 4
            text: qsTr("Subject")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
        }
        Label {
            objectName: "previewSubject"
            Layout.fillWidth: true
            text: (pane.editor?.previewSubject ?? "").length > 0 ? pane.editor.previewSubject : qsTr("(no subject)")
            color: (pane.editor?.previewSubject ?? "").length > 0 ? Theme.text : Theme.textMuted
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            opacity: pane.hasError ? 0.5 : 1
            textFormat: Text.PlainText
        }

        Label {
            text: qsTr("Text")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: previewText.implicitHeight + 20
            radius: Theme.radius
            color: Theme.surfaceRaised
            border.color: Theme.border
            opacity: pane.hasError ? 0.5 : 1

            Label {
                id: previewText

                objectName: "previewText"
                anchors.fill: parent
                anchors.margins: 10
                text: (pane.editor?.previewText ?? "").length > 0 ? pane.editor.previewText : qsTr("(no text)")
                color: (pane.editor?.previewText ?? "").length > 0 ? Theme.text : Theme.textMuted
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: qsTr("HTML")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.5
            }
            TabBar {
                id: htmlMode

                currentIndex: pane.showSource ? 1 : 0
                background: null
                TabButton {
                    text: qsTr("Rendered")
                    width: implicitWidth
                    onClicked: pane.showSource = false
                }
                TabButton {
                    text: qsTr("Source")
                    width: implicitWidth
                    onClicked: pane.showSource = true
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Math.max(previewHtml.implicitHeight, 24) + 20
            radius: Theme.radius
            color: Theme.surfaceRaised
            border.color: Theme.border
            opacity: pane.hasError ? 0.5 : 1

            Text {
                id: previewHtml

                objectName: "previewHtml"
                anchors.fill: parent
                anchors.margins: 10
                text: (pane.editor?.previewHtml ?? "").length > 0 ? pane.editor.previewHtml : qsTr("(no HTML)")
                textFormat: pane.showSource || (pane.editor?.previewHtml ?? "").length === 0 ? Text.PlainText : Text.RichText
                font.family: pane.showSource ? "monospace" : Qt.application.font.family
                font.pixelSize: Theme.fontBody
                color: (pane.editor?.previewHtml ?? "").length > 0 ? Theme.text : Theme.textMuted
                linkColor: Theme.accent
                wrapMode: Text.Wrap
            }
        }
    }
}
