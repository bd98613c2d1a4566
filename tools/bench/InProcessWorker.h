#pragma once

#include "WorkerHandle.h"

namespace Tidings::Bench {

class BenchWorker;
struct BenchOptions;

// --processes 1: the worker lives in the coordinator's own process, so publisher
// and receivers share one process (and one monotonic clock) as well.
class InProcessWorker : public WorkerHandle
{
    Q_OBJECT
public:
    InProcessWorker(const BenchOptions &options, const QString &sampleDir, QObject *parent = nullptr);

    void start(const QString &phase, const QJsonObject &args) override;
    void stop() override;

private:
    BenchWorker *m_worker;
};

} // namespace Tidings::Bench
