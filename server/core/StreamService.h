#pragma once

#include "protocol/Expected.h"
#include "store/Records.h"

#include <QStringList>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Fanout;
class Store;

// The inbox mutations a user makes from any device (REST or WebSocket): each is
// written as one stream event and then fanned out to all of the user's devices
// with the new badge. The one place that pairs "store it" with "tell the devices".
class StreamService
{
public:
    StreamService(Store &store, Fanout &fanout, const Clock &clock);

    [[nodiscard]] Expected<StreamChange> markRead(const QString &userId, const QStringList &ids);
    [[nodiscard]] Expected<StreamChange> markUnread(const QString &userId, const QStringList &ids);
    [[nodiscard]] Expected<StreamChange> markAllRead(const QString &userId, const QString &topic, qint64 upToSeq);
    [[nodiscard]] Expected<StreamChange> remove(const QString &userId, const QStringList &ids);
    // Device acknowledgement: status `delivered`, `notificationStatus` to the user's devices.
    [[nodiscard]] QStringList acknowledge(const QString &userId, const QStringList &ids);

    // Client operation ids: false when `opId` was already applied for this user
    // (the operation must then be skipped). An empty id is always new.
    [[nodiscard]] bool claimOperation(const QString &userId, const QString &opId);

private:
    Expected<StreamChange> finish(const QString &userId, const std::optional<StreamChange> &change);

    Store &m_store;
    Fanout &m_fanout;
    const Clock &m_clock;
};

} // namespace Tidings::Server
