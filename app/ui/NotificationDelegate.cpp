#include "ui/NotificationDelegate.h"

#include "core/RelativeTime.h"
#include "models/NotificationListModel.h"
#include "ui/Icons.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

using Tidings::Client::NotificationListModel;

namespace Tidings::App {

namespace {

constexpr int kMargin = 12; // left and right padding inside a row
constexpr int kVPad = 10;
constexpr int kBarWidth = 4;
constexpr int kDotSize = 8;
constexpr int kMessageLines = 2;

QFont titleFont(const QFont &base, bool unread)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 1.05);
    f.setWeight(unread ? QFont::DemiBold : QFont::Normal);
    return f;
}

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.88);
    return f;
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(
        a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

// Lays `text` out in at most `lines` lines of `width`, eliding the last.
void drawElidedPlain(QPainter *p, const QRect &rect, const QString &text, const QFont &font, int lines)
{
    const QFontMetrics fm(font);
    QString simplified = text;
    simplified.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(simplified, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    QList<QPair<QString, qreal>> out;
    for (int i = 0; i < lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        QString piece = simplified.mid(line.textStart(), line.textLength());
        if (i == lines - 1 && line.textStart() + line.textLength() < simplified.size())
            piece = fm.elidedText(simplified.mid(line.textStart()).replace(QChar::LineSeparator, QLatin1Char(' ')),
                Qt::ElideRight, rect.width());
        out.append({piece.trimmed(), y});
        y += fm.lineSpacing();
    }
    layout.endLayout();
    p->setFont(font);
    for (const auto &[piece, top] : out)
        p->drawText(QRectF(rect.left(), rect.top() + top, rect.width(), fm.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, piece);
}

} // namespace

NotificationDelegate::NotificationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

QColor NotificationDelegate::priorityColor(int level)
{
    switch (level) {
    case 3:
        return QColor(0xda, 0x44, 0x53); // urgent: Breeze red
    case 2:
        return QColor(0xf6, 0x74, 0x00); // high: Breeze orange
    default:
        return {};
    }
}

QColor NotificationDelegate::topicColor(const QString &topic)
{
    // A hue per name, at the same saturation and lightness, so chips differ
    // without any one shouting.
    static const QList<int> hues = {205, 150, 265, 25, 330, 180, 95, 45};
    const int hue = hues.at(int(qHash(topic) % uint(hues.size())));
    return QColor::fromHsl(hue, 150, 120);
}

QString NotificationDelegate::accessibleText(const QModelIndex &index, const QDateTime &now)
{
    const bool unread = !index.data(NotificationListModel::IsReadRole).toBool();
    QStringList parts;
    if (unread)
        parts << tr("Unread");
    const int level = index.data(NotificationListModel::PriorityLevelRole).toInt();
    if (level == 3)
        parts << tr("Urgent");
    else if (level == 2)
        parts << tr("High priority");
    parts << index.data(NotificationListModel::TitleRole).toString();
    const QString topic = index.data(NotificationListModel::TopicRole).toString();
    if (!topic.isEmpty())
        parts << tr("in %1").arg(topic);
    parts << RelativeTime::format(index.data(NotificationListModel::CreatedAtRole).toDateTime(), now);
    return parts.join(QStringLiteral(", "));
}

QString NotificationDelegate::plainMessage(const QModelIndex &index) const
{
    const QString message = index.data(NotificationListModel::MessageRole).toString();
    if (index.data(NotificationListModel::FormatRole).toString() != QLatin1String("markdown"))
        return message;
    const QString id = index.data(NotificationListModel::IdRole).toString();
    auto it = m_plainCache.constFind(id);
    if (it != m_plainCache.constEnd())
        return *it;
    QTextDocument doc;
    doc.setMarkdown(message, QTextDocument::MarkdownDialectGitHub);
    if (m_plainCache.size() > 2000)
        m_plainCache.clear();
    return *m_plainCache.insert(id, doc.toPlainText());
}

int NotificationDelegate::messageLines(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = plainMessage(index).simplified();
    if (text.isEmpty())
        return 0;
    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    // Leave room for a scroll bar that may appear once the rows are laid out.
    const int scrollBar = view ? view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view) : 0;
    const int rowWidth = view ? view->viewport()->width() - (view->verticalScrollBar()->isVisible() ? 0 : scrollBar)
                              : option.rect.width();
    const int width = rowWidth - 2 * kMargin - kBarWidth - kDotSize - 8;
    if (width <= 0)
        return 1;
    if (index.data(NotificationListModel::FormatRole).toString() == QLatin1String("markdown")) {
        // Bold and code run wider than plain text: lay the few Markdown rows out for real.
        QTextDocument doc;
        doc.setDefaultFont(option.font);
        doc.setDocumentMargin(0);
        doc.setMarkdown(
            index.data(NotificationListModel::MessageRole).toString(), QTextDocument::MarkdownDialectGitHub);
        doc.setTextWidth(width);
        int lines = 0;
        for (QTextBlock block = doc.begin(); block.isValid() && lines < kMessageLines; block = block.next())
            lines += block.layout()->lineCount();
        // Painting flattens headings and sizes, which can widen a line: keep a margin.
        if (lines == 1 && doc.idealWidth() > width * 0.92)
            lines = kMessageLines;
        return qBound(1, lines, kMessageLines);
    }
    const QFontMetrics fm(option.font);
    return fm.horizontalAdvance(text) > width ? kMessageLines : 1;
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics title(titleFont(option.font, true));
    const QFontMetrics body(option.font);
    const QFontMetrics small(smallFont(option.font));
    const int chip = small.height() + 6;
    const int lines = messageLines(option, index);
    const int height = kVPad + title.height() + (lines > 0 ? 4 + body.lineSpacing() * lines : 0) + 8 + chip + kVPad;
    return {200, height};
}

void NotificationDelegate::paintMessage(
    QPainter *painter, const QRect &rect, const QModelIndex &index, const QColor &color, const QFont &font) const
{
    const QString message = index.data(NotificationListModel::MessageRole).toString();
    if (message.isEmpty())
        return;
    painter->setPen(color);
    const int maxLines = qMax(1, rect.height() / QFontMetrics(font).lineSpacing());
    if (index.data(NotificationListModel::FormatRole).toString() != QLatin1String("markdown")) {
        drawElidedPlain(painter, rect, message, font, maxLines);
        return;
    }
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setMarkdown(message, QTextDocument::MarkdownDialectGitHub);
    // Headings and paragraph gaps waste the two lines a row has: flatten block
    // formats so the text flows as in a preview.
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        QTextBlockFormat format = block.blockFormat();
        format.setTopMargin(0);
        format.setBottomMargin(0);
        format.setHeadingLevel(0);
        cursor.setBlockFormat(format);
        QTextCharFormat chars;
        chars.setFontPointSize(font.pointSizeF());
        cursor.select(QTextCursor::BlockUnderCursor);
        cursor.mergeCharFormat(chars);
    }
    doc.setTextWidth(rect.width());
    // Clip after the second laid-out line (inline code and bold change line heights).
    qreal clipBottom = 0;
    int seen = 0;
    bool more = false;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        const qreal top = doc.documentLayout()->blockBoundingRect(block).top();
        for (int i = 0; i < layout->lineCount(); ++i) {
            if (seen == maxLines) {
                more = true;
                break;
            }
            clipBottom = top + layout->lineAt(i).rect().bottom();
            ++seen;
        }
        if (more)
            break;
    }
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, color);
    context.palette.setColor(QPalette::Link, blend(color, QColor(0x3d, 0xae, 0xe9), 0.7));
    context.clip = QRectF(0, 0, rect.width(), clipBottom);
    painter->save();
    painter->translate(rect.topLeft());
    painter->setClipRect(context.clip);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
    if (more) {
        // More than fits: fade out the end of the last line, as a preview does.
        const QFontMetrics fm(font);
        const QRectF fade(rect.right() - 56, rect.top() + clipBottom - fm.lineSpacing(), 56, fm.lineSpacing());
        QLinearGradient g(fade.topLeft(), fade.topRight());
        QColor bg = painter->background().color();
        bg.setAlpha(0);
        g.setColorAt(0, bg);
        bg.setAlpha(255);
        g.setColorAt(0.6, bg);
        painter->fillRect(fade, g);
        painter->setPen(color);
        painter->setFont(font);
        painter->drawText(fade, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("…"));
    }
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    option.text.clear();
    option.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    const bool unread = !index.data(NotificationListModel::IsReadRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor base = pal.color(QPalette::Base);
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor muted = selected ? text : blend(pal.color(QPalette::Text), base, 0.38);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Unread rows carry a faint wash of the accent colour, like mail clients.
    if (unread && !selected) {
        QColor wash = pal.color(QPalette::Highlight);
        wash.setAlphaF(0.06);
        painter->fillRect(option.rect, wash);
    }
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);

    // Separator between rows.
    QColor rule = pal.color(QPalette::Text);
    rule.setAlphaF(0.08);
    painter->fillRect(QRect(option.rect.left(), option.rect.bottom(), option.rect.width(), 1), rule);

    const QRect r = option.rect.adjusted(kMargin + kBarWidth, kVPad, -kMargin, -kVPad);
    const int level = index.data(NotificationListModel::PriorityLevelRole).toInt();
    const QColor prio = priorityColor(level);
    if (prio.isValid()) {
        const QRectF bar(option.rect.left() + 4, option.rect.top() + 8, kBarWidth, option.rect.height() - 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(prio);
        painter->drawRoundedRect(bar, kBarWidth / 2.0, kBarWidth / 2.0);
    }

    // Unread dot in a gutter left of the title.
    const QFont tFont = titleFont(option.font, unread);
    const QFontMetrics tfm(tFont);
    const int gutter = kDotSize + 8;
    if (unread) {
        const QRectF dot(r.left(), r.top() + (tfm.height() - kDotSize) / 2.0, kDotSize, kDotSize);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? text : pal.color(QPalette::Highlight));
        painter->drawEllipse(dot);
    }
    const QRect content = r.adjusted(gutter, 0, 0, 0);

    // Time at the right of the title line.
    const QFont sFont = smallFont(option.font);
    const QFontMetrics sfm(sFont);
    const QDateTime created = index.data(NotificationListModel::CreatedAtRole).toDateTime();
    const QString when = RelativeTime::format(created, m_now());
    const int whenWidth = sfm.horizontalAdvance(when);
    painter->setFont(sFont);
    painter->setPen(muted);
    painter->drawText(QRect(content.right() - whenWidth, content.top(), whenWidth, tfm.height()),
        Qt::AlignRight | Qt::AlignVCenter, when);

    painter->setFont(tFont);
    painter->setPen(text);
    const QRect titleRect(content.left(), content.top(), content.width() - whenWidth - 12, tfm.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        tfm.elidedText(index.data(NotificationListModel::TitleRole).toString(), Qt::ElideRight, titleRect.width()));

    const QFontMetrics bfm(option.font);
    // Never more lines than the row was measured for (the width may have changed since).
    const int room = (option.rect.height() - 2 * kVPad - tfm.height() - 4 - 8 - (sfm.height() + 6)) / bfm.lineSpacing();
    const int lines = qMin(messageLines(option, index), qMax(0, room));
    const QRect messageRect(content.left(), titleRect.bottom() + 1 + 4, content.width(), bfm.lineSpacing() * lines);
    const QColor rowBackground = selected ? pal.color(QPalette::Highlight)
        : unread                          ? blend(base, pal.color(QPalette::Highlight), 0.06)
                                          : base;
    painter->setBackground(rowBackground);
    if (lines > 0)
        paintMessage(painter, messageRect, index, unread || selected ? text : muted, option.font);

    // Chips: topic, priority, pending sync.
    int x = content.left();
    const int chipHeight = sfm.height() + 6;
    const int chipTop = content.bottom() - chipHeight + 1;
    painter->setFont(sFont);
    const auto chip = [&](const QString &label, const QColor &color, bool filled) {
        const int w = sfm.horizontalAdvance(label) + 16;
        const QRectF box(x, chipTop, w, chipHeight);
        QColor fill = color;
        fill.setAlphaF(filled ? 0.9 : (selected ? 0.35 : 0.16));
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, chipHeight / 2.0, chipHeight / 2.0);
        QColor fg = filled ? QColor(Qt::white) : (selected ? text : color);
        if (!filled && !selected && pal.color(QPalette::Base).lightness() < 128)
            fg = color.lighter(150);
        painter->setPen(fg);
        painter->drawText(box, Qt::AlignCenter, label);
        x += w + 6;
    };
    const QString topic = index.data(NotificationListModel::TopicRole).toString();
    if (!topic.isEmpty())
        chip(topic, topicColor(topic), false);
    else
        chip(tr("Direct"), blend(pal.color(QPalette::Text), base, 0.3), false);
    if (level == 3)
        chip(tr("Urgent"), prio, true);
    else if (level == 2)
        chip(tr("High"), prio, false);
    if (index.data(NotificationListModel::SyncPendingRole).toBool()) {
        const QRectF icon(x + 2, chipTop + (chipHeight - 14) / 2.0, 14, 14);
        Icons::paint(*painter, Icons::Pending, icon, muted, 1.4);
        painter->setPen(muted);
        const QString label = tr("Waiting to sync");
        painter->drawText(QRectF(icon.right() + 5, chipTop, sfm.horizontalAdvance(label) + 2, chipHeight),
            Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    if (option.state & QStyle::State_HasFocus && widget && widget->hasFocus()) {
        QPen focus(pal.color(QPalette::Highlight), 1.5);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -2.5), 3, 3);
    }
    painter->restore();
}

bool NotificationDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString tip
        = QStringLiteral("<b>%1</b><br>%2")
              .arg(index.data(NotificationListModel::TitleRole).toString().toHtmlEscaped(),
                  RelativeTime::exact(index.data(NotificationListModel::CreatedAtRole).toDateTime()).toHtmlEscaped());
    const QString sender = index.data(NotificationListModel::SenderNameRole).toString();
    if (!sender.isEmpty())
        tip += QStringLiteral("<br>") + tr("From %1").arg(sender.toHtmlEscaped());
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace Tidings::App
