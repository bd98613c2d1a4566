#include "AdminLogging.h"

namespace Tidings::Admin {
Q_LOGGING_CATEGORY(lcAdmin, "tidings.admin", QtInfoMsg)
} // namespace Tidings::Admin
