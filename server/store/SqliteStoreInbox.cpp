// SqliteStore: publishing, and reading inboxes and streams back as notifications.

#include "store/SqliteStore.h"

#include "store/SqlValues.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

constexpr qint64 kIdempotencyWindowMs = 24LL * 60 * 60 * 1000;
// A group entry that keeps being merged into still starts a new one after a day, so
// the group lookup only ever reads a bounded range of the messages_group index.
constexpr qint64 kMaxGroupAgeMs = 24LL * 60 * 60 * 1000;

// A notification as one recipient sees it: the shared message joined with that
// recipient's inbox row. notificationFrom() reads these columns from `first` on.
const QLatin1String kNotificationColumns(
    "m.id, i.seq, m.topic, m.type, m.title, m.message, m.format, m.priority, m.tags, m.click, m.icon,"
    " m.actions, m.data, m.group_key, m.sender_kind, m.sender_id, m.sender_name, m.created_at,"
    " m.scheduled_at, m.expires_at, i.status, i.delivered_at, i.read_at");

// Read and delivered are facts with timestamps; the status column only holds the
// lifecycle states the delivery pipeline sets (scheduled, failed, cancelled, expired).
QString statusOf(const QString &stored, const QDateTime &deliveredAt, const QDateTime &readAt)
{
    if (readAt.isValid())
        return QLatin1String(Status::Read);
    if (stored == QLatin1String(Status::Failed) || stored == QLatin1String(Status::Cancelled)
        || stored == QLatin1String(Status::Expired) || stored == QLatin1String(Status::Scheduled))
        return stored;
    if (deliveredAt.isValid())
        return QLatin1String(Status::Delivered);
    return QLatin1String(Status::Pending);
}

Notification notificationFrom(const QSqlQuery &q, int first)
{
    const auto v = [&](int column) { return q.value(first + column); };
    Notification n;
    n.id = v(0).toString();
    n.seq = v(1).toLongLong();
    NotificationContent &c = n.content;
    c.topic = v(2).toString();
    c.type = v(3).toString();
    c.title = v(4).toString();
    c.message = v(5).toString();
    c.format = v(6).toString();
    c.priority = priorityFrom(v(7));
    c.tags = stringListFrom(v(8));
    c.click = v(9).toString();
    c.icon = v(10).toString();
    c.actions = actionsFrom(v(11));
    c.data = objectFrom(v(12));
    c.groupKey = v(13).toString();
    n.sender.kind = v(14).toString();
    n.sender.id = v(15).toString();
    n.sender.name = v(16).toString();
    n.createdAt = timeFrom(v(17));
    n.scheduledAt = timeFrom(v(18));
    n.expiresAt = timeFrom(v(19));
    n.deliveredAt = timeFrom(v(21));
    n.readAt = timeFrom(v(22));
    n.status = statusOf(v(20).toString(), n.deliveredAt, n.readAt);
    return n;
}

} // namespace

// ---- publishing

std::optional<QList<PublishOutcome>> SqliteStore::publishBatch(const QList<PublishItem> &items)
{
    // One transaction for the whole batch: its pages are written to the WAL once, not
    // once per publish, which is what makes group commit pay.
    Transaction tx(*this);
    if (!tx.ok())
        return std::nullopt;
    QList<PublishOutcome> outcomes;
    outcomes.reserve(items.size());
    for (const PublishItem &item : items) {
        std::optional<PublishOutcome> out = publishInTransaction(item);
        if (!out || !bumpPublished(item, *out))
            return std::nullopt; // `tx` rolls everything back
        outcomes.append(std::move(*out));
    }
    if (!tx.commit())
        return std::nullopt;
    return outcomes;
}

