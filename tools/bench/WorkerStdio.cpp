#include "WorkerStdio.h"

#include "BenchWorker.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace Tidings::Bench {

WorkerStdio::WorkerStdio(BenchWorker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &WorkerStdio::onReadable);
    connect(m_worker, &BenchWorker::finished, this, [](const QJsonObject &result) {
        const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
    });
}

void WorkerStdio::onReadable()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        quit();
        return;
    }
    m_buffer.append(chunk, qsizetype(n));
    for (;;) {
        const qsizetype eol = m_buffer.indexOf('\n');
        if (eol < 0)
            return;
        const QByteArray line = m_buffer.left(eol);
        m_buffer.remove(0, eol + 1);
        handle(line);
    }
}

void WorkerStdio::handle(const QByteArray &line)
{
    const QJsonObject command = QJsonDocument::fromJson(line).object();
    const QString phase = command.value(QLatin1String("phase")).toString();
    if (phase == QLatin1String("quit")) {
        quit();
        return;
    }
    m_worker->start(phase, command.value(QLatin1String("args")).toObject());
}

void WorkerStdio::quit()
{
    m_notifier.setEnabled(false);
    m_worker->shutdown();
    QCoreApplication::quit();
}

} // namespace Tidings::Bench
