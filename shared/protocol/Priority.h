#pragma once

#include "protocol/Expected.h"

#include <QJsonValue>
#include <QString>

namespace Tidings {

enum class Priority { Low = 1, Normal = 3, High = 4, Urgent = 5 };

// The canonical word: "low", "normal", "high", "urgent".
[[nodiscard]] QString priorityToString(Priority p);

// Accepts the four words (case-insensitive), "medium" (= normal), "critical" (= urgent)
// and the integers 1-5 (1,2 = low; 3 = normal; 4 = high; 5 = urgent), as numbers or
// numeric strings. Anything else is a VALIDATION_ERROR naming `field`.
[[nodiscard]] Expected<Priority> priorityFromJson(
    const QJsonValue &v, const QString &field = QStringLiteral("priority"));

} // namespace Tidings
