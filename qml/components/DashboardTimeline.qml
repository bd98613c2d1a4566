import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Tidings.Admin
import Tidings.Admin.Ui

// The dashboard's timeline: one line per delivery channel of the chosen figure,
// over the period's buckets. The dashboard fills the series and the time axis.
Card {
    id: card

    property Dashboard dashboard

    // Dots on the lines while there are few enough points to tell apart.
    readonly property bool showPoints: dashboard !== null && dashboard.bucketCount <= 31

    readonly property var metrics: [
        { value: "sent", text: qsTr("Sent") },
        { value: "delivered", text: qsTr("Delivered") },
        { value: "read", text: qsTr("Read") },
        { value: "failed", text: qsTr("Failed") },
        { value: "clicked", text: qsTr("Clicked") }
    ]

    function channelName(channel) {
        switch (channel) {
        case "inApp":
            return qsTr("In-app");
        case "email":
            return qsTr("Email");
        case "push":
            return qsTr("Push");
        case "webhook":
            return qsTr("Webhook");
        }
        return channel;
    }

    function attach() {
        if (!card.dashboard)
            return;
        card.dashboard.attachAxis(timeAxis);
        card.dashboard.attachSeries("inApp", inAppSeries);
        card.dashboard.attachSeries("email", emailSeries);
        card.dashboard.attachSeries("push", pushSeries);
        card.dashboard.attachSeries("webhook", webhookSeries);
    }

    padding: 16
    onDashboardChanged: attach()
    Component.onCompleted: attach()

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: qsTr("Timeline by channel")
                    color: Theme.text
                    font.pixelSize: Theme.fontBody + 2
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    text: card.dashboard && card.dashboard.bucket === "hour" ? qsTr("Per hour") : qsTr("Per day")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }
            ComboBox {
                id: metricBox
                Layout.preferredWidth: 150
                model: card.metrics
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Figure shown")
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(card.dashboard ? card.dashboard.timelineMetric : "sent"))
                onActivated: {
                    if (card.dashboard)
                        card.dashboard.timelineMetric = currentValue;
                }
            }
        }

        ChartView {
            id: chart
            Layout.fillWidth: true
            Layout.preferredHeight: 300
            Layout.minimumHeight: 220
            antialiasing: true
            animationOptions: ChartView.NoAnimation
            backgroundColor: Theme.surface
            plotAreaColor: Theme.surface
            backgroundRoundness: 0
            titleColor: "transparent"
            dropShadowEnabled: false
            margins.left: 0
            margins.right: 24
            margins.top: 0
            margins.bottom: 0
            legend.alignment: Qt.AlignBottom
            legend.labelColor: Theme.text
            legend.font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.Chart
            Accessible.name: qsTr("%1 per channel over the period").arg(metricBox.currentText)

            CategoryAxis {
                id: timeAxis
                color: Theme.border
                gridLineColor: Theme.border
                labelsColor: Theme.textMuted
                labelsFont.pixelSize: Theme.fontSmall
                gridVisible: true
            }
            ValueAxis {
                id: valueAxis
                min: 0
                max: card.dashboard ? card.dashboard.axisMax : 4
                tickCount: 5
                labelFormat: "%.0f"
                color: Theme.border
                gridLineColor: Theme.border
                labelsColor: Theme.textMuted
                labelsFont.pixelSize: Theme.fontSmall
            }

            LineSeries {
                id: inAppSeries
                name: card.channelName("inApp")
                axisX: timeAxis
                axisY: valueAxis
                color: Theme.channelColor("inApp")
                width: 2
                pointsVisible: card.showPoints
            }
            LineSeries {
                id: emailSeries
                name: card.channelName("email")
                axisX: timeAxis
                axisY: valueAxis
                color: Theme.channelColor("email")
                width: 2
                pointsVisible: card.showPoints
            }
            LineSeries {
                id: pushSeries
                name: card.channelName("push")
                axisX: timeAxis
                axisY: valueAxis
                color: Theme.channelColor("push")
                width: 2
                pointsVisible: card.showPoints
            }
            LineSeries {
                id: webhookSeries
                name: card.channelName("webhook")
                axisX: timeAxis
                axisY: valueAxis
                color: Theme.channelColor("webhook")
                width: 2
                pointsVisible: card.showPoints
            }

            Label {
                anchors.centerIn: parent
                visible: card.dashboard !== null && card.dashboard.loaded && card.dashboard.timelineMax === 0
                text: qsTr("Nothing to show for this period yet")
                color: Theme.textMuted
            }
        }
    }
}
