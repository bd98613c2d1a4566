import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The template editor's variables: one row per declaration (name, type, required,
// default), each editable in place. A row the save refused, or the one the preview
// complains about, is marked red with the reason under it.
ColumnLayout {
    id: table

    property TemplateEditor editor

    spacing: 8

    Label {
        Layout.fillWidth: true
        text: qsTr("Values a message fills in: {{name}} in the text. A required variable must be given unless it has a default.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }

    FieldError {
        Layout.fillWidth: true
        text: table.editor?.fieldErrors.variables ?? ""
    }

    // Column headings, aligned with the rows' fields.
    RowLayout {
        Layout.fillWidth: true
        visible: variableList.count > 0
        spacing: 8

        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            text: qsTr("Name")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            Layout.preferredWidth: 112
            text: qsTr("Type")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Label {
            Layout.preferredWidth: 72
            text: qsTr("Required")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            text: qsTr("Default")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
        Item {
            Layout.preferredWidth: 40
        }
    }

    Repeater {
        id: variableList

        model: table.editor ? table.editor.variables : null

        delegate: Rectangle {
            id: row

            required property int index
            required property string name
            required property string type
            required property bool required
            required property string defaultValue
            required property string error
            // The preview's complaint about this declaration (not about its sample value).
            readonly property bool previewBlames: name.length > 0 && table.editor !== null
                                                  && table.editor.previewErrorVariable === name
                                                  && !table.editor.previewWantsSample
            readonly property bool marked: error.length > 0 || previewBlames

            objectName: "variableRow-" + index
            Layout.fillWidth: true
            implicitHeight: rowColumn.implicitHeight + 12
            radius: Theme.radius
            color: marked ? Theme.dangerSoft : "transparent"
            border.color: marked ? Theme.danger : "transparent"

            ColumnLayout {
                id: rowColumn

                anchors.fill: parent
                anchors.margins: 6
                spacing: 2

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8

                    TextField {
                        objectName: "variableName-" + row.index
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                        text: row.name
                        placeholderText: qsTr("name")
                        selectByMouse: true
                        font.family: "monospace"
                        Accessible.name: qsTr("Name of variable %1").arg(row.index + 1)
                        onTextEdited: table.editor.variables.setData(table.editor.variables.index(row.index, 0), text, TemplateVariablesModel.NameRole)
                    }
                    ComboBox {
                        Layout.preferredWidth: 112
                        model: table.editor ? table.editor.variableTypes : []
                        currentIndex: Math.max(0, model.indexOf(row.type))
                        Accessible.name: qsTr("Type of %1").arg(row.name.length > 0 ? row.name : qsTr("variable %1").arg(row.index + 1))
                        onActivated: index => table.editor.variables.setData(table.editor.variables.index(row.index, 0), model[index], TemplateVariablesModel.TypeRole)
                    }
                    Item {
                        Layout.preferredWidth: 72
                        implicitHeight: requiredBox.implicitHeight
                        CheckBox {
                            id: requiredBox
                            anchors.verticalCenter: parent.verticalCenter
                            checked: row.required
                            Accessible.name: qsTr("%1 is required").arg(row.name.length > 0 ? row.name : qsTr("variable %1").arg(row.index + 1))
                            onToggled: table.editor.variables.setData(table.editor.variables.index(row.index, 0), checked, TemplateVariablesModel.RequiredRole)
                        }
                    }
                    TextField {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                        text: row.defaultValue
                        placeholderText: row.type === "boolean" ? qsTr("true or false")
                                       : row.type === "number" ? qsTr("a number")
                                       : row.type === "date" ? qsTr("2025-01-31")
                                       : row.type === "url" ? qsTr("https://…") : qsTr("none")
                        selectByMouse: true
                        Accessible.name: qsTr("Default of %1").arg(row.name.length > 0 ? row.name : qsTr("variable %1").arg(row.index + 1))
                        onTextEdited: table.editor.variables.setData(table.editor.variables.index(row.index, 0), text, TemplateVariablesModel.DefaultValueRole)
                    }
                    ToolButton {
                        Layout.preferredWidth: 40
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/delete.svg"
                        icon.color: Theme.textMuted
                        Accessible.name: qsTr("Remove %1").arg(row.name.length > 0 ? row.name : qsTr("variable %1").arg(row.index + 1))
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        onClicked: table.editor.variables.remove(row.index)
                    }
                }
                FieldError {
                    Layout.fillWidth: true
                    text: row.error.length > 0 ? row.error : (row.previewBlames ? table.editor.previewError : "")
                }
            }
        }
    }

    Label {
        Layout.fillWidth: true
        Layout.topMargin: 8
        visible: variableList.count === 0
        text: qsTr("No variables yet: this template's text is the same in every message.")
        color: Theme.textMuted
        wrapMode: Text.Wrap
    }

    Button {
        objectName: "addVariableButton"
        text: qsTr("Add variable")
        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
        flat: true
        enabled: table.editor !== null && table.editor.hasTemplate
        onClicked: table.editor.variables.add()
    }
}
