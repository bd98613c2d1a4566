#include "BenchOptions.h"

#include "SessionCache.h"
#include "protocol/Limits.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

namespace Tidings::Bench {

namespace {

const char *const Description = R"(Load generator for tidingsd: holds many WebSocket connections, publishes
notifications over REST and measures what PROTOCOL.md promises.

Scenarios (--scenario):
  latency             publish --rate targeted notifications/s for --duration s, one
                      recipient each; publish->receive latency p50/p95/p99/max and
                      deliveries/s. --rate may list several rates: 1000,5000.
  publish-throughput  keep --concurrency publish requests in flight for --duration s;
                      durable publishes/s counts only 202 answers.
  broadcast           --broadcasts times one broadcast to all users; time until the
                      last connection received it (median over the rounds).
  restart             remember every connection's (epoch, lastSeq), restart the server
                      (--restart-cmd, or by hand when only --server-pid is given),
                      publish --restart-publishes notifications per user while the
                      clients are away, reconnect everyone with exponential backoff and
                      jitter, resume, and check that each device got exactly those
                      notifications: missed == 0, duplicated == 0.
  all                 all of the above; restart only with --restart-cmd.
  delivery            the delivery pipeline, without WebSockets: --delivery-users users
                      (with email addresses), then two phases of --deliveries
                      notifications each, published with --concurrency in flight.
                      email: channels ["email"]; emails/s from the first publish until
                      /metrics counts them all sent (polled every 50 ms), and the
                      delivery latency percentiles interpolated from the server's
                      histogram. Needs SMTP on the server (scripts/bench starts a local
                      sink). webhook: every user registers the bench's own HTTP
                      receiver; channels ["webhook"]; jobs/s until the last webhook
                      arrives, receive time - createdAt percentiles, and every job id
                      (X-Tidings-Delivery) checked to arrive exactly once. Not part of
                      `all`.
  client              no server: benchmarks the client core (libtidings) in this
                      process. Applies --client-events stream events (70% notifications,
                      20% reads, 5% unreads, 3% deletes, 2% readAll) to a fresh local
                      store in batches of 1 (5,000 events, rate extrapolated), 500 and
                      2,000 as StreamSync writes them, then the same events again (must
                      change nothing); then loads --client-rows notifications into the
                      inbox model (time, RSS per row) and measures 1,000 live inserts,
                      1,000 reads and each filter change. Not part of `all`.

Every server run first creates missing users <prefix>00000.. as admin, logs in one device per
connection (connections spread round-robin over --users), opens all connections
(connect time: first open -> last welcome) and, with --server-pid, reads the
server's VmRSS before and after to report RSS per idle connection.

The exit status is 1 when a connection failed, a notification was missed or
duplicated, or a phase failed; 2 for a bad command line.)";

QCommandLineOption opt(const QString &name, const QString &help, const QString &valueName = QString(),
    const QString &defaultValue = QString())
{
    return QCommandLineOption(name, help, valueName, defaultValue);
}

QCommandLineOption hidden(const QString &name, const QString &valueName)
{
    QCommandLineOption o(name, QStringLiteral("(internal)"), valueName);
    o.setFlags(QCommandLineOption::HiddenFromHelp);
    return o;
}

// Reads an integer option into `out`; returns an error message, empty on success.
QString readInt(const QCommandLineParser &p, const QString &name, int min, int max, int *out)
{
    if (!p.isSet(name))
        return QString();
    bool ok = false;
    const qint64 v = p.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("--%1 must be an integer between %2 and %3, got '%4'")
            .arg(name)
            .arg(min)
            .arg(max)
            .arg(p.value(name));
    *out = int(v);
    return QString();
}

QString readDouble(const QCommandLineParser &p, const QString &name, double min, double max, double *out)
{
    if (!p.isSet(name))
        return QString();
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("--%1 must be a number between %2 and %3, got '%4'")
            .arg(name)
            .arg(min)
            .arg(max)
            .arg(p.value(name));
    *out = v;
    return QString();
}

} // namespace

