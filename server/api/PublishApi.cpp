#include "api/PublishApi.h"

#include "api/ApiUtil.h"
#include "core/PublishService.h"
#include "http/HttpServer.h"
#include "protocol/PublishRequest.h"
#include "store/Store.h"
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

    // Cancels what has not happened yet: a scheduled notification never reaches an
    // inbox, and deliveries still waiting (a retry, quiet hours) are not sent.
    http.route(QHttpServerRequest::Method::Post, QStringLiteral("/api/notifications/:id/cancel"),
        HttpServer::Access::Authenticated, [this](HttpRequest &req) {
            const AuthContext &caller = req.auth();
            if (!caller.hasPublishScope())
                return HttpResponse::error(ErrorCode::Forbidden, QStringLiteral("this token lacks the publish scope"));
            const QString id = req.param(0);
            const std::optional<MessageRecord> message = m_ctx.store.message(id);
            if (!message)
                return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("no notification '%1'").arg(id));
            const Sender sender = caller.sender();
            if (!caller.isAdmin() && (message->sender.kind != sender.kind || message->sender.id != sender.id))
                return HttpResponse::error(
                    ErrorCode::Forbidden, QStringLiteral("only its sender or an admin can cancel a notification"));
            const std::optional<CancelOutcome> outcome = m_ctx.store.cancelMessage(id, m_ctx.clock.now());
            if (!outcome)
                return HttpResponse::error(
                    ErrorCode::Unavailable, QStringLiteral("the database is not available; nothing was cancelled"));
            if (outcome->wasReleased && outcome->jobs == 0)
                return HttpResponse::error(ErrorCode::Conflict,
                    QStringLiteral("the notification was already delivered; nothing is left to cancel"));
            return HttpResponse::json({
                {QStringLiteral("id"), id},
                {QStringLiteral("status"),
                    outcome->wasReleased ? QStringLiteral("delivered") : QLatin1String(Status::Cancelled)},
                {QStringLiteral("recipients"), outcome->recipients},
                {QStringLiteral("deliveries"), outcome->jobs},
            });
        });
}

} // namespace Tidings::Server
