#include "ui/StatusInterface.h"

#include "client/ClientSession.h"
#include "ui/AppController.h"
#include "ui/DesktopNotifier.h"
#include "ui/NotificationCenter.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStatus, "tidings.app.dbus")

namespace Tidings::App {

StatusInterface::StatusInterface(AppController &controller)
    : m_controller(controller)
{
}

bool StatusInterface::registerOnSessionBus()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    if (!bus.registerObject(QLatin1String(Path), this,
            QDBusConnection::ExportAllProperties | QDBusConnection::ExportScriptableSlots
                | QDBusConnection::ExportAllSlots)) {
        qCWarning(lcStatus) << "cannot register" << Path;
        return false;
    }
    if (!bus.registerService(QLatin1String(Service))) {
        qCInfo(lcStatus) << "the bus name" << Service << "is taken:" << bus.lastError().message();
        return false;
    }
    return true;
}

int StatusInterface::unreadCount() const
{
    return int(m_controller.tray().shownCount());
}

QString StatusInterface::iconState() const
{
    switch (m_controller.tray().shownState()) {
    case TrayIconPainter::State::Online:
        return QStringLiteral("online");
    case TrayIconPainter::State::Offline:
        return QStringLiteral("offline");
    case TrayIconPainter::State::SignedOut:
        return QStringLiteral("signed-out");
    case TrayIconPainter::State::DoNotDisturb:
        return QStringLiteral("do-not-disturb");
    }
    return {};
}

QString StatusInterface::toolTip() const
{
    return m_controller.tray().toolTip();
}

bool StatusInterface::signedIn() const
{
    return m_controller.session() && m_controller.session()->isSignedIn();
}

bool StatusInterface::synced() const
{
    return signedIn() && m_controller.session()->isSynced();
}

bool StatusInterface::centerVisible() const
{
    return m_controller.center() && m_controller.center()->isVisible();
}

QStringList StatusInterface::shownNotifications() const
{
    return m_controller.notifier() ? m_controller.notifier()->shownTitles() : QStringList();
}

void StatusInterface::ShowNotificationCenter()
{
    m_controller.showNotificationCenter();
}

} // namespace Tidings::App
