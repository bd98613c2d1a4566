#include "client/NotificationStore.h"
#include "support/ClientFixtures.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Tidings;
using namespace Tidings::Client;
using namespace Tidings::Test;

namespace {

const QString Epoch = QStringLiteral("epoch-1");

QStringList idsOf(const QList<InboxEntry> &entries)
{
    QStringList ids;
    for (const InboxEntry &e : entries)
        ids.append(e.notification.id);
    return ids;
}

// Everything an entry says, as one comparable line.
QString describe(const InboxEntry &e)
{
    return QString::fromUtf8(QJsonDocument(e.notification.toJson()).toJson(QJsonDocument::Compact))
        + QStringLiteral(" local=") + QString::number(int(e.local));
}

QStringList describe(const QList<InboxEntry> &entries)
{
    QStringList out;
    for (const InboxEntry &e : entries)
        out.append(describe(e));
    return out;
}

// Every row of the file's notification and meta tables, column by column.
QStringList snapshot(const NotificationStore &store)
{
    QStringList out;
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT id, seq, topic, created_at, read_at, delivered_at, status, local_state,"
                               " local_at, body FROM notifications ORDER BY id"))) {
        out.append(QStringLiteral("query failed"));
        return out;
    }
    while (q.next()) {
        QStringList columns;
        for (int i = 0; i < 10; ++i)
            columns.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out.append(columns.join(QLatin1Char('|')));
    }
    if (q.exec(QStringLiteral("SELECT key, value FROM meta ORDER BY key"))) {
        while (q.next())
            out.append(QStringLiteral("meta:") + q.value(0).toString() + QLatin1Char('=') + q.value(1).toString());
    }
    return out;
}

StoreChange changeAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<StoreChange>();
}

} // namespace

class TestNotificationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void apply_eventsInOrder_storesRowsAndAdvancesPosition();
    void apply_redeliveredEvents_changeNothing_data();
    void apply_redeliveredEvents_changeNothing();
    void apply_overlappingReplay_appliesOnlyNewEvents();
    void apply_insertReadDeleteInOneBatch_leavesNoRow();
    void apply_readAndUnread_updateRowsAndReportOnlyRealChanges();
    void apply_groupedUpdate_movesRowToNewSeqAndKeepsOverlay();
    void writes_notificationWithoutTopic_areStored();
    void apply_readAll_marksUnreadRowsWithinBounds_data();
    void apply_readAll_marksUnreadRowsWithinBounds();
    void apply_otherEpoch_isRefused();
    void apply_failingBatch_leavesNothingHalfWritten();
    void reset_replacesEverythingAndSetsPosition();
    void insertOlder_skipsExistingRows_setsCompleteWhenReachedEnd();
    void setLocalState_overlay_changesEntryPageAndDelta_data();
    void setLocalState_overlay_changesEntryPageAndDelta();
    void setLocalState_sameStateTwice_emitsOnce();
    void setServerUnread_emitsOnlyOnChange();
    void prune_removesOldRows_keepsOverlaidRows_data();
    void prune_removesOldRows_keepsOverlaidRows();
    void reopen_samePath_restoresPositionRowsAndCounts();

private:
    // Opens a fresh store at epoch `Epoch`, position 0.
    void openStore();
    // n1..n<count> with seq 1..count, odd seqs on topic "a", even on "b".
    void seed(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NotificationStore> m_store;
};

void TestNotificationStore::init()
{
    m_dir = makeTempDir(QStringLiteral("store"));
    QVERIFY(m_dir->isValid());
    openStore();
}

void TestNotificationStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestNotificationStore::openStore()
{
    m_store = std::make_unique<NotificationStore>(m_dir->filePath(QStringLiteral("account.sqlite")));
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    QVERIFY(m_store->reset(Epoch, 0, {}, false));
}

void TestNotificationStore::seed(int count)
{
    QList<StreamEvent> events;
    for (int seq = 1; seq <= count; ++seq) {
        events.append(notificationEvent(
            QStringLiteral("n%1").arg(seq), seq, seq % 2 ? QStringLiteral("a") : QStringLiteral("b")));
    }
    QVERIFY2(m_store->apply(Epoch, events), qPrintable(m_store->errorString()));
    QCOMPARE(m_store->position().lastSeq, qint64(count));
}

