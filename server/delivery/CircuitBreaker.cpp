#include "delivery/CircuitBreaker.h"

#include <algorithm>

namespace Tidings::Server::Delivery {

CircuitBreaker::CircuitBreaker(const Clock &clock, int failureThreshold, qint64 openDurationMs)
    : m_clock(&clock)
{
    setFailureThreshold(failureThreshold);
    setOpenDurationMs(openDurationMs);
}

CircuitBreaker::State CircuitBreaker::state() const
{
    if (m_state == State::Open && m_clock->nowMs() >= m_openUntilMs)
        return State::HalfOpen;
    return m_state;
}

bool CircuitBreaker::allowRequest()
{
    const qint64 now = m_clock->nowMs();
    switch (state()) {
    case State::Closed:
        return true;
    case State::Open:
        return false;
    case State::HalfOpen:
        if (m_probeInFlight && now - m_probeStartedMs < m_openDurationMs)
            return false;
        m_state = State::HalfOpen;
        m_probeInFlight = true;
        m_probeStartedMs = now;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    switch (state()) {
    case State::Closed:
        m_failures = 0;
        break;
    case State::HalfOpen:
        // Only the probe's answer counts; a half-open breaker that handed out no probe
        // is still an open one whose time is up.
        if (!m_probeInFlight)
            break;
        m_state = State::Closed;
        m_failures = 0;
        m_probeInFlight = false;
        break;
    case State::Open:
        break;
    }
}

void CircuitBreaker::recordFailure()
{
    switch (state()) {
    case State::Closed:
        if (++m_failures >= m_failureThreshold)
            open();
        break;
    case State::HalfOpen:
        if (m_probeInFlight)
            open();
        break;
    case State::Open:
        break;
    }
}

qint64 CircuitBreaker::msUntilRetry() const
{
    const qint64 now = m_clock->nowMs();
    switch (state()) {
    case State::Closed:
        return 0;
    case State::Open:
        return m_openUntilMs - now;
    case State::HalfOpen:
        return m_probeInFlight ? std::max<qint64>(0, m_probeStartedMs + m_openDurationMs - now) : 0;
    }
    return 0;
}

QString CircuitBreaker::stateToString(State s)
{
    switch (s) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half-open");
    }
    return {};
}

void CircuitBreaker::open()
{
    m_state = State::Open;
    m_openUntilMs = m_clock->nowMs() + m_openDurationMs;
    m_failures = 0;
    m_probeInFlight = false;
}

} // namespace Tidings::Server::Delivery
