#include "core/AnalyticsService.h"

#include "protocol/JsonUtil.h"
#include "protocol/Notification.h"
#include "protocol/WsFrame.h"
#include "store/LatencyBuckets.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace Tidings::Server {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

const QStringList &allChannels()
{
    static const QStringList channels = {QLatin1String(ChannelName::InApp), QLatin1String(ChannelName::Email),
        QLatin1String(ChannelName::Push), QLatin1String(ChannelName::Webhook)};
    return channels;
}

double ratio(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return 0;
    return std::round(double(numerator) / double(denominator) * 10000) / 10000;
}

QJsonObject countsJson(const AnalyticsCounts &c)
{
    return {
        {QStringLiteral("sent"), c.sent},
        {QStringLiteral("delivered"), c.delivered},
        {QStringLiteral("read"), c.read},
        {QStringLiteral("failed"), c.failed},
        {QStringLiteral("clicked"), c.clicked},
        {QStringLiteral("dismissed"), c.dismissed},
    };
}

QJsonObject latencyJson(const QList<qint64> &histogram)
{
    QJsonObject o;
    qint64 samples = 0;
    for (qint64 n : histogram)
        samples += n;
    for (const auto &[key, p] : {std::pair {"p50", 0.5}, std::pair {"p95", 0.95}, std::pair {"p99", 0.99}}) {
        const std::optional<double> v = AnalyticsService::percentile(histogram, p);
        o.insert(QLatin1String(key), v ? QJsonValue(std::round(*v * 10) / 10) : QJsonValue(QJsonValue::Null));
    }
    o.insert(QStringLiteral("samples"), samples);
    return o;
}

void addHistogram(QList<qint64> &into, const QList<qint64> &h)
{
    if (into.size() < h.size())
        into.resize(h.size(), 0);
    for (qsizetype i = 0; i < h.size(); ++i)
        into[i] += h[i];
}

// The start of every bucket from the one holding `from` to the last before `to`.
QList<qint64> bucketStarts(const AnalyticsRequest &r)
{
    QList<qint64> starts;
    const qint64 toMs = r.to.toMSecsSinceEpoch();
    if (r.bucket == AnalyticsRequest::Bucket::Hour) {
        const qint64 fromMs = r.from.toMSecsSinceEpoch();
        for (qint64 t = fromMs - ((fromMs % kHourMs) + kHourMs) % kHourMs; t < toMs; t += kHourMs)
            starts.append(t);
        return starts;
    }
    // Local midnights, so a day in Berlin is 23 or 25 hours long across DST changes.
    QDate day = r.from.toTimeZone(r.timeZone).date();
    for (qint64 t = QDateTime(day, QTime(0, 0), r.timeZone).toMSecsSinceEpoch(); t < toMs;) {
        starts.append(t);
        day = day.addDays(1);
        const qint64 next = QDateTime(day, QTime(0, 0), r.timeZone).toMSecsSinceEpoch();
        t = next > t ? next : t + kDayMs;
    }
    return starts;
}

} // namespace

AnalyticsService::AnalyticsService(Store &store)
    : m_store(store)
{
}

QString AnalyticsService::canonicalChannel(const QString &name)
{
    for (const QString &c : allChannels()) {
        if (name.compare(c, Qt::CaseInsensitive) == 0)
            return c;
    }
    return {};
}

