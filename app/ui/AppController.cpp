#include "ui/AppController.h"

#include "client/BadgeState.h"
#include "client/ClientSession.h"
#include "client/CredentialStore.h"
#include "client/NotificationStore.h"
#include "ui/FreedesktopNotifier.h"
#include "ui/NotificationCenter.h"
#include "ui/PreferencesDialog.h"
#include "ui/ServerPreferences.h"
#include "ui/SignInDialog.h"
#include "ui/SoundPlayer.h"
#include "ui/StatusInterface.h"
#include "ui/ToastNotifier.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QSysInfo>

Q_LOGGING_CATEGORY(lcApp, "tidings.app")

namespace Tidings::App {

AppController::AppController(AppSettings &settings, Options options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(std::move(options))
    , m_credentials(std::make_unique<Client::CredentialStore>())
    , m_tray(std::make_unique<TrayIcon>())
    , m_sound(std::make_unique<SoundPlayer>())
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_dnd(Clock::system(), &settings)
    , m_quietHours(Clock::system())
{
    if (m_options.resetLocalData)
        resetLocalData();

    connect(m_tray.get(), &TrayIcon::openCenterRequested, this, &AppController::showNotificationCenter);
    connect(m_tray.get(), &TrayIcon::doNotDisturbRequested, this, &AppController::onDndRequested);
    connect(m_tray.get(), &TrayIcon::markAllReadRequested, this, [this] {
        if (m_session)
            m_session->markAllRead();
    });
    connect(m_tray.get(), &TrayIcon::preferencesRequested, this, &AppController::showPreferences);
    connect(m_tray.get(), &TrayIcon::signOutRequested, this, &AppController::signOut);
    connect(m_tray.get(), &TrayIcon::signInRequested, this, [this] { showSignIn(); });
    connect(m_tray.get(), &TrayIcon::quitRequested, qApp, &QApplication::quit);

    connect(&m_dnd, &DoNotDisturb::changed, this, &AppController::applyDnd);
    connect(&m_quietHours, &QuietHoursMonitor::quietChanged, this, [this](bool quiet) {
        if (m_notifier)
            m_notifier->setQuietHours(quiet);
    });
    connect(&m_settings, &AppSettings::changed, this, [this] {
        if (m_settings.backend() != m_backend)
            createNotifier();
    });
    createNotifier();

    m_status = std::make_unique<StatusInterface>(*this);
    m_status->registerOnSessionBus();
}

AppController::~AppController()
{
    destroySession();
}

void AppController::resetLocalData()
{
    const QString accounts
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/accounts");
    if (QDir(accounts).exists() && !QDir(accounts).removeRecursively())
        qCWarning(lcApp) << "could not remove" << accounts;
    m_settings.setDoNotDisturbState({});
}

void AppController::start()
{
    m_tray->show();
    applyDnd();
    updateTrayState();
    if (!m_options.server.isEmpty() && !m_options.username.isEmpty() && !m_options.password.isEmpty()) {
        onSignInRequested(m_options.server, m_options.username, m_options.password);
        m_options.password.clear();
        return;
    }
    const QUrl saved(m_settings.serverUrl());
    if (saved.isValid() && !saved.host().isEmpty() && !m_settings.username().isEmpty()) {
        createSession(saved);
        m_pendingUsername = m_settings.username();
        m_session->signInWithSavedCredentials(m_pendingUsername);
        return;
    }
    showSignIn();
}

void AppController::createNotifier()
{
    m_backend = m_settings.backend();
    if (m_backend == AppSettings::Backend::Native)
        m_notifier = std::make_unique<FreedesktopNotifier>();
    else
        m_notifier = std::make_unique<ToastNotifier>(Clock::system(), m_settings);
    connect(m_notifier.get(), &DesktopNotifier::clicked, this, &AppController::onNotificationClicked);
    connect(m_notifier.get(), &DesktopNotifier::actionInvoked, this, &AppController::onActionInvoked);
    connect(m_notifier.get(), &DesktopNotifier::openCenterRequested, this, &AppController::showNotificationCenter);
    m_notifier->setDoNotDisturb(m_dnd.isActive());
    m_notifier->setQuietHours(m_quietHours.isQuiet());
}

void AppController::createSession(const QUrl &server)
{
    destroySession();
    Client::ClientSession::Options options;
    options.server = server;
    options.deviceName = tr("Tidings on %1").arg(QSysInfo::machineHostName());
    m_session = std::make_unique<Client::ClientSession>(options);
    m_session->setCredentialStore(m_credentials.get());
    connect(m_session.get(), &Client::ClientSession::signedInChanged, this, &AppController::onSignedInChanged);
    connect(m_session.get(), &Client::ClientSession::signInFailed, this, &AppController::onSignInFailed);
    connect(m_session.get(), &Client::ClientSession::stateChanged, this, &AppController::updateTrayState);
    connect(
        m_session.get(), &Client::ClientSession::notificationsArrived, this, &AppController::onNotificationsArrived);
    connect(m_session.get(), &Client::ClientSession::credentialsNotSaved, this,
        [](const QString &message) { qCWarning(lcApp) << "the sign-in is not remembered:" << message; });
}

void AppController::destroySession()
{
    m_preferencesDialog.reset();
    m_center.reset();
    m_session.reset();
    m_preferences = {};
    m_quietHours.setRules({});
}

void AppController::showSignIn(const QString &error)
{
    if (!m_signIn) {
        m_signIn = std::make_unique<SignInDialog>();
        m_signIn->setServer(m_settings.serverUrl());
        m_signIn->setUsername(m_settings.username());
        connect(m_signIn.get(), &SignInDialog::signInRequested, this, &AppController::onSignInRequested);
        connect(m_signIn.get(), &QDialog::rejected, this, [this] {
            // Without an account there is nothing to run for.
            if (!m_session || !m_session->isSignedIn())
                qApp->quit();
        });
    }
    if (!error.isEmpty())
        m_signIn->showError(ProtocolError {QString(), error, QString()});
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void AppController::onSignInRequested(const QUrl &server, const QString &username, const QString &password)
{
    createSession(server);
    m_pendingUsername = username;
    m_session->signIn(username, password);
}

void AppController::onSignInFailed(const ProtocolError &error)
{
    qCWarning(lcApp) << "sign-in failed:" << error.code << error.message;
    if (!m_firstSignInReported) {
        m_firstSignInReported = true;
        Q_EMIT signInFinished(false);
    }
    if (m_signIn && m_signIn->isVisible()) {
        m_signIn->showError(error);
        return;
    }
    // A silent sign-in that failed (no saved token, or it was revoked).
    showSignIn();
    if (error.code != QLatin1String(ErrorCode::NotFound))
        m_signIn->showError(error);
}

void AppController::onSignedInChanged(bool signedIn)
{
    m_tray->setSignedIn(signedIn);
    updateTrayState();
    if (!signedIn)
        return;
    m_settings.setServerUrl(m_session->api().server().toString());
    m_settings.setUsername(m_pendingUsername);
    if (m_signIn) {
        m_signIn->hide();
        m_signIn.release()->deleteLater();
    }
    connect(m_session->badge(), &Client::BadgeState::changed, this, &AppController::updateBadge);
    // A notification read or deleted anywhere (this center, another device) no longer
    // needs its toast.
    connect(m_session->store(), &Client::NotificationStore::changed, this, [this](const Client::StoreChange &change) {
        if (!m_notifier)
            return;
        for (const QString &id : change.removed)
            m_notifier->withdraw(id);
        for (const QString &id : change.updated) {
            const std::optional<Client::InboxEntry> entry = m_session->store()->entry(id);
            if (entry && entry->isRead())
                m_notifier->withdraw(id);
        }
    });
    updateBadge();
    loadPreferences();
    m_center = std::make_unique<NotificationCenter>(*m_session, m_settings);
    if (!m_options.minimized && !m_firstSignInReported)
        m_center->showAndRaise();
    if (!m_firstSignInReported) {
        m_firstSignInReported = true;
        Q_EMIT signInFinished(true);
    }
}

void AppController::loadPreferences()
{
    auto *prefs = new ServerPreferences(*m_session, m_session.get());
    connect(prefs, &ServerPreferences::changed, this, [this, prefs] {
        m_preferences = prefs->current();
        m_quietHours.setRules(m_preferences.quietHours);
    });
    prefs->reload();
}

void AppController::signOut()
{
    if (!m_session)
        return;
    m_session->signOut(false);
    m_preferencesDialog.reset();
    m_center.reset();
    m_tray->setUnread(0, {});
    showSignIn();
}

void AppController::showNotificationCenter()
{
    if (!m_center) {
        showSignIn();
        return;
    }
    m_center->showAndRaise();
}

void AppController::showPreferences()
{
    if (!m_session || !m_session->isSignedIn())
        return;
    if (!m_preferencesDialog) {
        m_preferencesDialog = std::make_unique<PreferencesDialog>(*m_session, m_settings);
        connect(m_preferencesDialog.get(), &PreferencesDialog::signOutRequested, this, [this] {
            m_preferencesDialog->hide();
            QMetaObject::invokeMethod(this, &AppController::signOut, Qt::QueuedConnection);
        });
    }
    m_preferencesDialog->show();
    m_preferencesDialog->raise();
    m_preferencesDialog->activateWindow();
}

bool AppController::wantsDesktop(const Notification &n) const
{
    if (!m_preferences.global.desktop)
        return false;
    const auto topic = m_preferences.topics.constFind(n.content.topic);
    return topic == m_preferences.topics.cend() || topic->desktop;
}

void AppController::onNotificationsArrived(const QList<Notification> &notifications, bool live)
{
    if (!live || !m_notifier)
        return;
    const bool suppressed = m_dnd.isActive() || m_quietHours.isQuiet();
    std::optional<Priority> loudest;
    for (const Notification &n : notifications) {
        if (n.readAt.isValid() || !wantsDesktop(n))
            continue;
        m_notifier->notify(n);
        const Priority p = n.content.priority;
        if ((!suppressed || p == Priority::Urgent) && (!loudest || int(p) > int(*loudest)))
            loudest = p;
    }
    if (loudest && m_settings.soundEnabled())
        m_sound->play(*loudest);
}

void AppController::onNotificationClicked(const Notification &n)
{
    if (m_session)
        m_session->markRead({n.id});
    const QUrl click(n.content.click);
    if (click.isValid() && !click.isEmpty())
        QDesktopServices::openUrl(click);
    else
        showNotificationCenter();
}

void AppController::onActionInvoked(const Notification &n, const QString &actionId)
{
    for (const NotificationAction &action : n.content.actions) {
        if (action.id != actionId)
            continue;
        if (action.kind == QLatin1String("view")) {
            QDesktopServices::openUrl(QUrl(action.url));
        } else if (action.kind == QLatin1String("http")) {
            QNetworkRequest request {QUrl(action.url)};
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = m_network->post(request, QByteArray());
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        }
        break;
    }
    // Acting on a notification is reading it.
    if (m_session)
        m_session->markRead({n.id});
}

void AppController::onDndRequested(TrayIcon::DndChoice choice)
{
    switch (choice) {
    case TrayIcon::DndChoice::OneHour:
        m_dnd.enableFor(60LL * 60 * 1000);
        break;
    case TrayIcon::DndChoice::UntilMorning:
        m_dnd.enableUntilTomorrowMorning();
        break;
    case TrayIcon::DndChoice::UntilTurnedOff:
        m_dnd.enableIndefinitely();
        break;
    case TrayIcon::DndChoice::Off:
        m_dnd.disable();
        break;
    }
}

void AppController::applyDnd()
{
    m_tray->setDoNotDisturb(m_dnd.isActive(), m_dnd.until(), m_dnd.isIndefinite());
    if (m_notifier)
        m_notifier->setDoNotDisturb(m_dnd.isActive());
}

void AppController::updateTrayState()
{
    using State = TrayIconPainter::State;
    if (!m_session || !m_session->isSignedIn()) {
        m_tray->setState(State::SignedOut);
        return;
    }
    const auto state = m_session->state();
    m_tray->setState(state == Client::Connection::State::Online ? State::Online
            : state == Client::Connection::State::SignedOut     ? State::SignedOut
                                                                : State::Offline);
}

void AppController::updateBadge()
{
    Client::BadgeState *badge = m_session ? m_session->badge() : nullptr;
    if (!badge) {
        m_tray->setUnread(0, {});
        return;
    }
    m_tray->setUnread(badge->unreadTotal(), badge->counts().byTopic);
}

} // namespace Tidings::App
