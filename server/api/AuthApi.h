#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/auth/*: login, refresh, logout, me.
class AuthApi
{
public:
    AuthApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
