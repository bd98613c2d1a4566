// SqliteStore: the delivery pipeline's jobs, the release and cancellation of
// scheduled messages, and the addresses channels deliver to (webhooks, push
// subscriptions).

#include "store/SqliteStore.h"

#include "protocol/JsonUtil.h"
#include "store/SqlValues.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

const QLatin1String kJobColumns("id, message_id, user_id, channel, state, topic, priority, attempts, reclaimed,"
                                " next_attempt_at, created_at, updated_at, sent_at, last_error, reason, provider_code");

DeliveryJob jobFrom(const QSqlQuery &q)
{
    DeliveryJob j;
    j.id = q.value(0).toString();
    j.messageId = q.value(1).toString();
    j.userId = q.value(2).toString();
    j.channel = q.value(3).toString();
    j.state = q.value(4).toString();
    j.topic = q.value(5).toString();
    j.priority = q.value(6).toInt();
    j.attempts = q.value(7).toInt();
    j.reclaimed = q.value(8).toInt();
    j.nextAttemptAt = timeFrom(q.value(9));
    j.createdAt = timeFrom(q.value(10));
    j.updatedAt = timeFrom(q.value(11));
    j.sentAt = timeFrom(q.value(12));
    j.lastError = q.value(13).toString();
    j.reason = q.value(14).toString();
    j.providerCode = q.value(15).toString();
    return j;
}

const QLatin1String kMessageColumns("id, topic, type, title, message, format, priority, tags, click, icon, actions,"
                                    " data, group_key, sender_kind, sender_id, sender_name, channels, created_at,"
                                    " scheduled_at, expires_at, template_id, template_version, variables");

MessageRecord messageFrom(const QSqlQuery &q)
{
    MessageRecord m;
    m.id = q.value(0).toString();
    NotificationContent &c = m.content;
    c.topic = q.value(1).toString();
    c.type = q.value(2).toString();
    c.title = q.value(3).toString();
    c.message = q.value(4).toString();
    c.format = q.value(5).toString();
    c.priority = priorityFrom(q.value(6));
    c.tags = stringListFrom(q.value(7));
    c.click = q.value(8).toString();
    c.icon = q.value(9).toString();
    c.actions = actionsFrom(q.value(10));
    c.data = objectFrom(q.value(11));
    c.groupKey = q.value(12).toString();
    m.sender.kind = q.value(13).toString();
    m.sender.id = q.value(14).toString();
    m.sender.name = q.value(15).toString();
    m.channels = stringListFrom(q.value(16));
    m.createdAt = timeFrom(q.value(17));
    m.scheduledAt = timeFrom(q.value(18));
    m.expiresAt = timeFrom(q.value(19));
    m.templateId = q.value(20).toString();
    m.templateVersion = q.value(21).toInt();
    m.variables = objectFrom(q.value(22));
    return m;
}

const QLatin1String kWebhookColumns("id, user_id, topic, url, secret, created_at");

Webhook webhookFrom(const QSqlQuery &q)
{
    Webhook w;
    w.id = q.value(0).toString();
    w.userId = q.value(1).toString();
    w.topic = q.value(2).toString();
    w.url = q.value(3).toString();
    w.secret = q.value(4).toString().toUtf8();
    w.createdAt = timeFrom(q.value(5));
    return w;
}

} // namespace

QJsonObject Webhook::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("topic"), topic.isEmpty() ? QJsonValue() : QJsonValue(topic)},
        {QStringLiteral("url"), url},
        {QStringLiteral("secret"), QString::fromUtf8(secret)},
        {QStringLiteral("createdAt"), Json::timeOrNull(createdAt)},
    };
}

// ---- jobs

