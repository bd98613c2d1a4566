#include "client/StreamSync.h"

#include "client/ApiClient.h"
#include "client/ClientLogging.h"
#include "client/NotificationStore.h"
#include "protocol/WsFrame.h"

namespace Tidings::Client {

namespace {
// Events are written in batches of at most this many (one transaction each).
constexpr int kMaxBatch = 2000;
} // namespace

StreamSync::StreamSync(Connection &connection, ApiClient &api, NotificationStore &store, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_api(api)
    , m_store(store)
{
    // Frames that arrive together (a replay burst) are written in one transaction.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &StreamSync::flushPending);
    connect(&m_connection, &Connection::welcomed, this, &StreamSync::onWelcome);
    connect(&m_connection, &Connection::frameReceived, this, &StreamSync::onFrame);
    connect(&m_connection, &Connection::replyReceived, this, &StreamSync::onReply);
    connect(&m_connection, &Connection::connectionLost, this, [this] {
        flushPending();
        ++m_reloadGeneration; // a reload in flight belongs to the old connection
        setPhase(Phase::Idle);
    });
}

void StreamSync::setPhase(Phase phase)
{
    const bool wasSynced = isSynced();
    m_phase = phase;
    if (wasSynced != isSynced())
        Q_EMIT syncedChanged(isSynced());
}

void StreamSync::onWelcome(const Welcome &welcome)
{
    m_store.setServerUnread(welcome.unread);
    const StreamPosition pos = m_store.position();
    if (pos.isValid() && pos.epoch == welcome.epoch) {
        sendResume();
        return;
    }
    qCInfo(lcClientSync) << (pos.isValid() ? "the server's data was reset" : "no local inbox yet")
                         << "- loading the inbox";
    reload();
}

void StreamSync::sendResume()
{
    const StreamPosition pos = m_store.position();
    m_resumeRef = QStringLiteral("resume:") + QString::number(++m_resumes);
    setPhase(Phase::AwaitingResume);
    qCDebug(lcClientSync) << "resuming after" << pos.lastSeq;
    m_connection.send(QLatin1String(WsEvent::Resume),
        {{QStringLiteral("epoch"), pos.epoch}, {QStringLiteral("sinceSeq"), pos.lastSeq}}, m_resumeRef);
}

void StreamSync::reload()
{
    m_pending.clear();
    setPhase(Phase::Reloading);
    const quint64 generation = ++m_reloadGeneration;
    InboxQuery query;
    query.limit = m_pageSize;
    m_api.inbox(query, this, [this, generation](const Expected<InboxPage> &page) {
        if (generation != m_reloadGeneration)
            return;
        if (!page) {
            qCWarning(lcClientSync) << "cannot load the inbox:" << page.error().message;
            Q_EMIT syncError(page.error().message);
            // The next connection tries again.
            m_connection.reconnectNow();
            return;
        }
        if (!m_store.reset(page->epoch, page->headSeq, page->notifications, !page->hasNext)) {
            Q_EMIT syncError(m_store.errorString());
            return;
        }
        m_store.setServerUnread(page->unread);
        Q_EMIT resynced();
        if (m_connection.isOnline())
            sendResume();
    });
}

void StreamSync::onReply(const QString &ref, bool ok, const QJsonObject &data, const ProtocolError &error)
{
    if (ref != m_resumeRef || m_phase != Phase::AwaitingResume)
        return;
    if (!ok) {
        qCWarning(lcClientSync) << "resume refused:" << error.message;
        reload();
        return;
    }
    if (data.value(QStringLiteral("resync")).toBool())
        return; // the resync frame before this reply already started a reload
    setPhase(Phase::Replaying);
}

void StreamSync::onFrame(const QString &event, const QJsonObject &data)
{
    if (event == QLatin1String(WsEvent::Badge)) {
        flushPending();
        m_store.setServerUnread(UnreadCounts::fromJson(data));
        return;
    }
    if (event == QLatin1String(WsEvent::Resync)) {
        qCInfo(lcClientSync) << "resync:" << data.value(QStringLiteral("reason")).toString();
        reload();
        return;
    }
    if (event == QLatin1String(WsEvent::NotificationStatus)) {
        if (data.value(QStringLiteral("status")).toString() == QLatin1String(Status::Delivered)) {
            m_delivered.append(data.value(QStringLiteral("notificationId")).toString());
            if (!m_flushTimer.isActive())
                m_flushTimer.start();
        }
        return;
    }
    if (event == QLatin1String(WsEvent::ReplayDone)) {
        if (m_phase != Phase::Replaying)
            return;
        flushPending();
        qCInfo(lcClientSync) << "replayed" << data.value(QStringLiteral("count")).toInteger() << "events up to"
                             << data.value(QStringLiteral("toSeq")).toInteger();
        setPhase(Phase::Live);
        return;
    }
    const std::optional<StreamEvent::Kind> kind = StreamEvent::kindFromName(event);
    if (!kind)
        return; // notificationStatus, pong, error: not part of the stream
    if (m_phase != Phase::Replaying && m_phase != Phase::Live)
        return; // the replay after our resume brings it again, in order
    Expected<StreamEvent> e = StreamEvent::fromData(event, data);
    if (!e) {
        qCWarning(lcClientSync) << "unreadable" << event << "event:" << e.error().message;
        return;
    }
    m_pending.append(std::move(e).value());
    if (m_pending.size() >= kMaxBatch)
        flushPending();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void StreamSync::flushPending()
{
    m_flushTimer.stop();
    if (!m_delivered.isEmpty())
        (void)m_store.markDelivered(std::exchange(m_delivered, {}), QDateTime::currentDateTimeUtc());
    if (m_pending.isEmpty())
        return;
    const QList<StreamEvent> events = std::exchange(m_pending, {});
    const qint64 before = m_store.position().lastSeq;
    if (!m_store.apply(m_store.position().epoch, events)) {
        qCWarning(lcClientSync) << "cannot write events:" << m_store.errorString();
        Q_EMIT syncError(m_store.errorString());
        return;
    }
    QList<Notification> arrived;
    for (const StreamEvent &e : events) {
        if (e.kind == StreamEvent::Kind::Notification && e.seq > before)
            arrived.append(e.notification);
    }
    if (!arrived.isEmpty())
        Q_EMIT notificationsArrived(arrived, m_phase == Phase::Live);
}

} // namespace Tidings::Client