void TestNotificationStore::apply_eventsInOrder_storesRowsAndAdvancesPosition()
{
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy position(m_store.get(), &NotificationStore::positionChanged);

    QVERIFY(m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n1"), 1, QStringLiteral("a")),
            notificationEvent(QStringLiteral("n2"), 2, QStringLiteral("b")),
            notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a")), readEvent(4, {QStringLiteral("n2")})}));

    QCOMPARE(m_store->position(), (StreamPosition {Epoch, 4}));
    QCOMPARE(m_store->count(), 3);
    QCOMPARE(m_store->oldestSeq(), qint64(1));
    const QList<InboxEntry> page = m_store->page(0, 10);
    QCOMPARE(idsOf(page), (QStringList {QStringLiteral("n3"), QStringLiteral("n2"), QStringLiteral("n1")}));
    QVERIFY(!page.at(0).isRead());
    QVERIFY(page.at(1).isRead());
    QCOMPARE(page.at(1).notification.readAt, T0.addSecs(4 * 60));
    QCOMPARE(page.at(1).notification.status, QLatin1String(Status::Read));
    QCOMPARE(page.at(2).notification.content.title, QStringLiteral("Title of n1"));
    QCOMPARE(page.at(2).notification.content.topic, QStringLiteral("a"));
    QCOMPARE(page.at(2).notification.createdAt, T0.addSecs(60));
    QCOMPARE(page.at(2).notification.sender.name, QStringLiteral("Alice"));
    QCOMPARE(page.at(2).local, LocalState::None);

    QCOMPARE(changed.size(), 1);
    const StoreChange change = changeAt(changed, 0);
    QVERIFY(change.removed.isEmpty());
    // The read of a row inserted by the same batch is part of the insert, not an update.
    QVERIFY(change.updated.isEmpty());
    QCOMPARE(idsOf(change.inserted), (QStringList {QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3")}));
    QVERIFY(change.inserted.at(1).isRead());
    QCOMPARE(position.size(), 1);
    QCOMPARE(position.at(0).at(0).value<StreamPosition>(), (StreamPosition {Epoch, 4}));

    // Paging: newest first, strictly older than `beforeSeq`.
    QCOMPARE(idsOf(m_store->page(0, 2)), (QStringList {QStringLiteral("n3"), QStringLiteral("n2")}));
    QCOMPARE(idsOf(m_store->page(2, 2)), (QStringList {QStringLiteral("n1")}));
    QCOMPARE(m_store->entry(QStringLiteral("n2"))->notification.seq, qint64(2));
    QVERIFY(!m_store->entry(QStringLiteral("missing")));
}

void TestNotificationStore::apply_redeliveredEvents_changeNothing_data()
{
    QTest::addColumn<QList<StreamEvent>>("redelivered");

    QTest::newRow("the same notification again")
        << QList<StreamEvent> {notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a"))};
    QTest::newRow("an old seq carrying other content") << QList<StreamEvent> {
        notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a"), QStringLiteral("Changed"))};
    QTest::newRow("an old read") << QList<StreamEvent> {readEvent(2, {QStringLiteral("n1"), QStringLiteral("n3")})};
    QTest::newRow("an old unread") << QList<StreamEvent> {unreadEvent(5, {QStringLiteral("n4")})};
    QTest::newRow("an old delete") << QList<StreamEvent> {deletedEvent(4, {QStringLiteral("n1")})};
    QTest::newRow("an old readAll") << QList<StreamEvent> {readAllEvent(5, QString(), 0)};
    QTest::newRow("the whole history replayed")
        << QList<StreamEvent> {notificationEvent(QStringLiteral("n1"), 1, QStringLiteral("a")),
               notificationEvent(QStringLiteral("n2"), 2, QStringLiteral("b")),
               notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a")), readEvent(4, {QStringLiteral("n2")}),
               notificationEvent(QStringLiteral("n4"), 5, QStringLiteral("b")), readEvent(6, {QStringLiteral("n3")}),
               unreadEvent(7, {QStringLiteral("n3")})};
    QTest::newRow("an empty batch") << QList<StreamEvent> {};
}

void TestNotificationStore::apply_redeliveredEvents_changeNothing()
{
    QFETCH(QList<StreamEvent>, redelivered);

    QVERIFY(m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n1"), 1, QStringLiteral("a")),
            notificationEvent(QStringLiteral("n2"), 2, QStringLiteral("b")),
            notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a")), readEvent(4, {QStringLiteral("n2")}),
            notificationEvent(QStringLiteral("n4"), 5, QStringLiteral("b")), readEvent(6, {QStringLiteral("n3")}),
            unreadEvent(7, {QStringLiteral("n3")})}));
    const QStringList before = snapshot(*m_store);
    const StreamPosition position = m_store->position();
    QCOMPARE(position.lastSeq, qint64(7));

    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy positionChanged(m_store.get(), &NotificationStore::positionChanged);
    QVERIFY(m_store->apply(Epoch, redelivered));
    // And once more: applying is idempotent however often the server repeats itself.
    QVERIFY(m_store->apply(Epoch, redelivered));

    QCOMPARE(snapshot(*m_store), before);
    QCOMPARE(m_store->position(), position);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(positionChanged.size(), 0);
}

void TestNotificationStore::apply_overlappingReplay_appliesOnlyNewEvents()
{
    seed(3);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    QVERIFY(m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n2"), 2, QStringLiteral("b"), QStringLiteral("Replayed")),
            deletedEvent(3, {QStringLiteral("n1")}), notificationEvent(QStringLiteral("n4"), 4, QStringLiteral("a")),
            readEvent(5, {QStringLiteral("n2")})}));

    QCOMPARE(m_store->position().lastSeq, qint64(5));
    QCOMPARE(idsOf(m_store->page(0, 10)),
        (QStringList {QStringLiteral("n4"), QStringLiteral("n3"), QStringLiteral("n2"), QStringLiteral("n1")}));
    QCOMPARE(m_store->entry(QStringLiteral("n2"))->notification.content.title, QStringLiteral("Title of n2"));
    QVERIFY(m_store->entry(QStringLiteral("n2"))->isRead());
    QCOMPARE(changed.size(), 1);
    const StoreChange change = changeAt(changed, 0);
    QVERIFY(change.removed.isEmpty());
    QCOMPARE(change.updated, QStringList {QStringLiteral("n2")});
    QCOMPARE(idsOf(change.inserted), QStringList {QStringLiteral("n4")});
}

void TestNotificationStore::apply_insertReadDeleteInOneBatch_leavesNoRow()
{
    seed(2);
    const int countBefore = m_store->count();
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    QVERIFY(m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a")), readEvent(4, {QStringLiteral("n3")}),
            deletedEvent(5, {QStringLiteral("n3")}), notificationEvent(QStringLiteral("n4"), 6, QStringLiteral("b")),
            readEvent(7, {QStringLiteral("n4")})}));

    QCOMPARE(m_store->position().lastSeq, qint64(7));
    QVERIFY(!m_store->entry(QStringLiteral("n3")));
    QCOMPARE(m_store->count(), countBefore + 1);
    QCOMPARE(changed.size(), 1);
    const StoreChange change = changeAt(changed, 0);
    // n3 came and went within the batch: it is no insert; n4 is inserted already read.
    QCOMPARE(idsOf(change.inserted), QStringList {QStringLiteral("n4")});
    QVERIFY(change.inserted.first().isRead());
    QVERIFY(!change.updated.contains(QStringLiteral("n4")));
}

