#include "api/AdminUsersApi.h"

#include "api/ApiUtil.h"
#include "auth/TokenCrypto.h"
#include "core/Fanout.h"
#include "core/LocaleTag.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "protocol/PublishRequest.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

// displayName, email, role, disabled, locale from a create or update body.
std::optional<ProtocolError> applyUserFields(User &user, const QJsonObject &body)
{
    Expected<std::optional<QString>> displayName = Json::optString(body, QStringLiteral("displayName"));
    Expected<std::optional<QString>> email = Json::optString(body, QStringLiteral("email"));
    Expected<std::optional<QString>> role = Json::optString(body, QStringLiteral("role"));
    Expected<std::optional<bool>> disabled = Json::optBool(body, QStringLiteral("disabled"));
    if (!displayName)
        return displayName.error();
    if (!email)
        return email.error();
    if (!role)
        return role.error();
    if (!disabled)
        return disabled.error();
    if (displayName->has_value()) {
        if (displayName->value().size() > 100)
            return ProtocolError::validation(
                QStringLiteral("displayName"), QStringLiteral("displayName is longer than 100 characters"));
        user.displayName = displayName->value();
    }
    if (email->has_value()) {
        const QString e = email->value().trimmed();
        if (!e.isEmpty()
            && (e.size() > 254 || !e.contains(QLatin1Char('@')) || e.startsWith(QLatin1Char('@'))
                || e.endsWith(QLatin1Char('@'))))
            return ProtocolError::validation(QStringLiteral("email"), QStringLiteral("email is not an email address"));
        user.email = e;
    }
    if (role->has_value()) {
        if (!userRoles().contains(role->value()))
            return ProtocolError::validation(
                QStringLiteral("role"), QStringLiteral("role must be admin, publisher or user"));
        user.role = role->value();
    }
    if (disabled->has_value())
        user.disabled = disabled->value();
    Expected<std::optional<QString>> locale = Json::optString(body, QStringLiteral("locale"));
    if (!locale)
        return locale.error();
    if (locale->has_value()) {
        const std::optional<QString> tag = LocaleTag::canonical(locale->value().trimmed());
        if (!tag)
            return ProtocolError::validation(QStringLiteral("locale"),
                QStringLiteral("locale must be a language tag such as de or pt-BR, or empty for the default"));
        user.locale = *tag;
    }
    return std::nullopt;
}

} // namespace

AdminUsersApi::AdminUsersApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/admin/users"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        const Expected<ApiUtil::PageQuery> page = ApiUtil::pageQuery(req, 50, 500);
        if (!page)
            return HttpResponse::error(page.error());
        const QString q = req.queryValue(QStringLiteral("q"));
        const qint64 total = m_ctx.store.countUsers(q);
        QJsonArray users;
        const QList<User> list = m_ctx.store.listUsers(q, int(page->offset()), int(page->limit));
        for (const User &u : list)
            users.append(u.toJson());
        return HttpResponse::json({
            {QStringLiteral("users"), users},
            {QStringLiteral("pagination"), ApiUtil::paginationJson(page->page, page->limit, total)},
        });
    });

    http.route(Method::Post, QStringLiteral("/api/admin/users"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<std::optional<QString>> username = Json::optString(body.value(), QStringLiteral("username"));
        Expected<std::optional<QString>> password = Json::optString(body.value(), QStringLiteral("password"));
        if (!username)
            return HttpResponse::error(username.error());
        if (!password)
            return HttpResponse::error(password.error());
        User user;
        user.username = username->value_or(QString());
        if (std::optional<ProtocolError> err = applyUserFields(user, body.value()))
            return HttpResponse::error(*err);
        // Without a password the admin gets a generated one, shown once.
        const bool generated = !password->has_value() || password->value().isEmpty();
        const QString secret
            = generated ? QString::fromLatin1(TokenCrypto::base64Url(TokenCrypto::randomBytes(15))) : password->value();
        Expected<User> created = m_ctx.auth.createUser(user, secret);
        if (!created)
            return HttpResponse::error(created.error());
        QJsonObject out = created->toJson();
        if (generated)
            out.insert(QStringLiteral("password"), secret);
        return HttpResponse::json(201, out);
    });

    http.route(Method::Get, QStringLiteral("/api/admin/users/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        const std::optional<User> user = m_ctx.store.userById(req.param(0));
        if (!user)
            return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("user not found"));
        QJsonObject out = user->toJson();
        out.insert(QStringLiteral("topics"), QJsonArray::fromStringList(m_ctx.store.subscriptions(user->id)));
        return HttpResponse::json(out);
    });

    auto update = [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        std::optional<User> user = m_ctx.store.userById(req.param(0));
        if (!user)
            return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("user not found"));
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        const bool wasDisabled = user->disabled;
        if (std::optional<ProtocolError> err = applyUserFields(*user, body.value()))
            return HttpResponse::error(*err);
        if (user->id == req.auth().user.id && (user->disabled || user->role != QLatin1String(Role::Admin)))
            return HttpResponse::error(
                ErrorCode::Conflict, QStringLiteral("admins cannot disable or demote themselves"));
        if (!m_ctx.store.updateUser(*user))
            return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
        if (user->disabled && !wasDisabled) {
            // A disabled account is signed out everywhere at once.
            (void)m_ctx.store.revokeUserRefreshTokens(user->id, m_ctx.clock.now());
            m_ctx.fanout.disconnectUser(user->id, QStringLiteral("account disabled"));
        }
        return HttpResponse::json(user->toJson());
    };
    http.route(Method::Patch, QStringLiteral("/api/admin/users/:id"), Access::Authenticated, update);
    http.route(Method::Put, QStringLiteral("/api/admin/users/:id"), Access::Authenticated, update);

    http.route(Method::Post, QStringLiteral("/api/admin/users/:id/reset-password"), Access::Authenticated,
        [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            const std::optional<User> user = m_ctx.store.userById(req.param(0));
            if (!user)
                return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("user not found"));
            Expected<QJsonObject> body = req.json();
            if (!body)
                return HttpResponse::error(body.error());
            Expected<std::optional<QString>> password = Json::optString(body.value(), QStringLiteral("password"));
            if (!password)
                return HttpResponse::error(password.error());
            const bool generated = !password->has_value() || password->value().isEmpty();
            const QString secret = generated ? QString::fromLatin1(TokenCrypto::base64Url(TokenCrypto::randomBytes(15)))
                                             : password->value();
            if (secret.size() < 8)
                return HttpResponse::error(ErrorCode::Validation,
                    QStringLiteral("password must have at least 8 characters"), QStringLiteral("password"));
            if (!m_ctx.auth.setPassword(user->id, secret))
                return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
            (void)m_ctx.store.revokeUserRefreshTokens(user->id, m_ctx.clock.now());
            QJsonObject out {{QStringLiteral("id"), user->id}};
            if (generated)
                out.insert(QStringLiteral("password"), secret);
            return HttpResponse::json(out);
        });
}

} // namespace Tidings::Server