std::optional<PublishOutcome> SqliteStore::publishInTransaction(const PublishItem &item)
{
    const MessageRecord &message = item.message;
    const QStringList &recipientIds = item.recipientIds;
    const QString &senderKey = item.senderKey;
    const QString &idempotencyKey = item.idempotencyKey;
    const QJsonObject &response = item.response;
    const QDateTime createdAt = message.createdAt.isValid() ? message.createdAt : QDateTime::currentDateTimeUtc();
    const qint64 createdMs = createdAt.toMSecsSinceEpoch();

    // The lookup runs inside the write transaction, so two publishes racing with the
    // same key (from two processes) cannot both miss it.
    if (!idempotencyKey.isEmpty()) {
        QString storedId;
        QJsonObject storedResponse;
        {
            const Stmt s = run(QStringLiteral("SELECT message_id, response, created_at FROM idempotency_keys"
                                              " WHERE sender_key = ? AND idem_key = ?"),
                {text(senderKey), idempotencyKey});
            if (!s)
                return std::nullopt;
            if (s->next() && createdMs - s->value(2).toLongLong() < kIdempotencyWindowMs) {
                storedId = s->value(0).toString();
                storedResponse = objectFrom(s->value(1));
            }
        }
        if (!storedId.isEmpty())
            return replayIdempotent(storedId, storedResponse); // nothing was written for this item
    }

    PublishOutcome out;
    out.messageId = message.id.isEmpty() ? newId() : message.id;
    const NotificationContent &c = message.content;
    const QVariant expiresAt = timeMs(message.expiresAt);
    QStringList recipients = distinct(recipientIds);
    const bool scheduled = message.scheduledAt.isValid() && message.scheduledAt > createdAt;
    const QString hash = contentHash(c);
    if (!c.groupKey.isEmpty() && !scheduled && !recipients.isEmpty()) {
        if (!applyGrouping(message, senderKey, hash, createdAt, recipients, out))
            return std::nullopt;
        if (!out.duplicateOf.isEmpty()) {
            if (!idempotencyKey.isEmpty()
                && change(QStringLiteral("INSERT INTO idempotency_keys (sender_key, idem_key, message_id, response,"
                                         " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sender_key, idem_key) DO"
                                         " UPDATE SET message_id = excluded.message_id, response = excluded.response,"
                                         " created_at = excluded.created_at"),
                       {text(senderKey), idempotencyKey, out.duplicateOf, json(response), createdMs})
                    < 0)
                return std::nullopt;
            return out; // a duplicate: nothing else is written
        }
    }
    const QString recipientsJson = json(recipients);
    if (change(QStringLiteral(
                   "INSERT INTO messages (id, topic, type, title, message, format, priority, tags, click,"
                   " icon, actions, data, group_key, sender_kind, sender_id, sender_name, channels,"
                   " created_at, scheduled_at, expires_at, template_id, template_version, variables,"
                   " recipient_count, released_at, sender_key, content_hash, broadcast_id)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {out.messageId, text(c.topic), text(c.type), text(c.title), text(c.message), text(c.format),
                int(c.priority), json(c.tags), text(c.click), text(c.icon), actionsJson(c.actions), json(c.data),
                text(c.groupKey), text(message.sender.kind), text(message.sender.id), text(message.sender.name),
                json(message.channels), createdMs, timeMs(message.scheduledAt), expiresAt, text(message.templateId),
                message.templateVersion > 0 ? QVariant(message.templateVersion) : QVariant(), json(message.variables),
                recipients.size(), scheduled ? QVariant() : QVariant(createdMs), text(senderKey), hash,
                message.broadcastId.isEmpty() ? QVariant() : QVariant(message.broadcastId)})
        < 0)
        return std::nullopt;

    // Set-based: a few statements whatever the number of recipients, so a broadcast
    // to ten thousand users costs a handful of statement executions, not thirty thousand.
    // With no recipients (a topic nobody subscribes to) the message is still stored.
    if (scheduled && !recipients.isEmpty()) {
        // No seq and no event yet: the delivery pipeline assigns both on release.
        if (change(QStringLiteral("INSERT INTO inbox (user_id, message_id, seq, topic, status, created_at, expires_at)"
                                  " SELECT value, ?, 0, ?, 'scheduled', ?, ? FROM json_each(?)"),
                {out.messageId, text(c.topic), createdMs, expiresAt, recipientsJson})
            < 0)
            return std::nullopt;
        for (const QString &userId : recipients)
            out.recipientSeqs.append({userId, 0});
    } else if (!recipients.isEmpty()) {
        const std::optional<QHash<QString, qint64>> heads = advanceHeads(recipientsJson, recipients.size());
        if (!heads)
            return std::nullopt;
        const QHash<QString, qint64> &seqs = *heads;
        // stream_heads now holds each recipient's new seq: the inbox rows and events
        // take it from there.
        if (change(QStringLiteral("INSERT INTO inbox (user_id, message_id, seq, topic, status, created_at, expires_at)"
                                  " SELECT h.user_id, ?, h.head_seq, ?, 'pending', ?, ?"
                                  " FROM json_each(?) r JOIN stream_heads h ON h.user_id = r.value"),
                {out.messageId, text(c.topic), createdMs, expiresAt, recipientsJson})
                < 0
            || !appendNotificationEvents(out.messageId, recipientsJson, createdMs))
            return std::nullopt;
        out.recipientSeqs.reserve(recipients.size());
        for (const QString &userId : recipients)
            out.recipientSeqs.append({userId, seqs.value(userId)});
    }

    // External channels deliver every publish, merged into a group entry or not.
    if (!item.jobChannels.isEmpty() && (!recipients.isEmpty() || !out.merges.isEmpty())
        && !insertJobs(out.messageId, message, json(distinct(recipientIds)), json(item.jobChannels), createdMs))
        return std::nullopt;

    if (!idempotencyKey.isEmpty()) {
        // A key older than the window is reused, so the row is replaced.
        if (change(
                QStringLiteral("INSERT INTO idempotency_keys (sender_key, idem_key, message_id, response, created_at)"
                               " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sender_key, idem_key) DO UPDATE SET"
                               " message_id = excluded.message_id, response = excluded.response,"
                               " created_at = excluded.created_at"),
                {text(senderKey), idempotencyKey, out.messageId, json(response), createdMs})
            < 0)
            return std::nullopt;
    }
    return out;
}