QUrl BenchOptions::webSocketUrl() const
{
    QUrl ws = server;
    ws.setScheme(QStringLiteral("ws"));
    ws.setPath(QStringLiteral("/ws"));
    return ws;
}

QString BenchOptions::scenarioName(Scenario s)
{
    switch (s) {
    case Scenario::Latency:
        return QStringLiteral("latency");
    case Scenario::PublishThroughput:
        return QStringLiteral("publish-throughput");
    case Scenario::Broadcast:
        return QStringLiteral("broadcast");
    case Scenario::Restart:
        return QStringLiteral("restart");
    case Scenario::All:
        return QStringLiteral("all");
    case Scenario::Client:
        return QStringLiteral("client");
    case Scenario::Delivery:
        return QStringLiteral("delivery");
    }
    return QString();
}

QStringList BenchOptions::workerArguments(int index, int count, const QString &dir) const
{
    QStringList rates;
    for (double r : this->rates)
        rates << QString::number(r, 'g', 12);
    // The worker needs what shapes its share of the load; the report, restart and
    // RSS options stay with the coordinator. The admin password travels in the
    // environment (TIDINGS_ADMIN_PASSWORD), not on a command line `ps` can show.
    QStringList args {QStringLiteral("--server"), server.toString(), QStringLiteral("--connections"),
        QString::number(connections), QStringLiteral("--users"), QString::number(users), QStringLiteral("--rate"),
        rates.join(QLatin1Char(',')), QStringLiteral("--duration"), QString::number(durationSec, 'g', 12),
        QStringLiteral("--payload"), QString::number(payloadBytes), QStringLiteral("--concurrency"),
        QString::number(concurrency), QStringLiteral("--user-prefix"), userPrefix, QStringLiteral("--password"),
        password, QStringLiteral("--admin-user"), adminUser, QStringLiteral("--scenario"), scenarioName(scenario),
        QStringLiteral("--broadcasts"), QString::number(broadcasts), QStringLiteral("--restart-publishes"),
        QString::number(restartPublishes), QStringLiteral("--connect-concurrency"), QString::number(connectConcurrency),
        QStringLiteral("--setup-concurrency"), QString::number(setupConcurrency), QStringLiteral("--connect-timeout"),
        QString::number(connectTimeoutSec, 'g', 12), QStringLiteral("--drain"), QString::number(drainSec, 'g', 12),
        QStringLiteral("--restart-timeout"), QString::number(restartTimeoutSec, 'g', 12),
        QStringLiteral("--reconnect-jitter"), QString::number(reconnectJitterMs), QStringLiteral("--worker"),
        QString::number(index), QStringLiteral("--workers"), QString::number(count), QStringLiteral("--worker-dir"),
        dir};
    if (ack)
        args << QStringLiteral("--ack");
    if (qtEventDispatcher)
        args << QStringLiteral("--qt-event-dispatcher");
    if (freshLogins)
        args << QStringLiteral("--fresh-logins");
    args << QStringLiteral("--session-cache") << sessionCache;
    return args;
}

