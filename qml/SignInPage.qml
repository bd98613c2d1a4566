import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Tidings.Admin
import Tidings.Admin.Ui

// Server address, admin username and password. The server's version and health
// appear as soon as the address answers.
Item {
    id: page

    required property AdminSession session
    required property AdminSettings settings

    function submit() {
        page.session.signIn(serverField.text, usernameField.text, passwordField.text);
    }

    Timer {
        id: probeTimer
        interval: 400
        onTriggered: page.session.probe(serverField.text)
    }

    Component.onCompleted: {
        if (serverField.text.length > 0)
            page.session.probe(serverField.text);
        (serverField.text.length === 0 ? serverField : usernameField.text.length === 0 ? usernameField : passwordField).forceActiveFocus();
    }

    Connections {
        target: page.session
        function onErrorMessageChanged() {
            const field = page.session.errorField;
            if (field === "server")
                serverField.forceActiveFocus();
            else if (field === "username")
                usernameField.forceActiveFocus();
            else if (field === "password") {
                passwordField.selectAll();
                passwordField.forceActiveFocus();
            }
        }
    }

    Card {
        anchors.centerIn: parent
        width: Math.min(440, page.width - 48)
        padding: 32

        ColumnLayout {
            anchors.fill: parent
            spacing: 14

            RowLayout {
                spacing: 12
                Rectangle {
                    width: 44
                    height: 44
                    radius: 12
                    color: Theme.accent
                    Icon {
                        anchors.centerIn: parent
                        name: "bell"
                        size: 26
                        color: "#ffffff"
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Label {
                        text: qsTr("Tidings Admin")
                        font.pixelSize: Theme.fontHeadline
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                    }
                    Label {
                        text: qsTr("Sign in with an administrator account")
                        color: Theme.textMuted
                    }
                }
            }

            Label {
                text: qsTr("Server")
                color: Theme.text
                font.weight: Font.DemiBold
                Layout.topMargin: 8
            }
            TextField {
                id: serverField
                objectName: "serverField"
                Layout.fillWidth: true
                text: page.settings.lastServer
                placeholderText: "https://tidings.example.org"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                enabled: !page.session.busy
                selectByMouse: true
                Accessible.name: qsTr("Server address")
                onTextEdited: probeTimer.restart()
                onAccepted: usernameField.forceActiveFocus()
            }
            RowLayout {
                spacing: 6
                visible: page.session.health !== AdminSession.Unknown
                Rectangle {
                    width: 8
                    height: 8
                    radius: 4
                    color: page.session.health === AdminSession.Ready ? Theme.success
                         : page.session.health === AdminSession.Degraded ? Theme.warning : Theme.danger
                }
                Label {
                    objectName: "serverInfo"
                    Layout.fillWidth: true
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    elide: Text.ElideRight
                    text: page.session.serverVersion.length > 0
                          ? qsTr("tidingsd %1 · %2").arg(page.session.serverVersion).arg(page.session.healthText)
                          : page.session.healthText
                }
            }
            FieldError {
                Layout.fillWidth: true
                text: page.session.errorField === "server" ? page.session.errorMessage : ""
            }

            Label {
                text: qsTr("Username")
                color: Theme.text
                font.weight: Font.DemiBold
            }
            TextField {
                id: usernameField
                objectName: "usernameField"
                Layout.fillWidth: true
                text: page.settings.lastUsername
                placeholderText: "admin"
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                enabled: !page.session.busy
                selectByMouse: true
                Accessible.name: qsTr("Username")
                onAccepted: passwordField.forceActiveFocus()
            }
            FieldError {
                Layout.fillWidth: true
                text: page.session.errorField === "username" ? page.session.errorMessage : ""
            }

            Label {
                text: qsTr("Password")
                color: Theme.text
                font.weight: Font.DemiBold
            }
            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                enabled: !page.session.busy
                selectByMouse: true
                Accessible.name: qsTr("Password")
                onAccepted: page.submit()
            }
            FieldError {
                Layout.fillWidth: true
                text: page.session.errorField === "password" ? page.session.errorMessage : ""
            }

            // Errors that are about no one field (the network, a refused account).
            Rectangle {
                Layout.fillWidth: true
                visible: page.session.errorMessage.length > 0 && ["server", "username", "password"].indexOf(page.session.errorField) < 0
                implicitHeight: generalError.implicitHeight + 20
                radius: Theme.radius
                color: Theme.dangerSoft
                Label {
                    id: generalError
                    objectName: "signInError"
                    anchors.fill: parent
                    anchors.margins: 10
                    text: page.session.errorMessage
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                }
            }

            Button {
                objectName: "signInButton"
                Layout.fillWidth: true
                Layout.topMargin: 6
                highlighted: true
                enabled: !page.session.busy
                text: page.session.state === AdminSession.Restoring ? qsTr("Signing in with the saved session…")
                    : page.session.busy ? qsTr("Signing in…") : qsTr("Sign in")
                onClicked: page.submit()
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: page.session.busy
                visible: running
                implicitHeight: 32
                implicitWidth: 32
            }
        }
    }

    Label {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 16
        text: qsTr("Your session is kept in the system keychain.")
        color: Theme.textMuted
        font.pixelSize: Theme.fontSmall
    }
}
