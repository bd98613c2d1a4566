#include "util/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <climits>
#include <ctime>
#include <memory>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Tidings {

namespace {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
constexpr int MaxEventsPerWait = 1024;

void activate(QSocketNotifier *notifier)
{
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(notifier, &event);
}
} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wake(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll >= 0 && m_wake >= 0) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.fd = m_wake;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &w = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        w.read = notifier;
        break;
    case QSocketNotifier::Write:
        w.write = notifier;
        break;
    case QSocketNotifier::Exception:
        w.exception = notifier;
        break;
    }
    updateWatch(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    if (it->read == notifier)
        it->read = nullptr;
    if (it->write == notifier)
        it->write = nullptr;
    if (it->exception == notifier)
        it->exception = nullptr;
    updateWatch(fd);
}

void EpollEventDispatcher::updateWatch(int fd)
{
    auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    const quint32 wanted = (it->read ? quint32(EPOLLIN) : 0u) | (it->write ? quint32(EPOLLOUT) : 0u)
        | (it->exception ? quint32(EPOLLPRI) : 0u);
    if (wanted == 0) {
        // The descriptor may already be closed (epoll then forgot it by itself).
        if (it->inEpoll)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_unpollable.remove(fd);
        m_watches.erase(it);
        return;
    }
    if (m_unpollable.contains(fd))
        return;
    epoll_event event {};
    event.events = wanted;
    event.data.fd = fd;
    int rc = epoll_ctl(m_epoll, it->inEpoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
    // A descriptor number reused after a close we did not see: switch operation.
    if (rc != 0 && errno == ENOENT)
        rc = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    else if (rc != 0 && errno == EEXIST)
        rc = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    if (rc == 0) {
        it->inEpoll = true;
    } else if (errno == EPERM) {
        // epoll refuses regular files; poll() reports them always ready, and so do we.
        m_unpollable.insert(fd);
        it->inEpoll = false;
    }
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer t;
    t.object = object;
    t.intervalMs = std::max<qint64>(0, interval);
    t.type = timerType;
    t.dueNs = monotonicNs() + t.intervalMs * 1000000;
    t.position = m_due.emplace(t.dueNs, timerId);
    m_timers.insert(timerId, t);
}

void EpollEventDispatcher::removeTimer(QHash<int, Timer>::iterator it)
{
    m_due.erase(it->position);
    m_timers.erase(it);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    removeTimer(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_due.erase(it->position);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (auto it = m_timers.constBegin(); it != m_timers.constEnd(); ++it) {
        if (it->object == object)
            list.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return -1;
    return int(std::max<qint64>(0, (it->dueNs - monotonicNs()) / 1000000));
}

void EpollEventDispatcher::wakeUp()
{
    // postEvent() calls this for every event; one pending wake-up is enough.
    if (m_wakePending.testAndSetAcquire(0, 1)) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelease(1);
    wakeUp();
}

void EpollEventDispatcher::drainWakeUp()
{
    if (m_wakePending.loadAcquire() == 0)
        return;
    quint64 value = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wake, &value, sizeof value);
    // Reset after draining: a post racing with us either sees 1 (and its event is
    // sent by the sendPostedEvents() that follows) or writes the eventfd again.
    m_wakePending.storeRelease(0);
}

int EpollEventDispatcher::waitTimeoutMs() const
{
    if (!m_unpollable.isEmpty())
        return 0;
    if (m_due.empty())
        return -1;
    const qint64 left = m_due.begin()->first - monotonicNs();
    if (left <= 0)
        return 0;
    return int(std::min<qint64>((left + 999999) / 1000000, INT_MAX));
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelease(0);
    Q_EMIT awake();
    drainWakeUp();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.loadAcquire())
        return false;

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    const int timeout = mayWait ? waitTimeoutMs() : 0;
    if (timeout != 0)
        Q_EMIT aboutToBlock();
    epoll_event events[MaxEventsPerWait];
    int n = epoll_wait(m_epoll, events, MaxEventsPerWait, timeout);
    if (n < 0)
        n = 0; // EINTR
    if (timeout != 0)
        Q_EMIT awake();

    bool didWork = false;
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers)) {
        std::vector<Ready> ready;
        ready.reserve(size_t(n) + size_t(m_unpollable.size()));
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_wake)
                continue; // drained at the top of the next iteration
            const auto it = m_watches.constFind(fd);
            if (it != m_watches.constEnd())
                ready.push_back({fd, events[i].events, it->read, it->write, it->exception});
        }
        for (int fd : std::as_const(m_unpollable)) {
            const auto it = m_watches.constFind(fd);
            if (it != m_watches.constEnd())
                ready.push_back({fd, quint32(EPOLLIN | EPOLLOUT), it->read, it->write, nullptr});
        }
        didWork = activateSockets(ready);
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        didWork = fireTimers() || didWork;
    return didWork;
}

bool EpollEventDispatcher::activateSockets(const std::vector<Ready> &ready)
{
    bool any = false;
    for (const Ready &r : ready) {
        // Look the watch up again before each activation: an earlier handler may
        // have disabled this notifier, closed the socket or reused the descriptor.
        if (r.read && (r.events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
            const auto it = m_watches.constFind(r.fd);
            if (it != m_watches.constEnd() && it->read == r.read) {
                activate(r.read);
                any = true;
            }
        }
        if (r.write && (r.events & (EPOLLOUT | EPOLLHUP | EPOLLERR))) {
            const auto it = m_watches.constFind(r.fd);
            if (it != m_watches.constEnd() && it->write == r.write) {
                activate(r.write);
                any = true;
            }
        }
        if (r.exception && (r.events & EPOLLPRI)) {
            const auto it = m_watches.constFind(r.fd);
            if (it != m_watches.constEnd() && it->exception == r.exception) {
                activate(r.exception);
                any = true;
            }
        }
    }
    return any;
}

bool EpollEventDispatcher::fireTimers()
{
    const qint64 now = monotonicNs();
    std::vector<int> due;
    for (auto it = m_due.begin(); it != m_due.end() && it->first <= now; ++it)
        due.push_back(it->second);
    bool any = false;
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->firing || it->dueNs > now)
            continue;
        // Keep the phase of periodic timers, but never queue up missed periods.
        qint64 next = it->dueNs + it->intervalMs * 1000000;
        if (next <= now)
            next = now + it->intervalMs * 1000000;
        m_due.erase(it->position);
        it->dueNs = next;
        it->position = m_due.emplace(next, id);
        it->firing = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        any = true;
        it = m_timers.find(id); // the handler may have added or removed timers
        if (it != m_timers.end())
            it->firing = false;
    }
    return any;
}

bool EpollEventDispatcher::installForMainThread()
{
    if (qEnvironmentVariable("TIDINGS_EVENT_DISPATCHER") == QLatin1String("qt"))
        return false;
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    if (!dispatcher->isValid())
        return false;
    QCoreApplication::setEventDispatcher(dispatcher.release()); // the application takes ownership
    return true;
}

} // namespace Tidings
