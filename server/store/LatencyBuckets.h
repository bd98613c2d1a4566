#pragma once

#include <QtGlobal>

#include <array>

namespace Tidings::Server::LatencyBuckets {

// Upper bounds (ms, inclusive) of analytics_latency's buckets; the last bucket takes
// everything above the last bound. Prometheus-style, so a percentile is read off the
// cumulative counts by interpolating inside the bucket that crosses it. Changing the
// bounds changes the meaning of stored rows: add a migration that rewrites them.
inline constexpr std::array<qint64, 15> BoundsMs
    = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 1800000};

// The bucket index for a latency: 0..BoundsMs.size() (the last = overflow).
[[nodiscard]] constexpr int bucketOf(qint64 latencyMs)
{
    for (int i = 0; i < int(BoundsMs.size()); ++i) {
        if (latencyMs <= BoundsMs[size_t(i)])
            return i;
    }
    return int(BoundsMs.size());
}

} // namespace Tidings::Server::LatencyBuckets
