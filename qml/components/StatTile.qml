import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One figure on a card: a label, the value, and an optional note under it.
Card {
    id: tile

    property string label
    property string value
    property string note
    property color accent: Theme.accent

    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            text: tile.label
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            text: tile.value
            color: tile.accent
            font.pixelSize: Theme.fontHeadline
            font.weight: Font.DemiBold
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            text: tile.note
            visible: text.length > 0
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }
}
