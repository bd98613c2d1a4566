#pragma once

#include <QLoggingCategory>

namespace Tidings::Server {

// "tidings.server.store": migrations, SQL failures, slow paths of the store.
Q_DECLARE_LOGGING_CATEGORY(lcStore)

} // namespace Tidings::Server
