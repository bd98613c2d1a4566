#include "api/DevicesApi.h"

#include "channels/P256Key.h"

#include "api/ApiUtil.h"
#include "auth/TokenCrypto.h"
#include "core/ServerConfig.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QUrl>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

// `allowPlainHttp` is the test-only [delivery] pushAllowPlainHttp: real push services
// are https only, and refusing plain http keeps the server from being pointed at
// internal addresses.
std::optional<ProtocolError> checkPushSubscription(const QJsonObject &sub, bool allowPlainHttp)
{
    const QUrl endpoint(sub.value(QStringLiteral("endpoint")).toString());
    const bool schemeOk
        = endpoint.scheme() == QLatin1String("https") || (allowPlainHttp && endpoint.scheme() == QLatin1String("http"));
    if (!endpoint.isValid() || !schemeOk || endpoint.host().isEmpty())
        return ProtocolError::validation(QStringLiteral("pushSubscription.endpoint"),
            QStringLiteral("pushSubscription.endpoint must be an https URL"));
    const QJsonObject keys = sub.value(QStringLiteral("keys")).toObject();
    for (const char *k : {"p256dh", "auth"}) {
        if (keys.value(QLatin1String(k)).toString().isEmpty())
            return ProtocolError::validation(QStringLiteral("pushSubscription.keys.") + QLatin1String(k),
                QStringLiteral("pushSubscription.keys.%1 is required").arg(QLatin1String(k)));
    }
    // Checked now rather than at the first push, which could only fail for good.
    auto decode = [&](const char *k) {
        return QByteArray::fromBase64(keys.value(QLatin1String(k)).toString().toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    if (!Channels::P256Key::fromPublicPoint(decode("p256dh")))
        return ProtocolError::validation(QStringLiteral("pushSubscription.keys.p256dh"),
            QStringLiteral("pushSubscription.keys.p256dh must be a base64url P-256 public key (65 bytes)"));
    if (decode("auth").size() != 16)
        return ProtocolError::validation(QStringLiteral("pushSubscription.keys.auth"),
            QStringLiteral("pushSubscription.keys.auth must be a base64url 16-byte secret"));
    return std::nullopt;
}

} // namespace

DevicesApi::DevicesApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/devices"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        QJsonArray out;
        const QList<Device> devices = m_ctx.store.devices(req.auth().user.id);
        for (const Device &d : devices) {
            QJsonObject o = d.toJson();
            o.insert(QStringLiteral("current"), d.id == req.auth().deviceId);
            out.append(o);
        }
        return HttpResponse::json({{QStringLiteral("devices"), out}});
    });

    http.route(Method::Post, QStringLiteral("/api/devices"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        const QJsonObject &b = body.value();
        Expected<std::optional<QString>> id = Json::optString(b, QStringLiteral("deviceId"));
        Expected<std::optional<QString>> name = Json::optString(b, QStringLiteral("name"));
        Expected<std::optional<QString>> platform = Json::optString(b, QStringLiteral("platform"));
        for (const auto *e : {&id, &name, &platform}) {
            if (!*e)
                return HttpResponse::error(e->error());
        }
        if (id->value_or(QString()).size() > 128)
            return HttpResponse::error(ErrorCode::Validation, QStringLiteral("deviceId is longer than 128 characters"),
                QStringLiteral("deviceId"));
        if (name->value_or(QString()).size() > 100)
            return HttpResponse::error(
                ErrorCode::Validation, QStringLiteral("name is longer than 100 characters"), QStringLiteral("name"));
        const QJsonValue push = b.value(QStringLiteral("pushSubscription"));
        if (!push.isUndefined() && !push.isNull() && !push.isObject())
            return HttpResponse::error(ErrorCode::Validation, QStringLiteral("pushSubscription must be an object"),
                QStringLiteral("pushSubscription"));
        if (push.isObject()) {
            if (std::optional<ProtocolError> err
                = checkPushSubscription(push.toObject(), m_ctx.config.pushAllowPlainHttp))
                return HttpResponse::error(*err);
        }

        const QString userId = req.auth().user.id;
        Device d;
        d.id = id->value_or(QString());
        if (d.id.isEmpty())
            d.id = req.auth().deviceId.isEmpty() ? TokenCrypto::newId() : req.auth().deviceId;
        const std::optional<Device> existing = m_ctx.store.device(userId, d.id);
        d.userId = userId;
        d.name = name->value_or(existing ? existing->name : QStringLiteral("unnamed device"));
        d.platform = platform->value_or(existing ? existing->platform : QString());
        d.pushSubscription
            = push.isObject() ? push.toObject() : (existing ? existing->pushSubscription : QJsonObject());
        d.createdAt = existing ? existing->createdAt : m_ctx.clock.now();
        d.lastSeenAt = m_ctx.clock.now();
        if (!m_ctx.store.upsertDevice(d))
            return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
        return HttpResponse::json(existing ? 200 : 201, d.toJson());
    });

    http.route(Method::Delete, QStringLiteral("/api/devices/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        const QString userId = req.auth().user.id;
        if (!m_ctx.store.deleteDevice(userId, req.param(0)))
            return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("device not found"));
        // A removed device must not keep a way back in.
        (void)m_ctx.store.revokeDeviceRefreshTokens(userId, req.param(0), m_ctx.clock.now());
        return HttpResponse::noContent();
    });
}

} // namespace Tidings::Server
