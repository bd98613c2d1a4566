#include "client/NotificationStore.h"

#include "client/ClientLogging.h"
#include "protocol/JsonUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace Tidings::Client {

namespace {

constexpr int SchemaVersion = 1;

const QLatin1String kEntryColumns("seq, read_at, delivered_at, status, local_state, local_at, body");

QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// The values of "(id, seq, topic, created_at, read_at, delivered_at, status, body)".
void bindRow(QSqlQuery &q, const Notification &n)
{
    q.bindValue(0, n.id);
    q.bindValue(1, n.seq);
    q.bindValue(2, n.content.topic);
    q.bindValue(3, n.createdAt.toMSecsSinceEpoch());
    q.bindValue(4, timeValue(n.readAt));
    q.bindValue(5, timeValue(n.deliveredAt));
    q.bindValue(6, n.status);
    q.bindValue(7, QString::fromUtf8(QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact)));
}

InboxEntry entryFrom(const QSqlQuery &q)
{
    InboxEntry e;
    const QJsonObject body = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
    Expected<Notification> n = Notification::fromJson(body);
    if (n)
        e.notification = std::move(n).value();
    else
        qCWarning(lcClientStore) << "unreadable stored notification:" << n.error().message;
    Notification &out = e.notification;
    out.seq = q.value(0).toLongLong();
    out.readAt = timeFrom(q.value(1));
    out.deliveredAt = timeFrom(q.value(2));
    out.status = q.value(3).toString();
    e.local = LocalState(q.value(4).toInt());
    if (e.local == LocalState::Read) {
        out.readAt = timeFrom(q.value(5));
        out.status = QLatin1String(Status::Read);
    } else if (e.local == LocalState::Unread) {
        out.readAt = {};
        out.status = QLatin1String(out.deliveredAt.isValid() ? Status::Delivered : Status::Pending);
    }
    return e;
}

} // namespace

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class NotificationStore::Tx
{
public:
    explicit Tx(NotificationStore &store)
        : m_store(store)
        , m_active(store.exec(QStringLiteral("BEGIN IMMEDIATE")))
    {
    }
    ~Tx()
    {
        if (m_active)
            m_store.exec(QStringLiteral("ROLLBACK"));
    }
    Q_DISABLE_COPY_MOVE(Tx)

    [[nodiscard]] bool active() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        if (m_store.exec(QStringLiteral("COMMIT")))
            return true;
        m_store.exec(QStringLiteral("ROLLBACK"));
        return false;
    }

private:
    NotificationStore &m_store;
    bool m_active;
};

NotificationStore::NotificationStore(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_connectionName(QStringLiteral("tidings-client-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    qRegisterMetaType<StoreChange>();
    qRegisterMetaType<StreamPosition>();
}

NotificationStore::~NotificationStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString NotificationStore::defaultPath(const QUrl &server, const QString &userId)
{
    const QByteArray key
        = server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo).toString().toUtf8() + '\n' + userId.toUtf8();
    const QString name
        = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/accounts/") + name
        + QStringLiteral(".sqlite");
}

QSqlDatabase NotificationStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool NotificationStore::open()
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        m_error = tr("Cannot create the folder for %1").arg(m_path);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error = tr("Cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    // WAL with synchronous=NORMAL survives a crash of the app (only a power loss may
    // drop the last commits, which the server replays on resume).
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
             "PRAGMA busy_timeout=5000"}) {
        if (!exec(QLatin1String(pragma)))
            return false;
    }
    if (!migrate())
        return false;
    loadMeta();
    return true;
}

bool NotificationStore::exec(const QString &sql)
{
    QSqlQuery q(database());
    if (q.exec(sql))
        return true;
    fail(sql, q.lastError().text());
    return false;
}

void NotificationStore::fail(const QString &what, const QString &why)
{
    m_error = what + QStringLiteral(": ") + why;
    qCWarning(lcClientStore).noquote() << "local store:" << m_error;
}

