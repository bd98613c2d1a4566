#pragma once

#include "client/ApiClient.h"
#include "client/Connection.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Tidings::Client {

class BadgeState;
class CredentialStore;
class NotificationStore;
class OfflineQueue;
class ReadSync;
class StreamSync;

// One signed-in account on one device: the composition root of the client core
// that the tray app, the admin console and the tests build on. It owns the REST
// client and the connection from the start, and the account's local store, offline
// queue, stream sync, read sync and badge once the account is known (after sign-in).
class ClientSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Tidings::Client::Connection::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool synced READ isSynced NOTIFY syncedChanged)
    Q_PROPERTY(int pendingOperations READ pendingOperations NOTIFY pendingOperationsChanged)

public:
    struct Options
    {
        QUrl server;
        QString deviceName; // shown in the user's device list
        QString deviceId; // empty: the server assigns one at the first sign-in
        QString storePath; // empty: NotificationStore::defaultPath(server, user id)
        int pruneMaxCount = 5000; // notifications kept locally
        int pruneMaxAgeDays = 90;
    };

    explicit ClientSession(Options options, QObject *parent = nullptr);
    ~ClientSession() override;

    // Signs in with a password, then opens the account and connects.
    void signIn(const QString &username, const QString &password);
    // Signs in silently with a refresh token kept from an earlier run.
    void restore(const QString &refreshToken);
    // Where refresh tokens are kept between runs (not owned; may be null). With one
    // set, every issued refresh token is saved and sign-out removes it.
    void setCredentialStore(CredentialStore *credentials) { m_credentials = credentials; }
    // Signs in silently with the refresh token saved for `username` on this server;
    // signInFailed() says why when there is none (or no keychain).
    void signInWithSavedCredentials(const QString &username);
    // Revokes this device's tokens on the server and goes offline. The local store
    // stays unless `forgetLocalData`.
    void signOut(bool forgetLocalData = false);

    [[nodiscard]] Connection::State state() const { return m_connection->state(); }
    [[nodiscard]] bool isSignedIn() const { return m_store != nullptr; }
    [[nodiscard]] bool isSynced() const;
    [[nodiscard]] int pendingOperations() const;
    [[nodiscard]] QString userId() const { return m_api->session().userId(); }
    [[nodiscard]] QString deviceId() const { return m_api->session().deviceId; }

    [[nodiscard]] ApiClient &api() { return *m_api; }
    [[nodiscard]] Connection &connection() { return *m_connection; }
    // Null until signed in.
    [[nodiscard]] NotificationStore *store() const { return m_store.get(); }
    [[nodiscard]] OfflineQueue *queue() const { return m_queue.get(); }
    [[nodiscard]] StreamSync *streamSync() const { return m_stream.get(); }
    [[nodiscard]] ReadSync *readSync() const { return m_readSync.get(); }
    [[nodiscard]] BadgeState *badge() const { return m_badge.get(); }

    // The user's actions (no-ops until signed in).
    Q_INVOKABLE void markRead(const QStringList &ids);
    Q_INVOKABLE void markUnread(const QStringList &ids);
    Q_INVOKABLE void markAllRead(const QString &topic = {});
    Q_INVOKABLE void remove(const QStringList &ids);
    Q_INVOKABLE void updatePreferences(const QJsonObject &patch);

    // Prunes the local store by the options' count and age.
    void prune();

Q_SIGNALS:
    void stateChanged(Tidings::Client::Connection::State state);
    void signedInChanged(bool signedIn);
    void signInFailed(const Tidings::ProtocolError &error);
    void syncedChanged(bool synced);
    void pendingOperationsChanged(int count);
    // Tokens were issued or rotated: keep the refresh token (CredentialStore).
    void credentialsChanged(const Tidings::Client::Session &session);
    // The outcome of saving the refresh token in the credential store; `insecure`
    // when it went to the opt-in plaintext fallback.
    void credentialsSaved(bool insecure);
    void credentialsNotSaved(const QString &message);
    // New notifications in the store; `live` is false for those replayed on reconnect.
    void notificationsArrived(const QList<Tidings::Notification> &notifications, bool live);

private:
    bool openAccount(const Session &session);
    void closeAccount();
    void saveCredentials(const Session &session);

    Options m_options;
    QString m_openError;
    CredentialStore *m_credentials = nullptr;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<NotificationStore> m_store;
    std::unique_ptr<OfflineQueue> m_queue;
    std::unique_ptr<StreamSync> m_stream;
    std::unique_ptr<ReadSync> m_readSync;
    std::unique_ptr<BadgeState> m_badge;
};

} // namespace Tidings::Client
