#pragma once

#include "auth/AuthService.h"
#include "core/Fanout.h"
#include "protocol/WsFrame.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVarLengthArray>

#include <memory>
#include <optional>
#include <unordered_map>

class QAbstractHttpServer;
class QWebSocket;

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Metrics;
class PreferencesService;
class Store;
class StreamService;
class TopicService;

// Every WebSocket connection of this node: the PROTOCOL.md `/ws` endpoint.
// Authenticates (Bearer on the upgrade or a first `auth` frame), checks Origin,
// sends `welcome`, replays the stream on `resume` with flow control, handles the
// client events, and fans durable stream events out to every device of a user.
//
// Per connection it keeps one QWebSocket and one small Session; heartbeats and
// auth deadlines run on two hub-wide timers, not one timer per connection.
class WsHub : public QObject, public Fanout
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList allowedOrigins; // empty: only same-origin browsers (non-browser clients send no Origin)
        int heartbeatSec = 25;
        qint64 sendBufferBytes = 1024 * 1024;
        qint64 maxFrameBytes = 64 * 1024;
        int authTimeoutSec = 10;
        int replayBatch = 500;
    };

    struct Services
    {
        Store &store;
        AuthService &auth;
        StreamService &streams;
        PreferencesService &preferences;
        TopicService &topics;
        Metrics &metrics;
        const Clock &clock;
    };

    WsHub(Options options, Services services, QObject *parent = nullptr);
    ~WsHub() override;

    // Takes the WebSocket connections that `http` accepts on /ws.
    void attach(QAbstractHttpServer &http);

    [[nodiscard]] int connectionCount() const { return int(m_sessions.size()); }
    [[nodiscard]] int userCount() const { return int(m_users.size()); }
    // Graceful shutdown: closes every connection with `code`; allClosed() follows.
    void closeAll(quint16 code, const QString &reason);

    // Fanout
    void deliverNotification(
        const Notification &notification, const QList<QPair<QString, qint64>> &recipientSeqs) override;
    void deliverStreamEvent(const QString &userId, const StreamEvent &event, const UnreadCounts &unread) override;
    void deliverStatus(
        const QString &userId, const QStringList &ids, const QString &status, const QDateTime &at) override;
    void disconnectUser(const QString &userId, const QString &reason) override;

Q_SIGNALS:
    void allClosed();

private:
    struct Session;
    struct UserEntry
    {
        QVarLengthArray<Session *, 2> sessions;
        UnreadCounts unread; // cached while the user has a connection; the store is the truth
    };

    void onNewConnection(QAbstractHttpServer *http);
    void onTextMessage(Session &s, const QString &text);
    void onDisconnected(QWebSocket *socket);
    void heartbeat();
    void expireUnauthenticated();
    void closeExpired(Session &s);
    // `auth` on an authenticated connection: a fresh access token of the same user
    // and device extends the connection past the old token's expiry.
    void reauthenticate(Session &s, const ClientFrame &frame);

    bool authenticate(Session &s, QByteArrayView token);
    void sendWelcome(Session &s);
    void send(Session &s, const QString &frame);
    void sendBadge(const UserEntry &entry);
    void close(Session &s, quint16 code, const QString &reason);
    [[nodiscard]] bool originAllowed(const QWebSocket &socket) const;

    // Replay with flow control: continues on bytesWritten while the buffer drains.
    void startReplay(Session &s, const ClientFrame &frame);
    void continueReplay(Session &s);

    // Client events (WsHubEvents.cpp).
    void dispatch(Session &s, const ClientFrame &frame);
    void reply(Session &s, const ClientFrame &frame, const QJsonObject &data);
    void replyError(Session &s, const ClientFrame &frame, const ProtocolError &error);

    Options m_options;
    Services m_services;
    std::unordered_map<QWebSocket *, std::unique_ptr<Session>> m_sessions;
    QHash<QString, UserEntry> m_users;
    QSet<Session *> m_unauthenticated;
    QTimer m_heartbeat;
    QTimer m_authSweep;
    bool m_closing = false;
};

} // namespace Tidings::Server
