#pragma once

#include <QDateTime>
#include <QHash>
#include <QStyledItemDelegate>

#include <functional>

class QTextDocument;

namespace Tidings::App {

// Paints one notification of a NotificationListModel as a card-like row: a
// priority bar, the unread dot, the title (bold while unread), the relative time,
// up to two lines of the message (Markdown rendered when its format says so), the
// topic as a chip, a priority label for high and urgent, and a clock while a local
// change waits for the server. A row is as tall as its message needs (one or two
// lines), estimated from the text's width so a long inbox lays out fast.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit NotificationDelegate(QObject *parent = nullptr);

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
    // The message as plain text (Markdown converted), cached per notification.
    [[nodiscard]] QString plainMessage(const QModelIndex &index) const;
    // 0 for no message, else 1 or 2: how many lines the message takes in a row.
    [[nodiscard]] int messageLines(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintMessage(
        QPainter *painter, const QRect &rect, const QModelIndex &index, const QColor &color, const QFont &font) const;

    std::function<QDateTime()> m_now;
    mutable QHash<QString, QString> m_plainCache;
};

} // namespace Tidings::App
