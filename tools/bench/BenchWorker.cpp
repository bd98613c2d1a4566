#include "BenchWorker.h"

#include "BenchOptions.h"
#include "Console.h"
#include "MonotonicClock.h"
#include "ServerControl.h"
#include "SessionCache.h"

#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>

#include <cmath>

namespace Tidings::Bench {

namespace {
const QString Setup = QStringLiteral("setup");
const QString Connect = QStringLiteral("connect");
const QString Latency = QStringLiteral("latency");
const QString Throughput = QStringLiteral("throughput");
const QString Broadcast = QStringLiteral("broadcast");
const QString RestartPrepare = QStringLiteral("restartPrepare");
const QString RestartAwaitDown = QStringLiteral("restartAwaitDown");
const QString RestartPublish = QStringLiteral("restartPublish");
const QString RestartReconnect = QStringLiteral("restartReconnect");
const QString Sessions = QStringLiteral("sessions");

constexpr qint64 NsPerSec = 1000000000;
constexpr qint64 QuietNs = 500 * 1000000LL; // no frames for this long = nothing in flight
constexpr qint64 MaxQuietWaitNs = 10 * NsPerSec;
constexpr int ReconnectSettleMs = 1000; // after the last replayDone, to catch late duplicates

// Splits `total` over `count` shares; share `index` gets the remainder first.
int share(int total, int index, int count)
{
    return total / count + (index < total % count ? 1 : 0);
}

QJsonObject toJson(const QHash<QString, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject toJson(const QHash<int, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(QString::number(it.key()), it.value());
    return o;
}

QJsonObject toJson(const QMap<QString, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
} // namespace

BenchWorker::BenchWorker(const BenchOptions &options, int index, int count, QString sampleDir, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_index(index)
    , m_count(count)
    , m_sampleDir(std::move(sampleDir))
    , m_provisioner(options, this)
    , m_clients(options.webSocketUrl(),
          WsClientPool::Options {
              options.connectConcurrency > 0 ? std::max(1, share(options.connectConcurrency, index, count)) : 0,
              qint64(options.connectTimeoutSec * 1e9), options.ack, 200, 5000},
          this)
    , m_publisher(options.server, std::max(1, share(options.concurrency, index, count)), options.payloadBytes,
          // A fresh tag per run keeps nonces (and idempotency keys) unique across runs.
          QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36) + QStringLiteral("w")
              + QString::number(index),
          this)
{
    for (int u = index; u < options.users; u += count)
        m_users.push_back(u);

    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &BenchWorker::onDeadline);
    connect(&m_poll, &QTimer::timeout, this, &BenchWorker::onPoll);
    m_adminRenewal.setSingleShot(true);
    connect(&m_adminRenewal, &QTimer::timeout, this, [this] {
        m_provisioner.loginAdmin(QStringLiteral("w%1").arg(m_index), [this](bool ok, const QString &error) {
            if (ok)
                m_publisher.setToken(m_provisioner.admin().accessToken);
            else
                Console::line(QStringLiteral("warning: renewing the admin session failed: ") + error);
            scheduleAdminRenewal();
        });
    });
    connect(&m_clients, &WsClientPool::settled, this, &BenchWorker::onSettled);
    connect(&m_publisher, &Publisher::finished, this, &BenchWorker::onPublisherFinished);
    m_clients.setNotificationHandler([this](int client, qint64 recvNs, const FrameScanner::Notification &n,
                                         QStringView) { onNotification(client, recvNs, n); });
    // A connection the server drops mid-run comes back and resumes, as the desktop
    // client would; what it missed arrives through replay and still counts.
    m_clients.setAutoReconnect(true);
}

void BenchWorker::start(const QString &phase, const QJsonObject &args)
{
    if (m_active) {
        Console::line(QStringLiteral("phase %1 requested while %2 runs").arg(phase, m_phase));
        return;
    }
    m_phase = phase;
    m_active = true;
    ++m_phaseCounter;
    m_phaseStartNs = monotonicNs();
    m_phaseStartCpu = processCpuSeconds();
    m_settling = false;
    if (phase == Setup)
        setup();
    else if (phase == Connect)
        connectClients();
    else if (phase == Latency || phase == Throughput)
        measure(phase, args);
    else if (phase == Broadcast)
        broadcast(args);
    else if (phase == RestartPrepare)
        restartPrepare();
    else if (phase == RestartAwaitDown)
        restartAwaitDown(args);
    else if (phase == RestartPublish)
        restartPublish(args);
    else if (phase == RestartReconnect)
        restartReconnect(args);
    else if (phase == Sessions)
        finish({{QStringLiteral("sessions"), m_provisioner.sessionsForCache()}});
    else
        fail(QStringLiteral("unknown phase '%1'").arg(phase));
}

void BenchWorker::shutdown()
{
    m_adminRenewal.stop();
    m_deadline.stop();
    m_poll.stop();
    m_clients.closeAll();
}

void BenchWorker::finish(QJsonObject result)
{
    if (!m_active)
        return;
    m_active = false;
    m_deadline.stop();
    m_poll.stop();
    result.insert(QStringLiteral("phase"), m_phase);
    result.insert(QStringLiteral("worker"), m_index);
    if (!result.contains(QStringLiteral("ok")))
        result.insert(QStringLiteral("ok"), true);
    result.insert(QStringLiteral("benchRssKiB"), double(ServerControl::rssKiB(QStringLiteral("self"))));
    // If the bench itself was busy most of the phase, its figures measure the bench.
    result.insert(QStringLiteral("benchCpuSeconds"), std::round((processCpuSeconds() - m_phaseStartCpu) * 1000) / 1000);
    result.insert(QStringLiteral("phaseSeconds"), std::round(nsToSec(monotonicNs() - m_phaseStartNs) * 1000) / 1000);
    Q_EMIT finished(result);
}

void BenchWorker::fail(const QString &error)
{
    Console::line(QStringLiteral("%1 failed: %2").arg(m_phase, error));
    finish({{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}});
}

void BenchWorker::scheduleAdminRenewal()
{
    // Re-login at two thirds of the access token's life (15 min by default), so
    // long runs keep publishing. One timer per process.
    const qint64 left = m_provisioner.admin().expiresNs - monotonicNs();
    m_adminRenewal.start(int(std::clamp<qint64>(left * 2 / 3 / 1000000, 10000, 24 * 3600 * 1000)));
}

QString BenchWorker::samplePath(const QString &what) const
{
    return QDir(m_sampleDir).filePath(QStringLiteral("w%1-%2-%3.bin").arg(m_index).arg(m_phaseCounter).arg(what));
}

QVector<Publisher::Target> BenchWorker::heldTargets()
{
    m_heldByUser.clear();
    for (int c = 0; c < m_clients.size(); ++c) {
        if (m_clients.client(c).state == WsClientPool::State::Open)
            ++m_heldByUser[m_clients.client(c).user];
    }
    QVector<Publisher::Target> targets;
    for (int u : std::as_const(m_users)) {
        const QString id = m_provisioner.userId(u);
        if (m_heldByUser.value(u) > 0 && !id.isEmpty())
            targets.push_back({u, id});
    }
    return targets;
}

// --- setup and connect ---------------------------------------------------------

void BenchWorker::setup()
{
    m_provisioner.loginAdmin(QStringLiteral("w%1").arg(m_index), [this](bool ok, const QString &error) {
        if (!ok) {
            fail(error);
            return;
        }
        m_publisher.setToken(m_provisioner.admin().accessToken);
        scheduleAdminRenewal();
        m_provisioner.createUsers(m_users, [this] {
            QVector<UserProvisioner::Device> devices;
            for (int g = 0; g < m_options.connections; ++g) {
                const int user = g % m_options.users;
                if (user % m_count == m_index)
                    devices.push_back({g, user});
            }
            SessionCache cache;
            if (!m_options.freshLogins)
                cache.load(m_options.sessionCache);
            m_provisioner.loginDevices(devices, m_options.freshLogins ? nullptr : &cache, [this, devices] {
                const QVector<UserProvisioner::Session> &sessions = m_provisioner.sessions();
                for (int k = 0; k < sessions.size(); ++k) {
                    if (!sessions[k].ok) {
                        ++m_loginFailures;
                        continue;
                    }
                    const int client = m_clients.addClient(devices[k].user, sessions[k].accessToken);
                    m_sessionOfClient.push_back(k);
                    m_clientOfSession.insert(k, client);
                }
                const UserProvisioner::Counts &c = m_provisioner.counts();
                finish({{QStringLiteral("users"), int(m_users.size())},
                    {QStringLiteral("usersCreated"), c.usersCreated},
                    {QStringLiteral("usersExisting"), c.usersExisting},
                    {QStringLiteral("userFailures"), c.userFailures}, {QStringLiteral("devices"), int(devices.size())},
                    {QStringLiteral("logins"), c.logins}, {QStringLiteral("loginFailures"), c.loginFailures},
                    {QStringLiteral("reusedSessions"), c.reused},
                    {QStringLiteral("seconds"), nsToSec(monotonicNs() - m_phaseStartNs)}});
            });
        });
    });
}

void BenchWorker::connectClients()
{
    if (m_clients.size() == 0) {
        onSettled();
        return;
    }
    // Tokens live 15 minutes; a long setup must not hand out expired ones.
    const qint64 validUntil = monotonicNs() + qint64(m_options.connectTimeoutSec + 120) * NsPerSec;
    m_provisioner.refreshExpiring(validUntil, [this](const QVector<int> &refreshed) {
        for (int k : refreshed)
            m_clients.setToken(m_clientOfSession.value(k), m_provisioner.sessions()[k].accessToken);
        m_deadline.start(int((m_options.connectTimeoutSec + 60) * 1000 + m_clients.size()));
        m_clients.connectAll();
    });
}

void BenchWorker::onSettled()
{
    if (!m_active)
        return;
    if (m_phase == Connect) {
        finish({{QStringLiteral("requested"), m_clients.size() + m_loginFailures},
            {QStringLiteral("held"), m_clients.count(WsClientPool::State::Open)},
            {QStringLiteral("failed"), m_clients.count(WsClientPool::State::Failed) + m_loginFailures},
            {QStringLiteral("loginFailures"), m_loginFailures},
            {QStringLiteral("firstOpenNs"), double(m_clients.roundFirstOpenNs())},
            {QStringLiteral("lastReadyNs"), double(m_clients.roundLastReadyNs())},
            {QStringLiteral("failureReasons"), toJson(m_clients.failureReasons())}});
    } else if (m_phase == RestartReconnect && !m_settling) {
        m_settling = true;
        m_deadline.start(ReconnectSettleMs);
    }
}

// --- latency and throughput -----------------------------------------------------

void BenchWorker::measure(const QString &phase, const QJsonObject &args)
{
    m_kind = phase == Latency ? QStringLiteral("lat") : QStringLiteral("tp");
    const QVector<Publisher::Target> targets = heldTargets();
    m_expected = 0;
    m_received = 0;
    m_firstRecvNs = 0;
    m_lastRecvNs = 0;
    m_latency.clear();
    m_duplicatesBase = m_clients.counters().duplicates;
    m_dropsBase = m_clients.counters().drops;
    m_countersBase = m_clients.counters();
    m_clients.clearDropCloseCodes();
    m_publisher.setAcceptedHandler([this](int user, const QString &) { m_expected += m_heldByUser.value(user); });
    // With no targets the publisher finishes at once, with its stats reset.
    m_publishing = true;
    const auto durationNs = qint64(args.value(QLatin1String("durationSec")).toDouble() * 1e9);
    const double rate = args.value(QLatin1String("rate")).toDouble();
    m_latency.reserve(size_t(std::max(0.0, rate * double(durationNs) / 1e9 * 1.2)));
    // Only a safety net: a server that stops answering must not hang the bench.
    m_deadline.start(int(durationNs / 1000000 + (m_options.drainSec + 120) * 1000));
    if (phase == Latency)
        m_publisher.runPaced(targets, rate, durationNs, m_kind, m_phaseCounter);
    else
        m_publisher.runClosedLoop(targets, durationNs, m_kind, m_phaseCounter);
}

void BenchWorker::onPublisherFinished()
{
    if (!m_active)
        return;
    m_publishing = false;
    if (m_phase == Latency || m_phase == Throughput) {
        m_deadline.start(int(m_options.drainSec * 1000));
        checkMeasureDone();
    } else if (m_phase == Broadcast) {
        checkBroadcastDone();
    } else if (m_phase == RestartPublish) {
        const Publisher::Stats &s = m_publisher.stats();
        finish({{QStringLiteral("sent"), double(s.sent)}, {QStringLiteral("accepted"), double(s.accepted)},
            {QStringLiteral("failed"), double(s.failed)}, {QStringLiteral("failures"), toJson(s.failures)}});
    }
}

void BenchWorker::checkMeasureDone()
{
    if (m_active && !m_publishing && m_received >= m_expected)
        finishMeasure();
}

void BenchWorker::finishMeasure()
{
    const Publisher::Stats &s = m_publisher.stats();
    const QString latencyFile = samplePath(QStringLiteral("latency"));
    const QString httpFile = samplePath(QStringLiteral("http"));
    if (!m_latency.save(latencyFile) || !s.http.save(httpFile)) {
        fail(QStringLiteral("cannot write samples to %1").arg(m_sampleDir));
        return;
    }
    finish({{QStringLiteral("sent"), double(s.sent)}, {QStringLiteral("accepted"), double(s.accepted)},
        {QStringLiteral("failed"), double(s.failed)}, {QStringLiteral("failures"), toJson(s.failures)},
        {QStringLiteral("maxQueued"), s.maxQueued}, {QStringLiteral("expected"), double(m_expected)},
        {QStringLiteral("received"), double(m_received)},
        {QStringLiteral("duplicated"), double(m_clients.counters().duplicates - m_duplicatesBase)},
        {QStringLiteral("drops"), double(m_clients.counters().drops - m_dropsBase)},
        {QStringLiteral("dropCloseCodes"), toJson(m_clients.dropCloseCodes())},
        {QStringLiteral("seqGaps"), double(m_clients.counters().gaps - m_countersBase.gaps)},
        {QStringLiteral("serverErrorFrames"), double(m_clients.counters().serverErrors - m_countersBase.serverErrors)},
        {QStringLiteral("stillPublishing"), m_publishing}, {QStringLiteral("firstSendNs"), double(s.firstSendNs)},
        {QStringLiteral("lastDoneNs"), double(s.lastDoneNs)}, {QStringLiteral("firstRecvNs"), double(m_firstRecvNs)},
        {QStringLiteral("lastRecvNs"), double(m_lastRecvNs)}, {QStringLiteral("latencyFile"), latencyFile},
        {QStringLiteral("httpFile"), httpFile}});
}

void BenchWorker::onNotification(int client, qint64 recvNs, const FrameScanner::Notification &n)
{
    m_lastFrameNs = recvNs;
    if (n.kind == QLatin1String("bc")) {
        Round &r = m_rounds[n.round];
        ++r.received;
        r.maxLatencyNs = std::max(r.maxLatencyNs, recvNs - n.sentNs);
        if (n.round == m_round)
            checkBroadcastDone();
    } else if (n.kind == QLatin1String("rs")) {
        m_probe.received(client, n.nonce);
    } else if (m_active && n.round == m_phaseCounter && n.kind == m_kind && n.sentNs > 0) {
        ++m_received;
        m_latency.add(recvNs - n.sentNs);
        if (m_firstRecvNs == 0)
            m_firstRecvNs = recvNs;
        m_lastRecvNs = recvNs;
        if (!m_publishing && m_received >= m_expected)
            checkMeasureDone();
    }
}

// --- broadcast ------------------------------------------------------------------

void BenchWorker::broadcast(const QJsonObject &args)
{
    m_round = args.value(QLatin1String("round")).toInt();
    m_roundPublish = args.value(QLatin1String("publish")).toBool();
    m_roundExpected = m_clients.count(WsClientPool::State::Open);
    m_deadline.start(int(args.value(QLatin1String("timeoutSec")).toDouble(30) * 1000));
    if (m_roundPublish) {
        m_publishing = true;
        m_publisher.setAcceptedHandler({});
        m_publisher.broadcast(m_round);
    }
    checkBroadcastDone();
}

void BenchWorker::checkBroadcastDone()
{
    if (!m_active || m_phase != Broadcast || m_publishing || m_rounds.value(m_round).received < m_roundExpected)
        return;
    const Round r = m_rounds.value(m_round);
    QJsonObject result {{QStringLiteral("round"), m_round}, {QStringLiteral("expected"), m_roundExpected},
        {QStringLiteral("received"), r.received}, {QStringLiteral("maxLatencyNs"), double(r.maxLatencyNs)}};
    if (m_roundPublish) {
        result.insert(QStringLiteral("accepted"), double(m_publisher.stats().accepted));
        result.insert(QStringLiteral("failures"), toJson(m_publisher.stats().failures));
    }
    finish(result);
}

// --- restart --------------------------------------------------------------------

void BenchWorker::restartPrepare()
{
    // Wait until the stream is quiet, so nothing still in flight from earlier
    // phases can be mistaken for (or hide) a replay.
    m_poll.start(100);
}

void BenchWorker::restartAwaitDown(const QJsonObject &args)
{
    m_deadline.start(int(args.value(QLatin1String("timeoutSec")).toDouble(120) * 1000));
    m_poll.start(20);
    onPoll();
}

void BenchWorker::onPoll()
{
    if (!m_active)
        return;
    const qint64 now = monotonicNs();
    if (m_phase == RestartPrepare) {
        if (now - m_lastFrameNs < QuietNs && now - m_phaseStartNs < MaxQuietWaitNs)
            return;
        m_poll.stop();
        // The clients must present valid access tokens after the restart too.
        const qint64 validUntil = now + qint64(m_options.restartTimeoutSec * 2 + 300) * NsPerSec;
        m_provisioner.refreshExpiring(validUntil, [this](const QVector<int> &refreshed) {
            for (int k : refreshed)
                m_clients.setToken(m_clientOfSession.value(k), m_provisioner.sessions()[k].accessToken);
            m_clients.setAutoReconnect(false);
            m_restartClients.clear();
            for (int c = 0; c < m_clients.size(); ++c) {
                if (m_clients.client(c).state == WsClientPool::State::Open)
                    m_restartClients.insert(c, m_clients.client(c).user);
            }
            m_probe.reset(m_restartClients);
            finish({{QStringLiteral("held"), int(m_restartClients.size())},
                {QStringLiteral("refreshed"), int(refreshed.size())}});
        });
    } else if (m_phase == RestartAwaitDown) {
        if (m_clients.count(WsClientPool::State::Open) > 0)
            return;
        finish({{QStringLiteral("stillOpen"), 0}, {QStringLiteral("seconds"), nsToSec(now - m_phaseStartNs)}});
    }
}

void BenchWorker::restartPublish(const QJsonObject &args)
{
    const int perUser = args.value(QLatin1String("perUser")).toInt(1);
    // A fresh admin session: also proves login works against the restarted server.
    m_provisioner.loginAdmin(QStringLiteral("w%1").arg(m_index), [this, perUser](bool ok, const QString &error) {
        if (!ok) {
            fail(error);
            return;
        }
        m_publisher.setToken(m_provisioner.admin().accessToken);
        QSet<int> users;
        for (int user : std::as_const(m_restartClients))
            users.insert(user);
        QVector<Publisher::Target> targets;
        for (int u : std::as_const(m_users)) {
            if (users.contains(u) && !m_provisioner.userId(u).isEmpty())
                targets.push_back({u, m_provisioner.userId(u)});
        }
        m_publisher.setAcceptedHandler([this](int user, const QString &nonce) { m_probe.expect(user, nonce); });
        m_publishing = true;
        m_publisher.runSet(targets, perUser, QStringLiteral("rs"));
    });
}

void BenchWorker::restartReconnect(const QJsonObject &args)
{
    const double timeoutSec = args.value(QLatin1String("timeoutSec")).toDouble(120);
    m_countersBase = m_clients.counters();
    m_deadline.start(int(timeoutSec * 1000));
    m_clients.reconnectAll(args.value(QLatin1String("jitterMs")).toInt(), monotonicNs() + qint64(timeoutSec * 1e9));
    if (m_clients.busy() == 0)
        onSettled();
}

void BenchWorker::finishReconnect()
{
    int ready = 0;
    for (auto it = m_restartClients.constBegin(); it != m_restartClients.constEnd(); ++it) {
        if (m_clients.client(it.key()).state == WsClientPool::State::Open)
            ++ready;
    }
    const WsClientPool::Counters &c = m_clients.counters();
    const qint64 seqDuplicates = c.duplicates - m_countersBase.duplicates;
    const RestartProbe::Result probe = m_probe.verify();
    m_clients.setAutoReconnect(true);
    finish({{QStringLiteral("clients"), int(m_restartClients.size())}, {QStringLiteral("ready"), ready},
        {QStringLiteral("failed"), int(m_restartClients.size()) - ready},
        {QStringLiteral("firstOpenNs"), double(m_clients.roundFirstOpenNs())},
        {QStringLiteral("lastReadyNs"), double(m_clients.roundLastReadyNs())},
        {QStringLiteral("attempts"), double(c.attempts - m_countersBase.attempts)},
        {QStringLiteral("resyncs"), double(c.resyncs - m_countersBase.resyncs)},
        {QStringLiteral("epochChanges"), double(c.epochChanges - m_countersBase.epochChanges)},
        {QStringLiteral("replayed"), double(c.replayed - m_countersBase.replayed)},
        {QStringLiteral("seqGaps"), double(c.gaps - m_countersBase.gaps)},
        {QStringLiteral("expected"), double(probe.expected)}, {QStringLiteral("received"), double(probe.received)},
        {QStringLiteral("missed"), double(probe.missed)},
        {QStringLiteral("duplicated"), double(probe.duplicated + seqDuplicates)},
        {QStringLiteral("extra"), double(probe.extra)},
        {QStringLiteral("failureReasons"), toJson(m_clients.failureReasons())}});
}

void BenchWorker::onDeadline()
{
    if (!m_active)
        return;
    if (m_phase == Connect) {
        m_clients.giveUp(); // emits settled, which finishes the phase
        onSettled();
    } else if (m_phase == Latency || m_phase == Throughput) {
        finishMeasure();
    } else if (m_phase == Broadcast) {
        m_publishing = false;
        const Round r = m_rounds.value(m_round);
        finish({{QStringLiteral("round"), m_round}, {QStringLiteral("expected"), m_roundExpected},
            {QStringLiteral("received"), r.received}, {QStringLiteral("maxLatencyNs"), double(r.maxLatencyNs)},
            {QStringLiteral("timedOut"), true}});
    } else if (m_phase == RestartAwaitDown) {
        finish({{QStringLiteral("stillOpen"), m_clients.count(WsClientPool::State::Open)},
            {QStringLiteral("seconds"), nsToSec(monotonicNs() - m_phaseStartNs)}});
    } else if (m_phase == RestartReconnect) {
        if (!m_settling) {
            m_settling = true;
            m_clients.giveUp();
        }
        finishReconnect();
    }
}

} // namespace Tidings::Bench
