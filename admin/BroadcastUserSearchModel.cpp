#include "BroadcastUserSearchModel.h"

#include "AdminSession.h"

namespace Tidings::Admin {

BroadcastUserSearchModel::BroadcastUserSearchModel(QObject *parent)
    : ApiListModel({"id", "username", "displayName", "email", "role", "disabled"}, parent)
{
}

void BroadcastUserSearchModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    scheduleReload();
}

QString BroadcastUserSearchModel::listPath(int page) const
{
    QString path = QStringLiteral("/api/admin/users?page=%1&limit=%2").arg(page).arg(PageSize);
    if (!m_query.trimmed().isEmpty())
        path += QStringLiteral("&q=") + encode(m_query.trimmed());
    return path;
}

QVariant BroadcastUserSearchModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    // A user without a display name is shown by username.
    if (role == "displayName") {
        const QString name = item.value(QStringLiteral("displayName")).toString();
        return name.isEmpty() ? item.value(QStringLiteral("username")).toString() : name;
    }
    return ApiListModel::roleValue(item, role);
}

} // namespace Tidings::Admin
