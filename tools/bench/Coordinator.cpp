#include "Coordinator.h"

#include "BenchOptions.h"
#include "ChildWorker.h"
#include "Console.h"
#include "InProcessWorker.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "SessionCache.h"

#include <QDateTime>
#include <QTimer>

namespace Tidings::Bench {

namespace {
constexpr int PauseBetweenRoundsMs = 300;
constexpr double BroadcastTimeoutSec = 30;
} // namespace

Coordinator::Coordinator(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(options, this)
{
    for (int i = 0; i < options.processes; ++i) {
        WorkerHandle *worker = options.processes == 1
            ? static_cast<WorkerHandle *>(new InProcessWorker(options, m_sampleDir.path(), this))
            : static_cast<WorkerHandle *>(new ChildWorker(options, i, options.processes, m_sampleDir.path(), this));
        connect(worker, &WorkerHandle::finished, this, [this, i](const QJsonObject &r) { onWorkerFinished(i, r); });
        connect(worker, &WorkerHandle::lost, this, &Coordinator::abort);
        m_workers.push_back(worker);
    }
}

Coordinator::~Coordinator() = default;

void Coordinator::run()
{
    m_startedNs = monotonicNs();
    QJsonArray rates;
    for (double r : m_options.rates)
        rates.append(r);
    m_report.insert(QStringLiteral("tool"), QStringLiteral("tidings-bench"));
    m_report.insert(QStringLiteral("version"), QStringLiteral(TIDINGS_BENCH_VERSION));
    m_report.insert(QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_report.insert(QStringLiteral("config"),
        QJsonObject {{QStringLiteral("server"), m_options.server.toString()},
            {QStringLiteral("scenario"), BenchOptions::scenarioName(m_options.scenario)},
            {QStringLiteral("connections"), m_options.connections}, {QStringLiteral("users"), m_options.users},
            {QStringLiteral("processes"), m_options.processes}, {QStringLiteral("rates"), rates},
            {QStringLiteral("durationSec"), m_options.durationSec},
            {QStringLiteral("payloadBytes"), m_options.payloadBytes},
            {QStringLiteral("concurrency"), m_options.concurrency},
            {QStringLiteral("connectConcurrency"), m_options.connectConcurrency},
            {QStringLiteral("ack"), m_options.ack}});
    if (!m_sampleDir.isValid()) {
        abort(QStringLiteral("cannot create a temporary directory for samples"));
        return;
    }
    plan();
    next();
}

void Coordinator::plan()
{
    m_steps.push_back([this] { setupStep(); });
    m_steps.push_back([this] { connectStep(); });
    m_steps.push_back([this] { memoryStep(); });
    if (m_options.runs(Scenario::Latency)) {
        for (double rate : m_options.rates)
            m_steps.push_back([this, rate] { latencyStep(rate); });
    }
    if (m_options.runs(Scenario::PublishThroughput))
        m_steps.push_back([this] { throughputStep(); });
    if (m_options.runs(Scenario::Broadcast)) {
        for (int round = 1; round <= m_options.broadcasts; ++round)
            m_steps.push_back([this, round] { broadcastStep(round); });
        m_steps.push_back([this] {
            m_report.insert(QStringLiteral("broadcast"), ResultMerger::broadcast(m_broadcastRounds));
            next();
        });
    }
    // Last, because it takes every connection down.
    if (m_options.runs(Scenario::Restart))
        m_steps.push_back([this] { restartStep(); });
    m_steps.push_back([this] { saveSessionsStep(); });
}

void Coordinator::next()
{
    if (m_finished)
        return;
    if (m_steps.empty()) {
        finish();
        return;
    }
    auto step = std::move(m_steps.front());
    m_steps.pop_front();
    step();
}

void Coordinator::runPhase(const QString &phase, const std::function<QJsonObject(int)> &args, Then then)
{
    m_phase = phase;
    m_results = Results(int(m_workers.size()));
    m_pending = int(m_workers.size());
    m_then = std::move(then);
    for (int i = 0; i < int(m_workers.size()); ++i)
        m_workers[size_t(i)]->start(phase, args(i));
}

void Coordinator::onWorkerFinished(int worker, const QJsonObject &result)
{
    if (m_finished || result.value(QLatin1String("phase")).toString() != m_phase || m_pending == 0)
        return;
    m_results[worker] = result;
    if (--m_pending > 0)
        return;
    for (const QJsonObject &r : std::as_const(m_results)) {
        if (!r.value(QLatin1String("ok")).toBool()) {
            abort(QStringLiteral("%1 failed in worker %2: %3")
                      .arg(m_phase)
                      .arg(r.value(QLatin1String("worker")).toInt())
                      .arg(r.value(QLatin1String("error")).toString()));
            return;
        }
    }
    Then then = std::move(m_then);
    m_then = nullptr;
    then(m_results);
}

void Coordinator::abort(const QString &why)
{
    if (m_finished)
        return;
    m_findings.problems << why;
    m_steps.clear();
    m_then = nullptr;
    // From the event loop: abort() may be called from inside a worker's signal.
    QTimer::singleShot(0, this, &Coordinator::finish);
    m_finished = true;
}

// --- steps ----------------------------------------------------------------------

void Coordinator::setupStep()
{
    Console::line(QStringLiteral("setup: %1 users, %2 connections, %3 process(es)")
                      .arg(m_options.users)
                      .arg(m_options.connections)
                      .arg(m_options.processes));
    runPhase(
        QStringLiteral("setup"), [](int) { return QJsonObject(); },
        [this](const Results &results) {
            m_report.insert(QStringLiteral("setup"), ResultMerger::setup(results, &m_findings));
            next();
        });
}

void Coordinator::connectStep()
{
    m_rssBeforeKiB = m_server.serverRssKiB();
    Console::line(QStringLiteral("connect: opening %1 WebSocket connections").arg(m_options.connections));
    runPhase(
        QStringLiteral("connect"), [](int) { return QJsonObject(); },
        [this](const Results &results) {
            const QJsonObject c = ResultMerger::connect(results, &m_findings);
            m_held = c.value(QLatin1String("held")).toDouble();
            m_report.insert(QStringLiteral("connect"), c);
            Console::line(QStringLiteral("connect: %1 held in %2 s")
                              .arg(m_held)
                              .arg(c.value(QLatin1String("seconds")).toDouble()));
            next();
        });
}

void Coordinator::memoryStep()
{
    const double benchRss
        = m_report.value(QLatin1String("connect")).toObject().value(QLatin1String("benchRssKiB")).toDouble();
    if (m_server.serverPid() <= 0) {
        m_report.insert(QStringLiteral("memory"), QJsonObject {{QStringLiteral("benchRssKiB"), benchRss}});
        next();
        return;
    }
    // Let the server finish whatever each welcome started before reading its RSS.
    QTimer::singleShot(int(m_options.settleSec * 1000), this, [this, benchRss] {
        const qint64 idle = m_server.serverRssKiB();
        QJsonObject memory {{QStringLiteral("serverPid"), double(m_server.serverPid())},
            {QStringLiteral("rssBeforeKiB"), double(m_rssBeforeKiB)}, {QStringLiteral("rssIdleKiB"), double(idle)},
            {QStringLiteral("benchRssKiB"), benchRss}};
        if (idle > 0 && m_rssBeforeKiB > 0 && m_held > 0)
            memory.insert(
                QStringLiteral("perConnectionKiB"), std::round(double(idle - m_rssBeforeKiB) / m_held * 100) / 100);
        else
            m_findings.warnings << QStringLiteral("could not read VmRSS of pid %1").arg(m_server.serverPid());
        m_report.insert(QStringLiteral("memory"), memory);
        next();
    });
}

void Coordinator::latencyStep(double rate)
{
    Console::line(QStringLiteral("latency: %1 notifications/s for %2 s").arg(rate).arg(m_options.durationSec));
    const int workers = int(m_workers.size());
    runPhase(
        QStringLiteral("latency"),
        [this, rate, workers](int) {
            return QJsonObject {
                {QStringLiteral("rate"), rate / workers}, {QStringLiteral("durationSec"), m_options.durationSec}};
        },
        [this, rate](const Results &results) {
            QJsonObject m
                = ResultMerger::measurement(results, QStringLiteral("latency at %1/s").arg(rate), &m_findings);
            m.insert(QStringLiteral("rate"), rate);
            m.insert(QStringLiteral("durationSec"), m_options.durationSec);
            m_latency.append(m);
            m_report.insert(QStringLiteral("latency"), m_latency);
            next();
        });
}

void Coordinator::throughputStep()
{
    Console::line(QStringLiteral("publish-throughput: %1 requests in flight for %2 s")
                      .arg(m_options.concurrency)
                      .arg(m_options.durationSec));
    runPhase(
        QStringLiteral("throughput"),
        [this](int) {
            return QJsonObject {{QStringLiteral("durationSec"), m_options.durationSec}};
        },
        [this](const Results &results) {
            QJsonObject m = ResultMerger::measurement(results, QStringLiteral("publish-throughput"), &m_findings);
            m.insert(QStringLiteral("concurrency"), m_options.concurrency);
            m.insert(QStringLiteral("durationSec"), m_options.durationSec);
            m_report.insert(QStringLiteral("throughput"), m);
            next();
        });
}

void Coordinator::broadcastStep(int round)
{
    Console::line(QStringLiteral("broadcast: round %1 of %2").arg(round).arg(m_options.broadcasts));
    runPhase(
        QStringLiteral("broadcast"),
        [round](int worker) {
            return QJsonObject {{QStringLiteral("round"), round}, {QStringLiteral("publish"), worker == 0},
                {QStringLiteral("timeoutSec"), BroadcastTimeoutSec}};
        },
        [this](const Results &results) {
            m_broadcastRounds.push_back(ResultMerger::broadcastRound(results, &m_findings));
            QTimer::singleShot(PauseBetweenRoundsMs, this, &Coordinator::next);
        });
}

void Coordinator::restartStep()
{
    if (!m_options.canRestart()) {
        m_report.insert(QStringLiteral("restart"),
            QJsonObject {{QStringLiteral("skipped"), QStringLiteral("needs --restart-cmd")}});
        next();
        return;
    }
    Console::line(QStringLiteral("restart: waiting for quiet streams, remembering (epoch, lastSeq)"));
    runPhase(
        QStringLiteral("restartPrepare"), [](int) { return QJsonObject(); },
        [this](const Results &prepared) {
            m_restartPrepare = {{QStringLiteral("held"), ResultMerger::sum(prepared, QStringLiteral("held"))}};
            m_restartFailed = false;
            m_restartWaits = m_options.restartCommand.isEmpty() ? 1 : 2;
            m_restartStartNs = monotonicNs();
            runPhase(
                QStringLiteral("restartAwaitDown"),
                [this](int) {
                    return QJsonObject {{QStringLiteral("timeoutSec"), m_options.restartTimeoutSec}};
                },
                [this](const Results &down) {
                    const double stillOpen = ResultMerger::sum(down, QStringLiteral("stillOpen"));
                    if (stillOpen > 0) {
                        m_findings.problems
                            << QStringLiteral("restart: %1 connections stayed open; did the server restart?")
                                   .arg(stillOpen);
                        m_restartFailed = true;
                    }
                    if (--m_restartWaits == 0)
                        restartAfterDown();
                });
            if (m_options.restartCommand.isEmpty()) {
                Console::line(QStringLiteral("restart: restart tidingsd (pid %1) now; waiting up to %2 s for its "
                                             "connections to drop")
                                  .arg(m_server.serverPid())
                                  .arg(m_options.restartTimeoutSec));
                return;
            }
            Console::line(QStringLiteral("restart: running --restart-cmd"));
            m_server.runRestartCommand(
                qint64(m_options.restartTimeoutSec * 1e9), [this](bool ok, const QString &error) {
                    if (!ok) {
                        m_findings.problems << QStringLiteral("restart: ") + error;
                        m_restartFailed = true;
                    }
                    if (--m_restartWaits == 0)
                        restartAfterDown();
                });
        });
}

void Coordinator::restartAfterDown()
{
    if (m_restartFailed) {
        m_report.insert(QStringLiteral("restart"), QJsonObject {{QStringLiteral("failed"), true}});
        next();
        return;
    }
    // A restart command waits for the old process itself; by hand, we watch its pid.
    const qint64 oldPid = m_options.restartCommand.isEmpty() ? m_server.serverPid() : 0;
    m_server.waitHealthy(qint64(m_options.restartTimeoutSec * 1e9), oldPid, [this](bool healthy) {
        if (!healthy) {
            m_findings.problems << QStringLiteral(
                "restart: the old server did not exit, or /healthz did not answer 200, within %1 s")
                                       .arg(m_options.restartTimeoutSec);
            m_report.insert(QStringLiteral("restart"), QJsonObject {{QStringLiteral("failed"), true}});
            next();
            return;
        }
        m_restartPrepare.insert(
            QStringLiteral("downtimeSeconds"), std::round(nsToSec(monotonicNs() - m_restartStartNs) * 1000) / 1000);
        Console::line(QStringLiteral("restart: server is back; publishing %1 notification(s) per user while the "
                                     "clients are away")
                          .arg(m_options.restartPublishes));
        runPhase(
            QStringLiteral("restartPublish"),
            [this](int) {
                return QJsonObject {{QStringLiteral("perUser"), m_options.restartPublishes}};
            },
            [this](const Results &published) {
                m_restartPublish = published;
                Console::line(QStringLiteral("restart: reconnecting and resuming every client"));
                runPhase(
                    QStringLiteral("restartReconnect"),
                    [this](int) {
                        return QJsonObject {{QStringLiteral("timeoutSec"), m_options.restartTimeoutSec},
                            {QStringLiteral("jitterMs"), m_options.reconnectJitterMs}};
                    },
                    [this](const Results &reconnected) {
                        QJsonObject r
                            = ResultMerger::restart(m_restartPrepare, m_restartPublish, reconnected, &m_findings);
                        r.insert(QStringLiteral("perUser"), m_options.restartPublishes);
                        r.insert(QStringLiteral("jitterMs"), m_options.reconnectJitterMs);
                        m_report.insert(QStringLiteral("restart"), r);
                        next();
                    });
            });
    });
}

void Coordinator::saveSessionsStep()
{
    runPhase(
        QStringLiteral("sessions"), [](int) { return QJsonObject(); },
        [this](const Results &results) {
            // Keep entries of devices this run did not use (a smaller run, other users).
            SessionCache cache;
            cache.load(m_options.sessionCache);
            for (const QJsonObject &r : results)
                cache.mergeJson(r.value(QLatin1String("sessions")).toObject());
            QString error;
            if (!cache.save(m_options.sessionCache, &error))
                m_findings.warnings << error;
            next();
        });
}

void Coordinator::finish()
{
    m_finished = true;
    for (WorkerHandle *worker : m_workers)
        worker->stop();
    m_report.insert(QStringLiteral("seconds"), std::round(nsToSec(monotonicNs() - m_startedNs) * 1000) / 1000);
    m_report.insert(QStringLiteral("problems"), QJsonArray::fromStringList(m_findings.problems));
    m_report.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(m_findings.warnings));
    m_report.insert(QStringLiteral("ok"), m_findings.problems.isEmpty());

    Q_EMIT done(Report(m_report).publish(m_options.jsonPath));
}

} // namespace Tidings::Bench
