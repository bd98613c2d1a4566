#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /healthz, /readyz, /metrics (no auth) and /api/admin/stats.
class OpsApi
{
public:
    OpsApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
