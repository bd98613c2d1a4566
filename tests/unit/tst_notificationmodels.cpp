#include "client/BadgeState.h"
#include "client/NotificationStore.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"
#include "support/ClientFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QMetaEnum>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Tidings;
using namespace Tidings::Client;
using namespace Tidings::Test;

namespace {

const QString Epoch = QStringLiteral("epoch-1");
constexpr auto QtTestMode = QAbstractItemModelTester::FailureReportingMode::QtTest;
using Role = NotificationListModel::Role;

QStringList rowIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(Role::IdRole).toString());
    return ids;
}

// "n<count>" .. "n<from>", newest first.
QStringList idsDown(int count, int from = 1)
{
    QStringList ids;
    for (int i = count; i >= from; --i)
        ids.append(QStringLiteral("n%1").arg(i));
    return ids;
}

QPair<int, int> range(const QSignalSpy &spy, int i)
{
    return {spy.at(i).at(1).toInt(), spy.at(i).at(2).toInt()};
}

} // namespace

class TestNotificationModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void list_initialPage_isNewestFirst();
    void list_fetchMore_loadsStorePageByPage();
    void list_storeChangesWhilePartlyLoaded_touchOnlyLoadedRows();
    void list_newNotifications_insertedAtTopInOneRange();
    void list_groupedUpdate_movesRowToTop();
    void list_insertOlder_intoEmptyModel_keepsNewestFirst();
    void list_readAndUnreadEvents_emitDataChanged();
    void list_deletedEvent_removesRow();
    void list_localOverlays_hideAndRestoreRows();
    void list_storeReset_resetsModel();
    void list_roles_returnEveryFieldOfANotification_data();
    void list_roles_returnEveryFieldOfANotification();
    void list_roles_unsetTimesAreNull();
    void filter_topicUnreadAndSearch_data();
    void filter_topicUnreadAndSearch();
    void filter_unreadOnly_rowLeavesWhenReadAndReturnsWhenUnread();
    void badge_serverCountsMovedByOverlay_data();
    void badge_serverCountsMovedByOverlay();
    void badge_changed_emittedOncePerActualChange();

private:
    void seed(int count);
    // n1..n5 with distinct text for the filter and badge tests; n2 and n3 read.
    void seedVaried();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NotificationStore> m_store;
};

void TestNotificationModels::init()
{
    m_dir = makeTempDir(QStringLiteral("models"));
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<NotificationStore>(m_dir->filePath(QStringLiteral("account.sqlite")));
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    QVERIFY(m_store->reset(Epoch, 0, {}, true));
}

void TestNotificationModels::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestNotificationModels::seed(int count)
{
    QList<StreamEvent> events;
    for (int seq = 1; seq <= count; ++seq)
        events.append(notificationEvent(QStringLiteral("n%1").arg(seq), seq));
    QVERIFY2(m_store->apply(Epoch, events), qPrintable(m_store->errorString()));
}

void TestNotificationModels::seedVaried()
{
    QVERIFY2(m_store->apply(Epoch,
                 {notificationEvent(makeNotification(QStringLiteral("n1"), 1, QStringLiteral("orders"),
                      QStringLiteral("Order shipped"), QStringLiteral("Your parcel is on its way"),
                      {QStringLiteral("parcel")})),
                     notificationEvent(makeNotification(QStringLiteral("n2"), 2, QStringLiteral("alerts"),
                         QStringLiteral("Disk almost full"), QStringLiteral("Server db-1 at 95%"),
                         {QStringLiteral("ops"), QStringLiteral("disk")})),
                     notificationEvent(makeNotification(QStringLiteral("n3"), 3, QStringLiteral("orders"),
                         QStringLiteral("Order delivered"), QStringLiteral("Signed by Alice"))),
                     notificationEvent(
                         makeNotification(QStringLiteral("n4"), 4, QStringLiteral("alerts"), QStringLiteral("CPU high"),
                             QStringLiteral("Server web-2 load 12"), {QStringLiteral("ops"), QStringLiteral("pager")})),
                     notificationEvent(makeNotification(QStringLiteral("n5"), 5, QString(),
                         QStringLiteral("Release 2.0"), QStringLiteral("ORDER the new edition now"))),
                     idsEvent(StreamEvent::Kind::Read, 6, {QStringLiteral("n2"), QStringLiteral("n3")})}),
        qPrintable(m_store->errorString()));
}

