#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/devices: the caller's registered devices (desktop clients, browsers with Web Push).
class DevicesApi
{
public:
    DevicesApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
