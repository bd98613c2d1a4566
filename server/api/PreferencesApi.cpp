#include "api/PreferencesApi.h"

#include "api/ApiUtil.h"
#include "core/PreferencesService.h"
#include "http/HttpServer.h"
#include "store/Store.h"

namespace Tidings::Server {

namespace {

// The user whose preferences are meant: the caller, or ?userId= for admins.
Expected<QString> targetUser(const HttpRequest &req, Store &store)
{
    const QString other = req.queryValue(QStringLiteral("userId"));
    if (other.isEmpty() || other == req.auth().user.id)
        return req.auth().user.id;
    if (!req.auth().isAdmin())
        return ProtocolError::make(
            ErrorCode::Forbidden, QStringLiteral("only admins may read or change another user's preferences"));
    if (!store.userById(other))
        return ProtocolError {
            QLatin1String(ErrorCode::NotFound), QStringLiteral("user not found"), QStringLiteral("userId")};
    return other;
}

} // namespace

PreferencesApi::PreferencesApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    const QString path = QStringLiteral("/api/notifications/preferences");
    http.route(QHttpServerRequest::Method::Get, path, HttpServer::Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        Expected<QString> user = targetUser(req, m_ctx.store);
        if (!user)
            return HttpResponse::error(user.error());
        Expected<Preferences> prefs = m_ctx.preferences.get(user.value());
        return prefs ? HttpResponse::json(prefs->toJson()) : HttpResponse::error(prefs.error());
    });
    http.route(QHttpServerRequest::Method::Put, path, HttpServer::Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        Expected<QString> user = targetUser(req, m_ctx.store);
        if (!user)
            return HttpResponse::error(user.error());
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<Preferences> prefs = m_ctx.preferences.update(user.value(), body.value());
        return prefs ? HttpResponse::json(prefs->toJson()) : HttpResponse::error(prefs.error());
    });
}

} // namespace Tidings::Server