bool SqliteStore::insertJobs(const QString &messageId, const MessageRecord &message, const QString &recipientsJson,
    const QString &channelsJson, qint64 createdMs)
{
    // A job only where the channel can reach the recipient at all: an email address, a
    // registered push subscription, a webhook for this topic or for everything. Whether
    // the user wants it (preferences, quiet hours, digest) is decided when the job runs,
    // so a preference changed before a scheduled message goes out is respected.
    const qint64 due = message.scheduledAt.isValid() && message.scheduledAt.toMSecsSinceEpoch() > createdMs
        ? message.scheduledAt.toMSecsSinceEpoch()
        : createdMs;
    const QString topic = message.content.topic;
    return change(QStringLiteral("INSERT INTO delivery_jobs (id, message_id, user_id, channel, state, attempts,"
                                 " next_attempt_at, created_at, updated_at, topic, priority)"
                                 " SELECT lower(hex(randomblob(16))), ?, u.id, c.value, 'pending', 0, ?, ?, ?, ?, ?"
                                 " FROM json_each(?) r JOIN users u ON u.id = r.value CROSS JOIN json_each(?) c"
                                 " WHERE (c.value = 'email' AND u.email <> '')"
                                 " OR (c.value = 'push' AND EXISTS (SELECT 1 FROM devices d WHERE d.user_id = u.id"
                                 "  AND d.push_subscription IS NOT NULL))"
                                 " OR (c.value = 'webhook' AND EXISTS (SELECT 1 FROM webhooks w"
                                 "  WHERE w.user_id = u.id AND (w.topic = '' OR w.topic = ?)))"),
               {messageId, due, createdMs, createdMs, text(topic), int(message.content.priority), recipientsJson,
                   channelsJson, text(topic)})
        >= 0;
}

std::optional<QList<DeliveryJob>> SqliteStore::claimJobs(
    const QString &workerId, const QDateTime &now, const QDateTime &leaseUntil, int limit, const QStringList &channels)
{
    // One statement, so the claim is atomic without an explicit transaction. The inner
    // query must say "state = 'pending'" literally to use the partial index.
    // INDEXED BY: without statistics the planner takes delivery_jobs_state (state = ?)
    // and sorts every pending job; the partial indexes read only the due ones, in order.
    const QString sql = QLatin1String("UPDATE delivery_jobs SET state = 'sending', locked_by = ?, locked_until = ?,"
                                      " attempts = attempts + 1, updated_at = ?"
                                      " WHERE id IN (SELECT id FROM delivery_jobs INDEXED BY ")
        + (channels.size() == 1 ? QLatin1String("delivery_jobs_channel_due") : QLatin1String("delivery_jobs_due"))
        + QLatin1String(" WHERE state = 'pending' AND next_attempt_at <= ?")
        + (channels.isEmpty()          ? QString()
                : channels.size() == 1 ? QStringLiteral(" AND channel = ?") // delivery_jobs_channel_due
                                       : QStringLiteral(" AND channel IN (SELECT value FROM json_each(?))"))
        + QLatin1String(" ORDER BY next_attempt_at LIMIT ?) RETURNING ") + kJobColumns;
    QVariantList values {workerId, timeMs(leaseUntil), timeMs(now), timeMs(now)};
    if (channels.size() == 1)
        values << channels.constFirst();
    else if (!channels.isEmpty())
        values << json(channels);
    values << limit;
    QList<DeliveryJob> jobs;
    {
        const Stmt s = runList(sql, values);
        if (!s)
            return std::nullopt;
        while (s->next())
            jobs.append(jobFrom(*s));
    }
    // RETURNING gives no order; the oldest due first.
    std::sort(jobs.begin(), jobs.end(),
        [](const DeliveryJob &a, const DeliveryJob &b) { return a.nextAttemptAt < b.nextAttemptAt; });
    return jobs;
}

