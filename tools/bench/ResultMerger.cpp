#include "ResultMerger.h"

#include "LatencyRecorder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace Tidings::Bench {

namespace {
double seconds(double ns)
{
    return std::round(ns / 1e6) / 1e3; // s with ms resolution
}

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}
} // namespace

double ResultMerger::sum(const Results &results, const QString &key)
{
    double total = 0;
    for (const QJsonObject &r : results)
        total += r.value(key).toDouble();
    return total;
}

double ResultMerger::earliest(const Results &results, const QString &key)
{
    double best = std::numeric_limits<double>::max();
    for (const QJsonObject &r : results) {
        const double v = r.value(key).toDouble();
        if (v > 0)
            best = std::min(best, v);
    }
    return best == std::numeric_limits<double>::max() ? 0 : best;
}

double ResultMerger::latest(const Results &results, const QString &key)
{
    double best = 0;
    for (const QJsonObject &r : results)
        best = std::max(best, r.value(key).toDouble());
    return best;
}

QJsonObject ResultMerger::sumObjects(const Results &results, const QString &key)
{
    QJsonObject total;
    for (const QJsonObject &r : results) {
        const QJsonObject o = r.value(key).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            total.insert(it.key(), total.value(it.key()).toDouble() + it.value().toDouble());
    }
    return total;
}

void ResultMerger::addBenchLoad(QJsonObject *section, const Results &results, const QString &label, Findings *findings)
{
    double busiest = 0;
    for (const QJsonObject &r : results) {
        const double wall = r.value(QLatin1String("phaseSeconds")).toDouble();
        if (wall > 0)
            busiest = std::max(busiest, r.value(QLatin1String("benchCpuSeconds")).toDouble() / wall * 100);
    }
    section->insert(QStringLiteral("benchCpuSeconds"), rounded(sum(results, QStringLiteral("benchCpuSeconds")), 3));
    section->insert(QStringLiteral("benchBusyPercent"), rounded(busiest, 1));
    if (busiest > 85)
        findings->warnings << QStringLiteral("%1: a bench process was busy %2% of the time, so it may have limited "
                                             "the figures; try --processes")
                                  .arg(label)
                                  .arg(rounded(busiest, 0));
}

QJsonObject ResultMerger::setup(const Results &results, Findings *findings)
{
    QJsonObject s;
    for (const char *key : {"users", "usersCreated", "usersExisting", "userFailures", "devices", "logins",
             "loginFailures", "reusedSessions"})
        s.insert(QLatin1String(key), sum(results, QLatin1String(key)));
    s.insert(QStringLiteral("seconds"), rounded(latest(results, QStringLiteral("seconds")), 3));
    if (s.value(QLatin1String("userFailures")).toDouble() > 0)
        findings->warnings
            << QStringLiteral("%1 users could not be created").arg(s.value(QLatin1String("userFailures")).toDouble());
    if (s.value(QLatin1String("loginFailures")).toDouble() > 0)
        findings->problems
            << QStringLiteral("%1 device logins failed").arg(s.value(QLatin1String("loginFailures")).toDouble());
    return s;
}

QJsonObject ResultMerger::connect(const Results &results, Findings *findings)
{
    QJsonObject c;
    const double requested = sum(results, QStringLiteral("requested"));
    const double held = sum(results, QStringLiteral("held"));
    c.insert(QStringLiteral("requested"), requested);
    c.insert(QStringLiteral("held"), held);
    c.insert(QStringLiteral("failed"), sum(results, QStringLiteral("failed")));
    const double first = earliest(results, QStringLiteral("firstOpenNs"));
    const double last = latest(results, QStringLiteral("lastReadyNs"));
    c.insert(QStringLiteral("seconds"), first > 0 && last > first ? seconds(last - first) : 0.0);
    c.insert(QStringLiteral("failureReasons"), sumObjects(results, QStringLiteral("failureReasons")));
    c.insert(QStringLiteral("benchRssKiB"), sum(results, QStringLiteral("benchRssKiB")));
    addBenchLoad(&c, results, QStringLiteral("connect"), findings);
    if (held < requested)
        findings->problems << QStringLiteral("%1 of %2 connections failed").arg(requested - held).arg(requested);
    return c;
}