bool NotificationStore::migrate()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        fail(QStringLiteral("PRAGMA user_version"), q.lastError().text());
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > SchemaVersion) {
        m_error = tr("%1 was written by a newer version of Tidings").arg(m_path);
        return false;
    }
    if (version == SchemaVersion)
        return true;
    Tx tx(*this);
    const QStringList schema {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value)"),
        // `body` is the notification as the server sent it; the columns beside it
        // hold what stream events change, so an event never re-encodes the body.
        QStringLiteral("CREATE TABLE notifications ("
                       " id TEXT PRIMARY KEY, seq INTEGER NOT NULL, topic TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL, read_at INTEGER, delivered_at INTEGER,"
                       " status TEXT NOT NULL, local_state INTEGER NOT NULL DEFAULT 0, local_at INTEGER,"
                       " body TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX notifications_seq ON notifications(seq)"),
        QStringLiteral("CREATE INDEX notifications_topic ON notifications(topic, seq)"),
        QStringLiteral("CREATE INDEX notifications_local ON notifications(local_state) WHERE local_state <> 0"),
        // Read-all marks unread rows up to a seq, of one topic or of all.
        QStringLiteral("CREATE INDEX notifications_unread ON notifications(seq) WHERE read_at IS NULL"),
        QStringLiteral("CREATE INDEX notifications_unread_topic ON notifications(topic, seq) WHERE read_at IS NULL"),
        // The OfflineQueue's operations, in the order they were made.
        QStringLiteral("CREATE TABLE operations ("
                       " pos INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
                       " payload TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
    };
    for (const QString &sql : schema) {
        if (!exec(sql))
            return false;
    }
    return tx.commit();
}

void NotificationStore::loadMeta()
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT key, value FROM meta"));
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QLatin1String("epoch"))
            m_position.epoch = q.value(1).toString();
        else if (key == QLatin1String("lastSeq"))
            m_position.lastSeq = q.value(1).toLongLong();
        else if (key == QLatin1String("complete"))
            m_complete = q.value(1).toBool();
        else if (key == QLatin1String("unread"))
            m_serverUnread = UnreadCounts::fromJson(QJsonDocument::fromJson(q.value(1).toByteArray()).object());
    }
}

bool NotificationStore::writeMeta(const QString &key, const QVariant &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (q.exec())
        return true;
    fail(QStringLiteral("write ") + key, q.lastError().text());
    return false;
}

void NotificationStore::setServerUnread(const UnreadCounts &counts)
{
    if (counts == m_serverUnread)
        return;
    if (!writeMeta(
            QStringLiteral("unread"), QString::fromUtf8(QJsonDocument(counts.toJson()).toJson(QJsonDocument::Compact))))
        return;
    m_serverUnread = counts;
    Q_EMIT serverUnreadChanged(m_serverUnread);
}

UnreadCounts NotificationStore::pendingUnreadDelta() const
{
    UnreadCounts delta;
    QSqlQuery q(database());
    // "local_state <> 0" lets SQLite use the partial index notifications_local, and
    // "+topic" keeps it from scanning the topic index instead: this runs on every change.
    q.exec(QStringLiteral("SELECT topic, SUM(CASE WHEN local_state = 2 THEN 1 ELSE -1 END) FROM notifications"
                          " WHERE local_state <> 0 AND ((local_state IN (1, 3) AND read_at IS NULL)"
                          " OR (local_state = 2 AND read_at IS NOT NULL))"
                          " GROUP BY +topic"));
    while (q.next()) {
        const qint64 d = q.value(1).toLongLong();
        delta.total += d;
        if (!q.value(0).toString().isEmpty() && d != 0)
            delta.byTopic.insert(q.value(0).toString(), d);
    }
    return delta;
}

bool NotificationStore::insertIfMissing(const Notification &n, bool *inserted)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO notifications"
                             " (id, seq, topic, created_at, read_at, delivered_at, status, body)"
                             " VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?)"));
    bindRow(q, n);
    if (!q.exec()) {
        fail(QStringLiteral("store notification ") + n.id, q.lastError().text());
        return false;
    }
    *inserted = q.numRowsAffected() > 0;
    return true;
}

// The statements of one apply(), prepared once for the whole batch.
struct NotificationStore::Batch
{
    explicit Batch(const QSqlDatabase &db)
        : find(db)
        , upsert(db)
        , read(db)
        , unread(db)
        , remove(db)
        , readAllInTopic(db)
        , readAll(db)
    {
    }

