#include "api/TokensApi.h"

#include "api/ApiUtil.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

// Tokens are managed by signed-in users; a token cannot mint or revoke tokens
// unless it carries the admin scope.
std::optional<HttpResponse> requireTokenManager(const HttpRequest &req)
{
    const AuthContext &c = req.auth();
    if (c.kind == AuthContext::Kind::User || c.scopes.contains(QStringLiteral("admin")))
        return std::nullopt;
    return HttpResponse::error(
        ErrorCode::Forbidden, QStringLiteral("API tokens are managed by a signed-in user or an admin token"));
}

// Who a token acts as, so that an admin's list of everyone's tokens reads by name.
QJsonObject ownerJson(const User &user)
{
    return {{QStringLiteral("id"), user.id}, {QStringLiteral("username"), user.username},
        {QStringLiteral("displayName"), user.displayName}};
}

} // namespace

TokensApi::TokensApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Post, QStringLiteral("/api/tokens"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = requireTokenManager(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<std::optional<QString>> name = Json::optString(body.value(), QStringLiteral("name"));
        Expected<std::optional<QStringList>> scopes = Json::optStringList(body.value(), QStringLiteral("scopes"));
        Expected<std::optional<QStringList>> topics = Json::optStringList(body.value(), QStringLiteral("topics"));
        if (!name)
            return HttpResponse::error(name.error());
        if (!scopes)
            return HttpResponse::error(scopes.error());
        if (!topics)
            return HttpResponse::error(topics.error());
        const Expected<QDateTime> expiresAt
            = Json::parseTime(body->value(QStringLiteral("expiresAt")), QStringLiteral("expiresAt"));
        if (!expiresAt)
            return HttpResponse::error(expiresAt.error());
        Expected<std::pair<ApiToken, QString>> created
            = m_ctx.auth.createApiToken(req.auth().user, name->value_or(QString()), scopes->value_or(QStringList()),
                topics->value_or(QStringList()), expiresAt.value());
        if (!created)
            return HttpResponse::error(created.error());
        QJsonObject out = created->first.toJson();
        out.insert(QStringLiteral("owner"), ownerJson(req.auth().user));
        out.insert(QStringLiteral("token"), created->second);
        return HttpResponse::json(201, out);
    });

    http.route(Method::Get, QStringLiteral("/api/tokens"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = requireTokenManager(req))
            return *denied;
        // Admins may list every user's tokens with ?all=true.
        const bool all = req.queryValue(QStringLiteral("all")) == QLatin1String("true") && req.auth().isAdmin();
        QJsonArray out;
        const QList<ApiToken> tokens = m_ctx.store.apiTokens(all ? QString() : req.auth().user.id);
        QHash<QString, QJsonObject> owners; // a few owners hold most tokens: one lookup each
        for (const ApiToken &t : tokens) {
            auto owner = owners.find(t.userId);
            if (owner == owners.end()) {
                const std::optional<User> user = m_ctx.store.userById(t.userId);
                owner
                    = owners.insert(t.userId, user ? ownerJson(*user) : QJsonObject {{QStringLiteral("id"), t.userId}});
            }
            QJsonObject o = t.toJson();
            o.insert(QStringLiteral("owner"), *owner);
            out.append(o);
        }
        return HttpResponse::json({{QStringLiteral("tokens"), out}});
    });

    http.route(Method::Delete, QStringLiteral("/api/tokens/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = requireTokenManager(req))
            return *denied;
        const std::optional<ApiToken> token = m_ctx.store.apiToken(req.param(0));
        // Someone else's token is reported as absent, not as forbidden: ids are not disclosed.
        if (!token || (token->userId != req.auth().user.id && !req.auth().isAdmin()))
            return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("token not found"));
        if (!m_ctx.store.deleteApiToken(token->id))
            return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
        return HttpResponse::noContent();
    });
}

} // namespace Tidings::Server
