#pragma once

#include "protocol/StreamEvent.h"

#include <QObject>
#include <QVariantMap>

namespace Tidings::Client {

class NotificationStore;

// The unread badge: the server's counts (welcome, badge frames, replies) moved by
// this device's unconfirmed reads and unreads. Once the queue is drained and the
// stream is in sync it equals the server's `badge` exactly.
class BadgeState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(qint64 unreadTotal READ unreadTotal NOTIFY changed)
    Q_PROPERTY(QVariantMap unreadByTopic READ unreadByTopicMap NOTIFY changed)

public:
    explicit BadgeState(NotificationStore &store, QObject *parent = nullptr);

    [[nodiscard]] qint64 unreadTotal() const { return m_counts.total; }
    [[nodiscard]] const UnreadCounts &counts() const { return m_counts; }
    [[nodiscard]] QVariantMap unreadByTopicMap() const;
    [[nodiscard]] Q_INVOKABLE qint64 unreadFor(const QString &topic) const { return m_counts.byTopic.value(topic); }

Q_SIGNALS:
    void changed();

private:
    void recompute();

    NotificationStore &m_store;
    UnreadCounts m_counts;
};

} // namespace Tidings::Client
