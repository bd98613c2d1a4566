#pragma once

#include "ui/PreferencesPage.h"

class QLabel;
class QPushButton;

namespace Tidings::Client {
class ClientSession;
} // namespace Tidings::Client

namespace Tidings::App {

class AppSettings;

// Who is signed in where, whether the connection is up, and signing out.
class AccountPage : public PreferencesPage
{
    Q_OBJECT

public:
    AccountPage(Client::ClientSession &session, AppSettings &settings, QWidget *parent = nullptr);

    [[nodiscard]] QPushButton *signOutButton() const { return m_signOut; }
    [[nodiscard]] QString stateText() const;

Q_SIGNALS:
    void signOutRequested();

private:
    void update();

    Client::ClientSession &m_session;
    AppSettings &m_settings;
    QLabel *m_server;
    QLabel *m_user;
    QLabel *m_state;
    QLabel *m_pending;
    QPushButton *m_signOut;
};

} // namespace Tidings::App