QJsonObject ResultMerger::measurement(const Results &results, const QString &label, Findings *findings)
{
    QJsonObject m;
    for (const char *key :
        {"sent", "accepted", "failed", "expected", "received", "duplicated", "drops", "seqGaps", "serverErrorFrames"})
        m.insert(QLatin1String(key), sum(results, QLatin1String(key)));
    m.insert(QStringLiteral("dropCloseCodes"), sumObjects(results, QStringLiteral("dropCloseCodes")));
    m.insert(QStringLiteral("failures"), sumObjects(results, QStringLiteral("failures")));
    m.insert(QStringLiteral("maxQueued"), latest(results, QStringLiteral("maxQueued")));

    const double firstSend = earliest(results, QStringLiteral("firstSendNs"));
    const double lastDone = latest(results, QStringLiteral("lastDoneNs"));
    const double lastRecv = latest(results, QStringLiteral("lastRecvNs"));
    const double accepted = m.value(QLatin1String("accepted")).toDouble();
    const double received = m.value(QLatin1String("received")).toDouble();
    m.insert(QStringLiteral("publishSeconds"), firstSend > 0 ? seconds(lastDone - firstSend) : 0.0);
    m.insert(QStringLiteral("publishesPerSec"),
        lastDone > firstSend && firstSend > 0 ? rounded(accepted / ((lastDone - firstSend) / 1e9), 1) : 0.0);
    m.insert(QStringLiteral("deliveriesPerSec"),
        lastRecv > firstSend && firstSend > 0 ? rounded(received / ((lastRecv - firstSend) / 1e9), 1) : 0.0);

    LatencyRecorder latency;
    LatencyRecorder http;
    for (const QJsonObject &r : results) {
        if (!latency.appendFrom(r.value(QLatin1String("latencyFile")).toString())
            || !http.appendFrom(r.value(QLatin1String("httpFile")).toString()))
            findings->problems << QStringLiteral("%1: a worker's samples could not be read").arg(label);
    }
    m.insert(QStringLiteral("latencyMs"), latency.summarize().toJsonMs());
    m.insert(QStringLiteral("publishRequestMs"), http.summarize().toJsonMs());

    addBenchLoad(&m, results, label, findings);
    const double missing = m.value(QLatin1String("expected")).toDouble() - received;
    m.insert(QStringLiteral("undelivered"), std::max(0.0, missing));
    if (missing > 0)
        findings->problems << QStringLiteral("%1: %2 deliveries missing after the drain").arg(label).arg(missing);
    if (m.value(QLatin1String("duplicated")).toDouble() > 0)
        findings->problems << QStringLiteral("%1: %2 notifications delivered twice")
                                  .arg(label)
                                  .arg(m.value(QLatin1String("duplicated")).toDouble());
    if (m.value(QLatin1String("failed")).toDouble() > 0)
        findings->warnings << QStringLiteral("%1: %2 publishes not accepted")
                                  .arg(label)
                                  .arg(m.value(QLatin1String("failed")).toDouble());
    if (m.value(QLatin1String("drops")).toDouble() > 0)
        findings->warnings << QStringLiteral("%1: the server dropped %2 connections (they resumed); close codes %3")
                                  .arg(label)
                                  .arg(m.value(QLatin1String("drops")).toDouble())
                                  .arg(QString::fromUtf8(
                                      QJsonDocument(m.value(QLatin1String("dropCloseCodes")).toObject())
                                          .toJson(QJsonDocument::Compact)));
    if (m.value(QLatin1String("serverErrorFrames")).toDouble() > 0)
        findings->warnings << QStringLiteral("%1: the server sent %2 error frames")
                                  .arg(label)
                                  .arg(m.value(QLatin1String("serverErrorFrames")).toDouble());
    return m;
}

