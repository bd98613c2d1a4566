#pragma once

#include "HttpPool.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

#include <functional>
#include <memory>

namespace Tidings::Bench {

struct BenchOptions;

// What the coordinator does to and reads from the server process itself: VmRSS
// from /proc, the restart command, and waiting for /healthz after a restart.
class ServerControl : public QObject
{
    Q_OBJECT
public:
    explicit ServerControl(const BenchOptions &options, QObject *parent = nullptr);

    // VmRSS in KiB of `pid` ("self" for this process); -1 when unreadable.
    [[nodiscard]] static qint64 rssKiB(const QString &pid);
    [[nodiscard]] qint64 serverPid() const { return m_serverPid; }
    [[nodiscard]] qint64 serverRssKiB() const;
    // CPU seconds (user + system) `pid` has used; -1 when unreadable.
    [[nodiscard]] static double cpuSeconds(qint64 pid);

    // Runs --restart-cmd through /bin/sh -c, output forwarded to stderr. If the last
    // line it prints is a number it becomes the server pid.
    void runRestartCommand(qint64 timeoutNs, std::function<void(bool ok, const QString &error)> done);
    // Polls GET /healthz every 50 ms until it answers 200 or `timeoutNs` passes. With
    // `oldPid`, first waits for that process to be gone, so a server that is still
    // shutting down cannot answer for its successor.
    void waitHealthy(qint64 timeoutNs, qint64 oldPid, std::function<void(bool ok)> done);

private:
    void poll();

    const BenchOptions &m_options;
    qint64 m_serverPid = 0;
    HttpPool m_pool;
    std::unique_ptr<QProcess> m_process;
    QTimer m_pollTimer;
    qint64 m_healthDeadlineNs = 0;
    qint64 m_oldPid = 0;
    std::function<void(bool)> m_healthDone;
};

} // namespace Tidings::Bench
