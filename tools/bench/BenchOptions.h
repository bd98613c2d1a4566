#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <optional>

class QProcessEnvironment;

namespace Tidings::Bench {

// `All` is every server scenario but `Delivery`, which needs an SMTP server behind
// tidingsd; `Client` needs no server. Both run only when named.
enum class Scenario { Latency, PublishThroughput, Broadcast, Restart, All, Client, Delivery };

struct BenchOptionsParseResult;

// Everything tidings-bench can be told. The coordinator parses the command line; a
// worker process gets the same values back through workerArguments().
struct BenchOptions
{
    QUrl server {QStringLiteral("http://127.0.0.1:8080")};
    int connections = 1000;
    int users = 0; // 0 until parsed: defaults to `connections`
    QVector<double> rates {1000.0};
    double durationSec = 10;
    int payloadBytes = 64;
    int concurrency = 64;
    int processes = 1;
    QString userPrefix = QStringLiteral("bench");
    QString password = QStringLiteral("tidings-bench-password");
    QString adminUser = QStringLiteral("admin");
    QString adminPassword;
    Scenario scenario = Scenario::Latency;
    qint64 serverPid = 0;
    QString restartCommand;
    QString jsonPath;
    int broadcasts = 5;
    int restartPublishes = 2;
    int connectConcurrency = 256;
    int setupConcurrency = 32;
    double connectTimeoutSec = 10;
    double settleSec = 2;
    double drainSec = 5;
    double restartTimeoutSec = 120;
    int reconnectJitterMs = 0;
    bool ack = false;
    bool qtEventDispatcher = false; // use Qt's default dispatcher instead of epoll
    QString sessionCache; // empty: SessionCache::defaultPath()
    bool freshLogins = false;
    // --scenario client
    int clientEvents = 100000;
    QVector<int> clientBatches {1, 500, 2000};
    int clientRows = 50000;
    QString clientDir; // empty: the system's temporary directory
    // --scenario delivery
    int deliveries = 5000;
    int deliveryUsers = 100;
    QStringList deliveryChannels {QStringLiteral("email"), QStringLiteral("webhook")};
    double deliveryTimeoutSec = 60;

    // Set only in a worker process started by the coordinator.
    int workerIndex = -1;
    int workerCount = 1;
    QString workerDir;

    [[nodiscard]] bool isWorker() const { return workerIndex >= 0; }
    [[nodiscard]] bool runs(Scenario s) const
    {
        return scenario == s || (scenario == Scenario::All && s != Scenario::Client && s != Scenario::Delivery);
    }
    [[nodiscard]] bool needsServer() const { return scenario != Scenario::Client; }
    // `all` restarts only through --restart-cmd; waiting for a person to restart the
    // server by hand is for an explicit `--scenario restart --server-pid PID`.
    [[nodiscard]] bool canRestart() const
    {
        return !restartCommand.isEmpty() || (scenario == Scenario::Restart && serverPid > 0);
    }
    [[nodiscard]] QUrl webSocketUrl() const;
    [[nodiscard]] static QString scenarioName(Scenario s);

    // The command line of worker `index` of `count`, which writes its sample files to `dir`.
    [[nodiscard]] QStringList workerArguments(int index, int count, const QString &dir) const;

    [[nodiscard]] static BenchOptionsParseResult parse(const QStringList &arguments, const QProcessEnvironment &env);
};

struct BenchOptionsParseResult
{
    std::optional<BenchOptions> options; // empty: print `message` and exit with `exitCode`
    int exitCode = 0;
    QString message;
};

} // namespace Tidings::Bench
