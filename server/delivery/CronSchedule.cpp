#include "delivery/CronSchedule.h"

#include "delivery/LocalTime.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace Tidings::Server::Delivery {

namespace {

using Kind = CronField::Kind;

// Long enough for 29 February on a restricted weekday and for the 2100 non-leap year.
constexpr int SearchHorizonDays = 366 * 10;

QString expandMacro(const QString &expr)
{
    static const QList<QPair<QLatin1String, QLatin1String>> macros = {
        {QLatin1String("@yearly"), QLatin1String("0 0 1 1 *")},
        {QLatin1String("@annually"), QLatin1String("0 0 1 1 *")},
        {QLatin1String("@monthly"), QLatin1String("0 0 1 * *")},
        {QLatin1String("@weekly"), QLatin1String("0 0 * * 0")},
        {QLatin1String("@daily"), QLatin1String("0 0 * * *")},
        {QLatin1String("@midnight"), QLatin1String("0 0 * * *")},
        {QLatin1String("@hourly"), QLatin1String("0 * * * *")},
    };
    for (const auto &[name, fields] : macros) {
        if (expr.compare(name, Qt::CaseInsensitive) == 0)
            return fields;
    }
    return expr;
}

// The longest each month can be (February 29, as leap years exist).
int maxDaysInMonth(int month)
{
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

// N for "*/N", 0 otherwise.
int starStep(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\*/(\\d+)$"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool isPlainList(const CronField &f)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Za-z,-]+$"));
    return re.match(f.text()).hasMatch();
}

QString joinEnglish(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + items.last();
}

// "Monday to Friday", "1, 15 and 20": runs of three or more read as "A to B".
QString joinRuns(const QList<int> &sorted, const std::function<QString(int)> &name)
{
    QStringList items;
    for (int i = 0; i < sorted.size();) {
        int j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        if (j - i >= 2) {
            items << name(sorted[i]) + QStringLiteral(" to ") + name(sorted[j]);
        } else {
            for (int k = i; k <= j; ++k)
                items << name(sorted[k]);
        }
        i = j + 1;
    }
    return joinEnglish(items);
}

QString monthName(int month)
{
    static const char *const names[] = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    return QLatin1String(names[month - 1]);
}

// ISO order (Monday = 1 .. Sunday = 7) reads naturally in English week descriptions.
QString isoDayName(int isoDay)
{
    static const char *const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return QLatin1String(names[isoDay - 1]);
}

QString twoDigits(int v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
}

} // namespace

CronSchedule::CronSchedule(QString expression, QTimeZone tz, QList<CronField> fields)
    : m_expression(std::move(expression))
    , m_tz(std::move(tz))
    , m_fields(std::move(fields))
    , m_hours(m_fields[int(Kind::Hour)].values())
    , m_minutes(m_fields[int(Kind::Minute)].values())
    , m_dayOr(!m_fields[int(Kind::DayOfMonth)].startsWithStar() && !m_fields[int(Kind::DayOfWeek)].startsWithStar())
{
}

Expected<CronSchedule> CronSchedule::parse(const QString &expr, const QTimeZone &tz, const QString &field)
{
    if (!tz.isValid())
        return ProtocolError::validation(field, QStringLiteral("timezone: unknown time zone"));
    const QString trimmed = expr.trimmed();
    if (trimmed.startsWith(QLatin1Char('@')) && expandMacro(trimmed) == trimmed)
        return ProtocolError::validation(field, QStringLiteral("unknown macro '%1'").arg(trimmed));
    const QStringList parts
        = expandMacro(trimmed).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (parts.size() != 5) {
        return ProtocolError::validation(field,
            QStringLiteral("expected 5 fields (minute hour day-of-month month day-of-week), got %1").arg(parts.size()));
    }

    QList<CronField> fields;
    for (int i = 0; i < 5; ++i) {
        auto parsed = CronField::parse(parts[i], Kind(i));
        if (!parsed)
            return ProtocolError::validation(field, parsed.error().message);
        fields.append(std::move(parsed).value());
    }

    // With day-of-week unrestricted only day-of-month decides; reject days that no
    // selected month has, which would otherwise make next() search in vain.
    const CronField &dom = fields[int(Kind::DayOfMonth)];
    const CronField &month = fields[int(Kind::Month)];
    if (fields[int(Kind::DayOfWeek)].startsWithStar() && !dom.startsWithStar()) {
        bool possible = false;
        for (const int m : month.values()) {
            for (const int d : dom.values())
                possible = possible || d <= maxDaysInMonth(m);
        }
        if (!possible) {
            return ProtocolError::validation(
                field, QStringLiteral("day-of-month: %1 never occurs in month %2").arg(dom.text(), month.text()));
        }
    }
    return CronSchedule(trimmed, tz, std::move(fields));
}

const CronField &CronSchedule::field(CronField::Kind kind) const
{
    return m_fields[int(kind)];
}