void TestNotificationModels::list_initialPage_isNewestFirst()
{
    seed(5);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);

    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(rowIds(model), idsDown(5));
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowOf(QStringLiteral("n4")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);
    QCOMPARE(model.idAt(4), QStringLiteral("n1"));
    QCOMPARE(model.idAt(5), QString());
    QVERIFY(model.entryAt(0));
    QCOMPARE(model.entryAt(0)->notification.seq, qint64(5));
    QVERIFY(!model.entryAt(-1));
    QCOMPARE(model.property("count").toInt(), 5);
    QVERIFY(!model.isLoading());
}

void TestNotificationModels::list_fetchMore_loadsStorePageByPage()
{
    seed(20);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QCOMPARE(model.rowCount(), 20);

    // Reloaded with a small page: the first page only, the rest on demand.
    model.setPageSize(3);
    QList<Notification> all;
    for (const InboxEntry &e : m_store->page(0, 100))
        all.append(e.notification);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_store->reset(Epoch, 20, all, true));
    QCOMPARE(reset.size(), 1);
    // The tester calls fetchMore() from its slots on every model signal; the model refuses
    // those while it is mid-change, so paging is exactly what the view asks for.
    QCOMPARE(rowIds(model), idsDown(20, 18));
    QVERIFY(model.canFetchMore({}));

    QList<QPair<int, int>> pages;
    while (model.canFetchMore({})) {
        QVERIFY(pages.size() < 10);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&model, &NotificationListModel::countChanged);
        model.fetchMore({});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(count.size(), 1);
        pages.append(range(inserted, 0));
        QCOMPARE(rowIds(model), idsDown(20, 20 - model.rowCount() + 1));
    }
    const QList<QPair<int, int>> expectedPages {{3, 5}, {6, 8}, {9, 11}, {12, 14}, {15, 17}, {18, 19}};
    QCOMPARE(pages, expectedPages);
    QCOMPARE(rowIds(model), idsDown(20));

    // Everything is in: more fetching changes nothing.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 20);
}

void TestNotificationModels::list_storeChangesWhilePartlyLoaded_touchOnlyLoadedRows()
{
    seed(10);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    model.setPageSize(3);
    QList<Notification> all;
    for (const InboxEntry &e : m_store->page(0, 100))
        all.append(e.notification);
    QVERIFY(m_store->reset(Epoch, 10, all, true));
    QCOMPARE(rowIds(model), idsDown(10, 8));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n11"), 11), idsEvent(StreamEvent::Kind::Read, 12, {QStringLiteral("n2")}),
            idsEvent(StreamEvent::Kind::Deleted, 13, {QStringLiteral("n9")})}));
    // Removals are applied before inserts, whatever the order of the events.
    QCOMPARE(removed.size(), 1);
    QCOMPARE(range(removed, 0), qMakePair(1, 1));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(range(inserted, 0), qMakePair(0, 0));
    QCOMPARE(changed.size(), 0); // n2 is not loaded yet
    QCOMPARE(rowIds(model), (QStringList {QStringLiteral("n11"), QStringLiteral("n10"), QStringLiteral("n8")}));

    // Undoing a local delete of a row not loaded yet leaves it to fetchMore.
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Deleted));
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::None));
    QCOMPARE(model.rowCount(), 3);

    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList expected {QStringLiteral("n11"), QStringLiteral("n10")};
    expected += idsDown(8);
    QCOMPARE(rowIds(model), expected);
    QVERIFY(model.index(model.rowOf(QStringLiteral("n2")), 0).data(Role::IsReadRole).toBool());
}