void TestNotificationStore::apply_readAndUnread_updateRowsAndReportOnlyRealChanges()
{
    seed(3);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    QVERIFY(m_store->apply(Epoch, {readEvent(4, {QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("nX")})}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changeAt(changed, 0).updated, (QStringList {QStringLiteral("n1"), QStringLiteral("n2")}));
    QCOMPARE(m_store->entry(QStringLiteral("n1"))->notification.readAt, T0.addSecs(4 * 60));

    // A second read of a read row keeps its first readAt and reports nothing.
    QVERIFY(m_store->apply(Epoch, {readEvent(5, {QStringLiteral("n1")})}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_store->entry(QStringLiteral("n1"))->notification.readAt, T0.addSecs(4 * 60));
    QCOMPARE(m_store->position().lastSeq, qint64(5));

    QVERIFY(m_store->apply(Epoch, {unreadEvent(6, {QStringLiteral("n1"), QStringLiteral("n3")})}));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changeAt(changed, 1).updated, QStringList {QStringLiteral("n1")});
    const InboxEntry n1 = *m_store->entry(QStringLiteral("n1"));
    QVERIFY(!n1.isRead());
    QVERIFY(!n1.notification.readAt.isValid());
    QCOMPARE(n1.notification.status, QLatin1String(Status::Delivered));

    QVERIFY(m_store->apply(Epoch, {deletedEvent(7, {QStringLiteral("n2"), QStringLiteral("nX")})}));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changeAt(changed, 2).removed, QStringList {QStringLiteral("n2")});
    QCOMPARE(idsOf(m_store->page(0, 10)), (QStringList {QStringLiteral("n3"), QStringLiteral("n1")}));
}

