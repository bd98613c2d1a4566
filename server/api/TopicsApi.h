#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/topics (visible topics, subscriptions) and /api/admin/topics (ACLs).
class TopicsApi
{
public:
    TopicsApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
