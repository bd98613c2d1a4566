#include "client/BadgeState.h"

#include "client/NotificationStore.h"

namespace Tidings::Client {

BadgeState::BadgeState(NotificationStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_store, &NotificationStore::serverUnreadChanged, this, &BadgeState::recompute);
    connect(&m_store, &NotificationStore::localStateChanged, this, &BadgeState::recompute);
    // A server event under an overlay changes the delta (the row's own state moved).
    connect(&m_store, &NotificationStore::changed, this, &BadgeState::recompute);
    connect(&m_store, &NotificationStore::wasReset, this, &BadgeState::recompute);
    recompute();
}

QVariantMap BadgeState::unreadByTopicMap() const
{
    QVariantMap out;
    for (auto it = m_counts.byTopic.cbegin(); it != m_counts.byTopic.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

void BadgeState::recompute()
{
    UnreadCounts counts = m_store.serverUnread();
    const UnreadCounts delta = m_store.pendingUnreadDelta();
    counts.total = qMax<qint64>(0, counts.total + delta.total);
    for (auto it = delta.byTopic.cbegin(); it != delta.byTopic.cend(); ++it) {
        const qint64 n = qMax<qint64>(0, counts.byTopic.value(it.key()) + it.value());
        if (n > 0)
            counts.byTopic.insert(it.key(), n);
        else
            counts.byTopic.remove(it.key());
    }
    if (counts == m_counts)
        return;
    m_counts = counts;
    Q_EMIT changed();
}

} // namespace Tidings::Client
