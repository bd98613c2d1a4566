#include "client/NotificationStore.h"
#include "client/OfflineQueue.h"
#include "support/ClientFixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tidings;
using namespace Tidings::Client;
using namespace Tidings::Test;

namespace {

// JSON written with single quotes, so the tables stay readable.
QJsonObject json(QString text)
{
    text.replace(QLatin1Char('\''), QLatin1Char('"'));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad JSON in a test table: %s", qPrintable(text));
    return doc.object();
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))
        .replace(QLatin1Char('"'), QLatin1Char('\''));
}

// "kind {payload}", with " sent" when the operation was handed to the server.
QString describe(const Operation &op)
{
    return Operation::kindName(op.kind) + QLatin1Char(' ') + compact(op.payload)
        + (op.sent ? QStringLiteral(" sent") : QString());
}

QStringList describe(const QList<Operation> &ops)
{
    QStringList out;
    for (const Operation &op : ops)
        out.append(describe(op));
    return out;
}

// Re-encodes an expected line the way describe() does, so spacing in the table does not matter.
QString normalized(const QString &line)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    QString rest = line.mid(space + 1).trimmed();
    const bool sent = rest.endsWith(QLatin1String(" sent"));
    if (sent)
        rest.chop(5);
    return line.left(space) + QLatin1Char(' ') + compact(json(rest)) + (sent ? QStringLiteral(" sent") : QString());
}

} // namespace

class TestOfflineQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enqueue_coalescesRedundantOperations_data();
    void enqueue_coalescesRedundantOperations();
    void enqueue_returnsTheWaitingOperation();
    void markSent_freezesAndCountsAttempts();
    void reopen_loadsSameOperationsInOrder();
    void remove_dropsOneOperationForGood();
    void countChanged_emittedOnlyWhenTheCountMoves();
    void touching_listsOperationsOfOneNotification();
    void acks_mergeOnlyUpToOneFramesWorthOfIds();

private:
    void reopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<NotificationStore> m_store;
    std::unique_ptr<OfflineQueue> m_queue;
};

void TestOfflineQueue::init()
{
    m_dir = makeTempDir(QStringLiteral("queue"));
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<NotificationStore>(m_dir->filePath(QStringLiteral("account.sqlite")));
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    m_queue = std::make_unique<OfflineQueue>(*m_store);
    QVERIFY(m_queue->load());
    QVERIFY(m_queue->isEmpty());
}

void TestOfflineQueue::cleanup()
{
    m_queue.reset();
    m_store.reset();
    m_dir.reset();
}

void TestOfflineQueue::reopen()
{
    const QString path = m_store->path();
    m_queue.reset();
    m_store.reset();
    m_store = std::make_unique<NotificationStore>(path);
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    m_queue = std::make_unique<OfflineQueue>(*m_store);
    QVERIFY(m_queue->load());
}

