#pragma once

#include <QDateTime>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTimer>

#include <functional>
#include <memory>

class QAbstractItemView;
class QTextDocument;

namespace Tidings::App {

// Paints one notification of a NotificationListModel as a card-like row: a
// priority bar, the unread dot, the title (bold while unread), the relative time,
// up to three lines of the message (Markdown rendered when its format says so), the
// topic as a chip, a priority label for high and urgent, and a clock while a local
// change waits for the server. A row is as tall as its message needs at the view's
// width (one to three lines, cut with an ellipsis only when the text is longer),
// measured by laying the text out as it is painted; watch() re-measures the rows of
// a view whose width changes.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // How a message fits a row: the lines shown, their height in pixels, and
    // whether the text goes on beyond them (then the last line ends in "…").
    struct MessageFit
    {
        int lines = 0;
        int height = 0;
        bool elided = false;
    };
    static constexpr int MaxMessageLines = 3;

    explicit NotificationDelegate(QObject *parent = nullptr);
    ~NotificationDelegate() override;

    // Re-measures the rows whenever the view's viewport changes width (a
    // QListView on its own only re-lays out when the height changes).
    void watch(QAbstractItemView *view);
    // How the message of `index` fits a row `rowWidth` pixels wide in `font`.
    [[nodiscard]] MessageFit messageFit(const QModelIndex &index, const QFont &font, int rowWidth) const;

    // What "now" is for the relative times (tests pin it).
    void setNow(std::function<QDateTime()> now) { m_now = std::move(now); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // The colour that marks a priority (0 low .. 3 urgent); invalid for none.
    [[nodiscard]] static QColor priorityColor(int level);
    // A soft colour for a topic's chip, stable per name.
    [[nodiscard]] static QColor topicColor(const QString &topic);
    // The text a screen reader gets for a row.
    [[nodiscard]] static QString accessibleText(const QModelIndex &index, const QDateTime &now);

private:
    struct CachedFit
    {
        int width = -1;
        QString fontKey;
        size_t textHash = 0;
        MessageFit fit;
    };
    bool eventFilter(QObject *watched, QEvent *event) override;
    // The row's width for `option` (the view's viewport when it is one).
    [[nodiscard]] static int rowWidth(const QStyleOptionViewItem &option);
    // A Markdown message laid out as rows paint it, cached per notification.
    [[nodiscard]] QTextDocument *markdownDocument(const QModelIndex &index, const QFont &font) const;
    // How the message fits `width` in at most `maxLines` lines and `maxHeight` pixels.
    [[nodiscard]] MessageFit fit(
        const QModelIndex &index, const QFont &font, int width, int maxLines, int maxHeight) const;
    void paintMessage(QPainter *painter, const QRect &rect, const QModelIndex &index, const QColor &color,
        const QFont &font, const MessageFit &fit) const;

    std::function<QDateTime()> m_now;
    mutable QHash<QString, CachedFit> m_fits;
    mutable QHash<QString, std::shared_ptr<QTextDocument>> m_documents;
    QHash<QObject *, int> m_widths; // watched viewports' last widths
    QTimer m_relayout;
};

} // namespace Tidings::App
