#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Tidings::Server {

// Token buckets keyed by a string (an API token id, a client address). Each key
// may make `burst` requests at once and regains `perMinute` per minute. Idle keys
// are forgotten by sweep(), so memory stays bounded by the active keys.
class RateLimiter
{
public:
    RateLimiter(int perMinute, int burst);

    struct Decision
    {
        bool allowed = true;
        int retryAfterSec = 0; // when !allowed: whole seconds until one request is allowed
    };

    // Takes one token for `key` at time `nowMs` (ms since the epoch).
    [[nodiscard]] Decision take(const QString &key, qint64 nowMs);
    // Drops buckets that are full again (idle long enough). Returns how many were dropped.
    int sweep(qint64 nowMs);

    [[nodiscard]] bool enabled() const { return m_perMinute > 0; }
    [[nodiscard]] int size() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void refill(Bucket &b, qint64 nowMs) const;

    int m_perMinute;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace Tidings::Server