void TestOfflineQueue::enqueue_coalescesRedundantOperations_data()
{
    // Each step is "<event name> {payload}" or "sent" (every queued operation is handed
    // to the server); the result lists the queue in order, " sent" marking frozen ones.
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("queued");

    auto row
        = [](const char *name, std::initializer_list<const char *> steps, std::initializer_list<const char *> queued) {
              QStringList s, q;
              for (const char *step : steps)
                  s.append(QString::fromUtf8(step));
              for (const char *line : queued)
                  q.append(QString::fromUtf8(line));
              QTest::newRow(name) << s << q;
          };

    row("read twice", {"read {'ids':['a']}", "read {'ids':['a']}"}, {"read {'ids':['a']}"});
    row("read twice, overlapping ids", {"read {'ids':['a','b']}", "read {'ids':['b','c']}"},
        {"read {'ids':['a','b']}", "read {'ids':['c']}"});
    row("read then unread", {"read {'ids':['a']}", "unread {'ids':['a']}"}, {"unread {'ids':['a']}"});
    row("unread then read", {"unread {'ids':['a']}", "read {'ids':['a']}"}, {"read {'ids':['a']}"});
    row("read sent, then unread", {"read {'ids':['a']}", "sent", "unread {'ids':['a']}"},
        {"read {'ids':['a']} sent", "unread {'ids':['a']}"});
    row("read sent, then read again", {"read {'ids':['a']}", "sent", "read {'ids':['a']}"},
        {"read {'ids':['a']} sent"});
    row("read of two, then unread of one", {"read {'ids':['a','b']}", "unread {'ids':['a']}"},
        {"read {'ids':['b']}", "unread {'ids':['a']}"});
    row("delete drops queued reads and unreads",
        {"read {'ids':['a','b']}", "unread {'ids':['c']}", "delete {'ids':['a','c']}"},
        {"read {'ids':['b']}", "delete {'ids':['a','c']}"});
    row("delete keeps sent reads", {"read {'ids':['a','b']}", "sent", "delete {'ids':['a']}"},
        {"read {'ids':['a','b']} sent", "delete {'ids':['a']}"});
    row("read and unread after a delete are dropped",
        {"delete {'ids':['a']}", "read {'ids':['a']}", "unread {'ids':['a']}"}, {"delete {'ids':['a']}"});
    row("read after a sent delete is dropped", {"delete {'ids':['a']}", "sent", "read {'ids':['a']}"},
        {"delete {'ids':['a']} sent"});
    row("read after a delete keeps the other ids", {"delete {'ids':['a']}", "read {'ids':['a','b']}"},
        {"delete {'ids':['a']}", "read {'ids':['b']}"});
    row("delete twice", {"delete {'ids':['a']}", "delete {'ids':['a','b']}"},
        {"delete {'ids':['a']}", "delete {'ids':['b']}"});
    row("readAll of the same topic replaces the unsent one",
        {"readAll {'topic':'news','upToSeq':5}", "read {'ids':['x']}", "readAll {'topic':'news','upToSeq':9}"},
        {"read {'ids':['x']}", "readAll {'topic':'news','upToSeq':9}"});
    row("readAll of another topic is kept",
        {"readAll {'topic':'news','upToSeq':5}", "readAll {'topic':'sport','upToSeq':6}"},
        {"readAll {'topic':'news','upToSeq':5}", "readAll {'topic':'sport','upToSeq':6}"});
    row("readAll of every topic replaces the unsent one", {"readAll {'upToSeq':5}", "readAll {'upToSeq':7}"},
        {"readAll {'upToSeq':7}"});
    row("readAll of every topic keeps one of a topic",
        {"readAll {'topic':'news','upToSeq':5}", "readAll {'upToSeq':7}"},
        {"readAll {'topic':'news','upToSeq':5}", "readAll {'upToSeq':7}"});
    row("readAll sent is kept",
        {"readAll {'topic':'news','upToSeq':5}", "sent", "readAll {'topic':'news','upToSeq':9}"},
        {"readAll {'topic':'news','upToSeq':5} sent", "readAll {'topic':'news','upToSeq':9}"});
    row("acks merge into the unsent ack", {"ack {'ids':['a','b']}", "read {'ids':['x']}", "ack {'ids':['b','c']}"},
        {"ack {'ids':['a','b','c']}", "read {'ids':['x']}"});
    row("ack after a sent ack is queued, then merged",
        {"ack {'ids':['a']}", "sent", "ack {'ids':['b']}", "ack {'ids':['c']}"},
        {"ack {'ids':['a']} sent", "ack {'ids':['b','c']}"});
    row("preference patches deep-merge",
        {"updatePreferences {'quietHours':{'enabled':true,'start':'22:00'},'topics':{'news':{'email':false}}}",
            "updatePreferences {'quietHours':{'start':'23:00'},'topics':{'sport':{'push':true}},'digest':'daily'}"},
        {"updatePreferences {'digest':'daily','quietHours':{'enabled':true,'start':'23:00'},"
         "'topics':{'news':{'email':false},'sport':{'push':true}}}"});
    row("a later scalar replaces a nested object",
        {"updatePreferences {'quietHours':{'enabled':true},'digest':{'every':'day'}}",
            "updatePreferences {'quietHours':null,'digest':'off'}"},
        {"updatePreferences {'digest':'off','quietHours':null}"});
    row("preference patch after a sent one is queued separately",
        {"updatePreferences {'digest':'daily'}", "sent", "updatePreferences {'digest':'weekly'}"},
        {"updatePreferences {'digest':'daily'} sent", "updatePreferences {'digest':'weekly'}"});
    row("sent unread is not changed by a read", {"unread {'ids':['a','b']}", "sent", "read {'ids':['a']}"},
        {"unread {'ids':['a','b']} sent", "read {'ids':['a']}"});
    row("order of the user's actions is kept",
        {"read {'ids':['a']}", "ack {'ids':['a']}", "delete {'ids':['b']}", "updatePreferences {'digest':'off'}",
            "unread {'ids':['c']}"},
        {"read {'ids':['a']}", "ack {'ids':['a']}", "delete {'ids':['b']}", "updatePreferences {'digest':'off'}",
            "unread {'ids':['c']}"});
}

