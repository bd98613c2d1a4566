#pragma once

#include "ui/PreferencesPage.h"

#include <QPointer>

class QTreeWidget;
class QTreeWidgetItem;

namespace Tidings::Client {
class TopicListModel;
} // namespace Tidings::Client

namespace Tidings::App {

class ServerPreferences;

// Topics and channels: a table with one row per topic the user may read (plus the
// defaults for every topic), where the user subscribes to a topic and picks the
// channels it reaches them on: in the app, as desktop pop-ups, by email, by push.
class TopicsPage : public PreferencesPage
{
    Q_OBJECT

public:
    enum Column { NameColumn, SubscribedColumn, InAppColumn, DesktopColumn, EmailColumn, PushColumn, ColumnCount };

    TopicsPage(ServerPreferences &prefs, QWidget *parent = nullptr);

    // The topics come from the server (GET /api/topics); the model may change.
    void setTopicModel(Client::TopicListModel *topics);
    [[nodiscard]] QTreeWidget *table() const { return m_table; }

private:
    void rebuild();
    void onItemChanged(QTreeWidgetItem *item, int column);

    ServerPreferences &m_prefs;
    QPointer<Client::TopicListModel> m_topics;
    QTreeWidget *m_table;
    bool m_loading = false;
};

} // namespace Tidings::App
