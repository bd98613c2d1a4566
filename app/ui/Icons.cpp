#include "ui/Icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace Tidings::App::Icons {

namespace {

const char *themeName(Id id)
{
    switch (id) {
    case Close:
        return "window-close";
    case Information:
        return "dialog-information";
    case Ok:
        return "dialog-ok";
    case Error:
        return "dialog-error";
    case Offline:
        return "network-offline";
    case Search:
        return "edit-find";
    case MarkRead:
        return "mail-mark-read";
    case MarkUnread:
        return "mail-mark-unread";
    case MarkAllRead:
        return "mail-mark-read";
    case Delete:
        return "edit-delete";
    case Open:
        return "document-open";
    case Filter:
        return "view-filter";
    case Account:
        return "user-identity";
    case Topics:
        return "tag";
    case QuietHours:
        return "notifications-disabled";
    case Digest:
        return "view-calendar-list";
    case Toasts:
        return "preferences-desktop-notification";
    case General:
        return "preferences-system";
    case Pending:
        return "chronometer";
    case Copy:
        return "edit-copy";
    }
    return "";
}

// Feather-style line art on a 24x24 grid.
QPainterPath path(Id id)
{
    QPainterPath p;
    const auto line = [&p](qreal x1, qreal y1, qreal x2, qreal y2) {
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
    };
    const auto circle = [&p](qreal cx, qreal cy, qreal r) { p.addEllipse(QPointF(cx, cy), r, r); };
    switch (id) {
    case Close:
        line(6, 6, 18, 18);
        line(18, 6, 6, 18);
        break;
    case Information:
        circle(12, 12, 9.5);
        line(12, 11, 12, 16.5);
        line(12, 7.5, 12, 7.6);
        break;
    case Ok:
        circle(12, 12, 9.5);
        p.moveTo(7.5, 12.5);
        p.lineTo(10.5, 15.5);
        p.lineTo(16.5, 9);
        break;
    case Error:
        circle(12, 12, 9.5);
        line(12, 7, 12, 13);
        line(12, 16.5, 12, 16.6);
        break;
    case Offline:
        p.moveTo(2.5, 9);
        p.quadTo(12, 1, 21.5, 9);
        p.moveTo(5.5, 12.5);
        p.quadTo(12, 6.5, 18.5, 12.5);
        p.moveTo(8.5, 16);
        p.quadTo(12, 13, 15.5, 16);
        line(12, 19.5, 12, 19.6);
        line(3, 3, 21, 21);
        break;
    case Search:
        circle(10.5, 10.5, 6.5);
        line(15.5, 15.5, 20.5, 20.5);
        break;
    case MarkRead:
        p.moveTo(4.5, 12.5);
        p.lineTo(9.5, 17.5);
        p.lineTo(19.5, 7);
        break;
    case MarkUnread:
        p.addRoundedRect(QRectF(3, 6, 18, 13), 2, 2);
        p.moveTo(3.5, 7.5);
        p.lineTo(12, 13.5);
        p.lineTo(20.5, 7.5);
        break;
    case MarkAllRead:
        p.moveTo(1.5, 12.5);
        p.lineTo(6.5, 17.5);
        p.lineTo(16.5, 7);
        p.moveTo(11.5, 16.5);
        p.lineTo(12.5, 17.5);
        p.lineTo(22.5, 7);
        break;
    case Delete:
        line(3, 6, 21, 6);
        p.moveTo(5.5, 6);
        p.lineTo(6.5, 19.5);
        p.quadTo(6.7, 21, 8.2, 21);
        p.lineTo(15.8, 21);
        p.quadTo(17.3, 21, 17.5, 19.5);
        p.lineTo(18.5, 6);
        p.moveTo(9, 6);
        p.lineTo(9, 3.5);
        p.lineTo(15, 3.5);
        p.lineTo(15, 6);
        line(10, 10.5, 10, 16.5);
        line(14, 10.5, 14, 16.5);
        break;
    case Open:
        p.moveTo(18, 13);
        p.lineTo(18, 19);
        p.quadTo(18, 21, 16, 21);
        p.lineTo(5, 21);
        p.quadTo(3, 21, 3, 19);
        p.lineTo(3, 8);
        p.quadTo(3, 6, 5, 6);
        p.lineTo(11, 6);
        p.moveTo(15, 3);
        p.lineTo(21, 3);
        p.lineTo(21, 9);
        line(10, 14, 21, 3);
        break;
    case Filter:
        p.moveTo(3, 4);
        p.lineTo(21, 4);
        p.lineTo(14, 12.5);
        p.lineTo(14, 19);
        p.lineTo(10, 21);
        p.lineTo(10, 12.5);
        p.closeSubpath();
        break;
    case Account:
        circle(12, 8, 4);
        p.moveTo(4, 21);
        p.lineTo(4, 19);
        p.quadTo(4, 15, 8, 15);
        p.lineTo(16, 15);
        p.quadTo(20, 15, 20, 19);
        p.lineTo(20, 21);
        break;
    case Topics:
        line(4, 9, 20, 9);
        line(4, 15, 20, 15);
        line(10, 3, 8, 21);
        line(16, 3, 14, 21);
        break;
    case QuietHours: {
        QPainterPath outer;
        outer.addEllipse(QPointF(11.5, 12.5), 9, 9);
        QPainterPath bite;
        bite.addEllipse(QPointF(17, 7.5), 7.5, 7.5);
        p = outer.subtracted(bite);
        break;
    }
    case Digest:
        line(8.5, 6, 21, 6);
        line(8.5, 12, 21, 12);
        line(8.5, 18, 21, 18);
        line(3.5, 6, 3.6, 6);
        line(3.5, 12, 3.6, 12);
        line(3.5, 18, 3.6, 18);
        break;
    case Toasts:
        p.moveTo(6, 9);
        p.arcTo(QRectF(6, 3, 12, 12), 180, -180);
        p.cubicTo(18, 15, 20.5, 17, 20.5, 17);
        p.lineTo(3.5, 17);
        p.cubicTo(3.5, 17, 6, 15, 6, 9);
        p.moveTo(10, 20.5);
        p.quadTo(12, 22.5, 14, 20.5);
        break;
    case General:
        line(4, 21, 4, 14);
        line(4, 10, 4, 3);
        line(12, 21, 12, 12);
        line(12, 8, 12, 3);
        line(20, 21, 20, 16);
        line(20, 12, 20, 3);
        line(1.5, 14, 6.5, 14);
        line(9.5, 8, 14.5, 8);
        line(17.5, 16, 22.5, 16);
        break;
    case Pending:
        circle(12, 12, 9.5);
        p.moveTo(12, 7);
        p.lineTo(12, 12);
        p.lineTo(15.5, 14);
        break;
    case Copy:
        p.addRoundedRect(QRectF(9, 9, 12, 12), 2, 2);
        p.moveTo(5, 15);
        p.lineTo(4.5, 15);
        p.quadTo(3, 15, 3, 13.5);
        p.lineTo(3, 4.5);
        p.quadTo(3, 3, 4.5, 3);
        p.lineTo(13.5, 3);
        p.quadTo(15, 3, 15, 4.5);
        p.lineTo(15, 5);
        break;
    }
    return p;
}

class DrawnIconEngine : public QIconEngine
{
public:
    DrawnIconEngine(Id id, const QColor &color)
        : m_id(id)
        , m_color(color)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QColor c = m_color;
        const QPalette pal = QGuiApplication::palette();
        if (!c.isValid())
            c = mode == QIcon::Selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::WindowText);
        if (mode == QIcon::Disabled)
            c.setAlphaF(0.4);
        Icons::paint(*painter, m_id, rect, c);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new DrawnIconEngine(m_id, m_color); }

private:
    Id m_id;
    QColor m_color;
};

} // namespace

void paint(QPainter &painter, Id id, const QRectF &rect, const QColor &color, qreal strokeWidth)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(rect.width(), rect.height());
    const qreal scale = side / 24.0;
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter.scale(scale, scale);
    // Thin lines blur at small sizes: keep the stroke at least ~1.3 device pixels.
    const qreal width = strokeWidth > 0 ? strokeWidth / scale : qMax(1.8, 1.3 / scale);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path(id));
    painter.restore();
}

QIcon drawn(Id id, const QColor &color)
{
    return QIcon(new DrawnIconEngine(id, color));
}

QIcon get(Id id, const QColor &color)
{
    if (color.isValid())
        return drawn(id, color);
    return QIcon::fromTheme(QLatin1String(themeName(id)), drawn(id));
}

} // namespace Tidings::App::Icons
