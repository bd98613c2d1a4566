#pragma once

#include "client/OfflineQueue.h"
#include "protocol/ProtocolError.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Tidings::Client {

class Connection;
class NotificationStore;
class StreamSync;

// What the user does to notifications, made visible at once and made true on the
// server eventually. Each action becomes an operation in the OfflineQueue and an
// optimistic overlay in the NotificationStore; the queue is sent, in order, as soon
// as the stream is in sync, and the overlay stays until the server's own event for
// the notification has been applied. Read state is sticky: only an explicit unread
// undoes a read.
class ReadSync : public QObject
{
    Q_OBJECT

public:
    ReadSync(Connection &connection, StreamSync &stream, NotificationStore &store, OfflineQueue &queue,
        QObject *parent = nullptr);

    void markRead(const QStringList &ids);
    void markUnread(const QStringList &ids);
    // Marks read what this device has seen of `topic` (empty: every topic), up to the
    // stream position now, so a notification that arrives meanwhile stays unread.
    void markAllRead(const QString &topic = {});
    void remove(const QStringList &ids);
    // Delivered on this device (status `delivered`); no visible change.
    void acknowledge(const QStringList &ids);
    void updatePreferences(const QJsonObject &patch);

    // Most operations in flight at once (default 64).
    void setMaxInFlight(int max) { m_maxInFlight = qMax(1, max); }
    // Delay before resending after a retryable refusal (default 2 s).
    void setRetryInterval(std::chrono::milliseconds interval) { m_retryTimer.setInterval(interval); }
    [[nodiscard]] int inFlight() const { return int(m_inFlight.size()); }

    // Sends what is queued, when the stream is in sync.
    void flush();

Q_SIGNALS:
    // The server refused an operation for good (e.g. the notification is gone);
    // its optimistic change has been undone.
    void operationFailed(const Tidings::Client::Operation &operation, const Tidings::ProtocolError &error);
    // The server's whole preferences document after an update.
    void preferencesConfirmed(const QJsonObject &preferences);
    // Every queued operation is confirmed.
    void drained();

private:
    void enqueue(Operation::Kind kind, const QJsonObject &payload, const QStringList &touched);
    void onReply(const QString &ref, bool ok, const QJsonObject &data, const ProtocolError &error);
    // Brings the overlay of `ids` in line with the queue; a notification without
    // queued operations keeps its overlay until the stream reaches `seq`.
    void settle(const QStringList &ids, qint64 seq);
    void settleAwaited();
    void rebuildOverlay();
    [[nodiscard]] QStringList withoutRedundant(const QStringList &ids, bool read) const;

    Connection &m_connection;
    StreamSync &m_stream;
    NotificationStore &m_store;
    OfflineQueue &m_queue;
    QSet<QString> m_inFlight; // op ids sent on the current connection
    QHash<QString, qint64> m_awaitedSeq; // notification id -> the seq that confirms it
    int m_maxInFlight = 64;
    QTimer m_retryTimer;
};

} // namespace Tidings::Client
