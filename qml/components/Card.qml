import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// A rounded, bordered surface that groups a page's content.
Pane {
    padding: 16
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }
}