void TestNotificationStore::apply_groupedUpdate_movesRowToNewSeqAndKeepsOverlay()
{
    seed(3);
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Read));
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    QVERIFY(m_store->apply(
        Epoch, {notificationEvent(QStringLiteral("n1"), 4, QStringLiteral("a"), QStringLiteral("3 new messages"))}));

    QCOMPARE(m_store->count(), 3);
    QCOMPARE(
        idsOf(m_store->page(0, 10)), (QStringList {QStringLiteral("n1"), QStringLiteral("n3"), QStringLiteral("n2")}));
    const InboxEntry n1 = *m_store->entry(QStringLiteral("n1"));
    QCOMPARE(n1.notification.seq, qint64(4));
    QCOMPARE(n1.notification.content.title, QStringLiteral("3 new messages"));
    QCOMPARE(n1.local, LocalState::Read);
    QCOMPARE(m_store->oldestSeq(), qint64(2));

    QCOMPARE(changed.size(), 1);
    const StoreChange change = changeAt(changed, 0);
    QCOMPARE(change.removed, QStringList {QStringLiteral("n1")});
    QCOMPARE(idsOf(change.inserted), QStringList {QStringLiteral("n1")});
    QCOMPARE(change.inserted.first().notification.seq, qint64(4));
}

void TestNotificationStore::writes_notificationWithoutTopic_areStored()
{
    // Direct notifications have no topic: Notification::fromJson leaves it a null string.
    QVERIFY2(m_store->apply(Epoch, {notificationEvent(QStringLiteral("direct"), 1, QString())}),
        qPrintable(m_store->errorString()));
    QCOMPARE(m_store->position().lastSeq, qint64(1));
    const std::optional<InboxEntry> direct = m_store->entry(QStringLiteral("direct"));
    QVERIFY(direct);
    QVERIFY(direct->notification.content.topic.isEmpty());

    // A readAll over every topic covers it.
    QCOMPARE(m_store->unreadIdsUpTo(QString(), 1), QStringList {QStringLiteral("direct")});
    QVERIFY(m_store->apply(Epoch, {readAllEvent(2, QString(), 0)}));
    QVERIFY(m_store->entry(QStringLiteral("direct"))->isRead());

    // Older pages and resyncs carry them too.
    QVERIFY(m_store->insertOlder({makeNotification(QStringLiteral("older"), 0, QString())}, true));
    QVERIFY(m_store->entry(QStringLiteral("older")));
    QVERIFY(m_store->reset(Epoch, 5, {makeNotification(QStringLiteral("again"), 5, QString())}, true));
    QCOMPARE(idsOf(m_store->page(0, 10)), QStringList {QStringLiteral("again")});
}

void TestNotificationStore::apply_readAll_marksUnreadRowsWithinBounds_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<qint64>("upToSeq");
    QTest::addColumn<QStringList>("marked");

    // Rows n1..n6 (odd on topic a, even on b); n1 is already read. The readAll is event 8.
    QTest::newRow("every topic, up to the event itself")
        << QString() << qint64(0)
        << QStringList {QStringLiteral("n2"), QStringLiteral("n3"), QStringLiteral("n4"), QStringLiteral("n5"),
               QStringLiteral("n6")};
    QTest::newRow("every topic, empty string") << QStringLiteral("") << qint64(0)
                                               << QStringList {QStringLiteral("n2"), QStringLiteral("n3"),
                                                      QStringLiteral("n4"), QStringLiteral("n5"), QStringLiteral("n6")};
    QTest::newRow("every topic, up to seq 3")
        << QString() << qint64(3) << QStringList {QStringLiteral("n2"), QStringLiteral("n3")};
    QTest::newRow("topic a, up to the event itself")
        << QStringLiteral("a") << qint64(0) << QStringList {QStringLiteral("n3"), QStringLiteral("n5")};
    QTest::newRow("topic b, up to seq 4")
        << QStringLiteral("b") << qint64(4) << QStringList {QStringLiteral("n2"), QStringLiteral("n4")};
    QTest::newRow("topic a, up to seq 1 (already read)") << QStringLiteral("a") << qint64(1) << QStringList {};
    QTest::newRow("unknown topic") << QStringLiteral("zzz") << qint64(0) << QStringList {};
}

