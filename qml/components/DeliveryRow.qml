import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One delivery job in the log: status, channel, user, topic, attempts, when it
// last changed and its last error. Columns give way from the right as the list
// narrows. `retryRequested` for a failed one's Retry button.
ItemDelegate {
    id: row

    property string jobId
    property string status
    property string channel
    property string userLabel
    property var topic: null
    property int attempts: 0
    property string updatedText
    property var lastError: null
    property bool selected: false
    property bool showTopic: true
    property bool showAttempts: true
    property bool showError: true
    property string statusText
    property string channelText

    signal retryRequested()

    padding: 0
    verticalPadding: 0
    leftPadding: 12
    rightPadding: 8
    implicitHeight: 48
    highlighted: selected
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1 %2 to %3, %4").arg(statusText).arg(channelText).arg(userLabel).arg(updatedText)

    background: Rectangle {
        color: row.selected ? Theme.accentSoft : (row.hovered ? Theme.surfaceRaised : "transparent")
        border.color: row.visualFocus ? Theme.accent : "transparent"
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.border
        }
    }

    contentItem: RowLayout {
        spacing: 12

        Item {
            Layout.preferredWidth: 86
            implicitHeight: statusChip.implicitHeight
            StatusChip {
                id: statusChip
                text: row.statusText
                tint: Theme.statusColor(row.status)
            }
        }
        Item {
            Layout.preferredWidth: 76
            implicitHeight: channelChip.implicitHeight
            StatusChip {
                id: channelChip
                text: row.channelText
                tint: Theme.channelColor(row.channel)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 110
            Layout.minimumWidth: 60
            text: row.userLabel
            color: Theme.text
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: 110
            visible: row.showTopic
            text: row.topic ? row.topic : "—"
            color: row.topic ? Theme.text : Theme.textMuted
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: 76
            visible: row.showAttempts
            horizontalAlignment: Text.AlignHCenter
            text: row.attempts
            color: Theme.text
        }
        Label {
            Layout.preferredWidth: 112
            text: row.updatedText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall + 1
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 200
            visible: row.showError
            text: row.lastError ? row.lastError : ""
            color: Theme.danger
            font.pixelSize: Theme.fontSmall + 1
            elide: Text.ElideRight
            maximumLineCount: 1
        }
        ToolButton {
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
            opacity: row.status === "failed" ? 1 : 0
            enabled: row.status === "failed"
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/retry.svg"
            icon.color: Theme.accent
            Accessible.name: qsTr("Retry this delivery")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Retry")
            onClicked: row.retryRequested()
        }
    }
}
