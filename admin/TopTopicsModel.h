#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// The dashboard's busiest topics of the period (`topTopics` of /api/analytics),
// busiest first. `share` is the topic's sent count relative to the busiest one
// (0..1), for the bar behind each row.
class TopTopicsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard owns its top topics")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        TopicRole = Qt::UserRole + 1,
        SentRole,
        DeliveredRole,
        ReadRole,
        FailedRole,
        ClickedRole,
        DeliveryRateRole,
        ReadRateRole,
        ClickRateRole,
        ShareRole,
    };
    Q_ENUM(Role)

    explicit TopTopicsModel(QObject *parent = nullptr);

    [[nodiscard]] int count() const { return int(m_topics.size()); }
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows with the server's `topTopics` array.
    void setTopics(const QJsonArray &topics);
    // The topic names, in order (for tests and accessible summaries).
    [[nodiscard]] QStringList names() const;

Q_SIGNALS:
    void countChanged();

private:
    QList<QJsonObject> m_topics;
    double m_maxSent = 0;
};

} // namespace Tidings::Admin
