#pragma once

#include <QJsonObject>
#include <QObject>

namespace Tidings::Bench {

// The coordinator's view of one worker, wherever it runs: start a phase, get its
// result. InProcessWorker runs it in this process, ChildWorker in a child.
class WorkerHandle : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start(const QString &phase, const QJsonObject &args) = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    void finished(const QJsonObject &result);
    void lost(const QString &why); // the worker is gone (a child process died)
};

} // namespace Tidings::Bench
