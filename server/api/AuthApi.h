#pragma once

#include "api/ApiContext.h"

#include <QObject>

namespace Tidings::Server {

// /api/auth/*: login, refresh, logout, me.
class AuthApi
{
public:
    AuthApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
    QObject m_context; // receives finished password checks; destroyed with the API, dropping late ones
};

} // namespace Tidings::Server
