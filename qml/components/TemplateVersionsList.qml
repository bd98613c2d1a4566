import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// A template's versions, newest first, each with Restore (the page confirms it).
Item {
    id: list

    property TemplateEditor editor
    readonly property TemplateVersionsModel versions: editor ? editor.versions : null

    signal restoreRequested(int version)

    ListView {
        id: view

        anchors.fill: parent
        clip: true
        spacing: 4
        model: list.versions
        ScrollBar.vertical: ScrollBar {}

        header: Label {
            width: view.width
            bottomPadding: 8
            text: qsTr("Every save is a new version. Messages keep the version they were sent with; restoring saves an old version's text and variables as the newest one.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        delegate: Rectangle {
            id: row

            required property int version
            required property bool current
            required property string createdText
            required property bool byMe
            required property int variableCount

            width: ListView.view.width
            // As tall with Restore as without, so the rows line up.
            implicitHeight: Math.max(rowLayout.implicitHeight, restoreButton.implicitHeight) + 16
            radius: Theme.radius
            color: current ? Theme.accentSoft : Theme.surfaceRaised
            border.color: Theme.border
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("Version %1, %2").arg(version).arg(createdText)

            RowLayout {
                id: rowLayout

                anchors.fill: parent
                anchors.margins: 8
                anchors.leftMargin: 12
                spacing: 10

                Icon {
                    name: "history"
                    size: 18
                    color: row.current ? Theme.accent : Theme.textMuted
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    RowLayout {
                        spacing: 8
                        Label {
                            text: qsTr("Version %1").arg(row.version)
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        StatusChip {
                            visible: row.current
                            text: qsTr("current")
                            tint: Theme.success
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: {
                            const parts = [row.createdText];
                            if (row.byMe)
                                parts.push(qsTr("by you"));
                            parts.push(qsTr("%n variable(s)", "", row.variableCount));
                            return parts.join(" · ");
                        }
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
                Button {
                    id: restoreButton

                    objectName: "restore-" + row.version
                    visible: !row.current
                    text: qsTr("Restore")
                    flat: true
                    icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/history.svg"
                    enabled: list.versions !== null && !list.versions.busy
                    Accessible.name: qsTr("Restore version %1").arg(row.version)
                    onClicked: list.restoreRequested(row.version)
                }
            }
        }
    }

    StateView {
        anchors.fill: parent
        loading: list.versions?.loading ?? false
        errorMessage: list.versions?.errorMessage ?? ""
        empty: (list.versions?.count ?? 0) === 0
        emptyIcon: "history"
        emptyTitle: qsTr("No versions to show")
        onRetry: list.versions.reload()
    }
}
