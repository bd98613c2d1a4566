import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The delivery log's filters: status, channel, user and creation time (a preset
// or a custom range typed in local time).
Card {
    id: bar

    property DeliveryLogModel log

    readonly property var statuses: [
        { value: "", text: qsTr("Any status") },
        { value: "pending", text: qsTr("Pending") },
        { value: "sending", text: qsTr("Sending") },
        { value: "sent", text: qsTr("Sent") },
        { value: "failed", text: qsTr("Failed") },
        { value: "skipped", text: qsTr("Skipped") },
        { value: "cancelled", text: qsTr("Cancelled") }
    ]
    readonly property var channels: [
        { value: "", text: qsTr("Any channel") },
        { value: "email", text: qsTr("Email") },
        { value: "push", text: qsTr("Push") },
        { value: "webhook", text: qsTr("Webhook") }
    ]
    readonly property var ranges: [
        { value: DeliveryLogModel.AnyTime, text: qsTr("Any time") },
        { value: DeliveryLogModel.LastHour, text: qsTr("Last hour") },
        { value: DeliveryLogModel.Last24Hours, text: qsTr("Last 24 hours") },
        { value: DeliveryLogModel.Last7Days, text: qsTr("Last 7 days") },
        { value: DeliveryLogModel.Last30Days, text: qsTr("Last 30 days") },
        { value: DeliveryLogModel.Custom, text: qsTr("Custom range") }
    ]
    readonly property bool custom: log !== null && log.range === DeliveryLogModel.Custom

    padding: 12

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            ComboBox {
                id: statusBox
                Layout.preferredWidth: 150
                Layout.minimumWidth: 110
                Layout.fillWidth: true
                model: bar.statuses
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Status")
                currentIndex: bar.log ? Math.max(0, indexOfValue(bar.log.status)) : 0
                onActivated: bar.log.status = currentValue
            }
            ComboBox {
                Layout.preferredWidth: 150
                Layout.minimumWidth: 110
                Layout.fillWidth: true
                model: bar.channels
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Channel")
                currentIndex: bar.log ? Math.max(0, indexOfValue(bar.log.channel)) : 0
                onActivated: bar.log.channel = currentValue
            }
            SearchField {
                id: userField
                Layout.preferredWidth: 220
                Layout.minimumWidth: 130
                Layout.fillWidth: true
                placeholderText: qsTr("User name or id")
                Accessible.name: qsTr("User")
                text: bar.log ? bar.log.user : ""
                onTextEdited: bar.log.user = text
                Keys.onEscapePressed: {
                    clear();
                    bar.log.user = "";
                }
            }
            ComboBox {
                Layout.preferredWidth: 160
                Layout.minimumWidth: 120
                Layout.fillWidth: true
                model: bar.ranges
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Created")
                currentIndex: bar.log ? Math.max(0, indexOfValue(bar.log.range)) : 0
                onActivated: {
                    bar.log.range = currentValue;
                    if (currentValue === DeliveryLogModel.Custom)
                        fromField.forceActiveFocus();
                }
            }
            Button {
                flat: true
                visible: bar.log !== null && (bar.log.filtered || bar.custom)
                text: qsTr("Clear")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/close.svg"
                Accessible.name: qsTr("Clear the filters")
                onClicked: bar.log.clearFilters()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: bar.custom
            spacing: 8

            Label {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 14
                text: qsTr("Created from")
                color: Theme.textMuted
            }
            ColumnLayout {
                Layout.preferredWidth: 190
                Layout.alignment: Qt.AlignTop
                spacing: 2
                TextField {
                    id: fromField
                    Layout.fillWidth: true
                    placeholderText: qsTr("2026-03-02 09:00")
                    Accessible.name: qsTr("Created from (local time)")
                    selectByMouse: true
                    text: bar.log ? bar.log.customFrom : ""
                    onTextEdited: bar.log.customFrom = text
                }
                FieldError {
                    Layout.fillWidth: true
                    text: bar.log && bar.custom && bar.log.rangeErrorField === "from" ? bar.log.rangeError : ""
                }
            }
            Label {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 14
                text: qsTr("until")
                color: Theme.textMuted
            }
            ColumnLayout {
                Layout.preferredWidth: 190
                Layout.alignment: Qt.AlignTop
                spacing: 2
                TextField {
                    id: toField
                    Layout.fillWidth: true
                    placeholderText: qsTr("now")
                    Accessible.name: qsTr("Created until (local time)")
                    selectByMouse: true
                    text: bar.log ? bar.log.customTo : ""
                    onTextEdited: bar.log.customTo = text
                }
                FieldError {
                    Layout.fillWidth: true
                    text: bar.log && bar.custom && bar.log.rangeErrorField === "to" ? bar.log.rangeError : ""
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 14
                text: qsTr("local time, yyyy-mm-dd hh:mm")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }
    }
}