QJsonObject ResultMerger::broadcastRound(const Results &results, Findings *findings)
{
    QJsonObject r;
    r.insert(QStringLiteral("round"), results.value(0).value(QLatin1String("round")));
    const double expected = sum(results, QStringLiteral("expected"));
    const double received = sum(results, QStringLiteral("received"));
    r.insert(QStringLiteral("expected"), expected);
    r.insert(QStringLiteral("received"), received);
    r.insert(QStringLiteral("lastReceiveMs"), rounded(latest(results, QStringLiteral("maxLatencyNs")) / 1e6, 3));
    r.insert(QStringLiteral("accepted"), sum(results, QStringLiteral("accepted")));
    r.insert(QStringLiteral("complete"), received >= expected);
    addBenchLoad(
        &r, results, QStringLiteral("broadcast round %1").arg(r.value(QLatin1String("round")).toInt()), findings);
    if (received < expected)
        findings->problems << QStringLiteral("broadcast round %1: %2 of %3 connections received it")
                                  .arg(r.value(QLatin1String("round")).toInt())
                                  .arg(received)
                                  .arg(expected);
    if (sum(results, QStringLiteral("accepted")) < 1)
        findings->problems << QStringLiteral("broadcast round %1 was not accepted: %2")
                                  .arg(r.value(QLatin1String("round")).toInt())
                                  .arg(QString::fromUtf8(QJsonDocument(sumObjects(results, QStringLiteral("failures")))
                                                             .toJson(QJsonDocument::Compact)));
    return r;
}

QJsonObject ResultMerger::broadcast(const QVector<QJsonObject> &rounds)
{
    std::vector<qint64> times; // µs, to reuse the nearest-rank helper
    QJsonArray list;
    for (const QJsonObject &r : rounds) {
        list.append(r);
        if (r.value(QLatin1String("complete")).toBool())
            times.push_back(qint64(r.value(QLatin1String("lastReceiveMs")).toDouble() * 1000));
    }
    std::sort(times.begin(), times.end());
    QJsonObject b {{QStringLiteral("rounds"), list}, {QStringLiteral("completeRounds"), int(times.size())}};
    if (!times.empty()) {
        b.insert(QStringLiteral("medianMs"), double(LatencyRecorder::nearestRank(times, 50)) / 1000);
        b.insert(QStringLiteral("minMs"), double(times.front()) / 1000);
        b.insert(QStringLiteral("maxMs"), double(times.back()) / 1000);
    }
    return b;
}

QJsonObject ResultMerger::restart(
    const QJsonObject &prepare, const Results &publish, const Results &reconnect, Findings *findings)
{
    QJsonObject r = prepare;
    r.insert(QStringLiteral("published"), sum(publish, QStringLiteral("accepted")));
    r.insert(QStringLiteral("publishFailures"), sumObjects(publish, QStringLiteral("failures")));
    for (const char *key : {"clients", "ready", "failed", "attempts", "resyncs", "epochChanges", "replayed", "seqGaps",
             "expected", "received", "missed", "duplicated", "extra"})
        r.insert(QLatin1String(key), sum(reconnect, QLatin1String(key)));
    const double first = earliest(reconnect, QStringLiteral("firstOpenNs"));
    const double last = latest(reconnect, QStringLiteral("lastReadyNs"));
    r.insert(QStringLiteral("recoverySeconds"), first > 0 && last > first ? seconds(last - first) : 0.0);
    r.insert(QStringLiteral("failureReasons"), sumObjects(reconnect, QStringLiteral("failureReasons")));
    addBenchLoad(&r, reconnect, QStringLiteral("restart reconnect"), findings);

    auto value = [&r](const char *key) { return r.value(QLatin1String(key)).toDouble(); };
    if (value("failed") > 0)
        findings->problems
            << QStringLiteral("restart: %1 of %2 clients did not resume").arg(value("failed")).arg(value("clients"));
    if (value("missed") > 0)
        findings->problems << QStringLiteral("restart: %1 notifications missed").arg(value("missed"));
    if (value("duplicated") > 0)
        findings->problems << QStringLiteral("restart: %1 notifications duplicated").arg(value("duplicated"));
    if (sum(publish, QStringLiteral("failed")) > 0)
        findings->problems
            << QStringLiteral("restart: %1 publishes were not accepted").arg(sum(publish, QStringLiteral("failed")));
    if (value("resyncs") > 0)
        findings->warnings << QStringLiteral("restart: %1 clients were told to resync").arg(value("resyncs"));
    if (value("extra") > 0)
        findings->warnings << QStringLiteral("restart: %1 unconfirmed notifications arrived").arg(value("extra"));
    return r;
}

} // namespace Tidings::Bench
