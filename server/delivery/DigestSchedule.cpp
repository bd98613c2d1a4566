#include "delivery/DigestSchedule.h"

#include "delivery/LocalTime.h"

namespace Tidings::Server::Delivery {

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
// A weekly search from the day before to two weeks ahead always finds a run.
constexpr int SearchDays = 16;
// Fallback scan for hourly runs across a transition that is not a whole hour (Lord Howe).
constexpr int FallbackScanMinutes = 3 * 60;

qint64 floorTo(qint64 v, qint64 unit)
{
    const qint64 q = v / unit;
    return (v % unit < 0 ? q - 1 : q) * unit;
}

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

DigestSchedule::DigestSchedule(Frequency frequency, QTime time, QTimeZone tz, int weekday)
    : m_frequency(frequency)
    , m_time(time.isValid() ? QTime(time.hour(), time.minute()) : QTime(9, 0))
    , m_tz(tz.isValid() ? std::move(tz) : QTimeZone::utc())
    , m_weekday(weekday >= 1 && weekday <= 7 ? weekday : 1)
{
}

Expected<DigestSchedule> DigestSchedule::fromPreferences(
    const Tidings::Digest &digest, const QString &timezone, int weekday)
{
    const auto frequency = frequencyFromString(digest.frequency);
    if (!frequency)
        return ProtocolError::validation(
            QStringLiteral("digest.frequency"), QStringLiteral("must be hourly, daily or weekly"));
    if (!digest.time.isValid())
        return ProtocolError::validation(QStringLiteral("digest.time"), QStringLiteral("must be a time \"HH:mm\""));
    const QTimeZone tz(timezone.toUtf8());
    if (!tz.isValid())
        return ProtocolError::validation(QStringLiteral("digest.timezone"), QStringLiteral("unknown time zone"));
    if (weekday < 1 || weekday > 7) {
        return ProtocolError::validation(
            QStringLiteral("digest.weekday"), QStringLiteral("must be 1 (Monday) to 7 (Sunday)"));
    }
    return DigestSchedule(*frequency, digest.time, tz, weekday);
}

std::optional<DigestSchedule::Frequency> DigestSchedule::frequencyFromString(const QString &s)
{
    if (s == QLatin1String("hourly"))
        return Frequency::Hourly;
    if (s == QLatin1String("daily"))
        return Frequency::Daily;
    if (s == QLatin1String("weekly"))
        return Frequency::Weekly;
    return std::nullopt;
}

QString DigestSchedule::frequencyToString(Frequency f)
{
    switch (f) {
    case Frequency::Hourly:
        return QStringLiteral("hourly");
    case Frequency::Daily:
        return QStringLiteral("daily");
    case Frequency::Weekly:
        return QStringLiteral("weekly");
    }
    return {};
}

bool DigestSchedule::runsOn(const QDate &date) const
{
    return m_frequency != Frequency::Weekly || date.dayOfWeek() == m_weekday;
}

int DigestSchedule::localMinuteAt(const QDateTime &utc) const
{
    return LocalTime::toLocal(utc, m_tz).time().minute();
}

QDateTime DigestSchedule::hourlyNext(const QDateTime &afterUtc) const
{
    // Whole-hour DST shifts keep the local minute-of-hour, so the slot computed with
    // the current offset is right even when a transition lies in between.
    const qint64 after = afterUtc.toMSecsSinceEpoch();
    const qint64 offset = qint64(LocalTime::offsetSecs(afterUtc, m_tz)) * 1000;
    qint64 slot = floorTo(after + offset, HourMs) + m_time.minute() * MinuteMs;
    if (slot <= after + offset)
        slot += HourMs;
    const QDateTime candidate = utcFromMs(slot - offset);
    if (localMinuteAt(candidate) == m_time.minute())
        return candidate;
    const qint64 start = floorTo(after, MinuteMs);
    for (int k = 1; k <= FallbackScanMinutes; ++k) {
        const QDateTime t = utcFromMs(start + k * MinuteMs);
        if (localMinuteAt(t) == m_time.minute())
            return t;
    }
    return {};
}

QDateTime DigestSchedule::hourlyPrevious(const QDateTime &atOrBeforeUtc) const
{
    const qint64 at = atOrBeforeUtc.toMSecsSinceEpoch();
    const qint64 offset = qint64(LocalTime::offsetSecs(atOrBeforeUtc, m_tz)) * 1000;
    qint64 slot = floorTo(at + offset, HourMs) + m_time.minute() * MinuteMs;
    if (slot > at + offset)
        slot -= HourMs;
    const QDateTime candidate = utcFromMs(slot - offset);
    if (localMinuteAt(candidate) == m_time.minute())
        return candidate;
    const qint64 start = floorTo(at, MinuteMs);
    for (int k = 0; k <= FallbackScanMinutes; ++k) {
        const QDateTime t = utcFromMs(start - k * MinuteMs);
        if (localMinuteAt(t) == m_time.minute())
            return t;
    }
    return {};
}

QDateTime DigestSchedule::nextRun(const QDateTime &afterUtc) const
{
    if (!afterUtc.isValid())
        return {};
    if (m_frequency == Frequency::Hourly)
        return hourlyNext(afterUtc);
    // Start a day early: a fall-back at midnight can put the wall date behind.
    QDate day = LocalTime::toLocal(afterUtc, m_tz).date().addDays(-1);
    for (int i = 0; i < SearchDays; ++i, day = day.addDays(1)) {
        if (!runsOn(day))
            continue;
        const QDateTime run = LocalTime::toUtc(day, m_time, m_tz);
        if (run > afterUtc)
            return run;
    }
    return {};
}

QDateTime DigestSchedule::previousRun(const QDateTime &atOrBeforeUtc) const
{
    if (!atOrBeforeUtc.isValid())
        return {};
    if (m_frequency == Frequency::Hourly)
        return hourlyPrevious(atOrBeforeUtc);
    QDate day = LocalTime::toLocal(atOrBeforeUtc, m_tz).date().addDays(1);
    for (int i = 0; i < SearchDays; ++i, day = day.addDays(-1)) {
        if (!runsOn(day))
            continue;
        const QDateTime run = LocalTime::toUtc(day, m_time, m_tz);
        if (run <= atOrBeforeUtc)
            return run;
    }
    return {};
}

QDateTime DigestSchedule::periodStart(const QDateTime &runUtc) const
{
    const QDateTime slot = previousRun(runUtc);
    if (!slot.isValid())
        return {};
    return previousRun(slot.addMSecs(-1));
}

} // namespace Tidings::Server::Delivery
