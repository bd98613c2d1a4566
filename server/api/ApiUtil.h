#pragma once

#include "http/HttpTypes.h"

#include <QJsonObject>

#include <optional>

namespace Tidings::Server {

class RateLimiter;

namespace ApiUtil {

// An integer query parameter in [min, max]; absent -> fallback; anything else a
// VALIDATION_ERROR naming the parameter.
[[nodiscard]] Expected<qint64> intQuery(
    const HttpRequest &req, const QString &name, qint64 fallback, qint64 min, qint64 max);

// ?page= (from 1) and ?limit= (1..maxLimit, `defaultLimit` when absent) of a list.
struct PageQuery
{
    qint64 page = 1;
    qint64 limit = 20;
    [[nodiscard]] qint64 offset() const { return (page - 1) * limit; }
};
[[nodiscard]] Expected<PageQuery> pageQuery(const HttpRequest &req, qint64 defaultLimit, qint64 maxLimit);
// PROTOCOL.md's {page, limit, total, totalPages, hasNext}.
[[nodiscard]] QJsonObject paginationJson(qint64 page, qint64 limit, qint64 total);

// nullopt when allowed, else the 403 to return.
[[nodiscard]] std::optional<HttpResponse> requireAdmin(const HttpRequest &req);
// Reading the caller's own inbox: users always, API tokens with scope read.
[[nodiscard]] std::optional<HttpResponse> requireRead(const HttpRequest &req);

// nullopt when `key` may go on, else the 429 to return.
[[nodiscard]] std::optional<HttpResponse> rateLimit(RateLimiter &limiter, const QString &key, qint64 nowMs);

// The client address as a rate-limit key ("ip:127.0.0.1").
[[nodiscard]] QString addressKey(const HttpRequest &req);

// The ids in {ids:[...]} or the single id of the path.
[[nodiscard]] Expected<QStringList> idsFromBody(const HttpRequest &req);

} // namespace ApiUtil
} // namespace Tidings::Server
