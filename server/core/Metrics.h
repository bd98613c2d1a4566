#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <functional>

namespace Tidings::Server {

// Process counters exported at /metrics in the Prometheus text format. Plain
// integers: tidingsd serves from one thread, so no atomics are needed.
class Metrics
{
public:
    Metrics();

    void notificationPublished(int recipients);
    void httpRequest(int status);
    void delivered(const QString &channel, const QString &status, qint64 count = 1);
    // Seconds from when a notification was due (published, or its scheduled time) to
    // its delivery: the frame handed to the socket for inApp, the provider's acceptance
    // for the external channels.
    void observeDeliveryLatency(const QString &channel, double seconds, qint64 count = 1);
    void wsRejected(const QString &reason);

    // Gauges are read when /metrics is rendered.
    std::function<qint64()> wsConnections;
    std::function<qint64()> queueDepth; // delivery jobs waiting (pending)

    [[nodiscard]] QByteArray render() const;
    [[nodiscard]] qint64 publishedTotal() const { return m_published; }
    [[nodiscard]] qint64 uptimeSec() const;

private:
    // In-app deliveries take milliseconds, emails seconds, retried ones minutes.
    static constexpr std::array<double, 16> kBuckets
        = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 1800.0};
    struct Histogram
    {
        std::array<qint64, kBuckets.size()> buckets {};
        qint64 count = 0;
        double sum = 0;
    };
    qint64 m_startedMs;
    qint64 m_published = 0;
    qint64 m_recipients = 0;
    QHash<int, qint64> m_httpByStatus;
    QHash<QString, qint64> m_deliveries; // "channel\nstatus"
    QHash<QString, qint64> m_wsRejected;
    QHash<QString, Histogram> m_latency; // by channel
};

} // namespace Tidings::Server
