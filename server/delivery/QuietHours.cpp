#include "delivery/QuietHours.h"

#include "delivery/LocalTime.h"

namespace Tidings::Server::Delivery {

namespace {
// More windows than can chain in practice; a bound so a pathological zone cannot loop.
constexpr int MaxChainedWindows = 8;
} // namespace

QuietHours::QuietHours(const Tidings::QuietHours &prefs)
    : m_enabled(prefs.enabled)
    , m_start(prefs.start)
    , m_end(prefs.end)
    , m_tz(LocalTime::zoneOrUtc(prefs.timezone))
    , m_allowUrgent(prefs.allowUrgent)
{
    for (const int day : prefs.days) {
        if (day >= 1 && day <= 7)
            m_days |= 1U << day;
    }
}

std::optional<QuietHours::Window> QuietHours::windowStartingOn(const QDate &date) const
{
    if (!m_enabled || !date.isValid() || !m_start.isValid() || !m_end.isValid() || m_start == m_end)
        return std::nullopt;
    if (!startsOn(date.dayOfWeek()))
        return std::nullopt;
    const QDate endDate = m_end < m_start ? date.addDays(1) : date;
    Window w {LocalTime::toUtc(date, m_start, m_tz), LocalTime::toUtc(endDate, m_end, m_tz)};
    // Both ends inside one spring-forward gap (02:10-02:40) collapse to one instant.
    if (!(w.start < w.end))
        return std::nullopt;
    return w;
}

std::optional<QuietHours::Window> QuietHours::windowAt(const QDateTime &utc) const
{
    if (!m_enabled || !utc.isValid())
        return std::nullopt;
    const QDate today = LocalTime::toLocal(utc, m_tz).date();
    // Only yesterday's window can reach into today (overnight); tomorrow's starts later.
    for (const QDate &d : {today.addDays(-1), today}) {
        const auto w = windowStartingOn(d);
        if (w && w->start <= utc && utc < w->end)
            return w;
    }
    return std::nullopt;
}

bool QuietHours::isQuiet(const QDateTime &utc) const
{
    return windowAt(utc).has_value();
}

QDateTime QuietHours::nextAllowed(const QDateTime &utc, Priority p) const
{
    if (!m_enabled || (p == Priority::Urgent && m_allowUrgent))
        return utc;
    QDateTime t = utc;
    for (int i = 0; i < MaxChainedWindows; ++i) {
        const auto w = windowAt(t);
        if (!w)
            return t;
        t = w->end;
    }
    return t;
}

} // namespace Tidings::Server::Delivery
