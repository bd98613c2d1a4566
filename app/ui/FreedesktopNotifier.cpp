#include "ui/FreedesktopNotifier.h"

#include "core/ToastQueue.h"
#include "ui/ToastWindow.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcNative, "tidings.app.native")

namespace Tidings::App {

namespace {

const QString Interface = QStringLiteral("org.freedesktop.Notifications");

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(
        QLatin1String(FreedesktopNotifier::Service), QLatin1String(FreedesktopNotifier::Path), Interface, method);
}

} // namespace

FreedesktopNotifier::FreedesktopNotifier(QDBusConnection bus, QObject *parent, const Clock &clock)
    : DesktopNotifier(parent)
    , m_bus(std::move(bus))
    , m_clock(clock)
{
    const QDBusReply<QStringList> caps = m_bus.call(call(QStringLiteral("GetCapabilities")), QDBus::Block, 2000);
    if (caps.isValid()) {
        m_bodyMarkup = caps.value().contains(QLatin1String("body-markup"));
        m_actionsSupported = caps.value().contains(QLatin1String("actions"));
    } else {
        qCWarning(lcNative) << "no notification daemon:" << caps.error().message();
    }
    m_bus.connect(QLatin1String(Service), QLatin1String(Path), Interface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QLatin1String(Service), QLatin1String(Path), Interface, QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));
}

uchar FreedesktopNotifier::urgency(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return 0;
    case Priority::Normal:
    case Priority::High:
        return 1;
    case Priority::Urgent:
        return 2;
    }
    return 1;
}

QString FreedesktopNotifier::markup(const QString &text) const
{
    return m_bodyMarkup ? text.toHtmlEscaped() : text;
}

void FreedesktopNotifier::notify(const Notification &n)
{
    const Priority priority = n.content.priority;
    if ((m_dnd || m_quiet) && priority != Priority::Urgent) {
        ++m_heldBack;
        return;
    }
    if (BurstRule::applies(n)) {
        const bool burst = m_burst.arrive(n, m_clock.now());
        const auto summary = m_summaries.find(n.content.topic);
        if (summary != m_summaries.end()) {
            // The topic's summary is on screen: it counts one more.
            ++summary->count;
            summary->latest = n;
            if (int(priority) > int(summary->priority))
                summary->priority = priority;
            sendSummary(n.content.topic, summary->id);
            return;
        }
        if (burst) {
            collapse(n);
            return;
        }
    }
    QStringList actions;
    if (m_actionsSupported) {
        actions << QLatin1String(DefaultAction) << tr("Open");
        int added = 0;
        for (const NotificationAction &action : n.content.actions) {
            if (added++ == 3)
                break;
            actions << action.id << action.label;
        }
    }
    const uint replaces = n.content.groupKey.isEmpty() ? 0U : m_groups.value(n.content.groupKey);
    QString body = markup(n.content.message);
    if (!n.content.topic.isEmpty())
        body = body.isEmpty() ? markup(n.content.topic) : body;
    m_inFlight.insert(n.id, n);
    send(Shown {n, false, {}}, n.content.title, body, actions, priority, replaces);
}

void FreedesktopNotifier::collapse(const Notification &n)
{
    const QString &topic = n.content.topic;
    BurstSummary summary;
    summary.count = 1;
    summary.latest = n;
    summary.priority = n.content.priority;
    const auto absorb = [&](const Notification &single) {
        ++summary.count;
        if (int(single.content.priority) > int(summary.priority))
            summary.priority = single.content.priority;
    };
    // On screen: the newest makes way for the summary, the others close.
    QList<uint> onScreen;
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it) {
        if (!it->summary && it->notification.content.topic == topic) {
            onScreen.append(it.key());
            absorb(it->notification);
        }
    }
    // Sent but not answered yet: closed as soon as the daemon names them.
    for (const Notification &single : std::as_const(m_inFlight)) {
        if (single.content.topic == topic && !m_collapsed.contains(single.id)) {
            m_collapsed.insert(single.id);
            absorb(single);
        }
    }
    std::sort(onScreen.begin(), onScreen.end());
    const uint replaces = onScreen.isEmpty() ? 0U : onScreen.takeLast();
    for (uint id : std::as_const(onScreen)) {
        close(id);
        forget(id);
    }
    if (replaces != 0)
        forget(replaces);
    qCDebug(lcNative) << "burst in" << topic << "collapsed into a summary of" << summary.count;
    m_summaries.insert(topic, summary);
    sendSummary(topic, replaces);
}

