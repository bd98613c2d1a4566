#pragma once

#include "core/BurstRule.h"
#include "ui/DesktopNotifier.h"
#include "util/Clock.h"

#include <QDBusConnection>
#include <QHash>
#include <QSet>

namespace Tidings::App {

// The desktop's own notifications: org.freedesktop.Notifications over the session
// bus (Plasma, GNOME Shell, dunst, mako...). Urgency follows the priority, the
// notification's actions become the daemon's actions, a newer notification of the
// same group replaces the older one (replaces_id), and ActionInvoked and
// NotificationClosed come back as clicks and actions. A burst from one topic
// (BurstRule, as for the built-in toasts) becomes one summary ("12 new in orders"):
// it replaces the topic's notifications on screen and counts the later ones.
class FreedesktopNotifier : public DesktopNotifier
{
    Q_OBJECT

public:
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";
    // The action key the spec reserves for clicking the notification itself.
    static constexpr const char *DefaultAction = "default";

    explicit FreedesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr,
        const Clock &clock = Clock::system());

    void notify(const Tidings::Notification &notification) override;
    void withdraw(const QString &notificationId) override;
    void setDoNotDisturb(bool on) override;
    void setQuietHours(bool on) override;
    [[nodiscard]] QStringList shownTitles() const override;

    // 0 low, 1 normal, 2 critical (urgent).
    [[nodiscard]] static uchar urgency(Priority priority);
    // The daemon's id of a shown notification (0: not shown).
    [[nodiscard]] uint daemonId(const QString &notificationId) const { return m_daemonIds.value(notificationId); }
    // How many notifications the summary of `topic`'s burst stands for (0: none shown).
    [[nodiscard]] int summaryCount(const QString &topic) const { return m_summaries.value(topic).count; }

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Shown
    {
        Tidings::Notification notification; // a burst's summary: the latest of the burst
        bool summary = false;
        QString burstTopic; // the summary of this topic's burst
    };
    // The summary standing for a topic's burst while it is on screen.
    struct BurstSummary
    {
        uint id = 0; // the daemon's, once it answered
        int count = 0;
        Tidings::Notification latest;
        Priority priority = Priority::Low;
        bool inFlight = false; // Notify sent, no id yet
        bool stale = false; // counted more while in flight: send again
    };
    void send(const Shown &shown, const QString &summary, const QString &body, const QStringList &actions,
        Priority priority, uint replaces);
    void setSuppressed(bool dnd, bool quiet);
    [[nodiscard]] QString markup(const QString &text) const;
    void forget(uint id);
    void close(uint id);
    // `n` makes a burst: one summary replaces the topic's notifications.
    void collapse(const Tidings::Notification &n);
    void sendSummary(const QString &topic, uint replaces);

    QDBusConnection m_bus;
    const Clock &m_clock;
    BurstRule m_burst;
    bool m_bodyMarkup = false;
    bool m_actionsSupported = true;
    bool m_dnd = false;
    bool m_quiet = false;
    int m_heldBack = 0;
    QHash<uint, Shown> m_shown; // daemon id -> what it shows
    QHash<QString, uint> m_daemonIds; // notification id -> daemon id
    QHash<QString, uint> m_groups; // group key -> daemon id of its latest
    QHash<QString, Tidings::Notification> m_inFlight; // notification id -> sent, no daemon id yet
    QSet<QString> m_collapsed; // in flight but already part of a summary: close when shown
    QHash<QString, BurstSummary> m_summaries; // topic -> its burst's summary
};

} // namespace Tidings::App