void TestNotificationModels::list_newNotifications_insertedAtTopInOneRange()
{
    seed(3);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy count(&model, &NotificationListModel::countChanged);

    QVERIFY(m_store->apply(
        Epoch, {notificationEvent(QStringLiteral("n4"), 4), notificationEvent(QStringLiteral("n5"), 5)}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(range(inserted, 0), qMakePair(0, 1));
    QCOMPARE(rowIds(model), idsDown(5));
    QCOMPARE(count.size(), 1);

    QVERIFY(m_store->apply(Epoch, {notificationEvent(QStringLiteral("n6"), 6)}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(range(inserted, 1), qMakePair(0, 0));
    QCOMPARE(rowIds(model), idsDown(6));
    QCOMPARE(model.index(0, 0).data(Role::TitleRole).toString(), QStringLiteral("Title of n6"));
}

void TestNotificationModels::list_groupedUpdate_movesRowToTop()
{
    seed(4);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    Notification update = makeNotification(QStringLiteral("n2"), 5, QStringLiteral("a"), QStringLiteral("2 new"));
    QVERIFY(m_store->apply(Epoch, {notificationEvent(update)}));

    QCOMPARE(removed.size(), 1);
    QCOMPARE(range(removed, 0), qMakePair(2, 2));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(range(inserted, 0), qMakePair(0, 0));
    QCOMPARE(rowIds(model),
        (QStringList {QStringLiteral("n2"), QStringLiteral("n4"), QStringLiteral("n3"), QStringLiteral("n1")}));
    QCOMPARE(model.index(0, 0).data(Role::TitleRole).toString(), QStringLiteral("2 new"));
    QCOMPARE(model.index(0, 0).data(Role::SeqRole).toLongLong(), qint64(5));
}

void TestNotificationModels::list_insertOlder_intoEmptyModel_keepsNewestFirst()
{
    QVERIFY(m_store->reset(Epoch, 10, {}, false));
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QCOMPARE(model.rowCount(), 0);

    // Older pages come newest first from the server.
    QVERIFY(m_store->insertOlder({makeNotification(QStringLiteral("n9"), 9, QStringLiteral("a")),
                                     makeNotification(QStringLiteral("n8"), 8, QStringLiteral("a")),
                                     makeNotification(QStringLiteral("n6"), 6, QStringLiteral("a"))},
        false));
    QCOMPARE(rowIds(model), (QStringList {QStringLiteral("n9"), QStringLiteral("n8"), QStringLiteral("n6")}));

    // A row that fills a gap lands between its neighbours.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_store->insertOlder({makeNotification(QStringLiteral("n7"), 7, QStringLiteral("a")),
                                     makeNotification(QStringLiteral("n5"), 5, QStringLiteral("a"))},
        true));
    QCOMPARE(rowIds(model), idsDown(9, 5));
    QCOMPARE(inserted.size(), 2);
}

void TestNotificationModels::list_readAndUnreadEvents_emitDataChanged()
{
    seed(3);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex n2 = model.index(1, 0);
    QCOMPARE(n2.data(Role::IdRole).toString(), QStringLiteral("n2"));
    QCOMPARE(n2.data(Role::IsReadRole).toBool(), false);

    QVERIFY(m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Read, 4, {QStringLiteral("n2")})}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), n2);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), n2);
    QCOMPARE(n2.data(Role::IsReadRole).toBool(), true);
    QCOMPARE(n2.data(Role::ReadAtRole).toDateTime(), T0.addSecs(4 * 60));
    QCOMPARE(n2.data(Role::StatusRole).toString(), QLatin1String(Status::Read));
    QCOMPARE(n2.data(Role::SyncPendingRole).toBool(), false);

    QVERIFY(m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Unread, 5, {QStringLiteral("n2")})}));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), n2);
    QCOMPARE(n2.data(Role::IsReadRole).toBool(), false);
    QVERIFY(!n2.data(Role::ReadAtRole).isValid());

    // readAll reaches every row it covers.
    StreamEvent readAll;
    readAll.kind = StreamEvent::Kind::ReadAll;
    readAll.seq = 6;
    readAll.at = T0.addSecs(6 * 60);
    QVERIFY(m_store->apply(Epoch, {readAll}));
    QCOMPARE(changed.size(), 5);
    for (int row = 0; row < 3; ++row)
        QVERIFY(model.index(row, 0).data(Role::IsReadRole).toBool());
    QCOMPARE(rowIds(model), idsDown(3));
}

