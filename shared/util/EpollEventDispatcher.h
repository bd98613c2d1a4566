#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>
#include <QSet>

#include <map>
#include <vector>

namespace Tidings {

// A main-thread event dispatcher on Linux epoll.
//
// Used by tidingsd and tidings-bench, which hold thousands of sockets each.
// Why: Qt's own dispatchers (glib and the plain UNIX one) poll() every registered
// descriptor on every loop iteration, and the glib one also removes a notifier
// from a linked list, O(N), each time a socket toggles its write notifier. With
// 10,000 WebSockets that made the bench spend about 200 µs per iteration just
// asking the kernel which of 10,000 sockets were ready: two thirds of a core at
// 1,000 notifications/s, time that would have been taken from the server on the
// same machine and added to the latencies it reports. epoll costs O(ready).
//
// Semantics follow Qt's: level-triggered socket notifiers, QTimerEvents for
// timers (due time on the monotonic clock, all timer types treated as precise),
// posted events sent first on each iteration, wakeUp() from any thread.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    [[nodiscard]] bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }

    // Makes an epoll dispatcher the main thread's, unless the environment says
    // TIDINGS_EVENT_DISPATCHER=qt. Call before the QCoreApplication is created.
    // Returns whether it was installed.
    static bool installForMainThread();

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    [[nodiscard]] QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool inEpoll = false;
    };
    struct Timer
    {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        qint64 dueNs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        bool firing = false; // its timerEvent is running (perhaps in a nested loop)
        std::multimap<qint64, int>::iterator position;
    };
    // A readiness event captured before dispatch, with the notifiers it was for, so
    // a notifier unregistered (or replaced) by an earlier handler is not activated.
    struct Ready
    {
        int fd;
        quint32 events;
        QSocketNotifier *read;
        QSocketNotifier *write;
        QSocketNotifier *exception;
    };

    void updateWatch(int fd);
    void drainWakeUp();
    [[nodiscard]] int waitTimeoutMs() const;
    bool activateSockets(const std::vector<Ready> &ready);
    bool fireTimers();
    void removeTimer(QHash<int, Timer>::iterator it);

    int m_epoll = -1;
    int m_wake = -1; // eventfd
    QAtomicInt m_wakePending;
    QAtomicInt m_interrupted;
    QHash<int, Watch> m_watches;
    QSet<int> m_unpollable; // regular files and the like: always ready, as with poll()
    QHash<int, Timer> m_timers;
    std::multimap<qint64, int> m_due; // due time (monotonic ns) -> timer id
};

} // namespace Tidings
