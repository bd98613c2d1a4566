import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin.Ui

// What a list shows when it has no rows to show: a spinner while loading, the
// error with a Retry button, or an empty state with an optional action. Place it
// over the list; it hides itself when there are rows (`empty` false).
Item {
    id: stateView

    property bool loading: false
    property string errorMessage
    property bool empty: false
    property string emptyIcon: "inbox"
    property string emptyTitle: qsTr("Nothing here yet")
    property string emptyText
    property string actionText

    signal retry()
    signal action()

    readonly property bool showing: (loading && empty) || (errorMessage.length > 0 && empty) || empty
    visible: showing

    BusyIndicator {
        anchors.centerIn: parent
        running: stateView.loading && stateView.empty
        visible: running
        Accessible.name: qsTr("Loading")
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        spacing: 10
        visible: !(stateView.loading && stateView.empty)

        Icon {
            Layout.alignment: Qt.AlignHCenter
            name: stateView.errorMessage.length > 0 ? "warning" : stateView.emptyIcon
            size: 40
            color: stateView.errorMessage.length > 0 ? Theme.danger : Theme.textMuted
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontTitle - 2
            font.weight: Font.DemiBold
            color: Theme.text
            text: stateView.errorMessage.length > 0 ? qsTr("Could not load this page") : stateView.emptyTitle
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.textMuted
            text: stateView.errorMessage.length > 0 ? stateView.errorMessage : stateView.emptyText
            visible: text.length > 0
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: stateView.errorMessage.length > 0
            text: qsTr("Try again")
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
            onClicked: stateView.retry()
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: stateView.errorMessage.length === 0 && stateView.actionText.length > 0
            highlighted: true
            text: stateView.actionText
            onClicked: stateView.action()
        }
    }
}
