#include "InProcessWorker.h"

#include "BenchWorker.h"

namespace Tidings::Bench {

InProcessWorker::InProcessWorker(const BenchOptions &options, const QString &sampleDir, QObject *parent)
    : WorkerHandle(parent)
    , m_worker(new BenchWorker(options, 0, 1, sampleDir, this))
{
    // Queued: the coordinator reacts (and may start the next phase) from the event
    // loop, not from deep inside a socket's signal handler.
    connect(m_worker, &BenchWorker::finished, this, &WorkerHandle::finished, Qt::QueuedConnection);
}

void InProcessWorker::start(const QString &phase, const QJsonObject &args)
{
    m_worker->start(phase, args);
}

void InProcessWorker::stop()
{
    m_worker->shutdown();
}

} // namespace Tidings::Bench
