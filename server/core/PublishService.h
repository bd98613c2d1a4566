#pragma once

#include "auth/AuthService.h"
#include "protocol/Expected.h"
#include "protocol/PublishRequest.h"

#include <QJsonObject>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Fanout;
class Metrics;
class Store;

// POST /api/notifications: permission and ACL checks, recipient resolution, one
// durable transaction, then the fan-out. Nothing is sent before it is stored.
class PublishService
{
public:
    PublishService(Store &store, Fanout &fanout, Metrics &metrics, const Clock &clock);

    // The 202 body {id, recipients, status}, or why not (403, 404, 400, 503).
    [[nodiscard]] Expected<QJsonObject> publish(const AuthContext &ctx, const PublishRequest &request);

    // The users a request would reach (also the broadcast estimate later).
    [[nodiscard]] Expected<QStringList> resolveRecipients(const AuthContext &ctx, const PublishRequest &request);

private:
    Store &m_store;
    Fanout &m_fanout;
    Metrics &m_metrics;
    const Clock &m_clock;
};

} // namespace Tidings::Server
