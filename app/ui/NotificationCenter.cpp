#include "ui/NotificationCenter.h"

#include "client/BadgeState.h"
#include "client/ClientSession.h"
#include "client/NotificationStore.h"
#include "core/AppSettings.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"
#include "models/TopicListModel.h"
#include "ui/EmptyStateWidget.h"
#include "ui/Icons.h"
#include "ui/MessageBanner.h"
#include "ui/NotificationDelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Tidings::Client;

namespace Tidings::App {

namespace {

const QString kGeometryKey = QStringLiteral("center/geometry");

// Adds what a screen reader says for a row; everything else passes through.
class AccessibleRows : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::AccessibleTextRole)
            return NotificationDelegate::accessibleText(index, QDateTime::currentDateTimeUtc());
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

NotificationCenter::NotificationCenter(ClientSession &session, AppSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_filter(new NotificationFilterModel(this))
    , m_viewModel(new AccessibleRows(this))
    , m_delegate(new NotificationDelegate(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_empty(new EmptyStateWidget(this))
    , m_banner(new MessageBanner(this))
    , m_topicCombo(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_loadingLabel(new QLabel(this))
    , m_loadingBar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("NotificationCenter"));
    setWindowIcon(Icons::get(Icons::Toasts));
    static_cast<QIdentityProxyModel *>(m_viewModel)->setSourceModel(m_filter);

    m_view->setModel(m_viewModel);
    m_view->setItemDelegate(m_delegate);
    // Rows are as tall as their message at the view's width: measure again when it changes.
    m_delegate->watch(m_view);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->setAccessibleName(tr("Notifications"));
    m_view->setObjectName(QStringLiteral("notificationList"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bannerBox = new QWidget(central);
    auto *bannerLayout = new QVBoxLayout(bannerBox);
    bannerLayout->setContentsMargins(10, 8, 10, 8);
    bannerLayout->addWidget(m_banner);
    layout->addWidget(bannerBox);
    bannerBox->setVisible(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    m_banner->setKind(MessageBanner::Kind::Warning);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));

    createActions();
    createToolBar();
    createStatusBar();

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(250);
    connect(&m_searchTimer, &QTimer::timeout, this, [this] { m_filter->setSearchText(m_search->text().trimmed()); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        m_filter->setSearchText(m_search->text().trimmed());
        m_view->setFocus();
    });

    // Relative times ("5 min ago") move on.
    m_minuteTimer.setInterval(60 * 1000);
    connect(&m_minuteTimer, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_minuteTimer.start();

    m_offlineTimer.setSingleShot(true);
    m_offlineTimer.setInterval(1500);
    connect(&m_offlineTimer, &QTimer::timeout, this, [this] {
        m_offlineShown = true;
        updateBanner();
    });

    // The filter reports its count in the middle of its own layout change, while the
    // proxies and the selection above it still hold old indexes: look once it is done.
    m_stateTimer.setSingleShot(true);
    m_stateTimer.setInterval(0);
    connect(&m_stateTimer, &QTimer::timeout, this, &NotificationCenter::updateEmptyState);
    const auto later = [this] { m_stateTimer.start(); };
    connect(m_filter, &NotificationFilterModel::countChanged, this, later);
    connect(m_viewModel, &QAbstractItemModel::modelReset, this, later);
    connect(m_viewModel, &QAbstractItemModel::layoutChanged, this, later);
    connect(m_viewModel, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_viewModel, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_viewModel, &QAbstractItemModel::dataChanged, this, later);
    connect(m_view, &QListView::activated, this, &NotificationCenter::openItem);
    connect(m_view, &QWidget::customContextMenuRequested, this, &NotificationCenter::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NotificationCenter::updateActions);
    connect(m_empty, &EmptyStateWidget::clearFiltersRequested, this, &NotificationCenter::clearFilters);

    connect(&m_session, &ClientSession::signedInChanged, this, &NotificationCenter::attachAccount);
    connect(&m_session, &ClientSession::stateChanged, this, &NotificationCenter::updateBanner);
    connect(&m_session, &ClientSession::pendingOperationsChanged, this, &NotificationCenter::updateBanner);
    attachAccount();

    QSettings geometry(m_settings.fileName(), QSettings::IniFormat);
    if (!restoreGeometry(geometry.value(kGeometryKey).toByteArray()))
        resize(QSize(700, 760).boundedTo(screen() ? screen()->availableSize() * 0.9 : QSize(700, 760)));
    retranslate();
    updateBanner();
    updateEmptyState();
}

NotificationCenter::~NotificationCenter()
{
    // The models refer to the session's store: drop them (and the view's use of
    // them) before anything else goes.
    m_filter->setSourceModel(nullptr);
}

void NotificationCenter::createActions()
{
    const auto make = [this](Icons::Id icon, const QKeySequence &key, Qt::ShortcutContext context) {
        auto *action = new QAction(Icons::get(icon), QString(), this);
        if (!key.isEmpty())
            action->setShortcut(key);
        action->setShortcutContext(context);
        return action;
    };
    // Row actions only act while the list has focus, so Space and R still type in the search field.
    m_openAction = make(Icons::Open, {}, Qt::WidgetShortcut);
    m_toggleReadAction = make(Icons::MarkRead, {}, Qt::WidgetShortcut);
    m_toggleReadAction->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_R)});
    m_markReadAction = make(Icons::MarkRead, {}, Qt::WidgetShortcut);
    m_markUnreadAction = make(Icons::MarkUnread, {}, Qt::WidgetShortcut);
    m_deleteAction = make(Icons::Delete, QKeySequence::Delete, Qt::WidgetShortcut);
    m_copyAction = make(Icons::Copy, QKeySequence::Copy, Qt::WidgetShortcut);
    m_markAllReadAction = make(Icons::MarkAllRead, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), Qt::WindowShortcut);
    m_findAction = make(Icons::Search, QKeySequence::Find, Qt::WindowShortcut);
    m_unreadOnly = make(Icons::Filter, QKeySequence(Qt::CTRL | Qt::Key_U), Qt::WindowShortcut);
    m_unreadOnly->setCheckable(true);
    m_retryAction = new QAction(this);

    for (QAction *a :
        {m_openAction, m_toggleReadAction, m_markReadAction, m_markUnreadAction, m_deleteAction, m_copyAction})
        m_view->addAction(a);
    addAction(m_markAllReadAction);
    addAction(m_findAction);
    addAction(m_unreadOnly);

    connect(m_toggleReadAction, &QAction::triggered, this, &NotificationCenter::toggleRead);
    connect(m_markReadAction, &QAction::triggered, this, [this] { markSelection(true); });
    connect(m_markUnreadAction, &QAction::triggered, this, [this] { markSelection(false); });
    connect(m_deleteAction, &QAction::triggered, this, &NotificationCenter::deleteSelection);
    connect(m_markAllReadAction, &QAction::triggered, this, &NotificationCenter::markAllRead);
    connect(m_copyAction, &QAction::triggered, this, &NotificationCenter::copySelection);
    connect(m_openAction, &QAction::triggered, this, [this] { openItem(m_view->currentIndex()); });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_unreadOnly, &QAction::toggled, m_filter, &NotificationFilterModel::setUnreadOnly);
    connect(m_retryAction, &QAction::triggered, this, [this] { m_session.connection().reconnectNow(); });
}

