import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Broadcasts: the list with each one's status and figures (refreshing itself
// while something is scheduled or sending), cancelling a scheduled one, and the
// composer for a new one in a drawer, confirmed before it is sent.
Page {
    id: page

    property AdminSession session

    // Column widths shared by the list's header and its rows.
    readonly property int statusWidth: 112
    readonly property int figureWidth: 88
    readonly property int createdWidth: width >= 1000 ? 132 : 0
    readonly property int actionWidth: 48

    function openComposer() {
        broadcastComposer.loadTemplates();
        composerDrawer.open();
    }

    function review() {
        if (broadcastComposer.validate()) {
            sendDialog.open();
        } else {
            Notices.error(qsTr("Check the highlighted fields."));
            revealFirstError();
        }
    }

    // Scrolls the composer to the first field with a complaint and focuses it.
    function revealFirstError() {
        const item = panel.firstErrorItem();
        if (!item)
            return;
        item.forceActiveFocus();
        reveal(item);
    }

    // Scrolls the composer so that `item` (one of its fields) is in view.
    function reveal(item) {
        let inside = item;
        while (inside && inside !== panel)
            inside = inside.parent;
        if (!inside)
            return;
        const top = item.mapToItem(panel, 0, 0).y;
        const bottom = top + item.height + 64;
        if (top < scroll.contentY)
            scroll.contentY = Math.max(0, top - 24);
        else if (bottom > scroll.contentY + scroll.height)
            scroll.contentY = Math.min(bottom - scroll.height, Math.max(0, scroll.contentHeight - scroll.height));
    }

    function percent(rate) {
        return rate < 0 ? "" : qsTr("%1%").arg(Math.round(rate * 100));
    }

    background: null

    BroadcastListModel {
        id: broadcasts
        session: page.session
    }

    BroadcastComposer {
        id: broadcastComposer
        session: page.session
        onSent: broadcast => {
            broadcasts.prepend(broadcast);
            composerDrawer.close();
        }
    }

    Connections {
        target: broadcasts
        function onActionSucceeded(message) {
            Notices.info(message);
        }
        function onActionFailed(message, field) {
            Notices.error(message);
        }
    }

    Connections {
        target: broadcastComposer
        function onActionSucceeded(message) {
            Notices.info(message);
        }
        function onActionFailed(message, field) {
            Notices.error(message);
            if (composerDrawer.opened)
                page.revealFirstError();
        }
    }

    // Tabbing through the composer keeps the focused field in view.
    Connections {
        target: page.Window.window
        enabled: composerDrawer.opened
        function onActiveFocusItemChanged() {
            if (page.Window.activeFocusItem)
                page.reveal(page.Window.activeFocusItem);
        }
    }

    Shortcut {
        sequence: StandardKey.New
        enabled: page.visible && !composerDrawer.opened
        onActivated: page.openComposer()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Broadcasts")
            subtitle: broadcasts.live ? qsTr("Send to many users at once, now, later or on a schedule · updating live")
                                      : qsTr("Send to many users at once, now, later or on a schedule")

            ComboBox {
                objectName: "broadcastStateFilter"
                Layout.preferredWidth: 180
                model: broadcasts.stateFilters
                textRole: "label"
                valueRole: "value"
                currentIndex: broadcasts.stateFilters.findIndex(f => f.value === broadcasts.stateFilter)
                Accessible.name: qsTr("Show broadcasts")
                onActivated: broadcasts.stateFilter = currentValue
            }
            ToolButton {
                objectName: "refreshBroadcastsButton"
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                icon.color: Theme.textMuted
                enabled: !broadcasts.loading
                Accessible.name: qsTr("Refresh")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Refresh")
                onClicked: broadcasts.reload()
            }
            Button {
                objectName: "newBroadcastButton"
                highlighted: true
                text: qsTr("New broadcast")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
                ToolTip.visible: hovered
                ToolTip.text: qsTr("New broadcast (Ctrl+N)")
                ToolTip.delay: 600
                onClicked: page.openComposer()
            }
        }

        // A failed refresh while rows are shown (with none, the state view says it).
        Label {
            Layout.fillWidth: true
            visible: broadcasts.errorMessage.length > 0 && broadcasts.count > 0
            text: broadcasts.errorMessage
            color: Theme.danger
            wrapMode: Text.Wrap
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0

            ListView {
                id: list
                objectName: "broadcastList"
                anchors.fill: parent
                clip: true
                model: broadcasts
                boundsBehavior: Flickable.StopAtBounds
                headerPositioning: ListView.OverlayHeader
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.name: qsTr("Broadcasts")
                Accessible.role: Accessible.List
                ScrollBar.vertical: ScrollBar {}
                onAtYEndChanged: if (atYEnd && broadcasts.hasMore) broadcasts.loadMore()

                header: Rectangle {
                    z: 2
                    width: ListView.view.width
                    height: 40
                    color: Theme.surfaceRaised
                    radius: Theme.radius
                    visible: broadcasts.count > 0

                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 1
                        color: Theme.border
                    }

                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 16
                        anchors.rightMargin: 8
                        spacing: 8
                        Label {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 200
                            Layout.leftMargin: 48
                            text: qsTr("Broadcast")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Repeater {
                            model: [
                                { title: qsTr("Status"), width: page.statusWidth, align: Text.AlignLeft },
                                { title: qsTr("Recipients"), width: page.figureWidth, align: Text.AlignRight },
                                { title: qsTr("Delivered"), width: page.figureWidth, align: Text.AlignRight },
                                { title: qsTr("Read"), width: page.figureWidth, align: Text.AlignRight },
                                { title: qsTr("Created"), width: page.createdWidth, align: Text.AlignRight }
                            ]
                            delegate: Label {
                                required property var modelData
                                Layout.preferredWidth: modelData.width
                                visible: modelData.width > 0
                                text: modelData.title
                                horizontalAlignment: modelData.align
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                        }
                        Item {
                            Layout.preferredWidth: page.actionWidth
                        }
                    }
                }

                delegate: ItemDelegate {
                    id: row

                    required property int index
                    required property var model

                    readonly property string statusTone: model.status === "recurring" ? "active" : model.status

                    width: ListView.view.width
                    height: 64
                    leftPadding: 16
                    rightPadding: 8
                    highlighted: ListView.isCurrentItem && list.activeFocus
                    Accessible.name: qsTr("%1, %2, %3 recipients, %4 read").arg(model.name).arg(model.statusText)
                                         .arg(model.recipients).arg(model.read)
                    onClicked: list.currentIndex = index

                    background: Rectangle {
                        color: row.highlighted ? Theme.accentSoft : (row.hovered ? Theme.surfaceRaised : "transparent")
                        Rectangle {
                            anchors.bottom: parent.bottom
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.leftMargin: 16
                            anchors.rightMargin: 16
                            height: 1
                            color: Theme.border
                            visible: row.index < broadcasts.count - 1
                        }
                    }

                    contentItem: RowLayout {
                        spacing: 8

                        Rectangle {
                            Layout.preferredWidth: 36
                            Layout.preferredHeight: 36
                            radius: 18
                            color: Qt.rgba(Theme.statusColor(row.statusTone).r, Theme.statusColor(row.statusTone).g,
                                           Theme.statusColor(row.statusTone).b, Theme.dark ? 0.2 : 0.1)
                            Icon {
                                anchors.centerIn: parent
                                name: row.model.recurring ? "history" : (row.model.status === "scheduled" ? "schedule" : "broadcast")
                                size: 18
                                color: Theme.statusColor(row.statusTone)
                            }
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 200
                            Layout.leftMargin: 4
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: row.model.name
                                color: Theme.text
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.model.status === "failed" && row.model.failureReason.length > 0
                                      ? row.model.failureReason
                                      : (row.model.nextRunText.length > 0 ? qsTr("%1 · %2").arg(row.model.scheduleText).arg(row.model.nextRunText)
                                                                          : row.model.scheduleText)
                                color: row.model.status === "failed" ? Theme.danger : Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                            }
                        }

                        Item {
                            Layout.preferredWidth: page.statusWidth
                            Layout.fillHeight: true
                            StatusChip {
                                anchors.verticalCenter: parent.verticalCenter
                                text: row.model.statusText
                                tint: Theme.statusColor(row.statusTone)
                            }
                        }

                        Label {
                            Layout.preferredWidth: page.figureWidth
                            horizontalAlignment: Text.AlignRight
                            text: Number(row.model.recipients).toLocaleString(Qt.locale(), "f", 0)
                            color: Theme.text
                            font.weight: Font.DemiBold
                        }
                        ColumnLayout {
                            Layout.fillWidth: false
                            Layout.preferredWidth: page.figureWidth
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                                text: Number(row.model.delivered).toLocaleString(Qt.locale(), "f", 0)
                                color: Theme.text
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                                visible: text.length > 0
                                text: row.model.status === "scheduled" ? "" : page.percent(row.model.deliveredRate)
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: false
                            Layout.preferredWidth: page.figureWidth
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                                text: Number(row.model.read).toLocaleString(Qt.locale(), "f", 0)
                                color: Theme.text
                                font.weight: Font.DemiBold
                            }
                            Label {
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                                visible: text.length > 0
                                text: row.model.status === "scheduled" ? "" : page.percent(row.model.readRate)
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        Label {
                            Layout.preferredWidth: page.createdWidth
                            visible: page.createdWidth > 0
                            horizontalAlignment: Text.AlignRight
                            text: row.model.createdText
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideLeft
                        }
                        Item {
                            Layout.preferredWidth: page.actionWidth
                            Layout.fillHeight: true
                            ToolButton {
                                anchors.centerIn: parent
                                visible: row.model.cancellable
                                enabled: !broadcasts.busy
                                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/cancel.svg"
                                icon.color: Theme.danger
                                Accessible.name: qsTr("Cancel %1").arg(row.model.name)
                                ToolTip.visible: hovered
                                ToolTip.text: row.model.recurring ? qsTr("Cancel: no further runs") : qsTr("Cancel before it is sent")
                                onClicked: {
                                    cancelDialog.broadcastId = row.model.id;
                                    cancelDialog.broadcastName = row.model.name;
                                    cancelDialog.recurring = row.model.recurring;
                                    cancelDialog.open();
                                }
                            }
                        }
                    }
                }

                footer: Item {
                    width: ListView.view.width
                    height: broadcasts.hasMore ? 48 : 0
                    BusyIndicator {
                        anchors.centerIn: parent
                        running: broadcasts.loading && broadcasts.count > 0
                        visible: running
                    }
                }
            }

            StateView {
                anchors.fill: parent
                loading: broadcasts.loading
                errorMessage: broadcasts.errorMessage
                empty: broadcasts.count === 0
                emptyIcon: "broadcast"
                emptyTitle: broadcasts.stateFilter.length > 0 ? qsTr("No broadcasts in this state") : qsTr("No broadcasts yet")
                emptyText: broadcasts.stateFilter.length > 0 ? qsTr("Choose “All broadcasts” to see the others.")
                                                             : qsTr("Send a message to everyone, some roles, a topic's subscribers or chosen users — now, later or on a schedule.")
                actionText: qsTr("New broadcast")
                onRetry: broadcasts.reload()
                onAction: page.openComposer()
            }
        }
    }

    Drawer {
        id: composerDrawer
        objectName: "broadcastComposerDrawer"

        edge: Qt.RightEdge
        width: Math.min(760, page.Window.width - 64)
        height: page.Window.height
        modal: true
        interactive: false
        padding: 0
        closePolicy: Popup.CloseOnEscape
        onOpened: panel.focusFirstField()

        background: Rectangle {
            color: Theme.surface
            Rectangle {
                width: 1
                height: parent.height
                color: Theme.border
            }
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 20
                Layout.bottomMargin: 12
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        text: qsTr("New broadcast")
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Nothing is sent until you confirm.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
                ToolButton {
                    icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/close.svg"
                    icon.color: Theme.textMuted
                    Accessible.name: qsTr("Close")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Close (Esc); the draft is kept")
                    onClicked: composerDrawer.close()
                }
            }

            Rectangle {
                Layout.fillWidth: true
                height: 1
                color: Theme.border
            }

            Flickable {
                id: scroll
                objectName: "composerScroll"
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: width
                contentHeight: panel.implicitHeight + 40
                boundsBehavior: Flickable.StopAtBounds
                clip: true
                ScrollBar.vertical: ScrollBar {}

                BroadcastComposerPanel {
                    id: panel
                    x: 20
                    y: 20
                    width: scroll.width - 40
                    composer: broadcastComposer
                }
            }

            Rectangle {
                Layout.fillWidth: true
                height: 1
                color: Theme.border
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 16
                Layout.leftMargin: 20
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    text: broadcastComposer.summary
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Button {
                    text: qsTr("Clear")
                    flat: true
                    enabled: !broadcastComposer.busy
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Start over with an empty draft")
                    onClicked: broadcastComposer.reset()
                }
                Button {
                    objectName: "reviewBroadcastButton"
                    highlighted: true
                    enabled: !broadcastComposer.busy
                    text: broadcastComposer.busy ? qsTr("Sending…") : qsTr("Review and send…")
                    icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/send.svg"
                    onClicked: page.review()
                }
            }
        }
    }

    ConfirmDialog {
        id: sendDialog
        objectName: "sendBroadcastDialog"
        // Sized from the page: ConfirmDialog's own parent-based width loops with its wrapped text.
        width: Math.min(460, page.width - 48)
        destructive: false
        title: broadcastComposer.timing.mode === BroadcastTiming.Now ? qsTr("Send this broadcast?") : qsTr("Schedule this broadcast?")
        text: broadcastComposer.summary
        confirmText: broadcastComposer.timing.mode === BroadcastTiming.Now ? qsTr("Send now") : qsTr("Schedule")
        onConfirmed: broadcastComposer.send()
    }

    ConfirmDialog {
        id: cancelDialog

        property string broadcastId
        property string broadcastName
        property bool recurring: false

        width: Math.min(460, page.width - 48)
        title: qsTr("Cancel “%1”?").arg(broadcastName)
        text: recurring ? qsTr("It will not run again. Messages already sent stay in the inboxes; deliveries still waiting are cancelled.")
                        : qsTr("It will not be sent, and nobody will see it.")
        confirmText: qsTr("Cancel broadcast")
        onConfirmed: broadcasts.cancel(broadcastId)
    }
}
