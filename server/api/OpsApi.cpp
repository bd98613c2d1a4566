#include "api/OpsApi.h"

#include "api/ApiUtil.h"
#include "core/DeliveryPipeline.h"
#include "core/Metrics.h"
#include "core/ServerConfig.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"
#include "util/Clock.h"
#include "ws/WsHub.h"

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

QString OpsApi::smtpCheck() const
{
    // The email channel's circuit breaker knows: five consecutive connection or 4xx/5xx
    // failures open it, and it stays open until a probe gets through.
    if (m_ctx.config.email.host.isEmpty())
        return QStringLiteral("not configured");
    return m_ctx.pipeline.breakerState(QLatin1String(ChannelName::Email)) == Delivery::CircuitBreaker::State::Closed
        ? QStringLiteral("ok")
        : QStringLiteral("failing");
}

OpsApi::OpsApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    // The version is public, as the sign-in screens show it before anyone signs in.
    http.route(Method::Get, QStringLiteral("/healthz"), Access::Public, [](HttpRequest &) {
        return HttpResponse::json({{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("version"), QLatin1String(TIDINGS_VERSION)}});
    });

    http.route(Method::Get, QStringLiteral("/readyz"), Access::Public, [this](HttpRequest &) {
        const bool db = m_ctx.store.ping();
        // The bus and SMTP are optional on a single node: they report, they do not fail readiness.
        const QJsonObject checks {
            {QStringLiteral("db"), db ? QStringLiteral("ok") : QStringLiteral("failing")},
            {QStringLiteral("bus"), QStringLiteral("local")},
            {QStringLiteral("smtp"), smtpCheck()},
        };
        return HttpResponse::json(db ? 200 : 503,
            {{QStringLiteral("status"), db ? QStringLiteral("ready") : QStringLiteral("unavailable")},
                {QStringLiteral("checks"), checks}});
    });

    http.route(Method::Get, QStringLiteral("/metrics"), Access::Public, [this](HttpRequest &) {
        return HttpResponse::text(
            200, m_ctx.metrics.render(), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    });

    http.route(Method::Get, QStringLiteral("/api/admin/stats"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        return HttpResponse::json({
            {QStringLiteral("connections"), m_ctx.hub.connectionCount()},
            {QStringLiteral("connectedUsers"), m_ctx.hub.userCount()},
            {QStringLiteral("queueDepth"), m_ctx.metrics.queueDepth ? m_ctx.metrics.queueDepth() : 0},
            {QStringLiteral("uptimeSec"), m_ctx.metrics.uptimeSec()},
            {QStringLiteral("published"), m_ctx.metrics.publishedTotal()},
            {QStringLiteral("version"), QLatin1String(TIDINGS_VERSION)},
            {QStringLiteral("serverTime"), Json::formatTime(m_ctx.clock.now())},
        });
    });
}

} // namespace Tidings::Server