    bool prepare()
    {
        return find.prepare(QStringLiteral("SELECT 1 FROM notifications WHERE id = ?"))
            // A grouped update keeps its id but moves to the new seq; its overlay stays.
            // A direct notification's topic is a null QString, which binds as NULL: store ''.
            && upsert.prepare(QStringLiteral(
                "INSERT INTO notifications (id, seq, topic, created_at, read_at, delivered_at, status, body)"
                " VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, topic = excluded.topic,"
                " created_at = excluded.created_at, read_at = excluded.read_at,"
                " delivered_at = excluded.delivered_at, status = excluded.status, body = excluded.body"))
            // As on the server, a read notification counts as delivered.
            && read.prepare(QStringLiteral("UPDATE notifications SET read_at = ?,"
                                           " delivered_at = COALESCE(delivered_at, ?), status = 'read'"
                                           " WHERE id = ? AND read_at IS NULL"))
            // The status the server derives: delivered once a device acknowledged it.
            && unread.prepare(
                QStringLiteral("UPDATE notifications SET read_at = NULL,"
                               " status = CASE WHEN delivered_at IS NULL THEN 'pending' ELSE 'delivered' END"
                               " WHERE id = ? AND read_at IS NOT NULL"))
            && remove.prepare(QStringLiteral("DELETE FROM notifications WHERE id = ?"))
            // One statement per read-all, and two of them rather than "? = '' OR
            // topic = ?", so each uses its partial index over unread rows.
            && readAllInTopic.prepare(QStringLiteral("UPDATE notifications SET read_at = ?,"
                                                     " delivered_at = COALESCE(delivered_at, ?), status = 'read'"
                                                     " WHERE read_at IS NULL AND topic = ? AND seq <= ? RETURNING id"))
            && readAll.prepare(QStringLiteral("UPDATE notifications SET read_at = ?,"
                                              " delivered_at = COALESCE(delivered_at, ?), status = 'read'"
                                              " WHERE read_at IS NULL AND seq <= ? RETURNING id"));
    }

    QSqlQuery find;
    QSqlQuery upsert;
    QSqlQuery read;
    QSqlQuery unread;
    QSqlQuery remove;
    QSqlQuery readAllInTopic;
    QSqlQuery readAll;
    QHash<QString, Notification> inserted; // as the events carried them
    QSet<QString> touchedAfterInsert; // inserted, then changed again (or replaced) in the batch
};

bool NotificationStore::applyOne(Batch &b, const StreamEvent &e, StoreChange &change)
{
    auto run = [this](QSqlQuery &q, const char *what) {
        if (q.exec())
            return true;
        fail(QLatin1String(what), q.lastError().text());
        return false;
    };
    auto forEachId = [&](QSqlQuery &q, const QStringList &ids, auto bind, QStringList &changed, const char *what) {
        for (const QString &id : ids) {
            bind(id);
            if (!run(q, what))
                return false;
            if (q.numRowsAffected() > 0) {
                changed.append(id);
                if (b.inserted.contains(id))
                    b.touchedAfterInsert.insert(id);
            }
        }
        return true;
    };

    switch (e.kind) {
    case StreamEvent::Kind::Notification: {
        const Notification &n = e.notification;
        b.find.bindValue(0, n.id);
        if (!run(b.find, "find notification"))
            return false;
        const bool existed = b.find.next();
        b.find.finish();
        bindRow(b.upsert, n);
        if (!run(b.upsert, "store notification"))
            return false;
        if (existed) {
            change.removed.append(n.id);
            b.touchedAfterInsert.insert(n.id); // keeps its overlay: read it back
        }
        b.inserted.insert(n.id, n);
        return true;
    }
    case StreamEvent::Kind::Read: {
        const qint64 at = e.at.toMSecsSinceEpoch();
        return forEachId(
            b.read, e.ids,
            [&](const QString &id) {
                b.read.bindValue(0, at);
                b.read.bindValue(1, at);
                b.read.bindValue(2, id);
            },
            change.updated, "read");
    }
    case StreamEvent::Kind::Unread:
        return forEachId(
            b.unread, e.ids, [&](const QString &id) { b.unread.bindValue(0, id); }, change.updated, "unread");
    case StreamEvent::Kind::Deleted:
        return forEachId(
            b.remove, e.ids, [&](const QString &id) { b.remove.bindValue(0, id); }, change.removed, "delete");
    case StreamEvent::Kind::ReadAll: {
        const qint64 at = e.at.toMSecsSinceEpoch();
        const qint64 bound = e.upToSeq > 0 ? e.upToSeq : e.seq;
        QSqlQuery &q = e.topic.isEmpty() ? b.readAll : b.readAllInTopic;
        q.bindValue(0, at);
        q.bindValue(1, at);
        if (e.topic.isEmpty()) {
            q.bindValue(2, bound);
        } else {
            q.bindValue(2, e.topic);
            q.bindValue(3, bound);
        }
        if (!run(q, "read all"))
            return false;
        while (q.next()) {
            const QString id = q.value(0).toString();
            change.updated.append(id);
            if (b.inserted.contains(id))
                b.touchedAfterInsert.insert(id);
        }
        q.finish();
        return true;
    }
    }
    return true;
}

