#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /healthz, /readyz, /metrics (no auth) and /api/admin/stats.
class OpsApi
{
public:
    OpsApi(ApiContext &ctx, HttpServer &http);

private:
    [[nodiscard]] QString smtpCheck() const;

    ApiContext &m_ctx;
};

} // namespace Tidings::Server
