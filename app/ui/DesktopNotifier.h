#pragma once

#include "protocol/Notification.h"

#include <QObject>

namespace Tidings::App {

// Shows new notifications on the desktop. One interface, one backend per way of
// showing them (built-in toast windows, the desktop's notification daemon over
// D-Bus), chosen in one place (AppController) from AppSettings::backend().
// Both hold back non-urgent notifications under Do Not Disturb and quiet hours and
// say how many arrived meanwhile when those end.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // A live notification to show.
    virtual void notify(const Tidings::Notification &notification) = 0;
    // It was read or deleted elsewhere: take it off the screen.
    virtual void withdraw(const QString &notificationId) = 0;
    virtual void setDoNotDisturb(bool on) = 0;
    virtual void setQuietHours(bool on) = 0;
    // Titles of what is on screen now, oldest first (the D-Bus status interface).
    [[nodiscard]] virtual QStringList shownTitles() const = 0;

Q_SIGNALS:
    // The user clicked the notification itself: open its click URL and mark it read.
    void clicked(const Tidings::Notification &notification);
    // One of its action buttons.
    void actionInvoked(const Tidings::Notification &notification, const QString &actionId);
    // A summary ("12 new in orders", "5 arrived meanwhile") was clicked.
    void openCenterRequested();
};

} // namespace Tidings::App
