#include "auth/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace Tidings::Server {

namespace {

// Refills accumulate in floating point; without a little slack a bucket that
// should hold exactly one token can end up at 0.999999... and refuse.
constexpr double kEpsilon = 1e-9;

} // namespace

RateLimiter::RateLimiter(int perMinute, int burst)
    : m_perMinute(perMinute)
    // A bucket smaller than one token could never allow anything.
    , m_burst(std::max(burst, 1))
{
}

void RateLimiter::refill(Bucket &b, qint64 nowMs) const
{
    const qint64 elapsed = nowMs - b.updatedMs;
    // A clock stepping backwards must not mint tokens; just restart from the new time.
    if (elapsed > 0)
        b.tokens = std::min(double(m_burst), b.tokens + double(elapsed) * m_perMinute / 60000.0);
    b.updatedMs = nowMs;
}

RateLimiter::Decision RateLimiter::take(const QString &key, qint64 nowMs)
{
    if (!enabled())
        return {};

    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket {double(m_burst), nowMs});
    else
        refill(*it, nowMs);

    if (it->tokens + kEpsilon >= 1.0) {
        it->tokens = std::max(0.0, it->tokens - 1.0);
        return {};
    }

    const double msToOneToken = (1.0 - it->tokens) * 60000.0 / m_perMinute;
    const int seconds = int(std::ceil(msToOneToken / 1000.0 - kEpsilon));
    return Decision {false, std::max(seconds, 1)};
}

int RateLimiter::sweep(qint64 nowMs)
{
    int dropped = 0;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(*it, nowMs);
        // A full bucket behaves exactly like a new one, so forgetting it changes nothing.
        if (it->tokens + kEpsilon >= double(m_burst)) {
            it = m_buckets.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    return dropped;
}

} // namespace Tidings::Server