void NotificationCenter::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("centerToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->setIconSize(QSize(18, 18));
    bar->setContextMenuPolicy(Qt::PreventContextMenu);
    bar->setStyleSheet(QStringLiteral("QToolBar { padding: 6px 8px; spacing: 6px; border: none; }"));

    m_topicCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_topicCombo->setMinimumContentsLength(12);
    m_topicCombo->setObjectName(QStringLiteral("topicSelector"));
    bar->addWidget(m_topicCombo);
    connect(m_topicCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setTopic(m_topicCombo->currentData().toString()); });

    bar->addAction(m_unreadOnly);
    m_unreadOnlyButton = qobject_cast<QToolButton *>(bar->widgetForAction(m_unreadOnly));
    if (m_unreadOnlyButton)
        m_unreadOnlyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addSeparator();
    bar->addAction(m_markReadAction);
    bar->addAction(m_markUnreadAction);
    bar->addAction(m_deleteAction);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::get(Icons::Search), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(150);
    m_search->setMaximumWidth(260);
    m_search->setObjectName(QStringLiteral("searchField"));
    bar->addWidget(m_search);
    bar->addAction(m_markAllReadAction);
    if (auto *b = qobject_cast<QToolButton *>(bar->widgetForAction(m_markAllReadAction)))
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    addToolBar(Qt::TopToolBarArea, bar);
    setUnifiedTitleAndToolBarOnMac(true);
}