void TestNotificationModels::list_deletedEvent_removesRow()
{
    seed(4);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy count(&model, &NotificationListModel::countChanged);

    QVERIFY(
        m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Deleted, 5, {QStringLiteral("n3"), QStringLiteral("nX")})}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(range(removed, 0), qMakePair(1, 1));
    QCOMPARE(rowIds(model), (QStringList {QStringLiteral("n4"), QStringLiteral("n2"), QStringLiteral("n1")}));
    QCOMPARE(count.size(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("n3")), -1);
    QCOMPARE(model.rowOf(QStringLiteral("n2")), 1);
}

void TestNotificationModels::list_localOverlays_hideAndRestoreRows()
{
    seed(5);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(m_store->setLocalState({QStringLiteral("n3")}, LocalState::Deleted));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(range(removed, 0), qMakePair(2, 2));
    QCOMPARE(rowIds(model),
        (QStringList {QStringLiteral("n5"), QStringLiteral("n4"), QStringLiteral("n2"), QStringLiteral("n1")}));

    // Rows arriving meanwhile do not disturb where it comes back.
    QVERIFY(m_store->apply(Epoch, {notificationEvent(QStringLiteral("n6"), 6)}));
    inserted.clear();
    QVERIFY(m_store->setLocalState({QStringLiteral("n3")}, LocalState::None));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(range(inserted, 0), qMakePair(3, 3));
    QCOMPARE(rowIds(model), idsDown(6));
    QCOMPARE(model.index(3, 0).data(Role::SyncPendingRole).toBool(), false);

    // A pending read shows as read and as pending, in place.
    changed.clear();
    QVERIFY(m_store->setLocalState({QStringLiteral("n4")}, LocalState::Read));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(model.index(2, 0).data(Role::IsReadRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(Role::SyncPendingRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(Role::StatusRole).toString(), QLatin1String(Status::Read));
}

void TestNotificationModels::list_storeReset_resetsModel()
{
    seed(3);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    QVERIFY(m_store->reset(QStringLiteral("epoch-2"), 30,
        {makeNotification(QStringLiteral("m2"), 30, QStringLiteral("a")),
            makeNotification(QStringLiteral("m1"), 20, QStringLiteral("b"))},
        true));

    QCOMPARE(aboutToReset.size(), 1);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(rowIds(model), (QStringList {QStringLiteral("m2"), QStringLiteral("m1")}));
    QCOMPARE(model.rowOf(QStringLiteral("n1")), -1);
}

void TestNotificationModels::list_roles_returnEveryFieldOfANotification_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QVariant>("expected");

    auto row = [](int role, const char *name, const QVariant &expected) {
        QTest::newRow(name) << role << QByteArray(name) << expected;
    };
    row(Qt::DisplayRole, "display", QStringLiteral("Build failed"));
    row(Role::IdRole, "notificationId", QStringLiteral("full-1"));
    row(Role::SeqRole, "seq", qint64(7));
    row(Role::TopicRole, "topic", QStringLiteral("ci"));
    row(Role::TypeRole, "type", QStringLiteral("build_status"));
    row(Role::TitleRole, "title", QStringLiteral("Build failed"));
    row(Role::MessageRole, "message", QStringLiteral("**main** is red"));
    row(Role::FormatRole, "format", QStringLiteral("markdown"));
    row(Role::PriorityRole, "priority", QStringLiteral("high"));
    row(Role::PriorityLevelRole, "priorityLevel", 2);
    row(Role::TagsRole, "tags", QStringList {QStringLiteral("ci"), QStringLiteral("main")});
    row(Role::ClickRole, "click", QStringLiteral("https://ci.example.com/builds/7"));
    row(Role::IconRole, "icon", QStringLiteral("https://ci.example.com/icon.png"));
    row(Role::ActionsRole, "actions",
        QVariantList {QVariantMap {{QStringLiteral("id"), QStringLiteral("open")},
                          {QStringLiteral("label"), QStringLiteral("Open build")},
                          {QStringLiteral("kind"), QStringLiteral("view")},
                          {QStringLiteral("url"), QStringLiteral("https://ci.example.com/builds/7")}},
            QVariantMap {{QStringLiteral("id"), QStringLiteral("dismiss")},
                {QStringLiteral("label"), QStringLiteral("Dismiss")},
                {QStringLiteral("kind"), QStringLiteral("dismiss")}}});
    row(Role::DataRole, "data",
        QVariantMap {{QStringLiteral("build"), 7}, {QStringLiteral("branch"), QStringLiteral("main")}});
    row(Role::GroupKeyRole, "groupKey", QStringLiteral("ci-main"));
    row(Role::StatusRole, "status", QStringLiteral("read"));
    row(Role::CreatedAtRole, "createdAt", T0);
    row(Role::ScheduledAtRole, "scheduledAt", T0.addSecs(-60));
    row(Role::ExpiresAtRole, "expiresAt", T0.addDays(7));
    row(Role::DeliveredAtRole, "deliveredAt", T0.addSecs(2));
    row(Role::ReadAtRole, "readAt", T0.addSecs(90));
    row(Role::IsReadRole, "isRead", true);
    row(Role::SenderKindRole, "senderKind", QStringLiteral("token"));
    row(Role::SenderNameRole, "senderName", QStringLiteral("CI bot"));
    row(Role::SyncPendingRole, "syncPending", false);
}

void TestNotificationModels::list_roles_returnEveryFieldOfANotification()
{
    QFETCH(int, role);
    QFETCH(QByteArray, name);
    QFETCH(QVariant, expected);

    Notification n;
    n.id = QStringLiteral("full-1");
    n.seq = 7;
    NotificationContent &c = n.content;
    c.topic = QStringLiteral("ci");
    c.type = QStringLiteral("build_status");
    c.title = QStringLiteral("Build failed");
    c.message = QStringLiteral("**main** is red");
    c.format = QStringLiteral("markdown");
    c.priority = Priority::High;
    c.tags = QStringList {QStringLiteral("ci"), QStringLiteral("main")};
    c.click = QStringLiteral("https://ci.example.com/builds/7");
    c.icon = QStringLiteral("https://ci.example.com/icon.png");
    c.actions = {NotificationAction {QStringLiteral("open"), QStringLiteral("Open build"), QStringLiteral("view"),
                     QStringLiteral("https://ci.example.com/builds/7")},
        NotificationAction {QStringLiteral("dismiss"), QStringLiteral("Dismiss"), QStringLiteral("dismiss"), {}}};
    c.data = QJsonObject {{QStringLiteral("build"), 7}, {QStringLiteral("branch"), QStringLiteral("main")}};
    c.groupKey = QStringLiteral("ci-main");
    n.status = QLatin1String(Status::Read);
    n.createdAt = T0;
    n.scheduledAt = T0.addSecs(-60);
    n.expiresAt = T0.addDays(7);
    n.deliveredAt = T0.addSecs(2);
    n.readAt = T0.addSecs(90);
    n.sender = Sender {QStringLiteral("token"), QStringLiteral("tok-1"), QStringLiteral("CI bot")};
    QVERIFY(m_store->apply(Epoch, {notificationEvent(n)}));

    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.roleNames().value(role), name);

    const QVariant actual = model.index(0, 0).data(role);
    if (expected.metaType() == QMetaType::fromType<QDateTime>()) {
        // Times come back in UTC from the store; compare the instants.
        QCOMPARE(actual.toDateTime(), expected.toDateTime());
    } else if (expected.metaType() == QMetaType::fromType<qint64>()) {
        QCOMPARE(actual.toLongLong(), expected.toLongLong());
    } else if (expected.metaType() == QMetaType::fromType<int>()) {
        QCOMPARE(actual.toInt(), expected.toInt());
    } else {
        QCOMPARE(actual, expected);
    }
    QVERIFY(actual.isValid());
}

