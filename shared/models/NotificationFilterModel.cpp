#include "models/NotificationFilterModel.h"

#include "models/NotificationListModel.h"

namespace Tidings::Client {

NotificationFilterModel::NotificationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Source order (newest first) is kept; filtering follows every source change.
    setDynamicSortFilter(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &NotificationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &NotificationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &NotificationFilterModel::countChanged);
}

void NotificationFilterModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    m_topic = topic;
    refilter();
    Q_EMIT topicChanged();
}

void NotificationFilterModel::setUnreadOnly(bool unreadOnly)
{
    if (unreadOnly == m_unreadOnly)
        return;
    m_unreadOnly = unreadOnly;
    refilter();
    Q_EMIT unreadOnlyChanged();
}

void NotificationFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
    Q_EMIT searchTextChanged();
}

void NotificationFilterModel::refilter()
{
    const int before = rowCount();
    // invalidate() rebuilds the mapping in one pass; invalidateFilter() updates it
    // range by range, which takes seconds over 50,000 rows.
    invalidate();
    if (rowCount() != before)
        Q_EMIT countChanged();
}

bool NotificationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    using R = NotificationListModel::Role;
    if (!m_topic.isEmpty() && i.data(R::TopicRole).toString() != m_topic)
        return false;
    if (m_unreadOnly && i.data(R::IsReadRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = i.data(R::TitleRole).toString() + QLatin1Char('\n') + i.data(R::MessageRole).toString()
        + QLatin1Char('\n') + i.data(R::TopicRole).toString() + QLatin1Char('\n')
        + i.data(R::TagsRole).toStringList().join(QLatin1Char(' '));
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Tidings::Client
