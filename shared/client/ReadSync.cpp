#include "client/ReadSync.h"

#include "client/ApiClient.h"
#include "client/ClientLogging.h"
#include "client/Connection.h"
#include "client/NotificationStore.h"
#include "client/StreamSync.h"
#include "protocol/Limits.h"

#include <QJsonArray>
#include <QMap>

namespace Tidings::Client {

namespace {

LocalState overlayFor(Operation::Kind kind)
{
    switch (kind) {
    case Operation::Kind::Read:
    case Operation::Kind::ReadAll:
        return LocalState::Read;
    case Operation::Kind::Unread:
        return LocalState::Unread;
    case Operation::Kind::Delete:
        return LocalState::Deleted;
    case Operation::Kind::Ack:
    case Operation::Kind::Preferences:
        break;
    }
    return LocalState::None;
}

QJsonObject idsPayload(const QStringList &ids)
{
    return {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}};
}

} // namespace

ReadSync::ReadSync(
    Connection &connection, StreamSync &stream, NotificationStore &store, OfflineQueue &queue, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_stream(stream)
    , m_store(store)
    , m_queue(queue)
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(std::chrono::seconds(2));
    connect(&m_retryTimer, &QTimer::timeout, this, &ReadSync::flush);
    connect(&m_connection, &Connection::replyReceived, this, &ReadSync::onReply);
    // What was in flight stays queued and goes again (with the same op id) next time.
    connect(&m_connection, &Connection::connectionLost, this, [this] { m_inFlight.clear(); });
    connect(&m_stream, &StreamSync::syncedChanged, this, [this](bool synced) {
        if (synced)
            flush();
    });
    connect(&m_store, &NotificationStore::positionChanged, this, &ReadSync::settleAwaited);
    connect(&m_store, &NotificationStore::wasReset, this, &ReadSync::rebuildOverlay);
    rebuildOverlay();
}

QStringList ReadSync::withoutRedundant(const QStringList &ids, bool read) const
{
    QStringList out;
    for (const QString &id : ids) {
        if (!m_queue.touching(id).isEmpty()) {
            out.append(id); // the queue decides
            continue;
        }
        const std::optional<InboxEntry> e = m_store.entry(id);
        if (!e || e->isRead() != read)
            out.append(id);
    }
    return out;
}

void ReadSync::markRead(const QStringList &ids)
{
    const QStringList wanted = withoutRedundant(ids, true);
    if (!wanted.isEmpty())
        enqueue(Operation::Kind::Read, idsPayload(wanted), wanted);
}

void ReadSync::markUnread(const QStringList &ids)
{
    const QStringList wanted = withoutRedundant(ids, false);
    if (!wanted.isEmpty())
        enqueue(Operation::Kind::Unread, idsPayload(wanted), wanted);
}

void ReadSync::remove(const QStringList &ids)
{
    if (!ids.isEmpty())
        enqueue(Operation::Kind::Delete, idsPayload(ids), ids);
}

void ReadSync::markAllRead(const QString &topic)
{
    const qint64 upToSeq = m_store.position().lastSeq;
    QJsonObject payload {{QStringLiteral("upToSeq"), upToSeq}};
    if (!topic.isEmpty())
        payload.insert(QStringLiteral("topic"), topic);
    const QStringList touched = m_store.unreadIdsUpTo(topic, upToSeq);
    m_queue.enqueue(Operation::Kind::ReadAll, payload);
    m_store.setLocalState(touched, LocalState::Read);
    flush();
}

void ReadSync::acknowledge(const QStringList &ids)
{
    if (!ids.isEmpty())
        enqueue(Operation::Kind::Ack, idsPayload(ids), {});
}

void ReadSync::updatePreferences(const QJsonObject &patch)
{
    enqueue(Operation::Kind::Preferences, patch, {});
}

