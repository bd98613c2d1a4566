#pragma once

#include "protocol/Expected.h"

#include <QList>
#include <QString>

namespace Tidings::Server::Delivery {

// One of the five fields of a cron expression, parsed into the set of values it
// matches. Syntax (Vixie cron plus the common `a/step` extension):
//   *   a   a-b   */step   a-b/step   a/step (= a-max/step)   and lists of these: 1,5,10-12
// Months accept JAN..DEC and weekdays SUN..SAT (any case, also inside ranges); weekday
// 7 is Sunday like 0. A range must not run backwards (22-2 is an error, not a wrap).
class CronField
{
public:
    enum class Kind { Minute, Hour, DayOfMonth, Month, DayOfWeek };

    // Errors are VALIDATION_ERRORs without a field whose message starts with the field
    // name: "hour: 24 is out of range 0-23". CronSchedule fills in the field.
    [[nodiscard]] static Expected<CronField> parse(const QString &text, Kind kind);

    // "minute", "hour", "day-of-month", "month", "day-of-week".
    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static int minimum(Kind kind);
    [[nodiscard]] static int maximum(Kind kind);

    [[nodiscard]] bool contains(int value) const { return value >= 0 && value < 64 && ((m_bits >> value) & 1U); }
    // The matched values in ascending order (weekdays 0..6, Sunday = 0).
    [[nodiscard]] QList<int> values() const;
    [[nodiscard]] int count() const;
    // The text as written; Vixie treats a day field that starts with '*' as
    // unrestricted when combining day-of-month and day-of-week.
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] bool startsWithStar() const { return m_text.startsWith(QLatin1Char('*')); }
    [[nodiscard]] bool isSingleValue() const { return count() == 1 && !startsWithStar(); }
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    CronField(Kind kind, QString text)
        : m_kind(kind)
        , m_text(std::move(text))
    {
    }

    // Parses one list element into m_bits; returns an error message or an empty string.
    QString addElement(const QString &element);
    // A number or (for months and weekdays) a name; `ok` false with `error` set otherwise.
    int parseValue(const QString &token, bool *ok, QString *error) const;

    Kind m_kind;
    QString m_text;
    quint64 m_bits = 0;
};

} // namespace Tidings::Server::Delivery
