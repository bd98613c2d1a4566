#pragma once

#include "client/Connection.h"

#include <QObject>
#include <QTimer>

namespace Tidings::Client {

class ApiClient;
class NotificationStore;

// Keeps the NotificationStore in step with the user's stream (PROTOCOL.md
// "Streams"). After every welcome it resumes from the stored (epoch, lastSeq); on
// `resync`, or with nothing stored, it reloads the inbox over REST and resumes from
// the head that page came with. Stream frames that arrive before the server has
// accepted the resume are dropped: the replay that follows contains them.
class StreamSync : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool synced READ isSynced NOTIFY syncedChanged)

public:
    StreamSync(Connection &connection, ApiClient &api, NotificationStore &store, QObject *parent = nullptr);

    // True between replayDone and the next disconnect or resync: the store holds
    // every event up to the server's head.
    [[nodiscard]] bool isSynced() const { return m_phase == Phase::Live; }
    // Notifications per REST page when reloading (the server allows up to 100).
    void setReloadPageSize(int size) { m_pageSize = size; }
    // Reload the inbox now, as after a resync.
    void reload();
    // Writes events received but not yet written (they are batched per burst).
    void flushPending();

Q_SIGNALS:
    void syncedChanged(bool synced);
    // New notifications written to the store: `live` is false for those replayed
    // after a reconnect (they arrived while this device was away).
    void notificationsArrived(const QList<Tidings::Notification> &notifications, bool live);
    void resynced();
    void syncError(const QString &message);

private:
    enum class Phase { Idle, AwaitingResume, Replaying, Reloading, Live };

    void setPhase(Phase phase);
    void onWelcome(const Welcome &welcome);
    void onFrame(const QString &event, const QJsonObject &data);
    void onReply(const QString &ref, bool ok, const QJsonObject &data, const ProtocolError &error);
    void sendResume();

    Connection &m_connection;
    ApiClient &m_api;
    NotificationStore &m_store;
    Phase m_phase = Phase::Idle;
    QString m_resumeRef;
    int m_resumes = 0;
    int m_pageSize = 100;
    quint64 m_reloadGeneration = 0;
    QList<StreamEvent> m_pending; // parsed, not yet written (written in batches)
    QStringList m_delivered; // `notificationStatus: delivered` ids, written with the batch
    QTimer m_flushTimer;
};

} // namespace Tidings::Client
