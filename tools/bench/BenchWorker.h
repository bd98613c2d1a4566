#pragma once

#include "LatencyRecorder.h"
#include "Publisher.h"
#include "RestartProbe.h"
#include "UserProvisioner.h"
#include "WsClientPool.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace Tidings::Bench {

struct BenchOptions;

// One share of the load: the users u with u mod P == index and every connection of
// those users, so each notification it publishes is received in this process and
// its missed/duplicated check is local. The coordinator drives it phase by phase
// (start() -> finished()), in-process or from a parent over a pipe.
//
// Phases: setup, connect, latency {rate, durationSec}, throughput {durationSec},
// broadcast {round, publish}, restartPrepare, restartAwaitDown {timeoutSec},
// restartPublish {perUser}, restartReconnect {timeoutSec, jitterMs}, sessions (the
// refresh tokens to keep for the next run).
class BenchWorker : public QObject
{
    Q_OBJECT
public:
    BenchWorker(const BenchOptions &options, int index, int count, QString sampleDir, QObject *parent = nullptr);

    void start(const QString &phase, const QJsonObject &args);
    void shutdown();

Q_SIGNALS:
    // {phase, ok, error?, ...figures}
    void finished(const QJsonObject &result);

private:
    void setup();
    void connectClients();
    void measure(const QString &phase, const QJsonObject &args);
    void broadcast(const QJsonObject &args);
    void restartPrepare();
    void restartAwaitDown(const QJsonObject &args);
    void restartPublish(const QJsonObject &args);
    void restartReconnect(const QJsonObject &args);

    void onNotification(int client, qint64 recvNs, const FrameScanner::Notification &n);
    void onSettled();
    void onPublisherFinished();
    void onDeadline();
    void onPoll();
    void checkMeasureDone();
    void checkBroadcastDone();
    void finishMeasure();
    void finishReconnect();
    void finish(QJsonObject result);
    void fail(const QString &error);
    void scheduleAdminRenewal();
    [[nodiscard]] QVector<Publisher::Target> heldTargets();
    [[nodiscard]] QString samplePath(const QString &what) const;

    const BenchOptions &m_options;
    int m_index;
    int m_count;
    QString m_sampleDir;
    UserProvisioner m_provisioner;
    WsClientPool m_clients;
    Publisher m_publisher;
    QVector<int> m_users;
    QHash<int, int> m_heldByUser; // user -> open connections, at the start of a phase

    QString m_phase;
    bool m_active = false;
    int m_phaseCounter = 0;
    qint64 m_phaseStartNs = 0;
    double m_phaseStartCpu = 0;
    QTimer m_deadline;
    QTimer m_poll;
    QTimer m_adminRenewal;
    int m_loginFailures = 0;
    QVector<int> m_sessionOfClient; // client index -> UserProvisioner session index
    QHash<int, int> m_clientOfSession;

    // latency/throughput
    QString m_kind;
    bool m_publishing = false;
    qint64 m_expected = 0;
    qint64 m_received = 0;
    qint64 m_firstRecvNs = 0;
    qint64 m_lastRecvNs = 0;
    qint64 m_lastFrameNs = 0;
    qint64 m_duplicatesBase = 0;
    qint64 m_dropsBase = 0;
    LatencyRecorder m_latency;

    // broadcast
    struct Round
    {
        int received = 0;
        qint64 maxLatencyNs = 0;
    };
    QHash<int, Round> m_rounds;
    int m_round = -1;
    int m_roundExpected = 0;
    bool m_roundPublish = false;

    // restart
    RestartProbe m_probe;
    QHash<int, int> m_restartClients; // client -> user, open when the restart began
    WsClientPool::Counters m_countersBase;
    bool m_settling = false;
};

} // namespace Tidings::Bench
