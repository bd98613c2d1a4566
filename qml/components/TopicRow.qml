import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One topic: name and description, who may read and publish, its subscribers
// and its grouping. Clicking (or Enter) opens the editor.
ItemDelegate {
    id: row

    property string name
    property string description
    property var readLabels: []
    property var publishLabels: []
    property int subscribers: 0
    property string grouping
    property string groupingLabel
    property string groupWindowText
    property bool compact: false

    signal editRequested()

    implicitHeight: Math.max(64, content.implicitHeight + 16)
    padding: 0
    leftPadding: 12
    rightPadding: 4
    Accessible.name: qsTr("Topic %1, %n subscriber(s)", "", subscribers).arg(name)
    background: Rectangle {
        color: row.hovered || row.visualFocus ? Theme.surfaceRaised : "transparent"
        border.color: row.visualFocus ? Theme.accent : "transparent"
        radius: Theme.radius
    }
    onClicked: editRequested()

    contentItem: RowLayout {
        id: content
        spacing: Theme.spacing

        Rectangle {
            implicitWidth: 36
            implicitHeight: 36
            radius: 18
            color: Theme.accentSoft
            Icon {
                anchors.centerIn: parent
                name: "topic"
                size: 18
                color: Theme.accent
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: row.name
                color: Theme.text
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: row.description.length > 0 ? row.description : qsTr("No description")
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.italic: row.description.length === 0
                elide: Text.ElideRight
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            text: row.readLabels.length > 0 ? row.readLabels.join(", ") : qsTr("Admins only")
            color: Theme.text
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }

        Label {
            visible: !row.compact
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            text: row.publishLabels.length > 0 ? row.publishLabels.join(", ") : qsTr("Admins only")
            color: Theme.text
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }

        Label {
            Layout.preferredWidth: 100
            horizontalAlignment: Text.AlignRight
            text: row.subscribers.toLocaleString(Qt.locale(), "f", 0)
            color: Theme.text
            font.weight: Font.DemiBold
        }

        Item {
            Layout.preferredWidth: 160
            implicitHeight: groupingColumn.implicitHeight
            ColumnLayout {
                id: groupingColumn
                anchors.left: parent.left
                anchors.leftMargin: 16
                anchors.verticalCenter: parent.verticalCenter
                spacing: 2
                StatusChip {
                    text: row.groupingLabel
                    tint: row.grouping === "off" ? Theme.textMuted : Theme.accent
                }
                Label {
                    visible: text.length > 0
                    text: row.groupWindowText
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        ToolButton {
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/edit.svg"
            icon.color: Theme.textMuted
            Accessible.name: qsTr("Edit the topic %1").arg(row.name)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Edit")
            ToolTip.delay: 600
            onClicked: row.editRequested()
        }
    }
}