void TestNotificationModels::list_roles_unsetTimesAreNull()
{
    seed(1);
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    const QModelIndex i = model.index(0, 0);
    for (int role : {Role::ScheduledAtRole, Role::ExpiresAtRole, Role::ReadAtRole})
        QVERIFY2(!i.data(role).isValid(), model.roleNames().value(role).constData());
    QVERIFY(i.data(Role::CreatedAtRole).isValid());
    QCOMPARE(i.data(Role::PriorityRole).toString(), QStringLiteral("normal"));
    QCOMPARE(i.data(Role::PriorityLevelRole).toInt(), 1);
    QCOMPARE(i.data(Role::ActionsRole).toList().size(), 0);
    QCOMPARE(i.data(Qt::ToolTipRole).toString(), QStringLiteral("Message of n1"));
    QVERIFY(!i.data(Qt::DecorationRole).isValid());
    // Every role the model knows has a name for QML, each name once.
    const QHash<int, QByteArray> names = model.roleNames();
    const QMetaEnum roles = QMetaEnum::fromType<NotificationListModel::Role>();
    for (int k = 0; k < roles.keyCount(); ++k)
        QVERIFY2(names.contains(roles.value(k)), roles.key(k));
    QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size());
}

void TestNotificationModels::filter_topicUnreadAndSearch_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("unreadOnly");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("shown");

    const QString n1 = QStringLiteral("n1"), n2 = QStringLiteral("n2"), n3 = QStringLiteral("n3"),
                  n4 = QStringLiteral("n4"), n5 = QStringLiteral("n5");
    QTest::newRow("no filter") << QString() << false << QString() << QStringList {n5, n4, n3, n2, n1};
    QTest::newRow("topic") << QStringLiteral("orders") << false << QString() << QStringList {n3, n1};
    QTest::newRow("unknown topic") << QStringLiteral("nope") << false << QString() << QStringList {};
    QTest::newRow("unread only") << QString() << true << QString() << QStringList {n5, n4, n1};
    QTest::newRow("topic and unread only") << QStringLiteral("alerts") << true << QString() << QStringList {n4};
    QTest::newRow("search is case-insensitive")
        << QString() << false << QStringLiteral("order") << QStringList {n5, n3, n1};
    QTest::newRow("every word must match")
        << QString() << false << QStringLiteral("SERVER ops") << QStringList {n4, n2};
    QTest::newRow("words match different fields")
        << QString() << false << QStringLiteral("server disk") << QStringList {n2};
    QTest::newRow("extra whitespace is ignored")
        << QString() << false << QStringLiteral("  order   alice ") << QStringList {n3};
    QTest::newRow("search in tags") << QString() << false << QStringLiteral("pager") << QStringList {n4};
    QTest::newRow("search in topic") << QString() << false << QStringLiteral("alerts") << QStringList {n4, n2};
    QTest::newRow("search and unread only") << QString() << true << QStringLiteral("order") << QStringList {n5, n1};
    QTest::newRow("all three") << QStringLiteral("orders") << true << QStringLiteral("parcel") << QStringList {n1};
    QTest::newRow("no match") << QString() << false << QStringLiteral("zzz") << QStringList {};
}

