#include "delivery/RetryPolicy.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace Tidings::Server::Delivery {

RetryPolicy::RetryPolicy()
    : RetryPolicy(defaultSchedule())
{
}

RetryPolicy::RetryPolicy(QList<qint64> scheduleMs, qint64 maxRetryAfterMs)
    : m_schedule(std::move(scheduleMs))
    , m_maxRetryAfterMs(std::max<qint64>(0, maxRetryAfterMs))
{
    for (qint64 &d : m_schedule)
        d = std::max<qint64>(0, d);
}

QList<qint64> RetryPolicy::defaultSchedule()
{
    return {1'000, 5'000, 30'000, 5 * 60'000, 30 * 60'000};
}

std::optional<qint64> RetryPolicy::delayMs(int attempt, std::optional<qint64> retryAfterMs) const
{
    if (attempt < 1 || attempt > m_schedule.size())
        return std::nullopt;
    const qint64 scheduled = m_schedule[attempt - 1];
    if (retryAfterMs && *retryAfterMs > scheduled)
        return std::max(scheduled, std::min(*retryAfterMs, m_maxRetryAfterMs));
    return scheduled;
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // More digits than a qint64 of ms can hold is a broken header; any sane cap
        // applies long before, so saturate instead of failing.
        if (v.size() > 12)
            return std::numeric_limits<qint64>::max() / 2;
        return v.toLongLong() * 1000;
    }
    // RFC 9110 IMF-fixdate; the obsolete RFC 850 and asctime forms are not worth the code.
    const QDateTime when
        = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    const QDateTime whenUtc(when.date(), when.time(), Qt::UTC);
    return std::max<qint64>(0, nowUtc.msecsTo(whenUtc));
}

} // namespace Tidings::Server::Delivery