void ReadSync::enqueue(Operation::Kind kind, const QJsonObject &payload, const QStringList &touched)
{
    const QStringList ids = payload.value(QStringLiteral("ids")).toVariant().toStringList();
    if (ids.size() > Limits::IdsPerEventMax) {
        // One frame carries at most this many ids: queue consecutive slices.
        for (qsizetype from = 0; from < ids.size(); from += Limits::IdsPerEventMax) {
            QJsonObject slice = payload;
            slice.insert(QStringLiteral("ids"), QJsonArray::fromStringList(ids.mid(from, Limits::IdsPerEventMax)));
            m_queue.enqueue(kind, slice);
        }
    } else {
        m_queue.enqueue(kind, payload);
    }
    QMap<LocalState, QStringList> groups;
    for (const QString &id : touched) {
        const QList<Operation> ops = m_queue.touching(id);
        groups[ops.isEmpty() ? LocalState::None : overlayFor(ops.last().kind)].append(id);
        m_awaitedSeq.remove(id);
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        m_store.setLocalState(it.value(), it.key());
    flush();
}

void ReadSync::flush()
{
    if (!m_stream.isSynced() || !m_connection.isOnline())
        return;
    for (const Operation &op : m_queue.operations()) {
        if (m_inFlight.size() >= m_maxInFlight)
            break;
        if (m_inFlight.contains(op.opId))
            continue;
        QJsonObject data = op.payload;
        data.insert(QStringLiteral("opId"), op.opId);
        if (!m_connection.send(Operation::kindName(op.kind), data, op.opId))
            break;
        m_queue.markSent(op.opId);
        m_inFlight.insert(op.opId);
    }
}

void ReadSync::onReply(const QString &ref, bool ok, const QJsonObject &data, const ProtocolError &error)
{
    const std::optional<Operation> op = m_queue.find(ref);
    if (!op)
        return;
    m_inFlight.remove(ref);
    // Events that came before this reply are written first, so the overlay settles
    // against the stream position they reach.
    m_stream.flushPending();
    const QStringList ids = op->kind == Operation::Kind::ReadAll ? m_store.idsWithLocalState() : op->ids();
    if (ok) {
        if (data.contains(QStringLiteral("unread")))
            m_store.setServerUnread(UnreadCounts::fromJson(data.value(QStringLiteral("unread")).toObject()));
        m_queue.remove(ref);
        const bool duplicate = data.value(QStringLiteral("duplicate")).toBool();
        if (op->kind == Operation::Kind::Preferences && !duplicate)
            Q_EMIT preferencesConfirmed(data);
        // A duplicate was applied in an earlier session; its event is already replayed.
        settle(ids, duplicate ? 0 : data.value(QStringLiteral("seq")).toInteger());
    } else if (isRetryable(error)) {
        qCInfo(lcClientSync) << Operation::kindName(op->kind) << "deferred:" << error.message;
        m_retryTimer.start();
        return;
    } else {
        qCWarning(lcClientSync) << Operation::kindName(op->kind) << "refused:" << error.code << error.message;
        m_queue.remove(ref);
        settle(ids, 0);
        Q_EMIT operationFailed(*op, error);
    }
    if (m_queue.isEmpty())
        Q_EMIT drained();
    else
        flush();
}

void ReadSync::settle(const QStringList &ids, qint64 seq)
{
    QList<Operation> readAlls;
    for (const Operation &op : m_queue.operations()) {
        if (op.kind == Operation::Kind::ReadAll)
            readAlls.append(op);
    }
    auto coveredByReadAll = [&](const QString &id) {
        if (readAlls.isEmpty())
            return false;
        const std::optional<InboxEntry> e = m_store.entry(id);
        if (!e)
            return false;
        for (const Operation &op : std::as_const(readAlls)) {
            const QString topic = op.payload.value(QStringLiteral("topic")).toString();
            if ((topic.isEmpty() || topic == e->notification.content.topic)
                && e->notification.seq <= op.payload.value(QStringLiteral("upToSeq")).toInteger())
                return true;
        }
        return false;
    };

    const qint64 reached = m_store.position().lastSeq;
    QMap<LocalState, QStringList> groups;
    for (const QString &id : ids) {
        const QList<Operation> ops = m_queue.touching(id);
        if (!ops.isEmpty()) {
            groups[overlayFor(ops.last().kind)].append(id);
        } else if (coveredByReadAll(id)) {
            continue;
        } else if (seq > reached) {
            // Confirmed, but the event is still on its way: keep showing the change.
            m_awaitedSeq.insert(id, qMax(seq, m_awaitedSeq.value(id)));
        } else {
            groups[LocalState::None].append(id);
            m_awaitedSeq.remove(id);
        }
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        m_store.setLocalState(it.value(), it.key());
}

void ReadSync::settleAwaited()
{
    if (m_awaitedSeq.isEmpty())
        return;
    const qint64 reached = m_store.position().lastSeq;
    QStringList due;
    for (auto it = m_awaitedSeq.cbegin(); it != m_awaitedSeq.cend(); ++it) {
        if (it.value() <= reached)
            due.append(it.key());
    }
    for (const QString &id : std::as_const(due))
        m_awaitedSeq.remove(id);
    if (!due.isEmpty())
        settle(due, 0);
}

void ReadSync::rebuildOverlay()
{
    // The queue is the truth about what this device still has to tell the server.
    QHash<QString, LocalState> wanted;
    for (const Operation &op : m_queue.operations()) {
        if (op.kind == Operation::Kind::ReadAll) {
            const QStringList ids = m_store.unreadIdsUpTo(op.payload.value(QStringLiteral("topic")).toString(),
                op.payload.value(QStringLiteral("upToSeq")).toInteger());
            for (const QString &id : ids)
                wanted.insert(id, LocalState::Read);
        } else if (overlayFor(op.kind) != LocalState::None) {
            for (const QString &id : op.ids())
                wanted.insert(id, overlayFor(op.kind));
        }
    }
    QMap<LocalState, QStringList> groups;
    for (const QString &id : m_store.idsWithLocalState()) {
        if (!wanted.contains(id))
            groups[LocalState::None].append(id);
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        groups[it.value()].append(it.key());
    m_awaitedSeq.clear();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        m_store.setLocalState(it.value(), it.key());
}

} // namespace Tidings::Client
