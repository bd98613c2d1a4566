// tidings-bench: the load generator. See --help and docs/benchmarks.md.

#include "BenchOptions.h"
#include "BenchWorker.h"
#include "ClientBench.h"
#include "Console.h"
#include "Coordinator.h"
#include "DeliveryBench.h"
#include "WorkerStdio.h"
#include "util/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>

using namespace Tidings::Bench;

namespace {

// Every WebSocket is a file descriptor: take the whole hard limit, not the soft
// default of 1,024. Returns the limit now in force.
rlim_t raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

// The dispatcher must be installed before QCoreApplication exists, so before the
// real parse: look for the opt-out flag by hand.
bool wantsQtDispatcher(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--qt-event-dispatcher") == 0 || std::strcmp(argv[i], "-qt-event-dispatcher") == 0)
            return true;
    }
    return false;
}

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
}

} // namespace

int main(int argc, char **argv)
{
    // A worker whose coordinator went away must not die of SIGPIPE mid-write.
    std::signal(SIGPIPE, SIG_IGN);
    const rlim_t fileLimit = raiseOpenFileLimit();

    if (!wantsQtDispatcher(argc, argv)) {
        auto *dispatcher = new Tidings::EpollEventDispatcher;
        if (dispatcher->isValid())
            QCoreApplication::setEventDispatcher(dispatcher); // the application takes ownership
        else
            delete dispatcher;
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidings-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_BENCH_VERSION));

    const BenchOptionsParseResult parsed
        = BenchOptions::parse(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!parsed.options) {
        writeTo(parsed.exitCode == 0 ? stdout : stderr, parsed.message);
        return parsed.exitCode;
    }
    const BenchOptions options = *parsed.options;

    // No server, no connections: the client core is measured in this process.
    if (options.scenario == Scenario::Client)
        return ClientBench(options).run();

    // No WebSockets and one process: the delivery pipeline through REST and /metrics.
    if (options.scenario == Scenario::Delivery) {
        DeliveryBench bench(options);
        QObject::connect(&bench, &DeliveryBench::done, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
        QTimer::singleShot(0, &bench, &DeliveryBench::run);
        return QCoreApplication::exec();
    }

    // Connections of this process plus HTTP clients plus slack for Qt and stdio.
    const qint64 perProcess = (options.connections + options.processes - 1) / options.processes;
    const qint64 needed = perProcess + options.concurrency + options.setupConcurrency + 64;
    if (rlim_t(needed) > fileLimit) {
        writeTo(stderr,
            QStringLiteral("%1 connections per process need about %2 file descriptors, but the limit is "
                           "%3: use --processes %4 or raise the hard limit (ulimit -Hn)\n")
                .arg(perProcess)
                .arg(needed)
                .arg(qulonglong(fileLimit))
                .arg((options.connections + options.concurrency + 64) / qint64(fileLimit) + 1));
        return 2;
    }

    if (options.isWorker()) {
        Console::setTag(QStringLiteral("[w%1] ").arg(options.workerIndex));
        BenchWorker worker(options, options.workerIndex, options.workerCount, options.workerDir);
        WorkerStdio stdio(&worker);
        return QCoreApplication::exec();
    }

    Coordinator coordinator(options);
    QObject::connect(&coordinator, &Coordinator::done, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &coordinator, &Coordinator::run);
    return QCoreApplication::exec();
}
