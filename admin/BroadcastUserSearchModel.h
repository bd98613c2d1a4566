#pragma once

#include "ApiListModel.h"

namespace Tidings::Admin {

// Users matching what the admin types (`GET /api/admin/users?q=`), for choosing a
// broadcast's recipients and the users it leaves out. Disabled users are listed
// (with `disabled`) but never receive anything.
class BroadcastUserSearchModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)

public:
    static constexpr int PageSize = 20;

    explicit BroadcastUserSearchModel(QObject *parent = nullptr);

    [[nodiscard]] QString query() const { return m_query; }
    // Reloads after the debounce (setReloadDelay).
    void setQuery(const QString &query);

Q_SIGNALS:
    void queryChanged();

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;

private:
    QString m_query;
};

} // namespace Tidings::Admin
