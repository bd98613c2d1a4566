#pragma once

#include "protocol/Notification.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Tidings {

// Unread counts: the `badge` frame and the `unread` member of REST replies.
struct UnreadCounts
{
    qint64 total = 0;
    QMap<QString, qint64> byTopic; // topics with zero unread are absent; "" is not a topic

    [[nodiscard]] QJsonObject toJson() const; // {total, byTopic:{...}}
    [[nodiscard]] static UnreadCounts fromJson(const QJsonObject &o);
    friend bool operator==(const UnreadCounts &a, const UnreadCounts &b)
    {
        return a.total == b.total && a.byTopic == b.byTopic;
    }
    friend bool operator!=(const UnreadCounts &a, const UnreadCounts &b) { return !(a == b); }
};

// One event of a user's stream (PROTOCOL.md "Streams, replay and read sync").
struct StreamEvent
{
    enum class Kind { Notification, Read, Unread, ReadAll, Deleted };

    qint64 seq = 0;
    Kind kind = Kind::Notification;
    QDateTime at; // when the event happened (readAt for read/readAll)
    Notification notification; // Kind::Notification
    QStringList ids; // Read, Unread, Deleted
    QString topic; // ReadAll: empty = every topic
    qint64 upToSeq = 0; // ReadAll: 0 = everything up to the event itself

    // The wire event name: "notification", "read", "unread", "readAll", "deleted".
    [[nodiscard]] static QString kindName(Kind k);
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);

    // The frame's `data` as PROTOCOL.md's server->client table gives it.
    [[nodiscard]] QJsonObject toData() const;
    // {"event": kindName, "data": toData()} compact-encoded, ready for the socket.
    [[nodiscard]] QByteArray toFrame() const;
    // The inverse of toFrame()'s parts (for clients, the REST /api/stream and tests).
    [[nodiscard]] static Expected<StreamEvent> fromData(const QString &event, const QJsonObject &data);
};

} // namespace Tidings
