#include "protocol/Priority.h"

#include <cmath>
#include <optional>

namespace Tidings {

namespace {

std::optional<Priority> fromLevel(qint64 level)
{
    switch (level) {
    case 1:
    case 2:
        return Priority::Low;
    case 3:
        return Priority::Normal;
    case 4:
        return Priority::High;
    case 5:
        return Priority::Urgent;
    default:
        return std::nullopt;
    }
}

std::optional<Priority> fromWord(const QString &raw)
{
    const QString word = raw.trimmed().toLower();
    if (word == QLatin1String("low"))
        return Priority::Low;
    if (word == QLatin1String("normal") || word == QLatin1String("medium"))
        return Priority::Normal;
    if (word == QLatin1String("high"))
        return Priority::High;
    if (word == QLatin1String("urgent") || word == QLatin1String("critical"))
        return Priority::Urgent;
    // Form fields and shell scripts send numbers as text ("priority=5").
    bool isNumber = false;
    const qint64 level = word.toLongLong(&isNumber);
    return isNumber ? fromLevel(level) : std::nullopt;
}

} // namespace

QString priorityToString(Priority p)
{
    switch (p) {
    case Priority::Low:
        return QStringLiteral("low");
    case Priority::Normal:
        break;
    case Priority::High:
        return QStringLiteral("high");
    case Priority::Urgent:
        return QStringLiteral("urgent");
    }
    return QStringLiteral("normal");
}

Expected<Priority> priorityFromJson(const QJsonValue &v, const QString &field)
{
    std::optional<Priority> p;
    if (v.isString()) {
        p = fromWord(v.toString());
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        // 4.0 is the integer 4 in JSON; 4.5 is not a level.
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 1e9)
            p = fromLevel(static_cast<qint64>(d));
    }
    if (p)
        return *p;
    return ProtocolError::validation(field,
        field + QStringLiteral(" must be one of low, normal, high, urgent (or medium, critical) or an integer 1-5"));
}

} // namespace Tidings
