#pragma once

#include <QLoggingCategory>

namespace Tidings::Server {

// "tidings.server.http": routing, the socket guard and WebSocket hand-over.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace Tidings::Server
