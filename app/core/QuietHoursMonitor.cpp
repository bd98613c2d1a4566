#include "core/QuietHoursMonitor.h"

namespace Tidings::App {

namespace {

// A window boundary is at most a day away; a check at least every hour also
// follows DST shifts and a clock the system moved.
constexpr qint64 MaxCheckMs = 60LL * 60 * 1000;

} // namespace

QuietHoursMonitor::QuietHoursMonitor(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QuietHoursMonitor::check);
}

void QuietHoursMonitor::setRules(const Tidings::QuietHours &rules)
{
    m_rules = Server::Delivery::QuietHours(rules);
    check();
}

qint64 QuietHoursMonitor::msUntilNextCheck() const
{
    if (!m_rules.isEnabled())
        return -1;
    const QDateTime now = m_clock.now();
    if (const auto window = m_rules.windowAt(now))
        return qBound<qint64>(0, now.msecsTo(window->end), MaxCheckMs);
    const QDate today = now.toTimeZone(m_rules.timeZone()).date();
    for (const QDate &day : {today, today.addDays(1)}) {
        if (const auto window = m_rules.windowStartingOn(day); window && window->start > now)
            return qBound<qint64>(0, now.msecsTo(window->start), MaxCheckMs);
    }
    return MaxCheckMs;
}

void QuietHoursMonitor::check()
{
    const bool quiet = m_rules.isQuiet(m_clock.now());
    m_timer.stop();
    if (const qint64 next = msUntilNextCheck(); next >= 0)
        m_timer.start(int(qMax<qint64>(next, 1000)));
    if (quiet != m_quiet) {
        m_quiet = quiet;
        Q_EMIT quietChanged(quiet);
    }
}

} // namespace Tidings::App
