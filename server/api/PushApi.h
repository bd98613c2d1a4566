#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

class HttpServer;

// Web Push: `GET /api/push/vapid-public-key`, the application server key a browser
// passes to PushManager.subscribe() (no auth: it is a public key).
class PushApi
{
public:
    PushApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