void FreedesktopNotifier::sendSummary(const QString &topic, uint replaces)
{
    BurstSummary &summary = m_summaries[topic];
    if (summary.inFlight) {
        // Its id is not known yet: send the new count once it is.
        summary.stale = true;
        return;
    }
    summary.inFlight = true;
    summary.stale = false;
    Toast toast; // the same words as the built-in summary toast
    toast.kind = Toast::Kind::Summary;
    toast.topic = topic;
    toast.count = summary.count;
    toast.notification = summary.latest;
    QStringList actions;
    if (m_actionsSupported)
        actions << QLatin1String(DefaultAction) << tr("Open");
    send(Shown {summary.latest, true, topic}, ToastWindow::titleFor(toast),
        markup(tr("Latest: %1").arg(summary.latest.content.title)), actions, summary.priority, replaces);
}

void FreedesktopNotifier::close(uint id)
{
    QDBusMessage message = call(QStringLiteral("CloseNotification"));
    message << id;
    m_bus.asyncCall(message);
}

void FreedesktopNotifier::send(const Shown &shown, const QString &summary, const QString &body,
    const QStringList &actions, Priority priority, uint replaces)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency(priority)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("tidings"));
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    // The app plays its own sound per priority (SoundPlayer).
    hints.insert(QStringLiteral("suppress-sound"), true);
    QDBusMessage message = call(QStringLiteral("Notify"));
    message << QStringLiteral("Tidings") << replaces << QStringLiteral("tidings") << summary << body << actions << hints
            << (priority == Priority::Urgent ? 0 : -1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, shown, replaces](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (const auto s = m_summaries.find(shown.burstTopic); !shown.burstTopic.isEmpty() && s != m_summaries.end())
            s->inFlight = false;
        if (!shown.summary)
            m_inFlight.remove(shown.notification.id);
        if (reply.isError()) {
            qCWarning(lcNative) << "Notify failed:" << reply.error().message();
            return;
        }
        const uint id = reply.value();
        if (replaces != 0 && replaces != id)
            forget(replaces);
        if (!shown.summary && m_collapsed.remove(shown.notification.id)) {
            // A summary stands for it now.
            close(id);
            return;
        }
        m_shown.insert(id, shown);
        const auto summary = shown.burstTopic.isEmpty() ? m_summaries.end() : m_summaries.find(shown.burstTopic);
        if (summary != m_summaries.end()) {
            summary->id = id;
            if (summary->stale)
                sendSummary(shown.burstTopic, id);
        }
        if (!shown.summary) {
            m_daemonIds.insert(shown.notification.id, id);
            if (!shown.notification.content.groupKey.isEmpty())
                m_groups.insert(shown.notification.content.groupKey, id);
        }
    });
}

void FreedesktopNotifier::withdraw(const QString &notificationId)
{
    const uint id = m_daemonIds.value(notificationId);
    if (id != 0)
        close(id);
}

void FreedesktopNotifier::setDoNotDisturb(bool on)
{
    setSuppressed(on, m_quiet);
}

void FreedesktopNotifier::setQuietHours(bool on)
{
    setSuppressed(m_dnd, on);
}

void FreedesktopNotifier::setSuppressed(bool dnd, bool quiet)
{
    const bool was = m_dnd || m_quiet;
    m_dnd = dnd;
    m_quiet = quiet;
    if (!was || m_dnd || m_quiet || m_heldBack == 0)
        return;
    const int count = m_heldBack;
    m_heldBack = 0;
    QStringList actions;
    if (m_actionsSupported)
        actions << QLatin1String(DefaultAction) << tr("Open");
    send(Shown {{}, true, {}}, tr("%n arrived while you were away", nullptr, count),
        markup(tr("They are waiting in the notification center.")), actions, Priority::Normal, 0);
}

QStringList FreedesktopNotifier::shownTitles() const
{
    QStringList titles;
    for (const Shown &shown : m_shown) {
        if (!shown.summary)
            titles << shown.notification.content.title;
    }
    return titles;
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend())
        return;
    const Shown shown = *it;
    if (shown.summary)
        Q_EMIT openCenterRequested();
    else if (actionKey == QLatin1String(DefaultAction))
        Q_EMIT clicked(shown.notification);
    else
        Q_EMIT actionInvoked(shown.notification, actionKey);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint)
{
    forget(id);
}

void FreedesktopNotifier::forget(uint id)
{
    const Shown shown = m_shown.take(id);
    if (shown.summary) {
        const auto summary = m_summaries.constFind(shown.burstTopic);
        if (summary != m_summaries.cend() && summary->id == id && !summary->inFlight)
            m_summaries.erase(summary);
        return;
    }
    if (m_daemonIds.value(shown.notification.id) == id)
        m_daemonIds.remove(shown.notification.id);
    if (m_groups.value(shown.notification.content.groupKey) == id)
        m_groups.remove(shown.notification.content.groupKey);
}

} // namespace Tidings::App
