#include "api/AuthApi.h"

#include "api/ApiUtil.h"
#include "auth/AuthService.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "util/Clock.h"

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

AuthApi::AuthApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Post, QStringLiteral("/api/auth/login"), Access::Public, [this](HttpRequest &req) {
        if (auto limited = ApiUtil::rateLimit(m_ctx.loginPerAddress, ApiUtil::addressKey(req), m_ctx.clock.nowMs()))
            return *limited;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<std::optional<QString>> username = Json::optString(body.value(), QStringLiteral("username"));
        Expected<std::optional<QString>> password = Json::optString(body.value(), QStringLiteral("password"));
        Expected<std::optional<QString>> deviceId = Json::optString(body.value(), QStringLiteral("deviceId"));
        Expected<std::optional<QString>> deviceName = Json::optString(body.value(), QStringLiteral("deviceName"));
        for (const auto *e : {&username, &password, &deviceId, &deviceName}) {
            if (!*e)
                return HttpResponse::error(e->error());
        }
        if (!username->has_value() || username->value().isEmpty())
            return HttpResponse::error(
                ErrorCode::Validation, QStringLiteral("username is required"), QStringLiteral("username"));
        if (!password->has_value() || password->value().isEmpty())
            return HttpResponse::error(
                ErrorCode::Validation, QStringLiteral("password is required"), QStringLiteral("password"));
        const QString device = deviceId->value_or(QString());
        if (device.size() > 128)
            return HttpResponse::error(ErrorCode::Validation, QStringLiteral("deviceId is longer than 128 characters"),
                QStringLiteral("deviceId"));
        const HttpReply reply = req.defer();
        m_ctx.auth.loginAsync(username->value(), password->value(), device, deviceName->value_or(QString()), &m_context,
            [reply](const Expected<LoginResult> &result) {
                reply.send(result ? HttpResponse::json(result->toJson()) : HttpResponse::error(result.error()));
            });
        return HttpResponse::deferred();
    });

    http.route(Method::Post, QStringLiteral("/api/auth/refresh"), Access::Public, [this](HttpRequest &req) {
        if (auto limited = ApiUtil::rateLimit(m_ctx.loginPerAddress, ApiUtil::addressKey(req), m_ctx.clock.nowMs()))
            return *limited;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<std::optional<QString>> token = Json::optString(body.value(), QStringLiteral("refreshToken"));
        if (!token)
            return HttpResponse::error(token.error());
        if (!token->has_value() || token->value().isEmpty())
            return HttpResponse::error(
                ErrorCode::Validation, QStringLiteral("refreshToken is required"), QStringLiteral("refreshToken"));
        Expected<LoginResult> result = m_ctx.auth.refresh(token->value());
        if (!result)
            return HttpResponse::error(result.error());
        return HttpResponse::json(result->toJson());
    });

    http.route(Method::Post, QStringLiteral("/api/auth/logout"), Access::Authenticated, [this](HttpRequest &req) {
        m_ctx.auth.logout(req.auth());
        return HttpResponse::noContent();
    });

    http.route(Method::Get, QStringLiteral("/api/auth/me"), Access::Authenticated, [](HttpRequest &req) {
        QJsonObject me = req.auth().user.toJson();
        me.insert(QStringLiteral("deviceId"), req.auth().deviceId);
        return HttpResponse::json(me);
    });
}

} // namespace Tidings::Server