void TestNotificationStore::apply_readAll_marksUnreadRowsWithinBounds()
{
    QFETCH(QString, topic);
    QFETCH(qint64, upToSeq);
    QFETCH(QStringList, marked);

    seed(6);
    QVERIFY(m_store->apply(Epoch, {readEvent(7, {QStringLiteral("n1")})}));
    const qint64 eventSeq = 8;

    // ReadSync asks the same question for its overlay before the server answers.
    QStringList predicted = m_store->unreadIdsUpTo(topic, upToSeq > 0 ? upToSeq : eventSeq);
    predicted.sort();
    QCOMPARE(predicted, marked);

    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QVERIFY(m_store->apply(Epoch, {readAllEvent(eventSeq, topic, upToSeq)}));
    QCOMPARE(m_store->position().lastSeq, eventSeq);

    QStringList read;
    for (const InboxEntry &e : m_store->page(0, 100)) {
        if (e.isRead() && e.notification.id != QLatin1String("n1")) {
            read.append(e.notification.id);
            QCOMPARE(e.notification.readAt, T0.addSecs(60 * eventSeq));
        }
    }
    read.sort();
    QCOMPARE(read, marked);
    QCOMPARE(changed.size(), marked.isEmpty() ? 0 : 1);
    if (!marked.isEmpty()) {
        QStringList updated = changeAt(changed, 0).updated;
        updated.sort();
        QCOMPARE(updated, marked);
    }
}

void TestNotificationStore::apply_otherEpoch_isRefused()
{
    seed(2);
    const QStringList before = snapshot(*m_store);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy position(m_store.get(), &NotificationStore::positionChanged);

    QVERIFY(
        !m_store->apply(QStringLiteral("epoch-2"), {notificationEvent(QStringLiteral("n3"), 3, QStringLiteral("a"))}));

    QVERIFY(!m_store->errorString().isEmpty());
    QCOMPARE(snapshot(*m_store), before);
    QCOMPARE(m_store->position(), (StreamPosition {Epoch, 2}));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(position.size(), 0);
}

void TestNotificationStore::apply_failingBatch_leavesNothingHalfWritten()
{
    seed(3);
    QVERIFY(m_store->setLocalState({QStringLiteral("n3")}, LocalState::Read));
    const QStringList before = snapshot(*m_store);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy position(m_store.get(), &NotificationStore::positionChanged);

    // The last event carries seq 3 inside its notification, which n3 holds: UNIQUE(seq) fails it.
    Notification clash = makeNotification(QStringLiteral("clash"), 3, QStringLiteral("a"));
    StreamEvent clashing = notificationEvent(clash);
    clashing.seq = 7;
    QVERIFY(!m_store->apply(Epoch,
        {notificationEvent(QStringLiteral("n4"), 4, QStringLiteral("a")), readEvent(5, {QStringLiteral("n1")}),
            deletedEvent(6, {QStringLiteral("n2")}), clashing}));

    QVERIFY(!m_store->errorString().isEmpty());
    QCOMPARE(snapshot(*m_store), before);
    QCOMPARE(m_store->position(), (StreamPosition {Epoch, 3}));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(position.size(), 0);

    // The failed transaction is gone: the next batch applies normally, and so does a reopen.
    QVERIFY2(m_store->apply(Epoch, {notificationEvent(QStringLiteral("n4"), 4, QStringLiteral("a"))}),
        qPrintable(m_store->errorString()));
    QCOMPARE(m_store->position().lastSeq, qint64(4));
    m_store.reset();
    m_store = std::make_unique<NotificationStore>(m_dir->filePath(QStringLiteral("account.sqlite")));
    QVERIFY(m_store->open());
    QCOMPARE(m_store->position(), (StreamPosition {Epoch, 4}));
    QCOMPARE(idsOf(m_store->page(0, 10)),
        (QStringList {QStringLiteral("n4"), QStringLiteral("n3"), QStringLiteral("n2"), QStringLiteral("n1")}));
    QVERIFY(!m_store->entry(QStringLiteral("n1"))->isRead());
}