QString SqliteStore::contentHash(const NotificationContent &c)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &part : {c.topic, c.type, c.title, c.message, c.click, c.icon, json(c.data)}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(h.result().toHex());
}

bool SqliteStore::applyGrouping(const MessageRecord &message, const QString &senderKey, const QString &hash,
    const QDateTime &createdAt, QStringList &recipients, PublishOutcome &out)
{
    const NotificationContent &c = message.content;
    const qint64 createdMs = createdAt.toMSecsSinceEpoch();
    QString mode = QStringLiteral("count");
    qint64 windowMs = 300'000;
    {
        const Stmt s
            = run(QStringLiteral("SELECT grouping_mode, group_window_sec FROM topics WHERE name = ?"), {text(c.topic)});
        if (!s)
            return false;
        if (s->next()) {
            mode = s->value(0).toString();
            windowMs = s->value(1).toLongLong() * 1000;
        }
    }
    if (windowMs <= 0)
        return true;
    const qint64 since = createdMs - windowMs;

    // The same words from the same sender inside the window: a duplicate.
    const auto duplicate = scalar(QStringLiteral("SELECT id FROM messages WHERE topic = ? AND group_key = ?"
                                                 " AND created_at >= ? AND sender_key = ? AND content_hash = ?"
                                                 " AND cancelled_at IS NULL ORDER BY created_at DESC LIMIT 1"),
        {text(c.topic), c.groupKey, since, text(senderKey), hash});
    if (!duplicate)
        return false;
    if (!duplicate->isNull()) {
        out.duplicateOf = duplicate->toString();
        return true;
    }

    // Each recipient's unread entry of the group, if it was active inside the window.
    // The lookup starts from the group's few messages (messages_group), not from the
    // recipients' inboxes, so a broadcast with a groupKey stays cheap.
    QHash<QString, QString> entryOf; // user -> group message
    QHash<QString, int> countOf; // group message -> publishes it stands for
    {
        const Stmt s = run(QStringLiteral("SELECT i.user_id, m.id, m.group_count FROM messages m"
                                          " JOIN inbox i ON i.message_id = m.id"
                                          " WHERE m.topic = ? AND m.group_key = ? AND m.created_at >= ?"
                                          " AND COALESCE(m.grouped_at, m.created_at) >= ?"
                                          " AND m.released_at IS NOT NULL AND m.cancelled_at IS NULL"
                                          " AND i.seq > 0 AND i.read_at IS NULL AND i.deleted_at IS NULL"
                                          " AND (i.expires_at IS NULL OR i.expires_at > ?)"
                                          " AND i.user_id IN (SELECT value FROM json_each(?))"
                                          " ORDER BY m.created_at DESC"),
            {text(c.topic), c.groupKey, createdMs - kMaxGroupAgeMs, since, createdMs, json(recipients)});
        if (!s)
            return false;
        while (s->next()) {
            const QString userId = s->value(0).toString();
            if (!entryOf.contains(userId)) // the newest entry, if a user has several
                entryOf.insert(userId, s->value(1).toString());
            countOf.insert(s->value(1).toString(), s->value(2).toInt());
        }
    }
    if (entryOf.isEmpty())
        return true;

    QHash<QString, QStringList> usersOf; // group message -> its merging users, in recipient order
    QStringList groups;
    for (const QString &userId : std::as_const(recipients)) {
        const QString group = entryOf.value(userId);
        if (group.isEmpty())
            continue;
        if (!usersOf.contains(group))
            groups << group;
        usersOf[group] << userId;
    }
    const bool replace = mode == QLatin1String("replace");
    for (const QString &groupId : std::as_const(groups)) {
        const int count = countOf.value(groupId) + 1;
        const QString title = replace ? c.title
            : c.topic.isEmpty()       ? QStringLiteral("%1 new messages").arg(count)
                                      : QStringLiteral("%1 new messages in %2").arg(count).arg(c.topic);
        if (change(
                QStringLiteral("UPDATE messages SET title = ?, message = ?, click = CASE WHEN ? THEN ? ELSE click END,"
                               " data = CASE WHEN ? THEN ? ELSE data END, priority = MAX(priority, ?),"
                               " group_count = ?, grouped_at = ? WHERE id = ?"),
                {title, text(c.message), replace, text(c.click), replace, json(c.data), int(c.priority), count,
                    createdMs, groupId})
            < 0)
            return false;
        const QString mergeJson = json(usersOf.value(groupId));
        const std::optional<QHash<QString, qint64>> seqs = advanceHeads(mergeJson, usersOf.value(groupId).size());
        if (!seqs
            || change(QStringLiteral("UPDATE inbox SET seq = (SELECT h.head_seq FROM stream_heads h"
                                     " WHERE h.user_id = inbox.user_id) WHERE message_id = ?"
                                     " AND user_id IN (SELECT value FROM json_each(?))"),
                   {groupId, mergeJson})
                < 0
            || !appendNotificationEvents(groupId, mergeJson, createdMs))
            return false;
        PublishOutcome::Merge merge;
        merge.messageId = groupId;
        for (const QString &userId : usersOf.value(groupId))
            merge.seqs.append({userId, seqs->value(userId)});
        out.merges.append(std::move(merge));
    }
    recipients.erase(std::remove_if(recipients.begin(), recipients.end(),
                         [&entryOf](const QString &id) { return entryOf.contains(id); }),
        recipients.end());
    return true;
}

