#pragma once

#include "api/ApiContext.h"

namespace Tidings::Server {

// /api/templates (admin): notification templates, their versions and previews.
class TemplatesApi
{
public:
    TemplatesApi(ApiContext &ctx, HttpServer &http);

private:
    ApiContext &m_ctx;
};

} // namespace Tidings::Server
