import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The delivery log: every delivery job, filtered by status, channel, user and
// time; a job's attempts and errors in a side panel; failed ones can be retried.
Page {
    id: page

    property AdminSession session
    property string retryId

    function askRetry(id, userLabel, channel) {
        page.retryId = id;
        retryDialog.text = qsTr("Send the %1 to %2 again now, with a fresh retry schedule?").arg(log.channelName(channel).toLowerCase()).arg(userLabel);
        retryDialog.open();
    }

    background: null

    DeliveryLogModel {
        id: log
        session: page.session
    }

    Connections {
        target: log
        function onActionFailed(message, field) {
            Notices.error(message);
        }
        function onActionSucceeded(message) {
            Notices.info(message);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Delivery log")
            subtitle: log.loaded ? qsTr("%n delivery job(s)", "", log.total) : qsTr("Every delivery job, its attempts and errors")

            ToolButton {
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                icon.color: Theme.textMuted
                enabled: !log.loading
                Accessible.name: qsTr("Refresh")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Refresh (F5)")
                onClicked: {
                    log.reload();
                    log.details.reload();
                }
            }
        }

        Shortcut {
            sequence: StandardKey.Refresh
            enabled: page.visible
            onActivated: {
                log.reload();
                log.details.reload();
            }
        }

        DeliveryFilterBar {
            Layout.fillWidth: true
            log: log
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Card {
                id: listCard
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 0

                // The columns follow the width the card will get, not its current width:
                // a column shown or hidden while the layouts arrange themselves would
                // be missed by the header's layout.
                readonly property real plannedWidth: page.width - 2 * Theme.pagePadding
                                                     - (detailsPanel.visible ? detailsPanel.Layout.preferredWidth + Theme.spacing : 0)
                readonly property bool showError: plannedWidth > 760
                readonly property bool showTopic: plannedWidth > 620
                readonly property bool showAttempts: plannedWidth > 520

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    // Column titles.
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 12
                        Layout.rightMargin: 8
                        Layout.preferredHeight: 36
                        spacing: 12
                        visible: log.count > 0

                        DeliveryHeaderLabel {
                            Layout.preferredWidth: 86
                            text: qsTr("Status")
                        }
                        DeliveryHeaderLabel {
                            Layout.preferredWidth: 76
                            text: qsTr("Channel")
                        }
                        DeliveryHeaderLabel {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 110
                            Layout.minimumWidth: 60
                            text: qsTr("User")
                        }
                        DeliveryHeaderLabel {
                            Layout.preferredWidth: 110
                            visible: listCard.showTopic
                            text: qsTr("Topic")
                        }
                        DeliveryHeaderLabel {
                            Layout.preferredWidth: 76
                            visible: listCard.showAttempts
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("Attempts")
                        }
                        DeliveryHeaderLabel {
                            Layout.preferredWidth: 112
                            text: qsTr("Updated")
                        }
                        DeliveryHeaderLabel {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 200
                            visible: listCard.showError
                            text: qsTr("Last error")
                        }
                        Item {
                            Layout.preferredWidth: 40
                        }
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 1
                        color: Theme.border
                        visible: log.count > 0
                    }

                    ListView {
                        id: list
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: log
                        focus: true
                        keyNavigationEnabled: true
                        boundsBehavior: Flickable.StopAtBounds
                        Accessible.role: Accessible.List
                        Accessible.name: qsTr("Deliveries")
                        ScrollBar.vertical: ScrollBar {}

                        delegate: DeliveryRow {
                            required property var model
                            required property int index

                            width: ListView.view.width
                            jobId: model.id
                            status: model.status
                            channel: model.channel
                            userLabel: model.userLabel
                            topic: model.topic
                            attempts: model.attempts
                            updatedText: model.updatedText
                            lastError: model.lastError
                            statusText: log.statusName(model.status)
                            channelText: log.channelName(model.channel)
                            selected: log.details.jobId === model.id
                            showTopic: listCard.showTopic
                            showAttempts: listCard.showAttempts
                            showError: listCard.showError
                            onClicked: {
                                list.currentIndex = index;
                                log.showDetails(model.id);
                            }
                            Keys.onReturnPressed: log.showDetails(model.id)
                            Keys.onEnterPressed: log.showDetails(model.id)
                            onRetryRequested: page.askRetry(model.id, model.userLabel, model.channel)
                        }

                        footer: Item {
                            width: ListView.view ? ListView.view.width : 0
                            height: log.hasMore || (log.loading && log.count > 0) ? 48 : 0
                            BusyIndicator {
                                anchors.centerIn: parent
                                running: log.loading && log.count > 0
                                visible: running
                            }
                            Button {
                                anchors.centerIn: parent
                                visible: log.hasMore && !log.loading
                                flat: true
                                text: qsTr("Load more")
                                onClicked: log.loadMore()
                            }
                        }
                    }
                }

                StateView {
                    anchors.fill: parent
                    empty: log.count === 0
                    loading: log.loading || !log.loaded
                    errorMessage: log.errorMessage
                    emptyIcon: "log"
                    emptyTitle: log.filtered ? qsTr("No deliveries match these filters") : qsTr("No deliveries yet")
                    emptyText: log.filtered ? "" : qsTr("Deliveries by email, push and webhook appear here as notifications go out.")
                    actionText: log.filtered ? qsTr("Clear the filters") : ""
                    onRetry: log.reload()
                    onAction: log.clearFilters()
                }
            }

            DeliveryDetailsPanel {
                id: detailsPanel
                Layout.fillHeight: true
                Layout.preferredWidth: Math.min(400, Math.max(300, page.width * 0.34))
                visible: log.details.jobId.length > 0
                log: log
                onCloseRequested: {
                    log.showDetails("");
                    list.forceActiveFocus();
                }
                onRetryRequested: page.askRetry(log.details.jobId, log.details.delivery.userLabel, log.details.delivery.channel)
            }
        }
    }

    Shortcut {
        sequence: "Escape"
        enabled: page.visible && log.details.jobId.length > 0 && !retryDialog.visible
        onActivated: {
            log.showDetails("");
            list.forceActiveFocus();
        }
    }

    ConfirmDialog {
        id: retryDialog
        title: qsTr("Retry this delivery?")
        confirmText: qsTr("Retry")
        destructive: false
        onConfirmed: log.retry(page.retryId)
    }
}