std::optional<QHash<QString, qint64>> SqliteStore::advanceHeads(const QString &usersJson, qsizetype expected)
{
    QHash<QString, qint64> seqs;
    seqs.reserve(expected);
    {
        // "WHERE true" tells SQLite's parser that ON CONFLICT is the upsert, not a join.
        const Stmt s = run(QStringLiteral("INSERT INTO stream_heads (user_id, head_seq, pruned_below)"
                                          " SELECT value, 1, 0 FROM json_each(?) WHERE true"
                                          " ON CONFLICT (user_id) DO UPDATE SET head_seq = stream_heads.head_seq + 1"
                                          " RETURNING user_id, head_seq"),
            {usersJson});
        if (!s)
            return std::nullopt;
        while (s->next())
            seqs.insert(s->value(0).toString(), s->value(1).toLongLong());
    }
    if (seqs.size() != expected) {
        setError(QStringLiteral("%1 of %2 stream heads advanced").arg(seqs.size()).arg(expected));
        return std::nullopt;
    }
    return seqs;
}

bool SqliteStore::appendNotificationEvents(const QString &messageId, const QString &usersJson, qint64 atMs)
{
    return change(QStringLiteral("INSERT INTO stream_events (user_id, seq, kind, message_id, payload, at)"
                                 " SELECT h.user_id, h.head_seq, 'notification', ?, NULL, ?"
                                 " FROM json_each(?) r JOIN stream_heads h ON h.user_id = r.value"),
               {messageId, atMs, usersJson})
        >= 0;
}