qint64 SqliteStore::completeJobs(const QList<JobCompletion> &completions, const QDateTime &at)
{
    if (completions.isEmpty())
        return 0;
    Transaction tx(*this);
    if (!tx.ok())
        return -1;
    const qint64 atMs = at.toMSecsSinceEpoch();
    qint64 changed = 0;
    for (const JobCompletion &c : completions) {
        const bool sent = c.state == QLatin1String(JobState::Sent);
        DeliveryJob job;
        qint64 startMs = 0;
        bool found = false;
        {
            // The latency analytics wants is the notification's, from when it was due
            // (created, or its scheduled time) to when it went out.
            const Stmt s
                = run(QStringLiteral("UPDATE delivery_jobs SET state = ?,"
                                     " next_attempt_at = COALESCE(?, next_attempt_at),"
                                     " locked_by = NULL, locked_until = NULL,"
                                     " last_error = COALESCE(NULLIF(?, ''), last_error),"
                                     " reason = NULLIF(?, ''), provider_code = COALESCE(NULLIF(?, ''), provider_code),"
                                     " sent_at = CASE WHEN ? THEN ? ELSE sent_at END,"
                                     " attempts = attempts - ?, updated_at = ?"
                                     " WHERE id = ? AND state = 'sending' RETURNING ")
                        + kJobColumns
                        + QLatin1String(", (SELECT COALESCE(MAX(m.scheduled_at, m.created_at), m.created_at)"
                                        " FROM messages m WHERE m.id = message_id)"),
                    {c.state, timeMs(c.nextAttemptAt), text(c.error), text(c.reason), text(c.providerCode), sent, atMs,
                        c.countAttempt ? 0 : 1, atMs, c.jobId});
            if (!s)
                return -1;
            if (s->next()) {
                job = jobFrom(*s);
                startMs = s->value(16).toLongLong();
                found = true;
            }
        }
        if (!found)
            continue; // reclaimed or cancelled meanwhile: this late result changes nothing
        ++changed;
        if (change(QStringLiteral("INSERT INTO delivery_log (id, job_id, message_id, user_id, topic, channel, event,"
                                  " attempt, error, latency_ms, at, provider_code, provider_response)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {newId(), job.id, job.messageId, job.userId, text(job.topic), job.channel, c.logEvent,
                    c.countAttempt ? job.attempts : 0,
                    c.error.isEmpty() ? (c.reason.isEmpty() ? QVariant() : QVariant(c.reason)) : QVariant(c.error),
                    c.latencyMs >= 0 ? QVariant(c.latencyMs) : QVariant(), atMs,
                    c.providerCode.isEmpty() ? QVariant() : QVariant(c.providerCode),
                    c.providerResponse.isEmpty() ? QVariant() : QVariant(c.providerResponse)})
            < 0)
            return -1;
        if (sent && !bumpRollup(at, job.topic, job.channel, Counter::Sent, 1, std::max<qint64>(0, atMs - startMs)))
            return -1;
        if (c.state == QLatin1String(JobState::Failed) && !bumpRollup(at, job.topic, job.channel, Counter::Failed, 1))
            return -1;
    }
    if (!tx.commit())
        return -1;
    return changed;
}

qint64 SqliteStore::reclaimJobs(const QDateTime &leaseEndedBefore, const QDateTime &at)
{
    Transaction tx(*this);
    if (!tx.ok())
        return -1;
    const qint64 atMs = at.toMSecsSinceEpoch();
    QList<DeliveryJob> jobs;
    {
        const Stmt s = run(QStringLiteral("UPDATE delivery_jobs SET state = 'pending', next_attempt_at = ?,"
                                          " locked_by = NULL, locked_until = NULL, reclaimed = reclaimed + 1,"
                                          " updated_at = ? WHERE state = 'sending' AND locked_until < ? RETURNING ")
                + kJobColumns,
            {atMs, atMs, timeMs(leaseEndedBefore)});
        if (!s)
            return -1;
        while (s->next())
            jobs.append(jobFrom(*s));
    }
    for (const DeliveryJob &job : jobs) {
        if (change(QStringLiteral("INSERT INTO delivery_log (id, job_id, message_id, user_id, topic, channel, event,"
                                  " attempt, error, at) VALUES (?, ?, ?, ?, ?, ?, 'reclaimed', ?, ?, ?)"),
                {newId(), job.id, job.messageId, job.userId, text(job.topic), job.channel, job.attempts,
                    QStringLiteral("was in flight when its worker stopped; it may have been sent, and will be sent "
                                   "again"),
                    atMs})
            < 0)
            return -1;
    }
    if (!tx.commit())
        return -1;
    return jobs.size();
}

std::optional<DeliveryJob> SqliteStore::job(const QString &id)
{
    const Stmt s
        = run(QLatin1String("SELECT ") + kJobColumns + QLatin1String(" FROM delivery_jobs WHERE id = ?"), {id});
    if (!s || !s->next())
        return std::nullopt;
    return jobFrom(*s);
}

QList<DeliveryJob> SqliteStore::jobsForMessage(const QString &messageId)
{
    QList<DeliveryJob> jobs;
    const Stmt s = run(QLatin1String("SELECT ") + kJobColumns
            + QLatin1String(" FROM delivery_jobs WHERE message_id = ? ORDER BY user_id, channel"),
        {messageId});
    while (s && s->next())
        jobs.append(jobFrom(*s));
    return jobs;
}

