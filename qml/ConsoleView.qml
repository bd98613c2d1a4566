import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The signed-in console: navigation, the server's state, and one page at a time.
// Pages are created the first time they are shown and kept afterwards.
Item {
    id: root

    objectName: "console"

    required property AdminSession session
    required property AdminSettings settings
    property int currentIndex: 0

    readonly property var pages: [
        { key: "dashboard", icon: "dashboard", title: qsTr("Dashboard"), source: "pages/DashboardPage.qml" },
        { key: "templates", icon: "template", title: qsTr("Templates"), source: "pages/TemplatesPage.qml" },
        { key: "broadcasts", icon: "broadcast", title: qsTr("Broadcasts"), source: "pages/BroadcastsPage.qml" },
        { key: "users", icon: "users", title: qsTr("Users and tokens"), source: "pages/UsersPage.qml" },
        { key: "topics", icon: "topic", title: qsTr("Topics"), source: "pages/TopicsPage.qml" },
        { key: "deliveries", icon: "log", title: qsTr("Delivery log"), source: "pages/DeliveryLogPage.qml" }
    ]

    // Switches to the page with `key` (for shortcuts and the driven tests).
    function show(key) {
        for (let i = 0; i < pages.length; ++i) {
            if (pages[i].key === key)
                currentIndex = i;
        }
    }

    Repeater {
        model: root.pages.length
        delegate: Item {
            required property int index
            Shortcut {
                sequence: "Ctrl+" + (index + 1)
                onActivated: root.currentIndex = index
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            color: Theme.sidebar

            Rectangle {
                anchors.right: parent.right
                width: 1
                height: parent.height
                color: Theme.border
            }

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 4

                RowLayout {
                    Layout.leftMargin: 8
                    Layout.topMargin: 8
                    Layout.bottomMargin: 16
                    spacing: 10
                    Rectangle {
                        width: 32
                        height: 32
                        radius: 8
                        color: Theme.accent
                        Icon {
                            anchors.centerIn: parent
                            name: "bell"
                            size: 20
                            color: "#ffffff"
                        }
                    }
                    ColumnLayout {
                        spacing: 0
                        Label {
                            text: "Tidings"
                            font.pixelSize: 17
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Label {
                            text: qsTr("Admin console")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                }

                Repeater {
                    model: root.pages
                    delegate: ItemDelegate {
                        id: navItem

                        required property var modelData
                        required property int index
                        readonly property bool current: root.currentIndex === index

                        objectName: "nav-" + modelData.key
                        Layout.fillWidth: true
                        text: modelData.title
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/" + modelData.icon + ".svg"
                        icon.color: current ? Theme.accent : Theme.textMuted
                        icon.width: 20
                        icon.height: 20
                        font.weight: current ? Font.DemiBold : Font.Normal
                        Material.foreground: current ? Theme.accent : Theme.text
                        highlighted: false
                        Accessible.name: modelData.title
                        Accessible.role: Accessible.PageTab
                        ToolTip.visible: hovered && root.width < 1100
                        ToolTip.text: qsTr("%1 (Ctrl+%2)").arg(modelData.title).arg(index + 1)
                        ToolTip.delay: 600
                        background: Rectangle {
                            radius: Theme.radius
                            color: navItem.current ? Theme.accentSoft
                                                   : (navItem.hovered || navItem.visualFocus ? Theme.surfaceRaised : "transparent")
                            border.color: navItem.visualFocus ? Theme.accent : "transparent"
                        }
                        onClicked: root.currentIndex = index
                    }
                }

                Item {
                    Layout.fillHeight: true
                }

                // The server and its health.
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: serverColumn.implicitHeight + 20
                    radius: Theme.radius
                    color: Theme.surfaceRaised
                    border.color: Theme.border
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Server %1, %2").arg(root.session.serverUrl).arg(root.session.healthText)

                    ColumnLayout {
                        id: serverColumn
                        anchors.fill: parent
                        anchors.margins: 10
                        spacing: 2
                        RowLayout {
                            spacing: 6
                            Rectangle {
                                width: 8
                                height: 8
                                radius: 4
                                color: root.session.health === AdminSession.Ready ? Theme.success
                                     : root.session.health === AdminSession.Degraded ? Theme.warning
                                     : root.session.health === AdminSession.Unknown ? Theme.textMuted : Theme.danger
                            }
                            Label {
                                Layout.fillWidth: true
                                text: root.session.healthText.length > 0 ? root.session.healthText : qsTr("Checking…")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: root.session.serverUrl
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            elide: Text.ElideMiddle
                        }
                        Label {
                            visible: root.session.serverVersion.length > 0
                            text: qsTr("tidingsd %1").arg(root.session.serverVersion)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    spacing: 8
                    Rectangle {
                        width: 32
                        height: 32
                        radius: 16
                        color: Theme.accentSoft
                        Label {
                            anchors.centerIn: parent
                            text: root.session.displayName.length > 0 ? root.session.displayName.charAt(0).toUpperCase() : "?"
                            color: Theme.accent
                            font.weight: Font.DemiBold
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: root.session.displayName
                            color: Theme.text
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Administrator")
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    ToolButton {
                        objectName: "themeButton"
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/" + (root.settings.darkMode ? "light" : "dark") + ".svg"
                        icon.color: Theme.textMuted
                        Accessible.name: root.settings.darkMode ? qsTr("Use the light theme") : qsTr("Use the dark theme")
                        ToolTip.visible: hovered
                        ToolTip.text: Accessible.name
                        onClicked: root.settings.darkMode = !root.settings.darkMode
                    }
                    ToolButton {
                        id: languageButton
                        text: root.settings.language.length > 0 ? root.settings.language.toUpperCase() : qsTr("Auto")
                        font.pixelSize: Theme.fontSmall
                        Accessible.name: qsTr("Language")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Language")
                        onClicked: languageMenu.open()
                        Menu {
                            id: languageMenu
                            y: -height
                            Repeater {
                                model: root.settings.languages
                                delegate: MenuItem {
                                    required property var modelData
                                    text: modelData.name
                                    checkable: true
                                    checked: root.settings.language === modelData.code
                                    onTriggered: root.settings.language = modelData.code
                                }
                            }
                        }
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    ToolButton {
                        objectName: "signOutButton"
                        icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/logout.svg"
                        icon.color: Theme.textMuted
                        Accessible.name: qsTr("Sign out")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Sign out")
                        onClicked: signOutDialog.open()
                    }
                }
            }
        }

        StackLayout {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.currentIndex

            Repeater {
                model: root.pages
                delegate: Loader {
                    required property var modelData
                    required property int index

                    objectName: "page-" + modelData.key
                    active: root.currentIndex === index || item !== null
                    asynchronous: false
                    source: Qt.resolvedUrl(modelData.source)
                    onLoaded: item.session = root.session
                }
            }
        }
    }

    ConfirmDialog {
        id: signOutDialog
        title: qsTr("Sign out?")
        text: qsTr("You will need your password to sign in to %1 again.").arg(root.session.serverUrl)
        confirmText: qsTr("Sign out")
        onConfirmed: root.session.signOut()
    }
}
