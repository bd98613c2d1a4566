#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// GET/PUT /api/notifications/preferences (admins may pass ?userId=).
class PreferencesApi
{
public:
    PreferencesApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
