#include "ui/ToastWindow.h"

#include "ui/Icons.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPropertyAnimation>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tidings::App {

namespace {

constexpr int AccentWidth = 4;
constexpr int AnimationMs = 180;

// A disc in the priority's colour with a white bell, or "!" for high and urgent.
QPixmap priorityIcon(Priority priority, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(ToastWindow::accentColor(priority));
    p.drawEllipse(QRectF(0, 0, size, size));
    p.setBrush(Qt::white);
    const qreal u = size / 24.0;
    if (priority == Priority::High || priority == Priority::Urgent) {
        p.drawRoundedRect(QRectF(10.6 * u, 5.5 * u, 2.8 * u, 9 * u), 1.4 * u, 1.4 * u);
        p.drawEllipse(QPointF(12 * u, 17.6 * u), 1.7 * u, 1.7 * u);
    } else {
        QPainterPath bell;
        bell.moveTo(12 * u, 5.5 * u);
        bell.cubicTo(14.6 * u, 5.5 * u, 16.3 * u, 7.5 * u, 16.3 * u, 10 * u);
        bell.lineTo(16.3 * u, 13.5 * u);
        bell.lineTo(18 * u, 16 * u);
        bell.lineTo(6 * u, 16 * u);
        bell.lineTo(7.7 * u, 13.5 * u);
        bell.lineTo(7.7 * u, 10 * u);
        bell.cubicTo(7.7 * u, 7.5 * u, 9.4 * u, 5.5 * u, 12 * u, 5.5 * u);
        bell.addEllipse(QPointF(12 * u, 17.6 * u), 1.6 * u, 1.6 * u);
        p.drawPath(bell);
    }
    return pixmap;
}

QString shortTime(const QDateTime &at)
{
    // The locale's short format, without seconds where it has them (the C locale does).
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss"));
    return QLocale().toString(at.toLocalTime().time(), format);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

ToastWindow::ToastWindow(const Toast &toast, bool animate, QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint | Qt::WindowDoesNotAcceptFocus)
    , m_toast(toast)
    , m_animate(animate)
{
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::NoFocus);
    setFixedWidth(Width);
    setCursor(Qt::PointingHandCursor);
    build();
    fill();
}

QColor ToastWindow::accentColor(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QColor(0x7f, 0x8c, 0x8d);
    case Priority::Normal:
        return QColor(0x3d, 0xae, 0xe9);
    case Priority::High:
        return QColor(0xf6, 0x74, 0x00);
    case Priority::Urgent:
        return QColor(0xda, 0x44, 0x53);
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QString ToastWindow::titleFor(const Toast &toast)
{
    switch (toast.kind) {
    case Toast::Kind::Single:
        return toast.notification.content.title;
    case Toast::Kind::Summary:
        return toast.topic.isEmpty() ? tr("%n new notifications", nullptr, toast.count)
                                     : tr("%n new in %1", nullptr, toast.count).arg(toast.topic);
    case Toast::Kind::WhileAway:
        return tr("%n arrived while you were away", nullptr, toast.count);
    }
    return {};
}

void ToastWindow::build()
{
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(AccentWidth + 14, 12, 10, 12);
    outer->setSpacing(12);

    m_icon = new QLabel(this);
    m_icon->setFixedSize(32, 32);
    outer->addWidget(m_icon, 0, Qt::AlignTop);

    auto *column = new QVBoxLayout;
    column->setSpacing(4);
    outer->addLayout(column, 1);

    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    header->addWidget(m_title, 1, Qt::AlignTop);

    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(Icons::get(Icons::Close));
    close->setIconSize(QSize(14, 14));
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));
    close->setFocusPolicy(Qt::NoFocus);
    close->setCursor(Qt::ArrowCursor);
    connect(close, &QToolButton::clicked, this, [this] { Q_EMIT closeRequested(m_toast.key); });
    header->addWidget(close, 0, Qt::AlignTop);
    column->addLayout(header);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    column->addWidget(m_message);

    m_meta = new QLabel(this);
    QFont small = m_meta->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_meta->setFont(small);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(m_meta);

    m_actions = new QWidget(this);
    auto *actions = new QHBoxLayout(m_actions);
    actions->setContentsMargins(0, 6, 0, 0);
    actions->setSpacing(6);
    actions->addStretch(1);
    column->addWidget(m_actions);
}

