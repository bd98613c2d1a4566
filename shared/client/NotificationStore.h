#pragma once

#include "protocol/StreamEvent.h"

#include <QObject>
#include <QSqlDatabase>
#include <QUrl>

#include <optional>

namespace Tidings::Client {

// Where a client stands in its user's stream (PROTOCOL.md "Streams").
struct StreamPosition
{
    QString epoch;
    qint64 lastSeq = 0;

    [[nodiscard]] bool isValid() const { return !epoch.isEmpty(); }
    friend bool operator==(const StreamPosition &a, const StreamPosition &b)
    {
        return a.epoch == b.epoch && a.lastSeq == b.lastSeq;
    }
};

// A change this device made and the server has not confirmed yet (ReadSync's
// optimistic overlay). It decides what the user sees until the server's own event
// for the same notification arrives.
enum class LocalState { None = 0, Read = 1, Unread = 2, Deleted = 3 };

// One inbox row as the user should see it: the server's state with the local
// overlay applied (`readAt` is the local time of an unconfirmed read).
struct InboxEntry
{
    Notification notification;
    LocalState local = LocalState::None;

    [[nodiscard]] bool isRead() const { return notification.readAt.isValid(); }
    [[nodiscard]] bool syncPending() const { return local != LocalState::None; }
};

// What one write to the store changed, in the order models need: removals first,
// then updates of rows that stay, then inserts (newest last).
struct StoreChange
{
    QStringList removed;
    QStringList updated;
    QList<InboxEntry> inserted;

    [[nodiscard]] bool isEmpty() const { return removed.isEmpty() && updated.isEmpty() && inserted.isEmpty(); }
};

// The local cache of one account's inbox and stream position: an SQLite file per
// (server, user). Stream events are applied idempotently by seq, so a replayed or
// re-delivered event changes nothing; every write is one transaction, so a crash
// leaves either all of a batch or none of it.
class NotificationStore : public QObject
{
    Q_OBJECT

public:
    explicit NotificationStore(QString path, QObject *parent = nullptr);
    ~NotificationStore() override;

    // <AppDataLocation>/accounts/<hash of server and user id>.sqlite
    [[nodiscard]] static QString defaultPath(const QUrl &server, const QString &userId);

    [[nodiscard]] bool open();
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString path() const { return m_path; }
    // The connection, for the OfflineQueue that lives in the same file.
    [[nodiscard]] QSqlDatabase database() const;

    [[nodiscard]] StreamPosition position() const { return m_position; }
    // Unread counts as the server last reported them (welcome, badge, replies).
    [[nodiscard]] UnreadCounts serverUnread() const { return m_serverUnread; }
    void setServerUnread(const UnreadCounts &counts);
    // How the local overlay moves the server's counts: per topic, +1 for a pending
    // unread of a read row, -1 for a pending read or delete of an unread row.
    [[nodiscard]] UnreadCounts pendingUnreadDelta() const;

    // Applies events in order in one transaction; events at or below lastSeq are
    // skipped. A notification whose id is already stored (a grouped update) is
    // replaced and moves to its new seq. Returns false (and changes nothing) on a
    // database error or when the events belong to another epoch.
    bool apply(const QString &epoch, const QList<StreamEvent> &events);
    // A resync: drop everything and start over from the server's first page.
    // `complete` says the page holds the whole inbox (no older pages to fetch).
    bool reset(const QString &epoch, qint64 headSeq, const QList<Notification> &newestFirst, bool complete);
    // Older notifications fetched from the server for scrolling back; inserted when
    // missing, position unchanged. `reachedEnd`: the server has nothing older.
    bool insertOlder(const QList<Notification> &newestFirst, bool reachedEnd);
    // True when the store holds the oldest notification the server has.
    [[nodiscard]] bool isComplete() const { return m_complete; }

    // A device acknowledged these (`notificationStatus` frames): pending -> delivered.
    // Not a stream event, so the position does not move.
    bool markDelivered(const QStringList &ids, const QDateTime &at);
    // Ids of stored notifications that no device has acknowledged yet.
    [[nodiscard]] QStringList undeliveredIds() const;

    // The optimistic overlay, set and cleared by ReadSync.
    bool setLocalState(const QStringList &ids, LocalState state);
    // Locally known, visibly unread notifications that `readAll {topic, upToSeq}` marks.
    [[nodiscard]] QStringList unreadIdsUpTo(const QString &topic, qint64 upToSeq) const;
    // Ids that carry an overlay.
    [[nodiscard]] QStringList idsWithLocalState() const;

    [[nodiscard]] std::optional<InboxEntry> entry(const QString &id) const;
    // Newest first: visible entries with seq < beforeSeq (0 = from the newest).
    [[nodiscard]] QList<InboxEntry> page(qint64 beforeSeq, int limit) const;
    [[nodiscard]] int count() const;
    [[nodiscard]] qint64 oldestSeq() const;

    // Keeps at most `maxCount` notifications and none created before `olderThan`
    // (never one with an unconfirmed local change). Returns how many were removed.
    int prune(int maxCount, const QDateTime &olderThan);

Q_SIGNALS:
    void changed(const Tidings::Client::StoreChange &change);
    // Everything was replaced (resync, or the file was reset): reload.
    void wasReset();
    void positionChanged(const Tidings::Client::StreamPosition &position);
    void serverUnreadChanged(const Tidings::UnreadCounts &counts);
    void localStateChanged();

private:
    class Tx;
    struct Batch;
    bool migrate();
    bool exec(const QString &sql);
    bool writeMeta(const QString &key, const QVariant &value);
    void loadMeta();
    bool insertIfMissing(const Notification &n, bool *inserted);
    bool applyOne(Batch &batch, const StreamEvent &e, StoreChange &change);
    [[nodiscard]] QList<InboxEntry> query(const QString &where, const QVariantList &binds, int limit) const;
    [[nodiscard]] QStringList selectIds(const QString &where, const QVariantList &binds = {}) const;
    void fail(const QString &what, const QString &why);

    QString m_path;
    QString m_connectionName;
    QString m_error;
    StreamPosition m_position;
    UnreadCounts m_serverUnread;
    bool m_complete = false;
};

} // namespace Tidings::Client

Q_DECLARE_METATYPE(Tidings::Client::StoreChange)
Q_DECLARE_METATYPE(Tidings::Client::StreamPosition)
