#pragma once

#include "http/HttpTypes.h"

#include <optional>

namespace Tidings::Server {

class RateLimiter;

namespace ApiUtil {

// An integer query parameter in [min, max]; absent -> fallback; anything else a
// VALIDATION_ERROR naming the parameter.
[[nodiscard]] Expected<qint64> intQuery(
    const HttpRequest &req, const QString &name, qint64 fallback, qint64 min, qint64 max);

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
