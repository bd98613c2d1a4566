import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// One delivery with its attempts, the full error and the provider's answer; a
// failed one can be retried. `closeRequested` and `retryRequested` for the page.
Card {
    id: panel

    property DeliveryLogModel log

    readonly property DeliveryDetails details: log ? log.details : null
    readonly property var job: details ? details.delivery : ({})

    signal closeRequested()
    signal retryRequested()

    function statusName(status) {
        return log ? log.statusName(status) : status;
    }

    function channelName(channel) {
        return log ? log.channelName(channel) : channel;
    }

    function eventName(event) {
        return log ? log.eventName(event) : event;
    }

    padding: 0
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Delivery details")

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.leftMargin: 16
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: qsTr("Delivery")
                color: Theme.text
                font.pixelSize: Theme.fontBody + 2
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                elide: Text.ElideRight
            }
            BusyIndicator {
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
                running: panel.details !== null && panel.details.loading
                visible: running
                Accessible.name: qsTr("Loading")
            }
            ToolButton {
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                icon.color: Theme.textMuted
                Accessible.name: qsTr("Reload the delivery")
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
                onClicked: panel.details.reload()
            }
            ToolButton {
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/close.svg"
                icon.color: Theme.textMuted
                Accessible.name: qsTr("Close the details")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close (Esc)")
                onClicked: panel.closeRequested()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        Label {
            Layout.fillWidth: true
            Layout.margins: 16
            visible: panel.details !== null && panel.details.errorMessage.length > 0
            text: panel.details ? panel.details.errorMessage : ""
            color: Theme.danger
            wrapMode: Text.Wrap
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: panel.details !== null && panel.details.loaded
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: 12

                Item {
                    implicitHeight: 4
                }

                RowLayout {
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    spacing: 8
                    StatusChip {
                        text: panel.statusName(panel.job.status || "")
                        tint: Theme.statusColor(panel.job.status || "")
                    }
                    StatusChip {
                        text: panel.channelName(panel.job.channel || "")
                        tint: Theme.channelColor(panel.job.channel || "")
                    }
                    Label {
                        text: qsTr("priority %1").arg(panel.job.priority || "")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }

                GridLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 4

                    Repeater {
                        model: [
                            qsTr("User"), panel.job.userLabel || "",
                            qsTr("Topic"), panel.job.topic || "—",
                            qsTr("Notification"), panel.job.messageId || "",
                            qsTr("Created"), panel.job.createdText || "",
                            qsTr("Updated"), panel.job.updatedText || "",
                            qsTr("Sent"), panel.job.sentText || "—",
                            qsTr("Next attempt"), panel.job.nextAttemptText || "—",
                            qsTr("Attempts"), String(panel.job.attempts !== undefined ? panel.job.attempts : ""),
                            qsTr("Provider code"), panel.job.providerCode || "—",
                            qsTr("Reason"), panel.job.reason || "—"
                        ]
                        delegate: Label {
                            required property var modelData
                            required property int index

                            // Labels and values alternate: the grid puts them side by side.
                            Layout.fillWidth: index % 2 === 1
                            Layout.preferredWidth: index % 2 === 0 ? 96 : -1
                            text: modelData
                            color: index % 2 === 0 ? Theme.textMuted : Theme.text
                            font.pixelSize: index % 2 === 0 ? Theme.fontSmall + 1 : Theme.fontBody
                            elide: index % 2 === 0 ? Text.ElideRight : Text.ElideMiddle
                        }
                    }
                }

                // The last error in full, selectable for copying.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    visible: !!panel.job.lastError
                    spacing: 4
                    Label {
                        text: qsTr("Last error")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    TextArea {
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.Wrap
                        text: panel.job.lastError || ""
                        color: Theme.danger
                        font.family: "monospace"
                        font.pixelSize: Theme.fontSmall + 1
                        Accessible.name: qsTr("Last error")
                        background: Rectangle {
                            radius: Theme.radius
                            color: Theme.dangerSoft
                        }
                    }
                }

                Button {
                    Layout.leftMargin: 16
                    visible: panel.details !== null && panel.details.canRetry
                    highlighted: true
                    text: qsTr("Retry delivery")
                    icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/retry.svg"
                    onClicked: panel.retryRequested()
                }

                Label {
                    Layout.leftMargin: 16
                    Layout.topMargin: 4
                    text: qsTr("Attempts")
                    color: Theme.text
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.leftMargin: 16
                    visible: panel.details !== null && panel.details.attempts.length === 0
                    text: qsTr("Not attempted yet.")
                    color: Theme.textMuted
                }

                // The attempts as a timeline, oldest first.
                Repeater {
                    model: panel.details ? panel.details.attempts : []
                    delegate: RowLayout {
                        id: entry

                        required property var modelData
                        required property int index
                        readonly property color tint: modelData.event === "sent" ? Theme.success
                                                    : modelData.event === "failed" ? Theme.danger
                                                    : modelData.event === "retry" || modelData.event === "deferred" ? Theme.warning
                                                    : Theme.accent

                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        Layout.rightMargin: 16
                        spacing: 10
                        Accessible.role: Accessible.ListItem
                        Accessible.name: panel.eventName(modelData.event) + ", " + modelData.atText
                                         + (modelData.error ? ", " + modelData.error : "")

                        Item {
                            Layout.preferredWidth: 12
                            Layout.fillHeight: true
                            Rectangle {
                                anchors.horizontalCenter: parent.horizontalCenter
                                y: 14
                                width: 2
                                height: parent.height - 8
                                visible: entry.index < (panel.details ? panel.details.attempts.length : 0) - 1
                                color: Theme.border
                            }
                            Rectangle {
                                anchors.horizontalCenter: parent.horizontalCenter
                                y: 4
                                width: 10
                                height: 10
                                radius: 5
                                color: entry.tint
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.bottomMargin: 8
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Label {
                                    text: panel.eventName(entry.modelData.event)
                                    color: entry.tint
                                    font.weight: Font.DemiBold
                                }
                                Label {
                                    visible: entry.modelData.attempt > 0
                                    text: qsTr("attempt %1").arg(entry.modelData.attempt)
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                }
                                Item {
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: entry.modelData.atText
                                    color: Theme.textMuted
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: !!entry.modelData.latencyText
                                text: qsTr("after %1").arg(entry.modelData.latencyText || "")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: !!entry.modelData.error
                                text: entry.modelData.error || ""
                                color: Theme.text
                                wrapMode: Text.Wrap
                                font.pixelSize: Theme.fontSmall + 1
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: !!entry.modelData.providerCode || !!entry.modelData.providerResponse
                                text: qsTr("Provider: %1 %2").arg(entry.modelData.providerCode || "").arg(entry.modelData.providerResponse || "")
                                color: Theme.textMuted
                                wrapMode: Text.Wrap
                                font.family: "monospace"
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }

                Item {
                    implicitHeight: 8
                }
            }
        }

        Item {
            Layout.fillHeight: true
            visible: !scroll.visible
        }
    }
}
