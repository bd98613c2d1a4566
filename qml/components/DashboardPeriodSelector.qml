import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// A segmented choice of the dashboard's period: [{value, text, long}], `current`
// the chosen value; `chosen(value)` when the user picks another.
Rectangle {
    id: selector

    property var periods: []
    property int current: 0

    signal chosen(int value)

    implicitWidth: row.implicitWidth + 6
    implicitHeight: row.implicitHeight + 6
    radius: Theme.radius
    color: Theme.surfaceRaised
    border.color: Theme.border
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Period")

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 2

        Repeater {
            model: selector.periods
            delegate: AbstractButton {
                id: segment

                required property var modelData
                readonly property bool selected: selector.current === modelData.value

                implicitWidth: label.implicitWidth + 24
                implicitHeight: label.implicitHeight + 12
                focusPolicy: Qt.StrongFocus
                checkable: false
                Accessible.role: Accessible.PageTab
                Accessible.name: modelData.long
                Accessible.selected: selected
                ToolTip.visible: hovered && !selected
                ToolTip.text: modelData.long
                ToolTip.delay: 600
                onClicked: selector.chosen(modelData.value)
                Keys.onLeftPressed: nextItemInFocusChain(false).forceActiveFocus()
                Keys.onRightPressed: nextItemInFocusChain(true).forceActiveFocus()

                background: Rectangle {
                    radius: Theme.radius - 2
                    color: segment.selected ? Theme.surface : (segment.hovered ? Theme.accentSoft : "transparent")
                    border.color: segment.visualFocus ? Theme.accent : (segment.selected ? Theme.border : "transparent")
                }
                contentItem: Label {
                    id: label
                    text: segment.modelData.text
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: segment.selected ? Theme.accent : Theme.textMuted
                    font.pixelSize: Theme.fontSmall + 1
                    font.weight: segment.selected ? Font.DemiBold : Font.Normal
                }
            }
        }
    }
}
