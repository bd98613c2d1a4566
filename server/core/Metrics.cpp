#include "core/Metrics.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace Tidings::Server {

Metrics::Metrics()
    : m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
}

void Metrics::notificationPublished(int recipients)
{
    ++m_published;
    m_recipients += recipients;
}

void Metrics::httpRequest(int status)
{
    ++m_httpByStatus[status];
}

void Metrics::delivered(const QString &channel, const QString &status, qint64 count)
{
    m_deliveries[channel + QLatin1Char('\n') + status] += count;
}

void Metrics::observeDeliveryLatency(const QString &channel, double seconds, qint64 count)
{
    Histogram &h = m_latency[channel];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            h.buckets[i] += count;
    }
    h.count += count;
    h.sum += seconds * double(count);
}

void Metrics::wsRejected(const QString &reason)
{
    ++m_wsRejected[reason];
}

qint64 Metrics::uptimeSec() const
{
    return (QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000;
}

QByteArray Metrics::render() const
{
    QByteArray out;
    auto gauge = [&out](const char *name, const char *help, qint64 value) {
        out += QByteArrayLiteral("# HELP ") + name + ' ' + help + QByteArrayLiteral("\n# TYPE ") + name
            + QByteArrayLiteral(" gauge\n") + name + ' ' + QByteArray::number(value) + '\n';
    };
    auto counterHeader = [&out](const char *name, const char *help) {
        out += QByteArrayLiteral("# HELP ") + name + ' ' + help + QByteArrayLiteral("\n# TYPE ") + name
            + QByteArrayLiteral(" counter\n");
    };

    gauge("tidings_ws_connections", "Open WebSocket connections.", wsConnections ? wsConnections() : 0);
    gauge("tidings_queue_depth", "Delivery jobs waiting to be sent (email, push, webhook).",
        queueDepth ? queueDepth() : 0);
    gauge("tidings_uptime_seconds", "Seconds since the server started.", uptimeSec());

    counterHeader("tidings_notifications_published_total", "Notifications accepted for delivery.");
    out += "tidings_notifications_published_total " + QByteArray::number(m_published) + '\n';
    counterHeader("tidings_notification_recipients_total", "Inbox entries created by publishing.");
    out += "tidings_notification_recipients_total " + QByteArray::number(m_recipients) + '\n';

    counterHeader("tidings_http_requests_total", "HTTP requests answered, by status.");
    QList<int> statuses = m_httpByStatus.keys();
    std::sort(statuses.begin(), statuses.end());
    for (int s : statuses)
        out += "tidings_http_requests_total{status=\"" + QByteArray::number(s) + "\"} "
            + QByteArray::number(m_httpByStatus.value(s)) + '\n';

    counterHeader("tidings_deliveries_total", "Deliveries by channel and status.");
    QStringList keys = m_deliveries.keys();
    keys.sort();
    for (const QString &k : keys) {
        const QStringList parts = k.split(QLatin1Char('\n'));
        out += "tidings_deliveries_total{channel=\"" + parts.value(0).toUtf8() + "\",status=\""
            + parts.value(1).toUtf8() + "\"} " + QByteArray::number(m_deliveries.value(k)) + '\n';
    }

    counterHeader("tidings_ws_rejected_total", "WebSocket connections refused or closed by the server, by reason.");
    QStringList reasons = m_wsRejected.keys();
    reasons.sort();
    for (const QString &r : reasons)
        out += "tidings_ws_rejected_total{reason=\"" + r.toUtf8() + "\"} " + QByteArray::number(m_wsRejected.value(r))
            + '\n';

    out += "# HELP tidings_delivery_latency_seconds From due (published or scheduled) to delivered, by channel.\n"
           "# TYPE tidings_delivery_latency_seconds histogram\n";
    QStringList channels = m_latency.keys();
    channels.sort();
    for (const QString &channel : std::as_const(channels)) {
        const Histogram &h = m_latency[channel];
        const QByteArray label = "{channel=\"" + channel.toUtf8() + '"';
        for (std::size_t i = 0; i < kBuckets.size(); ++i)
            out += "tidings_delivery_latency_seconds_bucket" + label + ",le=\"" + QByteArray::number(kBuckets[i])
                + "\"} " + QByteArray::number(h.buckets[i]) + '\n';
        out += "tidings_delivery_latency_seconds_bucket" + label + ",le=\"+Inf\"} " + QByteArray::number(h.count)
            + '\n';
        out += "tidings_delivery_latency_seconds_sum" + label + "} " + QByteArray::number(h.sum, 'g', 9) + '\n';
        out += "tidings_delivery_latency_seconds_count" + label + "} " + QByteArray::number(h.count) + '\n';
    }
    return out;
}

} // namespace Tidings::Server
