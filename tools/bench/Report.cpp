#include "Report.h"

#include "Console.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdio>

namespace Tidings::Bench {

namespace {
constexpr int LabelWidth = 48;

QString num(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

QString num(const QJsonObject &o, const char *key, int decimals = 0)
{
    return num(o.value(QLatin1String(key)).toDouble(), decimals);
}

QString kib(double v)
{
    return v >= 10240 ? QStringLiteral("%1 MiB").arg(num(v / 1024, 1)) : QStringLiteral("%1 KiB").arg(num(v));
}

class Table
{
public:
    void section(const QString &title)
    {
        if (!m_text.isEmpty())
            m_text += QLatin1Char('\n');
        m_text += title + QLatin1Char('\n');
    }
    void row(const QString &label, const QString &value)
    {
        m_text += QStringLiteral("  ") + label.leftJustified(LabelWidth, QLatin1Char(' ')) + QLatin1Char(' ') + value
            + QLatin1Char('\n');
    }
    void line(const QString &text) { m_text += QStringLiteral("  ") + text + QLatin1Char('\n'); }
    [[nodiscard]] QString text() const { return m_text; }

private:
    QString m_text;
};

QString percentiles(const QJsonObject &ms)
{
    if (ms.value(QLatin1String("samples")).toDouble() <= 0)
        return QStringLiteral("no samples");
    return QStringLiteral("%1 / %2 / %3 / %4 ms  (%5 samples)")
        .arg(num(ms, "p50", 3), num(ms, "p95", 3), num(ms, "p99", 3), num(ms, "max", 3), num(ms, "samples"));
}

void measurementRows(Table &t, const QJsonObject &m)
{
    t.row(QStringLiteral("published (202) / not accepted"),
        QStringLiteral("%1 / %2  (%3/s achieved)")
            .arg(num(m, "accepted"), num(m, "failed"), num(m, "publishesPerSec", 1)));
    t.row(QStringLiteral("delivered / expected"),
        QStringLiteral("%1 / %2  (duplicated %3, dropped connections %4)")
            .arg(num(m, "received"), num(m, "expected"), num(m, "duplicated"), num(m, "drops")));
    t.row(QStringLiteral("deliveries/s"), num(m, "deliveriesPerSec", 1));
    t.row(QStringLiteral("publish->receive p50 / p95 / p99 / max"),
        percentiles(m.value(QLatin1String("latencyMs")).toObject()));
    t.row(QStringLiteral("publish request (-> 202) p50 / p95 / p99 / max"),
        percentiles(m.value(QLatin1String("publishRequestMs")).toObject()));
    t.row(QStringLiteral("bench CPU (busiest process)"), QStringLiteral("%1%").arg(num(m, "benchBusyPercent")));
    if (m.value(QLatin1String("maxQueued")).toDouble() > 0)
        t.row(QStringLiteral("bench backlog (max queued requests)"), num(m, "maxQueued"));
}

QString mib(double bytes)
{
    return QStringLiteral("%1 MiB").arg(num(bytes / (1024 * 1024), 1));
}

// "p50 / p99 / max" of a LatencyRecorder summary in ms.
QString p50p99(const QJsonObject &ms)
{
    if (ms.value(QLatin1String("samples")).toDouble() <= 0)
        return QStringLiteral("no samples");
    return QStringLiteral("%1 / %2 / %3 ms").arg(num(ms, "p50", 3), num(ms, "p99", 3), num(ms, "max", 3));
}

// One line per part of a ModelBench measurement: the whole apply(), then its parts.
void phaseRows(Table &t, const QString &what, const QJsonObject &m)
{
    auto part = [&m](const char *key) { return m.value(QLatin1String(key)).toObject(); };
    t.row(what + QStringLiteral(" p50 / p99 / max"),
        QStringLiteral("%1  (%2 events)").arg(p50p99(part("totalMs")), num(m, "count")));
    t.row(QStringLiteral("  of which store (SQL, rows read back)"), p50p99(part("storeMs")));
    t.row(QStringLiteral("  of which models (list model, filter)"), p50p99(part("modelsMs")));
    t.row(QStringLiteral("  of which BadgeState"), p50p99(part("badgeMs")));
}

void clientSections(Table &t, const QJsonObject &client, const QJsonObject &config)
{
    const double events = config.value(QLatin1String("events")).toDouble();
    t.section(QStringLiteral("Client store: apply a replay of the event mix (BadgeState attached)"));
    t.row(QStringLiteral("batch size (events applied)"),
        QStringLiteral("events/s; per-batch apply p50 / p99 / max; db + WAL; rows"));
    QJsonObject replayed;
    for (const QJsonValue &v : client.value(QLatin1String("storeApply")).toArray()) {
        const QJsonObject r = v.toObject();
        const double rate = r.value(QLatin1String("eventsPerSec")).toDouble();
        QString label = QStringLiteral("%1 (%2)").arg(num(r, "batchSize"), num(r, "events"));
        QString value = QStringLiteral("%1/s; %2; %3 + %4; %5 rows")
                            .arg(num(rate), p50p99(r.value(QLatin1String("batchMs")).toObject()),
                                mib(r.value(QLatin1String("dbBytes")).toDouble()),
                                mib(r.value(QLatin1String("walBytes")).toDouble()), num(r, "rows"));
        if (r.value(QLatin1String("events")).toDouble() < events && rate > 0)
            value += QStringLiteral("; %1 events would take %2 s").arg(num(events), num(events / rate, 1));
        t.row(label, value);
        if (r.contains(QLatin1String("duplicates")))
            replayed = r;
    }
    if (!replayed.isEmpty()) {
        const QJsonObject d = replayed.value(QLatin1String("duplicates")).toObject();
        t.row(QStringLiteral("the same %1 events again (batches of %2)")
                  .arg(num(d, "events"), num(replayed, "batchSize")),
            QStringLiteral("%1/s; rows %2 -> %3, lastSeq %4 -> %5, %6 change signals: %7")
                .arg(num(d, "eventsPerSec"), num(d, "rowsBefore"), num(d, "rowsAfter"), num(d, "lastSeqBefore"),
                    num(d, "lastSeqAfter"), num(d, "changeSignals"),
                    d.value(QLatin1String("unchanged")).toBool() ? QStringLiteral("unchanged")
                                                                 : QStringLiteral("CHANGED")));
    }

    const QJsonObject m = client.value(QLatin1String("models")).toObject();
    if (m.isEmpty())
        return;
    auto obj = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toObject(); };
    t.section(QStringLiteral("Client models over %1 notifications (BadgeState attached)").arg(num(m, "rows")));
    const QJsonObject fill = obj(m, "fill");
    t.row(QStringLiteral("fill the store (batches of 2000)"),
        QStringLiteral("%1 notifications/s; db %2")
            .arg(num(fill, "notificationsPerSec"), mib(fill.value(QLatin1String("dbBytes")).toDouble())));
    t.row(QStringLiteral("load every row, one page"), QStringLiteral("%1 ms").arg(num(obj(m, "load"), "ms", 1)));
    t.row(QStringLiteral("load every row, fetchMore in pages of 100"),
        QStringLiteral("%1 ms").arg(num(obj(m, "loadPaged"), "ms", 1)));
    const QJsonObject memory = obj(m, "memory");
    t.row(QStringLiteral("RSS before / after loading"),
        QStringLiteral("%1 / %2  (%3 bytes per row)")
            .arg(kib(memory.value(QLatin1String("rssBeforeKiB")).toDouble()),
                kib(memory.value(QLatin1String("rssAfterKiB")).toDouble()), num(memory, "bytesPerRow")));
    phaseRows(t, QStringLiteral("live insert at the top"), obj(m, "liveInserts"));
    phaseRows(t, QStringLiteral("read -> dataChanged"), obj(m, "reads"));
    for (const QJsonValue &v : obj(m, "filter").value(QLatin1String("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        t.row(QStringLiteral("filter: ") + s.value(QLatin1String("step")).toString().left(LabelWidth - 8),
            QStringLiteral("%1 ms -> %2 rows").arg(num(s, "ms", 1), num(s, "rows")));
    }
    const QJsonObject withFilter = obj(m, "withFilter");
    phaseRows(t, QStringLiteral("unread filter: live insert"), obj(withFilter, "liveInserts"));
    phaseRows(t, QStringLiteral("unread filter: read (row leaves)"), obj(withFilter, "reads"));
}

// "p50 / p95 / p99 ms (mean m)" of the server's latency histogram, interpolated.
QString histogramPercentiles(const QJsonObject &ms)
{
    if (ms.value(QLatin1String("samples")).toDouble() <= 0)
        return QStringLiteral("no samples");
    return QStringLiteral("%1 / %2 / %3 ms  (mean %4 ms, %5 samples)")
        .arg(num(ms, "p50", 1), num(ms, "p95", 1), num(ms, "p99", 1), num(ms, "mean", 1), num(ms, "samples"));
}

void deliverySection(Table &t, const QString &channel, const QJsonObject &d)
{
    const bool email = channel == QLatin1String("email");
    t.section(email
            ? QStringLiteral("Delivery: email through SMTP, %1 notifications").arg(num(d, "deliveries"))
            : QStringLiteral("Delivery: webhooks to the bench's receiver, %1 notifications").arg(num(d, "deliveries")));
    if (d.contains(QLatin1String("notRun"))) {
        t.row(QStringLiteral("not run"), d.value(QLatin1String("notRun")).toString());
        return;
    }
    t.row(QStringLiteral("published (202) / not accepted"),
        QStringLiteral("%1 / %2  (%3/s over %4 s; request p50 %5 ms)")
            .arg(num(d, "published"), num(d, "notAccepted"), num(d, "publishesPerSec", 1), num(d, "publishSeconds", 3),
                num(d.value(QLatin1String("publishRequestMs")).toObject(), "p50", 3)));
    t.row(QStringLiteral("server: sent / failed / retried / skipped"),
        QStringLiteral("%1 / %2 / %3 / %4  (max queue depth %5)")
            .arg(num(d, "sent"), num(d, "failed"), num(d, "retried"), num(d, "skipped"), num(d, "maxQueueDepth")));
    if (!email) {
        t.row(QStringLiteral("received: requests / job ids / missing"),
            QStringLiteral("%1 / %2 / %3  (duplicates %4, over %5 connections)")
                .arg(num(d, "requests"), num(d, "jobs"), num(d, "missing"), num(d, "duplicates"),
                    num(d, "receiverConnections")));
    }
    const QString rateLabel = email ? QStringLiteral("emails/s, first publish -> all sent (/metrics)")
                                    : QStringLiteral("jobs/s, first publish -> last webhook received");
    t.row(rateLabel,
        d.contains(QLatin1String("perSec"))
            ? QStringLiteral("%1/s  (%2 s)").arg(num(d, "perSec", 1), num(d, "seconds", 3))
            : QStringLiteral("not reached"));
    if (d.contains(QLatin1String("afterPublishPerSec")))
        t.row(QStringLiteral("  after the last 202 (publishing done)"),
            QStringLiteral("%1/s  (%2 of %3 were delivered by then)")
                .arg(num(d, "afterPublishPerSec", 1), num(d, "deliveredAtLastPublish"), num(d, "published")));
    if (!email)
        t.row(QStringLiteral("receive - createdAt p50 / p95 / p99 / max"),
            percentiles(d.value(QLatin1String("receiveLatencyMs")).toObject()));
    t.row(QStringLiteral("server latency histogram p50 / p95 / p99"),
        histogramPercentiles(d.value(QLatin1String("histogramLatencyMs")).toObject())
            + QStringLiteral(", interpolated in buckets"));
    QString cpu = QStringLiteral("bench %1%").arg(num(d, "benchBusyPercent"));
    if (d.contains(QLatin1String("serverBusyPercent")))
        cpu += QStringLiteral(", tidingsd %1%").arg(num(d, "serverBusyPercent"));
    t.row(QStringLiteral("CPU during the phase (100% = one core)"), cpu);
}
} // namespace

Report::Report(QJsonObject results)
    : m_results(std::move(results))
{
}

QString Report::table() const
{
    Table t;
    const QJsonObject config = m_results.value(QLatin1String("config")).toObject();
    if (m_results.contains(QLatin1String("client"))) {
        t.section(
            QStringLiteral("tidings-bench %1: client core (libtidings), no server; %2 CPUs, SQLite %3, "
                           "stores in %4")
                .arg(m_results.value(QLatin1String("version")).toString(), num(config, "cpus"),
                    config.value(QLatin1String("sqlite")).toString(), config.value(QLatin1String("dir")).toString()));
        clientSections(t, m_results.value(QLatin1String("client")).toObject(), config);
    } else if (m_results.contains(QLatin1String("delivery"))) {
        t.section(QStringLiteral("tidings-bench %1: %2, scenario delivery, %3 notifications per channel over %4 users, "
                                 "%5 publishes in flight")
                      .arg(m_results.value(QLatin1String("version")).toString(),
                          config.value(QLatin1String("server")).toString(), num(config, "deliveries"),
                          num(config, "users"), num(config, "concurrency")));
        t.row(QStringLiteral("host load average (1 min) at start / end"),
            QStringLiteral("%1 / %2  (%3 CPUs)")
                .arg(num(config, "loadAverageAtStart", 2), num(m_results, "loadAverageAtEnd", 2), num(config, "cpus")));
    } else {
        t.section(
            QStringLiteral("tidings-bench %1: %2, %3 connections over %4 users, %5 process(es), scenario %6")
                .arg(m_results.value(QLatin1String("version")).toString(),
                    config.value(QLatin1String("server")).toString(), num(config, "connections"), num(config, "users"),
                    num(config, "processes"), config.value(QLatin1String("scenario")).toString()));
    }
    // The server sections below are empty in a client report.

    const QJsonObject setup = m_results.value(QLatin1String("setup")).toObject();
    if (!setup.isEmpty()) {
        t.section(QStringLiteral("Setup"));
        t.row(QStringLiteral("users created / existing / failed"),
            QStringLiteral("%1 / %2 / %3")
                .arg(num(setup, "usersCreated"), num(setup, "usersExisting"), num(setup, "userFailures")));
        t.row(QStringLiteral("device sessions / failed"),
            QStringLiteral("%1 / %2  (%3 refreshed from the session cache; setup took %4 s)")
                .arg(num(setup, "logins"), num(setup, "loginFailures"), num(setup, "reusedSessions"),
                    num(setup, "seconds", 1)));
    }

    const QJsonObject connect = m_results.value(QLatin1String("connect")).toObject();
    const QJsonObject memory = m_results.value(QLatin1String("memory")).toObject();
    if (!connect.isEmpty()) {
        t.section(QStringLiteral("Connections"));
        t.row(QStringLiteral("held (welcome received) / requested"),
            QStringLiteral("%1 / %2").arg(num(connect, "held"), num(connect, "requested")));
        t.row(QStringLiteral("connect time, first open -> last welcome"),
            QStringLiteral("%1 s").arg(num(connect, "seconds", 3)));
        t.row(QStringLiteral("bench CPU during connect (busiest process)"),
            QStringLiteral("%1%").arg(num(connect, "benchBusyPercent")));
        const QJsonObject reasons = connect.value(QLatin1String("failureReasons")).toObject();
        for (auto it = reasons.constBegin(); it != reasons.constEnd(); ++it)
            t.row(QStringLiteral("  failure: ") + it.key().left(LabelWidth - 11), num(it.value().toDouble()));
        if (memory.contains(QLatin1String("rssIdleKiB"))) {
            t.row(QStringLiteral("server RSS before connecting / idle"),
                QStringLiteral("%1 / %2").arg(kib(memory.value(QLatin1String("rssBeforeKiB")).toDouble()),
                    kib(memory.value(QLatin1String("rssIdleKiB")).toDouble())));
            t.row(QStringLiteral("server RSS per idle connection"),
                memory.contains(QLatin1String("perConnectionKiB"))
                    ? QStringLiteral("%1 KiB").arg(num(memory, "perConnectionKiB", 2))
                    : QStringLiteral("n/a"));
        } else {
            t.row(QStringLiteral("server RSS"), QStringLiteral("not measured (no --server-pid)"));
        }
        t.row(QStringLiteral("bench RSS (all workers)"), kib(memory.value(QLatin1String("benchRssKiB")).toDouble()));
    }

    const QJsonArray latency = m_results.value(QLatin1String("latency")).toArray();
    for (const QJsonValue &v : latency) {
        const QJsonObject m = v.toObject();
        t.section(QStringLiteral("Latency: %1 targeted notifications/s for %2 s")
                      .arg(num(m, "rate"), num(m, "durationSec", 1)));
        measurementRows(t, m);
    }

    const QJsonObject throughput = m_results.value(QLatin1String("throughput")).toObject();
    if (!throughput.isEmpty()) {
        t.section(QStringLiteral("Publish throughput: %1 requests in flight for %2 s")
                      .arg(num(throughput, "concurrency"), num(throughput, "durationSec", 1)));
        t.row(QStringLiteral("durable publishes/s (202 only)"), num(throughput, "publishesPerSec", 1));
        measurementRows(t, throughput);
    }

    const QJsonObject broadcast = m_results.value(QLatin1String("broadcast")).toObject();
    if (!broadcast.isEmpty()) {
        const QJsonArray rounds = broadcast.value(QLatin1String("rounds")).toArray();
        t.section(QStringLiteral("Broadcast to every user (%1 rounds)").arg(rounds.size()));
        t.row(QStringLiteral("time until the last receives: median"),
            broadcast.contains(QLatin1String("medianMs"))
                ? QStringLiteral("%1 ms  (min %2, max %3)")
                      .arg(num(broadcast, "medianMs", 3), num(broadcast, "minMs", 3), num(broadcast, "maxMs", 3))
                : QStringLiteral("no complete round"));
        QStringList perRound;
        for (const QJsonValue &r : rounds) {
            const QJsonObject o = r.toObject();
            perRound << QStringLiteral("%1/%2 in %3 ms")
                            .arg(num(o, "received"), num(o, "expected"), num(o, "lastReceiveMs", 1));
        }
        t.row(QStringLiteral("rounds"), perRound.join(QStringLiteral(", ")));
    }

    const QJsonObject delivery = m_results.value(QLatin1String("delivery")).toObject();
    for (const char *channel : {"email", "webhook"}) {
        if (delivery.contains(QLatin1String(channel)))
            deliverySection(t, QLatin1String(channel), delivery.value(QLatin1String(channel)).toObject());
    }

    const QJsonObject restart = m_results.value(QLatin1String("restart")).toObject();
    if (!restart.isEmpty()) {
        t.section(QStringLiteral("Restart"));
        if (restart.contains(QLatin1String("skipped"))) {
            t.row(QStringLiteral("skipped"), restart.value(QLatin1String("skipped")).toString());
        } else if (restart.value(QLatin1String("failed")).toBool()) {
            t.row(QStringLiteral("failed"), QStringLiteral("see the problems below"));
        } else {
            t.row(QStringLiteral("restart begun -> /healthz answers"),
                QStringLiteral("%1 s").arg(num(restart, "downtimeSeconds", 3)));
            t.row(QStringLiteral("published while clients were away"),
                QStringLiteral("%1  (%2 per user)").arg(num(restart, "published"), num(restart, "perUser")));
            t.row(QStringLiteral("resumed / clients"),
                QStringLiteral("%1 / %2  (attempts %3, resyncs %4, epoch changes %5)")
                    .arg(num(restart, "ready"), num(restart, "clients"), num(restart, "attempts"),
                        num(restart, "resyncs"), num(restart, "epochChanges")));
            t.row(QStringLiteral("recovery, first reconnect -> last replayDone"),
                QStringLiteral("%1 s  (bench CPU %2%)")
                    .arg(num(restart, "recoverySeconds", 3), num(restart, "benchBusyPercent")));
            t.row(QStringLiteral("replayed notifications (expected)"),
                QStringLiteral("%1 (%2)").arg(num(restart, "received"), num(restart, "expected")));
            t.row(QStringLiteral("missed / duplicated"),
                QStringLiteral("%1 / %2  (unconfirmed extra %3)")
                    .arg(num(restart, "missed"), num(restart, "duplicated"), num(restart, "extra")));
        }
    }

    const QJsonArray warnings = m_results.value(QLatin1String("warnings")).toArray();
    const QJsonArray problems = m_results.value(QLatin1String("problems")).toArray();
    if (!warnings.isEmpty()) {
        t.section(QStringLiteral("Warnings"));
        for (const QJsonValue &w : warnings)
            t.line(w.toString());
    }
    t.section(problems.isEmpty() ? QStringLiteral("Result: OK")
                                 : QStringLiteral("Result: FAILED (%1 problem(s))").arg(problems.size()));
    for (const QJsonValue &p : problems)
        t.line(p.toString());
    return t.text();
}

void Report::print() const
{
    const QByteArray text = table().toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

bool Report::writeJson(const QString &path, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(m_results).toJson(QJsonDocument::Indented));
    return true;
}

int Report::exitCode() const
{
    return m_results.value(QLatin1String("ok")).toBool() ? 0 : 1;
}

int Report::publish(const QString &jsonPath) const
{
    print();
    int code = exitCode();
    if (!jsonPath.isEmpty()) {
        QString error;
        if (!writeJson(jsonPath, &error)) {
            Console::line(error);
            code = 1;
        }
    }
    return code;
}

} // namespace Tidings::Bench
