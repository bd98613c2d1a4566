import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The dashboard: the period's totals and rates, the timeline per channel, latency,
// the busiest topics, and the server's live load.
Page {
    id: page

    property AdminSession session

    readonly property var periods: [
        { value: Dashboard.Last24Hours, text: qsTr("24 hours"), long: qsTr("Last 24 hours") },
        { value: Dashboard.Last7Days, text: qsTr("7 days"), long: qsTr("Last 7 days") },
        { value: Dashboard.Last30Days, text: qsTr("30 days"), long: qsTr("Last 30 days") }
    ]

    function count(value) {
        return Number(value).toLocaleString(Qt.locale(), "f", 0);
    }

    function percent(value) {
        return qsTr("%1 %").arg(Number(value * 100).toLocaleString(Qt.locale(), "f", 1));
    }

    function periodText() {
        for (let i = 0; i < periods.length; ++i) {
            if (periods[i].value === dashboard.period)
                return periods[i].long;
        }
        return "";
    }

    background: null

    Dashboard {
        id: dashboard
        session: page.session
        live.active: page.visible
    }

    StateView {
        anchors.fill: parent
        visible: !dashboard.loaded
        empty: !dashboard.loaded
        loading: !dashboard.loaded && dashboard.errorMessage.length === 0
        errorMessage: dashboard.errorMessage
        onRetry: dashboard.refresh()
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: dashboard.loaded
        contentWidth: availableWidth

        Item {
            width: scroll.availableWidth
            implicitHeight: content.implicitHeight + 2 * Theme.pagePadding

            ColumnLayout {
                id: content
                anchors.fill: parent
                anchors.margins: Theme.pagePadding
                spacing: Theme.spacing + 4

                PageHeader {
                    Layout.fillWidth: true
                    title: qsTr("Dashboard")
                    subtitle: dashboard.updatedAt.getTime() > 0
                              ? qsTr("%1 · updated %2").arg(page.periodText()).arg(Qt.formatTime(dashboard.updatedAt, "HH:mm:ss"))
                              : page.periodText()

                    DashboardPeriodSelector {
                        periods: page.periods
                        current: dashboard.period
                        onChosen: value => dashboard.period = value
                    }
                    ToolButton {
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                        icon.color: Theme.textMuted
                        enabled: !dashboard.loading
                        Accessible.name: qsTr("Refresh")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Refresh (F5)")
                        onClicked: dashboard.refresh()
                    }
                }

                Shortcut {
                    sequence: StandardKey.Refresh
                    enabled: page.visible
                    onActivated: dashboard.refresh()
                }

                // The last refresh failed, but there are figures to show.
                Rectangle {
                    Layout.fillWidth: true
                    visible: dashboard.errorMessage.length > 0
                    implicitHeight: errorRow.implicitHeight + 16
                    radius: Theme.radius
                    color: Theme.dangerSoft
                    RowLayout {
                        id: errorRow
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 8
                        Icon {
                            name: "warning"
                            color: Theme.danger
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Could not refresh: %1").arg(dashboard.errorMessage)
                            color: Theme.danger
                            wrapMode: Text.Wrap
                        }
                        Button {
                            text: qsTr("Try again")
                            flat: true
                            onClicked: dashboard.refresh()
                        }
                    }
                }

                DashboardLive {
                    Layout.fillWidth: true
                    stats: dashboard.live
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: width > 1400 ? 8 : 4
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing

                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Sent")
                        value: page.count(dashboard.sent)
                        note: qsTr("all channels")
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Delivered")
                        value: page.count(dashboard.delivered)
                        note: qsTr("acknowledged in-app")
                        accent: Theme.success
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Read")
                        value: page.count(dashboard.read)
                        note: qsTr("%1 dismissed").arg(page.count(dashboard.dismissed))
                        accent: Theme.success
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Failed")
                        value: page.count(dashboard.failed)
                        note: qsTr("dead letters")
                        accent: dashboard.failed > 0 ? Theme.danger : Theme.text
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Delivery rate")
                        value: page.percent(dashboard.deliveryRate)
                        note: qsTr("delivered of sent in-app")
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Read rate")
                        value: page.percent(dashboard.readRate)
                        note: qsTr("read of delivered")
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Click rate")
                        value: page.percent(dashboard.clickRate)
                        note: qsTr("email and push links")
                    }
                    StatTile {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Clicked")
                        value: page.count(dashboard.clicked)
                        note: qsTr("people who opened a link")
                    }
                }

                DashboardTimeline {
                    Layout.fillWidth: true
                    dashboard: dashboard
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: width > 720 ? 2 : 1
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing

                    DashboardLatency {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        dashboard: dashboard
                    }
                    DashboardTopTopics {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        model: dashboard.topTopics
                    }
                }
            }
        }
    }
}
