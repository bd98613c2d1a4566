// SqliteStore: read state, deletes and delivery receipts, unread counts, and the
// upkeep of the per-user streams (seq allocation, retention, client operation ids).

#include "store/SqliteStore.h"

#include "store/SqlValues.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

constexpr qint64 kIdempotencyWindowMs = 24LL * 60 * 60 * 1000;

// A row the user can see and act on: released (scheduled rows have seq 0), not
// deleted, not expired. The caller binds user_id first and `now` last.
#define TIDINGS_LIVE_ROW " seq > 0 AND deleted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"

// The ids of `requested` that are in `changed`, in the order the client gave them.
QStringList inRequestOrder(const QStringList &requested, const QSet<QString> &changed)
{
    QStringList out;
    out.reserve(changed.size());
    for (const QString &id : distinct(requested)) {
        if (changed.contains(id))
            out.append(id);
    }
    return out;
}

} // namespace

UnreadCounts SqliteStore::unreadCounts(const QString &userId, const QDateTime &now)
{
    UnreadCounts counts;
    // INDEXED BY: without statistics the planner prefers inbox_user_seq and walks the
    // user's whole history; the partial index holds only the unread rows.
    const Stmt s = run(QStringLiteral("SELECT topic, COUNT(*) FROM inbox INDEXED BY inbox_unread"
                                      " WHERE user_id = ? AND read_at IS NULL AND" TIDINGS_LIVE_ROW " GROUP BY topic"),
        {userId, now.toMSecsSinceEpoch()});
    if (!s)
        return counts;
    while (s->next()) {
        const QString topic = s->value(0).toString();
        const qint64 n = s->value(1).toLongLong();
        counts.total += n;
        if (!topic.isEmpty())
            counts.byTopic.insert(topic, n);
    }
    return counts;
}

qint64 SqliteStore::headSeq(const QString &userId)
{
    const auto head = scalar(QStringLiteral("SELECT head_seq FROM stream_heads WHERE user_id = ?"), {userId}, 0);
    return head ? head->toLongLong() : 0;
}

std::optional<qint64> SqliteStore::nextSeq(const QString &userId)
{
    const auto seq = scalar(QStringLiteral("INSERT INTO stream_heads (user_id, head_seq, pruned_below) VALUES (?, 1, 0)"
                                           " ON CONFLICT (user_id) DO UPDATE SET head_seq = stream_heads.head_seq + 1"
                                           " RETURNING head_seq"),
        {userId});
    if (!seq)
        return std::nullopt;
    return seq->toLongLong();
}

bool SqliteStore::appendEvent(const QString &userId, const StreamEvent &event, const QJsonObject &payload)
{
    return change(QStringLiteral("INSERT INTO stream_events (user_id, seq, kind, message_id, payload, at)"
                                 " VALUES (?, ?, ?, NULL, ?, ?)"),
               {userId, event.seq, eventKind(event.kind), json(payload), timeMs(event.at)})
        > 0;
}

StreamChange SqliteStore::finishChange(
    const QString &userId, std::optional<StreamEvent> event, qint64 changedCount, const QDateTime &at)
{
    StreamChange result;
    result.event = std::move(event);
    result.changedCount = changedCount;
    result.unread = unreadCounts(userId, at);
    result.headSeq = headSeq(userId);
    return result;
}

