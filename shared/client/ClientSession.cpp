#include "client/ClientSession.h"

#include "client/BadgeState.h"
#include "client/ClientLogging.h"
#include "client/CredentialStore.h"
#include "client/NotificationStore.h"
#include "client/OfflineQueue.h"
#include "client/ReadSync.h"
#include "client/StreamSync.h"

#include <QFile>

namespace Tidings::Client {

ClientSession::ClientSession(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_api(std::make_unique<ApiClient>())
{
    m_api->setServer(m_options.server);
    m_connection = std::make_unique<Connection>(*m_api);
    connect(m_connection.get(), &Connection::stateChanged, this, &ClientSession::stateChanged);
    connect(m_api.get(), &ApiClient::sessionChanged, this, &ClientSession::credentialsChanged);
    connect(m_api.get(), &ApiClient::sessionChanged, this, &ClientSession::saveCredentials);
}

void ClientSession::saveCredentials(const Session &session)
{
    if (!m_credentials || session.refreshToken.isEmpty())
        return;
    m_credentials->write(
        {m_options.server, session.username()}, session.refreshToken, this, [this](const CredentialStore::Result &r) {
            if (r.ok) {
                Q_EMIT credentialsSaved(r.insecure);
            } else {
                qCWarning(lcClientSync) << "cannot remember the sign-in:" << r.message;
                Q_EMIT credentialsNotSaved(r.message);
            }
        });
}

void ClientSession::signInWithSavedCredentials(const QString &username)
{
    if (!m_credentials) {
        Q_EMIT signInFailed(ProtocolError::make(ClientError::SignedOut, tr("No credential store is configured.")));
        return;
    }
    m_credentials->read({m_options.server, username}, this, [this](const CredentialStore::Result &r) {
        if (!r.ok) {
            Q_EMIT signInFailed(ProtocolError::make(ClientError::SignedOut, r.message));
            return;
        }
        restore(r.secret);
    });
}

ClientSession::~ClientSession()
{
    // The sync objects refer to the connection and the store: they go first.
    closeAccount();
}

bool ClientSession::isSynced() const
{
    return m_stream && m_stream->isSynced();
}

int ClientSession::pendingOperations() const
{
    return m_queue ? m_queue->count() : 0;
}

void ClientSession::signIn(const QString &username, const QString &password)
{
    m_api->login(
        username, password, m_options.deviceName, m_options.deviceId, this, [this](const Expected<Session> &session) {
            if (!session) {
                Q_EMIT signInFailed(session.error());
                return;
            }
            if (!openAccount(session.value()))
                Q_EMIT signInFailed(ProtocolError::make(ErrorCode::Internal, m_openError));
        });
}

void ClientSession::restore(const QString &refreshToken)
{
    Session session;
    session.server = m_options.server;
    session.refreshToken = refreshToken;
    session.deviceId = m_options.deviceId;
    m_api->setSession(session);
    m_api->refresh(this, [this](const Expected<Session> &session) {
        if (!session) {
            Q_EMIT signInFailed(session.error());
            return;
        }
        if (!openAccount(session.value()))
            Q_EMIT signInFailed(ProtocolError::make(ErrorCode::Internal, m_openError));
    });
}

bool ClientSession::openAccount(const Session &session)
{
    closeAccount();
    const QString path = m_options.storePath.isEmpty()
        ? NotificationStore::defaultPath(m_options.server, session.userId())
        : m_options.storePath;
    auto store = std::make_unique<NotificationStore>(path);
    if (!store->open()) {
        m_openError = store->errorString();
        qCWarning(lcClientSync) << "cannot open the local store:" << m_openError;
        return false;
    }
    m_store = std::move(store);
    m_queue = std::make_unique<OfflineQueue>(*m_store);
    (void)m_queue->load();
    m_stream = std::make_unique<StreamSync>(*m_connection, *m_api, *m_store);
    m_readSync = std::make_unique<ReadSync>(*m_connection, *m_stream, *m_store, *m_queue);
    m_badge = std::make_unique<BadgeState>(*m_store);

    connect(m_queue.get(), &OfflineQueue::countChanged, this, &ClientSession::pendingOperationsChanged);
    connect(m_stream.get(), &StreamSync::syncedChanged, this, &ClientSession::syncedChanged);
    connect(m_stream.get(), &StreamSync::notificationsArrived, this, &ClientSession::notificationsArrived);
    // Whatever reaches this device, by the stream or a REST page, is acknowledged
    // (status `delivered`) so the sender knows it arrived.
    connect(m_store.get(), &NotificationStore::changed, this, [this](const StoreChange &change) {
        QStringList ids;
        for (const InboxEntry &e : change.inserted) {
            if (!e.notification.deliveredAt.isValid())
                ids.append(e.notification.id);
        }
        m_readSync->acknowledge(ids);
    });
    connect(m_store.get(), &NotificationStore::wasReset, this,
        [this] { m_readSync->acknowledge(m_store->undeliveredIds()); });
    prune();
    Q_EMIT signedInChanged(true);
    Q_EMIT pendingOperationsChanged(m_queue->count());
    m_connection->start();
    return true;
}

void ClientSession::closeAccount()
{
    if (!m_store)
        return;
    m_connection->stop();
    m_badge.reset();
    m_readSync.reset();
    m_stream.reset();
    m_queue.reset();
    m_store.reset();
    Q_EMIT signedInChanged(false);
}

void ClientSession::signOut(bool forgetLocalData)
{
    const QString path = m_store ? m_store->path() : QString();
    if (m_credentials && !m_api->session().username().isEmpty())
        m_credentials->remove({m_options.server, m_api->session().username()}, this, [](const auto &) {});
    m_connection->stop();
    m_api->logout(nullptr, {});
    closeAccount();
    if (forgetLocalData && !path.isEmpty()) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
}

void ClientSession::prune()
{
    if (m_store)
        m_store->prune(m_options.pruneMaxCount, QDateTime::currentDateTimeUtc().addDays(-m_options.pruneMaxAgeDays));
}

void ClientSession::markRead(const QStringList &ids)
{
    if (m_readSync)
        m_readSync->markRead(ids);
}

void ClientSession::markUnread(const QStringList &ids)
{
    if (m_readSync)
        m_readSync->markUnread(ids);
}

void ClientSession::markAllRead(const QString &topic)
{
    if (m_readSync)
        m_readSync->markAllRead(topic);
}

void ClientSession::remove(const QStringList &ids)
{
    if (m_readSync)
        m_readSync->remove(ids);
}

void ClientSession::updatePreferences(const QJsonObject &patch)
{
    if (m_readSync)
        m_readSync->updatePreferences(patch);
}

} // namespace Tidings::Client
