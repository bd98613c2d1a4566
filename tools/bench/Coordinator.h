#pragma once

#include "ResultMerger.h"
#include "ServerControl.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>

#include <deque>
#include <functional>
#include <vector>

namespace Tidings::Bench {

struct BenchOptions;
class WorkerHandle;

// Runs a benchmark: starts the workers, takes them through the phases of the
// chosen scenarios together (every phase is a barrier), measures the server's RSS
// and restarts it when asked, and assembles the report.
class Coordinator : public QObject
{
    Q_OBJECT
public:
    explicit Coordinator(const BenchOptions &options, QObject *parent = nullptr);
    ~Coordinator() override;

    void run();

Q_SIGNALS:
    void done(int exitCode);

private:
    using Results = ResultMerger::Results;
    using Then = std::function<void(const Results &)>;

    void plan();
    void next();
    void runPhase(const QString &phase, const std::function<QJsonObject(int worker)> &args, Then then);
    void onWorkerFinished(int worker, const QJsonObject &result);
    void abort(const QString &why);
    void finish();

    void setupStep();
    void connectStep();
    void memoryStep();
    void latencyStep(double rate);
    void throughputStep();
    void broadcastStep(int round);
    void restartStep();
    void restartAfterDown();
    void saveSessionsStep();

    const BenchOptions &m_options;
    QTemporaryDir m_sampleDir;
    ServerControl m_server;
    std::vector<WorkerHandle *> m_workers;
    std::deque<std::function<void()>> m_steps;

    QString m_phase;
    Results m_results;
    int m_pending = 0;
    Then m_then;
    bool m_finished = false;

    ResultMerger::Findings m_findings;
    QJsonObject m_report;
    QJsonArray m_latency;
    QVector<QJsonObject> m_broadcastRounds;
    qint64 m_rssBeforeKiB = -1;
    double m_held = 0;
    qint64 m_startedNs = 0;

    // restart bookkeeping
    QJsonObject m_restartPrepare;
    Results m_restartPublish;
    int m_restartWaits = 0;
    bool m_restartFailed = false;
    qint64 m_restartStartNs = 0;
};

} // namespace Tidings::Bench
