#include "ui/EmptyStateWidget.h"

#include "ui/Icons.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tidings::App {

namespace {

// A tinted disc with a line icon and, for "all caught up", a check badge.
QPixmap illustration(EmptyStateWidget::Kind kind, const QPalette &pal, qreal dpr)
{
    const int side = 112;
    QPixmap pm(QSize(side, side) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QColor accent = pal.color(QPalette::Highlight);
    QColor disc = accent;
    disc.setAlphaF(0.12);
    p.setPen(Qt::NoPen);
    p.setBrush(disc);
    p.drawEllipse(QRectF(4, 4, side - 8, side - 8));
    QColor line = pal.color(QPalette::WindowText);
    line.setAlphaF(0.55);
    Icons::Id id = Icons::Toasts;
    if (kind == EmptyStateWidget::Kind::NoMatches)
        id = Icons::Search;
    else if (kind == EmptyStateWidget::Kind::SignedOut)
        id = Icons::Account;
    else if (kind == EmptyStateWidget::Kind::Loading)
        id = Icons::Pending;
    Icons::paint(p, id, QRectF(30, 28, 52, 52), line, 2.2);
    if (kind == EmptyStateWidget::Kind::AllCaughtUp) {
        const QRectF badge(68, 66, 30, 30);
        p.setPen(QPen(pal.color(QPalette::Window), 3));
        p.setBrush(QColor(0x27, 0xae, 0x60));
        p.drawEllipse(badge);
        Icons::paint(p, Icons::MarkRead, badge.adjusted(7, 7, -7, -7), Qt::white, 2.6);
    }
    return pm;
}

} // namespace

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_button(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(3);
    layout->addWidget(m_icon, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setWeight(QFont::DemiBold);
    m_headline->setFont(big);
    m_headline->setAlignment(Qt::AlignHCenter);
    layout->addWidget(m_headline);
    m_hint->setAlignment(Qt::AlignHCenter);
    m_hint->setWordWrap(true);
    QPalette muted = m_hint->palette();
    QColor c = muted.color(QPalette::WindowText);
    c.setAlphaF(0.65);
    muted.setColor(QPalette::WindowText, c);
    m_hint->setPalette(muted);
    layout->addWidget(m_hint);
    layout->addSpacing(8);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(4);
    connect(m_button, &QPushButton::clicked, this, &EmptyStateWidget::clearFiltersRequested);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    retranslate();
}

void EmptyStateWidget::setKind(Kind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    retranslate();
}

QString EmptyStateWidget::headline() const
{
    return m_headline->text();
}

void EmptyStateWidget::retranslate()
{
    switch (m_kind) {
    case Kind::AllCaughtUp:
        m_headline->setText(tr("You're all caught up"));
        m_hint->setText(tr("New notifications will show up here."));
        break;
    case Kind::NoMatches:
        m_headline->setText(tr("No matching notifications"));
        m_hint->setText(tr("Try another topic, or clear the search and filters."));
        break;
    case Kind::SignedOut:
        m_headline->setText(tr("Not signed in"));
        m_hint->setText(tr("Sign in from the tray icon to see your notifications."));
        break;
    case Kind::Loading:
        m_headline->setText(tr("Loading notifications…"));
        m_hint->setText(tr("This only takes a moment."));
        break;
    }
    m_button->setText(tr("Clear Filters"));
    m_button->setVisible(m_kind == Kind::NoMatches);
    setAccessibleName(m_headline->text());
    updateIcon();
}

void EmptyStateWidget::updateIcon()
{
    m_icon->setPixmap(illustration(m_kind, palette(), devicePixelRatioF()));
}

void EmptyStateWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateIcon();
}

} // namespace Tidings::App
