#pragma once

#include "api/ApiContext.h"

#include <QString>

namespace Tidings::Server {

class HttpRequest;
class HttpResponse;

// What recipients tell the server besides acks and reads, and the links that need no
// sign-in because their signature is the authority (TrackingLinks):
// - GET /t/click/<token>: counts the click, then 302 to the link's http(s) target;
// - GET /t/unsubscribe/<token>: a confirmation page; POST (RFC 8058 one-click, or the
//   page's button) turns the channel off; POST ?undo=1 turns it back on;
// - POST /api/notifications/dismissed {ids, channel?}: the caller's dismissals.
class TrackingApi
{
public:
    TrackingApi(ApiContext &ctx, HttpServer &http);

private:
    HttpResponse click(HttpRequest &req);
    HttpResponse unsubscribePage(HttpRequest &req);
    HttpResponse unsubscribe(HttpRequest &req);
    HttpResponse dismissed(HttpRequest &req);

    ApiContext &m_ctx;
};

} // namespace Tidings::Server