bool NotificationStore::apply(const QString &epoch, const QList<StreamEvent> &events)
{
    if (epoch != m_position.epoch) {
        m_error = tr("events of epoch %1 do not fit the stored epoch %2").arg(epoch, m_position.epoch);
        return false;
    }
    StoreChange change;
    qint64 last = m_position.lastSeq;
    Batch batch(database());
    {
        Tx tx(*this);
        if (!tx.active())
            return false;
        if (!batch.prepare()) {
            fail(QStringLiteral("prepare"), batch.find.lastError().text());
            return false;
        }
        for (const StreamEvent &e : events) {
            if (e.seq <= last)
                continue; // already applied: a replay overlapping what we have
            if (!applyOne(batch, e, change))
                return false;
            last = e.seq;
        }
        if (last == m_position.lastSeq)
            return true;
        if (!writeMeta(QStringLiteral("lastSeq"), last) || !tx.commit())
            return false;
    }
    // Inserts are reported as the whole batch left them: an id inserted and deleted
    // within the batch is no insert at all, and an inserted row is not also updated.
    // Rows nothing else touched are exactly what their event carried.
    for (auto it = batch.inserted.cbegin(); it != batch.inserted.cend(); ++it) {
        if (!batch.touchedAfterInsert.contains(it.key()))
            change.inserted.append(InboxEntry {it.value(), LocalState::None});
        else if (std::optional<InboxEntry> stored = entry(it.key()))
            change.inserted.append(std::move(*stored));
    }
    std::sort(change.inserted.begin(), change.inserted.end(),
        [](const InboxEntry &a, const InboxEntry &b) { return a.notification.seq < b.notification.seq; });
    if (!batch.inserted.isEmpty()) {
        change.updated.erase(std::remove_if(change.updated.begin(), change.updated.end(),
                                 [&](const QString &id) { return batch.inserted.contains(id); }),
            change.updated.end());
    }
    change.updated.removeDuplicates();
    m_position.lastSeq = last;
    if (!change.isEmpty())
        Q_EMIT changed(change);
    Q_EMIT positionChanged(m_position);
    return true;
}

bool NotificationStore::reset(
    const QString &epoch, qint64 headSeq, const QList<Notification> &newestFirst, bool complete)
{
    {
        Tx tx(*this);
        if (!tx.active() || !exec(QStringLiteral("DELETE FROM notifications")))
            return false;
        bool inserted = false;
        for (const Notification &n : newestFirst) {
            if (!insertIfMissing(n, &inserted))
                return false;
        }
        if (!writeMeta(QStringLiteral("epoch"), epoch) || !writeMeta(QStringLiteral("lastSeq"), headSeq)
            || !writeMeta(QStringLiteral("complete"), complete) || !tx.commit())
            return false;
    }
    m_position = {epoch, headSeq};
    m_complete = complete;
    qCInfo(lcClientStore) << "inbox reloaded:" << newestFirst.size() << "notifications, epoch" << epoch << "head"
                          << headSeq;
    Q_EMIT wasReset();
    Q_EMIT positionChanged(m_position);
    return true;
}

bool NotificationStore::insertOlder(const QList<Notification> &newestFirst, bool reachedEnd)
{
    StoreChange change;
    {
        Tx tx(*this);
        if (!tx.active())
            return false;
        for (const Notification &n : newestFirst) {
            bool inserted = false;
            if (!insertIfMissing(n, &inserted))
                return false;
            if (inserted)
                change.inserted.append(InboxEntry {n, LocalState::None});
        }
        if (reachedEnd && !writeMeta(QStringLiteral("complete"), true))
            return false;
        if (!tx.commit())
            return false;
    }
    // Pages come newest first; StoreChange lists inserts newest last.
    std::sort(change.inserted.begin(), change.inserted.end(),
        [](const InboxEntry &a, const InboxEntry &b) { return a.notification.seq < b.notification.seq; });
    m_complete = m_complete || reachedEnd;
    if (!change.isEmpty())
        Q_EMIT changed(change);
    return true;
}

