import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin.Ui

// One ACL of a topic as chips (each with a remove button) and a field to add an
// entry: "*", "role:publisher", "user:alice" or "@alice". The editor object
// checks the entries; `errorText` is its complaint about this list.
ColumnLayout {
    id: acl

    property string title
    property string hint
    property var entries: [] // [{entry, label}]
    property string errorText

    signal addRequested(string text)
    signal removeRequested(int index)

    // Called by the owner after an accepted add, to empty the field.
    function clearInput() {
        input.clear();
    }

    spacing: 6

    Label {
        text: acl.title
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }

    Flow {
        Layout.fillWidth: true
        spacing: 6

        Repeater {
            model: acl.entries
            delegate: Rectangle {
                id: chip

                required property var modelData
                required property int index

                implicitWidth: chipRow.implicitWidth + 16
                implicitHeight: 30
                radius: height / 2
                color: Theme.accentSoft
                border.color: removeButton.visualFocus ? Theme.accent : "transparent"

                RowLayout {
                    id: chipRow
                    anchors.verticalCenter: parent.verticalCenter
                    x: 10
                    spacing: 2
                    Label {
                        text: chip.modelData.label
                        color: Theme.accent
                        font.pixelSize: Theme.fontSmall
                        font.weight: Font.DemiBold
                    }
                    ToolButton {
                        id: removeButton
                        implicitWidth: 24
                        implicitHeight: 24
                        padding: 2
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/close.svg"
                        icon.width: 14
                        icon.height: 14
                        icon.color: Theme.accent
                        Accessible.name: qsTr("Remove %1").arg(chip.modelData.label)
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        ToolTip.delay: 600
                        onClicked: acl.removeRequested(chip.index)
                    }
                }
            }
        }

        Label {
            visible: acl.entries.length === 0
            height: 30
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Nobody but admins")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.italic: true
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        TextField {
            id: input
            Layout.fillWidth: true
            placeholderText: acl.hint
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            selectByMouse: true
            Accessible.name: qsTr("Add to %1").arg(acl.title)
            onAccepted: if (text.trim().length > 0) acl.addRequested(text)
        }
        Button {
            text: qsTr("Add")
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
            enabled: input.text.trim().length > 0
            Accessible.name: qsTr("Add the entry to %1").arg(acl.title)
            onClicked: acl.addRequested(input.text)
        }
    }

    FieldError {
        Layout.fillWidth: true
        text: acl.errorText
    }
}
