#include "models/NotificationListModel.h"

#include "client/ApiClient.h"
#include "client/ClientLogging.h"

#include <QJsonArray>
#include <QScopedValueRollback>

#include <algorithm>

namespace Tidings::Client {

namespace {

int priorityLevel(Priority p)
{
    switch (p) {
    case Priority::Low:
        return 0;
    case Priority::Normal:
        return 1;
    case Priority::High:
        return 2;
    case Priority::Urgent:
        return 3;
    }
    return 1;
}

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t) : QVariant();
}

} // namespace

NotificationListModel::NotificationListModel(NotificationStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(&m_store, &NotificationStore::changed, this, &NotificationListModel::onStoreChanged);
    connect(&m_store, &NotificationStore::wasReset, this, &NotificationListModel::reload);
    reload();
}

int NotificationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> NotificationListModel::roleNames() const
{
    return {
        {Qt::DisplayRole, "display"},
        {IdRole, "notificationId"},
        {SeqRole, "seq"},
        {TopicRole, "topic"},
        {TypeRole, "type"},
        {TitleRole, "title"},
        {MessageRole, "message"},
        {FormatRole, "format"},
        {PriorityRole, "priority"},
        {PriorityLevelRole, "priorityLevel"},
        {TagsRole, "tags"},
        {ClickRole, "click"},
        {IconRole, "icon"},
        {ActionsRole, "actions"},
        {DataRole, "data"},
        {GroupKeyRole, "groupKey"},
        {StatusRole, "status"},
        {CreatedAtRole, "createdAt"},
        {ScheduledAtRole, "scheduledAt"},
        {ExpiresAtRole, "expiresAt"},
        {DeliveredAtRole, "deliveredAt"},
        {ReadAtRole, "readAt"},
        {IsReadRole, "isRead"},
        {SenderKindRole, "senderKind"},
        {SenderNameRole, "senderName"},
        {SyncPendingRole, "syncPending"},
    };
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxEntry &e = m_rows.at(index.row());
    const Notification &n = e.notification;
    const NotificationContent &c = n.content;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return c.title;
    case Qt::ToolTipRole:
    case MessageRole:
        return c.message;
    case IdRole:
        return n.id;
    case SeqRole:
        return n.seq;
    case TopicRole:
        return c.topic;
    case TypeRole:
        return c.type;
    case FormatRole:
        return c.format;
    case PriorityRole:
        return priorityToString(c.priority);
    case PriorityLevelRole:
        return priorityLevel(c.priority);
    case TagsRole:
        return c.tags;
    case ClickRole:
        return c.click;
    case IconRole:
        return c.icon;
    case ActionsRole: {
        QVariantList actions;
        for (const NotificationAction &a : c.actions)
            actions.append(a.toJson().toVariantMap());
        return actions;
    }
    case DataRole:
        return c.data.toVariantMap();
    case GroupKeyRole:
        return c.groupKey;
    case StatusRole:
        return n.status;
    case CreatedAtRole:
        return timeOrNull(n.createdAt);
    case ScheduledAtRole:
        return timeOrNull(n.scheduledAt);
    case ExpiresAtRole:
        return timeOrNull(n.expiresAt);
    case DeliveredAtRole:
        return timeOrNull(n.deliveredAt);
    case ReadAtRole:
        return timeOrNull(n.readAt);
    case IsReadRole:
        return e.isRead();
    case SenderKindRole:
        return n.sender.kind;
    case SenderNameRole:
        return n.sender.name;
    case SyncPendingRole:
        return e.syncPending();
    default:
        return {};
    }
}

int NotificationListModel::rowOf(const QString &id) const
{
    const auto it = m_seqOf.constFind(id);
    if (it == m_seqOf.cend())
        return -1;
    // Rows are sorted by seq, descending: binary search.
    const auto pos = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), *it, [](const InboxEntry &e, qint64 seq) { return e.notification.seq > seq; });
    if (pos == m_rows.cend() || pos->notification.id != id)
        return -1;
    return int(pos - m_rows.cbegin());
}

const InboxEntry *NotificationListModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QString NotificationListModel::idAt(int row) const
{
    const InboxEntry *e = entryAt(row);
    return e ? e->notification.id : QString();
}

