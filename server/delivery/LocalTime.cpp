#include "delivery/LocalTime.h"

#include <algorithm>
#include <array>

namespace Tidings::Server::Delivery::LocalTime {

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000;

qint64 offsetMsAt(qint64 utcMs, const QTimeZone &tz)
{
    return qint64(tz.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000;
}

} // namespace

QDateTime toUtc(const QDate &date, const QTime &time, const QTimeZone &tz)
{
    if (!date.isValid() || !time.isValid() || !tz.isValid())
        return {};
    // The wall time read as if it were UTC; subtracting the right offset gives the instant.
    const qint64 wallMs = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();

    // Offsets in force a day either side cover every rule change that can touch this wall
    // time (no zone changes its offset twice within two days).
    const std::array<qint64, 3> candidates {
        offsetMsAt(wallMs - DayMs, tz), offsetMsAt(wallMs, tz), offsetMsAt(wallMs + DayMs, tz)};

    qint64 best = 0;
    bool found = false;
    for (const qint64 offset : candidates) {
        const qint64 instant = wallMs - offset;
        if (offsetMsAt(instant, tz) != offset)
            continue;
        if (!found || instant < best)
            best = instant; // the earlier of two fall-back occurrences
        found = true;
    }
    if (found)
        return QDateTime::fromMSecsSinceEpoch(best, Qt::UTC);

    // In a gap: the wall time lies between the last instant of the old offset and the
    // first of the new one, so the transition after (wall - largest offset) is the gap.
    const qint64 largest = *std::max_element(candidates.begin(), candidates.end());
    const auto transition = tz.nextTransition(QDateTime::fromMSecsSinceEpoch(wallMs - largest - 1, Qt::UTC));
    if (transition.atUtc.isValid())
        return transition.atUtc.toUTC();
    // No transition data (should not happen for tzdata zones): Qt's own rule.
    return QDateTime(date, time, tz).toUTC();
}

QDateTime toLocal(const QDateTime &utc, const QTimeZone &tz)
{
    return utc.toTimeZone(tz);
}

int offsetSecs(const QDateTime &utc, const QTimeZone &tz)
{
    return tz.offsetFromUtc(utc);
}

QTimeZone zoneOrUtc(const QString &ianaId)
{
    if (!ianaId.isEmpty()) {
        QTimeZone tz(ianaId.toUtf8());
        if (tz.isValid())
            return tz;
    }
    return QTimeZone::utc();
}

} // namespace Tidings::Server::Delivery::LocalTime
