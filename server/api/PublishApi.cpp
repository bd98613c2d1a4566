#include "api/PublishApi.h"

#include "api/ApiUtil.h"
#include "core/PublishService.h"
#include "http/HttpServer.h"
#include "protocol/PublishRequest.h"
#include "util/Clock.h"

namespace Tidings::Server {

PublishApi::PublishApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(QHttpServerRequest::Method::Post, QStringLiteral("/api/notifications"),
        HttpServer::Access::Authenticated, [this](HttpRequest &req) {
            const AuthContext &caller = req.auth();
            if (!caller.hasPublishScope())
                return HttpResponse::error(ErrorCode::Forbidden, QStringLiteral("this token lacks the publish scope"));
            const qint64 nowMs = m_ctx.clock.nowMs();
            if (auto limited = ApiUtil::rateLimit(m_ctx.publishPerSender, caller.senderKey(), nowMs))
                return *limited;
            if (auto limited = ApiUtil::rateLimit(m_ctx.publishPerAddress, ApiUtil::addressKey(req), nowMs))
                return *limited;
            Expected<QJsonObject> body = req.json();
            if (!body)
                return HttpResponse::error(body.error());
            Expected<PublishRequest> request = PublishRequest::fromJson(body.value(), m_ctx.clock.now());
            if (!request)
                return HttpResponse::error(request.error());
            // Answered once the publish is durable: with the next group commit.
            const HttpReply reply = req.defer();
            m_ctx.publisher.publish(caller, request.value(), [reply](const Expected<QJsonObject> &accepted) {
                reply.send(
                    accepted ? HttpResponse::json(202, accepted.value()) : HttpResponse::error(accepted.error()));
            });
            return HttpResponse::deferred();
        });
}

} // namespace Tidings::Server
