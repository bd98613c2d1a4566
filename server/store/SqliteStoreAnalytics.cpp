// SqliteStore: the analytics rollups (analytics_hourly, analytics_latency), the
// delivery log as the admin console reads it, engagement reports and retention.

#include "store/SqliteStore.h"

#include "store/LatencyBuckets.h"
#include "store/SqlValues.h"

#include <QSqlQuery>

#include <algorithm>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

qint64 hourOf(qint64 ms)
{
    return ms - ((ms % kHourMs) + kHourMs) % kHourMs;
}

QString counterColumn(SqliteStore::Counter counter)
{
    switch (counter) {
    case SqliteStore::Counter::Sent:
        return QStringLiteral("sent");
    case SqliteStore::Counter::Delivered:
        return QStringLiteral("delivered");
    case SqliteStore::Counter::Read:
        return QStringLiteral("read");
    case SqliteStore::Counter::Failed:
        return QStringLiteral("failed");
    case SqliteStore::Counter::Clicked:
        return QStringLiteral("clicked");
    case SqliteStore::Counter::Dismissed:
        return QStringLiteral("dismissed");
    }
    return {};
}

// LatencyBuckets::bucketOf as SQL, for the set-based inApp bumps.
QString bucketCase(const QString &latency)
{
    QString sql = QStringLiteral("CASE");
    for (size_t i = 0; i < LatencyBuckets::BoundsMs.size(); ++i)
        sql += QStringLiteral(" WHEN %1 <= %2 THEN %3").arg(latency).arg(LatencyBuckets::BoundsMs[i]).arg(i);
    return sql + QStringLiteral(" ELSE %1 END").arg(LatencyBuckets::BoundsMs.size());
}

DeliveryLogEntry logEntryFrom(const QSqlQuery &q)
{
    DeliveryLogEntry e;
    e.id = q.value(0).toString();
    e.jobId = q.value(1).toString();
    e.messageId = q.value(2).toString();
    e.userId = q.value(3).toString();
    e.topic = q.value(4).toString();
    e.channel = q.value(5).toString();
    e.event = q.value(6).toString();
    e.attempt = q.value(7).toInt();
    e.error = q.value(8).toString();
    e.providerCode = q.value(9).toString();
    e.providerResponse = q.value(10).toString();
    e.latencyMs = q.value(11).isNull() ? -1 : q.value(11).toLongLong();
    e.at = timeFrom(q.value(12));
    return e;
}

} // namespace

// ---- keeping the rollups current (called inside the writers' transactions)

bool SqliteStore::bumpRollup(
    const QDateTime &at, const QString &topic, const QString &channel, Counter counter, qint64 n, qint64 latencyMs)
{
    if (n <= 0)
        return true;
    const qint64 hour = hourOf(at.toMSecsSinceEpoch());
    const QString column = counterColumn(counter);
    // One statement text per counter, so each is prepared once.
    if (change(QStringLiteral("INSERT INTO analytics_hourly (hour, topic, channel, %1) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (hour, topic, channel) DO UPDATE SET %1 = %1 + excluded.%1")
                   .arg(column),
            {hour, text(topic), channel, n})
        < 0)
        return false;
    if (latencyMs < 0)
        return true;
    return change(QStringLiteral("INSERT INTO analytics_latency (hour, topic, channel, bucket, count)"
                                 " VALUES (?, ?, ?, ?, ?) ON CONFLICT (hour, topic, channel, bucket)"
                                 " DO UPDATE SET count = count + excluded.count"),
               {hour, text(topic), channel, LatencyBuckets::bucketOf(latencyMs), n})
        >= 0;
}

