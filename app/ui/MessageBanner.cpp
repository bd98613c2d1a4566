#include "ui/MessageBanner.h"

#include "ui/Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace Tidings::App {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(m_text, 1, Qt::AlignVCenter);
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    m_close->setAutoRaise(true);
    m_close->setIcon(Icons::get(Icons::Close));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->hide();
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    setAccessibleName(tr("Message"));
    updateIcon();
}

void MessageBanner::setKind(Kind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    updateIcon();
    update();
}

void MessageBanner::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QToolButton *MessageBanner::addButton(const QString &text)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void MessageBanner::setCloseable(bool closeable)
{
    m_close->setVisible(closeable);
}

QColor MessageBanner::color() const
{
    // Breeze's message colours: they read well on light and dark palettes alike.
    switch (m_kind) {
    case Kind::Information:
        return QColor(0x3d, 0xae, 0xe9);
    case Kind::Positive:
        return QColor(0x27, 0xae, 0x60);
    case Kind::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case Kind::Error:
        return QColor(0xda, 0x44, 0x53);
    }
    return palette().color(QPalette::Highlight);
}

void MessageBanner::updateIcon()
{
    Icons::Id id = Icons::Information;
    switch (m_kind) {
    case Kind::Information:
        id = Icons::Information;
        break;
    case Kind::Positive:
        id = Icons::Ok;
        break;
    case Kind::Warning:
        id = Icons::Offline;
        break;
    case Kind::Error:
        id = Icons::Error;
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(Icons::get(id, color()).pixmap(size + 4, size + 4));
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor fill = color();
    fill.setAlphaF(0.18);
    QColor border = color();
    border.setAlphaF(0.8);
    p.setPen(QPen(border, 1));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
}

} // namespace Tidings::App
