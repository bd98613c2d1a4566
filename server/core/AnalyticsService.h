#pragma once

#include "protocol/Expected.h"
#include "store/AnalyticsRecords.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <optional>

class QUrlQuery;

namespace Tidings::Server {

class Store;

// What GET /api/analytics asks for, validated.
struct AnalyticsRequest
{
    enum class Bucket { Hour, Day };

    QDateTime from;
    QDateTime to;
    Bucket bucket = Bucket::Day;
    QString topic; // "" = every topic
    QString channel; // "" = every delivery channel
    QTimeZone timeZone = QTimeZone::utc(); // where a day bucket begins
};

// A client's report that notifications were dismissed (REST and WebSocket `dismiss`).
struct DismissRequest
{
    QStringList ids;
    QString channel; // inApp (default) or push
};

// The analytics dashboard, answered from the hourly rollups (never from the delivery
// log), so a 30-day range reads at most 720 rows per topic and channel.
//
// Rates are fractions (0..1, 4 decimals; 0 when the denominator is 0), over the
// channels that report what they need: only inApp confirms delivery and reading
// (acks, reads), only email and push report clicks (signed links), and those send no
// delivery receipts, so their clicks are measured against what was sent:
//   delivery = delivered / sent     (inApp)
//   read     = read / delivered     (inApp)
//   click    = clicked / sent       (email, push)
class AnalyticsService
{
public:
    static constexpr int MaxRangeDays = 400;
    static constexpr int DefaultRangeDays = 7;
    // How many topics `topTopics` lists at most.
    static constexpr int TopTopicsLimit = 10;

    explicit AnalyticsService(Store &store);

    // The query parameters of /api/analytics: from, to (ISO 8601; default the 7 days up
    // to `now`), bucket (hour|day, default day), topic, channel (inApp|email|push|webhook)
    // and tz (an IANA zone for day buckets, default UTC). Errors name the parameter.
    [[nodiscard]] static Expected<AnalyticsRequest> parseRequest(const QUrlQuery &query, const QDateTime &now);
    // PROTOCOL.md's {totals, rates, byChannel, timeline, latencyMs, topTopics} and the
    // request echoed.
    [[nodiscard]] Expected<QJsonObject> report(const AnalyticsRequest &request);

    // `{ids:[...], channel?}` of a dismissal report.
    [[nodiscard]] static Expected<DismissRequest> parseDismiss(const QJsonObject &data);

    // The canonical spelling of a delivery channel name (case-insensitive), "" if unknown.
    [[nodiscard]] static QString canonicalChannel(const QString &name);
    // The p-quantile (0 < p <= 1) of a LatencyBuckets histogram, interpolated linearly
    // inside the bucket that holds it (from the previous bound, 0 for the first); in the
    // overflow bucket it is the last bound. nullopt without samples.
    [[nodiscard]] static std::optional<double> percentile(const QList<qint64> &histogram, double p);
    // {delivery, read, click} of the counts per channel, as defined above.
    [[nodiscard]] static QJsonObject rates(const QHash<QString, AnalyticsCounts> &byChannel);
    // The busiest topics (most sent, then most read, then by name), at most
    // TopTopicsLimit, each with its counts and rates; `rows` ordered by topic.
    [[nodiscard]] static QJsonArray topTopicsJson(const QList<AnalyticsTopic> &rows);

private:
    Store &m_store;
};

} // namespace Tidings::Server