// markRead, markUnread and deleteFromInbox: one UPDATE that only matches the user's
// own live rows whose state actually changes (so another user's ids are never
// touched), then one event listing exactly the rows that changed.
std::optional<StreamChange> SqliteStore::changeRows(
    const QString &userId, const QStringList &ids, const QDateTime &at, StreamEvent::Kind kind)
{
    // A read notification was delivered: an `unread` later leaves it "delivered", not "pending".
    static const QString readSql
        = QStringLiteral("UPDATE inbox SET read_at = ?, delivered_at = COALESCE(delivered_at, ?) WHERE user_id = ? AND "
                         "message_id IN (SELECT value FROM json_each(?))"
                         " AND read_at IS NULL AND" TIDINGS_LIVE_ROW " RETURNING message_id");
    static const QString unreadSql = QStringLiteral(
        "UPDATE inbox SET read_at = ? WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))"
        " AND read_at IS NOT NULL AND" TIDINGS_LIVE_ROW " RETURNING message_id");
    static const QString deleteSql = QStringLiteral(
        "UPDATE inbox SET deleted_at = ? WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))"
        " AND" TIDINGS_LIVE_ROW " RETURNING message_id");

    if (ids.isEmpty())
        return finishChange(userId, std::nullopt, 0, at);

    const QString *sql = &readSql;
    QVariant newValue = timeMs(at);
    if (kind == StreamEvent::Kind::Unread) {
        sql = &unreadSql;
        newValue = QVariant();
    } else if (kind == StreamEvent::Kind::Deleted) {
        sql = &deleteSql;
    }

    StreamEvent event;
    {
        Transaction tx(*this);
        if (!tx.ok())
            return std::nullopt;
        QSet<QString> changed;
        // Counted before the UPDATE, from exactly the rows it will change.
        if (kind == StreamEvent::Kind::Read
            && !bumpInboxRollups(Counter::Read,
                QStringLiteral("inbox WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))"
                               " AND read_at IS NULL AND" TIDINGS_LIVE_ROW),
                {userId, json(ids), at.toMSecsSinceEpoch()}, at))
            return std::nullopt;
        {
            QVariantList values {newValue};
            if (kind == StreamEvent::Kind::Read)
                values.append(newValue); // delivered_at
            values << userId << json(ids) << at.toMSecsSinceEpoch();
            const Stmt s = runList(*sql, values);
            if (!s)
                return std::nullopt;
            while (s->next())
                changed.insert(s->value(0).toString());
        }
        if (changed.isEmpty())
            return finishChange(userId, std::nullopt, 0, at); // `tx` rolls back the empty transaction

        const auto seq = nextSeq(userId);
        if (!seq)
            return std::nullopt;
        event.seq = *seq;
        event.kind = kind;
        event.at = at;
        event.ids = inRequestOrder(ids, changed);
        QJsonObject payload {{QStringLiteral("ids"), QJsonArray::fromStringList(event.ids)}};
        if (kind == StreamEvent::Kind::Read)
            payload.insert(QStringLiteral("readAt"), at.toMSecsSinceEpoch());
        if (!appendEvent(userId, event, payload) || !tx.commit())
            return std::nullopt;
    }
    return finishChange(userId, event, event.ids.size(), at);
}

std::optional<StreamChange> SqliteStore::markRead(const QString &userId, const QStringList &ids, const QDateTime &at)
{
    return changeRows(userId, ids, at, StreamEvent::Kind::Read);
}

std::optional<StreamChange> SqliteStore::markUnread(const QString &userId, const QStringList &ids, const QDateTime &at)
{
    return changeRows(userId, ids, at, StreamEvent::Kind::Unread);
}

std::optional<StreamChange> SqliteStore::deleteFromInbox(
    const QString &userId, const QStringList &ids, const QDateTime &at)
{
    return changeRows(userId, ids, at, StreamEvent::Kind::Deleted);
}

std::optional<StreamChange> SqliteStore::markAllRead(
    const QString &userId, const QString &topic, qint64 upToSeq, const QDateTime &at)
{
    QString condition = QStringLiteral("user_id = ? AND read_at IS NULL AND" TIDINGS_LIVE_ROW);
    QVariantList conditionValues {userId, at.toMSecsSinceEpoch()};
    if (!topic.isEmpty()) {
        condition += QLatin1String(" AND topic = ?");
        conditionValues.append(topic);
    }
    if (upToSeq > 0) {
        condition += QLatin1String(" AND seq <= ?");
        conditionValues.append(upToSeq);
    }
    const QString sql = QLatin1String("UPDATE inbox INDEXED BY inbox_unread SET read_at = ?,"
                                      " delivered_at = COALESCE(delivered_at, ?) WHERE ")
        + condition;
    const QVariantList values = QVariantList {at.toMSecsSinceEpoch(), at.toMSecsSinceEpoch()} + conditionValues;

    StreamEvent event;
    qint64 changed = 0;
    {
        Transaction tx(*this);
        if (!tx.ok())
            return std::nullopt;
        // Counted before the UPDATE, from exactly the rows it will change.
        if (!bumpInboxRollups(
                Counter::Read, QLatin1String("inbox INDEXED BY inbox_unread WHERE ") + condition, conditionValues, at))
            return std::nullopt;
        {
            const Stmt s = runList(sql, values);
            if (!s)
                return std::nullopt;
            changed = s->numRowsAffected();
        }
        if (changed <= 0)
            return finishChange(userId, std::nullopt, 0, at);

        const auto seq = nextSeq(userId);
        if (!seq)
            return std::nullopt;
        event.seq = *seq;
        event.kind = StreamEvent::Kind::ReadAll;
        event.at = at;
        event.topic = topic;
        // Always a concrete bound, so a client replaying the event marks exactly the
        // rows the server marked: those before the event (clamped to them).
        event.upToSeq = upToSeq > 0 ? qMin(upToSeq, event.seq - 1) : event.seq - 1;
        const QJsonObject payload {
            {QStringLiteral("topic"), topic},
            {QStringLiteral("upToSeq"), event.upToSeq},
            {QStringLiteral("readAt"), at.toMSecsSinceEpoch()},
        };
        if (!appendEvent(userId, event, payload) || !tx.commit())
            return std::nullopt;
    }
    return finishChange(userId, event, changed, at);
}

