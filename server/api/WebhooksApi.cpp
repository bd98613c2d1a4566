#include "api/WebhooksApi.h"

#include "api/ApiUtil.h"
#include "auth/TokenCrypto.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "protocol/Notification.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QUrl>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

constexpr int kMaxUrlLength = 2048;

std::optional<ProtocolError> checkUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.size() > kMaxUrlLength)
        return ProtocolError::validation(
            QStringLiteral("url"), QStringLiteral("url is longer than %1 characters").arg(kMaxUrlLength));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return ProtocolError::validation(
            QStringLiteral("url"), QStringLiteral("url must be an absolute http or https URL"));
    if (!url.userInfo().isEmpty())
        return ProtocolError::validation(QStringLiteral("url"),
            QStringLiteral("url must not carry a user name or password; the signature authenticates"));
    return std::nullopt;
}

} // namespace

WebhooksApi::WebhooksApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/webhooks"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        QJsonArray out;
        for (const Webhook &w : m_ctx.store.webhooks(req.auth().user.id))
            out.append(w.toJson());
        return HttpResponse::json({{QStringLiteral("webhooks"), out}});
    });

    http.route(Method::Put, QStringLiteral("/api/webhooks"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        Expected<std::optional<QString>> url = Json::optString(body.value(), QStringLiteral("url"));
        if (!url)
            return HttpResponse::error(url.error());
        if (!url->has_value())
            return HttpResponse::error(ErrorCode::Validation, QStringLiteral("url is required"), QStringLiteral("url"));
        if (std::optional<ProtocolError> bad = checkUrl(url->value()))
            return HttpResponse::error(*bad);
        Expected<std::optional<QString>> topic = Json::optString(body.value(), QStringLiteral("topic"));
        if (!topic)
            return HttpResponse::error(topic.error());
        const QString topicName = topic->value_or(QString());
        if (!topicName.isEmpty() && !isValidTopicName(topicName))
            return HttpResponse::error(ErrorCode::Validation, QStringLiteral("topic must match ^[A-Za-z0-9_-]{1,64}$"),
                QStringLiteral("topic"));

        const QString userId = req.auth().user.id;
        const std::optional<Webhook> existing = [&]() -> std::optional<Webhook> {
            for (const Webhook &w : m_ctx.store.webhooks(userId)) {
                if (w.topic == topicName)
                    return w;
            }
            return std::nullopt;
        }();
        Webhook hook = existing.value_or(Webhook {});
        if (!existing) {
            hook.id = TokenCrypto::newId();
            hook.userId = userId;
            hook.topic = topicName;
            hook.secret = "whsec_" + TokenCrypto::base64Url(TokenCrypto::randomBytes(32));
            hook.createdAt = m_ctx.clock.now();
        }
        hook.url = url->value();
        if (!m_ctx.store.upsertWebhook(hook))
            return HttpResponse::error(
                ErrorCode::Unavailable, QStringLiteral("the database is not available; the webhook was not saved"));
        return HttpResponse::json(existing ? 200 : 201, hook.toJson());
    });

    http.route(Method::Delete, QStringLiteral("/api/webhooks/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        if (!m_ctx.store.deleteWebhook(req.auth().user.id, req.param(0)))
            return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("no webhook '%1'").arg(req.param(0)));
        return HttpResponse::noContent();
    });
}

} // namespace Tidings::Server
