import QtQuick
import QtQuick.Controls
import Tidings.Admin.Ui

// A column title of the delivery log.
Label {
    color: Theme.textMuted
    font.pixelSize: Theme.fontSmall
    font.weight: Font.DemiBold
    font.capitalization: Font.AllUppercase
    elide: Text.ElideRight
    Accessible.role: Accessible.ColumnHeader
}