bool SqliteStore::bumpInboxRollups(
    Counter counter, const QString &rows, const QVariantList &values, const QDateTime &at)
{
    const qint64 atMs = at.toMSecsSinceEpoch();
    const qint64 hour = hourOf(atMs);
    const QString inApp = QLatin1String(ChannelName::InApp);
    // A few statement texts per caller (rows differ by caller and filter), each prepared once.
    const auto count = [&](const QString &column, const QString &selected) {
        QVariantList v {hour, inApp};
        v += values;
        return bool(runList(QStringLiteral("INSERT INTO analytics_hourly (hour, topic, channel, %1)"
                                           " SELECT ?, topic, ?, COUNT(*) FROM %2 GROUP BY topic"
                                           " ON CONFLICT (hour, topic, channel) DO UPDATE SET %1 = %1 + excluded.%1")
                                .arg(column, selected),
            v));
    };
    // Reading a notification also delivers it (deliveredAt is set if it was not), so a
    // read without an ack still counts as delivered once, and read <= delivered holds.
    const QString undelivered = counter == Counter::Read ? rows + QLatin1String(" AND delivered_at IS NULL") : rows;
    if (counter == Counter::Read && !count(QStringLiteral("read"), rows))
        return false;
    if (!count(QStringLiteral("delivered"), undelivered))
        return false;
    QVariantList v {hour, inApp, atMs};
    v += values;
    static const QString bucket = bucketCase(QStringLiteral("latency"));
    return bool(runList(QStringLiteral("INSERT INTO analytics_latency (hour, topic, channel, bucket, count)"
                                       " SELECT ?, topic, ?, %1 AS b, COUNT(*)"
                                       " FROM (SELECT topic, ? - created_at AS latency FROM %2) WHERE true"
                                       " GROUP BY topic, b ON CONFLICT (hour, topic, channel, bucket)"
                                       " DO UPDATE SET count = count + excluded.count")
                            .arg(bucket, undelivered),
        v));
}

bool SqliteStore::bumpPublished(const PublishItem &item, const PublishOutcome &outcome)
{
    if (outcome.replayedIdempotent)
        return true;
    // Scheduled recipients have seq 0; they are counted when the pipeline releases them.
    const qint64 released = std::count_if(outcome.recipientSeqs.cbegin(), outcome.recipientSeqs.cend(),
        [](const QPair<QString, qint64> &r) { return r.second > 0; });
    const QDateTime at = item.message.createdAt.isValid() ? item.message.createdAt : QDateTime::currentDateTimeUtc();
    return bumpRollup(at, item.message.content.topic, QLatin1String(ChannelName::InApp), Counter::Sent, released);
}

// ---- reading

std::optional<AnalyticsData> SqliteStore::analytics(const AnalyticsQuery &query)
{
    QString where = QStringLiteral(" WHERE hour >= ? AND hour < ?");
    QVariantList values {hourOf(query.from.toMSecsSinceEpoch()), query.to.toMSecsSinceEpoch()};
    if (!query.topic.isEmpty()) {
        where += QLatin1String(" AND topic = ?");
        values.append(query.topic);
    }
    if (!query.channel.isEmpty()) {
        where += QLatin1String(" AND channel = ?");
        values.append(query.channel);
    }

    AnalyticsData data;
    {
        const Stmt s = runList(QLatin1String("SELECT hour, channel, SUM(sent), SUM(delivered), SUM(read), SUM(failed),"
                                             " SUM(clicked), SUM(dismissed) FROM analytics_hourly")
                + where + QLatin1String(" GROUP BY hour, channel ORDER BY hour, channel"),
            values);
        if (!s)
            return std::nullopt;
        while (s->next()) {
            AnalyticsHour h;
            h.hourMs = s->value(0).toLongLong();
            h.channel = s->value(1).toString();
            h.counts.sent = s->value(2).toLongLong();
            h.counts.delivered = s->value(3).toLongLong();
            h.counts.read = s->value(4).toLongLong();
            h.counts.failed = s->value(5).toLongLong();
            h.counts.clicked = s->value(6).toLongLong();
            h.counts.dismissed = s->value(7).toLongLong();
            data.hours.append(h);
        }
    }
    {
        const Stmt s = runList(QLatin1String("SELECT topic, channel, SUM(sent), SUM(delivered), SUM(read), SUM(failed),"
                                             " SUM(clicked), SUM(dismissed) FROM analytics_hourly")
                + where + QLatin1String(" GROUP BY topic, channel ORDER BY topic, channel"),
            values);
        if (!s)
            return std::nullopt;
        while (s->next()) {
            AnalyticsTopic t;
            t.topic = s->value(0).toString();
            t.channel = s->value(1).toString();
            t.counts.sent = s->value(2).toLongLong();
            t.counts.delivered = s->value(3).toLongLong();
            t.counts.read = s->value(4).toLongLong();
            t.counts.failed = s->value(5).toLongLong();
            t.counts.clicked = s->value(6).toLongLong();
            t.counts.dismissed = s->value(7).toLongLong();
            data.topics.append(t);
        }
    }
    {
        const Stmt s = runList(QLatin1String("SELECT channel, bucket, SUM(count) FROM analytics_latency") + where
                + QLatin1String(" GROUP BY channel, bucket"),
            values);
        if (!s)
            return std::nullopt;
        const qsizetype buckets = qsizetype(LatencyBuckets::BoundsMs.size()) + 1;
        while (s->next()) {
            QList<qint64> &histogram = data.latency[s->value(0).toString()];
            if (histogram.isEmpty())
                histogram = QList<qint64>(buckets, 0);
            const int bucket = s->value(1).toInt();
            if (bucket >= 0 && bucket < buckets)
                histogram[bucket] += s->value(2).toLongLong();
        }
    }
    return data;
}

