#include "client/ClientLogging.h"

Q_LOGGING_CATEGORY(lcClientApi, "tidings.client.api")
Q_LOGGING_CATEGORY(lcClientConnection, "tidings.client.connection")
Q_LOGGING_CATEGORY(lcClientStore, "tidings.client.store")
Q_LOGGING_CATEGORY(lcClientSync, "tidings.client.sync")
