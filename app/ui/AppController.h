#pragma once

#include "core/AppSettings.h"
#include "core/DoNotDisturb.h"
#include "core/QuietHoursMonitor.h"
#include "protocol/Notification.h"
#include "protocol/Preferences.h"
#include "ui/TrayIcon.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Tidings::Client {
class ClientSession;
class CredentialStore;
} // namespace Tidings::Client

namespace Tidings::App {

class DesktopNotifier;
class NotificationCenter;
class PreferencesDialog;
class SignInDialog;
class SoundPlayer;
class StatusInterface;

// The tray client's composition root: the account's ClientSession and keychain,
// the tray icon, the desktop notifier (built-in or native), Do Not Disturb and
// quiet hours, the sound, and the windows (sign-in, notification center,
// preferences). main() builds one and calls start().
class AppController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl server; // with username and password: non-interactive sign-in
        QString username;
        QString password;
        bool minimized = false; // no window at start (only the tray)
        bool resetLocalData = false; // forget the local stores and Do Not Disturb first
    };

    AppController(AppSettings &settings, Options options, QObject *parent = nullptr);
    ~AppController() override;

    void start();

    // Opens (creating it if needed) and raises the notification center; without an
    // account, the sign-in dialog.
    void showNotificationCenter();
    void showPreferences();
    void signOut();

    [[nodiscard]] TrayIcon &tray() { return *m_tray; }
    [[nodiscard]] DesktopNotifier *notifier() const { return m_notifier.get(); }
    [[nodiscard]] Client::ClientSession *session() const { return m_session.get(); }
    [[nodiscard]] NotificationCenter *center() const { return m_center.get(); }
    [[nodiscard]] DoNotDisturb &doNotDisturb() { return m_dnd; }

Q_SIGNALS:
    // The first sign-in of this run finished (ok or not), for scripts and tests.
    void signInFinished(bool ok);

private:
    void createSession(const QUrl &server);
    void destroySession();
    void showSignIn(const QString &error = {});
    void onSignInRequested(const QUrl &server, const QString &username, const QString &password);
    void onSignedInChanged(bool signedIn);
    void onSignInFailed(const Tidings::ProtocolError &error);
    void onNotificationsArrived(const QList<Tidings::Notification> &notifications, bool live);
    void onNotificationClicked(const Tidings::Notification &notification);
    void onActionInvoked(const Tidings::Notification &notification, const QString &actionId);
    void onDndRequested(TrayIcon::DndChoice choice);
    void applyDnd();
    void createNotifier();
    void loadPreferences();
    void updateTrayState();
    void updateBadge();
    [[nodiscard]] bool wantsDesktop(const Tidings::Notification &notification) const;
    void resetLocalData();

    AppSettings &m_settings;
    Options m_options;
    std::unique_ptr<Client::CredentialStore> m_credentials;
    std::unique_ptr<Client::ClientSession> m_session;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<DesktopNotifier> m_notifier;
    AppSettings::Backend m_backend = AppSettings::Backend::BuiltIn;
    std::unique_ptr<SoundPlayer> m_sound;
    std::unique_ptr<StatusInterface> m_status;
    std::unique_ptr<QNetworkAccessManager> m_network;
    DoNotDisturb m_dnd;
    QuietHoursMonitor m_quietHours;
    Tidings::Preferences m_preferences;
    // Both hold the session: they go before it does.
    std::unique_ptr<NotificationCenter> m_center;
    std::unique_ptr<PreferencesDialog> m_preferencesDialog;
    std::unique_ptr<SignInDialog> m_signIn;
    QString m_pendingUsername; // the username of the sign-in in progress
    bool m_firstSignInReported = false;
};

} // namespace Tidings::App