void TestNotificationModels::filter_topicUnreadAndSearch()
{
    QFETCH(QString, topic);
    QFETCH(bool, unreadOnly);
    QFETCH(QString, search);
    QFETCH(QStringList, shown);

    seedVaried();
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    NotificationFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QtTestMode);
    QCOMPARE(filter.count(), 5);
    QSignalSpy count(&filter, &NotificationFilterModel::countChanged);
    QSignalSpy topicChanged(&filter, &NotificationFilterModel::topicChanged);

    filter.setTopic(topic);
    filter.setUnreadOnly(unreadOnly);
    filter.setSearchText(search);

    QCOMPARE(rowIds(filter), shown);
    QCOMPARE(filter.count(), int(shown.size()));
    QCOMPARE(filter.property("count").toInt(), int(shown.size()));
    QCOMPARE(count.isEmpty(), shown.size() == 5);
    QCOMPARE(topicChanged.size(), topic.isEmpty() ? 0 : 1);
    QCOMPARE(filter.topic(), topic);
    QCOMPARE(filter.unreadOnly(), unreadOnly);
    QCOMPARE(filter.searchText(), search);

    // Clearing every filter shows everything again, in source order.
    filter.setTopic({});
    filter.setUnreadOnly(false);
    filter.setSearchText({});
    QCOMPARE(rowIds(filter), rowIds(model));
}

