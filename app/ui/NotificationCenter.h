#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QProgressBar;
class QStackedWidget;
class QToolButton;

namespace Tidings::Client {
class ClientSession;
class NotificationFilterModel;
class NotificationListModel;
class TopicListModel;
} // namespace Tidings::Client

namespace Tidings::App {

class AppSettings;
class EmptyStateWidget;
class MessageBanner;
class NotificationDelegate;

// The notification center: the inbox of the signed-in account, newest first, with
// a topic selector (with unread counts), "unread only", a debounced search, the
// read / unread / delete / mark-all-read actions on the keyboard and in a context
// menu, older pages fetched from the server at the end of the list, an offline
// banner with the number of changes waiting to be sent, and an empty state.
class NotificationCenter : public QMainWindow
{
    Q_OBJECT

public:
    NotificationCenter(Client::ClientSession &session, AppSettings &settings, QWidget *parent = nullptr);
    ~NotificationCenter() override;

    // Tests and the screenshot tool reach the parts through these.
    [[nodiscard]] QListView *view() const { return m_view; }
    [[nodiscard]] Client::NotificationFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] Client::TopicListModel *topicModel() const { return m_topics.get(); }
    [[nodiscard]] NotificationDelegate *delegate() const { return m_delegate; }
    [[nodiscard]] QComboBox *topicSelector() const { return m_topicCombo; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QAction *unreadOnlyAction() const { return m_unreadOnly; }
    [[nodiscard]] MessageBanner *offlineBanner() const { return m_banner; }
    [[nodiscard]] EmptyStateWidget *emptyState() const { return m_empty; }
    // "Loading older notifications…" in the status bar, shown while a page is fetched.
    [[nodiscard]] QLabel *loadingLabel() const { return m_loadingLabel; }
    [[nodiscard]] bool isShowingEmptyState() const;
    // The ids of the selected rows, in view order.
    [[nodiscard]] QStringList selectedIds() const;
    // How long search typing waits before filtering (ms).
    void setSearchDelay(int ms) { m_searchTimer.setInterval(ms); }
    // How long the connection must be down before the banner shows (ms).
    void setOfflineGrace(int ms) { m_offlineTimer.setInterval(ms); }

public Q_SLOTS:
    void showAndRaise();
    void setTopicFilter(const QString &topic);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createStatusBar();
    void attachAccount();
    void detachAccount();
    void rebuildTopics();
    void updateEmptyState();
    void updateBanner();
    void updateActions();
    void updateStatus();
    void retranslate();

    void toggleRead();
    void markSelection(bool read);
    void deleteSelection();
    void markAllRead();
    void openItem(const QModelIndex &index);
    void copySelection();
    void showContextMenu(const QPoint &pos);
    void clearFilters();

    Client::ClientSession &m_session;
    AppSettings &m_settings;
    std::unique_ptr<Client::NotificationListModel> m_model;
    std::unique_ptr<Client::TopicListModel> m_topics;
    Client::NotificationFilterModel *m_filter;
    QAbstractItemModel *m_viewModel; // m_filter plus accessible text
    NotificationDelegate *m_delegate;

    QStackedWidget *m_stack;
    QListView *m_view;
    EmptyStateWidget *m_empty;
    MessageBanner *m_banner;
    QComboBox *m_topicCombo;
    QLineEdit *m_search;
    QLabel *m_statusLabel;
    QLabel *m_loadingLabel;
    QProgressBar *m_loadingBar;
    QToolButton *m_unreadOnlyButton = nullptr;

    QAction *m_openAction;
    QAction *m_toggleReadAction;
    QAction *m_markReadAction;
    QAction *m_markUnreadAction;
    QAction *m_deleteAction;
    QAction *m_markAllReadAction;
    QAction *m_findAction;
    QAction *m_copyAction;
    QAction *m_unreadOnly;
    QAction *m_retryAction;

    QTimer m_searchTimer;
    QTimer m_minuteTimer;
    QTimer m_offlineTimer;
    QTimer m_stateTimer;
    bool m_offlineShown = false;
};

} // namespace Tidings::App
