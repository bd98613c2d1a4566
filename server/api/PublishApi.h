#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// POST /api/notifications: rate limits, validation, then PublishService.
class PublishApi
{
public:
    PublishApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
