#pragma once

#include "WorkerHandle.h"

#include <QProcess>

namespace Tidings::Bench {

struct BenchOptions;

// A worker in a child process (this same program with --worker I --workers P):
// phases go down its stdin and results come back on its stdout, one JSON object
// per line; its stderr (progress) is passed through.
class ChildWorker : public WorkerHandle
{
    Q_OBJECT
public:
    ChildWorker(const BenchOptions &options, int index, int count, const QString &sampleDir, QObject *parent = nullptr);
    ~ChildWorker() override;

    void start(const QString &phase, const QJsonObject &args) override;
    void stop() override;

private:
    void onOutput();

    QProcess m_process;
    QByteArray m_buffer;
    int m_index;
    bool m_stopping = false;
};

} // namespace Tidings::Bench