bool CronSchedule::matchesDate(const QDate &date) const
{
    if (!field(Kind::Month).contains(date.month()))
        return false;
    const bool domMatch = field(Kind::DayOfMonth).contains(date.day());
    const bool dowMatch = field(Kind::DayOfWeek).contains(date.dayOfWeek() % 7);
    return m_dayOr ? (domMatch || dowMatch) : (domMatch && dowMatch);
}

QDateTime CronSchedule::next(const QDateTime &afterUtc) const
{
    if (!afterUtc.isValid())
        return {};
    const QDateTime local = LocalTime::toLocal(afterUtc, m_tz);
    const QDate firstDay = local.date();
    const int fromHour = local.time().hour();
    const int fromMinute = local.time().minute();

    QDate day = firstDay;
    for (int i = 0; i <= SearchHorizonDays; ++i, day = day.addDays(1)) {
        if (!matchesDate(day))
            continue;
        for (const int h : m_hours) {
            // Wall times before the start's own wall time resolve to earlier instants
            // (toUtc is monotonic), so the first day can skip them.
            if (i == 0 && h < fromHour)
                continue;
            for (const int m : m_minutes) {
                if (i == 0 && h == fromHour && m < fromMinute)
                    continue;
                const QDateTime run = LocalTime::toUtc(day, QTime(h, m), m_tz);
                if (run > afterUtc)
                    return run;
            }
        }
    }
    return {};
}

QList<QDateTime> CronSchedule::nextRuns(const QDateTime &afterUtc, int count) const
{
    QList<QDateTime> runs;
    QDateTime t = afterUtc;
    while (runs.size() < count) {
        t = next(t);
        if (!t.isValid())
            break;
        runs.append(t);
    }
    return runs;
}

QString CronSchedule::describe() const
{
    const CronField &minute = field(Kind::Minute);
    const CronField &hour = field(Kind::Hour);
    const bool everyDay = field(Kind::DayOfMonth).text() == QLatin1String("*")
        && field(Kind::Month).text() == QLatin1String("*") && field(Kind::DayOfWeek).text() == QLatin1String("*");
    const bool everyHour = hour.text() == QLatin1String("*");

    if (everyDay && everyHour) {
        if (minute.text() == QLatin1String("*") || starStep(minute.text()) == 1)
            return QStringLiteral("every minute");
        if (const int n = starStep(minute.text()); n > 1)
            return QStringLiteral("every %1 minutes").arg(n);
        if (minute.isSingleValue())
            return QStringLiteral("every hour at minute %1").arg(minute.values().first());
        return m_expression;
    }
    if (!minute.isSingleValue())
        return m_expression;
    const int m = minute.values().first();
    if (everyDay) {
        if (const int n = starStep(hour.text()); n > 0) {
            const QString every = n == 1 ? QStringLiteral("every hour") : QStringLiteral("every %1 hours").arg(n);
            return m == 0 ? every : every + QStringLiteral(" at minute %1").arg(m);
        }
    }
    // Specific times of day: "09:00", "09:00 and 17:00".
    static const QRegularExpression hourList(QStringLiteral("^[0-9,]+$"));
    if (!hourList.match(hour.text()).hasMatch() || hour.count() > 4)
        return m_expression;
    QStringList times;
    for (const int h : hour.values())
        times << twoDigits(h) + QLatin1Char(':') + twoDigits(m);
    const QString days = describeDays();
    if (days.isEmpty())
        return m_expression;
    return QStringLiteral("at ") + joinEnglish(times) + days;
}

// " every day", " on Monday to Friday", " on day 1 of the month"; empty when the day
// fields are not one of those shapes.
QString CronSchedule::describeDays() const
{
    const CronField &dom = field(Kind::DayOfMonth);
    const CronField &month = field(Kind::Month);
    const CronField &dow = field(Kind::DayOfWeek);
    const bool anyDom = dom.text() == QLatin1String("*");
    const bool anyMonth = month.text() == QLatin1String("*");
    const bool anyDow = dow.text() == QLatin1String("*");
    if ((!anyDom && !isPlainList(dom)) || (!anyMonth && !isPlainList(month)) || (!anyDow && !isPlainList(dow)))
        return {};

    const QString months = anyMonth ? QString() : joinRuns(month.values(), monthName);
    if (anyDom && anyDow)
        return anyMonth ? QStringLiteral(" every day") : QStringLiteral(" every day in ") + months;
    if (anyDom && anyMonth) {
        if (dow.count() == 7)
            return QStringLiteral(" every day");
        QList<int> iso;
        for (const int d : dow.values())
            iso.append(d == 0 ? 7 : d);
        std::sort(iso.begin(), iso.end());
        return QStringLiteral(" on ") + joinRuns(iso, isoDayName);
    }
    if (anyDow) {
        const QString days = (dom.count() == 1 ? QStringLiteral("day ") : QStringLiteral("days "))
            + joinRuns(dom.values(), [](int d) { return QString::number(d); });
        return QStringLiteral(" on ") + days
            + (anyMonth ? QStringLiteral(" of the month") : QStringLiteral(" of ") + months);
    }
    return {};
}

} // namespace Tidings::Server::Delivery
