import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Chooses users for a broadcast: the chosen ones as removable chips, and a search
// over the server's users to add more (Enter adds the first match).
ColumnLayout {
    id: picker

    property AdminSession session
    // [{id, username, displayName}]
    property var chosen: []
    property string placeholder: qsTr("Search users by name or email")
    property string chipIcon: "users"

    signal picked(string id, string username, string displayName)
    signal removed(string id)

    function pickRow(row) {
        const user = users.get(row);
        if (user.id === undefined || user.disabled)
            return;
        picked(user.id, user.username, user.displayName || user.username);
        search.clear();
    }

    spacing: 6

    BroadcastUserSearchModel {
        id: users
        session: picker.session
        query: search.text
    }

    Flow {
        Layout.fillWidth: true
        visible: picker.chosen.length > 0
        spacing: 6

        Repeater {
            model: picker.chosen
            delegate: Rectangle {
                id: chip

                required property var modelData

                implicitWidth: chipRow.implicitWidth + 12
                implicitHeight: 30
                radius: 15
                color: Theme.accentSoft
                border.color: Theme.border

                RowLayout {
                    id: chipRow
                    anchors.verticalCenter: parent.verticalCenter
                    x: 10
                    spacing: 2
                    Label {
                        text: chip.modelData.displayName
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        Layout.maximumWidth: 220
                        elide: Text.ElideRight
                    }
                    ToolButton {
                        implicitWidth: 26
                        implicitHeight: 26
                        padding: 4
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/close.svg"
                        icon.width: 14
                        icon.height: 14
                        icon.color: Theme.textMuted
                        Accessible.name: qsTr("Remove %1").arg(chip.modelData.displayName)
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        onClicked: picker.removed(chip.modelData.id)
                    }
                }
            }
        }
    }

    SearchField {
        id: search
        objectName: "userSearchField"
        Layout.fillWidth: true
        placeholderText: picker.placeholder
        Keys.onDownPressed: if (results.count > 0) { results.currentIndex = 0; results.forceActiveFocus(); }
        onAccepted: if (results.count > 0) picker.pickRow(0)
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: results.count > 0 ? Math.min(results.contentHeight, 5 * 40) + 2 : 36
        visible: search.text.length > 0
        radius: Theme.radius
        color: Theme.surfaceRaised
        border.color: Theme.border

        ListView {
            id: results
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            model: users
            boundsBehavior: Flickable.StopAtBounds
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: picker.pickRow(currentIndex)
            Keys.onEnterPressed: picker.pickRow(currentIndex)
            Keys.onEscapePressed: search.forceActiveFocus()

            delegate: ItemDelegate {
                id: result

                required property int index
                required property string username
                required property string displayName
                required property string role
                required property bool disabled

                width: ListView.view.width
                height: 40
                enabled: !disabled
                highlighted: ListView.isCurrentItem && results.activeFocus
                text: displayName === username ? username : qsTr("%1 (%2)").arg(displayName).arg(username)
                Accessible.name: text
                onClicked: picker.pickRow(index)

                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        Layout.fillWidth: true
                        text: result.text
                        color: result.enabled ? Theme.text : Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Label {
                        text: result.disabled ? qsTr("disabled") : result.role
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        Label {
            anchors.centerIn: parent
            visible: users.loaded && !users.loading && results.count === 0
            text: qsTr("No user matches “%1”").arg(search.text)
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
    }
}