void TestNotificationModels::filter_unreadOnly_rowLeavesWhenReadAndReturnsWhenUnread()
{
    seedVaried();
    NotificationListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QtTestMode);
    NotificationFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QtTestMode);
    filter.setUnreadOnly(true);
    QCOMPARE(rowIds(filter), (QStringList {QStringLiteral("n5"), QStringLiteral("n4"), QStringLiteral("n1")}));

    QSignalSpy removed(&filter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
    QSignalSpy count(&filter, &NotificationFilterModel::countChanged);

    QVERIFY(m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Read, 7, {QStringLiteral("n4")})}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(range(removed, 0), qMakePair(1, 1));
    QCOMPARE(rowIds(filter), (QStringList {QStringLiteral("n5"), QStringLiteral("n1")}));
    QCOMPARE(count.size(), 1);
    QCOMPARE(filter.count(), 2);

    // A pending local read counts as read, too.
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Read));
    QCOMPARE(rowIds(filter), QStringList {QStringLiteral("n5")});

    QVERIFY(
        m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Unread, 8, {QStringLiteral("n4"), QStringLiteral("n2")})}));
    QCOMPARE(rowIds(filter), (QStringList {QStringLiteral("n5"), QStringLiteral("n4"), QStringLiteral("n2")}));
    QVERIFY(inserted.size() >= 1);
    QCOMPARE(filter.count(), 3);

    // New unread rows appear at the top of the filtered view.
    QVERIFY(m_store->apply(Epoch, {notificationEvent(QStringLiteral("n9"), 9)}));
    QCOMPARE(rowIds(filter).first(), QStringLiteral("n9"));
    QCOMPARE(filter.count(), 4);
}

void TestNotificationModels::badge_serverCountsMovedByOverlay_data()
{
    QTest::addColumn<qint64>("serverTotal");
    QTest::addColumn<QVariantMap>("serverByTopic");
    QTest::addColumn<QStringList>("readLocally");
    QTest::addColumn<QStringList>("unreadLocally");
    QTest::addColumn<QStringList>("deletedLocally");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QVariantMap>("byTopic");

    // seedVaried(): n1 orders unread, n2 alerts read, n3 orders read, n4 alerts unread, n5 no topic unread.
    const QVariantMap server {{QStringLiteral("orders"), 1}, {QStringLiteral("alerts"), 1}};
    const QString n1 = QStringLiteral("n1"), n2 = QStringLiteral("n2"), n3 = QStringLiteral("n3"),
                  n4 = QStringLiteral("n4"), n5 = QStringLiteral("n5");
    QTest::newRow("no overlay") << qint64(3) << server << QStringList {} << QStringList {} << QStringList {}
                                << qint64(3) << server;
    QTest::newRow("pending read of an unread row")
        << qint64(3) << server << QStringList {n1} << QStringList {} << QStringList {} << qint64(2)
        << QVariantMap {{QStringLiteral("alerts"), 1}};
    QTest::newRow("pending read of a read row")
        << qint64(3) << server << QStringList {n2} << QStringList {} << QStringList {} << qint64(3) << server;
    QTest::newRow("pending unread of a read row")
        << qint64(3) << server << QStringList {} << QStringList {n2, n3} << QStringList {} << qint64(5)
        << QVariantMap {{QStringLiteral("orders"), 2}, {QStringLiteral("alerts"), 2}};
    QTest::newRow("pending unread of an unread row")
        << qint64(3) << server << QStringList {} << QStringList {n4} << QStringList {} << qint64(3) << server;
    QTest::newRow("pending delete of an unread row")
        << qint64(3) << server << QStringList {} << QStringList {} << QStringList {n4} << qint64(2)
        << QVariantMap {{QStringLiteral("orders"), 1}};
    QTest::newRow("pending delete of a read row")
        << qint64(3) << server << QStringList {} << QStringList {} << QStringList {n3} << qint64(3) << server;
    QTest::newRow("pending read of a notification without topic")
        << qint64(3) << server << QStringList {n5} << QStringList {} << QStringList {} << qint64(2) << server;
    QTest::newRow("mixed") << qint64(3) << server << QStringList {n1, n4} << QStringList {n2} << QStringList {n5}
                           << qint64(1) << QVariantMap {{QStringLiteral("alerts"), 1}};
    QTest::newRow("never below zero") << qint64(0) << QVariantMap {} << QStringList {n1, n4, n5} << QStringList {}
                                      << QStringList {} << qint64(0) << QVariantMap {};
    QTest::newRow("a topic at zero disappears")
        << qint64(1) << QVariantMap {{QStringLiteral("orders"), 1}} << QStringList {n1, n4} << QStringList {}
        << QStringList {} << qint64(0) << QVariantMap {};
}

