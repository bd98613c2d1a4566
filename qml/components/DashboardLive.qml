import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The server's load right now: connections, users online, the delivery queue and
// the uptime, refreshed every few seconds.
Card {
    id: card

    property ServerStats stats

    readonly property bool ready: stats !== null && stats.loaded

    function count(value) {
        return Number(value).toLocaleString(Qt.locale(), "f", 0);
    }

    padding: 14
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Live")

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing * 2

        ColumnLayout {
            Layout.preferredWidth: 150
            Layout.fillWidth: false
            spacing: 2
            RowLayout {
                spacing: 8
                Rectangle {
                    id: dot
                    width: 10
                    height: 10
                    radius: 5
                    color: card.ready ? Theme.success : Theme.textMuted
                    SequentialAnimation on opacity {
                        running: card.ready && card.visible
                        loops: Animation.Infinite
                        NumberAnimation { to: 0.35; duration: 900; easing.type: Easing.InOutQuad }
                        NumberAnimation { to: 1; duration: 900; easing.type: Easing.InOutQuad }
                    }
                }
                Label {
                    text: qsTr("Live")
                    color: Theme.text
                    font.pixelSize: Theme.fontBody + 2
                    font.weight: Font.DemiBold
                }
            }
            Label {
                Layout.fillWidth: true
                text: card.stats && card.stats.interval > 0
                      ? qsTr("every %1 s").arg(Math.round(card.stats.interval / 1000)) : ""
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Repeater {
            model: [
                { label: qsTr("Connections"), value: card.ready ? card.count(card.stats.connections) : "—",
                  warn: false },
                { label: qsTr("Users online"), value: card.ready ? card.count(card.stats.connectedUsers) : "—",
                  warn: false },
                { label: qsTr("Queue depth"), value: card.ready ? card.count(card.stats.queueDepth) : "—",
                  warn: card.ready && card.stats.queueDepth > 0 },
                { label: qsTr("Uptime"), value: card.ready ? card.stats.uptimeText : "—", warn: false }
            ]
            delegate: ColumnLayout {
                id: figure

                required property var modelData

                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: 2
                Accessible.role: Accessible.StaticText
                Accessible.name: figure.modelData.label + ": " + figure.modelData.value

                Label {
                    Layout.fillWidth: true
                    text: figure.modelData.label
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: 0.5
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: figure.modelData.value
                    color: figure.modelData.warn ? Theme.warning : Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
            }
        }
    }
}