void NotificationCenter::createStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setSizeGripEnabled(false);
    m_statusLabel->setContentsMargins(6, 0, 0, 0);
    bar->addWidget(m_statusLabel, 1);
    m_loadingBar->setRange(0, 0);
    m_loadingBar->setFixedSize(80, 6);
    m_loadingBar->setTextVisible(false);
    bar->addPermanentWidget(m_loadingLabel);
    bar->addPermanentWidget(m_loadingBar);
    m_loadingLabel->hide();
    m_loadingBar->hide();
}

void NotificationCenter::retranslate()
{
    setWindowTitle(tr("Notifications — Tidings"));
    m_openAction->setText(tr("&Open Link"));
    m_toggleReadAction->setText(tr("Toggle Read"));
    m_markReadAction->setText(tr("Mark as &Read"));
    m_markUnreadAction->setText(tr("Mark as &Unread"));
    m_deleteAction->setText(tr("&Delete"));
    m_copyAction->setText(tr("&Copy Text"));
    m_markAllReadAction->setText(tr("Mark &All as Read"));
    m_findAction->setText(tr("&Search"));
    m_unreadOnly->setText(tr("Unread only"));
    m_retryAction->setText(tr("Retry Now"));
    for (QAction *a : {m_markReadAction, m_markUnreadAction, m_deleteAction, m_markAllReadAction, m_unreadOnly}) {
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? a->text().remove(QLatin1Char('&'))
                                     : tr("%1 (%2)").arg(a->text().remove(QLatin1Char('&')), keys));
    }
    m_markReadAction->setToolTip(tr("Mark as read (R or Space toggles)"));
    m_search->setPlaceholderText(tr("Search notifications"));
    m_search->setAccessibleName(tr("Search notifications"));
    m_topicCombo->setAccessibleName(tr("Topic"));
    m_topicCombo->setToolTip(tr("Show one topic"));
    m_loadingLabel->setText(tr("Loading older notifications…"));
    rebuildTopics();
    updateStatus();
    updateBanner();
}

void NotificationCenter::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void NotificationCenter::attachAccount()
{
    if (!m_session.isSignedIn()) {
        detachAccount();
        return;
    }
    if (m_model)
        return;
    m_model = std::make_unique<NotificationListModel>(*m_session.store());
    m_model->setApiClient(&m_session.api());
    m_filter->setSourceModel(m_model.get());
    // The store goes before signedInChanged(false) is emitted: let go of it first.
    connect(m_session.store(), &QObject::destroyed, this, &NotificationCenter::detachAccount);
    connect(m_model.get(), &NotificationListModel::loadingChanged, this, [this] {
        const bool loading = m_model && m_model->isLoading();
        m_loadingLabel->setVisible(loading);
        m_loadingBar->setVisible(loading);
        m_stateTimer.start();
    });
    connect(m_model.get(), &NotificationListModel::countChanged, this, &NotificationCenter::updateStatus);
    connect(m_model.get(), &NotificationListModel::fetchFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Could not load older notifications: %1").arg(message), 8000);
    });
    m_topics = std::make_unique<TopicListModel>(m_session.api(), m_session.badge());
    connect(m_topics.get(), &QAbstractItemModel::modelReset, this, &NotificationCenter::rebuildTopics);
    connect(m_topics.get(), &QAbstractItemModel::rowsInserted, this, &NotificationCenter::rebuildTopics);
    connect(m_topics.get(), &QAbstractItemModel::rowsRemoved, this, &NotificationCenter::rebuildTopics);
    connect(m_topics.get(), &QAbstractItemModel::dataChanged, this, &NotificationCenter::rebuildTopics);
    if (m_session.badge())
        connect(m_session.badge(), &BadgeState::changed, this, &NotificationCenter::updateStatus);
    m_topics->reload();
    rebuildTopics();
    updateEmptyState();
    updateStatus();
    updateBanner();
}

void NotificationCenter::detachAccount()
{
    if (!m_model)
        return;
    m_filter->setSourceModel(nullptr);
    m_topics.reset();
    m_model.reset();
    rebuildTopics();
    updateEmptyState();
    updateStatus();
    updateBanner();
}

