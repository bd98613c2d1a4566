#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/admin/users: list, create, read, update (role, disable), reset password.
class AdminUsersApi
{
public:
    AdminUsersApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
