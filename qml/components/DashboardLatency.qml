import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Delivery latency of the period: the median and the 95th and 99th percentiles.
Card {
    id: card

    property Dashboard dashboard

    padding: 16

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: qsTr("Latency")
                color: Theme.text
                font.pixelSize: Theme.fontBody + 2
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("From publishing to the provider's acceptance, or to the first acknowledgement in-app")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: [
                    { label: qsTr("Median (p50)"), value: card.dashboard ? card.dashboard.latencyP50 : "—" },
                    { label: qsTr("p95"), value: card.dashboard ? card.dashboard.latencyP95 : "—" },
                    { label: qsTr("p99"), value: card.dashboard ? card.dashboard.latencyP99 : "—" }
                ]
                delegate: Rectangle {
                    id: tile

                    required property var modelData

                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    implicitHeight: figure.implicitHeight + 20
                    radius: Theme.radius
                    color: Theme.surfaceRaised
                    border.color: Theme.border
                    Accessible.role: Accessible.StaticText
                    Accessible.name: tile.modelData.label + ": " + tile.modelData.value

                    ColumnLayout {
                        id: figure
                        anchors.fill: parent
                        anchors.margins: 10
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: tile.modelData.label
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: tile.modelData.value
                            color: Theme.text
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                    }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            text: card.dashboard && card.dashboard.latencySamples > 0
                  ? qsTr("%n delivery(s) measured", "", card.dashboard.latencySamples)
                  : qsTr("No delivery was measured in this period")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