BenchOptionsParseResult BenchOptions::parse(const QStringList &arguments, const QProcessEnvironment &env)
{
    QCommandLineParser p;
    p.setApplicationDescription(QString::fromUtf8(Description));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = p.addHelpOption();
    const QCommandLineOption version = p.addVersionOption();
    p.addOptions({
        opt(QStringLiteral("server"), QStringLiteral("tidingsd base URL (plain http). Default http://127.0.0.1:8080."),
            QStringLiteral("URL")),
        opt(QStringLiteral("connections"),
            QStringLiteral("WebSocket connections to open and hold, one device each. Default 1000."),
            QStringLiteral("N")),
        opt(QStringLiteral("users"),
            QStringLiteral("Users the connections are spread over round-robin (connection i belongs to user i mod U). "
                           "Default: one user per connection."),
            QStringLiteral("U")),
        opt(QStringLiteral("rate"),
            QStringLiteral("latency scenario: targeted notifications per second, a comma list runs one measurement "
                           "per rate. Default 1000."),
            QStringLiteral("R[,R...]")),
        opt(QStringLiteral("duration"),
            QStringLiteral("Seconds each latency/throughput measurement publishes. Default 10."), QStringLiteral("S")),
        opt(QStringLiteral("payload"),
            QStringLiteral("Size of each notification's message in bytes (1-%1). Default 64.")
                .arg(Limits::MessageMaxChars),
            QStringLiteral("BYTES")),
        opt(QStringLiteral("concurrency"),
            QStringLiteral("Publish requests in flight (HTTP/1.1 keep-alive connections), shared by the processes. "
                           "publish-throughput keeps them all busy. Default 64."),
            QStringLiteral("K")),
        opt(QStringLiteral("processes"),
            QStringLiteral("Fork P worker processes of this program, each holding about N/P connections (needed when "
                           "N approaches the open-file limit). Default 1."),
            QStringLiteral("P")),
        opt(QStringLiteral("user-prefix"), QStringLiteral("Prefix of the bench usernames. Default 'bench'."),
            QStringLiteral("PREFIX")),
        opt(QStringLiteral("password"),
            QStringLiteral("Password of the bench users. Default 'tidings-bench-password'."),
            QStringLiteral("PASSWORD")),
        opt(QStringLiteral("admin-user"),
            QStringLiteral("Admin account that creates users and publishes. Default admin."), QStringLiteral("NAME")),
        opt(QStringLiteral("admin-password"),
            QStringLiteral("Admin password. Default: the TIDINGS_ADMIN_PASSWORD environment variable."),
            QStringLiteral("PASSWORD")),
        opt(QStringLiteral("scenario"),
            QStringLiteral(
                "latency | publish-throughput | broadcast | restart | all | client | delivery. Default latency."),
            QStringLiteral("NAME")),
        opt(QStringLiteral("server-pid"),
            QStringLiteral("tidingsd's process id: its VmRSS is read from /proc/PID/status before connecting and with "
                           "all connections idle. With restart and no --restart-cmd, you restart that server by hand "
                           "when asked."),
            QStringLiteral("PID")),
        opt(QStringLiteral("restart-cmd"),
            QStringLiteral("Shell command that restarts the server and returns once the new one is started (e.g. a "
                           "script that kill -TERMs tidingsd and starts it again in the background). If the last line "
                           "it prints is a number, it is taken as the new server pid."),
            QStringLiteral("COMMAND")),
        opt(QStringLiteral("json"), QStringLiteral("Also write the results as JSON to FILE."), QStringLiteral("FILE")),
        opt(QStringLiteral("broadcasts"),
            QStringLiteral("broadcast scenario: rounds (the median is reported). Default 5."), QStringLiteral("B")),
        opt(QStringLiteral("restart-publishes"),
            QStringLiteral("restart scenario: notifications published to each user while its clients are away. "
                           "Default 2."),
            QStringLiteral("M")),
        opt(QStringLiteral("connect-concurrency"),
            QStringLiteral("WebSocket handshakes in flight at once (0 = all at once). Default 256."),
            QStringLiteral("H")),
        opt(QStringLiteral("setup-concurrency"),
            QStringLiteral("User-creation and login requests in flight (each costs an Argon2id hash). Default 32."),
            QStringLiteral("C")),
        opt(QStringLiteral("connect-timeout"),
            QStringLiteral("Seconds a connection may take from open to welcome (and from resume to replayDone). "
                           "Default 10."),
            QStringLiteral("S")),
        opt(QStringLiteral("settle"),
            QStringLiteral("Seconds to wait after the last welcome before reading the idle RSS. Default 2."),
            QStringLiteral("S")),
        opt(QStringLiteral("drain"),
            QStringLiteral("Seconds to wait for outstanding deliveries after publishing stops. Default 5."),
            QStringLiteral("S")),
        opt(QStringLiteral("restart-timeout"),
            QStringLiteral(
                "restart scenario: seconds allowed for the restart and for the reconnect storm. Default 120."),
            QStringLiteral("S")),
        opt(QStringLiteral("reconnect-jitter"),
            QStringLiteral("restart scenario: spread the first reconnect attempts uniformly over MS milliseconds "
                           "(0 = everyone at once, the worst case). Default 0."),
            QStringLiteral("MS")),
        opt(QStringLiteral("ack"),
            QStringLiteral("Clients ack every notification (as the desktop client does), adding that load.")),
        opt(QStringLiteral("session-cache"),
            QStringLiteral("Where the devices' refresh tokens are kept between runs, so a re-run refreshes sessions "
                           "instead of paying an Argon2id login per device. Default "
                           "~/.cache/tidings-bench/sessions-<host>-<port>-<prefix>.json."),
            QStringLiteral("FILE")),
        opt(QStringLiteral("fresh-logins"), QStringLiteral("Log every device in with its password; ignore the cache.")),
        opt(QStringLiteral("qt-event-dispatcher"),
            QStringLiteral("Use Qt's default event dispatcher instead of the bench's epoll one (for comparison: "
                           "Qt's polls every socket on every loop iteration).")),
        opt(QStringLiteral("client-events"),
            QStringLiteral("client scenario: stream events applied per batch size. Default 100000."),
            QStringLiteral("N")),
        opt(QStringLiteral("client-batches"),
            QStringLiteral("client scenario: batch sizes to apply the events in; batch size 1 applies only the first "
                           "5000 and extrapolates; the largest also re-applies them. Default 1,500,2000."),
            QStringLiteral("B[,B...]")),
        opt(QStringLiteral("client-rows"),
            QStringLiteral("client scenario: notifications in the store the models load. Default 50000."),
            QStringLiteral("N")),
        opt(QStringLiteral("client-dir"),
            QStringLiteral("client scenario: where the temporary store files go (their file system matters). "
                           "Default: the system's temporary directory."),
            QStringLiteral("DIR")),
        opt(QStringLiteral("deliveries"),
            QStringLiteral("delivery scenario: notifications published per channel phase, one recipient each. "
                           "Default 5000."),
            QStringLiteral("N")),
        opt(QStringLiteral("delivery-users"),
            QStringLiteral("delivery scenario: users the notifications are spread over round-robin. Default 100."),
            QStringLiteral("U")),
        opt(QStringLiteral("delivery-channels"),
            QStringLiteral("delivery scenario: the phases to run, in order. Default email,webhook."),
            QStringLiteral("email[,webhook]")),
        opt(QStringLiteral("delivery-timeout"),
            QStringLiteral("delivery scenario: seconds without a new delivery before a phase gives up. Default 60."),
            QStringLiteral("S")),
        hidden(QStringLiteral("worker"), QStringLiteral("I")),
        hidden(QStringLiteral("workers"), QStringLiteral("P")),
        hidden(QStringLiteral("worker-dir"), QStringLiteral("DIR")),
    });

    BenchOptionsParseResult result;
    if (!p.parse(arguments)) {
        result.exitCode = 2;
        result.message = p.errorText() + QStringLiteral("\n");
        return result;
    }
    if (p.isSet(help)) {
        result.message = p.helpText();
        return result;
    }
    if (p.isSet(version)) {
        result.message = QStringLiteral("tidings-bench %1\n").arg(QLatin1String(TIDINGS_BENCH_VERSION));
        return result;
    }
    if (!p.positionalArguments().isEmpty()) {
        result.exitCode = 2;
        result.message = QStringLiteral("unexpected argument '%1' (see --help)\n").arg(p.positionalArguments().first());
        return result;
    }

    BenchOptions o;
    QStringList errors;
    auto check = [&errors](const QString &e) {
        if (!e.isEmpty())
            errors << e;
    };
    if (p.isSet(QStringLiteral("server"))) {
        o.server = QUrl(p.value(QStringLiteral("server")));
    }
    if (!o.server.isValid() || o.server.scheme() != QLatin1String("http") || o.server.host().isEmpty())
        errors << QStringLiteral("--server must be an http:// URL, got '%1'").arg(o.server.toString());
    check(readInt(p, QStringLiteral("connections"), 1, 10000000, &o.connections));
    o.users = o.connections;
    check(readInt(p, QStringLiteral("users"), 1, 10000000, &o.users));
    if (p.isSet(QStringLiteral("rate"))) {
        o.rates.clear();
        const QStringList parts = p.value(QStringLiteral("rate")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            bool ok = false;
            const double r = part.trimmed().toDouble(&ok);
            if (!ok || r <= 0 || r > 1e7)
                errors << QStringLiteral("--rate must list positive numbers, got '%1'").arg(part);
            else
                o.rates << r;
        }
        if (o.rates.isEmpty())
            errors << QStringLiteral("--rate needs at least one rate");
    }
    check(readDouble(p, QStringLiteral("duration"), 0.1, 86400, &o.durationSec));
    check(readInt(p, QStringLiteral("payload"), 1, Limits::MessageMaxChars, &o.payloadBytes));
    check(readInt(p, QStringLiteral("concurrency"), 1, 10000, &o.concurrency));
    check(readInt(p, QStringLiteral("processes"), 1, 256, &o.processes));
    if (p.isSet(QStringLiteral("user-prefix")))
        o.userPrefix = p.value(QStringLiteral("user-prefix"));
    if (o.userPrefix.isEmpty())
        errors << QStringLiteral("--user-prefix must not be empty");
    if (p.isSet(QStringLiteral("password")))
        o.password = p.value(QStringLiteral("password"));
    if (p.isSet(QStringLiteral("admin-user")))
        o.adminUser = p.value(QStringLiteral("admin-user"));
    o.adminPassword = p.isSet(QStringLiteral("admin-password")) ? p.value(QStringLiteral("admin-password"))
                                                                : env.value(QStringLiteral("TIDINGS_ADMIN_PASSWORD"));
    if (p.isSet(QStringLiteral("scenario"))) {
        const QString name = p.value(QStringLiteral("scenario"));
        bool found = false;
        for (Scenario s : {Scenario::Latency, Scenario::PublishThroughput, Scenario::Broadcast, Scenario::Restart,
                 Scenario::All, Scenario::Client, Scenario::Delivery}) {
            if (name == scenarioName(s)) {
                o.scenario = s;
                found = true;
            }
        }
        if (!found)
            errors << QStringLiteral("unknown --scenario '%1'").arg(name);
    }
    if (o.adminPassword.isEmpty() && o.needsServer())
        errors << QStringLiteral("the admin password is needed: --admin-password or TIDINGS_ADMIN_PASSWORD");
    check(readInt(p, QStringLiteral("client-events"), 1, 100000000, &o.clientEvents));
    if (p.isSet(QStringLiteral("client-batches"))) {
        o.clientBatches.clear();
        const QStringList parts = p.value(QStringLiteral("client-batches")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            bool ok = false;
            const int b = part.trimmed().toInt(&ok);
            if (!ok || b < 1 || b > 100000)
                errors << QStringLiteral("--client-batches must list batch sizes from 1 to 100000, got '%1'").arg(part);
            else
                o.clientBatches << b;
        }
        if (o.clientBatches.isEmpty())
            errors << QStringLiteral("--client-batches needs at least one batch size");
    }
    check(readInt(p, QStringLiteral("client-rows"), 1, 10000000, &o.clientRows));
    o.clientDir = p.value(QStringLiteral("client-dir"));
    check(readInt(p, QStringLiteral("deliveries"), 1, 10000000, &o.deliveries));
    check(readInt(p, QStringLiteral("delivery-users"), 1, 1000000, &o.deliveryUsers));
    if (p.isSet(QStringLiteral("delivery-channels"))) {
        o.deliveryChannels.clear();
        const QStringList parts
            = p.value(QStringLiteral("delivery-channels")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString c = part.trimmed();
            if (c != QLatin1String("email") && c != QLatin1String("webhook"))
                errors << QStringLiteral("--delivery-channels lists email and/or webhook, got '%1'").arg(part);
            else if (!o.deliveryChannels.contains(c))
                o.deliveryChannels << c;
        }
        if (o.deliveryChannels.isEmpty())
            errors << QStringLiteral("--delivery-channels needs email, webhook or both");
    }
    check(readDouble(p, QStringLiteral("delivery-timeout"), 1, 3600, &o.deliveryTimeoutSec));
    if (p.isSet(QStringLiteral("server-pid"))) {
        bool ok = false;
        o.serverPid = p.value(QStringLiteral("server-pid")).toLongLong(&ok);
        if (!ok || o.serverPid <= 0)
            errors << QStringLiteral("--server-pid must be a process id");
    }
    o.restartCommand = p.value(QStringLiteral("restart-cmd"));
    o.jsonPath = p.value(QStringLiteral("json"));
    check(readInt(p, QStringLiteral("broadcasts"), 1, 1000, &o.broadcasts));
    check(readInt(p, QStringLiteral("restart-publishes"), 1, 1000, &o.restartPublishes));
    check(readInt(p, QStringLiteral("connect-concurrency"), 0, 10000000, &o.connectConcurrency));
    check(readInt(p, QStringLiteral("setup-concurrency"), 1, 1000, &o.setupConcurrency));
    check(readDouble(p, QStringLiteral("connect-timeout"), 0.1, 3600, &o.connectTimeoutSec));
    check(readDouble(p, QStringLiteral("settle"), 0, 3600, &o.settleSec));
    check(readDouble(p, QStringLiteral("drain"), 0, 3600, &o.drainSec));
    check(readDouble(p, QStringLiteral("restart-timeout"), 1, 86400, &o.restartTimeoutSec));
    check(readInt(p, QStringLiteral("reconnect-jitter"), 0, 3600000, &o.reconnectJitterMs));
    o.ack = p.isSet(QStringLiteral("ack"));
    o.qtEventDispatcher = p.isSet(QStringLiteral("qt-event-dispatcher"));
    o.freshLogins = p.isSet(QStringLiteral("fresh-logins"));
    o.sessionCache = p.isSet(QStringLiteral("session-cache")) ? p.value(QStringLiteral("session-cache"))
                                                              : SessionCache::defaultPath(o);

    if (p.isSet(QStringLiteral("worker"))) {
        check(readInt(p, QStringLiteral("worker"), 0, 255, &o.workerIndex));
        check(readInt(p, QStringLiteral("workers"), 1, 256, &o.workerCount));
        o.workerDir = p.value(QStringLiteral("worker-dir"));
        o.processes = o.workerCount;
    }
    // Users are dealt to the processes (user u to process u mod P), so every process
    // owns all devices of its users and needs at least one user.
    if (o.processes > o.users)
        errors << QStringLiteral("--processes (%1) must not exceed --users (%2)").arg(o.processes).arg(o.users);
    // The delivery scenario opens no WebSockets, so there is nothing to spread over processes.
    if (o.scenario == Scenario::Delivery && o.processes > 1)
        errors << QStringLiteral("--scenario delivery runs in one process; drop --processes");
    if (o.scenario == Scenario::Restart && o.restartCommand.isEmpty() && o.serverPid <= 0 && !o.isWorker())
        errors << QStringLiteral("--scenario restart needs --restart-cmd or --server-pid");

    if (!errors.isEmpty()) {
        result.exitCode = 2;
        result.message = errors.join(QLatin1Char('\n')) + QStringLiteral("\n");
        return result;
    }
    result.options = o;
    return result;
}

} // namespace Tidings::Bench
