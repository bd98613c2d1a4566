import QtQuick
import QtQuick.Controls.impl
import Tidings.Admin.Ui

// One of the console's icons (icons/<name>.svg), tinted for the theme.
Item {
    id: icon

    property string name
    property int size: 20
    property color color: Theme.textMuted

    implicitWidth: size
    implicitHeight: size

    IconImage {
        anchors.fill: parent
        source: icon.name.length > 0 ? "qrc:/qt/qml/Tidings/Admin/Ui/icons/" + icon.name + ".svg" : ""
        sourceSize.width: icon.size
        sourceSize.height: icon.size
        color: icon.color
    }
}
