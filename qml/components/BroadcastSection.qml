import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// One part of the broadcast composer: a heading with an icon and a note, and the
// part's fields under it.
ColumnLayout {
    id: section

    property string title
    property string note
    property string icon
    default property alias content: body.data

    spacing: 10

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        Icon {
            visible: section.icon.length > 0
            name: section.icon
            size: 18
            color: Theme.accent
        }
        Label {
            text: section.title
            font.pixelSize: Theme.fontBody + 2
            font.weight: Font.DemiBold
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            visible: section.note.length > 0
            text: section.note
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }

    ColumnLayout {
        id: body
        Layout.fillWidth: true
        Layout.leftMargin: 26
        spacing: 8
    }
}