void TestOfflineQueue::enqueue_coalescesRedundantOperations()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, queued);

    QHash<QString, QString> frozen; // what each operation looked like when it was handed over
    for (const QString &step : steps) {
        if (step == QLatin1String("sent")) {
            for (const Operation &op : m_queue->operations()) {
                if (!op.sent)
                    QVERIFY(m_queue->markSent(op.opId));
            }
            for (const Operation &op : m_queue->operations()) {
                if (!frozen.contains(op.opId))
                    frozen.insert(op.opId, describe(op));
            }
            continue;
        }
        const qsizetype space = step.indexOf(QLatin1Char(' '));
        const std::optional<Operation::Kind> kind = Operation::kindFromName(step.left(space));
        QVERIFY2(kind, qPrintable(step));
        m_queue->enqueue(*kind, json(step.mid(space + 1)));
    }

    QStringList expected;
    for (const QString &line : std::as_const(queued))
        expected.append(normalized(line));
    QCOMPARE(describe(m_queue->operations()), expected);
    QCOMPARE(m_queue->count(), int(expected.size()));

    // Sent operations are exactly as they were handed over.
    for (auto it = frozen.cbegin(); it != frozen.cend(); ++it) {
        const std::optional<Operation> op = m_queue->find(it.key());
        QVERIFY2(op, qPrintable(it.value()));
        QCOMPARE(describe(*op), it.value());
    }

    // What is in memory is what is in the file.
    const QStringList inMemory = describe(m_queue->operations());
    reopen();
    QCOMPARE(describe(m_queue->operations()), inMemory);
}

void TestOfflineQueue::enqueue_returnsTheWaitingOperation()
{
    const std::optional<Operation> first
        = m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['a']}")));
    QVERIFY(first);
    QVERIFY(!first->opId.isEmpty());
    QCOMPARE(first->kind, Operation::Kind::Ack);
    QVERIFY(first->pos > 0);
    QVERIFY(first->createdAt.isValid());

    const std::optional<Operation> merged
        = m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['b']}")));
    QVERIFY(merged);
    QCOMPARE(merged->opId, first->opId);
    QCOMPARE(merged->ids(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));

    QVERIFY(m_queue->enqueue(Operation::Kind::Delete, json(QStringLiteral("{'ids':['x']}"))));
    // A read of a notification already queued for deletion leaves nothing to wait for.
    QVERIFY(!m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['x']}"))));
    QCOMPARE(m_queue->count(), 2);
    // Every new operation has its own id.
    QVERIFY(m_queue->operations().at(0).opId != m_queue->operations().at(1).opId);
}

