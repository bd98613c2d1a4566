#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace Tidings::Bench {

// A Prometheus histogram at one moment: cumulative counts per finite upper bound,
// as `_bucket{le=...}` says, plus the total count and sum.
struct Histogram
{
    QVector<double> bounds; // ascending, finite
    QVector<qint64> cumulative; // observations <= bounds[i]
    qint64 count = 0; // every observation (the +Inf bucket)
    double sum = 0;

    // What was observed between `earlier` and this one (same buckets).
    [[nodiscard]] Histogram since(const Histogram &earlier) const;
    // The q-quantile (0..1) as Prometheus' histogram_quantile() estimates it: find the
    // bucket holding rank q * count and interpolate linearly inside it (from 0 for the
    // first bucket); in the +Inf bucket, the highest finite bound. Empty: nullopt.
    [[nodiscard]] std::optional<double> quantile(double q) const;
    [[nodiscard]] std::optional<double> mean() const;
};

// The figures of tidingsd's /metrics the delivery benchmark reads.
class MetricsSnapshot
{
public:
    // Parses the Prometheus text format; nullopt when the text holds no tidings_ sample.
    [[nodiscard]] static std::optional<MetricsSnapshot> parse(const QByteArray &text);

    // tidings_deliveries_total{channel, status}; 0 when absent.
    [[nodiscard]] qint64 deliveries(const QString &channel, const QString &status) const;
    // tidings_delivery_latency_seconds{channel}; empty when the channel delivered nothing yet.
    [[nodiscard]] Histogram latency(const QString &channel) const;
    [[nodiscard]] qint64 queueDepth() const { return m_queueDepth; }

private:
    QHash<QString, qint64> m_deliveries; // "channel/status"
    QHash<QString, Histogram> m_latency;
    qint64 m_queueDepth = 0;
};

} // namespace Tidings::Bench
