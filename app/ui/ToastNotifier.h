#pragma once

#include "core/AppSettings.h"
#include "core/ToastQueue.h"
#include "ui/DesktopNotifier.h"

#include <QHash>
#include <QPointer>
#include <QRect>
#include <QTimer>

namespace Tidings::App {

class ToastWindow;

// The built-in toasts: ToastQueue decides what shows and for how long, this puts
// one ToastWindow per visible toast in a stack in the configured corner of the
// screen under the mouse pointer, and turns clicks, buttons, hover and closing
// into queue calls and DesktopNotifier signals.
class ToastNotifier : public DesktopNotifier
{
    Q_OBJECT

public:
    static constexpr int Margin = 12; // from the screen's edges
    static constexpr int Spacing = 8; // between toasts

    ToastNotifier(const Clock &clock, AppSettings &settings, QObject *parent = nullptr);
    ~ToastNotifier() override;

    void notify(const Tidings::Notification &notification) override;
    void withdraw(const QString &notificationId) override;
    void setDoNotDisturb(bool on) override;
    void setQuietHours(bool on) override;
    [[nodiscard]] QStringList shownTitles() const override;

    [[nodiscard]] ToastQueue &queue() { return m_queue; }
    // The windows on screen, in stack order (the newest nearest the corner).
    [[nodiscard]] QList<ToastWindow *> windows() const;

    // Where toasts of these heights go in `area`: index 0 is nearest the corner.
    [[nodiscard]] static QList<QPoint> stackPositions(
        const QRect &area, AppSettings::Corner corner, const QList<int> &heights, int width);

private:
    void applySettings();
    void onShown(const Toast &toast);
    void onUpdated(const Toast &toast);
    void onClosed(int key, ToastQueue::CloseReason reason);
    void onClicked(int key);
    void onAction(int key, const QString &actionId);
    void layoutStack(int appearingKey = 0);
    void rearm();
    [[nodiscard]] QRect screenArea() const;

    AppSettings &m_settings;
    ToastQueue m_queue;
    QTimer m_timer;
    QHash<int, QPointer<ToastWindow>> m_windows;
    QRect m_area; // the screen area the current stack lives on
};

} // namespace Tidings::App