void TestNotificationStore::reset_replacesEverythingAndSetsPosition()
{
    seed(4);
    QVERIFY(m_store->setLocalState({QStringLiteral("n2")}, LocalState::Deleted));
    QSignalSpy wasReset(m_store.get(), &NotificationStore::wasReset);
    QSignalSpy position(m_store.get(), &NotificationStore::positionChanged);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    const QString epoch2 = QStringLiteral("epoch-2");
    QVERIFY(m_store->reset(epoch2, 50,
        {makeNotification(QStringLiteral("m2"), 48, QStringLiteral("a")),
            makeNotification(QStringLiteral("m1"), 40, QStringLiteral("b"))},
        true));

    QCOMPARE(m_store->position(), (StreamPosition {epoch2, 50}));
    QVERIFY(m_store->isComplete());
    QCOMPARE(idsOf(m_store->page(0, 10)), (QStringList {QStringLiteral("m2"), QStringLiteral("m1")}));
    QVERIFY(m_store->idsWithLocalState().isEmpty());
    QVERIFY(!m_store->entry(QStringLiteral("n1")));
    QCOMPARE(m_store->oldestSeq(), qint64(40));
    QCOMPARE(wasReset.size(), 1);
    QCOMPARE(position.size(), 1);
    QCOMPARE(position.at(0).at(0).value<StreamPosition>(), (StreamPosition {epoch2, 50}));
    QCOMPARE(changed.size(), 0);

    // The old epoch is over; the new one continues from the head.
    QVERIFY(!m_store->apply(Epoch, {notificationEvent(QStringLiteral("n5"), 51, QStringLiteral("a"))}));
    QVERIFY(m_store->apply(epoch2,
        {notificationEvent(QStringLiteral("m0"), 49, QStringLiteral("a")),
            notificationEvent(QStringLiteral("m3"), 51, QStringLiteral("a"))}));
    QCOMPARE(
        idsOf(m_store->page(0, 10)), (QStringList {QStringLiteral("m3"), QStringLiteral("m2"), QStringLiteral("m1")}));
}

void TestNotificationStore::insertOlder_skipsExistingRows_setsCompleteWhenReachedEnd()
{
    QVERIFY(m_store->reset(Epoch, 10,
        {makeNotification(QStringLiteral("n10"), 10, QStringLiteral("a")),
            makeNotification(QStringLiteral("n9"), 9, QStringLiteral("a"))},
        false));
    QVERIFY(!m_store->isComplete());
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy position(m_store.get(), &NotificationStore::positionChanged);

    QVERIFY(
        m_store->insertOlder({makeNotification(QStringLiteral("n9"), 9, QStringLiteral("a"), QStringLiteral("Stale")),
                                 makeNotification(QStringLiteral("n8"), 8, QStringLiteral("b")),
                                 makeNotification(QStringLiteral("n7"), 7, QStringLiteral("a"))},
            false));
    QCOMPARE(m_store->entry(QStringLiteral("n9"))->notification.content.title, QStringLiteral("Title of n9"));
    QCOMPARE(idsOf(m_store->page(0, 10)),
        (QStringList {QStringLiteral("n10"), QStringLiteral("n9"), QStringLiteral("n8"), QStringLiteral("n7")}));
    QVERIFY(!m_store->isComplete());
    QCOMPARE(changed.size(), 1);
    QStringList inserted = idsOf(changeAt(changed, 0).inserted);
    inserted.sort();
    QCOMPARE(inserted, (QStringList {QStringLiteral("n7"), QStringLiteral("n8")}));

    // Nothing new but the end: no change, yet the store now knows it is complete.
    QVERIFY(m_store->insertOlder({makeNotification(QStringLiteral("n7"), 7, QStringLiteral("a"))}, true));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_store->isComplete());
    QCOMPARE(m_store->position(), (StreamPosition {Epoch, 10}));
    QCOMPARE(position.size(), 0);
}

void TestNotificationStore::setLocalState_overlay_changesEntryPageAndDelta_data()
{
    QTest::addColumn<bool>("serverRead");
    QTest::addColumn<LocalState>("state");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("shownRead");
    QTest::addColumn<qint64>("delta");

    QTest::newRow("pending read of an unread row") << false << LocalState::Read << true << true << qint64(-1);
    QTest::newRow("pending read of a read row") << true << LocalState::Read << true << true << qint64(0);
    QTest::newRow("pending unread of a read row") << true << LocalState::Unread << true << false << qint64(1);
    QTest::newRow("pending unread of an unread row") << false << LocalState::Unread << true << false << qint64(0);
    QTest::newRow("pending delete of an unread row") << false << LocalState::Deleted << false << false << qint64(-1);
    QTest::newRow("pending delete of a read row") << true << LocalState::Deleted << false << true << qint64(0);
    QTest::newRow("no overlay on an unread row") << false << LocalState::None << true << false << qint64(0);
    QTest::newRow("no overlay on a read row") << true << LocalState::None << true << true << qint64(0);
}

