#pragma once

#include "api/ApiContext.h"
#include "http/HttpTypes.h"

namespace Tidings::Server {

// The caller's own inbox and stream: /api/notifications (GET, :id, read, unread,
// read-all, delete) and /api/stream. Mutations go through StreamService, so REST
// and WebSocket changes are the same stream events.
class InboxApi
{
public:
    InboxApi(ApiContext &ctx, HttpServer &http);

private:
    HttpResponse list(HttpRequest &req);
    HttpResponse get(HttpRequest &req);
    HttpResponse setRead(HttpRequest &req, bool read);
    HttpResponse readAll(HttpRequest &req);
    HttpResponse remove(HttpRequest &req);
    HttpResponse stream(HttpRequest &req);
    // A repeated X-Tidings-Op-Id is answered without applying the operation again.
    std::optional<HttpResponse> duplicateOperation(const HttpRequest &req);

    ApiContext &m_ctx;
};

} // namespace Tidings::Server