void TestOfflineQueue::markSent_freezesAndCountsAttempts()
{
    const Operation op = *m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a']}")));
    QCOMPARE(op.attempts, 0);
    QVERIFY(!op.sent);

    QVERIFY(m_queue->markSent(op.opId));
    QVERIFY(m_queue->markSent(op.opId)); // resent after a reconnect
    QVERIFY(!m_queue->markSent(QStringLiteral("no-such-op")));

    const Operation stored = *m_queue->find(op.opId);
    QVERIFY(stored.sent);
    QCOMPARE(stored.attempts, 2);
    reopen();
    QVERIFY(m_queue->find(op.opId)->sent);
    QCOMPARE(m_queue->find(op.opId)->attempts, 2);
}

void TestOfflineQueue::reopen_loadsSameOperationsInOrder()
{
    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a','b']}")));
    m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['a']}")));
    m_queue->enqueue(Operation::Kind::ReadAll, json(QStringLiteral("{'topic':'news','upToSeq':12}")));
    m_queue->enqueue(Operation::Kind::Delete, json(QStringLiteral("{'ids':['c']}")));
    m_queue->enqueue(Operation::Kind::Preferences, json(QStringLiteral("{'digest':{'every':'day'}}")));
    m_queue->enqueue(Operation::Kind::Unread, json(QStringLiteral("{'ids':['d']}")));
    QVERIFY(m_queue->markSent(m_queue->operations().at(1).opId));
    QVERIFY(m_queue->markSent(m_queue->operations().at(3).opId));
    const QList<Operation> before = m_queue->operations();
    QCOMPARE(before.size(), 6);

    const QString path = m_store->path();
    m_queue.reset();
    m_store.reset();
    NotificationStore store(path);
    QVERIFY(store.open());
    OfflineQueue queue(store);
    QSignalSpy count(&queue, &OfflineQueue::countChanged);
    QVERIFY(queue.load());
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 6);

    const QList<Operation> after = queue.operations();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).opId, before.at(i).opId);
        QCOMPARE(after.at(i).pos, before.at(i).pos);
        QCOMPARE(after.at(i).kind, before.at(i).kind);
        QCOMPARE(after.at(i).payload, before.at(i).payload);
        QCOMPARE(after.at(i).sent, before.at(i).sent);
        QCOMPARE(after.at(i).attempts, before.at(i).attempts);
        QCOMPARE(after.at(i).createdAt, before.at(i).createdAt);
    }

    // Coalescing goes on across the restart: the unsent read loses b to the new unread.
    queue.enqueue(Operation::Kind::Unread, json(QStringLiteral("{'ids':['b']}")));
    QCOMPARE(queue.operations().first().ids(), QStringList {QStringLiteral("a")});
    QCOMPARE(queue.operations().last().ids(), QStringList {QStringLiteral("b")});
}

void TestOfflineQueue::remove_dropsOneOperationForGood()
{
    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a']}")));
    m_queue->enqueue(Operation::Kind::Delete, json(QStringLiteral("{'ids':['b']}")));
    m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['c']}")));
    const QString middle = m_queue->operations().at(1).opId;
    QSignalSpy count(m_queue.get(), &OfflineQueue::countChanged);

    QVERIFY(m_queue->remove(middle));
    QVERIFY(!m_queue->remove(middle));
    QVERIFY(!m_queue->remove(QStringLiteral("no-such-op")));

    QCOMPARE(count.size(), 1);
    QCOMPARE(count.at(0).at(0).toInt(), 2);
    QCOMPARE(describe(m_queue->operations()),
        (QStringList {
            normalized(QStringLiteral("read {'ids':['a']}")), normalized(QStringLiteral("ack {'ids':['c']}"))}));
    QVERIFY(!m_queue->find(middle));
    QVERIFY(m_queue->touching(QStringLiteral("b")).isEmpty());

    reopen();
    QCOMPARE(m_queue->count(), 2);
    QVERIFY(!m_queue->find(middle));
    // A read of b is possible again once its delete is gone.
    QVERIFY(m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['b']}"))));
}