bool SqliteStore::retryJob(const QString &jobId, const QDateTime &at)
{
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    const qint64 atMs = at.toMSecsSinceEpoch();
    DeliveryJob job;
    {
        // A fresh retry schedule: the admin fixed something (an address, the receiver)
        // and the job deserves the same patience as a new one.
        const Stmt s = run(QStringLiteral("UPDATE delivery_jobs SET state = 'pending', next_attempt_at = ?,"
                                          " attempts = 0, reason = NULL, updated_at = ?"
                                          " WHERE id = ? AND state = 'failed' RETURNING ")
                + kJobColumns,
            {atMs, atMs, jobId});
        if (!s || !s->next())
            return false;
        job = jobFrom(*s);
    }
    if (change(QStringLiteral("INSERT INTO delivery_log (id, job_id, message_id, user_id, topic, channel, event,"
                              " attempt, at) VALUES (?, ?, ?, ?, ?, ?, 'retried', 0, ?)"),
            {newId(), job.id, job.messageId, job.userId, text(job.topic), job.channel, atMs})
        < 0)
        return false;
    return tx.commit();
}

std::optional<QDateTime> SqliteStore::nextJobDue()
{
    const auto due = scalar(QStringLiteral("SELECT MIN(next_attempt_at) FROM delivery_jobs INDEXED BY delivery_jobs_due"
                                           " WHERE state = 'pending'"),
        {});
    if (!due || due->isNull())
        return std::nullopt;
    return timeFrom(*due);
}

QHash<QString, qint64> SqliteStore::pendingJobCounts()
{
    QHash<QString, qint64> counts;
    const Stmt s = run(QStringLiteral("SELECT channel, COUNT(*) FROM delivery_jobs INDEXED BY delivery_jobs_channel_due"
                                      " WHERE state = 'pending' GROUP BY channel"));
    while (s && s->next())
        counts.insert(s->value(0).toString(), s->value(1).toLongLong());
    return counts;
}

std::optional<MessageRecord> SqliteStore::message(const QString &id)
{
    const Stmt s = run(QLatin1String("SELECT ") + kMessageColumns + QLatin1String(" FROM messages WHERE id = ?"), {id});
    if (!s || !s->next())
        return std::nullopt;
    return messageFrom(*s);
}

// ---- scheduled messages

std::optional<QList<ReleasedMessage>> SqliteStore::releaseScheduled(const QDateTime &now, int limit)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QList<MessageRecord> due;
    {
        const Stmt s = run(QLatin1String("SELECT ") + kMessageColumns
                + QLatin1String(" FROM messages WHERE released_at IS NULL AND cancelled_at IS NULL"
                                " AND scheduled_at <= ? ORDER BY scheduled_at LIMIT ?"),
            {nowMs, limit});
        if (!s)
            return std::nullopt;
        while (s->next())
            due.append(messageFrom(*s));
    }
    QList<ReleasedMessage> released;
    if (due.isEmpty())
        return released;

    Transaction tx(*this);
    if (!tx.ok())
        return std::nullopt;
    for (const MessageRecord &m : due) {
        ReleasedMessage r;
        r.message = m;
        const bool expired = m.expiresAt.isValid() && m.expiresAt <= now;
        if (expired) {
            // Never delivered after its expiry: its recipients see nothing.
            if (change(
                    QStringLiteral("UPDATE inbox SET status = 'expired' WHERE message_id = ? AND status = 'scheduled'"),
                    {m.id})
                < 0)
                return std::nullopt;
        } else {
            const QStringList recipients = column(
                QStringLiteral("SELECT user_id FROM inbox WHERE message_id = ? AND status = 'scheduled'"), {m.id});
            const QString recipientsJson = json(recipients);
            const std::optional<QHash<QString, qint64>> seqs = advanceHeads(recipientsJson, recipients.size());
            // The row counts as arriving now: its created_at is what delivery latency
            // and the inbox's "received" time are measured from.
            if (!seqs
                || change(QStringLiteral("UPDATE inbox SET status = 'pending', created_at = ?,"
                                         " seq = (SELECT h.head_seq FROM stream_heads h"
                                         " WHERE h.user_id = inbox.user_id)"
                                         " WHERE message_id = ? AND status = 'scheduled'"),
                       {nowMs, m.id})
                    < 0
                || !appendNotificationEvents(m.id, recipientsJson, nowMs))
                return std::nullopt;
            for (const QString &userId : recipients)
                r.recipientSeqs.append({userId, seqs->value(userId)});
            if (!bumpRollup(now, m.content.topic, QLatin1String(ChannelName::InApp), Counter::Sent, recipients.size()))
                return std::nullopt;
        }
        if (change(QStringLiteral("UPDATE messages SET released_at = ? WHERE id = ?"), {nowMs, m.id}) < 0)
            return std::nullopt;
        if (!expired)
            released.append(std::move(r));
    }
    if (!tx.commit())
        return std::nullopt;
    return released;
}

