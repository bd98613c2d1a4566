#pragma once

#include "protocol/Preferences.h"
#include "protocol/Priority.h"

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace Tidings::Server::Delivery {

// A user's quiet hours: a daily window of local wall-clock time in the user's IANA
// zone during which non-urgent notifications are held back (not dropped) until the
// window ends.
//
// Rules (the pipeline and the docs rely on these):
// - `days` lists the ISO weekdays (Monday = 1) on which a window STARTS; the
//   Friday 22:00-07:00 window ends on Saturday morning even if Saturday is not listed.
// - end < start is an overnight window that ends on the next day; end == start is an
//   empty window (never quiet), so a careless 00:00-00:00 cannot mute a user for good.
// - Both ends are resolved with LocalTime::toUtc: a time skipped by spring-forward
//   becomes the first valid instant after it (the transition), a time repeated by
//   fall-back its earlier occurrence. A window is [start, end) in real time, so it is
//   an hour shorter or longer on DST change nights.
// - Urgent notifications pass when allowUrgent is set; every other priority waits.
class QuietHours
{
public:
    struct Window
    {
        QDateTime start; // UTC, inclusive
        QDateTime end; // UTC, exclusive
    };

    // Disabled: never quiet.
    QuietHours() = default;
    // From the protocol struct; an unknown timezone id falls back to UTC and weekday
    // numbers outside 1..7 are ignored (Preferences::merged rejects both anyway).
    explicit QuietHours(const Tidings::QuietHours &prefs);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    [[nodiscard]] QTimeZone timeZone() const { return m_tz; }

    // True when `utc` falls inside a window. Always false when disabled.
    [[nodiscard]] bool isQuiet(const QDateTime &utc) const;

    // The first instant at or after `utc` at which a notification of priority `p` may
    // be delivered: `utc` itself when delivery is allowed now, otherwise the end of
    // the window (in UTC). If that end is itself the start of another window (only
    // possible on DST days), the end of that one.
    [[nodiscard]] QDateTime nextAllowed(const QDateTime &utc, Priority p) const;

    // The window containing `utc`, if any.
    [[nodiscard]] std::optional<Window> windowAt(const QDateTime &utc) const;

    // The window that starts on local date `date`, if `date` is one of the days and
    // the window is not empty.
    [[nodiscard]] std::optional<Window> windowStartingOn(const QDate &date) const;

private:
    [[nodiscard]] bool startsOn(int isoWeekday) const { return (m_days >> isoWeekday) & 1U; }

    bool m_enabled = false;
    QTime m_start = QTime(22, 0);
    QTime m_end = QTime(7, 0);
    QTimeZone m_tz = QTimeZone::utc();
    unsigned m_days = 0; // bit n set = a window starts on ISO weekday n
    bool m_allowUrgent = true;
};

} // namespace Tidings::Server::Delivery
