#include "ws/WsHub.h"

#include "core/Metrics.h"
#include "protocol/JsonUtil.h"
#include "protocol/PublishRequest.h"
#include "store/Store.h"
#include "util/Clock.h"
#include "ws/WsSession.h"

#include <QAbstractHttpServer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QUrl>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcWs, "tidings.server.ws")

namespace Tidings::Server {

WsHub::WsHub(Options options, Services services, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_services(services)
{
    m_heartbeat.setInterval(std::chrono::seconds(m_options.heartbeatSec));
    connect(&m_heartbeat, &QTimer::timeout, this, &WsHub::heartbeat);
    m_heartbeat.start();
    m_authSweep.setInterval(std::chrono::milliseconds(250));
    connect(&m_authSweep, &QTimer::timeout, this, &WsHub::expireUnauthenticated);
}

WsHub::~WsHub()
{
    // Sockets are deleted with their sessions; make sure none calls back into us.
    for (auto &[socket, session] : m_sessions)
        socket->disconnect(this);
}

void WsHub::attach(QAbstractHttpServer &http)
{
    connect(&http, &QAbstractHttpServer::newWebSocketConnection, this, [this, &http] { onNewConnection(&http); });
}

void WsHub::onNewConnection(QAbstractHttpServer *http)
{
    while (http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = http->nextPendingWebSocketConnection();
        if (!ws)
            break;
        QWebSocket *raw = ws.get();
        raw->setMaxAllowedIncomingFrameSize(quint64(m_options.maxFrameBytes));
        raw->setMaxAllowedIncomingMessageSize(quint64(m_options.maxFrameBytes));

        auto session = std::make_unique<Session>();
        session->socket = std::move(ws);
        Session &s = *session;
        m_sessions.emplace(raw, std::move(session));

        connect(
            raw, &QWebSocket::textMessageReceived, this, [this, &s](const QString &text) { onTextMessage(s, text); });
        connect(raw, &QWebSocket::binaryMessageReceived, this, [this, &s](const QByteArray &) {
            replyError(s, ClientFrame {},
                ProtocolError::make(ErrorCode::Validation, QStringLiteral("frames must be JSON text, not binary")));
        });
        connect(raw, &QWebSocket::pong, this, [&s](quint64, const QByteArray &) { s.missedPongs = 0; });
        connect(raw, &QWebSocket::bytesWritten, this, [this, &s](qint64) {
            if (s.replaying())
                continueReplay(s);
        });
        // Queued: close() and abort() may emit disconnected synchronously while the hub
        // is iterating over sessions; tearing a session down later keeps them valid.
        connect(
            raw, &QWebSocket::disconnected, this, [this, raw] { onDisconnected(raw); }, Qt::QueuedConnection);

        if (m_closing) {
            close(s, WsClose::GoingAway, QStringLiteral("server shutting down"));
            continue;
        }
        if (!originAllowed(*raw)) {
            m_services.metrics.wsRejected(QStringLiteral("origin"));
            close(s, WsClose::OriginRejected, QStringLiteral("origin not allowed"));
            continue;
        }
        const QByteArray authorization = raw->request().rawHeader(QByteArrayLiteral("Authorization"));
        if (!authorization.isEmpty()) {
            const QByteArray token = authorization.startsWith("Bearer ") || authorization.startsWith("bearer ")
                ? authorization.mid(7).trimmed()
                : QByteArray();
            if (!authenticate(s, token))
                close(s, WsClose::AuthTimeout, QStringLiteral("invalid or expired token"));
            continue;
        }
        s.authDeadlineMs = m_services.clock.nowMs() + qint64(m_options.authTimeoutSec) * 1000;
        m_unauthenticated.insert(&s);
        if (!m_authSweep.isActive())
            m_authSweep.start();
    }
}

bool WsHub::originAllowed(const QWebSocket &socket) const
{
    const QString origin = socket.origin();
    // Non-browser clients (the tray app, scripts) send no Origin; browsers always do.
    if (origin.isEmpty() || origin == QLatin1String("null"))
        return origin.isEmpty();
    for (const QString &allowed : m_options.allowedOrigins) {
        if (allowed == QLatin1String("*") || QUrl(allowed).matches(QUrl(origin), QUrl::StripTrailingSlash))
            return true;
    }
    // Without an allow-list a browser page may still connect from the server's own origin.
    if (m_options.allowedOrigins.isEmpty()) {
        const QUrl o(origin);
        const QByteArray host = socket.request().rawHeader(QByteArrayLiteral("Host"));
        const QString hostPort = o.port() > 0 ? o.host() + QLatin1Char(':') + QString::number(o.port()) : o.host();
        return !host.isEmpty() && QString::fromLatin1(host).compare(hostPort, Qt::CaseInsensitive) == 0;
    }
    return false;
}

bool WsHub::authenticate(Session &s, QByteArrayView token)
{
    Expected<AuthContext> ctx = m_services.auth.authenticate(token);
    if (!ctx) {
        m_services.metrics.wsRejected(QStringLiteral("auth"));
        return false;
    }
    if (!ctx->canRead()) {
        m_services.metrics.wsRejected(QStringLiteral("scope"));
        return false;
    }
    m_unauthenticated.remove(&s);
    const QString userId = ctx->user.id;
    s.auth = std::move(ctx).value();
    auto it = m_users.find(userId);
    if (it == m_users.end()) {
        it = m_users.insert(userId, UserEntry {});
        it->unread = m_services.store.unreadCounts(userId, m_services.clock.now());
    }
    it->sessions.append(&s);
    sendWelcome(s);
    return true;
}

void WsHub::sendWelcome(Session &s)
{
    const QString &userId = s.auth->user.id;
    const QJsonObject data {
        {QStringLiteral("userId"), userId},
        {QStringLiteral("deviceId"), s.auth->deviceId},
        {QStringLiteral("epoch"), m_services.store.epoch()},
        {QStringLiteral("headSeq"), m_services.store.headSeq(userId)},
        {QStringLiteral("unread"), m_users.constFind(userId)->unread.toJson()},
        {QStringLiteral("heartbeatSec"), m_options.heartbeatSec},
        {QStringLiteral("serverTime"), Json::formatTime(m_services.clock.now())},
    };
    send(s, QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Welcome), data)));
}

