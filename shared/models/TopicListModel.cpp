#include "models/TopicListModel.h"

#include "client/BadgeState.h"

#include <algorithm>

namespace Tidings::Client {

TopicListModel::TopicListModel(ApiClient &api, BadgeState *badge, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_badge(badge)
{
    if (m_badge)
        connect(m_badge, &BadgeState::changed, this, &TopicListModel::onBadgeChanged);
    onBadgeChanged();
}

int TopicListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> TopicListModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {NameRole, "name"}, {DescriptionRole, "description"},
        {SubscribedRole, "subscribed"}, {UnreadRole, "unread"}};
}

qint64 TopicListModel::unreadOf(const QString &topic) const
{
    return m_badge ? m_badge->unreadFor(topic) : 0;
}

QVariant TopicListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case DescriptionRole:
        return r.description;
    case SubscribedRole:
        return r.subscribed;
    case UnreadRole:
        return unreadOf(r.name);
    default:
        return {};
    }
}

int TopicListModel::rowOf(const QString &name) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), name, [](const Row &r, const QString &n) { return r.name < n; });
    return it != m_rows.cend() && it->name == name ? int(it - m_rows.cbegin()) : -1;
}

void TopicListModel::reload()
{
    m_loading = true;
    Q_EMIT loadingChanged();
    m_api.topics(this, [this](const Expected<QList<TopicInfo>> &topics) {
        m_loading = false;
        Q_EMIT loadingChanged();
        if (!topics) {
            Q_EMIT requestFailed(topics.error().message);
            return;
        }
        apply(topics.value());
    });
}

void TopicListModel::apply(const QList<TopicInfo> &topics)
{
    // Merge row by row, so views keep their selection and scroll position.
    QList<TopicInfo> sorted = topics;
    std::sort(sorted.begin(), sorted.end(), [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });
    QSet<QString> listed;
    for (const TopicInfo &t : std::as_const(sorted)) {
        listed.insert(t.name);
        const int row = rowOf(t.name);
        if (row >= 0) {
            Row &r = m_rows[row];
            r.description = t.description;
            r.subscribed = t.subscribed;
            r.known = true;
            Q_EMIT dataChanged(index(row), index(row));
            continue;
        }
        const auto pos = std::lower_bound(
            m_rows.begin(), m_rows.end(), t.name, [](const Row &r, const QString &n) { return r.name < n; });
        const int at = int(pos - m_rows.begin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, Row {t.name, t.description, t.subscribed, true});
        endInsertRows();
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row &r = m_rows.at(row);
        if (!listed.contains(r.name) && unreadOf(r.name) == 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    Q_EMIT countChanged();
}

void TopicListModel::onBadgeChanged()
{
    if (!m_badge)
        return;
    const auto byTopic = m_badge->counts().byTopic;
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        if (rowOf(it.key()) >= 0)
            continue;
        const auto pos = std::lower_bound(
            m_rows.begin(), m_rows.end(), it.key(), [](const Row &r, const QString &n) { return r.name < n; });
        const int at = int(pos - m_rows.begin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, Row {it.key(), {}, false, false});
        endInsertRows();
        Q_EMIT countChanged();
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {UnreadRole});
}

void TopicListModel::setSubscribed(const QString &topic, bool subscribed)
{
    m_api.setSubscribed(topic, subscribed, this, [this](const Expected<QJsonObject> &reply) {
        if (!reply) {
            Q_EMIT requestFailed(reply.error().message);
            return;
        }
        const QStringList now = reply->value(QStringLiteral("topics")).toVariant().toStringList();
        for (int row = 0; row < m_rows.size(); ++row) {
            const bool subscribedNow = now.contains(m_rows.at(row).name);
            if (m_rows.at(row).subscribed != subscribedNow) {
                m_rows[row].subscribed = subscribedNow;
                Q_EMIT dataChanged(index(row), index(row), {SubscribedRole});
            }
        }
    });
}

} // namespace Tidings::Client