void TestNotificationModels::badge_serverCountsMovedByOverlay()
{
    QFETCH(qint64, serverTotal);
    QFETCH(QVariantMap, serverByTopic);
    QFETCH(QStringList, readLocally);
    QFETCH(QStringList, unreadLocally);
    QFETCH(QStringList, deletedLocally);
    QFETCH(qint64, total);
    QFETCH(QVariantMap, byTopic);

    seedVaried();
    UnreadCounts server;
    server.total = serverTotal;
    for (auto it = serverByTopic.cbegin(); it != serverByTopic.cend(); ++it)
        server.byTopic.insert(it.key(), it.value().toLongLong());
    m_store->setServerUnread(server);

    BadgeState badge(*m_store);
    QCOMPARE(badge.unreadTotal(), serverTotal);
    QVERIFY(m_store->setLocalState(readLocally, LocalState::Read));
    QVERIFY(m_store->setLocalState(unreadLocally, LocalState::Unread));
    QVERIFY(m_store->setLocalState(deletedLocally, LocalState::Deleted));

    QCOMPARE(badge.unreadTotal(), total);
    QCOMPARE(badge.unreadByTopicMap(), byTopic);
    QCOMPARE(badge.property("unreadTotal").toLongLong(), total);
    for (const QString &topic : {QStringLiteral("orders"), QStringLiteral("alerts")})
        QCOMPARE(badge.unreadFor(topic), byTopic.value(topic).toLongLong());

    // A badge made now starts from the same numbers.
    BadgeState fresh(*m_store);
    QCOMPARE(fresh.counts(), badge.counts());
}

void TestNotificationModels::badge_changed_emittedOncePerActualChange()
{
    seedVaried();
    UnreadCounts server;
    server.total = 3;
    server.byTopic = {{QStringLiteral("orders"), 1}, {QStringLiteral("alerts"), 1}};
    m_store->setServerUnread(server);
    BadgeState badge(*m_store);
    QSignalSpy changed(&badge, &BadgeState::changed);

    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Read));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(badge.unreadTotal(), qint64(2));

    // Changes that leave the numbers alone are silent.
    QVERIFY(m_store->setLocalState({QStringLiteral("n2")}, LocalState::Read)); // already read
    QVERIFY(m_store->apply(Epoch, {notificationEvent(QStringLiteral("n6"), 7, QStringLiteral("orders"))}));
    m_store->setServerUnread(server);
    QCOMPARE(changed.size(), 1);

    // The server catches up: its event and its new counts; the overlay stays until ReadSync clears it.
    QVERIFY(m_store->apply(Epoch, {idsEvent(StreamEvent::Kind::Read, 8, {QStringLiteral("n1")})}));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(badge.unreadTotal(), qint64(3));
    UnreadCounts caughtUp;
    caughtUp.total = 3; // n4, n5 and the new n6
    caughtUp.byTopic = {{QStringLiteral("orders"), 1}, {QStringLiteral("alerts"), 1}};
    m_store->setServerUnread(caughtUp);
    QCOMPARE(changed.size(), 2);
    QVERIFY(m_store->setLocalState({QStringLiteral("n1"), QStringLiteral("n2")}, LocalState::None));
    QCOMPARE(changed.size(), 2);

    caughtUp.total = 2;
    caughtUp.byTopic.remove(QStringLiteral("orders"));
    m_store->setServerUnread(caughtUp);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(badge.unreadTotal(), qint64(2));
    QCOMPARE(badge.unreadFor(QStringLiteral("orders")), qint64(0));

    // A resync with counts already right changes nothing; one that clears the overlay does.
    QVERIFY(m_store->setLocalState({QStringLiteral("n4")}, LocalState::Read));
    QCOMPARE(changed.size(), 4);
    QCOMPARE(badge.unreadTotal(), qint64(1));
    QVERIFY(m_store->reset(Epoch, 8, {}, true));
    QCOMPARE(changed.size(), 5);
    QCOMPARE(badge.unreadTotal(), qint64(2));
}

QTEST_GUILESS_MAIN(TestNotificationModels)
#include "tst_notificationmodels.moc"
