#pragma once

#include "ui/DesktopNotifier.h"

#include <QDBusConnection>
#include <QHash>

namespace Tidings::App {

// The desktop's own notifications: org.freedesktop.Notifications over the session
// bus (Plasma, GNOME Shell, dunst, mako...). Urgency follows the priority, the
// notification's actions become the daemon's actions, a newer notification of the
// same group replaces the older one (replaces_id), and ActionInvoked and
// NotificationClosed come back as clicks and actions.
class FreedesktopNotifier : public DesktopNotifier
{
    Q_OBJECT

public:
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";
    // The action key the spec reserves for clicking the notification itself.
    static constexpr const char *DefaultAction = "default";

    explicit FreedesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    void notify(const Tidings::Notification &notification) override;
    void withdraw(const QString &notificationId) override;
    void setDoNotDisturb(bool on) override;
    void setQuietHours(bool on) override;
    [[nodiscard]] QStringList shownTitles() const override;

    // 0 low, 1 normal, 2 critical (urgent).
    [[nodiscard]] static uchar urgency(Priority priority);
    // The daemon's id of a shown notification (0: not shown).
    [[nodiscard]] uint daemonId(const QString &notificationId) const { return m_daemonIds.value(notificationId); }

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Shown
    {
        Tidings::Notification notification;
        bool summary = false;
    };
    void send(const Shown &shown, const QString &summary, const QString &body, const QStringList &actions,
        Priority priority, uint replaces);
    void setSuppressed(bool dnd, bool quiet);
    [[nodiscard]] QString markup(const QString &text) const;
    void forget(uint id);

    QDBusConnection m_bus;
    bool m_bodyMarkup = false;
    bool m_actionsSupported = true;
    bool m_dnd = false;
    bool m_quiet = false;
    int m_heldBack = 0;
    QHash<uint, Shown> m_shown; // daemon id -> what it shows
    QHash<QString, uint> m_daemonIds; // notification id -> daemon id
    QHash<QString, uint> m_groups; // group key -> daemon id of its latest
};

} // namespace Tidings::App