int NotificationListModel::insertionRow(qint64 seq) const
{
    const auto pos = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), seq, [](const InboxEntry &e, qint64 s) { return e.notification.seq > s; });
    return int(pos - m_rows.cbegin());
}

bool NotificationListModel::covers(qint64 seq) const
{
    // Rows older than the oldest one loaded come in through fetchMore.
    return m_loadedAllLocal || m_rows.isEmpty() || seq > m_rows.last().notification.seq;
}

void NotificationListModel::reload()
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    beginResetModel();
    m_rows = m_store.page(0, m_pageSize);
    m_loadedAllLocal = m_rows.size() < m_pageSize;
    m_seqOf.clear();
    for (const InboxEntry &e : std::as_const(m_rows))
        m_seqOf.insert(e.notification.id, e.notification.seq);
    endResetModel();
    Q_EMIT countChanged();
}

bool NotificationListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_changing)
        return false;
    return !m_loadedAllLocal || (m_api && !m_store.isComplete() && !m_fetchingRemote);
}

void NotificationListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_changing)
        return;
    const QScopedValueRollback<bool> changing(m_changing, true);
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.last().notification.seq;
    if (!m_loadedAllLocal) {
        const QList<InboxEntry> older = m_store.page(before, m_pageSize);
        m_loadedAllLocal = older.size() < m_pageSize;
        if (older.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size() - 1));
        for (const InboxEntry &e : older) {
            m_seqOf.insert(e.notification.id, e.notification.seq);
            m_rows.append(e);
        }
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    if (!m_api || m_store.isComplete() || m_fetchingRemote)
        return;
    m_fetchingRemote = true;
    Q_EMIT loadingChanged();
    InboxQuery query;
    query.limit = qMin(m_pageSize, 100);
    query.beforeSeq = m_store.oldestSeq();
    m_api->inbox(query, this, [this](const Expected<InboxPage> &page) {
        m_fetchingRemote = false;
        Q_EMIT loadingChanged();
        if (!page) {
            qCWarning(lcClientSync) << "cannot load older notifications:" << page.error().message;
            Q_EMIT fetchFailed(page.error().message);
            return;
        }
        // The store's changed() signal brings the rows in.
        (void)m_store.insertOlder(page->notifications, !page->hasNext);
    });
}

void NotificationListModel::insertEntry(const InboxEntry &entry)
{
    const int row = insertionRow(entry.notification.seq);
    beginInsertRows({}, row, row);
    m_rows.insert(row, entry);
    m_seqOf.insert(entry.notification.id, entry.notification.seq);
    endInsertRows();
}

void NotificationListModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_seqOf.remove(m_rows.at(row).notification.id);
    m_rows.removeAt(row);
    endRemoveRows();
}

void NotificationListModel::updateEntry(const QString &id)
{
    const int row = rowOf(id);
    const std::optional<InboxEntry> e = m_store.entry(id);
    const bool visible = e && e->local != LocalState::Deleted;
    if (row < 0) {
        if (visible && covers(e->notification.seq))
            insertEntry(*e); // an undone local delete
        return;
    }
    if (!visible) {
        removeRow(row);
        return;
    }
    m_rows[row] = *e;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void NotificationListModel::onStoreChanged(const StoreChange &change)
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    const int before = int(m_rows.size());
    for (const QString &id : change.removed) {
        const int row = rowOf(id);
        if (row >= 0)
            removeRow(row);
    }
    for (const QString &id : change.updated)
        updateEntry(id);

    // Inserts come oldest first; the common case is a run newer than every row,
    // which becomes one insert at the top.
    QList<const InboxEntry *> top; // oldest first
    for (const InboxEntry &e : change.inserted) {
        if (e.local == LocalState::Deleted || m_seqOf.contains(e.notification.id) || !covers(e.notification.seq))
            continue;
        if (m_rows.isEmpty() || e.notification.seq > m_rows.first().notification.seq) {
            top.append(&e);
            continue;
        }
        insertEntry(e);
    }
    if (!top.isEmpty()) {
        beginInsertRows({}, 0, int(top.size() - 1));
        // QList keeps free space at its front: prepending does not move the other rows.
        for (const InboxEntry *e : std::as_const(top)) {
            m_seqOf.insert(e->notification.id, e->notification.seq);
            m_rows.prepend(*e);
        }
        endInsertRows();
    }
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

} // namespace Tidings::Client
