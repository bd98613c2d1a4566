#include "store/Migrations.h"
#include "store/SqliteStore.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Tidings;
using namespace Tidings::Server;

namespace {

const QDateTime T0(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc());

// A raw connection to the file, as an older tidingsd (or another process) has it.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_open = m_db.open();
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    [[nodiscard]] bool isOpen() const { return m_open; }
    QSqlDatabase &db() { return m_db; }

    [[nodiscard]] bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    [[nodiscard]] QVariant value(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    [[nodiscard]] bool hasTable(const QString &name)
    {
        return value(
                   QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'").arg(name))
                   .toInt()
            == 1;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migrations_areAscendingFromOne();
    void apply_toVersion1_createsOnlyTheCore();
    void open_version1Database_upgradesToLatestKeepingData();
    void open_twice_appliesNothingTheSecondTime();
    void apply_atLatest_isNoOp();
    void apply_failingStatement_rollsBackTheWholeMigration();
    void open_newerSchemaThanCode_isRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("tidings.db"));
}

void TestMigrations::cleanup()
{
    m_dir.reset();
}

void TestMigrations::migrations_areAscendingFromOne()
{
    const auto &all = Migrations::all();
    QVERIFY(all.size() >= 2);
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).version, i + 1);
        QVERIFY(!all.at(i).statements.isEmpty());
        QVERIFY(!all.at(i).description.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), all.constLast().version);
}

void TestMigrations::apply_toVersion1_createsOnlyTheCore()
{
    RawDb raw(m_path);
    QVERIFY(raw.isOpen());
    QCOMPARE(Migrations::currentVersion(raw.db()), 0);
    QString error;
    QVERIFY2(Migrations::apply(raw.db(), 1, &error), qPrintable(error));
    QCOMPARE(Migrations::currentVersion(raw.db()), 1);
    for (const char *table :
        {"meta", "users", "devices", "refresh_tokens", "api_tokens", "topics", "topic_subscriptions", "preferences",
            "messages", "inbox", "stream_heads", "stream_events", "idempotency_keys"})
        QVERIFY2(raw.hasTable(QString::fromLatin1(table)), table);
    for (const char *table : {"templates", "template_versions", "delivery_jobs", "delivery_log", "client_operations"})
        QVERIFY2(!raw.hasTable(QString::fromLatin1(table)), table);
}

void TestMigrations::open_version1Database_upgradesToLatestKeepingData()
{
    const QString alice = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 at = T0.toMSecsSinceEpoch();
    {
        // What a v1 tidingsd left behind: a user with one notification (seq 1).
        RawDb raw(m_path);
        QVERIFY(Migrations::apply(raw.db(), 1));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('epoch', 'old-epoch')")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO users (id, username, username_key, role, created_at)"
                                        " VALUES ('%1', 'Alice', 'alice', 'user', %2)")
                             .arg(alice)
                             .arg(at)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO messages (id, topic, title, priority, created_at)"
                                        " VALUES ('m1', 'orders', 'Shipped', 4, %1)")
                             .arg(at)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO inbox (user_id, message_id, seq, topic, status, created_at)"
                                        " VALUES ('%1', 'm1', 1, 'orders', 'pending', %2)")
                             .arg(alice)
                             .arg(at)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO stream_heads (user_id, head_seq) VALUES ('%1', 1)").arg(alice)));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO stream_events (user_id, seq, kind, message_id, at)"
                                        " VALUES ('%1', 1, 'notification', 'm1', %2)")
                             .arg(alice)
                             .arg(at)));
    }

    SqliteStore store(m_path);
    QVERIFY2(store.open(), qPrintable(store.lastError()));
    QCOMPARE(store.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(store.epoch(), QStringLiteral("old-epoch"));
    QCOMPARE(store.userByUsername(QStringLiteral("ALICE"))->id, alice);
    const InboxPage page = store.inbox(alice, {}, T0.addDays(1));
    QCOMPARE(page.total, 1);
    QCOMPARE(page.notifications.constFirst().content.title, QStringLiteral("Shipped"));
    QCOMPARE(page.notifications.constFirst().content.priority, Priority::High);
    const StreamSlice slice = store.eventsSince(alice, 0, 10);
    QCOMPARE(slice.events.size(), 1);
    QCOMPARE(slice.events.constFirst().notification.id, QStringLiteral("m1"));

    // The upgraded database works for old and new features alike.
    MessageRecord m;
    m.id = QStringLiteral("m2");
    m.content.title = QStringLiteral("After upgrade");
    m.createdAt = T0.addSecs(60);
    const auto outcome = store.publish(m, {alice}, {}, {}, {});
    QVERIFY(outcome);
    QCOMPARE(outcome->recipientSeqs.constFirst().second, 2);
    QVERIFY(store.recordOperation(alice, QStringLiteral("op-1"), T0));
    QVERIFY(!store.recordOperation(alice, QStringLiteral("op-1"), T0));
}

void TestMigrations::open_twice_appliesNothingTheSecondTime()
{
    QString epoch;
    QVariant appliedAt;
    {
        SqliteStore store(m_path);
        QVERIFY(store.open());
        QVERIFY(store.open()); // on an open store, too
        epoch = store.epoch();
    }
    {
        RawDb raw(m_path);
        appliedAt = raw.value(QStringLiteral("SELECT group_concat(applied_at) FROM schema_migrations"));
    }
    {
        SqliteStore store(m_path);
        QVERIFY(store.open());
        QCOMPARE(store.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(store.epoch(), epoch);
    }
    RawDb raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(), Migrations::latestVersion());
    QCOMPARE(raw.value(QStringLiteral("SELECT group_concat(applied_at) FROM schema_migrations")), appliedAt);
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'epoch'")).toInt(), 1);
}

void TestMigrations::apply_atLatest_isNoOp()
{
    RawDb raw(m_path);
    QVERIFY(Migrations::apply(raw.db()));
    QVERIFY(Migrations::apply(raw.db()));
    QVERIFY(Migrations::apply(raw.db(), 1)); // a lower target never goes back
    QCOMPARE(Migrations::currentVersion(raw.db()), Migrations::latestVersion());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(), Migrations::latestVersion());
}

void TestMigrations::apply_failingStatement_rollsBackTheWholeMigration()
{
    RawDb raw(m_path);
    QVERIFY(Migrations::apply(raw.db(), 1));
    // Something in the way of a late statement of v2: its earlier statements must not stay.
    QVERIFY(raw.exec(QStringLiteral("CREATE TABLE client_operations (x INTEGER)")));
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("migration 2 failed")));
    QVERIFY(!Migrations::apply(raw.db(), -1, &error));
    QVERIFY2(error.contains(QLatin1String("migration 2")), qPrintable(error));
    QCOMPARE(Migrations::currentVersion(raw.db()), 1);
    QVERIFY(!raw.hasTable(QStringLiteral("templates")));
    QVERIFY(!raw.hasTable(QStringLiteral("delivery_jobs")));
}

void TestMigrations::open_newerSchemaThanCode_isRefused()
{
    {
        RawDb raw(m_path);
        QVERIFY(Migrations::apply(raw.db()));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at)"
                                        " VALUES (999, 'from the future', 0)")));
    }
    SqliteStore store(m_path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("newer than this tidingsd")));
    QVERIFY(!store.open());
    QVERIFY2(store.lastError().contains(QLatin1String("999")), qPrintable(store.lastError()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not open")));
    QVERIFY(!store.ping());
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
