#pragma once

#include <QObject>
#include <QStringList>

namespace Tidings::App {

class AppController;

// The running client's state on the session bus (org.tidings.Tidings at /Tidings):
// what the tray icon shows and which toasts are up, and a call to open the
// notification center. Scripts and the end-to-end test read it; the tray icon of
// an XEmbed tray cannot be read from outside otherwise.
class StatusInterface : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.tidings.Tidings")
    Q_PROPERTY(int UnreadCount READ unreadCount)
    Q_PROPERTY(QString IconState READ iconState)
    Q_PROPERTY(QString ToolTip READ toolTip)
    Q_PROPERTY(bool SignedIn READ signedIn)
    Q_PROPERTY(bool Synced READ synced)
    Q_PROPERTY(bool CenterVisible READ centerVisible)
    Q_PROPERTY(QStringList ShownNotifications READ shownNotifications)

public:
    static constexpr const char *Service = "org.tidings.Tidings";
    static constexpr const char *Path = "/Tidings";

    explicit StatusInterface(AppController &controller);

    // Registers on the session bus; false when there is none or the name is taken.
    bool registerOnSessionBus();

    [[nodiscard]] int unreadCount() const;
    [[nodiscard]] QString iconState() const;
    [[nodiscard]] QString toolTip() const;
    [[nodiscard]] bool signedIn() const;
    [[nodiscard]] bool synced() const;
    [[nodiscard]] bool centerVisible() const;
    [[nodiscard]] QStringList shownNotifications() const;

public Q_SLOTS:
    void ShowNotificationCenter();

private:
    AppController &m_controller;
};

} // namespace Tidings::App
