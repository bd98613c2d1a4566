#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

// Wall-clock arithmetic shared by quiet hours, cron and digest schedules. Qt's own
// QDateTime(date, time, zone) moves a time that falls into a spring-forward gap
// forwards by the size of the gap (02:30 -> 03:30) and leaves the choice between the
// two occurrences of a fall-back time unspecified; every schedule in the delivery
// pipeline needs one documented rule instead, so they all go through here.
namespace Tidings::Server::Delivery::LocalTime {

// The UTC instant at which the wall clock of `tz` first shows `date` `time`:
// - a time repeated on a fall-back day resolves to its earlier occurrence;
// - a time skipped by a spring-forward gap resolves to the first valid instant
//   after it, i.e. the transition itself (Berlin 2026-03-29 02:30 -> 03:00 CEST).
// The mapping is monotonic: a later wall time never resolves to an earlier instant.
// Returns an invalid QDateTime for invalid input.
[[nodiscard]] QDateTime toUtc(const QDate &date, const QTime &time, const QTimeZone &tz);

// `utc` as seen on the wall clock of `tz`.
[[nodiscard]] QDateTime toLocal(const QDateTime &utc, const QTimeZone &tz);

// Offset from UTC in seconds at instant `utc` in `tz`.
[[nodiscard]] int offsetSecs(const QDateTime &utc, const QTimeZone &tz);

// A valid zone for an IANA id; UTC for an empty or unknown one (the preferences
// validator rejects unknown ids, so this is only a safety net for stale rows).
[[nodiscard]] QTimeZone zoneOrUtc(const QString &ianaId);

} // namespace Tidings::Server::Delivery::LocalTime
