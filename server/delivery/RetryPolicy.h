#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Tidings::Server::Delivery {

// How long a failed delivery waits before its next attempt. The default schedule is
// 1 s, 5 s, 30 s, 5 min, 30 min; after the last retry the delivery is dead-lettered.
// Whether a failure is worth retrying at all is DeliveryOutcome's job.
class RetryPolicy
{
public:
    static constexpr qint64 DefaultMaxRetryAfterMs = 3'600'000;

    // The default schedule.
    RetryPolicy();
    // A custom schedule (tests use short ones). Negative entries count as 0. A server's
    // Retry-After is honoured up to `maxRetryAfterMs`.
    explicit RetryPolicy(QList<qint64> scheduleMs, qint64 maxRetryAfterMs = DefaultMaxRetryAfterMs);

    [[nodiscard]] static QList<qint64> defaultSchedule();

    // The wait before retry number `attempt` (1 = the first retry after the initial
    // failure), or nullopt when the schedule is exhausted (or attempt < 1): dead letter.
    // A Retry-After from the receiver replaces the scheduled delay when it is longer,
    // capped at maxRetryAfterMs(); a shorter or negative one is ignored, so a server
    // cannot make us hammer it. The schedule's own delays are never capped.
    [[nodiscard]] std::optional<qint64> delayMs(int attempt, std::optional<qint64> retryAfterMs = {}) const;

    // How many retries the schedule allows before dead-lettering.
    [[nodiscard]] int maxRetries() const { return int(m_schedule.size()); }
    [[nodiscard]] const QList<qint64> &schedule() const { return m_schedule; }
    [[nodiscard]] qint64 maxRetryAfterMs() const { return m_maxRetryAfterMs; }

    // An HTTP Retry-After value in ms from `nowUtc`: delta-seconds ("120") or an
    // HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"; a date in the past gives 0).
    // nullopt when the value is neither.
    [[nodiscard]] static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

private:
    QList<qint64> m_schedule;
    qint64 m_maxRetryAfterMs;
};

} // namespace Tidings::Server::Delivery
