#include "ui/TrayIconPainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace Tidings::App {

namespace {

// The bell in a 24 x 24 design grid.
QPainterPath bellPath()
{
    QPainterPath p;
    p.moveTo(12, 2.5);
    p.cubicTo(15.9, 2.5, 18.5, 5.6, 18.5, 9.5);
    p.lineTo(18.5, 14.5);
    p.lineTo(21, 18);
    p.lineTo(3, 18);
    p.lineTo(5.5, 14.5);
    p.lineTo(5.5, 9.5);
    p.cubicTo(5.5, 5.6, 8.1, 2.5, 12, 2.5);
    p.closeSubpath();
    p.addEllipse(QPointF(12, 20), 2.4, 2.4);
    return p;
}

// A crescent moon in the lower right of the 24 x 24 grid.
QPainterPath moonPath()
{
    QPainterPath moon;
    moon.addEllipse(QPointF(17.5, 17.5), 6, 6);
    QPainterPath bite;
    bite.addEllipse(QPointF(20.5, 14.5), 5, 5);
    return moon.subtracted(bite);
}

} // namespace

QString TrayIconPainter::badgeText(qint64 count)
{
    if (count <= 0)
        return {};
    if (count > 99)
        return QStringLiteral("99+");
    return QString::number(count);
}

QColor TrayIconPainter::bellColor(State state)
{
    switch (state) {
    case State::Online:
        return QColor(0x3d, 0xae, 0xe9);
    case State::DoNotDisturb:
        return QColor(0x7f, 0x8c, 0x8d);
    case State::Offline:
    case State::SignedOut:
        return QColor(0x90, 0x96, 0x9b);
    }
    return {};
}

QFont TrayIconPainter::badgeFont(const QString &text, int size)
{
    QFont font;
    font.setBold(true);
    // Larger icons get proportionally smaller text, so the bell stays visible.
    qreal px = size <= 24 ? size * 0.62 : size * 0.42;
    const qreal maxWidth = size - 1.0;
    font.setPixelSize(qMax(1, qRound(px)));
    while (px > 4 && QFontMetricsF(font).horizontalAdvance(text) + size * 0.12 > maxWidth) {
        px -= 0.5;
        font.setPixelSize(qMax(1, qRound(px)));
    }
    return font;
}

QRectF TrayIconPainter::badgeRect(const QString &text, int size)
{
    const QFontMetricsF fm(badgeFont(text, size));
    const qreal height = qMin<qreal>(size * 0.62, fm.capHeight() + size * (size <= 24 ? 0.26 : 0.2));
    const qreal width = qMin<qreal>(size, qMax(height, fm.horizontalAdvance(text) + size * 0.14));
    return QRectF(size - width, 0, width, height);
}

QImage TrayIconPainter::paint(State state, qint64 count, int size, qreal dpr)
{
    QImage image(QSize(size, size) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);

    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.save();
    p.scale(size / 24.0, size / 24.0);
    const QPainterPath bell = bellPath();
    const QColor color = bellColor(state);
    if (state == State::SignedOut) {
        p.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(bell);
    } else {
        p.fillPath(bell, color);
    }
    if (state == State::Offline) {
        // A slash through the bell, with a gap cut around it so it reads at 16 px.
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setPen(QPen(Qt::black, 5.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(3.5, 3.5), QPointF(20.5, 20.5));
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setPen(QPen(QColor(0x5d, 0x63, 0x68), 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(3.5, 3.5), QPointF(20.5, 20.5));
    } else if (state == State::DoNotDisturb) {
        const QPainterPath moon = moonPath();
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setPen(QPen(Qt::black, 3.0));
        p.drawPath(moon);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setPen(Qt::NoPen);
        p.fillPath(moon, QColor(0x8e, 0x44, 0xad));
    }
    p.restore();

    const QString text = badgeText(count);
    if (!text.isEmpty()) {
        const QRectF badge = badgeRect(text, size);
        const qreal radius = badge.height() / 2;
        // A transparent ring keeps the badge apart from the bell on any panel colour.
        const qreal ring = qMax<qreal>(1.0, size / 24.0);
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
        p.drawRoundedRect(badge.adjusted(-ring, -ring, ring, ring), radius + ring, radius + ring);
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.setBrush(badgeColor());
        p.drawRoundedRect(badge, radius, radius);
        p.setFont(badgeFont(text, size));
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
    }
    return image;
}

QIcon TrayIconPainter::icon(State state, qint64 count)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        for (const qreal dpr : {1.0, 2.0})
            icon.addPixmap(QPixmap::fromImage(paint(state, count, size, dpr)));
    }
    return icon;
}

} // namespace Tidings::App
