import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One account in the users table: initials, name and username, email, role,
// status, and the button that opens its actions (the page owns the menu).
ItemDelegate {
    id: row

    property string initials
    property string name
    property string username
    property string email
    property string role
    property string roleLabel
    property bool disabled: false
    property bool isSelf: false
    property string createdText
    property bool compact: false

    signal actionsRequested(Item anchor)

    implicitHeight: 60
    padding: 0
    leftPadding: 12
    rightPadding: 4
    Accessible.name: qsTr("%1, %2, %3%4").arg(name).arg(username).arg(roleLabel)
                     .arg(disabled ? qsTr(", disabled") : "")
    background: Rectangle {
        color: row.hovered || row.visualFocus ? Theme.surfaceRaised : "transparent"
        border.color: row.visualFocus ? Theme.accent : "transparent"
        radius: Theme.radius
    }
    onClicked: actionsRequested(moreButton)
    Keys.onMenuPressed: actionsRequested(moreButton)

    contentItem: RowLayout {
        spacing: Theme.spacing

        UserAvatar {
            initials: row.initials
            disabled: row.disabled
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: row.name
                color: row.disabled ? Theme.textMuted : Theme.text
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: row.isSelf ? qsTr("@%1 · you").arg(row.username) : "@" + row.username
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            text: row.email.length > 0 ? row.email : qsTr("No email")
            color: row.email.length > 0 ? Theme.text : Theme.textMuted
            font.italic: row.email.length === 0
            elide: Text.ElideMiddle
        }

        Item {
            Layout.preferredWidth: 110
            implicitHeight: roleChip.implicitHeight
            StatusChip {
                id: roleChip
                anchors.verticalCenter: parent.verticalCenter
                text: row.roleLabel
                tint: row.role === "admin" ? Theme.accent : row.role === "publisher" ? Theme.channelColor("webhook") : Theme.textMuted
            }
        }

        Item {
            Layout.preferredWidth: 100
            implicitHeight: statusChip.implicitHeight
            StatusChip {
                id: statusChip
                anchors.verticalCenter: parent.verticalCenter
                text: row.disabled ? qsTr("Disabled") : qsTr("Active")
                tint: row.disabled ? Theme.danger : Theme.success
            }
        }

        Label {
            visible: !row.compact
            Layout.preferredWidth: 110
            text: row.createdText
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }

        ToolButton {
            id: moreButton
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/more.svg"
            icon.color: Theme.textMuted
            Accessible.name: qsTr("Actions for %1").arg(row.username)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Actions")
            ToolTip.delay: 600
            onClicked: row.actionsRequested(moreButton)
        }
    }
}