QStringList SqliteStore::markDelivered(const QString &userId, const QStringList &ids, const QDateTime &at)
{
    if (ids.isEmpty())
        return {};
    // Only pending rows: a read notification stays "read", however late its ack comes.
    // The analytics rollup is counted first, in the same transaction, from the same rows.
    static const QString condition
        = QStringLiteral("user_id = ? AND message_id IN (SELECT value FROM json_each(?))"
                         " AND delivered_at IS NULL AND read_at IS NULL AND" TIDINGS_LIVE_ROW);
    const QVariantList conditionValues {userId, json(ids), at.toMSecsSinceEpoch()};
    QSet<QString> changed;
    Transaction tx(*this);
    if (!tx.ok()
        || !bumpInboxRollups(Counter::Delivered, QLatin1String("inbox WHERE ") + condition, conditionValues, at))
        return {};
    {
        const Stmt s = runList(QLatin1String("UPDATE inbox SET delivered_at = ? WHERE ") + condition
                + QLatin1String(" RETURNING message_id"),
            QVariantList {timeMs(at)} + conditionValues);
        if (!s)
            return {};
        while (s->next())
            changed.insert(s->value(0).toString());
    }
    if (!tx.commit())
        return {};
    return inRequestOrder(ids, changed);
}

qint64 SqliteStore::seqBefore(const QString &userId, const QDateTime &since)
{
    const auto seq
        = scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM stream_events WHERE user_id = ? AND at < ?"),
            {userId, since.toMSecsSinceEpoch()}, 0);
    return seq ? seq->toLongLong() : 0;
}

qint64 SqliteStore::dropEventsBefore(qint64 cutoffMs)
{
    // Remember, per user, the newest seq that disappears: resuming from before it
    // must resync (eventsSince), resuming from it or later still works.
    if (change(QStringLiteral("UPDATE stream_heads SET pruned_below = p.max_seq"
                              " FROM (SELECT user_id, MAX(seq) AS max_seq FROM stream_events WHERE at < ?"
                              " GROUP BY user_id) AS p"
                              " WHERE stream_heads.user_id = p.user_id AND p.max_seq > stream_heads.pruned_below"),
            {cutoffMs})
        < 0)
        return -1;
    return change(QStringLiteral("DELETE FROM stream_events WHERE at < ?"), {cutoffMs});
}

qint64 SqliteStore::pruneEvents(const QDateTime &before)
{
    const qint64 cutoff = before.toMSecsSinceEpoch();
    Transaction tx(*this);
    if (!tx.ok())
        return -1;
    const qint64 pruned = dropEventsBefore(cutoff);
    if (pruned < 0)
        return -1;
    // Operation ids only matter while a client may still resend them, and a client
    // whose events are gone resyncs anyway.
    if (change(QStringLiteral("DELETE FROM client_operations WHERE at < ?"), {cutoff}) < 0)
        return -1;
    if (change(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {cutoff - kIdempotencyWindowMs})
        < 0)
        return -1;
    if (!tx.commit())
        return -1;
    return pruned;
}

bool SqliteStore::recordOperation(const QString &userId, const QString &opId, const QDateTime &at)
{
    return change(QStringLiteral("INSERT INTO client_operations (user_id, op_id, at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (user_id, op_id) DO NOTHING"),
               {userId, opId, timeMs(at)})
        == 1;
}

#undef TIDINGS_LIVE_ROW

} // namespace Tidings::Server