std::optional<CancelOutcome> SqliteStore::cancelMessage(const QString &messageId, const QDateTime &at)
{
    Transaction tx(*this);
    if (!tx.ok())
        return std::nullopt;
    const qint64 atMs = at.toMSecsSinceEpoch();
    CancelOutcome out;
    {
        const Stmt s = run(QStringLiteral("SELECT released_at FROM messages WHERE id = ?"), {messageId});
        if (!s)
            return std::nullopt;
        if (!s->next())
            return out;
        out.found = true;
        out.wasReleased = !s->value(0).isNull();
    }
    if (!out.wasReleased) {
        out.recipients = change(
            QStringLiteral("UPDATE inbox SET status = 'cancelled' WHERE message_id = ? AND status = 'scheduled'"),
            {messageId});
        if (out.recipients < 0
            || change(QStringLiteral("UPDATE messages SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?"),
                   {atMs, messageId})
                < 0)
            return std::nullopt;
    }
    QList<DeliveryJob> jobs;
    {
        const Stmt s = run(QStringLiteral("UPDATE delivery_jobs SET state = 'cancelled', reason = 'cancelled',"
                                          " updated_at = ? WHERE message_id = ? AND state = 'pending' RETURNING ")
                + kJobColumns,
            {atMs, messageId});
        if (!s)
            return std::nullopt;
        while (s->next())
            jobs.append(jobFrom(*s));
    }
    for (const DeliveryJob &job : jobs) {
        if (change(QStringLiteral("INSERT INTO delivery_log (id, job_id, message_id, user_id, topic, channel, event,"
                                  " attempt, at) VALUES (?, ?, ?, ?, ?, ?, 'cancelled', ?, ?)"),
                {newId(), job.id, job.messageId, job.userId, text(job.topic), job.channel, job.attempts, atMs})
            < 0)
            return std::nullopt;
    }
    out.jobs = jobs.size();
    if (!tx.commit())
        return std::nullopt;
    return out;
}

// ---- email digests

QStringList SqliteStore::digestUserIds()
{
    return column(QStringLiteral("SELECT p.user_id FROM preferences p JOIN users u ON u.id = p.user_id"
                                 " WHERE u.disabled = 0 AND json_extract(p.document, '$.digest.enabled') = 1"
                                 " ORDER BY p.user_id"),
        {});
}

std::optional<QDateTime> SqliteStore::digestLastRun(const QString &userId)
{
    const auto last = scalar(QStringLiteral("SELECT last_run FROM digest_state WHERE user_id = ?"), {userId});
    if (!last || last->isNull())
        return std::nullopt;
    return timeFrom(*last);
}

QList<DigestCandidate> SqliteStore::digestCandidates(
    const QString &userId, const QDateTime &before, const QDateTime &now)
{
    QList<DigestCandidate> out;
    const Stmt s = run(QStringLiteral("SELECT j.id, m.id, m.topic, m.type, m.title, m.message, m.click, m.priority,"
                                      " m.created_at, i.read_at, i.deleted_at, COALESCE(i.expires_at, m.expires_at)"
                                      " FROM delivery_jobs j JOIN messages m ON m.id = j.message_id"
                                      " LEFT JOIN inbox i ON i.user_id = j.user_id AND i.message_id = j.message_id"
                                      " WHERE j.state = 'skipped' AND j.user_id = ? AND j.channel = 'email'"
                                      " AND j.reason = 'digest' AND j.updated_at < ? ORDER BY m.created_at"),
        {userId, timeMs(before)});
    while (s && s->next()) {
        DigestCandidate c;
        c.jobId = s->value(0).toString();
        Notification &n = c.notification;
        n.id = s->value(1).toString();
        n.content.topic = s->value(2).toString();
        n.content.type = s->value(3).toString();
        n.content.title = s->value(4).toString();
        n.content.message = s->value(5).toString();
        n.content.click = s->value(6).toString();
        n.content.priority = priorityFrom(s->value(7));
        n.createdAt = timeFrom(s->value(8));
        n.readAt = timeFrom(s->value(9));
        const QDateTime expires = timeFrom(s->value(11));
        c.live = s->value(10).isNull() && (!expires.isValid() || expires > now);
        out.append(c);
    }
    return out;
}

