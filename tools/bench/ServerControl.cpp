#include "ServerControl.h"

#include "BenchOptions.h"
#include "Console.h"
#include "MonotonicClock.h"

#include <QFile>

#include <unistd.h>

namespace Tidings::Bench {

namespace {
qint64 statusField(const QString &pid, const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so atEnd() cannot be trusted: read it all at once.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.simplified().split(' ').value(1).toLongLong(); // "VmRSS:  12345 kB"
    }
    return -1;
}
} // namespace

ServerControl::ServerControl(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_serverPid(options.serverPid)
    , m_pool(options.server, 1, this)
{
    m_pollTimer.setInterval(50);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ServerControl::poll);
}

qint64 ServerControl::rssKiB(const QString &pid)
{
    return statusField(pid, QByteArrayLiteral("VmRSS:"));
}

double ServerControl::cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    // "pid (comm) state ppid ...": comm may hold spaces, so count fields after its ')'.
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after comm.
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticks;
}

qint64 ServerControl::serverRssKiB() const
{
    return m_serverPid > 0 ? rssKiB(QString::number(m_serverPid)) : -1;
}

void ServerControl::runRestartCommand(qint64 timeoutNs, std::function<void(bool, const QString &)> done)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    auto output = std::make_shared<QByteArray>();
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyReadStandardOutput, this, [process, output] {
        const QByteArray chunk = process->readAllStandardOutput();
        output->append(chunk);
        Console::line(QStringLiteral("restart-cmd: ") + QString::fromLocal8Bit(chunk).trimmed());
    });
    auto timer = std::make_shared<QTimer>();
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this, [process] { process->kill(); });
    connect(process, &QProcess::finished, this, [this, output, timer, done](int exitCode, QProcess::ExitStatus status) {
        timer->stop();
        const QList<QByteArray> lines = output->trimmed().split('\n');
        bool isPid = false;
        const qint64 pid = lines.value(lines.size() - 1).trimmed().toLongLong(&isPid);
        if (isPid && pid > 0) {
            m_serverPid = pid;
            Console::line(QStringLiteral("restart-cmd: new server pid %1").arg(pid));
        }
        if (status != QProcess::NormalExit || exitCode != 0)
            done(false, QStringLiteral("--restart-cmd failed (exit code %1)").arg(exitCode));
        else
            done(true, QString());
    });
    connect(process, &QProcess::errorOccurred, this, [done, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(false, QStringLiteral("--restart-cmd could not start: %1").arg(process->errorString()));
    });
    timer->start(int(timeoutNs / 1000000));
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_options.restartCommand});
}

void ServerControl::waitHealthy(qint64 timeoutNs, qint64 oldPid, std::function<void(bool)> done)
{
    m_healthDeadlineNs = monotonicNs() + timeoutNs;
    m_oldPid = oldPid;
    m_healthDone = std::move(done);
    poll();
}

void ServerControl::poll()
{
    if (m_oldPid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(m_oldPid))) {
        if (monotonicNs() > m_healthDeadlineNs) {
            auto done = std::move(m_healthDone);
            done(false);
        } else {
            m_pollTimer.start();
        }
        return;
    }
    m_oldPid = 0;
    HttpRequest r;
    r.method = QByteArrayLiteral("GET");
    r.path = QByteArrayLiteral("/healthz");
    m_pool.request(r, [this](const HttpResponse &response) {
        if (response.status == 200) {
            auto done = std::move(m_healthDone);
            done(true);
        } else if (monotonicNs() > m_healthDeadlineNs) {
            auto done = std::move(m_healthDone);
            done(false);
        } else {
            m_pollTimer.start();
        }
    });
}

} // namespace Tidings::Bench
