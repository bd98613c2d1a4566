#pragma once

#include <QLoggingCategory>

namespace Tidings::Server::Channels {

// "tidings.server.push": VAPID keys and Web Push deliveries.
Q_DECLARE_LOGGING_CATEGORY(lcPush)

} // namespace Tidings::Server::Channels
