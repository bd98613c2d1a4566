#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Tidings::Bench {

// Every sample, kept: percentiles are computed exactly (sort, nearest rank) rather
// than from a histogram, and a few million qint64 are cheap. Worker processes
// hand their samples to the coordinator as raw files (save/load).
class LatencyRecorder
{
public:
    void reserve(size_t n) { m_samples.reserve(n); }
    void add(qint64 ns) { m_samples.push_back(ns); }
    void clear() { m_samples.clear(); }

    struct Summary
    {
        qint64 count = 0;
        qint64 min = 0, p50 = 0, p95 = 0, p99 = 0, max = 0;
        double mean = 0;
        [[nodiscard]] QJsonObject toJsonMs() const; // {samples, min, p50, p95, p99, max, mean} in ms
    };
    // Sorts the samples in place.
    [[nodiscard]] Summary summarize();

    // Nearest-rank percentile of an ascending vector: the smallest sample such that at
    // least p% of the samples are <= it.
    [[nodiscard]] static qint64 nearestRank(const std::vector<qint64> &sorted, double percent);

    // Raw native-endian qint64s; both processes run on this host.
    bool save(const QString &path) const;
    bool appendFrom(const QString &path);

private:
    std::vector<qint64> m_samples;
};

} // namespace Tidings::Bench
