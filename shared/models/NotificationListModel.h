#pragma once

#include "client/NotificationStore.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

#include "client/ApiClient.h"

namespace Tidings::Client {

// The inbox, newest first, over a NotificationStore: rows are loaded a page at a
// time (fetchMore) from the store and, once the store has no older ones, from the
// server. Store changes arrive as precise inserts, removals and dataChanged, never
// as a reset (except after a resync). Usable from Widgets and from QML.
class NotificationListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SeqRole,
        TopicRole,
        TypeRole,
        TitleRole,
        MessageRole,
        FormatRole,
        PriorityRole, // "low" | "normal" | "high" | "urgent"
        PriorityLevelRole, // 0..3, for sorting and colours
        TagsRole,
        ClickRole,
        IconRole,
        ActionsRole, // list of {id, label, kind, url}
        DataRole,
        GroupKeyRole,
        StatusRole,
        CreatedAtRole,
        ScheduledAtRole,
        ExpiresAtRole,
        DeliveredAtRole,
        ReadAtRole,
        IsReadRole,
        SenderKindRole,
        SenderNameRole,
        SyncPendingRole, // a local change the server has not confirmed yet
    };
    Q_ENUM(Role)

    explicit NotificationListModel(NotificationStore &store, QObject *parent = nullptr);

    // Where older pages come from once the store has none (optional).
    void setApiClient(ApiClient *api) { m_api = api; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] bool isLoading() const { return m_fetchingRemote; }
    [[nodiscard]] Q_INVOKABLE int rowOf(const QString &id) const;
    [[nodiscard]] const InboxEntry *entryAt(int row) const;
    [[nodiscard]] Q_INVOKABLE QString idAt(int row) const;

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void fetchFailed(const QString &message);

private:
    void reload();
    void onStoreChanged(const StoreChange &change);
    void insertEntry(const InboxEntry &entry);
    void removeRow(int row);
    void updateEntry(const QString &id);
    [[nodiscard]] int insertionRow(qint64 seq) const;
    [[nodiscard]] bool covers(qint64 seq) const;

    NotificationStore &m_store;
    QPointer<ApiClient> m_api;
    QList<InboxEntry> m_rows; // seq descending
    QHash<QString, qint64> m_seqOf; // id -> seq of the rows held
    int m_pageSize = 100;
    bool m_loadedAllLocal = false; // every row of the store is in the model
    bool m_fetchingRemote = false;
    // While this model emits its own change signals (fetchMore, reload, a store change), a
    // fetchMore() from a slot connected to them (QAbstractItemModelTester does this) must not
    // nest a second insert.
    bool m_changing = false;
};

} // namespace Tidings::Client
