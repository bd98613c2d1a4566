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
#include <QResizeEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>
#include <QtMath>

#include <limits>

using Tidings::Client::NotificationListModel;

namespace Tidings::App {

namespace {

constexpr int kMargin = 12; // left and right padding inside a row
constexpr int kVPad = 10;
constexpr int kBarWidth = 4;
constexpr int kDotSize = 8;

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

// A plain message broken into at most `maxLines` lines of `width` as QTextLayout
// wraps it, the last one elided when more text follows.
struct PlainLines
{
    QStringList lines;
    bool elided = false;
};

PlainLines layoutPlain(const QString &message, const QFont &font, int width, int maxLines)
{
    PlainLines out;
    QString text = message.trimmed();
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    if (text.isEmpty() || maxLines <= 0)
        return out;
    const QFontMetrics fm(font);
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(qMax(1, width));
        const int end = line.textStart() + line.textLength();
        if (out.lines.size() == maxLines - 1 && end < text.size()) {
            // The last line there is room for takes the rest, cut with "…".
            const QString rest = text.mid(line.textStart()).replace(QChar::LineSeparator, QLatin1Char(' '));
            const QString elided = fm.elidedText(rest, Qt::ElideRight, width);
            out.lines.append(elided);
            out.elided = elided != rest;
            break;
        }
        out.lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return out;
}

// A Markdown message as a row shows it: headings, sizes and paragraph gaps
// flattened so the text flows as in a preview.
std::shared_ptr<QTextDocument> flatMarkdown(const QString &message, const QFont &font)
{
    auto doc = std::make_shared<QTextDocument>();
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setMarkdown(message.trimmed(), QTextDocument::MarkdownDialectGitHub);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        QTextBlockFormat format = block.blockFormat();
        format.setTopMargin(0);
        format.setBottomMargin(0);
        format.setHeadingLevel(0);
        cursor.setBlockFormat(format);
        if (font.pointSizeF() > 0) {
            QTextCharFormat chars;
            chars.setFontPointSize(font.pointSizeF());
            cursor.select(QTextCursor::BlockUnderCursor);
            cursor.mergeCharFormat(chars);
        }
    }
    return doc;
}

} // namespace

NotificationDelegate::NotificationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_relayout.setSingleShot(true);
    m_relayout.setInterval(0);
    // Every view using this delegate lays its rows out again (QAbstractItemView::doItemsLayout).
    connect(&m_relayout, &QTimer::timeout, this, [this] { Q_EMIT sizeHintChanged(QModelIndex()); });
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

NotificationDelegate::~NotificationDelegate() = default;

void NotificationDelegate::watch(QAbstractItemView *view)
{
    QWidget *viewport = view->viewport();
    if (m_widths.contains(viewport))
        return;
    m_widths.insert(viewport, viewport->width());
    viewport->installEventFilter(this);
    connect(viewport, &QObject::destroyed, this, [this, viewport] { m_widths.remove(viewport); });
}

bool NotificationDelegate::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        const auto it = m_widths.find(watched);
        const int width = static_cast<QResizeEvent *>(event)->size().width();
        if (it != m_widths.end() && *it != width) {
            *it = width;
            // After the view's own resize handling (which may show a scroll bar and
            // resize the viewport again), once.
            m_relayout.start();
        }
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

int NotificationDelegate::rowWidth(const QStyleOptionViewItem &option)
{
    // A list's rows span its viewport; sizeHint() gets no rect to go by.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

QTextDocument *NotificationDelegate::markdownDocument(const QModelIndex &index, const QFont &font) const
{
    const QString message = index.data(NotificationListModel::MessageRole).toString();
    const QString key = index.data(NotificationListModel::IdRole).toString() + QLatin1Char('|') + font.key()
        + QLatin1Char('|') + QString::number(qHash(message));
    auto it = m_documents.find(key);
    if (it == m_documents.end()) {
        if (m_documents.size() > 500)
            m_documents.clear();
        it = m_documents.insert(key, flatMarkdown(message, font));
    }
    return it->get();
}

NotificationDelegate::MessageFit NotificationDelegate::fit(
    const QModelIndex &index, const QFont &font, int width, int maxLines, int maxHeight) const
{
    MessageFit fit;
    const QString message = index.data(NotificationListModel::MessageRole).toString();
    if (message.trimmed().isEmpty())
        return fit;
    width = qMax(1, width);
    if (index.data(NotificationListModel::FormatRole).toString() != QLatin1String("markdown")) {
        const int lineSpacing = QFontMetrics(font).lineSpacing();
        const PlainLines plain = layoutPlain(message, font, width, qMin(maxLines, maxHeight / lineSpacing));
        fit.lines = int(plain.lines.size());
        fit.height = fit.lines * lineSpacing;
        fit.elided = plain.elided || fit.lines == 0;
        return fit;
    }
    // Markdown: the very document paint() draws, laid out at this width; bold,
    // code and links change widths and line heights.
    QTextDocument *doc = markdownDocument(index, font);
    if (doc->textWidth() != width)
        doc->setTextWidth(width);
    qreal bottom = 0;
    for (QTextBlock block = doc->begin(); block.isValid() && !fit.elided; block = block.next()) {
        const QTextLayout *layout = block.layout();
        const qreal top = doc->documentLayout()->blockBoundingRect(block).top();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const qreal lineBottom = top + line.rect().bottom();
            if (fit.lines == maxLines || lineBottom > maxHeight + 0.5) {
                // Cut here, unless all that is left is blank.
                fit.elided = !doc->toPlainText().mid(block.position() + line.textStart()).trimmed().isEmpty();
                break;
            }
            bottom = lineBottom;
            ++fit.lines;
        }
    }
    fit.height = qCeil(bottom);
    return fit;
}

