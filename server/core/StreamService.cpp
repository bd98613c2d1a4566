#include "core/StreamService.h"

#include "core/Fanout.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStream, "tidings.server.stream")

namespace Tidings::Server {

StreamService::StreamService(Store &store, Fanout &fanout, const Clock &clock)
    : m_store(store)
    , m_fanout(fanout)
    , m_clock(clock)
{
}

Expected<StreamChange> StreamService::finish(const QString &userId, const std::optional<StreamChange> &change)
{
    if (!change) {
        qCWarning(lcStream) << "store failure:" << m_store.lastError();
        return ProtocolError::make(
            ErrorCode::Unavailable, QStringLiteral("the database is not available; nothing was changed"));
    }
    if (change->event)
        m_fanout.deliverStreamEvent(userId, *change->event, change->unread);
    return *change;
}

Expected<StreamChange> StreamService::markRead(const QString &userId, const QStringList &ids)
{
    return finish(userId, m_store.markRead(userId, ids, m_clock.now()));
}

Expected<StreamChange> StreamService::markUnread(const QString &userId, const QStringList &ids)
{
    return finish(userId, m_store.markUnread(userId, ids, m_clock.now()));
}

Expected<StreamChange> StreamService::markAllRead(const QString &userId, const QString &topic, qint64 upToSeq)
{
    return finish(userId, m_store.markAllRead(userId, topic, upToSeq, m_clock.now()));
}

Expected<StreamChange> StreamService::remove(const QString &userId, const QStringList &ids)
{
    return finish(userId, m_store.deleteFromInbox(userId, ids, m_clock.now()));
}

QStringList StreamService::acknowledge(const QString &userId, const QStringList &ids)
{
    const QDateTime now = m_clock.now();
    const QStringList changed = m_store.markDelivered(userId, ids, now);
    if (!changed.isEmpty())
        m_fanout.deliverStatus(userId, changed, QLatin1String(Status::Delivered), now);
    return changed;
}

bool StreamService::claimOperation(const QString &userId, const QString &opId)
{
    if (opId.isEmpty())
        return true;
    return m_store.recordOperation(userId, opId, m_clock.now());
}

} // namespace Tidings::Server
