#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace Tidings::Bench {

class BenchWorker;

// The child-process end of ChildWorker: reads {"phase", "args"} lines from stdin,
// writes each result as one line to stdout, and quits when stdin closes (the
// coordinator is done or gone, so no orphan keeps 5,000 sockets open).
class WorkerStdio : public QObject
{
    Q_OBJECT
public:
    explicit WorkerStdio(BenchWorker *worker, QObject *parent = nullptr);

private:
    void onReadable();
    void handle(const QByteArray &line);
    void quit();

    BenchWorker *m_worker;
    QSocketNotifier m_notifier;
    QByteArray m_buffer;
};

} // namespace Tidings::Bench
