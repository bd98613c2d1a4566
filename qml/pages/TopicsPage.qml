import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Topics: who may read and publish each one, how many subscribe, and how
// repeated messages group. A topic also comes into being on its first publish.
Page {
    id: page

    property AdminSession session
    readonly property bool compact: width < 960

    background: null

    Shortcut {
        sequence: StandardKey.New
        enabled: page.visible && page.session !== null && page.session.signedIn
        onActivated: editorDialog.openNew()
    }
    Shortcut {
        sequence: StandardKey.Refresh
        enabled: page.visible
        onActivated: topics.reload()
    }

    AdminTopicListModel {
        id: topics
        session: page.session
        onActionSucceeded: message => Notices.info(message)
        onActionFailed: (message, field) => {
            if (!editorDialog.opened || field.length === 0)
                Notices.error(message);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Topics")
            subtitle: qsTr("Who may read and publish, and how messages group")

            Button {
                flat: true
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                text: qsTr("Refresh")
                enabled: !topics.loading && page.session !== null && page.session.signedIn
                onClicked: topics.reload()
            }
            Button {
                objectName: "newTopicButton"
                text: qsTr("New topic")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
                highlighted: true
                enabled: page.session !== null && page.session.signedIn
                onClicked: editorDialog.openNew()
            }
        }

        Card {
            Layout.fillWidth: true
            Layout.fillHeight: true
            padding: 0

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                // Column titles, aligned with TopicRow's columns.
                RowLayout {
                    id: columnTitles
                    Layout.fillWidth: true
                    Layout.topMargin: 16
                    Layout.leftMargin: 4 + 12 + 36 + Theme.spacing
                    Layout.rightMargin: 4 + 4 + 48 + Theme.spacing // list margin, row padding, Edit
                    spacing: Theme.spacing
                    // Hidden with the page too: a layout resized while hidden keeps stale
                    // positions until its own visibility changes (Qt 6.4).
                    visible: topics.count > 0 && page.visible

                    Repeater {
                        model: [
                            { title: qsTr("Topic"), fill: true, width: 100, shown: true, right: false, pad: 0 },
                            { title: qsTr("Read"), fill: true, width: 100, shown: true, right: false, pad: 0 },
                            { title: qsTr("Publish"), fill: true, width: 100, shown: !page.compact, right: false, pad: 0 },
                            { title: qsTr("Subscribers"), fill: false, width: 100, shown: true, right: true, pad: 0 },
                            { title: qsTr("Grouping"), fill: false, width: 160, shown: true, right: false, pad: 16 }
                        ]
                        delegate: Label {
                            required property var modelData
                            visible: modelData.shown
                            Layout.fillWidth: modelData.fill
                            Layout.preferredWidth: modelData.width
                            Layout.minimumWidth: modelData.fill ? 100 : modelData.width
                            leftPadding: modelData.pad
                            horizontalAlignment: modelData.right ? Text.AlignRight : Text.AlignLeft
                            text: modelData.title
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            font.capitalization: Font.AllUppercase
                            elide: Text.ElideRight
                        }
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    implicitHeight: 1
                    color: Theme.border
                    visible: topics.count > 0
                }

                Item {
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    ListView {
                        id: topicList
                        objectName: "topicList"
                        anchors.fill: parent
                        anchors.margins: 4
                        clip: true
                        model: topics
                        spacing: 2
                        keyNavigationEnabled: true
                        activeFocusOnTab: true
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        Accessible.name: qsTr("Topics")

                        delegate: TopicRow {
                            required property var model
                            required property int index

                            width: topicList.width
                            focus: ListView.isCurrentItem
                            name: model.name
                            description: model.description
                            readLabels: model.readLabels
                            publishLabels: model.publishLabels
                            subscribers: model.subscribers
                            grouping: model.grouping
                            groupingLabel: model.groupingLabel
                            groupWindowText: model.groupWindowText
                            compact: page.compact
                            onEditRequested: {
                                topicList.currentIndex = index;
                                editorDialog.openTopic(model.name);
                            }
                        }
                    }

                    StateView {
                        anchors.fill: parent
                        loading: topics.loading
                        errorMessage: topics.errorMessage
                        empty: topics.count === 0
                        emptyIcon: "topic"
                        emptyTitle: qsTr("No topics yet")
                        emptyText: qsTr("Create one to set who may read and publish it, or publish to a new topic name.")
                        actionText: qsTr("New topic")
                        onRetry: topics.reload()
                        onAction: editorDialog.openNew()
                    }
                }
            }
        }
    }

    TopicEditorDialog {
        id: editorDialog
        topics: topics
    }
}
