#include "core/RelativeTime.h"

#include <QLocale>

namespace Tidings::App {

QString RelativeTime::format(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    const qint64 secs = local.secsTo(localNow);
    if (secs < 60) // also a clock slightly behind the server's
        return tr("just now");
    if (secs < 3600)
        return tr("%n min ago", nullptr, int(secs / 60));
    const qint64 days = local.date().daysTo(localNow.date());
    if (days == 0)
        return tr("%n h ago", nullptr, int(secs / 3600));
    if (days == 1)
        return tr("yesterday");
    const QLocale locale;
    if (days < 7)
        return locale.dayName(local.date().dayOfWeek(), QLocale::LongFormat);
    if (local.date().year() == localNow.date().year())
        return locale.toString(local.date(), tr("d MMM", "a date in this year"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString RelativeTime::exact(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::LongFormat);
}

} // namespace Tidings::App
