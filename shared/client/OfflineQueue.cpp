#include "client/OfflineQueue.h"

#include "client/ClientLogging.h"
#include "client/NotificationStore.h"
#include "protocol/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Tidings::Client {

namespace {

const QLatin1String kIds("ids");

QJsonObject mergePatch(QJsonObject base, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), mergePatch(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QString encode(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool touchesIds(Operation::Kind kind)
{
    return kind == Operation::Kind::Read || kind == Operation::Kind::Unread || kind == Operation::Kind::Delete;
}

} // namespace

QStringList Operation::ids() const
{
    QStringList out;
    for (const QJsonValue &v : payload.value(kIds).toArray())
        out.append(v.toString());
    return out;
}

QString Operation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ack:
        return QStringLiteral("ack");
    case Kind::Read:
        return QStringLiteral("read");
    case Kind::Unread:
        return QStringLiteral("unread");
    case Kind::ReadAll:
        return QStringLiteral("readAll");
    case Kind::Delete:
        return QStringLiteral("delete");
    case Kind::Preferences:
        return QStringLiteral("updatePreferences");
    }
    return {};
}

std::optional<Operation::Kind> Operation::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Ack, Kind::Read, Kind::Unread, Kind::ReadAll, Kind::Delete, Kind::Preferences}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

OfflineQueue::OfflineQueue(NotificationStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

bool OfflineQueue::load()
{
    m_ops.clear();
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral(
            "SELECT pos, op_id, kind, payload, sent, attempts, created_at FROM operations ORDER BY pos"))) {
        qCWarning(lcClientSync) << "cannot read the offline queue:" << q.lastError().text();
        return false;
    }
    while (q.next()) {
        const std::optional<Operation::Kind> kind = Operation::kindFromName(q.value(2).toString());
        if (!kind)
            continue; // written by a newer version; it stays in the file for that version
        Operation op;
        op.pos = q.value(0).toLongLong();
        op.opId = q.value(1).toString();
        op.kind = *kind;
        op.payload = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
        op.sent = q.value(4).toBool();
        op.attempts = q.value(5).toInt();
        op.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        m_ops.append(op);
    }
    if (!m_ops.isEmpty())
        qCInfo(lcClientSync) << m_ops.size() << "queued operations from an earlier session";
    Q_EMIT countChanged(count());
    return true;
}

bool OfflineQueue::insert(Operation &op)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO operations (op_id, kind, payload, sent, attempts, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(op.opId);
    q.addBindValue(Operation::kindName(op.kind));
    q.addBindValue(encode(op.payload));
    q.addBindValue(op.sent);
    q.addBindValue(op.attempts);
    q.addBindValue(op.createdAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        qCWarning(lcClientSync) << "cannot queue an operation:" << q.lastError().text();
        return false;
    }
    op.pos = q.lastInsertId().toLongLong();
    return true;
}

bool OfflineQueue::update(const Operation &op)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("UPDATE operations SET payload = ?, sent = ?, attempts = ? WHERE pos = ?"));
    q.addBindValue(encode(op.payload));
    q.addBindValue(op.sent);
    q.addBindValue(op.attempts);
    q.addBindValue(op.pos);
    if (q.exec())
        return true;
    qCWarning(lcClientSync) << "cannot update a queued operation:" << q.lastError().text();
    return false;
}

bool OfflineQueue::erase(qint64 pos)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("DELETE FROM operations WHERE pos = ?"));
    q.addBindValue(pos);
    if (q.exec())
        return true;
    qCWarning(lcClientSync) << "cannot remove a queued operation:" << q.lastError().text();
    return false;
}

void OfflineQueue::dropIds(const QStringList &ids, const QList<Operation::Kind> &kinds)
{
    const QSet<QString> drop(ids.cbegin(), ids.cend());
    for (qsizetype i = m_ops.size() - 1; i >= 0; --i) {
        Operation &op = m_ops[i];
        if (op.sent || !kinds.contains(op.kind))
            continue;
        const QStringList before = op.ids();
        QJsonArray kept;
        for (const QString &id : before) {
            if (!drop.contains(id))
                kept.append(id);
        }
        if (kept.size() == before.size())
            continue;
        if (kept.isEmpty()) {
            erase(op.pos);
            m_ops.removeAt(i);
        } else {
            op.payload.insert(kIds, kept);
            update(op);
        }
    }
}

