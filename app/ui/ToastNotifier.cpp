#include "ui/ToastNotifier.h"

#include "ui/ToastWindow.h"

#include <QCursor>
#include <QGuiApplication>
#include <QScreen>

namespace Tidings::App {

ToastNotifier::ToastNotifier(const Clock &clock, AppSettings &settings, QObject *parent)
    : DesktopNotifier(parent)
    , m_settings(settings)
    , m_queue(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_queue.tick();
        rearm();
    });
    connect(&m_queue, &ToastQueue::shown, this, &ToastNotifier::onShown);
    connect(&m_queue, &ToastQueue::updated, this, &ToastNotifier::onUpdated);
    connect(&m_queue, &ToastQueue::closed, this, &ToastNotifier::onClosed);
    connect(&m_settings, &AppSettings::changed, this, &ToastNotifier::applySettings);
    applySettings();
}

ToastNotifier::~ToastNotifier()
{
    for (const QPointer<ToastWindow> &window : std::as_const(m_windows)) {
        if (window)
            window->deleteLater();
    }
}

void ToastNotifier::applySettings()
{
    ToastQueue::Options options = m_queue.options();
    options.lowMs = m_settings.durationMs(int(Priority::Low));
    options.normalMs = m_settings.durationMs(int(Priority::Normal));
    options.highMs = m_settings.durationMs(int(Priority::High));
    options.urgentMs = m_settings.durationMs(int(Priority::Urgent));
    m_queue.setOptions(options);
    if (!m_windows.isEmpty())
        layoutStack();
}

void ToastNotifier::notify(const Notification &notification)
{
    m_queue.push(notification);
    rearm();
}

void ToastNotifier::withdraw(const QString &notificationId)
{
    for (const Toast &toast : m_queue.visible()) {
        if (toast.kind == Toast::Kind::Single && toast.notification.id == notificationId) {
            m_queue.dismiss(toast.key, ToastQueue::CloseReason::Dismissed);
            break;
        }
    }
    rearm();
}

void ToastNotifier::setDoNotDisturb(bool on)
{
    m_queue.setDoNotDisturb(on);
    rearm();
}

void ToastNotifier::setQuietHours(bool on)
{
    m_queue.setQuietHours(on);
    rearm();
}

QStringList ToastNotifier::shownTitles() const
{
    QStringList titles;
    for (const Toast &toast : m_queue.visible())
        titles << ToastWindow::titleFor(toast);
    return titles;
}

QList<ToastWindow *> ToastNotifier::windows() const
{
    QList<ToastWindow *> list;
    const QList<Toast> &visible = m_queue.visible();
    for (auto it = visible.crbegin(); it != visible.crend(); ++it) {
        if (ToastWindow *window = m_windows.value(it->key))
            list << window;
    }
    return list;
}

QList<QPoint> ToastNotifier::stackPositions(
    const QRect &area, AppSettings::Corner corner, const QList<int> &heights, int width)
{
    const bool left = corner == AppSettings::Corner::TopLeft || corner == AppSettings::Corner::BottomLeft;
    const bool top = corner == AppSettings::Corner::TopLeft || corner == AppSettings::Corner::TopRight;
    const int x = left ? area.left() + Margin : area.right() + 1 - Margin - width;
    QList<QPoint> positions;
    int edge = top ? area.top() + Margin : area.bottom() + 1 - Margin;
    for (const int height : heights) {
        if (top) {
            positions << QPoint(x, edge);
            edge += height + Spacing;
        } else {
            edge -= height;
            positions << QPoint(x, edge);
            edge -= Spacing;
        }
    }
    return positions;
}

QRect ToastNotifier::screenArea() const
{
    QScreen *screen = QGuiApplication::screenAt(QCursor::pos());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
}

void ToastNotifier::layoutStack(int appearingKey)
{
    const QList<ToastWindow *> stack = windows();
    QList<int> heights;
    for (ToastWindow *window : stack)
        heights << window->sizeHint().height();
    // The stack stays on one screen; a new stack follows the pointer.
    if (m_area.isNull() || stack.size() <= 1)
        m_area = screenArea();
    const AppSettings::Corner corner = m_settings.toastCorner();
    const QList<QPoint> positions = stackPositions(m_area, corner, heights, ToastWindow::Width);
    const bool fromLeft = corner == AppSettings::Corner::TopLeft || corner == AppSettings::Corner::BottomLeft;
    for (int i = 0; i < stack.size(); ++i) {
        ToastWindow *window = stack[i];
        window->resize(ToastWindow::Width, heights[i]);
        if (window->key() == appearingKey) {
            const QPoint from = positions[i] + QPoint(fromLeft ? -40 : 40, 0);
            window->appear(positions[i], from);
        } else {
            window->moveTo(positions[i]);
        }
    }
}

void ToastNotifier::onShown(const Toast &toast)
{
    auto *window = new ToastWindow(toast, !m_settings.reducedMotion());
    connect(window, &ToastWindow::clicked, this, &ToastNotifier::onClicked);
    connect(window, &ToastWindow::actionInvoked, this, &ToastNotifier::onAction);
    connect(window, &ToastWindow::closeRequested, this, [this](int key) {
        m_queue.dismiss(key, ToastQueue::CloseReason::Dismissed);
        rearm();
    });
    connect(window, &ToastWindow::hoverChanged, this, [this](int key, bool hovered) {
        m_queue.setHovered(key, hovered);
        rearm();
    });
    m_windows.insert(toast.key, window);
    layoutStack(toast.key);
}

void ToastNotifier::onUpdated(const Toast &toast)
{
    if (ToastWindow *window = m_windows.value(toast.key)) {
        window->setToast(toast);
        layoutStack();
    }
}

void ToastNotifier::onClosed(int key, ToastQueue::CloseReason)
{
    if (QPointer<ToastWindow> window = m_windows.take(key))
        window->vanish();
    if (m_windows.isEmpty())
        m_area = {};
    else
        layoutStack();
}

void ToastNotifier::onClicked(int key)
{
    const std::optional<Toast> toast = m_queue.find(key);
    if (!toast)
        return;
    m_queue.dismiss(key, ToastQueue::CloseReason::Clicked);
    if (toast->kind == Toast::Kind::Single)
        Q_EMIT clicked(toast->notification);
    else
        Q_EMIT openCenterRequested();
    rearm();
}

void ToastNotifier::onAction(int key, const QString &actionId)
{
    const std::optional<Toast> toast = m_queue.find(key);
    if (!toast)
        return;
    m_queue.dismiss(key, ToastQueue::CloseReason::Clicked);
    Q_EMIT actionInvoked(toast->notification, actionId);
    rearm();
}

void ToastNotifier::rearm()
{
    const qint64 next = m_queue.msUntilNextExpiry();
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qMin<qint64>(next, 60 * 60 * 1000)));
}

} // namespace Tidings::App
