#include "api/BroadcastsApi.h"

#include "api/ApiUtil.h"
#include "core/BroadcastService.h"
#include "http/HttpServer.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

HttpResponse documentResponse(const Expected<QJsonObject> &doc)
{
    return doc ? HttpResponse::json(doc.value()) : HttpResponse::error(doc.error());
}

} // namespace

BroadcastsApi::BroadcastsApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/broadcasts"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        const Expected<ApiUtil::PageQuery> page = ApiUtil::pageQuery(req, 20, 100);
        if (!page)
            return HttpResponse::error(page.error());
        const QString state = req.queryValue(QStringLiteral("state"));
        if (!state.isEmpty() && !BroadcastService::states().contains(state))
            return HttpResponse::error(ErrorCode::Validation,
                QStringLiteral("state must be one of ") + BroadcastService::states().join(QStringLiteral(", ")),
                QStringLiteral("state"));
        Expected<BroadcastService::Page> found = m_ctx.broadcasts.list(state, int(page->offset()), int(page->limit));
        if (!found)
            return HttpResponse::error(found.error());
        return HttpResponse::json({
            {QStringLiteral("broadcasts"), found->broadcasts},
            {QStringLiteral("pagination"), ApiUtil::paginationJson(page->page, page->limit, found->total)},
        });
    });

    http.route(Method::Post, QStringLiteral("/api/broadcasts"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        // A one-off is answered once its message is durable: with the next group commit.
        const HttpReply reply = req.defer();
        m_ctx.broadcasts.create(req.auth(), body.value(), [reply](const Expected<BroadcastService::Created> &created) {
            reply.send(created ? HttpResponse::json(created->replayed ? 200 : 201, created->broadcast)
                               : HttpResponse::error(created.error()));
        });
        return HttpResponse::deferred();
    });

    http.route(
        Method::Post, QStringLiteral("/api/broadcasts/estimate"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            Expected<QJsonObject> body = req.json();
            if (!body)
                return HttpResponse::error(body.error());
            Expected<qint64> recipients = m_ctx.broadcasts.estimate(req.auth(), body.value());
            if (!recipients)
                return HttpResponse::error(recipients.error());
            return HttpResponse::json({{QStringLiteral("recipients"), recipients.value()}});
        });

    http.route(Method::Get, QStringLiteral("/api/broadcasts/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        return documentResponse(m_ctx.broadcasts.get(req.param(0)));
    });

    http.route(
        Method::Post, QStringLiteral("/api/broadcasts/:id/cancel"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            return documentResponse(m_ctx.broadcasts.cancel(req.param(0)));
        });
}

} // namespace Tidings::Server
