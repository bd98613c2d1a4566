#pragma once

#include "protocol/Notification.h"
#include "protocol/StreamEvent.h"

#include <QList>
#include <QPair>
#include <QString>

namespace Tidings::Server {

// Where stream events go once they are durable: every connected device of the
// users concerned. The WebSocket hub implements it for the sockets of this node;
// the multi-node bus (Redis) will wrap it to reach the other nodes' sockets.
class Fanout
{
public:
    virtual ~Fanout() = default;

    // One new notification for many recipients, each with its own seq. The frame
    // is encoded once; only the seq differs per recipient.
    virtual void deliverNotification(
        const Notification &notification, const QList<QPair<QString, qint64>> &recipientSeqs)
        = 0;
    // A read/unread/readAll/deleted event of one user, followed by its `badge`.
    virtual void deliverStreamEvent(const QString &userId, const StreamEvent &event, const UnreadCounts &unread) = 0;
    // `notificationStatus` for the user's devices (acks).
    virtual void deliverStatus(
        const QString &userId, const QStringList &ids, const QString &status, const QDateTime &at)
        = 0;
    // Closes every connection of a user (disabled account).
    virtual void disconnectUser(const QString &userId, const QString &reason) = 0;
};

} // namespace Tidings::Server
