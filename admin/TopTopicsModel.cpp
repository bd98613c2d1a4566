#include "TopTopicsModel.h"

#include <algorithm>

namespace Tidings::Admin {

TopTopicsModel::TopTopicsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TopTopicsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant TopTopicsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &t = m_topics.at(index.row());
    const QJsonObject rates = t.value(QStringLiteral("rates")).toObject();
    switch (Role(role)) {
    case TopicRole:
        return t.value(QStringLiteral("topic")).toString();
    case SentRole:
        return t.value(QStringLiteral("sent")).toDouble();
    case DeliveredRole:
        return t.value(QStringLiteral("delivered")).toDouble();
    case ReadRole:
        return t.value(QStringLiteral("read")).toDouble();
    case FailedRole:
        return t.value(QStringLiteral("failed")).toDouble();
    case ClickedRole:
        return t.value(QStringLiteral("clicked")).toDouble();
    case DeliveryRateRole:
        return rates.value(QStringLiteral("delivery")).toDouble();
    case ReadRateRole:
        return rates.value(QStringLiteral("read")).toDouble();
    case ClickRateRole:
        return rates.value(QStringLiteral("click")).toDouble();
    case ShareRole:
        return m_maxSent > 0 ? t.value(QStringLiteral("sent")).toDouble() / m_maxSent : 0.0;
    }
    return {};
}

QHash<int, QByteArray> TopTopicsModel::roleNames() const
{
    return {
        {TopicRole, "topic"},
        {SentRole, "sent"},
        {DeliveredRole, "delivered"},
        {ReadRole, "read"},
        {FailedRole, "failed"},
        {ClickedRole, "clicked"},
        {DeliveryRateRole, "deliveryRate"},
        {ReadRateRole, "readRate"},
        {ClickRateRole, "clickRate"},
        {ShareRole, "share"},
    };
}

void TopTopicsModel::setTopics(const QJsonArray &topics)
{
    QList<QJsonObject> rows;
    double maxSent = 0;
    for (const QJsonValue &v : topics) {
        rows << v.toObject();
        maxSent = std::max(maxSent, rows.constLast().value(QStringLiteral("sent")).toDouble());
    }
    if (rows == m_topics)
        return;
    const bool countChanges = rows.size() != m_topics.size();
    beginResetModel();
    m_topics = std::move(rows);
    m_maxSent = maxSent;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QStringList TopTopicsModel::names() const
{
    QStringList out;
    for (const QJsonObject &t : m_topics)
        out << t.value(QStringLiteral("topic")).toString();
    return out;
}

} // namespace Tidings::Admin
