#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/tokens: API tokens for scripts and services (the secret is shown once).
class TokensApi
{
public:
    TokensApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
