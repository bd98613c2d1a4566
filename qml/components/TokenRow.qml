import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One API token: its name and owner, scopes, topics, when it was made, last
// used and expires, and its Revoke button (the page confirms).
Control {
    id: row

    property string name
    property string ownerName
    property string ownerUsername
    property var scopes: []
    property string topicsText
    property string createdText
    property string lastUsedText
    property string expiresText
    property bool expired: false
    property bool compact: false

    signal revokeRequested()

    implicitHeight: Math.max(60, content.implicitHeight + 16)
    leftPadding: 12
    rightPadding: 4
    hoverEnabled: true
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Token %1 of %2, %3").arg(name).arg(ownerName).arg(expiresText)
    background: Rectangle {
        color: row.hovered ? Theme.surfaceRaised : "transparent"
        radius: Theme.radius
    }

    contentItem: RowLayout {
        id: content
        spacing: Theme.spacing

        Rectangle {
            implicitWidth: 36
            implicitHeight: 36
            radius: 18
            color: row.expired ? Theme.dangerSoft : Theme.accentSoft
            Icon {
                anchors.centerIn: parent
                name: "key"
                size: 18
                color: row.expired ? Theme.danger : Theme.accent
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
                text: row.ownerUsername.length > 0 && row.ownerUsername !== row.ownerName
                      ? qsTr("%1 (@%2)").arg(row.ownerName).arg(row.ownerUsername) : row.ownerName
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.minimumWidth: 100
            spacing: 4
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: row.scopes
                    delegate: StatusChip {
                        required property string modelData
                        text: modelData
                        tint: modelData === "admin" ? Theme.danger : modelData === "publish" ? Theme.accent : Theme.success
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.topicsText
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        ColumnLayout {
            visible: !row.compact
            Layout.preferredWidth: 170
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: qsTr("Created %1").arg(row.createdText)
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: row.lastUsedText
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Label {
            Layout.preferredWidth: 150
            text: row.expiresText
            color: row.expired ? Theme.danger : Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.weight: row.expired ? Font.DemiBold : Font.Normal
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        ToolButton {
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/delete.svg"
            icon.color: Theme.danger
            Accessible.name: qsTr("Revoke the token %1").arg(row.name)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Revoke")
            ToolTip.delay: 600
            onClicked: row.revokeRequested()
        }
    }
}