void ToastWindow::fill()
{
    const Notification &n = m_toast.notification;
    const QString title = titleFor(m_toast);
    setWindowTitle(title);
    setAccessibleName(title);
    m_title->setText(title);

    m_icon->setPixmap(priorityIcon(m_toast.priority(), 32, devicePixelRatioF()));

    QString message;
    if (m_toast.kind == Toast::Kind::Single)
        message = n.content.message;
    else if (m_toast.kind == Toast::Kind::Summary)
        message = tr("Latest: %1").arg(n.content.title);
    else
        message = tr("They are waiting in the notification center.");
    // Long messages are cut at a few lines; the center shows them in full.
    const QFontMetrics fm(m_message->font());
    const int lineWidth = Width - 110;
    QString shown = message.simplified();
    if (fm.horizontalAdvance(shown) > lineWidth * 3)
        shown = fm.elidedText(shown, Qt::ElideRight, lineWidth * 3 - fm.horizontalAdvance(QStringLiteral("……")));
    m_message->setText(shown);
    m_message->setVisible(!shown.isEmpty());
    setAccessibleDescription(message);

    QStringList meta;
    if (!m_toast.topic.isEmpty())
        meta << m_toast.topic;
    else if (!n.content.topic.isEmpty())
        meta << n.content.topic;
    const QDateTime at = n.createdAt.isValid() ? n.createdAt : m_toast.arrivedAt;
    if (at.isValid())
        meta << shortTime(at);
    if (m_toast.priority() == Priority::Urgent)
        meta << tr("Urgent");
    else if (m_toast.priority() == Priority::High)
        meta << tr("High priority");
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));

    auto *layout = static_cast<QHBoxLayout *>(m_actions->layout());
    while (layout->count() > 1) {
        QLayoutItem *item = layout->takeAt(1);
        delete item->widget();
        delete item;
    }
    int added = 0;
    if (m_toast.kind == Toast::Kind::Single) {
        for (const NotificationAction &action : n.content.actions) {
            if (added == MaxActions)
                break;
            auto *button = new QPushButton(action.label, m_actions);
            button->setFocusPolicy(Qt::NoFocus);
            button->setCursor(Qt::ArrowCursor);
            button->setAccessibleName(action.label);
            const QString id = action.id;
            connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT actionInvoked(m_toast.key, id); });
            layout->addWidget(button);
            ++added;
        }
    }
    m_actions->setVisible(added > 0);
    adjustSize();
}

void ToastWindow::setToast(const Toast &toast)
{
    m_toast = toast;
    fill();
    QWidget::update();
}

void ToastWindow::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const QColor background = dark ? pal.color(QPalette::Window).lighter(115) : pal.color(QPalette::Base);
    p.fillRect(rect(), background);
    p.fillRect(QRect(0, 0, AccentWidth, height()), accentColor(m_toast.priority()));
    QColor border = pal.color(QPalette::WindowText);
    border.setAlpha(dark ? 70 : 45);
    p.setPen(border);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void ToastWindow::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked(m_toast.key);
    else if (event->button() == Qt::MiddleButton)
        Q_EMIT closeRequested(m_toast.key);
}

void ToastWindow::enterEvent(QEnterEvent *)
{
    Q_EMIT hoverChanged(m_toast.key, true);
}

void ToastWindow::leaveEvent(QEvent *)
{
    Q_EMIT hoverChanged(m_toast.key, false);
}

void ToastWindow::appear(const QPoint &pos, const QPoint &from)
{
    if (!m_animate) {
        move(pos);
        show();
        return;
    }
    move(from);
    setWindowOpacity(0.0);
    show();
    moveTo(pos);
    auto *fade = new QPropertyAnimation(this, "windowOpacity", this);
    fade->setDuration(AnimationMs);
    fade->setStartValue(0.0);
    fade->setEndValue(1.0);
    fade->start(QAbstractAnimation::DeleteWhenStopped);
}

void ToastWindow::moveTo(const QPoint &pos)
{
    if (m_move)
        m_move->stop();
    if (!m_animate || !isVisible()) {
        move(pos);
        return;
    }
    m_move = new QPropertyAnimation(this, "pos", this);
    m_move->setDuration(AnimationMs);
    m_move->setEasingCurve(QEasingCurve::OutCubic);
    m_move->setEndValue(pos);
    m_move->start(QAbstractAnimation::DeleteWhenStopped);
}

void ToastWindow::vanish()
{
    if (!m_animate || !isVisible()) {
        close();
        return;
    }
    auto *fade = new QPropertyAnimation(this, "windowOpacity", this);
    fade->setDuration(AnimationMs);
    fade->setEndValue(0.0);
    connect(fade, &QPropertyAnimation::finished, this, &QWidget::close);
    fade->start(QAbstractAnimation::DeleteWhenStopped);
}

} // namespace Tidings::App
