import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// The console's window: the sign-in page until the session is signed in, then
// the navigation on the left and the chosen page on the right.
ApplicationWindow {
    id: window

    required property AdminSession session
    required property AdminSettings settings

    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 700
    visible: true
    title: session.signedIn ? qsTr("Tidings Admin — %1").arg(session.serverUrl) : qsTr("Tidings Admin")
    color: Theme.window

    Material.theme: settings.darkMode ? Material.Dark : Material.Light
    Material.accent: Theme.accent
    Material.primary: Theme.accent
    Material.background: Theme.window
    Material.foreground: Theme.text
    font.pixelSize: Theme.fontBody

    Binding {
        target: Theme
        property: "dark"
        value: window.settings.darkMode
    }

    Loader {
        id: content
        anchors.fill: parent
        sourceComponent: window.session.signedIn ? consoleView : signInView
    }

    Component {
        id: signInView
        SignInPage {
            session: window.session
            settings: window.settings
        }
    }

    Component {
        id: consoleView
        ConsoleView {
            session: window.session
            settings: window.settings
        }
    }

    // Passing notices from any page.
    ToolTip {
        id: notice

        property bool isError: false

        x: (window.width - width) / 2
        y: window.height - height - 32
        timeout: isError ? 8000 : 3500
        font.pixelSize: Theme.fontBody
        background: Rectangle {
            radius: Theme.radius
            color: notice.isError ? Theme.danger : (Theme.dark ? "#e6e8eb" : "#2b2f36")
        }
        contentItem: Label {
            text: notice.text
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            color: Theme.dark && !notice.isError ? "#121418" : "#ffffff"
            wrapMode: Text.Wrap
        }
    }

    Connections {
        target: Notices
        function onPosted(message, isError) {
            notice.isError = isError;
            notice.show(message);
        }
    }
}
