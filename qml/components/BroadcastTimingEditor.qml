import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// When a broadcast goes out: now, at a date and time in a time zone, or on a cron
// schedule, with the parsed time or the next runs shown as they are typed.
Item {
    id: editor

    property BroadcastTiming timing
    // The composer's fieldErrors (scheduledAt, timezone, cron, maxOccurrences).
    property var fieldErrors: ({})

    implicitHeight: loader.implicitHeight

    Loader {
        id: loader
        width: parent.width
        active: editor.timing !== null
        sourceComponent: form
    }

    Component {
        id: form

        BroadcastSection {
            id: section

            readonly property BroadcastTiming t: editor.timing
            readonly property bool at: t.mode === BroadcastTiming.At
            readonly property bool recurring: t.mode === BroadcastTiming.Recurring

            function errorOf(field) {
                const message = editor.fieldErrors[field];
                return message === undefined ? "" : message;
            }

            title: qsTr("When")
            icon: "schedule"

            ButtonGroup {
                id: modeGroup
            }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: [
                        { mode: BroadcastTiming.Now, label: qsTr("Now") },
                        { mode: BroadcastTiming.At, label: qsTr("At a date and time") },
                        { mode: BroadcastTiming.Recurring, label: qsTr("Recurring") }
                    ]
                    delegate: RadioButton {
                        required property var modelData
                        text: modelData.label
                        ButtonGroup.group: modeGroup
                        checked: section.t.mode === modelData.mode
                        onToggled: if (checked) section.t.mode = modelData.mode
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                visible: section.at || section.recurring
                columns: 2
                columnSpacing: 12
                rowSpacing: 4

                Label {
                    text: section.at ? qsTr("Date and time") : qsTr("Schedule (cron)")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                Label {
                    text: qsTr("Time zone")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }

                TextField {
                    objectName: section.at ? "dateField" : "cronField"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: section.at ? section.t.dateText : section.t.cron
                    placeholderText: section.at ? qsTr("YYYY-MM-DD HH:MM") : qsTr("minute hour day month weekday")
                    font.family: "monospace"
                    selectByMouse: true
                    Accessible.name: section.at ? qsTr("Date and time, as YYYY-MM-DD HH:MM") : qsTr("Cron expression")
                    onTextEdited: {
                        if (section.at)
                            section.t.dateText = text;
                        else
                            section.t.cron = text;
                    }
                }
                ComboBox {
                    id: zoneBox
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    editable: true
                    model: section.t.timeZones
                    currentIndex: section.t.timeZones.indexOf(section.t.timeZone)
                    Accessible.name: qsTr("Time zone")
                    onActivated: section.t.timeZone = currentText
                    onAccepted: section.t.timeZone = editText
                    onActiveFocusChanged: if (!activeFocus && editText !== section.t.timeZone) section.t.timeZone = editText
                }

                // Under the text: the parsed time (or why it does not parse).
                Item {
                    Layout.fillWidth: true
                    implicitHeight: parsedColumn.implicitHeight
                    ColumnLayout {
                        id: parsedColumn
                        width: parent.width
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            visible: section.at && section.t.dateError.length === 0
                            text: qsTr("Sends on %1").arg(section.t.scheduledAtText)
                            color: Theme.success
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                        FieldError {
                            Layout.fillWidth: true
                            text: section.at ? (section.t.dateError.length > 0 ? section.t.dateError : section.errorOf("scheduledAt"))
                                             : (section.t.cronError.length > 0 ? section.t.cronError : section.errorOf("cron"))
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: section.recurring
                            text: qsTr("Five fields: minute hour day-of-month month day-of-week, such as 0 9 * * MON-FRI or */30 * * * *; @daily and @weekly work too.")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                    }
                }
                FieldError {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    text: section.errorOf("timezone")
                }
            }

            RowLayout {
                visible: section.recurring
                spacing: 8
                CheckBox {
                    id: stopAfter
                    text: qsTr("Stop after")
                    checked: section.t.maxOccurrences > 0
                    onToggled: section.t.maxOccurrences = checked ? runs.value : 0
                }
                SpinBox {
                    id: runs
                    from: 1
                    to: 100000
                    editable: true
                    enabled: stopAfter.checked
                    value: section.t.maxOccurrences > 0 ? section.t.maxOccurrences : 10
                    Accessible.name: qsTr("Number of runs")
                    onValueModified: section.t.maxOccurrences = value
                }
                Label {
                    text: qsTr("runs")
                    color: Theme.textMuted
                }
            }
            FieldError {
                Layout.fillWidth: true
                text: section.errorOf("maxOccurrences")
            }

            // The next runs, as the server's scheduler will compute them.
            Rectangle {
                Layout.fillWidth: true
                visible: section.recurring && section.t.cronValid
                implicitHeight: previewColumn.implicitHeight + 20
                radius: Theme.radius
                color: Theme.surfaceRaised
                border.color: Theme.border

                ColumnLayout {
                    id: previewColumn
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 4
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Runs %1 (%2)").arg(section.t.cronDescription).arg(section.t.timeZone)
                        color: Theme.text
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                    }
                    Label {
                        text: qsTr("Next runs:")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    Repeater {
                        model: section.t.nextRuns
                        delegate: RowLayout {
                            required property string modelData
                            required property int index
                            spacing: 8
                            Label {
                                text: (index + 1) + "."
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                Layout.preferredWidth: 18
                                horizontalAlignment: Text.AlignRight
                            }
                            Label {
                                objectName: "nextRun"
                                text: modelData
                                color: Theme.text
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }
            }
        }
    }
}