NotificationDelegate::MessageFit NotificationDelegate::messageFit(
    const QModelIndex &index, const QFont &font, int rowWidth) const
{
    const int width = rowWidth - 2 * kMargin - kBarWidth - kDotSize - 8;
    const QString id = index.data(NotificationListModel::IdRole).toString();
    const size_t textHash = qHash(index.data(NotificationListModel::MessageRole).toString())
        ^ qHash(index.data(NotificationListModel::FormatRole).toString());
    const QString fontKey = font.key();
    const auto it = m_fits.constFind(id);
    if (it != m_fits.cend() && it->width == width && it->textHash == textHash && it->fontKey == fontKey)
        return it->fit;
    if (m_fits.size() > 5000)
        m_fits.clear();
    const MessageFit result = fit(index, font, width, MaxMessageLines, std::numeric_limits<int>::max());
    m_fits.insert(id, {width, fontKey, textHash, result});
    return result;
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics title(titleFont(option.font, true));
    const QFontMetrics small(smallFont(option.font));
    const int chip = small.height() + 6;
    const MessageFit message = messageFit(index, option.font, rowWidth(option));
    const int height = kVPad + title.height() + (message.lines > 0 ? 4 + message.height : 0) + 8 + chip + kVPad;
    return {200, height};
}

void NotificationDelegate::paintMessage(QPainter *painter, const QRect &rect, const QModelIndex &index,
    const QColor &color, const QFont &font, const MessageFit &fit) const
{
    painter->setPen(color);
    if (index.data(NotificationListModel::FormatRole).toString() != QLatin1String("markdown")) {
        const QFontMetrics fm(font);
        const PlainLines plain
            = layoutPlain(index.data(NotificationListModel::MessageRole).toString(), font, rect.width(), fit.lines);
        painter->setFont(font);
        for (int i = 0; i < plain.lines.size(); ++i)
            painter->drawText(QRectF(rect.left(), rect.top() + i * fm.lineSpacing(), rect.width(), fm.lineSpacing()),
                Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, plain.lines.at(i));
        return;
    }
    QTextDocument *doc = markdownDocument(index, font);
    if (doc->textWidth() != rect.width())
        doc->setTextWidth(rect.width());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, color);
    context.palette.setColor(QPalette::Link, blend(color, QColor(0x3d, 0xae, 0xe9), 0.7));
    context.clip = QRectF(0, 0, rect.width(), fit.height);
    painter->save();
    painter->translate(rect.topLeft());
    painter->setClipRect(context.clip);
    doc->documentLayout()->draw(painter, context);
    painter->restore();
    if (fit.elided) {
        // More than fits: fade out the end of the last line, as a preview does.
        const QFontMetrics fm(font);
        const QRectF fade(rect.right() - 56, rect.top() + fit.height - fm.lineSpacing(), 56, fm.lineSpacing());
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

    // Never taller than the row was measured for: the width may have changed since,
    // and the rows are measured again just after.
    const int room = option.rect.height() - 2 * kVPad - tfm.height() - 4 - 8 - (sfm.height() + 6);
    MessageFit message = messageFit(index, option.font, option.rect.width());
    if (message.height > room)
        message = fit(index, option.font, content.width(), MaxMessageLines, qMax(0, room));
    const QRect messageRect(content.left(), titleRect.bottom() + 1 + 4, content.width(), message.height);
    const QColor rowBackground = selected ? pal.color(QPalette::Highlight)
        : unread                          ? blend(base, pal.color(QPalette::Highlight), 0.06)
                                          : base;
    painter->setBackground(rowBackground);
    if (message.lines > 0)
        paintMessage(painter, messageRect, index, unread || selected ? text : muted, option.font, message);

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