void TestNotificationStore::setLocalState_overlay_changesEntryPageAndDelta()
{
    QFETCH(bool, serverRead);
    QFETCH(LocalState, state);
    QFETCH(bool, visible);
    QFETCH(bool, shownRead);
    QFETCH(qint64, delta);

    seed(3); // n2 is on topic b
    if (serverRead)
        QVERIFY(m_store->apply(Epoch, {readEvent(4, {QStringLiteral("n2")})}));
    const QString original = describe(*m_store->entry(QStringLiteral("n2")));
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QSignalSpy localChanged(m_store.get(), &NotificationStore::localStateChanged);

    QVERIFY(m_store->setLocalState({QStringLiteral("n2"), QStringLiteral("unknown")}, state));

    const InboxEntry e = *m_store->entry(QStringLiteral("n2"));
    QCOMPARE(e.local, state);
    QCOMPARE(e.syncPending(), state != LocalState::None);
    QCOMPARE(e.isRead(), shownRead);
    if (state == LocalState::Read) {
        QCOMPARE(e.notification.status, QLatin1String(Status::Read));
        QVERIFY(e.notification.readAt.isValid());
    } else if (state == LocalState::Unread) {
        QCOMPARE(e.notification.status, QLatin1String(Status::Delivered));
    }
    QCOMPARE(idsOf(m_store->page(0, 10)).contains(QStringLiteral("n2")), visible);
    QCOMPARE(m_store->count(), visible ? 3 : 2);
    QCOMPARE(
        m_store->idsWithLocalState(), state == LocalState::None ? QStringList {} : QStringList {QStringLiteral("n2")});

    const UnreadCounts pending = m_store->pendingUnreadDelta();
    QCOMPARE(pending.total, delta);
    QCOMPARE(pending.byTopic.value(QStringLiteral("b")), delta);
    QVERIFY(!pending.byTopic.contains(QStringLiteral("a")));

    const int signals_ = state == LocalState::None ? 0 : 1;
    QCOMPARE(changed.size(), signals_);
    QCOMPARE(localChanged.size(), signals_);
    if (signals_)
        QCOMPARE(changeAt(changed, 0).updated, QStringList {QStringLiteral("n2")});

    // Clearing the overlay shows the server's state again.
    QVERIFY(m_store->setLocalState({QStringLiteral("n2")}, LocalState::None));
    QCOMPARE(describe(*m_store->entry(QStringLiteral("n2"))), original);
    QCOMPARE(m_store->pendingUnreadDelta(), UnreadCounts {});
    QCOMPARE(m_store->count(), 3);
}

void TestNotificationStore::setLocalState_sameStateTwice_emitsOnce()
{
    seed(2);
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);
    QVERIFY(m_store->setLocalState({QStringLiteral("n1"), QStringLiteral("n2")}, LocalState::Read));
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Read));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changeAt(changed, 0).updated, (QStringList {QStringLiteral("n1"), QStringLiteral("n2")}));
    UnreadCounts expected;
    expected.total = -2;
    expected.byTopic = {{QStringLiteral("a"), -1}, {QStringLiteral("b"), -1}};
    QCOMPARE(m_store->pendingUnreadDelta(), expected);
}

void TestNotificationStore::setServerUnread_emitsOnlyOnChange()
{
    QSignalSpy spy(m_store.get(), &NotificationStore::serverUnreadChanged);
    UnreadCounts counts;
    counts.total = 5;
    counts.byTopic = {{QStringLiteral("a"), 3}, {QStringLiteral("b"), 2}};
    m_store->setServerUnread(counts);
    m_store->setServerUnread(counts);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<UnreadCounts>(), counts);
    QCOMPARE(m_store->serverUnread(), counts);
}