Expected<AnalyticsRequest> AnalyticsService::parseRequest(const QUrlQuery &query, const QDateTime &now)
{
    AnalyticsRequest r;
    const auto value
        = [&query](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    const auto time = [&](const char *key) -> Expected<QDateTime> {
        return Json::parseTime(QJsonValue(value(key)), QLatin1String(key));
    };

    const QString toText = value("to");
    const QString fromText = value("from");
    if (!toText.isEmpty()) {
        Expected<QDateTime> to = time("to");
        if (!to)
            return to.error();
        r.to = to.value();
    } else {
        r.to = now;
    }
    if (!fromText.isEmpty()) {
        Expected<QDateTime> from = time("from");
        if (!from)
            return from.error();
        r.from = from.value();
    } else {
        r.from = r.to.addDays(-DefaultRangeDays);
    }
    if (r.from >= r.to)
        return ProtocolError::validation(QStringLiteral("from"), QStringLiteral("from must be before to"));
    if (r.from.msecsTo(r.to) > MaxRangeDays * kDayMs)
        return ProtocolError::validation(
            QStringLiteral("from"), QStringLiteral("the range from..to is longer than %1 days").arg(MaxRangeDays));

    const QString bucket = value("bucket");
    if (bucket == QLatin1String("hour"))
        r.bucket = AnalyticsRequest::Bucket::Hour;
    else if (!bucket.isEmpty() && bucket != QLatin1String("day"))
        return ProtocolError::validation(QStringLiteral("bucket"), QStringLiteral("bucket must be hour or day"));

    r.topic = value("topic");
    if (!r.topic.isEmpty() && !isValidTopicName(r.topic))
        return ProtocolError::validation(
            QStringLiteral("topic"), QStringLiteral("topic must match ^[A-Za-z0-9_-]{1,64}$"));
    const QString channel = value("channel");
    if (!channel.isEmpty()) {
        r.channel = canonicalChannel(channel);
        if (r.channel.isEmpty())
            return ProtocolError::validation(
                QStringLiteral("channel"), QStringLiteral("channel must be inApp, email, push or webhook"));
    }
    const QString tz = value("tz");
    if (!tz.isEmpty()) {
        r.timeZone = QTimeZone(tz.toUtf8());
        if (!r.timeZone.isValid())
            return ProtocolError::validation(
                QStringLiteral("tz"), QStringLiteral("tz must be an IANA time zone such as Europe/Berlin"));
    }
    return r;
}

Expected<QJsonObject> AnalyticsService::report(const AnalyticsRequest &request)
{
    const std::optional<AnalyticsData> data
        = m_store.analytics({request.from, request.to, request.topic, request.channel});
    if (!data)
        return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));

    const QList<qint64> starts = bucketStarts(request);
    QList<AnalyticsCounts> timeline(starts.size());
    QHash<QString, AnalyticsCounts> byChannel;
    QHash<QString, QList<AnalyticsCounts>> channelTimeline;
    for (const QString &c : allChannels()) {
        if (request.channel.isEmpty() || request.channel == c) {
            byChannel.insert(c, {});
            channelTimeline.insert(c, QList<AnalyticsCounts>(starts.size()));
        }
    }
    AnalyticsCounts totals;
    for (const AnalyticsHour &h : data->hours) {
        // An hour belongs to the bucket it starts in (the first for an hour that starts
        // before the first local midnight, in zones with half-hour offsets).
        const auto it = std::upper_bound(starts.cbegin(), starts.cend(), h.hourMs);
        const qsizetype i = std::max<qsizetype>(0, (it - starts.cbegin()) - 1);
        if (i < timeline.size()) {
            timeline[i] += h.counts;
            QList<AnalyticsCounts> &own = channelTimeline[h.channel];
            if (own.size() == starts.size())
                own[i] += h.counts;
        }
        byChannel[h.channel] += h.counts;
        totals += h.counts;
    }

    const auto pointsOf = [&starts](const QList<AnalyticsCounts> &buckets) {
        QJsonArray points;
        for (qsizetype i = 0; i < starts.size() && i < buckets.size(); ++i) {
            QJsonObject p = countsJson(buckets[i]);
            p.insert(
                QStringLiteral("t"), Json::formatTime(QDateTime::fromMSecsSinceEpoch(starts[i], QTimeZone::utc())));
            points.append(p);
        }
        return points;
    };
    QJsonObject channels;
    QList<qint64> latency;
    for (auto it = byChannel.cbegin(); it != byChannel.cend(); ++it) {
        const QList<qint64> histogram = data->latency.value(it.key());
        addHistogram(latency, histogram);
        QJsonObject o = countsJson(it.value());
        o.insert(QStringLiteral("rates"), rates({{it.key(), it.value()}}));
        o.insert(QStringLiteral("latencyMs"), latencyJson(histogram));
        o.insert(QStringLiteral("timeline"), pointsOf(channelTimeline.value(it.key())));
        channels.insert(it.key(), o);
    }

    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject {
        {QStringLiteral("from"), Json::formatTime(request.from)},
        {QStringLiteral("to"), Json::formatTime(request.to)},
        {QStringLiteral("bucket"),
            request.bucket == AnalyticsRequest::Bucket::Hour ? QStringLiteral("hour") : QStringLiteral("day")},
        {QStringLiteral("tz"), QString::fromUtf8(request.timeZone.id())},
        {QStringLiteral("topic"), orNull(request.topic)},
        {QStringLiteral("channel"), orNull(request.channel)},
        {QStringLiteral("totals"), countsJson(totals)},
        {QStringLiteral("rates"), rates(byChannel)},
        {QStringLiteral("byChannel"), channels},
        {QStringLiteral("timeline"), pointsOf(timeline)},
        {QStringLiteral("latencyMs"), latencyJson(latency)},
        {QStringLiteral("topTopics"), topTopicsJson(data->topics)},
    };
}