std::optional<DeliveryPage> SqliteStore::deliveries(const DeliveryQuery &query)
{
    QString where = QStringLiteral(" WHERE true");
    QVariantList values;
    const std::pair<const char *, const QString *> filters[] = {
        {" AND state = ?", &query.status},
        {" AND channel = ?", &query.channel},
        {" AND message_id = ?", &query.messageId},
        {" AND user_id = ?", &query.userId},
    };
    for (const auto &[condition, value] : filters) {
        if (!value->isEmpty()) {
            where += QLatin1String(condition);
            values.append(*value);
        }
    }
    if (query.from.isValid()) {
        where += QLatin1String(" AND created_at >= ?");
        values.append(query.from.toMSecsSinceEpoch());
    }
    if (query.to.isValid()) {
        where += QLatin1String(" AND created_at < ?");
        values.append(query.to.toMSecsSinceEpoch());
    }

    DeliveryPage page;
    {
        const Stmt s = runList(QLatin1String("SELECT COUNT(*) FROM delivery_jobs") + where, values);
        if (!s || !s->next())
            return std::nullopt;
        page.total = s->value(0).toLongLong();
    }
    if (page.total == 0)
        return page;

    const qint64 limit = qMax(1, query.limit);
    values << limit << (qMax(1, query.page) - 1) * limit;
    QStringList ids;
    {
        // A publish creates its jobs in one statement with one created_at: rowid keeps
        // them in a stable order.
        const Stmt s = runList(QLatin1String("SELECT id FROM delivery_jobs") + where
                + QLatin1String(" ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?"),
            values);
        if (!s)
            return std::nullopt;
        while (s->next())
            ids.append(s->value(0).toString());
    }
    for (const QString &id : std::as_const(ids)) {
        if (std::optional<DeliveryJob> j = job(id))
            page.deliveries.append(std::move(*j));
    }
    return page;
}

QList<DeliveryLogEntry> SqliteStore::deliveryLog(const QString &jobId)
{
    QList<DeliveryLogEntry> entries;
    const Stmt s = run(QStringLiteral("SELECT id, job_id, message_id, user_id, topic, channel, event, attempt, error,"
                                      " provider_code, provider_response, latency_ms, at"
                                      " FROM delivery_log WHERE job_id = ? ORDER BY at, rowid"),
        {jobId});
    if (!s)
        return entries;
    while (s->next())
        entries.append(logEntryFrom(*s));
    return entries;
}

// ---- engagement

