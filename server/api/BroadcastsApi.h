#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/broadcasts (admin): list, create, get with per-run stats, cancel, and the
// audience estimate.
class BroadcastsApi
{
public:
    BroadcastsApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