QList<Operation> OfflineQueue::touching(const QString &id, const QString &exceptOpId) const
{
    QList<Operation> out;
    for (const Operation &op : m_ops) {
        if (touchesIds(op.kind) && op.opId != exceptOpId && op.ids().contains(id))
            out.append(op);
    }
    return out;
}

std::optional<Operation> OfflineQueue::enqueue(Operation::Kind kind, const QJsonObject &payload)
{
    const int before = count();
    auto finish = [&](std::optional<Operation> result) {
        if (count() != before)
            Q_EMIT countChanged(count());
        return result;
    };

    Operation op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.kind = kind;
    op.payload = payload;
    op.createdAt = QDateTime::currentDateTimeUtc();

    switch (kind) {
    case Operation::Kind::Read:
    case Operation::Kind::Unread:
    case Operation::Kind::Delete: {
        QJsonArray wanted;
        for (const QString &id : op.ids()) {
            const QList<Operation> earlier = touching(id);
            // Reading twice is reading once; nothing follows a delete.
            if (!earlier.isEmpty() && (earlier.last().kind == kind || earlier.last().kind == Operation::Kind::Delete))
                continue;
            wanted.append(id);
        }
        QStringList ids;
        for (const QJsonValue &v : std::as_const(wanted))
            ids.append(v.toString());
        // The later wins: unsent reads and unreads of these notifications are void.
        dropIds(ids, {Operation::Kind::Read, Operation::Kind::Unread});
        if (wanted.isEmpty())
            return finish(std::nullopt);
        op.payload.insert(kIds, wanted);
        break;
    }
    case Operation::Kind::ReadAll:
        for (qsizetype i = m_ops.size() - 1; i >= 0; --i) {
            const Operation &o = m_ops.at(i);
            if (!o.sent && o.kind == kind
                && o.payload.value(QStringLiteral("topic")) == payload.value(QStringLiteral("topic"))) {
                erase(o.pos);
                m_ops.removeAt(i);
            }
        }
        break;
    case Operation::Kind::Ack:
    case Operation::Kind::Preferences:
        for (Operation &o : m_ops) {
            if (o.sent || o.kind != kind)
                continue;
            if (kind == Operation::Kind::Ack) {
                QStringList ids = o.ids() + op.ids();
                ids.removeDuplicates();
                if (ids.size() > Limits::IdsPerEventMax)
                    continue; // one frame holds at most this many ids
                o.payload.insert(kIds, QJsonArray::fromStringList(ids));
            } else {
                o.payload = mergePatch(o.payload, payload);
            }
            update(o);
            return finish(o);
        }
        break;
    }
    if (!insert(op))
        return finish(std::nullopt);
    m_ops.append(op);
    return finish(op);
}

std::optional<Operation> OfflineQueue::find(const QString &opId) const
{
    for (const Operation &op : m_ops) {
        if (op.opId == opId)
            return op;
    }
    return std::nullopt;
}

bool OfflineQueue::markSent(const QString &opId)
{
    for (Operation &op : m_ops) {
        if (op.opId != opId)
            continue;
        op.sent = true;
        ++op.attempts;
        return update(op);
    }
    return false;
}

bool OfflineQueue::remove(const QString &opId)
{
    for (qsizetype i = 0; i < m_ops.size(); ++i) {
        if (m_ops.at(i).opId == opId) {
            const bool ok = erase(m_ops.at(i).pos);
            m_ops.removeAt(i);
            Q_EMIT countChanged(count());
            return ok;
        }
    }
    return false;
}

void OfflineQueue::clear()
{
    QSqlQuery q(m_store.database());
    q.exec(QStringLiteral("DELETE FROM operations"));
    m_ops.clear();
    Q_EMIT countChanged(0);
}

} // namespace Tidings::Client
