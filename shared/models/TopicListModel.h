#pragma once

#include "client/ApiClient.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Tidings::Client {

class BadgeState;

// The topics the user may read (GET /api/topics) with their subscription and
// unread count; topics that only appear in the badge (direct notifications
// labelled with a topic) are listed too. Subscribing goes to the server and the
// row follows its answer.
class TopicListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DescriptionRole,
        SubscribedRole,
        UnreadRole,
    };
    Q_ENUM(Role)

    TopicListModel(ApiClient &api, BadgeState *badge, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] Q_INVOKABLE int rowOf(const QString &name) const;

    // Fetches the list from the server.
    Q_INVOKABLE void reload();
    Q_INVOKABLE void setSubscribed(const QString &topic, bool subscribed);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void requestFailed(const QString &message);

private:
    struct Row
    {
        QString name;
        QString description;
        bool subscribed = false;
        bool known = false; // listed by the server (not only seen in the badge)
    };
    void apply(const QList<TopicInfo> &topics);
    void onBadgeChanged();
    [[nodiscard]] qint64 unreadOf(const QString &topic) const;

    ApiClient &m_api;
    QPointer<BadgeState> m_badge;
    QList<Row> m_rows; // sorted by name
    bool m_loading = false;
};

} // namespace Tidings::Client