std::optional<PublishOutcome> SqliteStore::replayIdempotent(const QString &messageId, const QJsonObject &response)
{
    PublishOutcome out;
    out.messageId = messageId;
    out.replayedIdempotent = true;
    out.idempotentResponse = response;
    // rowid order is insertion order, which was the recipient order.
    const Stmt s
        = run(QStringLiteral("SELECT user_id, seq FROM inbox WHERE message_id = ? ORDER BY rowid"), {messageId});
    if (!s)
        return std::nullopt;
    while (s->next())
        out.recipientSeqs.append({s->value(0).toString(), s->value(1).toLongLong()});
    return out;
}

// ---- inbox

InboxPage SqliteStore::inbox(const QString &userId, const InboxQuery &query, const QDateTime &now)
{
    // "i.seq > 0" is spelled out (and sinceSeq is a second condition) so the partial
    // index inbox_user_seq is usable; it also hides scheduled rows.
    QString where = QStringLiteral(" WHERE i.user_id = ? AND i.seq > 0 AND i.seq > ? AND i.deleted_at IS NULL"
                                   " AND (i.expires_at IS NULL OR i.expires_at > ?)");
    QVariantList values {userId, qMax<qint64>(0, query.sinceSeq), now.toMSecsSinceEpoch()};
    if (query.beforeSeq > 0) {
        where += QLatin1String(" AND i.seq < ?");
        values.append(query.beforeSeq);
    }
    if (!query.topic.isEmpty()) {
        where += QLatin1String(" AND i.topic = ?");
        values.append(query.topic);
    }
    if (query.status == QLatin1String("unread"))
        where += QLatin1String(" AND i.read_at IS NULL");
    else if (query.status == QLatin1String("read"))
        where += QLatin1String(" AND i.read_at IS NOT NULL");
    const bool searching = !query.search.isEmpty();
    if (searching) {
        where += QLatin1String(" AND (m.title LIKE ? ESCAPE '\\' OR m.message LIKE ? ESCAPE '\\')");
        const QString pattern = containsPattern(query.search);
        values << pattern << pattern;
    }

    InboxPage page;
    {
        const QString sql = QLatin1String("SELECT COUNT(*) FROM inbox i")
            + (searching ? QLatin1String(" JOIN messages m ON m.id = i.message_id") : QLatin1String("")) + where;
        const Stmt s = runList(sql, values);
        if (!s || !s->next())
            return page;
        page.total = s->value(0).toLongLong();
    }
    if (page.total == 0)
        return page;

    const qint64 limit = qMax(1, query.limit);
    const qint64 offset = (qMax(1, query.page) - 1) * limit;
    const QString sql = QLatin1String("SELECT ") + kNotificationColumns
        + QLatin1String(" FROM inbox i JOIN messages m ON m.id = i.message_id") + where
        + QLatin1String(" ORDER BY i.seq DESC LIMIT ? OFFSET ?");
    values << limit << offset;
    const Stmt s = runList(sql, values);
    if (s) {
        while (s->next())
            page.notifications.append(notificationFrom(*s, 0));
    }
    return page;
}