void NotificationCenter::rebuildTopics()
{
    const QString current = m_topicCombo->currentData().toString();
    const QSignalBlocker blocker(m_topicCombo);
    m_topicCombo->clear();
    const qint64 total = m_session.badge() ? m_session.badge()->unreadTotal() : 0;
    const auto label = [this](const QString &name, qint64 unread) {
        return unread > 0 ? tr("%1 (%2)", "topic name, unread count").arg(name).arg(unread) : name;
    };
    m_topicCombo->addItem(Icons::get(Icons::Toasts), label(tr("All topics"), total), QString());
    if (m_topics) {
        for (int row = 0; row < m_topics->rowCount(); ++row) {
            const QModelIndex i = m_topics->index(row);
            const QString name = i.data(TopicListModel::NameRole).toString();
            m_topicCombo->addItem(
                Icons::get(Icons::Topics), label(name, i.data(TopicListModel::UnreadRole).toLongLong()), name);
        }
    }
    int index = m_topicCombo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        // A topic chosen before the list arrived (or no longer listed) stays selectable.
        m_topicCombo->addItem(Icons::get(Icons::Topics), current, current);
        index = m_topicCombo->count() - 1;
    }
    m_topicCombo->setCurrentIndex(qMax(0, index));
}

void NotificationCenter::setTopicFilter(const QString &topic)
{
    int index = m_topicCombo->findData(topic);
    if (index < 0) {
        m_topicCombo->addItem(Icons::get(Icons::Topics), topic, topic);
        index = m_topicCombo->count() - 1;
    }
    m_topicCombo->setCurrentIndex(index);
    m_filter->setTopic(topic);
}

void NotificationCenter::clearFilters()
{
    m_search->clear();
    m_searchTimer.stop();
    m_filter->setSearchText({});
    m_unreadOnly->setChecked(false);
    m_topicCombo->setCurrentIndex(0);
    m_filter->setTopic({});
}

bool NotificationCenter::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void NotificationCenter::updateEmptyState()
{
    if (!m_model) {
        m_empty->setKind(EmptyStateWidget::Kind::SignedOut);
        m_stack->setCurrentWidget(m_empty);
    } else if (m_filter->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
    } else {
        // "Unread only" with nothing unread is being caught up, not a filter hiding things.
        const bool filtered = !m_filter->topic().isEmpty() || !m_filter->searchText().isEmpty();
        if (m_model->isLoading() && !filtered)
            m_empty->setKind(EmptyStateWidget::Kind::Loading);
        else
            m_empty->setKind(filtered ? EmptyStateWidget::Kind::NoMatches : EmptyStateWidget::Kind::AllCaughtUp);
        const bool hadFocus = m_view->hasFocus();
        m_stack->setCurrentWidget(m_empty);
        if (hadFocus)
            m_empty->setFocus();
    }
    updateActions();
    updateStatus();
}

void NotificationCenter::updateBanner()
{
    const auto state = m_session.state();
    const bool signedOut = state == Connection::State::SignedOut;
    const bool down = m_model && (state == Connection::State::Offline || state == Connection::State::Reconnecting);
    if (!signedOut && !down) {
        m_offlineTimer.stop();
        m_offlineShown = false;
    } else if (!m_offlineShown && !signedOut) {
        if (!m_offlineTimer.isActive())
            m_offlineTimer.start();
    }
    QWidget *box = m_banner->parentWidget();
    const bool show = signedOut || (down && m_offlineShown);
    if (!show) {
        box->setVisible(false);
        return;
    }
    if (signedOut) {
        m_banner->setKind(MessageBanner::Kind::Error);
        const QString why = m_session.connection().lastError();
        m_banner->setText(
            why.isEmpty() ? tr("You have been signed out.") : tr("You have been signed out: %1").arg(why));
    } else {
        m_banner->setKind(MessageBanner::Kind::Warning);
        const int pending = m_session.pendingOperations();
        m_banner->setText(pending > 0
                ? tr("<b>You're offline.</b> %n change(s) will be sent when the connection is back.", nullptr, pending)
                : tr("<b>You're offline.</b> New notifications will arrive when the connection is back."));
    }
    static const char retryProperty[] = "tidingsRetryButton";
    if (!m_banner->property(retryProperty).toBool()) {
        QToolButton *retry = m_banner->addButton(m_retryAction->text());
        retry->setDefaultAction(m_retryAction);
        m_banner->setProperty(retryProperty, true);
    }
    m_retryAction->setVisible(!signedOut);
    box->setVisible(true);
}

