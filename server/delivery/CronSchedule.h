#pragma once

#include "delivery/CronField.h"
#include "protocol/Expected.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace Tidings::Server::Delivery {

// A 5-field cron expression (minute hour day-of-month month day-of-week) evaluated on
// the wall clock of an IANA time zone. Field syntax is described in CronField.h; the
// macros @yearly (@annually), @monthly, @weekly, @daily (@midnight) and @hourly are
// accepted too.
//
// Semantics:
// - Vixie's day rule: when day-of-month and day-of-week are both restricted (neither
//   starts with '*'), a day matches if EITHER matches ("0 0 1 * MON" = the 1st and
//   every Monday); otherwise both must match.
// - DST: each matching wall time is resolved with LocalTime::toUtc. A time skipped by
//   spring-forward runs at the first valid instant after it, once, however many
//   skipped times map there (*/15 during 02:00-03:00 fires once at 03:00). A time
//   repeated by fall-back runs once, at its first occurrence; the repeated hour adds
//   no extra runs.
// - Precision is one minute; runs are at second 0.
// - Occurrence limits (a schedule's maxOccurrences) are the caller's job: this class
//   has no state, so the scheduler counts the runs it has made and stops asking for
//   next() when the limit is reached. nextRuns() helps to preview a bounded list.
class CronSchedule
{
public:
    // Parses `expr` for zone `tz`. Errors are VALIDATION_ERRORs with field `field` and a
    // message naming the cron field: "hour: 24 is out of range 0-23". An expression whose
    // day-of-month can never occur in its months (30 FEB) is rejected up front, so
    // next() only returns an invalid QDateTime for searches beyond its horizon.
    [[nodiscard]] static Expected<CronSchedule> parse(
        const QString &expr, const QTimeZone &tz, const QString &field = QStringLiteral("cron"));

    // The first run strictly after `afterUtc`, in UTC; invalid if none within ten years.
    [[nodiscard]] QDateTime next(const QDateTime &afterUtc) const;
    // The next `count` runs after `afterUtc` (fewer if the search horizon ends first).
    [[nodiscard]] QList<QDateTime> nextRuns(const QDateTime &afterUtc, int count) const;

    // True when local date `date` is a run day (month and day rules only).
    [[nodiscard]] bool matchesDate(const QDate &date) const;

    // Short English for common shapes ("every 15 minutes", "at 09:00 on Monday to
    // Friday", "at 00:00 on day 1 of the month"); the expression itself otherwise.
    [[nodiscard]] QString describe() const;

    [[nodiscard]] const QString &expression() const { return m_expression; }
    [[nodiscard]] const QTimeZone &timeZone() const { return m_tz; }
    [[nodiscard]] const CronField &field(CronField::Kind kind) const;

private:
    CronSchedule(QString expression, QTimeZone tz, QList<CronField> fields);

    [[nodiscard]] QString describeDays() const;

    QString m_expression;
    QTimeZone m_tz;
    QList<CronField> m_fields; // in Kind order
    QList<int> m_hours;
    QList<int> m_minutes;
    bool m_dayOr = false; // Vixie: both day fields restricted
};

} // namespace Tidings::Server::Delivery