bool NotificationStore::setLocalState(const QStringList &ids, LocalState state)
{
    StoreChange change;
    {
        Tx tx(*this);
        if (!tx.active())
            return false;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE notifications SET local_state = ?, local_at = ? WHERE id = ?"
                                 " AND local_state <> ?"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const QString &id : ids) {
            q.bindValue(0, int(state));
            q.bindValue(1, state == LocalState::None ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(now));
            q.bindValue(2, id);
            q.bindValue(3, int(state));
            if (!q.exec()) {
                fail(QStringLiteral("set local state"), q.lastError().text());
                return false;
            }
            if (q.numRowsAffected() > 0)
                change.updated.append(id);
        }
        if (!tx.commit())
            return false;
    }
    if (!change.isEmpty()) {
        Q_EMIT changed(change);
        Q_EMIT localStateChanged();
    }
    return true;
}

bool NotificationStore::markDelivered(const QStringList &ids, const QDateTime &at)
{
    StoreChange change;
    {
        Tx tx(*this);
        if (!tx.active())
            return false;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE notifications SET delivered_at = ?,"
                                 " status = CASE WHEN status = 'pending' THEN 'delivered' ELSE status END"
                                 " WHERE id = ? AND delivered_at IS NULL"));
        for (const QString &id : ids) {
            q.bindValue(0, at.toMSecsSinceEpoch());
            q.bindValue(1, id);
            if (!q.exec()) {
                fail(QStringLiteral("mark delivered"), q.lastError().text());
                return false;
            }
            if (q.numRowsAffected() > 0)
                change.updated.append(id);
        }
        if (!tx.commit())
            return false;
    }
    if (!change.isEmpty())
        Q_EMIT changed(change);
    return true;
}

QStringList NotificationStore::selectIds(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM notifications WHERE ") + where);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QStringList ids;
    if (!q.exec()) {
        qCWarning(lcClientStore) << "query failed:" << q.lastError().text();
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QStringList NotificationStore::undeliveredIds() const
{
    return selectIds(QStringLiteral("delivered_at IS NULL"));
}

QStringList NotificationStore::unreadIdsUpTo(const QString &topic, qint64 upToSeq) const
{
    return selectIds(QStringLiteral("seq <= ? AND (IFNULL(?, '') = '' OR topic = ?)"
                                    " AND ((read_at IS NULL AND local_state = 0) OR local_state = 2)"),
        {upToSeq, topic, topic});
}

QStringList NotificationStore::idsWithLocalState() const
{
    return selectIds(QStringLiteral("local_state <> 0"));
}

QList<InboxEntry> NotificationStore::query(const QString &where, const QVariantList &binds, int limit) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT ") + kEntryColumns + QStringLiteral(" FROM notifications WHERE ") + where
        + QStringLiteral(" ORDER BY seq DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QList<InboxEntry> out;
    if (!q.exec()) {
        qCWarning(lcClientStore) << "query failed:" << q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(entryFrom(q));
    return out;
}

std::optional<InboxEntry> NotificationStore::entry(const QString &id) const
{
    QList<InboxEntry> found = query(QStringLiteral("id = ?"), {id}, 1);
    if (found.isEmpty())
        return std::nullopt;
    return std::move(found.first());
}

QList<InboxEntry> NotificationStore::page(qint64 beforeSeq, int limit) const
{
    return query(QStringLiteral("local_state <> 3 AND seq < ?"),
        {beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max()}, limit);
}

int NotificationStore::count() const
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE local_state <> 3"));
    return q.next() ? q.value(0).toInt() : 0;
}

qint64 NotificationStore::oldestSeq() const
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT MIN(seq) FROM notifications"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

int NotificationStore::prune(int maxCount, const QDateTime &olderThan)
{
    StoreChange change;
    {
        Tx tx(*this);
        if (!tx.active())
            return 0;
        change.removed
            = selectIds(QStringLiteral("local_state = 0 AND (created_at < ? OR seq <"
                                       " (SELECT seq FROM notifications ORDER BY seq DESC LIMIT 1 OFFSET ?))"),
                {olderThan.isValid() ? olderThan.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
                    qMax(0, maxCount - 1)});
        QSqlQuery del(database());
        del.prepare(QStringLiteral("DELETE FROM notifications WHERE id = ?"));
        for (const QString &id : std::as_const(change.removed)) {
            del.addBindValue(id);
            if (!del.exec())
                return 0;
        }
        if (!change.removed.isEmpty() && !writeMeta(QStringLiteral("complete"), false))
            return 0;
        if (!tx.commit())
            return 0;
    }
    if (change.removed.isEmpty())
        return 0;
    m_complete = false;
    qCInfo(lcClientStore) << "pruned" << change.removed.size() << "notifications";
    Q_EMIT changed(change);
    return int(change.removed.size());
}

} // namespace Tidings::Client