std::optional<EngagementOutcome> SqliteStore::recordEngagement(
    Engagement kind, const QString &userId, const QStringList &messageIds, const QString &channel, const QDateTime &at)
{
    const bool click = kind == Engagement::Clicked;
    const QString event = click ? QStringLiteral("clicked") : QStringLiteral("dismissed");
    EngagementOutcome out;
    if (messageIds.isEmpty())
        return out;
    Transaction tx(*this);
    if (!tx.ok())
        return std::nullopt;
    for (const QString &messageId : distinct(messageIds)) {
        bool found = false;
        bool seenBefore = false;
        QString topic;
        QVariant jobId;
        {
            const Stmt s = run(QStringLiteral("SELECT i.topic,"
                                              " EXISTS (SELECT 1 FROM delivery_log l WHERE l.message_id = i.message_id"
                                              "  AND l.user_id = i.user_id AND l.channel = ? AND l.event = ?),"
                                              " (SELECT j.id FROM delivery_jobs j WHERE j.message_id = i.message_id"
                                              "  AND j.user_id = i.user_id AND j.channel = ? LIMIT 1)"
                                              " FROM inbox i WHERE i.user_id = ? AND i.message_id = ? AND i.seq > 0"),
                {channel, event, channel, userId, messageId});
            if (!s)
                return std::nullopt;
            if (s->next()) {
                found = true;
                topic = s->value(0).toString();
                seenBefore = s->value(1).toBool();
                jobId = s->value(2);
            }
        }
        if (!found)
            continue;
        if (change(QStringLiteral("INSERT INTO delivery_log (id, job_id, message_id, user_id, topic, channel, event,"
                                  " attempt, at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
                {newId(), jobId.isNull() ? QVariant() : jobId, messageId, userId, text(topic), channel, event,
                    timeMs(at)})
            < 0)
            return std::nullopt;
        out.recorded.append(messageId);
        // A second click of the same link is logged, but the rollup counts people who
        // clicked, not how often.
        if (seenBefore)
            continue;
        if (!bumpRollup(at, topic, channel, click ? Counter::Clicked : Counter::Dismissed, 1))
            return std::nullopt;
        ++out.counted;
    }
    if (!tx.commit())
        return std::nullopt;
    return out;
}

// ---- retention

qint64 SqliteStore::pruneNotifications(const QDateTime &before)
{
    const qint64 cutoff = before.toMSecsSinceEpoch();
    Transaction tx(*this);
    if (!tx.ok())
        return -1;
    // The stream events of a deleted message could no longer be replayed, and every one
    // of them is older than its release: events before `before` go first, and resuming
    // from before them resyncs (as pruneEvents does).
    if (dropEventsBefore(cutoff) < 0)
        return -1;
    // Inbox rows and jobs go with their message (ON DELETE CASCADE). A scheduled
    // message has no released_at until it is released, so it is never deleted before.
    const qint64 deleted
        = change(QStringLiteral("DELETE FROM messages WHERE id IN (SELECT m.id FROM messages m WHERE m.created_at < ?"
                                " AND (m.released_at < ? OR (m.released_at IS NULL AND m.cancelled_at IS NOT NULL))"
                                " AND NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.message_id = m.id"
                                "  AND j.state IN ('pending', 'sending')))"),
            {cutoff, cutoff});
    if (deleted < 0 || !tx.commit())
        return -1;
    return deleted;
}

qint64 SqliteStore::pruneAnalytics(const QDateTime &before)
{
    const qint64 cutoff = before.toMSecsSinceEpoch();
    Transaction tx(*this);
    if (!tx.ok())
        return -1;
    qint64 total = 0;
    // Whole hours only: an hour that is partly newer than `before` is kept whole.
    for (const QString &sql : {QStringLiteral("DELETE FROM analytics_hourly WHERE hour <= ?"),
             QStringLiteral("DELETE FROM analytics_latency WHERE hour <= ?")}) {
        const qint64 n = change(sql, {cutoff - kHourMs});
        if (n < 0)
            return -1;
        total += n;
    }
    const qint64 log = change(QStringLiteral("DELETE FROM delivery_log WHERE at < ?"), {cutoff});
    if (log < 0 || !tx.commit())
        return -1;
    return total + log;
}

} // namespace Tidings::Server
