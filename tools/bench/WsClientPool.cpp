#include "WsClientPool.h"

#include "Console.h"
#include "MonotonicClock.h"
#include "protocol/WsFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

#include <limits>

namespace Tidings::Bench {

namespace {
constexpr int MaxDistinctReasons = 20;

bool transient(WsClientPool::State s)
{
    return s == WsClientPool::State::Queued || s == WsClientPool::State::Connecting
        || s == WsClientPool::State::Resuming;
}

QString frameText(const char *event, const QJsonObject &data)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("event"), QLatin1String(event)}, {QStringLiteral("data"), data}})
            .toJson(QJsonDocument::Compact));
}
} // namespace

WsClientPool::WsClientPool(QUrl url, Options options, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_options(options)
{
    m_delayTimer.setSingleShot(true);
    m_delayTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_delayTimer, &QTimer::timeout, this, &WsClientPool::releaseDelayed);
    m_sweepTimer.setInterval(200);
    connect(&m_sweepTimer, &QTimer::timeout, this, &WsClientPool::sweep);
}

WsClientPool::~WsClientPool()
{
    closeAll();
}

int WsClientPool::addClient(int user, QByteArray token)
{
    Client c;
    c.user = user;
    c.token = std::move(token);
    m_clients.push_back(std::move(c));
    ++m_stateCount[int(State::Idle)];
    return int(m_clients.size()) - 1;
}

void WsClientPool::setState(int i, State s)
{
    Client &c = m_clients[i];
    const State old = c.state;
    if (old == s)
        return;
    --m_stateCount[int(old)];
    ++m_stateCount[int(s)];
    c.state = s;
    if (transient(old) && !transient(s) && busy() == 0)
        Q_EMIT settled();
}

void WsClientPool::connectAll()
{
    m_failureReasons.clear();
    m_roundFirstOpenNs = 0;
    m_roundLastReadyNs = 0;
    m_retryDeadlineNs = 0;
    for (int i = 0; i < m_clients.size(); ++i) {
        Client &c = m_clients[i];
        if (c.state != State::Idle && c.state != State::Failed)
            continue;
        c.resume = false;
        c.retry = false;
        c.attempts = 0;
        schedule(i, 0);
    }
    pump();
}

void WsClientPool::reconnectAll(int jitterMs, qint64 deadlineNs)
{
    m_failureReasons.clear();
    m_roundFirstOpenNs = 0;
    m_roundLastReadyNs = 0;
    m_retryDeadlineNs = deadlineNs;
    for (int i = 0; i < m_clients.size(); ++i) {
        Client &c = m_clients[i];
        if (c.state != State::Idle)
            continue; // open, or never connected: neither belongs to this storm
        c.resume = !c.epoch.isEmpty();
        c.retry = true;
        c.attempts = 0;
        schedule(i, jitterMs > 0 ? qint64(QRandomGenerator::global()->bounded(jitterMs + 1)) : 0);
    }
    pump();
}

void WsClientPool::giveUp()
{
    m_ready.clear();
    m_delayed.clear();
    m_delayTimer.stop();
    for (int i = 0; i < m_clients.size(); ++i) {
        if (transient(m_clients[i].state)) {
            dropSocket(i);
            setState(i, State::Failed);
        }
    }
}

void WsClientPool::closeAll()
{
    m_ready.clear();
    m_delayed.clear();
    m_delayTimer.stop();
    m_sweepTimer.stop();
    for (int i = 0; i < m_clients.size(); ++i) {
        dropSocket(i);
        setState(i, State::Idle);
    }
}

void WsClientPool::schedule(int i, qint64 delayMs)
{
    setState(i, State::Queued);
    if (delayMs <= 0) {
        m_ready.push_back(i);
        return;
    }
    const qint64 due = monotonicNs() + delayMs * 1000000;
    m_delayed.emplace(due, i);
    if (m_delayed.begin()->first == due)
        m_delayTimer.start(int(delayMs));
}

void WsClientPool::releaseDelayed()
{
    const qint64 now = monotonicNs();
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        const int i = m_delayed.begin()->second;
        m_delayed.erase(m_delayed.begin());
        if (m_clients[i].state == State::Queued)
            m_ready.push_back(i);
    }
    if (!m_delayed.empty())
        m_delayTimer.start(int(std::max<qint64>(1, (m_delayed.begin()->first - now + 999999) / 1000000)));
    pump();
}

