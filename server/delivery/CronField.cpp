#include "delivery/CronField.h"

#include <QStringList>

namespace Tidings::Server::Delivery {

namespace {

const char *const MonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const DayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

// Steps beyond this are almost certainly typos; the cap also keeps the arithmetic small.
constexpr int MaxStep = 1000;

bool isDigits(const QString &s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

QString CronField::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Minute:
        return QStringLiteral("minute");
    case Kind::Hour:
        return QStringLiteral("hour");
    case Kind::DayOfMonth:
        return QStringLiteral("day-of-month");
    case Kind::Month:
        return QStringLiteral("month");
    case Kind::DayOfWeek:
        return QStringLiteral("day-of-week");
    }
    return {};
}

int CronField::minimum(Kind kind)
{
    return (kind == Kind::DayOfMonth || kind == Kind::Month) ? 1 : 0;
}

int CronField::maximum(Kind kind)
{
    switch (kind) {
    case Kind::Minute:
        return 59;
    case Kind::Hour:
        return 23;
    case Kind::DayOfMonth:
        return 31;
    case Kind::Month:
        return 12;
    case Kind::DayOfWeek:
        return 7;
    }
    return 0;
}

Expected<CronField> CronField::parse(const QString &text, Kind kind)
{
    CronField field(kind, text);
    const QString name = kindName(kind);
    if (text.isEmpty())
        return ProtocolError::validation({}, name + QStringLiteral(": is empty"));
    for (const QString &element : text.split(QLatin1Char(','))) {
        const QString error = field.addElement(element);
        if (!error.isEmpty())
            return ProtocolError::validation({}, name + QStringLiteral(": ") + error);
    }
    if (kind == Kind::DayOfWeek && field.contains(7)) {
        // 7 is another spelling of Sunday; keep one bit per day.
        field.m_bits &= ~(quint64(1) << 7);
        field.m_bits |= 1U;
    }
    return field;
}

QString CronField::addElement(const QString &element)
{
    if (element.isEmpty())
        return QStringLiteral("empty list element");

    const int lo = minimum(m_kind);
    const int hi = maximum(m_kind);
    QString range = element;
    int step = 1;
    bool hasStep = false;
    if (const int slash = element.indexOf(QLatin1Char('/')); slash >= 0) {
        range = element.left(slash);
        const QString stepText = element.mid(slash + 1);
        if (!isDigits(stepText))
            return QStringLiteral("step '%1' is not a number").arg(stepText);
        step = stepText.size() <= 4 ? stepText.toInt() : MaxStep + 1;
        if (step < 1 || step > MaxStep)
            return QStringLiteral("step %1 is out of range 1-%2").arg(stepText).arg(MaxStep);
        hasStep = true;
    }

    int first = lo;
    int last = hi;
    if (range == QLatin1String("*")) {
        // Weekday `*` means 0-6; 7 would only duplicate Sunday.
        if (m_kind == Kind::DayOfWeek)
            last = 6;
    } else {
        const int dash = range.indexOf(QLatin1Char('-'));
        const QString firstText = dash >= 0 ? range.left(dash) : range;
        if (dash >= 0 && (dash == 0 || dash == range.size() - 1))
            return QStringLiteral("'%1' is not a valid range").arg(range);
        bool ok = false;
        QString error;
        first = parseValue(firstText, &ok, &error);
        if (!ok)
            return error;
        if (dash >= 0) {
            last = parseValue(range.mid(dash + 1), &ok, &error);
            if (!ok)
                return error;
            if (last < first)
                return QStringLiteral("range %1 runs backwards").arg(range);
        } else if (!hasStep) {
            last = first;
        }
        // `a/step` (no dash) runs from a to the maximum, as cronie and most libraries do.
    }

    for (int v = first; v <= last; v += step)
        m_bits |= quint64(1) << v;
    return {};
}

int CronField::parseValue(const QString &token, bool *ok, QString *error) const
{
    *ok = false;
    const int lo = minimum(m_kind);
    const int hi = maximum(m_kind);
    if (isDigits(token)) {
        bool parsed = false;
        const int v = token.size() <= 4 ? token.toInt(&parsed) : -1;
        if (!parsed || v < lo || v > hi) {
            *error = QStringLiteral("%1 is out of range %2-%3").arg(token).arg(lo).arg(hi);
            return 0;
        }
        *ok = true;
        return v;
    }
    const QString upper = token.toUpper();
    if (m_kind == Kind::Month) {
        for (int i = 0; i < 12; ++i) {
            if (upper == QLatin1String(MonthNames[i])) {
                *ok = true;
                return i + 1;
            }
        }
        *error = QStringLiteral("'%1' is not a number or month name (JAN-DEC)").arg(token);
        return 0;
    }
    if (m_kind == Kind::DayOfWeek) {
        for (int i = 0; i < 7; ++i) {
            if (upper == QLatin1String(DayNames[i])) {
                *ok = true;
                return i;
            }
        }
        *error = QStringLiteral("'%1' is not a number or weekday name (SUN-SAT)").arg(token);
        return 0;
    }
    *error = QStringLiteral("'%1' is not a number").arg(token);
    return 0;
}

QList<int> CronField::values() const
{
    QList<int> out;
    for (int v = 0; v < 64; ++v) {
        if (contains(v))
            out.append(v);
    }
    return out;
}

int CronField::count() const
{
    int n = 0;
    for (quint64 b = m_bits; b; b &= b - 1)
        ++n;
    return n;
}

} // namespace Tidings::Server::Delivery