void TestNotificationStore::prune_removesOldRows_keepsOverlaidRows_data()
{
    QTest::addColumn<int>("maxCount");
    QTest::addColumn<int>("olderThanSeq"); // rows created before T0 + this many minutes go; 0 = no age limit
    QTest::addColumn<QStringList>("kept");

    const QString n1 = QStringLiteral("n1"), n2 = QStringLiteral("n2"), n3 = QStringLiteral("n3"),
                  n4 = QStringLiteral("n4"), n5 = QStringLiteral("n5"), n6 = QStringLiteral("n6");
    // n1 and n3 carry an overlay (read, deleted) and survive whatever happens.
    QTest::newRow("by count") << 3 << 0 << QStringList {n6, n5, n4, n3, n1};
    QTest::newRow("by count, one") << 1 << 0 << QStringList {n6, n3, n1};
    QTest::newRow("by age") << 1000 << 5 << QStringList {n6, n5, n3, n1};
    QTest::newRow("by count and age") << 4 << 6 << QStringList {n6, n3, n1};
    QTest::newRow("nothing to prune") << 1000 << 0 << QStringList {n6, n5, n4, n3, n2, n1};
    QTest::newRow("limits above what is there") << 6 << 1 << QStringList {n6, n5, n4, n3, n2, n1};
}

void TestNotificationStore::prune_removesOldRows_keepsOverlaidRows()
{
    QFETCH(int, maxCount);
    QFETCH(int, olderThanSeq);
    QFETCH(QStringList, kept);

    seed(6);
    QVERIFY(m_store->insertOlder({}, true));
    QVERIFY(m_store->isComplete());
    QVERIFY(m_store->setLocalState({QStringLiteral("n1")}, LocalState::Read));
    QVERIFY(m_store->setLocalState({QStringLiteral("n3")}, LocalState::Deleted));
    QSignalSpy changed(m_store.get(), &NotificationStore::changed);

    const int removed = m_store->prune(maxCount, olderThanSeq > 0 ? T0.addSecs(60 * olderThanSeq) : QDateTime());

    QStringList remaining;
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM notifications ORDER BY seq DESC")));
    while (q.next())
        remaining.append(q.value(0).toString());
    QCOMPARE(remaining, kept);
    QCOMPARE(removed, 6 - int(kept.size()));
    QCOMPARE(m_store->idsWithLocalState().size(), 2);
    // Rows are gone locally that the server still has: older pages must come from it again.
    QCOMPARE(m_store->isComplete(), removed == 0);
    QCOMPARE(changed.size(), removed == 0 ? 0 : 1);
    if (removed > 0)
        QCOMPARE(int(changeAt(changed, 0).removed.size()), removed);

    // The flag is in the file, too.
    m_store.reset();
    m_store = std::make_unique<NotificationStore>(m_dir->filePath(QStringLiteral("account.sqlite")));
    QVERIFY(m_store->open());
    QCOMPARE(m_store->isComplete(), removed == 0);
}

void TestNotificationStore::reopen_samePath_restoresPositionRowsAndCounts()
{
    seed(5);
    QVERIFY(m_store->apply(Epoch, {readEvent(6, {QStringLiteral("n2")})}));
    QVERIFY(m_store->setLocalState({QStringLiteral("n4")}, LocalState::Read));
    QVERIFY(m_store->setLocalState({QStringLiteral("n5")}, LocalState::Deleted));
    QVERIFY(m_store->insertOlder({}, true));
    UnreadCounts counts;
    counts.total = 4;
    counts.byTopic = {{QStringLiteral("a"), 3}, {QStringLiteral("b"), 1}};
    m_store->setServerUnread(counts);

    const StreamPosition position = m_store->position();
    const QStringList rows = describe(m_store->page(0, 100));
    const QString deleted = describe(*m_store->entry(QStringLiteral("n5")));
    const UnreadCounts delta = m_store->pendingUnreadDelta();
    const QString path = m_store->path();
    m_store.reset();

    NotificationStore reopened(path);
    QVERIFY2(reopened.open(), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.position(), position);
    QCOMPARE(reopened.position(), (StreamPosition {Epoch, 6}));
    QCOMPARE(describe(reopened.page(0, 100)), rows);
    QCOMPARE(describe(*reopened.entry(QStringLiteral("n5"))), deleted);
    QCOMPARE(reopened.serverUnread(), counts);
    QCOMPARE(reopened.pendingUnreadDelta(), delta);
    QVERIFY(reopened.isComplete());
    QStringList overlaid = reopened.idsWithLocalState();
    overlaid.sort();
    QCOMPARE(overlaid, (QStringList {QStringLiteral("n4"), QStringLiteral("n5")}));
    QVERIFY(reopened.apply(Epoch, {notificationEvent(QStringLiteral("n7"), 7, QStringLiteral("a"))}));
    QCOMPARE(reopened.count(), 5);
}

QTEST_GUILESS_MAIN(TestNotificationStore)
#include "tst_notificationstore.moc"
