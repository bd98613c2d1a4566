#pragma once

#include "protocol/Expected.h"
#include "protocol/Preferences.h"

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace Tidings::Server::Delivery {

// When a user's email digest goes out, on the wall clock of the user's zone:
// - hourly: every hour at the minute of `time` (09:15 -> xx:15 local; the minute is
//   local so zones with half-hour offsets get it right), in real hours: the hour a
//   fall-back night repeats gets its own digest;
// - daily: every day at `time`;
// - weekly: every `weekday` (ISO, Monday = 1, the default) at `time`.
// Daily and weekly times are resolved with LocalTime::toUtc, so a time skipped by
// spring-forward goes out at the transition and a repeated one at its first occurrence.
//
// A digest covers the period between two consecutive scheduled runs. A run made late
// (the server was down) still covers only up to its scheduled slot; what arrived after
// the slot belongs to the next digest, so nothing is sent twice or lost.
class DigestSchedule
{
public:
    enum class Frequency { Hourly, Daily, Weekly };

    // `weekday` outside 1..7 means Monday; an invalid zone means UTC.
    explicit DigestSchedule(Frequency frequency, QTime time, QTimeZone tz, int weekday = 1);

    // From the preferences' digest block. The digest has no zone of its own: pass the
    // user's zone (the quiet hours' timezone). Errors name "digest.frequency",
    // "digest.timezone" or "digest.weekday".
    [[nodiscard]] static Expected<DigestSchedule> fromPreferences(
        const Tidings::Digest &digest, const QString &timezone, int weekday = 1);

    // "hourly" | "daily" | "weekly" (exact, lower case as Preferences stores them).
    [[nodiscard]] static std::optional<Frequency> frequencyFromString(const QString &s);
    [[nodiscard]] static QString frequencyToString(Frequency f);

    // The first scheduled run strictly after `afterUtc`, in UTC.
    [[nodiscard]] QDateTime nextRun(const QDateTime &afterUtc) const;
    // The last scheduled run at or before `atOrBeforeUtc`, in UTC.
    [[nodiscard]] QDateTime previousRun(const QDateTime &atOrBeforeUtc) const;
    // The start (inclusive) of the period covered by the digest sent at `runUtc`: the
    // scheduled run before previousRun(runUtc). The period ends (exclusive) at
    // previousRun(runUtc), which is `runUtc` itself for an on-time run.
    [[nodiscard]] QDateTime periodStart(const QDateTime &runUtc) const;

    [[nodiscard]] Frequency frequency() const { return m_frequency; }
    [[nodiscard]] QTime time() const { return m_time; }
    [[nodiscard]] QTimeZone timeZone() const { return m_tz; }
    [[nodiscard]] int weekday() const { return m_weekday; }

private:
    [[nodiscard]] bool runsOn(const QDate &date) const;
    [[nodiscard]] QDateTime hourlyNext(const QDateTime &afterUtc) const;
    [[nodiscard]] QDateTime hourlyPrevious(const QDateTime &atOrBeforeUtc) const;
    [[nodiscard]] int localMinuteAt(const QDateTime &utc) const;

    Frequency m_frequency;
    QTime m_time;
    QTimeZone m_tz;
    int m_weekday;
};

} // namespace Tidings::Server::Delivery