void WsHub::send(Session &s, const QString &frame)
{
    if (s.closing)
        return;
    s.socket->sendTextMessage(frame);
    if (s.socket->bytesToWrite() > m_options.sendBufferBytes) {
        // A peer that does not read loses nothing: its stream replays on resume.
        m_services.metrics.wsRejected(QStringLiteral("send_buffer"));
        qCInfo(lcWs) << "closing a connection whose send buffer exceeds" << m_options.sendBufferBytes << "bytes";
        close(s, WsClose::PolicyViolation, QStringLiteral("send buffer full; reconnect and resume"));
    }
}

void WsHub::close(Session &s, quint16 code, const QString &reason)
{
    if (s.closing)
        return;
    s.closing = true;
    s.replayCursor = -1;
    s.socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void WsHub::onTextMessage(Session &s, const QString &text)
{
    s.missedPongs = 0;
    if (s.closing)
        return;
    Expected<ClientFrame> frame = decodeClientFrame(text.toUtf8());
    if (!frame) {
        replyError(s, ClientFrame {}, frame.error());
        return;
    }
    dispatch(s, frame.value());
}

void WsHub::onDisconnected(QWebSocket *socket)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    std::unique_ptr<Session> session = std::move(it->second);
    m_sessions.erase(it);
    m_unauthenticated.remove(session.get());
    if (session->auth) {
        auto u = m_users.find(session->auth->user.id);
        if (u != m_users.end()) {
            auto &list = u->sessions;
            list.erase(std::remove(list.begin(), list.end(), session.get()), list.end());
            if (list.isEmpty())
                m_users.erase(u);
        }
    }
    socket->disconnect(this);
    // Qt may still be inside one of the socket's own functions: delete it from the loop.
    session->socket.release()->deleteLater();
    if (m_closing && m_sessions.empty())
        Q_EMIT allClosed();
}

