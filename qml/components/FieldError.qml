import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// The server's or the form's complaint about one field, shown under it.
Label {
    color: Theme.danger
    font.pixelSize: Theme.fontSmall
    wrapMode: Text.Wrap
    visible: text.length > 0
    Accessible.role: Accessible.AlertMessage
}