bool SqliteStore::recordDigest(const QString &userId, const QDateTime &run, const std::optional<MessageRecord> &digest,
    const QStringList &includedJobIds, const QStringList &excludedJobIds, const QDateTime &now)
{
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (digest) {
        const MessageRecord &m = *digest;
        const NotificationContent &c = m.content;
        if (change(QStringLiteral("INSERT INTO messages (id, topic, type, title, message, format, priority, data,"
                                  " sender_kind, sender_id, sender_name, channels, created_at, recipient_count,"
                                  " released_at) VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, ?, ?, 1, ?)"),
                {m.id, text(c.topic), text(c.type), text(c.title), text(c.message), int(c.priority), json(c.data),
                    text(m.sender.kind), text(m.sender.id), text(m.sender.name), json(m.channels), nowMs, nowMs})
                < 0
            || change(
                   QStringLiteral("INSERT INTO delivery_jobs (id, message_id, user_id, channel, state, attempts,"
                                  " next_attempt_at, created_at, updated_at, topic, priority)"
                                  " VALUES (lower(hex(randomblob(16))), ?, ?, 'email', 'pending', 0, ?, ?, ?, '', ?)"),
                   {m.id, userId, nowMs, nowMs, nowMs, int(c.priority)})
                < 0
            || change(QStringLiteral("UPDATE delivery_jobs SET reason = ?, updated_at = ?"
                                     " WHERE id IN (SELECT value FROM json_each(?)) AND reason = 'digest'"),
                   {QString(QStringLiteral("digest ") + m.id), nowMs, json(includedJobIds)})
                < 0)
            return false;
    }
    if (change(QStringLiteral("UPDATE delivery_jobs SET reason = 'digest: read before it went out', updated_at = ?"
                              " WHERE id IN (SELECT value FROM json_each(?)) AND reason = 'digest'"),
            {nowMs, json(excludedJobIds)})
            < 0
        || change(QStringLiteral("INSERT INTO digest_state (user_id, last_run) VALUES (?, ?)"
                                 " ON CONFLICT (user_id) DO UPDATE SET last_run = excluded.last_run"),
               {userId, timeMs(run)})
            < 0)
        return false;
    return tx.commit();
}

// ---- webhooks and push subscriptions

bool SqliteStore::upsertWebhook(const Webhook &webhook)
{
    return change(QStringLiteral("INSERT INTO webhooks (id, user_id, topic, url, secret, created_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"
                                 " ON CONFLICT (user_id, topic) DO UPDATE SET url = excluded.url"),
               {webhook.id.isEmpty() ? newId() : webhook.id, webhook.userId, text(webhook.topic), webhook.url,
                   QString::fromUtf8(webhook.secret),
                   timeMs(webhook.createdAt.isValid() ? webhook.createdAt : QDateTime::currentDateTimeUtc())})
        > 0;
}

QList<Webhook> SqliteStore::webhooks(const QString &userId)
{
    QList<Webhook> out;
    const Stmt s = run(
        QLatin1String("SELECT ") + kWebhookColumns + QLatin1String(" FROM webhooks WHERE user_id = ? ORDER BY topic"),
        {userId});
    while (s && s->next())
        out.append(webhookFrom(*s));
    return out;
}

bool SqliteStore::deleteWebhook(const QString &userId, const QString &id)
{
    return change(QStringLiteral("DELETE FROM webhooks WHERE user_id = ? AND id = ?"), {userId, id}) > 0;
}

std::optional<Webhook> SqliteStore::webhookFor(const QString &userId, const QString &topic)
{
    // The topic's own webhook sorts before the general one ('' < any topic name, so DESC).
    const Stmt s = run(QLatin1String("SELECT ") + kWebhookColumns
            + QLatin1String(
                " FROM webhooks WHERE user_id = ? AND (topic = '' OR topic = ?) ORDER BY topic DESC LIMIT 1"),
        {userId, text(topic)});
    if (!s || !s->next())
        return std::nullopt;
    return webhookFrom(*s);
}

bool SqliteStore::removePushSubscription(const QString &userId, const QString &endpoint)
{
    return change(QStringLiteral("UPDATE devices SET push_subscription = NULL"
                                 " WHERE user_id = ? AND json_extract(push_subscription, '$.endpoint') = ?"),
               {userId, endpoint})
        >= 0;
}

} // namespace Tidings::Server
