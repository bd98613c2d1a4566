// SqliteStore: broadcasts (an admin's publish sent once or on a cron schedule) and the
// delivery counts of the messages they published.

#include "store/SqliteStore.h"

#include "store/SqlValues.h"

#include <QSqlQuery>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

const QLatin1String kBroadcastColumns(
    "id, name, created_by, created_at, request, cron, timezone, max_occurrences, occurrences, next_run_at, state,"
    " last_message_id, cancelled_at, failure_reason, idempotency_key, updated_at");

BroadcastRecord broadcastFrom(const QSqlQuery &q)
{
    BroadcastRecord b;
    b.id = q.value(0).toString();
    b.name = q.value(1).toString();
    b.createdBy = q.value(2).toString();
    b.createdAt = timeFrom(q.value(3));
    b.request = objectFrom(q.value(4));
    b.cron = q.value(5).toString();
    b.timeZone = q.value(6).toString();
    b.maxOccurrences = q.value(7).toInt();
    b.occurrences = q.value(8).toInt();
    b.nextRunAt = timeFrom(q.value(9));
    b.state = q.value(10).toString();
    b.lastMessageId = q.value(11).toString();
    b.cancelledAt = timeFrom(q.value(12));
    b.failureReason = q.value(13).toString();
    b.idempotencyKey = q.value(14).toString();
    b.updatedAt = timeFrom(q.value(15));
    return b;
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

bool SqliteStore::createBroadcast(const BroadcastRecord &b)
{
    if (b.id.isEmpty() || b.createdBy.isEmpty() || !b.createdAt.isValid()) {
        setError(QStringLiteral("a broadcast needs an id, a creator and a creation time"));
        return false;
    }
    return change(QStringLiteral("INSERT INTO broadcasts (id, name, created_by, created_at, request, cron, timezone,"
                                 " max_occurrences, occurrences, next_run_at, state, last_message_id, cancelled_at,"
                                 " failure_reason, idempotency_key, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {b.id, text(b.name), b.createdBy, timeMs(b.createdAt), json(b.request), textOrNull(b.cron),
                   textOrNull(b.timeZone), b.maxOccurrences > 0 ? QVariant(b.maxOccurrences) : QVariant(),
                   b.occurrences, timeMs(b.nextRunAt), text(b.state), textOrNull(b.lastMessageId),
                   timeMs(b.cancelledAt), textOrNull(b.failureReason), textOrNull(b.idempotencyKey),
                   timeMs(b.updatedAt.isValid() ? b.updatedAt : b.createdAt)})
        == 1;
}

std::optional<BroadcastRecord> SqliteStore::broadcast(const QString &id)
{
    static const QString sql
        = QLatin1String("SELECT ") + kBroadcastColumns + QLatin1String(" FROM broadcasts WHERE id = ?");
    const Stmt s = run(sql, {id});
    if (!s || !s->next())
        return std::nullopt;
    return broadcastFrom(*s);
}

QList<BroadcastRecord> SqliteStore::listBroadcasts(const QString &state, int offset, int limit)
{
    static const QString sql = QLatin1String("SELECT ") + kBroadcastColumns
        + QLatin1String(" FROM broadcasts WHERE (? = '' OR state = ?)"
                        " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
    QList<BroadcastRecord> out;
    const Stmt s = run(sql, {text(state), text(state), qMax(1, limit), qMax(0, offset)});
    if (s) {
        while (s->next())
            out.append(broadcastFrom(*s));
    }
    return out;
}

qint64 SqliteStore::countBroadcasts(const QString &state)
{
    const auto n = scalar(
        QStringLiteral("SELECT COUNT(*) FROM broadcasts WHERE (? = '' OR state = ?)"), {text(state), text(state)}, 0);
    return n ? n->toLongLong() : 0;
}

std::optional<BroadcastRecord> SqliteStore::broadcastByIdempotencyKey(
    const QString &createdBy, const QString &key, const QDateTime &since)
{
    static const QString sql = QLatin1String("SELECT ") + kBroadcastColumns
        + QLatin1String(" FROM broadcasts WHERE created_by = ? AND idempotency_key = ? AND created_at >= ?"
                        " ORDER BY created_at DESC LIMIT 1");
    const Stmt s = run(sql, {createdBy, key, timeMs(since)});
    if (!s || !s->next())
        return std::nullopt;
    return broadcastFrom(*s);
}

std::optional<QList<BroadcastRecord>> SqliteStore::dueBroadcasts(const QDateTime &now, int limit)
{
    static const QString sql = QLatin1String("SELECT ") + kBroadcastColumns
        + QLatin1String(" FROM broadcasts WHERE state = 'active' AND next_run_at <= ?"
                        " ORDER BY next_run_at, id LIMIT ?");
    const Stmt s = run(sql, {timeMs(now), qMax(1, limit)});
    if (!s)
        return std::nullopt;
    QList<BroadcastRecord> out;
    while (s->next())
        out.append(broadcastFrom(*s));
    return out;
}

bool SqliteStore::recordBroadcastRun(const BroadcastRun &r)
{
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    if (!r.messageId.isEmpty()
        && change(QStringLiteral("UPDATE messages SET broadcast_id = ? WHERE id = ?"), {r.broadcastId, r.messageId})
            < 0)
        return false;
    const qint64 changed = change(
        QStringLiteral("UPDATE broadcasts SET occurrences = MAX(occurrences, ?),"
                       " last_message_id = COALESCE(?, last_message_id),"
                       " next_run_at = CASE WHEN state = 'active' THEN ? ELSE next_run_at END,"
                       " state = CASE WHEN state = 'active' THEN ? ELSE state END, updated_at = ? WHERE id = ?"),
        {r.occurrence, textOrNull(r.messageId), timeMs(r.nextRunAt), text(r.state), timeMs(r.at), r.broadcastId});
    if (changed < 0)
        return false;
    if (changed == 0) {
        setError(QStringLiteral("no broadcast %1").arg(r.broadcastId));
        return false;
    }
    return tx.commit();
}

qint64 SqliteStore::endBroadcast(const QString &id, const QString &state, const QString &reason, const QDateTime &at)
{
    const bool cancelled = state == QLatin1String(BroadcastState::Cancelled);
    return change(QStringLiteral("UPDATE broadcasts SET state = ?, next_run_at = NULL, failure_reason = ?,"
                                 " cancelled_at = CASE WHEN ? THEN ? ELSE cancelled_at END, updated_at = ?"
                                 " WHERE id = ? AND state IN ('active', 'scheduled')"),
        {text(state), textOrNull(reason), cancelled, timeMs(at), timeMs(at), id});
}

qint64 SqliteStore::finishReleasedBroadcasts(const QDateTime &now)
{
    return change(QStringLiteral("UPDATE broadcasts SET state = 'finished', next_run_at = NULL, updated_at = ?"
                                 " WHERE state = 'scheduled' AND next_run_at <= ? AND EXISTS (SELECT 1 FROM messages m"
                                 " WHERE m.id = broadcasts.last_message_id AND m.released_at IS NOT NULL)"),
        {timeMs(now), timeMs(now)});
}

bool SqliteStore::deleteBroadcast(const QString &id)
{
    return change(QStringLiteral("DELETE FROM broadcasts WHERE id = ? AND occurrences = 0"), {id}) == 1;
}

std::optional<QList<BroadcastOccurrence>> SqliteStore::broadcastOccurrences(const QStringList &broadcastIds)
{
    QList<BroadcastOccurrence> out;
    if (broadcastIds.isEmpty())
        return out;
    const QString ids = json(broadcastIds);
    QHash<QString, qsizetype> indexOf; // message id -> position in `out`
    {
        // One pass over the broadcasts' inbox rows (inbox_message), grouped per message.
        const Stmt s = run(QStringLiteral("SELECT m.broadcast_id, m.id, m.created_at, m.scheduled_at, m.released_at,"
                                          " m.cancelled_at, COUNT(i.user_id), COUNT(i.delivered_at), COUNT(i.read_at)"
                                          " FROM messages m LEFT JOIN inbox i ON i.message_id = m.id"
                                          " WHERE m.broadcast_id IN (SELECT value FROM json_each(?))"
                                          " GROUP BY m.id ORDER BY m.created_at DESC, m.id DESC"),
            {ids});
        if (!s)
            return std::nullopt;
        while (s->next()) {
            BroadcastOccurrence o;
            o.broadcastId = s->value(0).toString();
            o.messageId = s->value(1).toString();
            o.createdAt = timeFrom(s->value(2));
            o.scheduledAt = timeFrom(s->value(3));
            o.releasedAt = timeFrom(s->value(4));
            o.cancelledAt = timeFrom(s->value(5));
            o.recipients = s->value(6).toLongLong();
            o.delivered = s->value(7).toLongLong();
            o.read = s->value(8).toLongLong();
            indexOf.insert(o.messageId, out.size());
            out.append(std::move(o));
        }
    }
    if (out.isEmpty())
        return out;
    {
        const Stmt s = run(QStringLiteral("SELECT j.message_id, j.channel, j.state, COUNT(*)"
                                          " FROM messages m JOIN delivery_jobs j ON j.message_id = m.id"
                                          " WHERE m.broadcast_id IN (SELECT value FROM json_each(?))"
                                          " GROUP BY j.message_id, j.channel, j.state"),
            {ids});
        if (!s)
            return std::nullopt;
        while (s->next()) {
            const qsizetype at = indexOf.value(s->value(0).toString(), -1);
            if (at >= 0)
                out[at].jobs[s->value(1).toString()][s->value(2).toString()] += s->value(3).toLongLong();
        }
    }
    return out;
}

} // namespace Tidings::Server
