#include "api/ApiUtil.h"

#include "auth/RateLimiter.h"
#include "protocol/WsFrame.h"

namespace Tidings::Server::ApiUtil {

Expected<qint64> intQuery(const HttpRequest &req, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!req.query().hasQueryItem(name))
        return fallback;
    const QString raw = req.queryValue(name);
    if (raw.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 v = raw.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return ProtocolError::validation(
            name, QStringLiteral("%1 must be an integer between %2 and %3").arg(name).arg(min).arg(max));
    return v;
}

Expected<PageQuery> pageQuery(const HttpRequest &req, qint64 defaultLimit, qint64 maxLimit)
{
    const Expected<qint64> page = intQuery(req, QStringLiteral("page"), 1, 1, 1000000);
    if (!page)
        return page.error();
    const Expected<qint64> limit = intQuery(req, QStringLiteral("limit"), defaultLimit, 1, maxLimit);
    if (!limit)
        return limit.error();
    return PageQuery {page.value(), limit.value()};
}

QJsonObject paginationJson(qint64 page, qint64 limit, qint64 total)
{
    const qint64 totalPages = (total + limit - 1) / limit;
    return QJsonObject {{QStringLiteral("page"), page}, {QStringLiteral("limit"), limit},
        {QStringLiteral("total"), total}, {QStringLiteral("totalPages"), totalPages},
        {QStringLiteral("hasNext"), page < totalPages}};
}

std::optional<HttpResponse> requireAdmin(const HttpRequest &req)
{
    if (req.auth().isAdmin())
        return std::nullopt;
    return HttpResponse::error(ErrorCode::Forbidden, QStringLiteral("this needs the admin role"));
}

std::optional<HttpResponse> requireRead(const HttpRequest &req)
{
    if (req.auth().canRead())
        return std::nullopt;
    return HttpResponse::error(ErrorCode::Forbidden, QStringLiteral("this token lacks the read scope"));
}

std::optional<HttpResponse> rateLimit(RateLimiter &limiter, const QString &key, qint64 nowMs)
{
    const RateLimiter::Decision d = limiter.take(key, nowMs);
    if (d.allowed)
        return std::nullopt;
    return HttpResponse::rateLimited(d.retryAfterSec);
}

QString addressKey(const HttpRequest &req)
{
    return QStringLiteral("ip:") + req.peer().toString();
}

Expected<QStringList> idsFromBody(const HttpRequest &req)
{
    Expected<QJsonObject> body = req.json();
    if (!body)
        return body.error();
    return parseIds(body.value());
}

} // namespace Tidings::Server::ApiUtil