void WsHub::heartbeat()
{
    for (auto &[socket, session] : m_sessions) {
        Session &s = *session;
        if (s.closing) {
            // We sent a close frame; a peer that has not completed the close by the
            // next heartbeat is not reading (a full send buffer) or gone: drop it.
            if (++s.heartbeatsSinceClose >= 2)
                socket->abort();
            continue;
        }
        if (s.tokenExpired(m_services.clock.nowMs())) {
            closeExpired(s);
            continue;
        }
        if (s.missedPongs >= 2) {
            // Two heartbeats without a pong: the peer is gone; do not wait for TCP to notice.
            m_services.metrics.wsRejected(QStringLiteral("dead_peer"));
            s.closing = true;
            socket->abort();
            continue;
        }
        ++s.missedPongs;
        socket->ping();
    }
}

void WsHub::closeExpired(Session &s)
{
    m_services.metrics.wsRejected(QStringLiteral("token_expired"));
    close(s, WsClose::AuthTimeout, QStringLiteral("access token expired; refresh it and reconnect"));
}

void WsHub::expireUnauthenticated()
{
    const qint64 now = m_services.clock.nowMs();
    const QList<Session *> pending(m_unauthenticated.cbegin(), m_unauthenticated.cend());
    for (Session *s : pending) {
        if (now >= s->authDeadlineMs) {
            m_unauthenticated.remove(s);
            m_services.metrics.wsRejected(QStringLiteral("auth_timeout"));
            close(*s, WsClose::AuthTimeout, QStringLiteral("authentication timeout"));
        }
    }
    if (m_unauthenticated.isEmpty())
        m_authSweep.stop();
}

void WsHub::closeAll(quint16 code, const QString &reason)
{
    m_closing = true;
    for (auto &[socket, session] : m_sessions)
        close(*session, code, reason);
    if (m_sessions.empty())
        QMetaObject::invokeMethod(this, &WsHub::allClosed, Qt::QueuedConnection);
}

// ---- fan-out

void WsHub::deliverNotification(const Notification &notification, const QList<QPair<QString, qint64>> &recipientSeqs)
{
    // Encode the notification once; per recipient only the seq is spliced in front.
    QJsonObject data = notification.toJson();
    data.remove(QStringLiteral("seq"));
    const QByteArray body = QJsonDocument(data).toJson(QJsonDocument::Compact);
    const QString prefix = QStringLiteral("{\"event\":\"notification\",\"data\":{\"seq\":");
    const QString suffix
        = QLatin1Char(',') + QString::fromUtf8(body.constData() + 1, body.size() - 1) + QLatin1Char('}');
    const QString topic = notification.content.topic;

    qint64 written = 0;
    for (const auto &[userId, seq] : recipientSeqs) {
        if (seq <= 0)
            continue;
        auto it = m_users.find(userId);
        if (it == m_users.end())
            continue;
        const QString frame = prefix + QString::number(seq) + suffix;
        const auto sessions = it->sessions; // send() may close a session
        for (Session *s : sessions) {
            if (!s->replaying()) {
                send(*s, frame);
                ++written;
            }
        }
        ++it->unread.total;
        if (!topic.isEmpty())
            ++it->unread.byTopic[topic];
        sendBadge(*it);
    }
    if (written > 0) {
        m_services.metrics.delivered(QLatin1String(DeliveryChannel::InApp), QStringLiteral("sent"), written);
        const double latency = double(m_services.clock.nowMs() - notification.createdAt.toMSecsSinceEpoch()) / 1000.0;
        m_services.metrics.observeDeliveryLatency(QLatin1String(ChannelName::InApp), qMax(0.0, latency), written);
    }
}

void WsHub::deliverStreamEvent(const QString &userId, const StreamEvent &event, const UnreadCounts &unread)
{
    auto it = m_users.find(userId);
    if (it == m_users.end())
        return;
    const QString frame = QString::fromUtf8(event.toFrame());
    const auto sessions = it->sessions;
    for (Session *s : sessions) {
        if (!s->replaying())
            send(*s, frame);
    }
    it->unread = unread;
    sendBadge(*it);
}

