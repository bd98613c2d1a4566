#pragma once

#include "client/ApiClient.h"
#include "client/CredentialStore.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Tidings::Admin {

// The console's connection to one tidingsd as one admin: sign-in (password, or
// silently with the refresh token kept in the keychain), the server's version
// and health, and the ApiClient every page's model sends its requests through.
// The program creates one and hands it to the QML root; models take it as their
// `session` property.
class AdminSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The program creates the session")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString username READ username NOTIFY userChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorMessageChanged)
    Q_PROPERTY(QString serverVersion READ serverVersion NOTIFY serverInfoChanged)
    Q_PROPERTY(Health health READ health NOTIFY serverInfoChanged)
    Q_PROPERTY(QString healthText READ healthText NOTIFY serverInfoChanged)
    Q_PROPERTY(bool usingInsecureStorage READ usingInsecureStorage NOTIFY usingInsecureStorageChanged)

public:
    enum class State { SignedOut, Restoring, SigningIn, SignedIn };
    Q_ENUM(State)
    // What /readyz last said: Unknown before the first answer.
    enum class Health { Unknown, Ready, Degraded, Unavailable, Unreachable };
    Q_ENUM(Health)

    explicit AdminSession(QObject *parent = nullptr);
    ~AdminSession() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isSignedIn() const { return m_state == State::SignedIn; }
    [[nodiscard]] bool isBusy() const { return m_state == State::Restoring || m_state == State::SigningIn; }
    [[nodiscard]] QString serverUrl() const { return m_server.toString(); }
    [[nodiscard]] QString username() const;
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QString userId() const;
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString errorField() const { return m_errorField; }
    [[nodiscard]] QString serverVersion() const { return m_serverVersion; }
    [[nodiscard]] Health health() const { return m_health; }
    [[nodiscard]] QString healthText() const;
    [[nodiscard]] bool usingInsecureStorage() const;

    // Where requests go; models call it once signed in.
    [[nodiscard]] Client::ApiClient &api() { return m_api; }
    [[nodiscard]] Client::CredentialStore &credentials() { return m_credentials; }
    // A request while signed in, its answer split into `done` or `failed` (either
    // may be empty); nothing is sent when signed out. Callbacks run only while
    // `context` lives.
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
        std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed);

    // A readable sentence for an error from the server or the network.
    [[nodiscard]] static QString describe(const ProtocolError &error);

    // Asks the server at `serverUrl` for its version and health (no account
    // needed); the sign-in page calls it as the address is typed.
    Q_INVOKABLE void probe(const QString &serverUrl);
    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &username, const QString &password);
    // Signs in with the refresh token the keychain holds for (server, username);
    // SignedOut with a message when there is none or the server refuses it.
    Q_INVOKABLE void restore(const QString &serverUrl, const QString &username);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearError();

    // How often /readyz is asked while signed in (default 15 s).
    void setHealthInterval(std::chrono::milliseconds interval);

Q_SIGNALS:
    void stateChanged();
    void serverUrlChanged();
    void userChanged();
    void errorMessageChanged();
    void serverInfoChanged();
    void usingInsecureStorageChanged();
    // Signed in (by password or restored); the pages load their data now.
    void signedInChanged(bool signedIn);

private:
    void setState(State state);
    void setError(const ProtocolError &error);
    void setError(const QString &message, const QString &field = {});
    void setServer(const QUrl &server);
    void finishSignIn(const Client::Session &session);
    void checkHealth();
    void saveRefreshToken(const Client::Session &session);
    [[nodiscard]] QString deviceId();

    Client::ApiClient m_api;
    Client::CredentialStore m_credentials;
    QUrl m_server;
    QString m_account; // the username the keychain entry is kept under
    State m_state = State::SignedOut;
    QString m_errorMessage;
    QString m_errorField;
    QString m_serverVersion;
    Health m_health = Health::Unknown;
    QJsonObject m_checks;
    QTimer m_healthTimer;
    quint64 m_probeGeneration = 0;
    std::unique_ptr<Client::ApiClient> m_probeClient;
};

} // namespace Tidings::Admin
