#pragma once

#include <QSortFilterProxyModel>

namespace Tidings::Client {

// A view of a NotificationListModel: one topic (empty = all), unread only, and a
// case-insensitive search over title, message, topic and tags. Rows that stop
// matching (a notification read while "unread only" is on) leave at once.
class NotificationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY topicChanged)
    Q_PROPERTY(bool unreadOnly READ unreadOnly WRITE setUnreadOnly NOTIFY unreadOnlyChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit NotificationFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    [[nodiscard]] bool unreadOnly() const { return m_unreadOnly; }
    void setUnreadOnly(bool unreadOnly);
    [[nodiscard]] QString searchText() const { return m_search; }
    void setSearchText(const QString &text);
    [[nodiscard]] int count() const { return rowCount(); }

Q_SIGNALS:
    void topicChanged();
    void unreadOnlyChanged();
    void searchTextChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    QString m_topic;
    bool m_unreadOnly = false;
    QString m_search;
    QStringList m_words; // the search text split on whitespace: every word must match
};

} // namespace Tidings::Client
