#include "AdminSession.h"

#include "AdminLogging.h"

#include <QSettings>
#include <QSysInfo>
#include <QUuid>

namespace Tidings::Admin {

using namespace std::chrono_literals;

namespace {
constexpr auto DefaultHealthInterval = 15s;
} // namespace

AdminSession::AdminSession(QObject *parent)
    : QObject(parent)
    , m_credentials(QStringLiteral("Tidings Admin"))
{
    m_healthTimer.setInterval(DefaultHealthInterval);
    connect(&m_healthTimer, &QTimer::timeout, this, &AdminSession::checkHealth);
    connect(&m_api, &Client::ApiClient::sessionChanged, this, &AdminSession::saveRefreshToken);
    connect(&m_api, &Client::ApiClient::signedOut, this, [this](const QString &reason) {
        if (m_state != State::SignedIn)
            return;
        qCInfo(lcAdmin) << "signed out by the server:" << reason;
        setError(tr("The server ended this session (%1). Sign in again.").arg(reason));
        m_healthTimer.stop();
        setState(State::SignedOut);
    });
    connect(&m_credentials, &Client::CredentialStore::usingInsecureStorageChanged, this,
        &AdminSession::usingInsecureStorageChanged);
}

AdminSession::~AdminSession() = default;

QString AdminSession::username() const
{
    return m_api.session().username();
}

QString AdminSession::displayName() const
{
    const QString name = m_api.session().user.value(QStringLiteral("displayName")).toString();
    return name.isEmpty() ? username() : name;
}

QString AdminSession::userId() const
{
    return m_api.session().userId();
}

bool AdminSession::usingInsecureStorage() const
{
    return m_credentials.usingInsecureStorage();
}

QString AdminSession::healthText() const
{
    switch (m_health) {
    case Health::Unknown:
        return {};
    case Health::Ready:
        return tr("Ready");
    case Health::Degraded: {
        QStringList failing;
        for (auto it = m_checks.constBegin(); it != m_checks.constEnd(); ++it) {
            if (it.value().toString() == QLatin1String("failing"))
                failing << it.key();
        }
        return tr("Ready, but failing: %1").arg(failing.join(QLatin1String(", ")));
    }
    case Health::Unavailable:
        return tr("Unavailable: the database does not answer");
    case Health::Unreachable:
        return tr("Unreachable");
    }
    return {};
}

QString AdminSession::describe(const ProtocolError &error)
{
    const QString &code = error.code;
    if (code == QLatin1String(Client::ClientError::Network))
        return tr("The server could not be reached: %1").arg(error.message);
    if (code == QLatin1String(Client::ClientError::BadResponse))
        return tr("The server did not answer like a Tidings server.");
    if (code == QLatin1String(Client::ClientError::SignedOut))
        return tr("You are signed out: %1").arg(error.message);
    if (code == QLatin1String(ErrorCode::RateLimited))
        return tr("Too many requests. Wait a moment, then try again.");
    if (code == QLatin1String(ErrorCode::Forbidden))
        return tr("Not allowed: %1").arg(error.message);
    if (!error.message.isEmpty())
        return error.message;
    return tr("The request failed (%1).").arg(code);
}

void AdminSession::request(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
    std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed)
{
    if (!isSignedIn())
        return;
    m_api.send(method, path, body, context,
        [done = std::move(done), failed = std::move(failed)](const Expected<QJsonObject> &r) {
            if (r) {
                if (done)
                    done(r.value());
            } else if (failed) {
                failed(r.error());
            }
        });
}

void AdminSession::setState(State state)
{
    if (m_state == state)
        return;
    const bool wasSignedIn = m_state == State::SignedIn;
    m_state = state;
    Q_EMIT stateChanged();
    if (wasSignedIn != (state == State::SignedIn))
        Q_EMIT signedInChanged(state == State::SignedIn);
}

void AdminSession::setError(const ProtocolError &error)
{
    setError(describe(error), error.field);
}

void AdminSession::setError(const QString &message, const QString &field)
{
    if (m_errorMessage == message && m_errorField == field)
        return;
    m_errorMessage = message;
    m_errorField = field;
    Q_EMIT errorMessageChanged();
}

void AdminSession::clearError()
{
    setError(QString());
}

void AdminSession::setServer(const QUrl &server)
{
    if (m_server == server)
        return;
    m_server = server;
    m_serverVersion.clear();
    m_health = Health::Unknown;
    m_checks = {};
    Q_EMIT serverUrlChanged();
    Q_EMIT serverInfoChanged();
}

void AdminSession::setHealthInterval(std::chrono::milliseconds interval)
{
    m_healthTimer.setInterval(interval);
}

void AdminSession::probe(const QString &serverUrl)
{
    const QUrl server = Client::serverUrlFromText(serverUrl);
    const quint64 generation = ++m_probeGeneration;
    if (!server.isValid()) {
        m_serverVersion.clear();
        m_health = Health::Unknown;
        Q_EMIT serverInfoChanged();
        return;
    }
    // A client of its own: probing another address must not touch the signed-in one.
    m_probeClient = std::make_unique<Client::ApiClient>();
    m_probeClient->setServer(server);
    m_probeClient->setTimeout(5s);
    m_probeClient->send(
        "GET", QStringLiteral("/healthz"), {}, this, [this, generation](const Expected<QJsonObject> &r) {
            if (generation != m_probeGeneration)
                return;
            m_serverVersion = r ? r.value().value(QStringLiteral("version")).toString() : QString();
            if (!r)
                m_health = Health::Unreachable;
            Q_EMIT serverInfoChanged();
        });
    m_probeClient->send("GET", QStringLiteral("/readyz"), {}, this, [this, generation](const Expected<QJsonObject> &r) {
        if (generation != m_probeGeneration)
            return;
        if (r) {
            m_checks = r.value().value(QStringLiteral("checks")).toObject();
            const bool failing = std::any_of(m_checks.constBegin(), m_checks.constEnd(),
                [](const QJsonValue &v) { return v.toString() == QLatin1String("failing"); });
            m_health = failing ? Health::Degraded : Health::Ready;
        } else {
            m_health
                = r.error().code == QLatin1String(ErrorCode::Unavailable) ? Health::Unavailable : Health::Unreachable;
        }
        Q_EMIT serverInfoChanged();
    });
}

void AdminSession::checkHealth()
{
    probe(m_server.toString());
}

void AdminSession::signIn(const QString &serverUrl, const QString &username, const QString &password)
{
    if (isBusy())
        return;
    const QUrl server = Client::serverUrlFromText(serverUrl);
    if (!server.isValid()) {
        setError(tr("Enter the server's address, such as https://tidings.example.org."), QStringLiteral("server"));
        return;
    }
    if (username.trimmed().isEmpty()) {
        setError(tr("Enter your username."), QStringLiteral("username"));
        return;
    }
    if (password.isEmpty()) {
        setError(tr("Enter your password."), QStringLiteral("password"));
        return;
    }
    clearError();
    setServer(server);
    m_account = username.trimmed();
    m_api.setSession({});
    m_api.setServer(server);
    setState(State::SigningIn);
    const QString deviceName = tr("Tidings Admin on %1").arg(QSysInfo::machineHostName());
    m_api.login(username.trimmed(), password, deviceName, deviceId(), this, [this](const Expected<Client::Session> &r) {
        if (!r) {
            const ProtocolError &e = r.error();
            if (e.code == QLatin1String(ErrorCode::Unauthorized))
                setError(tr("The username or password is not right."), QStringLiteral("password"));
            else
                setError(e);
            setState(State::SignedOut);
            return;
        }
        finishSignIn(r.value());
    });
}

void AdminSession::restore(const QString &serverUrl, const QString &username)
{
    const QUrl server = Client::serverUrlFromText(serverUrl);
    if (isBusy() || !server.isValid() || username.isEmpty())
        return;
    clearError();
    setServer(server);
    m_account = username;
    setState(State::Restoring);
    m_credentials.read({server, username}, this, [this, server](const Client::CredentialStore::Result &result) {
        if (!result.ok) {
            if (result.error != Client::CredentialStore::Error::NotFound)
                setError(result.message);
            setState(State::SignedOut);
            return;
        }
        Client::Session session;
        session.server = server;
        session.refreshToken = result.secret;
        m_api.setSession(session);
        m_api.refresh(this, [this](const Expected<Client::Session> &r) {
            if (!r) {
                setError(tr("Sign in again: %1").arg(describe(r.error())));
                setState(State::SignedOut);
                return;
            }
            // A refresh answer carries no profile: ask who we are.
            m_api.send("GET", QStringLiteral("/api/auth/me"), {}, this, [this](const Expected<QJsonObject> &me) {
                if (!me) {
                    setError(me.error());
                    setState(State::SignedOut);
                    return;
                }
                Client::Session session = m_api.session();
                const QJsonObject user = me.value().value(QStringLiteral("user")).toObject();
                session.user = user.isEmpty() ? me.value() : user;
                m_api.setSession(session);
                finishSignIn(session);
            });
        });
    });
}

void AdminSession::finishSignIn(const Client::Session &session)
{
    if (session.user.value(QStringLiteral("role")).toString() != QLatin1String("admin")) {
        setError(tr("%1 is not an administrator. The console needs an admin account.").arg(session.username()),
            QStringLiteral("username"));
        m_api.logout(this, {});
        setState(State::SignedOut);
        return;
    }
    qCInfo(lcAdmin) << "signed in to" << m_server.toString() << "as" << session.username();
    m_account = session.username();
    Q_EMIT userChanged();
    setState(State::SignedIn);
    saveRefreshToken(m_api.session());
    QSettings settings;
    settings.setValue(QStringLiteral("session/server"), m_server.toString());
    settings.setValue(QStringLiteral("session/username"), session.username());
    checkHealth();
    m_healthTimer.start();
}

void AdminSession::saveRefreshToken(const Client::Session &session)
{
    // A password sign-in is kept once the account is known to be an admin
    // (finishSignIn); refreshes rotate the token and must be kept at once.
    if (m_state == State::SigningIn || session.refreshToken.isEmpty() || m_account.isEmpty())
        return;
    m_credentials.write(
        {m_server, m_account}, session.refreshToken, this, [this](const Client::CredentialStore::Result &result) {
            if (!result.ok)
                qCWarning(lcAdmin) << "the refresh token was not kept:" << result.message;
        });
}

void AdminSession::signOut()
{
    if (m_state != State::SignedIn)
        return;
    m_healthTimer.stop();
    const Client::CredentialKey key {m_server, username()};
    m_api.logout(this, {});
    m_credentials.remove(key, this, {});
    QSettings().remove(QStringLiteral("session/username"));
    clearError();
    setState(State::SignedOut);
    Q_EMIT userChanged();
}

QString AdminSession::deviceId()
{
    QSettings settings;
    QString id = settings.value(QStringLiteral("session/deviceId")).toString();
    if (id.isEmpty()) {
        id = QStringLiteral("admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(QStringLiteral("session/deviceId"), id);
    }
    return id;
}

} // namespace Tidings::Admin
