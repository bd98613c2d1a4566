// tidingsd: parse the configuration, start the server, stop gracefully on SIGTERM/SIGINT.
#include "core/ServerConfig.h"
#include "core/TidingsServer.h"
#include "util/Clock.h"
#include "util/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalFd[0], &c, 1);
}

// Connections are file descriptors: use the whole hard limit, and say what it is.
rlim_t raiseOpenFileLimit()
{
    rlimit rl {};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 0;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &rl);
        ::getrlimit(RLIMIT_NOFILE, &rl);
    }
    return rl.rlim_cur;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's dispatchers poll every socket on every loop iteration; with thousands of
    // WebSockets that is most of the server's time. epoll costs O(ready sockets).
    Tidings::EpollEventDispatcher::installForMainThread();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidingsd"));
    QCoreApplication::setApplicationVersion(QLatin1String(TIDINGS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QString text;
    int exitCode = 0;
    const std::optional<Tidings::Server::ServerConfig> config = Tidings::Server::ServerConfig::fromCommandLine(
        app.arguments(), QProcessEnvironment::systemEnvironment(), &text, &exitCode);
    if (!config) {
        (exitCode == 0 ? out : err) << text;
        return exitCode;
    }

    const rlim_t fdLimit = raiseOpenFileLimit();
    Tidings::Server::TidingsServer server(*config, Tidings::Clock::system());
    if (!server.start()) {
        err << "tidingsd: " << server.errorString() << Qt::endl;
        return 1;
    }

    out << "tidingsd " << TIDINGS_VERSION << " listening on " << server.url().toString() << Qt::endl;
    out << "  WebSocket: ws://" << server.url().authority() << "/ws" << Qt::endl;
    out << "  data: " << config->databasePath() << Qt::endl;
    out << "  open files limit: " << qulonglong(fdLimit) << " (each connection uses one)" << Qt::endl;
    if (!server.generatedAdminPassword().isEmpty()) {
        out << Qt::endl
            << "  First start: created the admin account." << Qt::endl
            << "    username: admin" << Qt::endl
            << "    password: " << server.generatedAdminPassword() << Qt::endl
            << "  It is shown only this once; set TIDINGS_ADMIN_PASSWORD to choose it yourself." << Qt::endl
            << Qt::endl;
    }
    if (!config->portFile.isEmpty()) {
        QSaveFile portFile(config->portFile);
        if (!portFile.open(QIODevice::WriteOnly) || portFile.write(QByteArray::number(server.port()) + '\n') < 0
            || !portFile.commit()) {
            err << "tidingsd: cannot write --port-file " << config->portFile << Qt::endl;
            return 1;
        }
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0) {
        err << "tidingsd: cannot set up signal handling" << Qt::endl;
        return 1;
    }
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        char c = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalFd[1], &c, 1);
        out << "tidingsd: shutting down" << Qt::endl;
        server.shutdown();
    });
    QObject::connect(&server, &Tidings::Server::TidingsServer::stopped, &app, &QCoreApplication::quit);
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    return app.exec();
}