QJsonArray AnalyticsService::topTopicsJson(const QList<AnalyticsTopic> &rows)
{
    struct Topic
    {
        QString name;
        AnalyticsCounts totals;
        QHash<QString, AnalyticsCounts> byChannel;
    };
    QList<Topic> topics;
    for (const AnalyticsTopic &row : rows) {
        // Notifications without a topic are in the totals, but they are not a topic.
        if (row.topic.isEmpty())
            continue;
        if (topics.isEmpty() || topics.constLast().name != row.topic)
            topics.append({row.topic, {}, {}});
        topics.last().totals += row.counts;
        topics.last().byChannel[row.channel] += row.counts;
    }
    std::stable_sort(topics.begin(), topics.end(), [](const Topic &a, const Topic &b) {
        if (a.totals.sent != b.totals.sent)
            return a.totals.sent > b.totals.sent;
        return a.totals.read > b.totals.read; // then by name: rows come ordered by topic
    });
    QJsonArray out;
    for (qsizetype i = 0; i < topics.size() && i < TopTopicsLimit; ++i) {
        QJsonObject o = countsJson(topics[i].totals);
        o.insert(QStringLiteral("topic"), topics[i].name);
        o.insert(QStringLiteral("rates"), rates(topics[i].byChannel));
        out.append(o);
    }
    return out;
}

Expected<DismissRequest> AnalyticsService::parseDismiss(const QJsonObject &data)
{
    Expected<QStringList> ids = parseIds(data);
    if (!ids)
        return ids.error();
    Expected<std::optional<QString>> channel = Json::optString(data, QStringLiteral("channel"));
    if (!channel)
        return channel.error();
    DismissRequest r {ids.value(), QLatin1String(ChannelName::InApp)};
    if (channel->has_value()) {
        r.channel = canonicalChannel(channel->value());
        if (r.channel != QLatin1String(ChannelName::InApp) && r.channel != QLatin1String(ChannelName::Push))
            return ProtocolError::validation(
                QStringLiteral("channel"), QStringLiteral("channel must be inApp or push"));
    }
    return r;
}

std::optional<double> AnalyticsService::percentile(const QList<qint64> &histogram, double p)
{
    qint64 total = 0;
    for (qint64 n : histogram)
        total += qMax<qint64>(0, n);
    if (total == 0)
        return std::nullopt;
    const auto &bounds = LatencyBuckets::BoundsMs;
    const double rank = p * double(total);
    qint64 below = 0;
    for (qsizetype i = 0; i < histogram.size(); ++i) {
        const qint64 n = qMax<qint64>(0, histogram[i]);
        if (n == 0 || double(below + n) < rank) {
            below += n;
            continue;
        }
        const double lower = i == 0 ? 0.0 : double(bounds[size_t(qMin<qsizetype>(i, qsizetype(bounds.size()))) - 1]);
        if (i >= qsizetype(bounds.size()))
            return lower;
        const double upper = double(bounds[size_t(i)]);
        return lower + (upper - lower) * (rank - double(below)) / double(n);
    }
    return double(bounds.back());
}

QJsonObject AnalyticsService::rates(const QHash<QString, AnalyticsCounts> &byChannel)
{
    const AnalyticsCounts inApp = byChannel.value(QLatin1String(ChannelName::InApp));
    AnalyticsCounts linked = byChannel.value(QLatin1String(ChannelName::Email));
    linked += byChannel.value(QLatin1String(ChannelName::Push));
    return {
        {QStringLiteral("delivery"), ratio(inApp.delivered, inApp.sent)},
        {QStringLiteral("read"), ratio(inApp.read, inApp.delivered)},
        {QStringLiteral("click"), ratio(linked.clicked, linked.sent)},
    };
}

} // namespace Tidings::Server