void WsHub::deliverStatus(const QString &userId, const QStringList &ids, const QString &status, const QDateTime &at)
{
    auto it = m_users.find(userId);
    if (it == m_users.end())
        return;
    const auto sessions = it->sessions;
    for (const QString &id : ids) {
        const QString frame = QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::NotificationStatus),
            {{QStringLiteral("notificationId"), id}, {QStringLiteral("status"), status},
                {QStringLiteral("timestamp"), Json::formatTime(at)}}));
        for (Session *s : sessions)
            send(*s, frame);
    }
}

void WsHub::disconnectUser(const QString &userId, const QString &reason)
{
    auto it = m_users.find(userId);
    if (it == m_users.end())
        return;
    const auto sessions = it->sessions;
    for (Session *s : sessions)
        close(*s, WsClose::AuthTimeout, reason);
}

void WsHub::sendBadge(const UserEntry &entry)
{
    const QString frame = QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Badge), entry.unread.toJson()));
    const auto sessions = entry.sessions;
    for (Session *s : sessions) {
        if (!s->replaying())
            send(*s, frame);
    }
}

// ---- replay

void WsHub::startReplay(Session &s, const ClientFrame &frame)
{
    Expected<ResumeRequest> req = parseResume(frame.event, frame.data);
    if (!req) {
        replyError(s, frame, req.error());
        return;
    }
    const QString &userId = s.auth->user.id;
    qint64 since = req->sinceSeq;
    if (req->since.isValid()) {
        since = m_services.store.seqBefore(userId, req->since);
    } else if (!req->epoch.isEmpty() && req->epoch != m_services.store.epoch()) {
        send(s,
            QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Resync),
                {{QStringLiteral("reason"), QStringLiteral("epoch changed: the server's data was reset")},
                    {QStringLiteral("epoch"), m_services.store.epoch()},
                    {QStringLiteral("headSeq"), m_services.store.headSeq(userId)}})));
        reply(s, frame, {{QStringLiteral("resync"), true}});
        return;
    }
    reply(s, frame, {{QStringLiteral("fromSeq"), since}});
    s.replayFrom = since;
    s.replayCursor = since;
    s.replayCount = 0;
    continueReplay(s);
}

void WsHub::continueReplay(Session &s)
{
    const QString &userId = s.auth->user.id;
    // Stop filling while the socket holds half its budget; bytesWritten brings us back.
    const qint64 highWater = m_options.sendBufferBytes / 2;
    while (s.replaying() && !s.closing) {
        if (s.socket->bytesToWrite() > highWater)
            return;
        const StreamSlice slice = m_services.store.eventsSince(userId, s.replayCursor, m_options.replayBatch);
        if (slice.resyncRequired) {
            s.replayCursor = -1;
            const bool ahead = s.replayFrom > slice.headSeq;
            send(s,
                QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Resync),
                    {{QStringLiteral("reason"),
                         ahead ? QStringLiteral("the position is ahead of the server's stream")
                               : QStringLiteral("events after this position were pruned")},
                        {QStringLiteral("epoch"), m_services.store.epoch()},
                        {QStringLiteral("headSeq"), slice.headSeq}})));
            break;
        }
        for (const StreamEvent &event : slice.events) {
            send(s, QString::fromUtf8(event.toFrame()));
            s.replayCursor = event.seq;
            ++s.replayCount;
            if (s.closing || s.socket->bytesToWrite() > highWater)
                break;
        }
        if (s.closing)
            return;
        if (slice.events.isEmpty() || s.replayCursor >= slice.headSeq) {
            const qint64 from = s.replayFrom;
            const qint64 to = qMax(s.replayCursor, from);
            const qint64 count = s.replayCount;
            s.replayCursor = -1;
            send(s,
                QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::ReplayDone),
                    {{QStringLiteral("fromSeq"), from}, {QStringLiteral("toSeq"), to},
                        {QStringLiteral("count"), count}})));
            break;
        }
    }
    if (!s.replaying() && !s.closing) {
        auto it = m_users.constFind(userId);
        if (it != m_users.cend())
            send(s, QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Badge), it->unread.toJson())));
    }
}

} // namespace Tidings::Server
