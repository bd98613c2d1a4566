#pragma once

#include "util/Clock.h"

#include <QDateTime>

namespace Tidings::Server::Delivery {

// Stops hammering a channel that keeps failing (an SMTP relay that is down, a push
// service returning 503). One breaker per channel:
// - Closed: requests flow; `failureThreshold` consecutive failures open it.
// - Open: requests are refused for `openDurationMs`.
// - HalfOpen: after that, exactly one probe request is allowed; its success closes
//   the breaker, its failure opens it for another `openDurationMs`.
//
// Results reported while Open are ignored: they belong to requests that started before
// the breaker opened and say nothing about the channel now. A probe that never reports
// (its worker crashed) does not wedge the breaker: after `openDurationMs` without a
// result another probe is allowed.
//
// Not thread-safe; the delivery pipeline owns its breakers on one thread.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    static constexpr int DefaultFailureThreshold = 5;
    static constexpr qint64 DefaultOpenDurationMs = 60'000;

    // `clock` must outlive the breaker.
    explicit CircuitBreaker(const Clock &clock = Clock::system(), int failureThreshold = DefaultFailureThreshold,
        qint64 openDurationMs = DefaultOpenDurationMs);

    // True when a request may go out now. In HalfOpen this hands out the single probe,
    // so call it only when the request will really be made.
    [[nodiscard]] bool allowRequest();
    void recordSuccess();
    void recordFailure();

    // Open turns into HalfOpen by itself once the open period is over.
    [[nodiscard]] State state() const;
    // How long until allowRequest() can next return true (0 when it can now); lets the
    // scheduler park work instead of polling.
    [[nodiscard]] qint64 msUntilRetry() const;
    [[nodiscard]] int consecutiveFailures() const { return m_failures; }

    void setFailureThreshold(int n) { m_failureThreshold = n < 1 ? 1 : n; }
    void setOpenDurationMs(qint64 ms) { m_openDurationMs = ms < 0 ? 0 : ms; }
    [[nodiscard]] int failureThreshold() const { return m_failureThreshold; }
    [[nodiscard]] qint64 openDurationMs() const { return m_openDurationMs; }

    [[nodiscard]] static QString stateToString(State s);

private:
    void open();

    const Clock *m_clock;
    int m_failureThreshold;
    qint64 m_openDurationMs;
    State m_state = State::Closed;
    int m_failures = 0;
    qint64 m_openUntilMs = 0;
    bool m_probeInFlight = false;
    qint64 m_probeStartedMs = 0;
};

} // namespace Tidings::Server::Delivery