void NotificationCenter::updateActions()
{
    const bool any = !selectedIds().isEmpty();
    for (QAction *a : {m_toggleReadAction, m_markReadAction, m_markUnreadAction, m_deleteAction, m_copyAction})
        a->setEnabled(any);
    m_markAllReadAction->setEnabled(m_model && m_session.badge() && m_session.badge()->unreadTotal() > 0);
    const QModelIndex current = m_view->currentIndex();
    m_openAction->setEnabled(current.isValid() && !current.data(NotificationListModel::ClickRole).toString().isEmpty());
}

void NotificationCenter::updateStatus()
{
    if (!m_model) {
        m_statusLabel->clear();
        return;
    }
    const qint64 unread = m_session.badge() ? m_session.badge()->unreadTotal() : 0;
    const int shown = m_filter->rowCount();
    m_statusLabel->setText(unread > 0 ? tr("%n notification(s) shown", nullptr, shown) + QStringLiteral(" · ")
                + tr("%n unread", nullptr, int(unread))
                                      : tr("%n notification(s) shown", nullptr, shown));
    m_markAllReadAction->setEnabled(unread > 0);
}

QStringList NotificationCenter::selectedIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &i : rows)
        ids.append(i.data(NotificationListModel::IdRole).toString());
    if (ids.isEmpty() && m_view->currentIndex().isValid())
        ids.append(m_view->currentIndex().data(NotificationListModel::IdRole).toString());
    return ids;
}

void NotificationCenter::toggleRead()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool anyUnread = false;
    for (const QModelIndex &i : rows)
        anyUnread = anyUnread || !i.data(NotificationListModel::IsReadRole).toBool();
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        anyUnread = !m_view->currentIndex().data(NotificationListModel::IsReadRole).toBool();
    markSelection(anyUnread);
}

void NotificationCenter::markSelection(bool read)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (read)
        m_session.markRead(ids);
    else
        m_session.markUnread(ids);
}

void NotificationCenter::deleteSelection()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int row = m_view->currentIndex().row();
    m_session.remove(ids);
    // Keep the keyboard where it was: the row that moved up into the place.
    const int rows = m_viewModel->rowCount();
    if (rows > 0)
        m_view->setCurrentIndex(m_viewModel->index(qBound(0, row, rows - 1), 0));
    statusBar()->showMessage(tr("Deleted %n notification(s)", nullptr, int(ids.size())), 4000);
}

void NotificationCenter::markAllRead()
{
    // Within a topic view, "all" means that topic's.
    m_session.markAllRead(m_filter->topic());
}

void NotificationCenter::openItem(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString id = index.data(NotificationListModel::IdRole).toString();
    const QUrl url(index.data(NotificationListModel::ClickRole).toString());
    if (url.isValid() && !url.isEmpty())
        QDesktopServices::openUrl(url);
    if (!index.data(NotificationListModel::IsReadRole).toBool())
        m_session.markRead({id});
}

void NotificationCenter::copySelection()
{
    QStringList parts;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        parts.append(i.data(NotificationListModel::TitleRole).toString() + QLatin1Char('\n')
            + i.data(NotificationListModel::MessageRole).toString());
    if (!parts.isEmpty())
        QApplication::clipboard()->setText(parts.join(QStringLiteral("\n\n")));
}

void NotificationCenter::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    if (!m_view->selectionModel()->isSelected(index))
        m_view->setCurrentIndex(index);
    updateActions();
    QMenu menu(this);
    if (m_openAction->isEnabled())
        menu.addAction(m_openAction);
    const bool read = index.data(NotificationListModel::IsReadRole).toBool();
    menu.addAction(read ? m_markUnreadAction : m_markReadAction);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    const QString topic = index.data(NotificationListModel::TopicRole).toString();
    if (!topic.isEmpty() && m_filter->topic() != topic) {
        menu.addAction(
            Icons::get(Icons::Topics), tr("Show Only “%1”").arg(topic), this, [this, topic] { setTopicFilter(topic); });
        menu.addSeparator();
    }
    menu.addAction(m_deleteAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void NotificationCenter::showAndRaise()
{
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
    if (m_stack->currentWidget() == m_view && !m_view->currentIndex().isValid() && m_viewModel->rowCount() > 0)
        m_view->setCurrentIndex(m_viewModel->index(0, 0));
    m_view->setFocus();
}

void NotificationCenter::closeEvent(QCloseEvent *event)
{
    QSettings geometry(m_settings.fileName(), QSettings::IniFormat);
    geometry.setValue(kGeometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace Tidings::App
