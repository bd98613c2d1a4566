#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Tidings::Client {

class NotificationStore;

// One outbound operation. `opId` travels with it to the server, which ignores a
// repeated op id, so an operation replayed after a crash or a lost reply applies once.
struct Operation
{
    enum class Kind { Ack, Read, Unread, ReadAll, Delete, Preferences };

    qint64 pos = 0; // order of creation
    QString opId;
    Kind kind = Kind::Read;
    QJsonObject payload; // the frame's data without opId: {ids} | {topic, upToSeq} | a preferences patch
    bool sent = false; // handed to the server at least once: its content is frozen
    int attempts = 0;
    QDateTime createdAt;

    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] static QString kindName(
        Kind kind); // the WebSocket event: ack, read, unread, readAll, delete, updatePreferences
    [[nodiscard]] static std::optional<Kind> kindFromName(const QString &name);
};

// The persistent queue of operations made while offline or not yet confirmed. It
// lives in the NotificationStore's file, survives restarts, and keeps the order in
// which the user acted. Redundant operations are coalesced when queued: reading
// twice queues one read; read then unread keeps only the unread; a delete drops
// queued reads and unreads of the same notification; acks and preference patches
// merge into the one still waiting. Operations already sent are never changed.
class OfflineQueue : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit OfflineQueue(NotificationStore &store, QObject *parent = nullptr);

    // Reads the queue from the store (after NotificationStore::open()).
    [[nodiscard]] bool load();

    // Queues an operation and returns what is now waiting for it: the new operation
    // or the one it merged into; nothing when it is redundant (a second read of the
    // same notification, anything after its delete).
    std::optional<Operation> enqueue(Operation::Kind kind, const QJsonObject &payload);

    [[nodiscard]] const QList<Operation> &operations() const { return m_ops; }
    [[nodiscard]] int count() const { return int(m_ops.size()); }
    [[nodiscard]] bool isEmpty() const { return m_ops.isEmpty(); }
    [[nodiscard]] std::optional<Operation> find(const QString &opId) const;
    // Queued operations (other than `exceptOpId`) that touch notification `id`, oldest first.
    [[nodiscard]] QList<Operation> touching(const QString &id, const QString &exceptOpId = {}) const;

    // The operation was handed to the server: freeze it.
    bool markSent(const QString &opId);
    // The server confirmed (or finally refused) it.
    bool remove(const QString &opId);
    void clear();

Q_SIGNALS:
    void countChanged(int count);

private:
    bool insert(Operation &op);
    bool update(const Operation &op);
    bool erase(qint64 pos);
    void dropIds(const QStringList &ids, const QList<Operation::Kind> &kinds);

    NotificationStore &m_store;
    QList<Operation> m_ops;
};

} // namespace Tidings::Client
