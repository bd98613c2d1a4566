import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Users and tokens: the accounts (search, create, role, disable, reset the
// password) on one tab, every user's API tokens (create, revoke) on the other.
Page {
    id: page

    property AdminSession session
    readonly property bool compact: width < 960
    // The row whose actions menu or confirmation is open.
    property var target: ({})

    function showActions(row, anchor) {
        target = users.get(row);
        const at = anchor.mapToItem(page, 0, anchor.height);
        userMenu.popup(at.x + anchor.width - userMenu.width, at.y);
    }

    background: null

    Shortcut {
        sequence: StandardKey.New
        enabled: page.visible && page.session !== null && page.session.signedIn
        onActivated: tabs.currentIndex === 0 ? createUserDialog.open() : createTokenDialog.open()
    }
    Shortcut {
        sequence: StandardKey.Find
        enabled: page.visible
        onActivated: {
            tabs.currentIndex = 0;
            search.forceActiveFocus();
        }
    }
    Shortcut {
        sequence: StandardKey.Refresh
        enabled: page.visible
        onActivated: tabs.currentIndex === 0 ? users.reload() : tokens.reload()
    }

    UserListModel {
        id: users
        session: page.session
        onActionSucceeded: message => Notices.info(message)
        // Form fields show their own errors; the rest become notices.
        onActionFailed: (message, field) => {
            if (!createUserDialog.opened || field.length === 0)
                Notices.error(message);
        }
        onOneTimePasswordChanged: {
            if (oneTimePassword.length > 0)
                passwordDialog.open();
        }
    }

    TokenListModel {
        id: tokens
        session: page.session
        onActionSucceeded: message => Notices.info(message)
        onActionFailed: (message, field) => {
            if (!createTokenDialog.opened || field.length === 0)
                Notices.error(message);
        }
        onLastSecretChanged: {
            if (lastSecret.length > 0)
                secretDialog.open();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Users and tokens")
            subtitle: qsTr("Accounts, roles and API tokens")

            Button {
                objectName: "newUserButton"
                visible: tabs.currentIndex === 0
                text: qsTr("New user")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/person-add.svg"
                highlighted: true
                enabled: page.session !== null && page.session.signedIn
                onClicked: createUserDialog.open()
            }
            Button {
                objectName: "newTokenButton"
                visible: tabs.currentIndex === 1
                text: qsTr("New token")
                icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/add.svg"
                highlighted: true
                enabled: page.session !== null && page.session.signedIn
                onClicked: createTokenDialog.open()
            }
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            background: null

            TabButton {
                text: qsTr("Users")
                width: implicitWidth
            }
            TabButton {
                text: qsTr("API tokens")
                width: implicitWidth
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // ---- Users
            Card {
                padding: 0

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.margins: 16
                        spacing: Theme.spacing

                        SearchField {
                            id: search
                            objectName: "userSearch"
                            Layout.preferredWidth: 320
                            Layout.maximumWidth: 420
                            placeholderText: qsTr("Search by name, username or email")
                            onTextChanged: users.search = text
                        }
                        BusyIndicator {
                            implicitWidth: 28
                            implicitHeight: 28
                            running: users.loading && users.count > 0
                            visible: running
                            Accessible.name: qsTr("Loading")
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: users.loaded
                            text: qsTr("%n user(s)", "", users.total)
                            color: Theme.textMuted
                        }
                    }

                    // Column titles, aligned with UserRow's columns.
                    RowLayout {
                        id: columnTitles
                        Layout.fillWidth: true
                        Layout.leftMargin: 12 + 36 + Theme.spacing + 4
                        Layout.rightMargin: 4 + 4 + 48 + Theme.spacing // list margin, row padding, Actions
                        spacing: Theme.spacing
                        // Hidden with the page too: a layout resized while hidden keeps stale
                        // positions until its own visibility changes (Qt 6.4).
                        visible: users.count > 0 && page.visible

                        Repeater {
                            model: [
                                { title: qsTr("Name"), fill: true, width: 100, shown: true },
                                { title: qsTr("Email"), fill: true, width: 100, shown: true },
                                { title: qsTr("Role"), fill: false, width: 110, shown: true },
                                { title: qsTr("Status"), fill: false, width: 100, shown: true },
                                { title: qsTr("Created"), fill: false, width: 110, shown: !page.compact }
                            ]
                            delegate: Label {
                                required property var modelData
                                visible: modelData.shown
                                Layout.fillWidth: modelData.fill
                                Layout.preferredWidth: modelData.width
                                Layout.minimumWidth: modelData.fill ? 100 : modelData.width
                                text: modelData.title
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                                font.capitalization: Font.AllUppercase
                                elide: Text.ElideRight
                            }
                        }
                    }

                    Rectangle {
                        Layout.fillWidth: true
                        Layout.topMargin: 8
                        implicitHeight: 1
                        color: Theme.border
                        visible: users.count > 0
                    }

                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true

                        ListView {
                            id: userList
                            objectName: "userList"
                            anchors.fill: parent
                            anchors.margins: 4
                            clip: true
                            model: users
                            spacing: 2
                            keyNavigationEnabled: true
                            activeFocusOnTab: true
                            boundsBehavior: Flickable.StopAtBounds
                            ScrollBar.vertical: ScrollBar {}
                            Accessible.name: qsTr("Users")
                            onAtYEndChanged: {
                                if (atYEnd && users.hasMore)
                                    users.loadMore();
                            }

                            delegate: UserRow {
                                required property var model
                                required property int index

                                width: userList.width
                                focus: ListView.isCurrentItem
                                initials: model.initials
                                name: model.name
                                username: model.username
                                email: model.email
                                role: model.role
                                roleLabel: model.roleLabel
                                disabled: model.disabled
                                isSelf: model.isSelf
                                createdText: model.createdText
                                compact: page.compact
                                onActionsRequested: anchor => {
                                    userList.currentIndex = index;
                                    page.showActions(index, anchor);
                                }
                            }

                            footer: Item {
                                width: userList.width
                                height: users.hasMore ? 52 : 0
                                Button {
                                    anchors.centerIn: parent
                                    visible: users.hasMore
                                    flat: true
                                    text: qsTr("Show more")
                                    onClicked: users.loadMore()
                                }
                            }
                        }

                        StateView {
                            anchors.fill: parent
                            loading: users.loading
                            errorMessage: users.errorMessage
                            empty: users.count === 0
                            emptyIcon: "users"
                            emptyTitle: users.search.trim().length > 0 ? qsTr("No users match “%1”").arg(users.search.trim())
                                                                        : qsTr("No users yet")
                            emptyText: users.search.trim().length > 0 ? qsTr("Try part of a name, a username or an email address.")
                                                                       : qsTr("Create accounts for the people who receive notifications.")
                            actionText: users.search.trim().length > 0 ? qsTr("Clear the search") : qsTr("New user")
                            onRetry: users.reload()
                            onAction: {
                                if (users.search.trim().length > 0)
                                    search.clear();
                                else
                                    createUserDialog.open();
                            }
                        }
                    }
                }
            }

            // ---- API tokens
            Card {
                padding: 0

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.margins: 16
                        spacing: Theme.spacing

                        Icon {
                            name: "info"
                            size: 18
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Integrations publish and read with these. A token acts as its owner; revoking it stops it at once.")
                            color: Theme.textMuted
                            wrapMode: Text.Wrap
                        }
                        Label {
                            visible: tokens.loaded
                            text: qsTr("%n token(s)", "", tokens.count)
                            color: Theme.textMuted
                        }
                        Button {
                            flat: true
                            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/refresh.svg"
                            text: qsTr("Refresh")
                            enabled: !tokens.loading
                            onClicked: tokens.reload()
                        }
                    }

                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 1
                        color: Theme.border
                        visible: tokens.count > 0
                    }

                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true

                        ListView {
                            id: tokenList
                            objectName: "tokenList"
                            anchors.fill: parent
                            anchors.margins: 4
                            clip: true
                            model: tokens
                            spacing: 2
                            boundsBehavior: Flickable.StopAtBounds
                            ScrollBar.vertical: ScrollBar {}
                            Accessible.name: qsTr("API tokens")

                            delegate: TokenRow {
                                required property var model

                                width: tokenList.width
                                name: model.name
                                ownerName: model.ownerName
                                ownerUsername: model.ownerUsername
                                scopes: model.scopes
                                topicsText: model.topicsText
                                createdText: model.createdText
                                lastUsedText: model.lastUsedText
                                expiresText: model.expiresText
                                expired: model.expired
                                compact: page.compact
                                onRevokeRequested: {
                                    page.target = { id: model.id, name: model.name, ownerName: model.ownerName };
                                    revokeDialog.open();
                                }
                            }
                        }

                        StateView {
                            anchors.fill: parent
                            loading: tokens.loading
                            errorMessage: tokens.errorMessage
                            empty: tokens.count === 0
                            emptyIcon: "key"
                            emptyTitle: qsTr("No API tokens")
                            emptyText: qsTr("Create a token for each integration that publishes notifications or reads them.")
                            actionText: qsTr("New token")
                            onRetry: tokens.reload()
                            onAction: createTokenDialog.open()
                        }
                    }
                }
            }
        }
    }

    // ---- A user's actions
    Menu {
        id: userMenu

        readonly property bool isSelf: page.target.id !== undefined && page.session !== null
                                       && page.target.id === page.session.userId

        Repeater {
            model: users.roleOptions
            delegate: MenuItem {
                required property var modelData
                text: qsTr("Role: %1").arg(modelData.label)
                checkable: true
                checked: page.target.role === modelData.value
                enabled: !userMenu.isSelf || modelData.value === "admin"
                onTriggered: {
                    if (page.target.role !== modelData.value)
                        users.setRole(page.target.id, modelData.value);
                }
            }
        }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Reset password…")
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/key.svg"
            icon.color: Theme.textMuted
            onTriggered: resetDialog.open()
        }
        MenuItem {
            text: page.target.disabled ? qsTr("Enable") : qsTr("Disable…")
            icon.source: "qrc:/qt/qml/Tidings/Admin/Ui/icons/" + (page.target.disabled ? "check" : "cancel") + ".svg"
            icon.color: page.target.disabled ? Theme.success : Theme.danger
            enabled: !userMenu.isSelf
            onTriggered: {
                if (page.target.disabled)
                    users.setDisabled(page.target.id, false);
                else
                    disableDialog.open();
            }
        }
    }

    ConfirmDialog {
        id: disableDialog
        title: qsTr("Disable %1?").arg(page.target.username || "")
        text: qsTr("%1 is signed out on every device at once and cannot sign in or receive notifications until enabled again. Their inbox and tokens are kept.")
              .arg(page.target.username || "")
        confirmText: qsTr("Disable")
        onConfirmed: users.setDisabled(page.target.id, true)
    }

    ConfirmDialog {
        id: resetDialog
        title: qsTr("Reset the password of %1?").arg(page.target.username || "")
        text: qsTr("The current password stops working and %1 is signed out everywhere. A new password is generated and shown to you once.")
              .arg(page.target.username || "")
        confirmText: qsTr("Reset password")
        onConfirmed: users.resetPassword(page.target.id, "")
    }

    ConfirmDialog {
        id: revokeDialog
        title: qsTr("Revoke the token %1?").arg(page.target.name || "")
        text: qsTr("Integrations using it are refused from now on. This cannot be undone.")
        confirmText: qsTr("Revoke")
        onConfirmed: tokens.revoke(page.target.id)
    }

    UserCreateDialog {
        id: createUserDialog
        users: users
    }

    TokenCreateDialog {
        id: createTokenDialog
        tokens: tokens
    }

    TokenSecretDialog {
        id: passwordDialog
        objectName: "passwordDialog"
        title: qsTr("Password of %1").arg(users.oneTimePasswordUser)
        text: qsTr("Give this password to %1 over a safe channel. They can sign in with it now.").arg(users.oneTimePasswordUser)
        secret: users.oneTimePassword
        secretLabel: qsTr("Password")
        onDismissed: users.dismissPassword()
    }

    TokenSecretDialog {
        id: secretDialog
        objectName: "secretDialog"
        title: qsTr("Token %1 created").arg(tokens.lastSecretName)
        text: qsTr("Use it as a bearer token: Authorization: Bearer <token>.")
        secret: tokens.lastSecret
        secretLabel: qsTr("Token")
        onDismissed: tokens.dismissSecret()
    }
}
