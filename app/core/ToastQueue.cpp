#include "core/ToastQueue.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcToasts, "tidings.app.toasts")

namespace Tidings::App {

namespace {
// After the pointer leaves a toast it stays at least this long, so it does not
// vanish the moment the user looks away.
constexpr qint64 kMinAfterHoverMs = 1000;
} // namespace

ToastQueue::ToastQueue(const Clock &clock, QObject *parent)
    : ToastQueue(clock, Options {}, parent)
{
}

ToastQueue::ToastQueue(const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
    , m_lastTickMs(clock.nowMs())
{
    qRegisterMetaType<Toast>();
}

qint64 ToastQueue::durationFor(Priority priority) const
{
    switch (priority) {
    case Priority::Low:
        return m_options.lowMs;
    case Priority::Normal:
        return m_options.normalMs;
    case Priority::High:
        return m_options.highMs;
    case Priority::Urgent:
        return m_options.urgentMs;
    }
    return m_options.normalMs;
}

bool ToastQueue::outranks(const Toast &a, const Toast &b)
{
    return int(a.priority()) > int(b.priority());
}

std::optional<Toast> ToastQueue::find(int key) const
{
    for (const QList<Toast> *list : {&m_visible, &m_waiting}) {
        for (const Toast &t : *list) {
            if (t.key == key)
                return t;
        }
    }
    return std::nullopt;
}

void ToastQueue::advance()
{
    const qint64 now = m_clock.nowMs();
    const qint64 elapsed = qMax<qint64>(0, now - m_lastTickMs);
    m_lastTickMs = now;
    for (Toast &t : m_visible) {
        if (!t.hovered && !t.sticky())
            t.remainingMs -= elapsed;
    }
}

void ToastQueue::push(const Notification &notification)
{
    advance();
    const bool urgent = notification.content.priority == Priority::Urgent;
    if (isSuppressing() && !urgent) {
        ++m_heldBack;
        return;
    }
    const QDateTime now = m_clock.now();
    if (BurstRule::applies(notification)) {
        m_burst.setOptions({m_options.burstCount, m_options.burstWindowMs});
        if (collapseInto(notification, m_burst.arrive(notification, now)))
            return;
    }
    Toast t;
    t.key = m_nextKey++;
    t.notification = notification;
    t.topic = notification.content.topic;
    t.arrivedAt = now;
    t.durationMs = durationFor(notification.content.priority);
    t.remainingMs = t.durationMs;
    enqueue(std::move(t));
}

bool ToastQueue::collapseInto(const Notification &n, bool burst)
{
    const QString &topic = n.content.topic;
    auto isSummaryOf = [&](const Toast &t) { return t.kind == Toast::Kind::Summary && t.topic == topic; };

    // A summary of this topic already stands for the burst: count one more.
    for (Toast &t : m_visible) {
        if (isSummaryOf(t)) {
            ++t.count;
            if (int(n.content.priority) > int(t.priority()))
                t.durationMs = durationFor(n.content.priority);
            t.notification = n;
            t.remainingMs = t.durationMs;
            Q_EMIT updated(t);
            return true;
        }
    }
    for (Toast &t : m_waiting) {
        if (isSummaryOf(t)) {
            ++t.count;
            t.notification = n;
            return true;
        }
    }

    if (!burst)
        return false;

    // The burst's single toasts make way for one summary.
    Toast summary;
    summary.key = m_nextKey++;
    summary.kind = Toast::Kind::Summary;
    summary.notification = n;
    summary.topic = topic;
    summary.count = 1;
    summary.arrivedAt = m_clock.now();
    Priority highest = n.content.priority;
    auto absorb = [&](QList<Toast> &list, bool visible) {
        for (qsizetype i = list.size() - 1; i >= 0; --i) {
            const Toast &t = list.at(i);
            if (t.kind != Toast::Kind::Single || t.topic != topic)
                continue;
            ++summary.count;
            if (int(t.priority()) > int(highest))
                highest = t.priority();
            const int key = t.key;
            list.removeAt(i);
            if (visible)
                Q_EMIT closed(key, CloseReason::Collapsed);
        }
    };
    absorb(m_visible, true);
    absorb(m_waiting, false);
    summary.durationMs = durationFor(highest);
    summary.remainingMs = summary.durationMs;
    qCDebug(lcToasts) << "burst in" << topic << "collapsed into a summary of" << summary.count;
    enqueue(std::move(summary));
    return true;
}

void ToastQueue::enqueue(Toast toast)
{
    if (m_visible.size() < m_options.maxVisible) {
        m_visible.append(toast);
        Q_EMIT shown(toast);
        return;
    }
    if (toast.priority() == Priority::Urgent) {
        // An urgent toast does not wait behind low ones: the oldest low one goes.
        const auto low = std::find_if(m_visible.begin(), m_visible.end(),
            [](const Toast &t) { return t.priority() == Priority::Low && !t.hovered; });
        if (low != m_visible.end()) {
            const int key = low->key;
            m_visible.erase(low);
            Q_EMIT closed(key, CloseReason::Displaced);
            m_visible.append(toast);
            Q_EMIT shown(toast);
            return;
        }
    }
    // Higher priority first; equal priority in order of arrival.
    const auto at
        = std::find_if(m_waiting.begin(), m_waiting.end(), [&](const Toast &t) { return outranks(toast, t); });
    m_waiting.insert(at, std::move(toast));
}

void ToastQueue::fill()
{
    while (m_visible.size() < m_options.maxVisible && !m_waiting.isEmpty()) {
        Toast t = m_waiting.takeFirst();
        t.remainingMs = t.durationMs; // its time starts when it is seen
        m_visible.append(t);
        Q_EMIT shown(t);
    }
}

void ToastQueue::tick()
{
    advance();
    for (qsizetype i = m_visible.size() - 1; i >= 0; --i) {
        const Toast &t = m_visible.at(i);
        if (!t.sticky() && !t.hovered && t.remainingMs <= 0) {
            const int key = t.key;
            m_visible.removeAt(i);
            Q_EMIT closed(key, CloseReason::Expired);
        }
    }
    fill();
}

qint64 ToastQueue::msUntilNextExpiry() const
{
    qint64 next = -1;
    for (const Toast &t : m_visible) {
        if (t.sticky() || t.hovered)
            continue;
        const qint64 left = qMax<qint64>(0, t.remainingMs - (m_clock.nowMs() - m_lastTickMs));
        next = next < 0 ? left : qMin(next, left);
    }
    return next;
}

void ToastQueue::dismiss(int key, CloseReason reason)
{
    advance();
    for (QList<Toast> *list : {&m_visible, &m_waiting}) {
        for (qsizetype i = 0; i < list->size(); ++i) {
            if (list->at(i).key == key) {
                list->removeAt(i);
                Q_EMIT closed(key, reason);
                fill();
                return;
            }
        }
    }
}

void ToastQueue::setHovered(int key, bool hovered)
{
    advance();
    for (Toast &t : m_visible) {
        if (t.key != key || t.hovered == hovered)
            continue;
        t.hovered = hovered;
        if (!hovered && !t.sticky())
            t.remainingMs = qMax(t.remainingMs, kMinAfterHoverMs);
        return;
    }
}

void ToastQueue::setDoNotDisturb(bool on)
{
    setSuppression(on, m_quiet);
}

void ToastQueue::setQuietHours(bool on)
{
    setSuppression(m_dnd, on);
}

void ToastQueue::setSuppression(bool dnd, bool quiet)
{
    const bool was = isSuppressing();
    m_dnd = dnd;
    m_quiet = quiet;
    if (!was && isSuppressing()) {
        // What was still waiting would have been held back: count it instead.
        m_waiting.erase(std::remove_if(m_waiting.begin(), m_waiting.end(),
                            [&](const Toast &t) {
                                if (t.priority() == Priority::Urgent)
                                    return false;
                                m_heldBack += t.count;
                                return true;
                            }),
            m_waiting.end());
    } else if (was && !isSuppressing()) {
        endSuppression();
    }
}

void ToastQueue::endSuppression()
{
    advance();
    if (m_heldBack == 0)
        return;
    Toast t;
    t.key = m_nextKey++;
    t.kind = Toast::Kind::WhileAway;
    t.count = std::exchange(m_heldBack, 0);
    t.arrivedAt = m_clock.now();
    t.durationMs = durationFor(Priority::Normal);
    t.remainingMs = t.durationMs;
    enqueue(std::move(t));
}

} // namespace Tidings::App