void WsClientPool::pump()
{
    const int limit = m_options.maxHandshakes > 0 ? m_options.maxHandshakes : std::numeric_limits<int>::max();
    while (!m_ready.empty() && count(State::Connecting) + count(State::Resuming) < limit) {
        const int i = m_ready.front();
        m_ready.pop_front();
        if (m_clients[i].state == State::Queued)
            open(i);
    }
    if (count(State::Connecting) + count(State::Resuming) > 0 && !m_sweepTimer.isActive())
        m_sweepTimer.start();
}

void WsClientPool::open(int i)
{
    Client &c = m_clients[i];
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setProxy(QNetworkProxy::NoProxy);
    c.socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, i, socket](const QString &message) { onText(i, socket, message); });
    connect(socket, &QWebSocket::disconnected, this, [this, i, socket] { onDisconnected(i, socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, i, socket](QAbstractSocket::SocketError) { onError(i, socket); });

    QNetworkRequest request(m_url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + c.token);
    c.attemptNs = monotonicNs();
    if (m_roundFirstOpenNs == 0)
        m_roundFirstOpenNs = c.attemptNs;
    ++c.attempts;
    ++m_counters.attempts;
    setState(i, State::Connecting);
    socket->open(request);
}

void WsClientPool::dropSocket(int i)
{
    Client &c = m_clients[i];
    if (!c.socket)
        return;
    QWebSocket *socket = c.socket;
    c.socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

qint64 WsClientPool::backoffMs(int attempts) const
{
    // Exponential backoff with full jitter: uniformly random up to base * 2^(n-1),
    // capped, so a crowd that failed together spreads out instead of retrying in step.
    const qint64 ceiling = std::min<qint64>(
        m_options.backoffMaxMs, qint64(m_options.backoffBaseMs) << std::min(std::max(attempts - 1, 0), 16));
    return qint64(QRandomGenerator::global()->bounded(quint64(ceiling) + 1));
}

void WsClientPool::attemptFailed(int i, const QString &reason)
{
    Client &c = m_clients[i];
    dropSocket(i);
    if (m_failureReasons.size() < MaxDistinctReasons || m_failureReasons.contains(reason))
        ++m_failureReasons[reason];
    if (c.retry && monotonicNs() < m_retryDeadlineNs)
        schedule(i, backoffMs(c.attempts));
    else
        setState(i, State::Failed);
    pump();
}

void WsClientPool::becomeReady(int i, qint64 nowNs)
{
    Client &c = m_clients[i];
    c.readyNs = nowNs;
    m_roundLastReadyNs = std::max(m_roundLastReadyNs, nowNs);
    setState(i, State::Open);
    pump();
}

void WsClientPool::onText(int i, QWebSocket *socket, const QString &message)
{
    const qint64 now = monotonicNs(); // first, so our own parsing is not part of the latency
    if (m_clients[i].socket != socket)
        return;
    const QStringView frame(message);
    const QStringView event = FrameScanner::event(frame);
    if (event == QLatin1String(WsEvent::Notification)) {
        onNotification(i, now, frame);
        return;
    }
    if (event == QLatin1String(WsEvent::Badge) || event == QLatin1String(WsEvent::NotificationStatus)
        || event == QLatin1String(WsEvent::Pong))
        return;

    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    Client &c = m_clients[i];
    if (event == QLatin1String(WsEvent::Welcome)) {
        onWelcome(i, now, data);
    } else if (event == QLatin1String(WsEvent::ReplayDone)) {
        if (c.state == State::Resuming)
            becomeReady(i, now);
    } else if (event == QLatin1String(WsEvent::Resync)) {
        ++m_counters.resyncs;
        // A real client reloads its inbox over REST and continues from headSeq.
        c.lastSeq = c.welcomeHeadSeq;
        if (c.state == State::Resuming)
            becomeReady(i, now);
    } else if (event == QLatin1String(WsEvent::Error)) {
        ++m_counters.serverErrors;
        const QString code = data.value(QLatin1String("code")).toString();
        if (m_failureReasons.size() < MaxDistinctReasons || m_failureReasons.contains(code))
            ++m_failureReasons[QStringLiteral("server error frame: ") + code];
    }
}

void WsClientPool::onWelcome(int i, qint64 nowNs, const QJsonObject &data)
{
    Client &c = m_clients[i];
    if (c.state != State::Connecting)
        return;
    const QString epoch = data.value(QLatin1String("epoch")).toString();
    c.welcomeHeadSeq = data.value(QLatin1String("headSeq")).toInteger();
    if (c.resume) {
        if (epoch != c.epoch)
            ++m_counters.epochChanges;
        // Resume with what we remember; a changed epoch must make the server answer resync.
        c.socket->sendTextMessage(frameText(
            WsEvent::Resume, {{QStringLiteral("epoch"), c.epoch}, {QStringLiteral("sinceSeq"), double(c.lastSeq)}}));
        c.epoch = epoch;
        c.attemptNs = nowNs;
        setState(i, State::Resuming);
        return;
    }
    c.epoch = epoch;
    c.lastSeq = c.welcomeHeadSeq;
    becomeReady(i, nowNs);
}

void WsClientPool::onNotification(int i, qint64 recvNs, QStringView frame)
{
    Client &c = m_clients[i];
    const FrameScanner::Notification n = FrameScanner::notification(frame);
    if (n.seq >= 0) {
        if (n.seq <= c.lastSeq) {
            ++m_counters.duplicates; // already delivered to this device
            return;
        }
        if (n.seq > c.lastSeq + 1 && c.lastSeq > 0)
            ++m_counters.gaps;
        c.lastSeq = n.seq;
    }
    if (c.state == State::Resuming)
        ++m_counters.replayed;
    if (m_options.ack && c.socket) {
        const QJsonObject notification
            = QJsonDocument::fromJson(frame.toUtf8()).object().value(QLatin1String("data")).toObject();
        const QString id = notification.value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            c.socket->sendTextMessage(frameText(WsEvent::Ack, {{QStringLiteral("ids"), QJsonArray {id}}}));
    }
    if (m_onNotification)
        m_onNotification(i, recvNs, n, frame);
}

void WsClientPool::onDisconnected(int i, QWebSocket *socket)
{
    Client &c = m_clients[i];
    if (c.socket != socket)
        return;
    switch (c.state) {
    case State::Connecting:
    case State::Resuming: {
        QString reason = socket->errorString();
        if (socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
            reason = QStringLiteral("closed %1 %2").arg(int(socket->closeCode())).arg(socket->closeReason());
        attemptFailed(i, reason.isEmpty() ? QStringLiteral("closed before welcome") : reason);
        return;
    }
    case State::Open: {
        ++m_counters.drops;
        ++m_dropCloseCodes[int(socket->closeCode())];
        dropSocket(i);
        if (m_autoReconnect) {
            c.resume = true;
            c.retry = true;
            c.attempts = 0;
            m_retryDeadlineNs = std::numeric_limits<qint64>::max();
            schedule(i, backoffMs(1));
            pump();
        } else {
            setState(i, State::Idle);
        }
        return;
    }
    default:
        dropSocket(i);
        return;
    }
}

void WsClientPool::onError(int i, QWebSocket *socket)
{
    Client &c = m_clients[i];
    if (c.socket != socket)
        return;
    // An open connection also reports `disconnected`, which handles the drop; a
    // handshake that fails may not, so the attempt ends here.
    if (c.state == State::Connecting || c.state == State::Resuming)
        attemptFailed(i, socket->errorString());
}

void WsClientPool::sweep()
{
    if (count(State::Connecting) + count(State::Resuming) == 0) {
        m_sweepTimer.stop();
        return;
    }
    const qint64 now = monotonicNs();
    for (int i = 0; i < m_clients.size(); ++i) {
        const Client &c = m_clients[i];
        if ((c.state == State::Connecting || c.state == State::Resuming) && now - c.attemptNs > m_options.timeoutNs)
            attemptFailed(i,
                c.state == State::Connecting ? QStringLiteral("timed out waiting for welcome")
                                             : QStringLiteral("timed out waiting for replayDone"));
    }
}

} // namespace Tidings::Bench
