#pragma once

#include <QLoggingCategory>

// One category per client module (`QT_LOGGING_RULES="tidings.client.*=true"`).
Q_DECLARE_LOGGING_CATEGORY(lcClientApi)
Q_DECLARE_LOGGING_CATEGORY(lcClientConnection)
Q_DECLARE_LOGGING_CATEGORY(lcClientStore)
Q_DECLARE_LOGGING_CATEGORY(lcClientSync)
