import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// A page's title and subtitle, with the page's actions (buttons) on the right.
RowLayout {
    id: header

    property string title
    property string subtitle
    default property alias actions: actionRow.data

    spacing: Theme.spacing

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2

        Label {
            text: header.title
            font.pixelSize: Theme.fontHeadline
            font.weight: Font.DemiBold
            color: Theme.text
            Accessible.role: Accessible.Heading
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            visible: header.subtitle.length > 0
            text: header.subtitle
            color: Theme.textMuted
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
    }

    RowLayout {
        id: actionRow
        spacing: 8
    }
}
