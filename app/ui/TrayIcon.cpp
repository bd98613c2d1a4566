#include "ui/TrayIcon.h"

#include <QActionGroup>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace Tidings::App {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_tray(std::make_unique<QSystemTrayIcon>())
{
    QAction *open = m_menu->addAction(tr("&Open notification center"), this, &TrayIcon::openCenterRequested);
    m_menu->setDefaultAction(open);

    QMenu *dnd = m_menu->addMenu(tr("&Do not disturb"));
    auto *group = new QActionGroup(dnd);
    const auto addChoice = [&](const QString &text, DndChoice choice) {
        QAction *action = dnd->addAction(text);
        action->setCheckable(true);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice] { Q_EMIT doNotDisturbRequested(choice); });
        return action;
    };
    m_dndOff = addChoice(tr("O&ff"), DndChoice::Off);
    dnd->addSeparator();
    m_dndHour = addChoice(tr("For &1 hour"), DndChoice::OneHour);
    m_dndMorning = addChoice(tr("Until &tomorrow morning"), DndChoice::UntilMorning);
    m_dndForever = addChoice(tr("Until turned &off"), DndChoice::UntilTurnedOff);
    m_dndOff->setChecked(true);

    m_markAll = m_menu->addAction(tr("&Mark all as read"), this, &TrayIcon::markAllReadRequested);
    m_menu->addSeparator();
    m_preferences = m_menu->addAction(tr("&Preferences…"), this, &TrayIcon::preferencesRequested);
    m_signOut = m_menu->addAction(tr("&Sign out"), this, &TrayIcon::signOutRequested);
    m_signIn = m_menu->addAction(tr("&Sign in…"), this, &TrayIcon::signInRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);

    m_tray->setContextMenu(m_menu.get());
    connect(m_tray.get(), &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT openCenterRequested();
    });
    setSignedIn(false);
    refresh();
}

TrayIcon::~TrayIcon()
{
    m_tray->setContextMenu(nullptr);
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::setState(TrayIconPainter::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    refresh();
}

void TrayIcon::setUnread(qint64 total, const QMap<QString, qint64> &byTopic)
{
    if (total == m_total && byTopic == m_byTopic)
        return;
    m_total = total;
    m_byTopic = byTopic;
    refresh();
}

void TrayIcon::setDoNotDisturb(bool on, const QDateTime &until, bool indefinite)
{
    m_dnd = on;
    m_dndUntil = until;
    m_dndIndefinite = indefinite;
    if (!on)
        m_dndOff->setChecked(true);
    else if (indefinite)
        m_dndForever->setChecked(true);
    else if (!m_dndHour->isChecked() && !m_dndMorning->isChecked())
        m_dndHour->setChecked(true);
    refresh();
}

void TrayIcon::setSignedIn(bool signedIn)
{
    m_markAll->setVisible(signedIn);
    m_preferences->setVisible(signedIn);
    m_signOut->setVisible(signedIn);
    m_signIn->setVisible(!signedIn);
}

QString TrayIcon::stateText() const
{
    switch (m_state) {
    case TrayIconPainter::State::Online:
        return {};
    case TrayIconPainter::State::Offline:
        return tr("Offline, reconnecting");
    case TrayIconPainter::State::SignedOut:
        return tr("Signed out");
    case TrayIconPainter::State::DoNotDisturb:
        return {};
    }
    return {};
}

QString TrayIcon::toolTip() const
{
    QStringList lines;
    lines << (m_total == 0 ? tr("Tidings: no unread notifications") : tr("Tidings: %n unread", nullptr, int(m_total)));
    for (auto it = m_byTopic.cbegin(); it != m_byTopic.cend(); ++it) {
        if (it.value() > 0)
            lines << tr("%1: %2").arg(it.key().isEmpty() ? tr("Direct") : it.key()).arg(it.value());
    }
    if (const QString state = stateText(); !state.isEmpty())
        lines << state;
    if (m_dnd) {
        lines << (m_dndIndefinite || !m_dndUntil.isValid()
                ? tr("Do not disturb is on")
                : tr("Do not disturb until %1")
                      .arg(QLocale().toString(m_dndUntil.toLocalTime(), QLocale::ShortFormat)));
    }
    return lines.join(QLatin1Char('\n'));
}

TrayIconPainter::State TrayIcon::shownState() const
{
    return m_dnd && m_state == TrayIconPainter::State::Online ? TrayIconPainter::State::DoNotDisturb : m_state;
}

void TrayIcon::refresh()
{
    m_tray->setIcon(TrayIconPainter::icon(shownState(), m_total));
    m_tray->setToolTip(toolTip());
}

} // namespace Tidings::App
