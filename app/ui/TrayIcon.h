#pragma once

#include "ui/TrayIconPainter.h"

#include <QDateTime>
#include <QMap>
#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Tidings::App {

// The system tray entry: the painted icon with its badge, a tooltip with the
// unread counts per topic, the context menu, and a click that opens the center.
// It only shows state and asks for actions; AppController decides.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    enum class DndChoice { OneHour, UntilMorning, UntilTurnedOff, Off };
    Q_ENUM(DndChoice)

    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    void setState(TrayIconPainter::State state);
    void setUnread(qint64 total, const QMap<QString, qint64> &byTopic);
    // Shown in the tooltip and as the checked Do Not Disturb entry.
    void setDoNotDisturb(bool on, const QDateTime &until, bool indefinite);
    void setSignedIn(bool signedIn);
    void show();

    // What the icon shows, for the D-Bus status interface and tests.
    [[nodiscard]] qint64 shownCount() const { return m_total; }
    // The look shown: the connection state, or Do Not Disturb while online.
    [[nodiscard]] TrayIconPainter::State shownState() const;
    [[nodiscard]] QString toolTip() const;
    [[nodiscard]] QMenu *menu() const { return m_menu.get(); }

Q_SIGNALS:
    void openCenterRequested();
    void doNotDisturbRequested(Tidings::App::TrayIcon::DndChoice choice);
    void markAllReadRequested();
    void preferencesRequested();
    void signOutRequested();
    void signInRequested();
    void quitRequested();

private:
    void refresh();
    [[nodiscard]] QString stateText() const;

    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    QAction *m_dndOff = nullptr;
    QAction *m_dndHour = nullptr;
    QAction *m_dndMorning = nullptr;
    QAction *m_dndForever = nullptr;
    QAction *m_markAll = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_signIn = nullptr;
    TrayIconPainter::State m_state = TrayIconPainter::State::SignedOut;
    qint64 m_total = 0;
    QMap<QString, qint64> m_byTopic;
    bool m_dnd = false;
    bool m_dndIndefinite = false;
    QDateTime m_dndUntil;
};

} // namespace Tidings::App
