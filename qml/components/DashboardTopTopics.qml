import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The busiest topics of the period, with a bar for what each sent.
Card {
    id: card

    property TopTopicsModel model

    function count(value) {
        return Number(value).toLocaleString(Qt.locale(), "f", 0);
    }

    padding: 16

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: qsTr("Top topics")
                color: Theme.text
                font.pixelSize: Theme.fontBody + 2
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Most sent first, with how many were read")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Layout.bottomMargin: 8
            visible: !card.model || card.model.count === 0
            text: qsTr("No topic had any activity in this period.")
            color: Theme.textMuted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }

        Repeater {
            model: card.model
            delegate: Item {
                id: row

                required property int index
                required property string topic
                required property double sent
                required property double read
                required property double share

                Layout.fillWidth: true
                implicitHeight: rowLayout.implicitHeight + 10
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1: %2 sent, %3 read").arg(topic).arg(card.count(sent)).arg(card.count(read))

                Rectangle {
                    anchors.left: parent.left
                    anchors.verticalCenter: parent.verticalCenter
                    height: parent.height - 2
                    width: Math.max(4, parent.width * row.share)
                    radius: 4
                    color: Theme.accentSoft
                }
                RowLayout {
                    id: rowLayout
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.leftMargin: 8
                    anchors.rightMargin: 8
                    spacing: Theme.spacing
                    Label {
                        text: (row.index + 1) + "."
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        Layout.preferredWidth: 20
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.topic
                        color: Theme.text
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        text: qsTr("%1 sent").arg(card.count(row.sent))
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        Layout.preferredWidth: 76
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("%1 read").arg(card.count(row.read))
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