std::optional<Notification> SqliteStore::inboxItem(
    const QString &userId, const QString &messageId, const QDateTime &now)
{
    static const QString sql = QLatin1String("SELECT ") + kNotificationColumns
        + QLatin1String(" FROM inbox i JOIN messages m ON m.id = i.message_id"
                        " WHERE i.user_id = ? AND i.message_id = ? AND i.seq > 0 AND i.deleted_at IS NULL"
                        " AND (i.expires_at IS NULL OR i.expires_at > ?)");
    const Stmt s = run(sql, {userId, messageId, now.toMSecsSinceEpoch()});
    if (!s || !s->next())
        return std::nullopt;
    return notificationFrom(*s, 0);
}

// ---- stream replay

StreamSlice SqliteStore::eventsSince(const QString &userId, qint64 sinceSeq, int limit)
{
    StreamSlice slice;
    qint64 prunedBelow = 0;
    {
        const Stmt s
            = run(QStringLiteral("SELECT head_seq, pruned_below FROM stream_heads WHERE user_id = ?"), {userId});
        if (!s)
            return slice;
        if (s->next()) {
            slice.headSeq = s->value(0).toLongLong();
            prunedBelow = s->value(1).toLongLong();
        }
    }
    // Older than retention: the events in between are gone. Ahead of the head: the
    // client remembers a stream this database never had (restored from a backup).
    if (sinceSeq < prunedBelow || sinceSeq > slice.headSeq) {
        slice.resyncRequired = true;
        return slice;
    }

    // Notification events are rebuilt from messages + inbox, so they carry the current
    // per-recipient state; a deleted row is still there (soft delete) to rebuild from.
    static const QString sql = QLatin1String("SELECT e.seq, e.kind, e.at, e.payload, ") + kNotificationColumns
        + QLatin1String(" FROM stream_events e"
                        " LEFT JOIN inbox i ON i.user_id = e.user_id AND i.message_id = e.message_id"
                        " LEFT JOIN messages m ON m.id = e.message_id"
                        " WHERE e.user_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?");
    const Stmt s = run(sql, {userId, qMax<qint64>(0, sinceSeq), limit > 0 ? qint64(limit) : qint64(-1)});
    if (!s)
        return slice;
    while (s->next()) {
        const auto kind = eventKindFrom(s->value(1).toString());
        if (!kind) {
            setError(
                QStringLiteral("stream event %1 of %2 has an unknown kind").arg(s->value(0).toLongLong()).arg(userId));
            continue;
        }
        StreamEvent event;
        event.seq = s->value(0).toLongLong();
        event.kind = *kind;
        event.at = timeFrom(s->value(2));
        if (event.kind == StreamEvent::Kind::Notification) {
            if (s->value(4).isNull() || s->value(5).isNull()) {
                setError(QStringLiteral("stream event %1 of %2 has no message").arg(event.seq).arg(userId));
                continue;
            }
            event.notification = notificationFrom(*s, 4);
            event.notification.seq = event.seq;
        } else {
            const QJsonObject payload = objectFrom(s->value(3));
            event.ids = stringListFrom(payload.value(QLatin1String("ids")).toArray());
            event.topic = payload.value(QLatin1String("topic")).toString();
            event.upToSeq = payload.value(QLatin1String("upToSeq")).toInteger();
        }
        slice.events.append(event);
    }
    if (!slice.events.isEmpty())
        slice.headSeq = qMax(slice.headSeq, slice.events.constLast().seq);
    return slice;
}

} // namespace Tidings::Server