void TestOfflineQueue::countChanged_emittedOnlyWhenTheCountMoves()
{
    QSignalSpy count(m_queue.get(), &OfflineQueue::countChanged);
    auto counts = [&count] {
        QList<int> out;
        for (const QList<QVariant> &args : std::as_const(count))
            out.append(args.at(0).toInt());
        return out;
    };

    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a']}")));
    QCOMPARE(counts(), QList<int> {1});
    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a']}"))); // coalesced away
    m_queue->enqueue(Operation::Kind::Unread, json(QStringLiteral("{'ids':['a']}"))); // replaces the read
    QCOMPARE(counts(), QList<int> {1});
    QCOMPARE(m_queue->count(), 1);
    m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['a']}")));
    m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['b']}"))); // merged
    QCOMPARE(counts(), (QList<int> {1, 2}));
    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['c']}")));
    QCOMPARE(counts(), (QList<int> {1, 2, 3}));
    // One delete voids the unread of a and the read of c: one signal for the net change.
    m_queue->enqueue(Operation::Kind::Delete, json(QStringLiteral("{'ids':['a','c']}")));
    QCOMPARE(counts(), (QList<int> {1, 2, 3, 2}));
    QVERIFY(m_queue->markSent(m_queue->operations().first().opId));
    QCOMPARE(counts(), (QList<int> {1, 2, 3, 2}));
    m_queue->clear();
    QCOMPARE(counts(), (QList<int> {1, 2, 3, 2, 0}));
    QVERIFY(m_queue->isEmpty());
    reopen();
    QVERIFY(m_queue->isEmpty());
}

void TestOfflineQueue::touching_listsOperationsOfOneNotification()
{
    m_queue->enqueue(Operation::Kind::Read, json(QStringLiteral("{'ids':['a','b']}")));
    QVERIFY(m_queue->markSent(m_queue->operations().first().opId));
    m_queue->enqueue(Operation::Kind::Unread, json(QStringLiteral("{'ids':['a']}")));
    m_queue->enqueue(Operation::Kind::Ack, json(QStringLiteral("{'ids':['a']}")));

    const QList<Operation> touchingA = m_queue->touching(QStringLiteral("a"));
    QCOMPARE(touchingA.size(), 2);
    QCOMPARE(touchingA.at(0).kind, Operation::Kind::Read);
    QCOMPARE(touchingA.at(1).kind, Operation::Kind::Unread);
    QCOMPARE(m_queue->touching(QStringLiteral("a"), touchingA.at(0).opId).size(), 1);
    QCOMPARE(m_queue->touching(QStringLiteral("b")).size(), 1);
    QVERIFY(m_queue->touching(QStringLiteral("zzz")).isEmpty());
}

void TestOfflineQueue::acks_mergeOnlyUpToOneFramesWorthOfIds()
{
    auto ids = [](int from, int count) {
        QJsonArray out;
        for (int i = from; i < from + count; ++i)
            out.append(QStringLiteral("n%1").arg(i));
        return QJsonObject {{QStringLiteral("ids"), out}};
    };
    m_queue->enqueue(Operation::Kind::Ack, ids(0, 900));
    m_queue->enqueue(Operation::Kind::Ack, ids(900, 100)); // exactly 1,000: merged
    QCOMPARE(m_queue->count(), 1);
    QCOMPARE(m_queue->operations().first().ids().size(), 1000);
    m_queue->enqueue(Operation::Kind::Ack, ids(1000, 1)); // one more would not fit a frame
    QCOMPARE(m_queue->count(), 2);
    QCOMPARE(m_queue->operations().last().ids(), QStringList {QStringLiteral("n1000")});
}

QTEST_GUILESS_MAIN(TestOfflineQueue)
#include "tst_offlinequeue.moc"
