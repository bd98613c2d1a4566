#pragma once

#include <QLoggingCategory>

namespace Tidings::Admin {
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
} // namespace Tidings::Admin
