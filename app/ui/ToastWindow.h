#pragma once

#include "core/ToastQueue.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPropertyAnimation;

namespace Tidings::App {

// One built-in toast: a frameless window that stays on top and never takes focus,
// with a priority accent and icon, the title, the message, the topic and time, up
// to three action buttons and a close button. Its window title and accessible name
// are the notification's title, so screen readers and window tools find it.
class ToastWindow : public QWidget
{
    Q_OBJECT

public:
    static constexpr int Width = 380;
    static constexpr int MaxActions = 3;

    ToastWindow(const Toast &toast, bool animate, QWidget *parent = nullptr);

    [[nodiscard]] int key() const { return m_toast.key; }
    [[nodiscard]] const Toast &toast() const { return m_toast; }
    void setToast(const Toast &toast);

    // Shows it at `pos` (sliding in from `from` when animated).
    void appear(const QPoint &pos, const QPoint &from);
    void moveTo(const QPoint &pos);
    // Fades out (when animated), then deletes itself.
    void vanish();

    [[nodiscard]] static QColor accentColor(Priority priority);
    [[nodiscard]] static QString titleFor(const Toast &toast);

Q_SIGNALS:
    void clicked(int key);
    void actionInvoked(int key, const QString &actionId);
    void closeRequested(int key);
    void hoverChanged(int key, bool hovered);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void build();
    void fill();

    Toast m_toast;
    bool m_animate;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_meta = nullptr;
    QWidget *m_actions = nullptr;
    QPointer<QPropertyAnimation> m_move;
};

} // namespace Tidings::App
