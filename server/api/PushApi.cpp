#include "api/PushApi.h"

#include "channels/VapidKeys.h"
#include "http/HttpServer.h"

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

PushApi::PushApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/push/vapid-public-key"), Access::Public, [this](HttpRequest &) {
        if (!m_ctx.vapid)
            return HttpResponse::error(ErrorCode::Unavailable,
                QStringLiteral("Web Push is not available: the VAPID key could not be loaded (see the server log)"));
        return HttpResponse::json({{QStringLiteral("publicKey"), m_ctx.vapid->publicKeyBase64Url()}});
    });
}

} // namespace Tidings::Server
