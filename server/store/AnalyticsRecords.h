#pragma once

#include "store/Records.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tidings::Server {

// The counters of analytics_hourly, for one hour or summed over several.
struct AnalyticsCounts
{
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 read = 0;
    qint64 failed = 0;
    qint64 clicked = 0;
    qint64 dismissed = 0;

    AnalyticsCounts &operator+=(const AnalyticsCounts &o)
    {
        sent += o.sent;
        delivered += o.delivered;
        read += o.read;
        failed += o.failed;
        clicked += o.clicked;
        dismissed += o.dismissed;
        return *this;
    }
};

// Which rollup hours Store::analytics reads: those starting in [from rounded down to
// its UTC hour, to). Empty topic / channel = all.
struct AnalyticsQuery
{
    QDateTime from;
    QDateTime to;
    QString topic;
    QString channel;
};

// One rollup hour of one channel, summed over the topics the query selects.
struct AnalyticsHour
{
    qint64 hourMs = 0; // start of the UTC hour, ms since the epoch
    QString channel;
    AnalyticsCounts counts;
};

// The rollups of one topic and channel, summed over the hours the query selects.
struct AnalyticsTopic
{
    QString topic; // "" for notifications without a topic
    QString channel;
    AnalyticsCounts counts;
};

struct AnalyticsData
{
    QList<AnalyticsHour> hours; // ascending hourMs, then channel
    QList<AnalyticsTopic> topics; // ordered by topic, then channel
    // Per channel: latency samples per LatencyBuckets bucket (BoundsMs.size() + 1 entries).
    QHash<QString, QList<qint64>> latency;
};

// GET /api/admin/deliveries: every non-empty filter must match.
struct DeliveryQuery
{
    QString status; // the job's state (JobState)
    QString channel;
    QString messageId;
    QString userId;
    QDateTime from; // created at or after; invalid = no bound
    QDateTime to; // created before; invalid = no bound
    int page = 1;
    int limit = 50;
};

struct DeliveryPage
{
    QList<DeliveryJob> deliveries; // newest first
    qint64 total = 0; // matching jobs on all pages
};

// What recipients report back besides acks and reads.
enum class Engagement { Clicked, Dismissed };

struct EngagementOutcome
{
    QStringList recorded; // the ids found in the user's inbox, in request order; each got a log row
    qint64 counted = 0; // how many of them were the first of their kind for (message, user, channel)
};

} // namespace Tidings::Server
