#include "ui/TopicsPage.h"

#include "models/TopicListModel.h"
#include "ui/ServerPreferences.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QScopedValueRollback>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

using Tidings::Client::TopicListModel;

namespace Tidings::App {

namespace {

constexpr int kNameRole = Qt::UserRole + 1; // empty for the defaults row

const char *channelKey(int column)
{
    switch (column) {
    case TopicsPage::InAppColumn:
        return "inApp";
    case TopicsPage::DesktopColumn:
        return "desktop";
    case TopicsPage::EmailColumn:
        return "email";
    case TopicsPage::PushColumn:
        return "push";
    default:
        return nullptr;
    }
}

bool channelValue(const ChannelSwitches &s, int column)
{
    switch (column) {
    case TopicsPage::InAppColumn:
        return s.inApp;
    case TopicsPage::DesktopColumn:
        return s.desktop;
    case TopicsPage::EmailColumn:
        return s.email;
    case TopicsPage::PushColumn:
        return s.push;
    default:
        return false;
    }
}

// Draws the check boxes in the middle of their cells and toggles them on a click
// anywhere in the cell, which a narrow column needs.
class CenteredCheckDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariant state = index.data(Qt::CheckStateRole);
        if (index.column() == 0 || !state.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QRect box = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
        opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        QStyleOptionViewItem check = opt;
        check.rect = QRect(QPoint(0, 0), box.size());
        check.rect.moveCenter(option.rect.center());
        check.state = check.state & ~QStyle::State_HasFocus;
        check.state |= Qt::CheckState(state.toInt()) == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, widget);
    }

    bool editorEvent(
        QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index) override
    {
        if (index.column() == 0 || !index.data(Qt::CheckStateRole).isValid())
            return QStyledItemDelegate::editorEvent(event, model, option, index);
        const bool click = event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
        const bool key = event->type() == QEvent::KeyPress
            && (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space
                || static_cast<QKeyEvent *>(event)->key() == Qt::Key_Select);
        if (!click && !key) {
            // Swallow the press and double click so they do not toggle twice.
            return event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick;
        }
        const auto state = Qt::CheckState(index.data(Qt::CheckStateRole).toInt());
        return model->setData(index, state == Qt::Checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(qMax(size.height(), 30));
        size.setWidth(qMax(size.width(), 64));
        return size;
    }
};

} // namespace

TopicsPage::TopicsPage(ServerPreferences &prefs, QWidget *parent)
    : PreferencesPage(parent)
    , m_prefs(prefs)
    , m_table(new QTreeWidget(this))
{
    setHeading(tr("Topics"),
        tr("Subscribe to the topics you want to hear about, and choose how each one reaches you. Topics without "
           "their own choice follow the defaults."));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Topic"), tr("Subscribed"), tr("In app"), tr("Desktop"), tr("Email"), tr("Push")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setAccessibleName(tr("Topics and channels"));
    m_table->setItemDelegate(new CenteredCheckDelegate(m_table));
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = SubscribedColumn; c < ColumnCount; ++c) {
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        m_table->headerItem()->setTextAlignment(c, Qt::AlignCenter);
    }
    m_table->headerItem()->setToolTip(InAppColumn, tr("Shown in this app's notification center"));
    m_table->headerItem()->setToolTip(DesktopColumn, tr("Shown as a pop-up on your desktop"));
    m_table->headerItem()->setToolTip(EmailColumn, tr("Sent to your email address"));
    m_table->headerItem()->setToolTip(PushColumn, tr("Sent to your phone or browser"));
    body()->addWidget(m_table, 1);
    body()->addWidget(note(tr("Press Space to switch the focused cell; use the arrow keys to move."), this));
    connect(m_table, &QTreeWidget::itemChanged, this, &TopicsPage::onItemChanged);
    connect(&m_prefs, &ServerPreferences::changed, this, &TopicsPage::rebuild);
    rebuild();
}

void TopicsPage::setTopicModel(TopicListModel *topics)
{
    if (m_topics)
        disconnect(m_topics, nullptr, this, nullptr);
    m_topics = topics;
    if (m_topics) {
        connect(m_topics, &QAbstractItemModel::modelReset, this, &TopicsPage::rebuild);
        connect(m_topics, &QAbstractItemModel::rowsInserted, this, &TopicsPage::rebuild);
        connect(m_topics, &QAbstractItemModel::rowsRemoved, this, &TopicsPage::rebuild);
        connect(m_topics, &QAbstractItemModel::dataChanged, this, &TopicsPage::rebuild);
    }
    rebuild();
}

void TopicsPage::rebuild()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const Preferences &prefs = m_prefs.current();
    const QString focused
        = m_table->currentItem() ? m_table->currentItem()->data(NameColumn, kNameRole).toString() : QString();
    const int focusedColumn = m_table->currentColumn();
    m_table->clear();
    const auto addRow = [&](const QString &name, const QString &label, const QString &description, bool subscribed) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(NameColumn, label);
        item->setToolTip(NameColumn, description);
        item->setData(NameColumn, kNameRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const ChannelSwitches switches = name.isEmpty() ? prefs.global : prefs.topics.value(name, prefs.global);
        if (!name.isEmpty()) {
            item->setCheckState(SubscribedColumn, subscribed ? Qt::Checked : Qt::Unchecked);
            item->setData(SubscribedColumn, Qt::AccessibleTextRole, tr("Subscribed to %1").arg(name));
        }
        for (int c = InAppColumn; c < ColumnCount; ++c) {
            item->setCheckState(c, channelValue(switches, c) ? Qt::Checked : Qt::Unchecked);
            item->setData(c, Qt::AccessibleTextRole, tr("%1: %2").arg(m_table->headerItem()->text(c), label));
        }
        if (name.isEmpty()) {
            QFont f = item->font(NameColumn);
            f.setWeight(QFont::DemiBold);
            item->setFont(NameColumn, f);
        }
        if (name == focused)
            m_table->setCurrentItem(item, qMax(0, focusedColumn));
    };
    addRow(QString(), tr("Defaults for all topics"), tr("Used by every topic that has no choice of its own"), false);
    if (m_topics) {
        for (int row = 0; row < m_topics->rowCount(); ++row) {
            const QModelIndex i = m_topics->index(row);
            const QString name = i.data(TopicListModel::NameRole).toString();
            const QString description = i.data(TopicListModel::DescriptionRole).toString();
            addRow(name, name, description, i.data(TopicListModel::SubscribedRole).toBool());
        }
    }
    setEnabled(m_prefs.isLoaded());
}

void TopicsPage::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_loading)
        return;
    const QString name = item->data(NameColumn, kNameRole).toString();
    const bool on = item->checkState(column) == Qt::Checked;
    if (column == SubscribedColumn) {
        if (m_topics && !name.isEmpty())
            m_topics->setSubscribed(name, on);
        return;
    }
    const char *key = channelKey(column);
    if (!key)
        return;
    const QJsonObject change {{QLatin1String(key), on}};
    if (name.isEmpty())
        m_prefs.change(change);
    else
        m_prefs.change({{QStringLiteral("topics"), QJsonObject {{name, change}}}});
}

} // namespace Tidings::App
