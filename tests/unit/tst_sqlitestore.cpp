#include "store/Migrations.h"
#include "store/SqliteStore.h"
#include "support/WalInspector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace Tidings;
using namespace Tidings::Server;

using Tidings::Test::walCommits;
namespace {

const QDateTime T0(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc());

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs one query on a separate connection, as another process would see the file.
QVariant inspect(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("inspect-") + newId();
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

PublishItem item(const MessageRecord &message, const QStringList &recipients, const QString &senderKey = {},
    const QString &idempotencyKey = {}, const QJsonObject &response = {})
{
    return PublishItem {message, recipients, senderKey, idempotencyKey, response, {}};
}

using Seqs = QList<QPair<QString, qint64>>;

} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void open_newDatabase_hasLatestSchemaWalAndEpoch();
    void reopen_keepsDataAndEpoch();
    void createUser_duplicateUsername_isRejectedCaseInsensitively_data();
    void createUser_duplicateUsername_isRejectedCaseInsensitively();
    void users_readUpdateAndPasswordHash();
    void listUsers_searchAndPaging_data();
    void listUsers_searchAndPaging();
    void resolveUserRefs_acceptsIdsAndUsernames_dropsUnknownAndDuplicates();
    void roleAndAllUserQueries_skipDisabledUsers();
    void devices_upsertKeepsRegisteredFields_deleteReportsAbsence();
    void refreshTokens_rotationAndRevocationFields();
    void apiTokens_lookupByHashListTouchDelete();
    void topicsAndSubscriptions_aclsRoundTrip_subscribersAreEnabledUsers();
    void preferences_absentUntilSaved_thenReplaced();
    void recordsToJson_neverExposeSecrets();

    void publish_multipleRecipients_seqsIncreasePerUserIndependently();
    void publish_sameIdempotencyKey_replaysAndWritesNothing();
    void publish_scheduled_takesNoSeqAndNoEvent();
    void publish_unknownRecipient_writesNothing();
    void publishBatch_storesAllInOneTransaction();
    void publishBatch_sameIdempotencyKeyInOneBatch_secondIsReplayed();
    void publishBatch_failure_rollsBackEveryItem_data();
    void publishBatch_failure_rollsBackEveryItem();
    void inbox_filters_data();
    void inbox_filters();
    void inbox_paginationIsNewestFirstWithTotal();
    void inbox_hidesExpiredAndDeleted();
    void inboxItem_reportsPerRecipientStatus();
    void unreadCounts_byTopic_countsTopiclessInTotalOnly();
    void markRead_appendsOneEvent_repeatAppendsNone();
    void markUnread_onlyReadRowsChange();
    void markAllRead_topicAndUpToSeq_oneEventOnlyWhenRowsChange();
    void deleteFromInbox_softDeletes_notificationStillReplayable();
    void otherUsersIds_areNeverChanged();
    void markDelivered_onlyPendingRowsChange();
    void eventsSince_ascendingWithLimit_reconstructsPayloads();
    void eventsSince_afterPruningOrAheadOfHead_requiresResync();
    void seqBefore_isLastSeqBeforeTime();
    void recordOperation_secondTimeReturnsFalse();
    void jobs_createdOnlyWhereTheChannelReaches();
    void claimAndComplete_onlyJobsStillSendingChange();
    void reclaim_returnsInFlightJobsToPending_andLogsIt();
    void retryJob_onlyDeadLetters();
    void releaseScheduled_assignsSeqs_cancelStopsIt();

private:
    QString addUser(const QString &username, const QString &role = QStringLiteral("user"), bool disabled = false);
    MessageRecord message(
        const QString &title, const QString &topic = QStringLiteral("orders"), const QDateTime &at = T0) const;
    // Publishes one message per title to `users`; returns the message ids.
    QStringList publishAll(const QStringList &titles, const QStringList &users, const QString &topic = {});
    qint64 rows(const QString &table) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<SqliteStore> m_store;
    int m_minute = 0;
};

void TestSqliteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("data/tidings.db"));
    m_store = std::make_unique<SqliteStore>(m_path);
    QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
    m_minute = 0;
}

void TestSqliteStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestSqliteStore::addUser(const QString &username, const QString &role, bool disabled)
{
    User u;
    u.id = newId();
    u.username = username;
    u.displayName = username.toUpper();
    u.email = username + QStringLiteral("@example.org");
    u.role = role;
    u.disabled = disabled;
    u.createdAt = T0;
    if (!m_store->createUser(u, QByteArrayLiteral("$argon2id$hash")))
        qWarning("createUser failed: %s", qPrintable(m_store->lastError()));
    return u.id;
}

MessageRecord TestSqliteStore::message(const QString &title, const QString &topic, const QDateTime &at) const
{
    MessageRecord m;
    m.id = newId();
    m.content.topic = topic;
    m.content.type = QStringLiteral("order_status");
    m.content.title = title;
    m.content.message = QStringLiteral("Body of ") + title;
    m.content.priority = Priority::High;
    m.content.tags = QStringList {QStringLiteral("package")};
    m.content.click = QStringLiteral("https://shop.example/orders/1");
    m.content.actions = {NotificationAction {QStringLiteral("open"), QStringLiteral("Open"), QStringLiteral("view"),
        QStringLiteral("https://shop.example")}};
    m.content.data = QJsonObject {{QStringLiteral("orderId"), QStringLiteral("12345")}};
    m.sender = Sender {QStringLiteral("token"), QStringLiteral("t1"), QStringLiteral("shop-backend")};
    m.channels = QStringList {QStringLiteral("inApp")};
    m.createdAt = at;
    return m;
}

QStringList TestSqliteStore::publishAll(const QStringList &titles, const QStringList &users, const QString &topic)
{
    QStringList ids;
    for (const QString &title : titles) {
        const MessageRecord m = message(title, topic, T0.addSecs(60 * ++m_minute));
        const auto outcome = m_store->publish(m, users, {}, {}, {});
        if (!outcome)
            qWarning("publish failed: %s", qPrintable(m_store->lastError()));
        ids.append(m.id);
    }
    return ids;
}

qint64 TestSqliteStore::rows(const QString &table) const
{
    return inspect(m_path, QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
}

// ---- lifetime

void TestSqliteStore::open_newDatabase_hasLatestSchemaWalAndEpoch()
{
    QCOMPARE(m_store->schemaVersion(), Migrations::latestVersion());
    QVERIFY(m_store->ping());
    QVERIFY(!QUuid::fromString(m_store->epoch()).isNull());
    QCOMPARE(inspect(m_path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestSqliteStore::reopen_keepsDataAndEpoch()
{
    const QString alice = addUser(QStringLiteral("alice"));
    publishAll({QStringLiteral("one"), QStringLiteral("two")}, {alice});
    const QString epoch = m_store->epoch();

    m_store = std::make_unique<SqliteStore>(m_path);
    QVERIFY(m_store->open());
    QCOMPARE(m_store->epoch(), epoch);
    QCOMPARE(m_store->userById(alice)->username, QStringLiteral("alice"));
    QCOMPARE(m_store->headSeq(alice), 2);
    QCOMPARE(m_store->inbox(alice, {}, T0.addDays(1)).total, 2);
}

// ---- users

void TestSqliteStore::createUser_duplicateUsername_isRejectedCaseInsensitively_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("same") << QStringLiteral("Alice") << QStringLiteral("Alice");
    QTest::newRow("lower") << QStringLiteral("Alice") << QStringLiteral("alice");
    QTest::newRow("upper") << QStringLiteral("Alice") << QStringLiteral("ALICE");
    // SQLite's own lower() and LIKE fold ASCII only.
    QTest::newRow("non-ASCII") << QStringLiteral("\u00C4rger") << QStringLiteral("\u00E4RGER");
}

void TestSqliteStore::createUser_duplicateUsername_isRejectedCaseInsensitively()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    addUser(first);
    User dup;
    dup.id = newId();
    dup.username = second;
    QVERIFY(!m_store->createUser(dup, {}));
    QCOMPARE(m_store->lastError(), QStringLiteral("username already exists"));
    QCOMPARE(m_store->countUsers({}), 1);
}

void TestSqliteStore::users_readUpdateAndPasswordHash()
{
    const QString id = addUser(QStringLiteral("Bob"), QStringLiteral("publisher"));
    auto bob = m_store->userByUsername(QStringLiteral("bOB"));
    QVERIFY(bob);
    QCOMPARE(bob->id, id);
    QCOMPARE(bob->username, QStringLiteral("Bob"));
    QCOMPARE(bob->role, QStringLiteral("publisher"));
    QCOMPARE(bob->createdAt, T0);
    QCOMPARE(m_store->passwordHash(id), QByteArrayLiteral("$argon2id$hash"));

    bob->displayName = QStringLiteral("Robert");
    bob->email = QStringLiteral("robert@example.org");
    bob->role = QStringLiteral("admin");
    bob->disabled = true;
    QVERIFY(m_store->updateUser(*bob));
    const auto reread = m_store->userById(id);
    QCOMPARE(reread->displayName, QStringLiteral("Robert"));
    QCOMPARE(reread->email, QStringLiteral("robert@example.org"));
    QCOMPARE(reread->role, QStringLiteral("admin"));
    QVERIFY(reread->disabled);

    QVERIFY(m_store->setPasswordHash(id, QByteArrayLiteral("new")));
    QCOMPARE(m_store->passwordHash(id), QByteArrayLiteral("new"));

    User ghost;
    ghost.id = newId();
    QVERIFY(!m_store->updateUser(ghost));
    QVERIFY(!m_store->userById(ghost.id));
    QVERIFY(!m_store->userByUsername(QStringLiteral("ghost")));
}

void TestSqliteStore::listUsers_searchAndPaging_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qint64>("count");
    QTest::newRow("all") << QString() << 0 << 10
                         << QStringList {QStringLiteral("alice"), QStringLiteral("Alicia"), QStringLiteral("bob"),
                                QStringLiteral("carol_1")}
                         << qint64(4);
    QTest::newRow("page 2") << QString() << 2 << 1 << QStringList {QStringLiteral("bob")} << qint64(4);
    QTest::newRow("username, any case") << QStringLiteral("ALI") << 0 << 10
                                        << QStringList {QStringLiteral("alice"), QStringLiteral("Alicia")} << qint64(2);
    QTest::newRow("display name") << QStringLiteral("bO") << 0 << 10 << QStringList {QStringLiteral("bob")}
                                  << qint64(1);
    QTest::newRow("email") << QStringLiteral("carol_1@") << 0 << 10 << QStringList {QStringLiteral("carol_1")}
                           << qint64(1);
    QTest::newRow("underscore is literal")
        << QStringLiteral("l_") << 0 << 10 << QStringList {QStringLiteral("carol_1")} << qint64(1);
    QTest::newRow("percent is literal") << QStringLiteral("%") << 0 << 10 << QStringList {} << qint64(0);
}

void TestSqliteStore::listUsers_searchAndPaging()
{
    QFETCH(QString, search);
    QFETCH(int, offset);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(qint64, count);
    for (const char *name : {"bob", "Alicia", "carol_1", "alice"})
        addUser(QString::fromLatin1(name));
    QStringList names;
    for (const User &u : m_store->listUsers(search, offset, limit))
        names.append(u.username);
    QCOMPARE(names, expected);
    QCOMPARE(m_store->countUsers(search), count);
}

void TestSqliteStore::resolveUserRefs_acceptsIdsAndUsernames_dropsUnknownAndDuplicates()
{
    const QString alice = addUser(QStringLiteral("alice"));
    const QString bob = addUser(QStringLiteral("bob"));
    const QString carol = addUser(QStringLiteral("carol"), QStringLiteral("user"), true);
    const QStringList resolved = m_store->resolveUserRefs(
        {QStringLiteral("BOB"), alice, QStringLiteral("nobody"), newId(), bob, QStringLiteral("carol")});
    QCOMPARE(resolved, (QStringList {bob, alice, carol}));
    QVERIFY(m_store->resolveUserRefs({}).isEmpty());
}

void TestSqliteStore::roleAndAllUserQueries_skipDisabledUsers()
{
    const QString admin = addUser(QStringLiteral("admin"), QStringLiteral("admin"));
    const QString pub = addUser(QStringLiteral("pub"), QStringLiteral("publisher"));
    addUser(QStringLiteral("retired"), QStringLiteral("publisher"), true);
    const QString user = addUser(QStringLiteral("user"));
    QCOMPARE(m_store->userIdsWithRoles({QStringLiteral("publisher")}), QStringList {pub});
    QCOMPARE(
        m_store->userIdsWithRoles({QStringLiteral("admin"), QStringLiteral("publisher")}), (QStringList {admin, pub}));
    QCOMPARE(m_store->allUserIds(), (QStringList {admin, pub, user}));
}

// ---- devices and tokens

void TestSqliteStore::devices_upsertKeepsRegisteredFields_deleteReportsAbsence()
{
    const QString alice = addUser(QStringLiteral("alice"));
    Device d;
    d.id = QStringLiteral("laptop");
    d.userId = alice;
    d.name = QStringLiteral("Laptop");
    d.platform = QStringLiteral("linux");
    d.pushSubscription = QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("https://push.example/1")}};
    d.createdAt = T0;
    d.lastSeenAt = T0;
    QVERIFY(m_store->upsertDevice(d));

    // A login that only knows the device id must not wipe what was registered.
    Device login;
    login.id = d.id;
    login.userId = alice;
    login.createdAt = T0.addDays(1);
    login.lastSeenAt = T0.addDays(1);
    QVERIFY(m_store->upsertDevice(login));

    const auto stored = m_store->device(alice, d.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, d.name);
    QCOMPARE(stored->platform, d.platform);
    QCOMPARE(stored->pushSubscription, d.pushSubscription);
    QCOMPARE(stored->createdAt, T0);
    QCOMPARE(stored->lastSeenAt, T0.addDays(1));

    const QString bob = addUser(QStringLiteral("bob"));
    d.userId = bob; // device ids are per user
    QVERIFY(m_store->upsertDevice(d));
    QCOMPARE(m_store->devices(alice).size(), 1);
    QVERIFY(m_store->deleteDevice(alice, d.id));
    QVERIFY(!m_store->deleteDevice(alice, d.id));
    QVERIFY(m_store->devices(alice).isEmpty());
    QCOMPARE(m_store->devices(bob).size(), 1);
}

void TestSqliteStore::refreshTokens_rotationAndRevocationFields()
{
    const QString alice = addUser(QStringLiteral("alice"));
    const auto token = [&](const char *hash, const QString &device, const QString &family) {
        RefreshTokenRecord r;
        r.tokenHash = QByteArray(hash);
        r.userId = alice;
        r.deviceId = device;
        r.familyId = family;
        r.createdAt = T0;
        r.expiresAt = T0.addDays(30);
        return r;
    };
    QVERIFY(m_store->insertRefreshToken(token("aa01", QStringLiteral("laptop"), QStringLiteral("f1"))));
    QVERIFY(m_store->insertRefreshToken(token("aa02", QStringLiteral("laptop"), QStringLiteral("f1"))));
    QVERIFY(m_store->insertRefreshToken(token("bb01", QStringLiteral("phone"), QStringLiteral("f2"))));
    QVERIFY(m_store->insertRefreshToken(token("cc01", QStringLiteral("tablet"), QStringLiteral("f3"))));

    auto r = m_store->refreshToken("aa01");
    QVERIFY(r);
    QCOMPARE(r->familyId, QStringLiteral("f1"));
    QCOMPARE(r->deviceId, QStringLiteral("laptop"));
    QCOMPARE(r->expiresAt, T0.addDays(30));
    QVERIFY(r->usedAt.isNull());
    QVERIFY(r->revokedAt.isNull());
    QVERIFY(!m_store->refreshToken("ffff"));

    QVERIFY(m_store->markRefreshTokenUsed("aa01", T0.addSecs(10)));
    QVERIFY(m_store->markRefreshTokenUsed("aa01", T0.addSecs(20))); // the first use is what counts
    QCOMPARE(m_store->refreshToken("aa01")->usedAt, T0.addSecs(10));

    QVERIFY(m_store->revokeRefreshFamily(QStringLiteral("f1"), T0.addSecs(30)));
    QCOMPARE(m_store->refreshToken("aa02")->revokedAt, T0.addSecs(30));
    QVERIFY(m_store->refreshToken("bb01")->revokedAt.isNull());

    QVERIFY(m_store->revokeDeviceRefreshTokens(alice, QStringLiteral("phone"), T0.addSecs(40)));
    QCOMPARE(m_store->refreshToken("bb01")->revokedAt, T0.addSecs(40));
    QVERIFY(m_store->refreshToken("cc01")->revokedAt.isNull());

    QVERIFY(m_store->revokeUserRefreshTokens(alice, T0.addSecs(50)));
    QCOMPARE(m_store->refreshToken("cc01")->revokedAt, T0.addSecs(50));
    QCOMPARE(m_store->refreshToken("aa02")->revokedAt, T0.addSecs(30));
}

void TestSqliteStore::apiTokens_lookupByHashListTouchDelete()
{
    const QString alice = addUser(QStringLiteral("alice"));
    const QString bob = addUser(QStringLiteral("bob"));
    ApiToken t;
    t.id = newId();
    t.userId = alice;
    t.name = QStringLiteral("shop-backend");
    t.scopes = {QStringLiteral("publish")};
    t.topicGlobs = {QStringLiteral("orders*")};
    t.tokenHash = "0123abcd";
    t.createdAt = T0;
    QVERIFY(m_store->insertApiToken(t));
    ApiToken other = t;
    other.id = newId();
    other.userId = bob;
    other.tokenHash = "4567ef";
    other.createdAt = T0.addSecs(1);
    QVERIFY(m_store->insertApiToken(other));

    const auto found = m_store->apiTokenByHash("0123abcd");
    QVERIFY(found);
    QCOMPARE(found->id, t.id);
    QCOMPARE(found->scopes, t.scopes);
    QCOMPARE(found->topicGlobs, t.topicGlobs);
    QVERIFY(found->lastUsedAt.isNull());
    QCOMPARE(m_store->apiTokens(alice).size(), 1);
    QCOMPARE(m_store->apiTokens({}).size(), 2);

    m_store->touchApiToken(t.id, T0.addSecs(99));
    QCOMPARE(m_store->apiToken(t.id)->lastUsedAt, T0.addSecs(99));
    QVERIFY(m_store->deleteApiToken(t.id));
    QVERIFY(!m_store->deleteApiToken(t.id));
    QVERIFY(!m_store->apiTokenByHash("0123abcd"));
}

void TestSqliteStore::topicsAndSubscriptions_aclsRoundTrip_subscribersAreEnabledUsers()
{
    Topic orders;
    orders.name = QStringLiteral("orders");
    orders.description = QStringLiteral("Shop orders");
    orders.readAcl = {QStringLiteral("role:user"), QStringLiteral("user:42")};
    orders.createdAt = T0;
    Topic deploys;
    deploys.name = QStringLiteral("deploys");
    QVERIFY(m_store->upsertTopic(orders));
    QVERIFY(m_store->upsertTopic(deploys));
    orders.publishAcl = {QStringLiteral("*")};
    orders.groupingMode = QStringLiteral("replace");
    orders.createdAt = T0.addDays(5); // an update keeps the creation time
    QVERIFY(m_store->upsertTopic(orders));

    const auto stored = m_store->topic(QStringLiteral("orders"));
    QVERIFY(stored);
    QCOMPARE(stored->readAcl, orders.readAcl);
    QCOMPARE(stored->publishAcl, QStringList {QStringLiteral("*")});
    QCOMPARE(stored->groupingMode, QStringLiteral("replace"));
    QCOMPARE(stored->createdAt, T0);
    QVERIFY(!m_store->topic(QStringLiteral("nope")));
    QCOMPARE(m_store->topics().size(), 2);
    QCOMPARE(m_store->topics().constFirst().name, QStringLiteral("deploys"));

    const QString alice = addUser(QStringLiteral("alice"));
    const QString carol = addUser(QStringLiteral("carol"), QStringLiteral("user"), true);
    QVERIFY(m_store->subscribe(alice, QStringLiteral("orders")));
    QVERIFY(m_store->subscribe(alice, QStringLiteral("orders")));
    QVERIFY(m_store->subscribe(alice, QStringLiteral("adhoc"))); // topics need not be configured
    QVERIFY(m_store->subscribe(carol, QStringLiteral("orders")));
    QCOMPARE(m_store->subscriptions(alice), (QStringList {QStringLiteral("adhoc"), QStringLiteral("orders")}));
    QCOMPARE(m_store->subscribers(QStringLiteral("orders")), QStringList {alice});
    QCOMPARE(m_store->subscriberCount(QStringLiteral("orders")), 1);
    QVERIFY(m_store->unsubscribe(alice, QStringLiteral("orders")));
    QVERIFY(m_store->unsubscribe(alice, QStringLiteral("orders")));
    QVERIFY(m_store->subscribers(QStringLiteral("orders")).isEmpty());
}

void TestSqliteStore::preferences_absentUntilSaved_thenReplaced()
{
    const QString alice = addUser(QStringLiteral("alice"));
    QVERIFY(!m_store->preferences(alice));
    const QJsonObject first {{QStringLiteral("email"), false}};
    const QJsonObject second {{QStringLiteral("email"), true}, {QStringLiteral("push"), false}};
    QVERIFY(m_store->savePreferences(alice, first));
    QCOMPARE(*m_store->preferences(alice), first);
    QVERIFY(m_store->savePreferences(alice, second));
    QCOMPARE(*m_store->preferences(alice), second);
}

void TestSqliteStore::recordsToJson_neverExposeSecrets()
{
    ApiToken t;
    t.id = QStringLiteral("t1");
    t.name = QStringLiteral("ci");
    t.scopes = {QStringLiteral("publish")};
    t.topicGlobs = {QStringLiteral("deploys")};
    t.tokenHash = "secret-hash";
    t.createdAt = T0;
    const QJsonObject token = t.toJson();
    QCOMPARE(token.value(QLatin1String("createdAt")).toString(), QStringLiteral("2024-01-15T10:30:00.000Z"));
    QVERIFY(token.value(QLatin1String("lastUsedAt")).isNull());
    QCOMPARE(token.value(QLatin1String("topics")).toArray().first().toString(), QStringLiteral("deploys"));
    QVERIFY(!QJsonDocument(token).toJson().contains("secret-hash"));

    Device d;
    d.id = QStringLiteral("laptop");
    d.pushSubscription = QJsonObject {{QStringLiteral("keys"), QStringLiteral("p256dh-secret")}};
    d.createdAt = T0;
    const QJsonObject device = d.toJson();
    QVERIFY(device.value(QLatin1String("hasPushSubscription")).toBool());
    QVERIFY(!QJsonDocument(device).toJson().contains("p256dh-secret"));

    User u;
    u.id = QStringLiteral("u1");
    u.username = QStringLiteral("alice");
    u.createdAt = T0;
    const QJsonObject user = u.toJson();
    QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(user.value(QLatin1String("disabled")).toBool(true), false);
    QCOMPARE(user.value(QLatin1String("createdAt")).toString(), QStringLiteral("2024-01-15T10:30:00.000Z"));
}

// ---- publishing

void TestSqliteStore::publish_multipleRecipients_seqsIncreasePerUserIndependently()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const QString c = addUser(QStringLiteral("c"));
    const auto first = m_store->publish(message(QStringLiteral("1")), {a, b, a}, {}, {}, {});
    QVERIFY2(first, qPrintable(m_store->lastError()));
    QCOMPARE(first->recipientSeqs, (QList<QPair<QString, qint64>> {{a, 1}, {b, 1}}));
    const auto second = m_store->publish(message(QStringLiteral("2")), {c, a}, {}, {}, {});
    QVERIFY(second);
    QCOMPARE(second->recipientSeqs, (QList<QPair<QString, qint64>> {{c, 1}, {a, 2}}));
    QVERIFY(first->messageId != second->messageId);

    QCOMPARE(m_store->headSeq(a), 2);
    QCOMPARE(m_store->headSeq(b), 1);
    QCOMPARE(rows(QStringLiteral("messages")), 2);
    QCOMPARE(rows(QStringLiteral("inbox")), 4);
    QCOMPARE(rows(QStringLiteral("stream_events")), 4);

    const StreamSlice slice = m_store->eventsSince(a, 0, 100);
    QCOMPARE(slice.events.size(), 2);
    QCOMPARE(slice.events.at(0).notification.content.title, QStringLiteral("1"));
    QCOMPARE(slice.events.at(1).notification.seq, 2);
    const Notification n = slice.events.at(1).notification;
    const MessageRecord sent = message(QStringLiteral("2"));
    QCOMPARE(n.id, second->messageId);
    QCOMPARE(n.content.priority, Priority::High);
    QCOMPARE(n.content.tags, sent.content.tags);
    QCOMPARE(n.content.actions, sent.content.actions);
    QCOMPARE(n.content.data, sent.content.data);
    QCOMPARE(n.sender, sent.sender);
    QCOMPARE(n.createdAt, T0);
    QCOMPARE(n.status, QStringLiteral("pending"));
}

void TestSqliteStore::publish_sameIdempotencyKey_replaysAndWritesNothing()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const QJsonObject response {{QStringLiteral("id"), QStringLiteral("first")}};
    const auto first = m_store->publish(
        message(QStringLiteral("1")), {a, b}, QStringLiteral("token:t1"), QStringLiteral("key-1"), response);
    QVERIFY(first);
    QVERIFY(!first->replayedIdempotent);

    const auto replay = m_store->publish(message(QStringLiteral("1 again"), {}, T0.addSecs(23 * 3600)), {a, b},
        QStringLiteral("token:t1"), QStringLiteral("key-1"), {});
    QVERIFY(replay);
    QVERIFY(replay->replayedIdempotent);
    QCOMPARE(replay->messageId, first->messageId);
    QCOMPARE(replay->idempotentResponse, response);
    QCOMPARE(replay->recipientSeqs, first->recipientSeqs);
    QCOMPARE(rows(QStringLiteral("messages")), 1);
    QCOMPARE(rows(QStringLiteral("inbox")), 2);
    QCOMPARE(rows(QStringLiteral("stream_events")), 2);
    QCOMPARE(rows(QStringLiteral("idempotency_keys")), 1);
    QCOMPARE(m_store->headSeq(a), 1);

    // Another sender's key, or the same key a day later, is a new publish.
    const auto otherSender
        = m_store->publish(message(QStringLiteral("2")), {a}, QStringLiteral("token:t2"), QStringLiteral("key-1"), {});
    QVERIFY(otherSender && !otherSender->replayedIdempotent);
    const auto dayLater = m_store->publish(message(QStringLiteral("3"), {}, T0.addSecs(24 * 3600 + 1)), {a},
        QStringLiteral("token:t1"), QStringLiteral("key-1"), {});
    QVERIFY(dayLater && !dayLater->replayedIdempotent);
    QCOMPARE(rows(QStringLiteral("messages")), 3);
    QCOMPARE(m_store->headSeq(a), 3);
}

void TestSqliteStore::publish_scheduled_takesNoSeqAndNoEvent()
{
    const QString a = addUser(QStringLiteral("a"));
    MessageRecord m = message(QStringLiteral("later"));
    m.scheduledAt = T0.addSecs(3600);
    const auto outcome = m_store->publish(m, {a}, {}, {}, {});
    QVERIFY(outcome);
    QCOMPARE(outcome->recipientSeqs, (QList<QPair<QString, qint64>> {{a, 0}}));
    QCOMPARE(m_store->headSeq(a), 0);
    QCOMPARE(rows(QStringLiteral("inbox")), 1);
    QCOMPARE(rows(QStringLiteral("stream_events")), 0);
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT status FROM inbox")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(m_store->inbox(a, {}, T0.addDays(1)).total, 0);
    QCOMPARE(m_store->unreadCounts(a, T0.addDays(1)).total, 0);
    QVERIFY(!m_store->inboxItem(a, m.id, T0.addDays(1)));
    QVERIFY(m_store->markRead(a, {m.id}, T0.addDays(1))->event == std::nullopt);
}

void TestSqliteStore::publish_unknownRecipient_writesNothing()
{
    const QString a = addUser(QStringLiteral("a"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("FOREIGN KEY constraint failed")));
    QVERIFY(
        !m_store->publish(message(QStringLiteral("x")), {a, newId()}, QStringLiteral("s"), QStringLiteral("k"), {}));
    QVERIFY(!m_store->lastError().isEmpty());
    for (const char *table : {"messages", "inbox", "stream_events", "stream_heads", "idempotency_keys"})
        QCOMPARE(rows(QString::fromLatin1(table)), 0);
}

void TestSqliteStore::publishBatch_storesAllInOneTransaction()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    // `a` already has a stream: the batch continues it.
    const int before = walCommits(m_path);
    QVERIFY(before > 0);
    QVERIFY(m_store->publish(message(QStringLiteral("earlier")), {a}, {}, {}, {}));
    QCOMPARE(walCommits(m_path), before + 1); // the counter sees one commit per transaction

    const MessageRecord m1 = message(QStringLiteral("1"), QStringLiteral("orders"), T0.addSecs(1));
    const MessageRecord m2 = message(QStringLiteral("2"), QStringLiteral("deploys"), T0.addSecs(2));
    const MessageRecord m3 = message(QStringLiteral("3"), QStringLiteral("orders"), T0.addSecs(3));
    const auto outcomes = m_store->publishBatch({item(m1, {a, b}), item(m2, {a}), item(m3, {b, a})});
    QVERIFY2(outcomes, qPrintable(m_store->lastError()));
    QCOMPARE(walCommits(m_path), before + 2); // the three publishes were one commit

    QCOMPARE(outcomes->size(), 3);
    QCOMPARE(outcomes->at(0).messageId, m1.id);
    QCOMPARE(outcomes->at(1).messageId, m2.id);
    QCOMPARE(outcomes->at(2).messageId, m3.id);
    for (const PublishOutcome &o : *outcomes)
        QVERIFY(!o.replayedIdempotent);
    // Each user's seqs go up by one per item, in batch order, independently of the other's.
    QCOMPARE(outcomes->at(0).recipientSeqs, (Seqs {{a, 2}, {b, 1}}));
    QCOMPARE(outcomes->at(1).recipientSeqs, (Seqs {{a, 3}}));
    QCOMPARE(outcomes->at(2).recipientSeqs, (Seqs {{b, 2}, {a, 4}}));
    QCOMPARE(m_store->headSeq(a), 4);
    QCOMPARE(m_store->headSeq(b), 2);

    QCOMPARE(rows(QStringLiteral("messages")), 4);
    QCOMPARE(rows(QStringLiteral("inbox")), 6);
    QCOMPARE(rows(QStringLiteral("stream_events")), 6);
    const InboxPage inboxA = m_store->inbox(a, {}, T0.addDays(1));
    QCOMPARE(inboxA.total, 4);
    const InboxPage inboxB = m_store->inbox(b, {}, T0.addDays(1));
    QCOMPARE(inboxB.total, 2);
    QCOMPARE(inboxB.notifications.at(0).id, m3.id); // newest first
    QCOMPARE(inboxB.notifications.at(0).seq, 2);
    QCOMPARE(inboxB.notifications.at(1).id, m1.id);
    QCOMPARE(inboxB.notifications.at(1).seq, 1);
    QCOMPARE(m_store->unreadCounts(a, T0.addDays(1)).byTopic.value(QStringLiteral("deploys")), 1);

    const StreamSlice slice = m_store->eventsSince(a, 1, 100);
    QCOMPARE(slice.events.size(), 3);
    QCOMPARE(slice.headSeq, 4);
    const QStringList expected {m1.id, m2.id, m3.id};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(slice.events.at(i).seq, i + 2);
        QCOMPARE(slice.events.at(i).notification.id, expected.at(i));
        QCOMPARE(slice.events.at(i).notification.content.title, QString::number(i + 1));
    }
}

void TestSqliteStore::publishBatch_sameIdempotencyKeyInOneBatch_secondIsReplayed()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const MessageRecord first = message(QStringLiteral("first"));
    const MessageRecord again = message(QStringLiteral("again"), {}, T0.addSecs(1));
    const MessageRecord otherSender = message(QStringLiteral("other sender"), {}, T0.addSecs(2));
    const QJsonObject firstResponse {{QStringLiteral("id"), first.id}, {QStringLiteral("recipients"), 2}};
    const QJsonObject againResponse {{QStringLiteral("id"), again.id}, {QStringLiteral("recipients"), 1}};
    const QString key = QStringLiteral("order-12345");

    const auto outcomes = m_store->publishBatch({
        item(first, {a, b}, QStringLiteral("token:t1"), key, firstResponse),
        item(again, {a}, QStringLiteral("token:t1"), key, againResponse),
        item(otherSender, {a}, QStringLiteral("token:t2"), key, {}),
    });
    QVERIFY2(outcomes, qPrintable(m_store->lastError()));
    QCOMPARE(outcomes->size(), 3);

    const PublishOutcome &stored = outcomes->at(0);
    QVERIFY(!stored.replayedIdempotent);
    QCOMPARE(stored.messageId, first.id);
    QCOMPARE(stored.recipientSeqs, (Seqs {{a, 1}, {b, 1}}));

    // The second sees the first although neither is committed yet: it is a replay.
    const PublishOutcome &replay = outcomes->at(1);
    QVERIFY(replay.replayedIdempotent);
    QCOMPARE(replay.messageId, first.id);
    QCOMPARE(replay.idempotentResponse, firstResponse);
    QCOMPARE(replay.recipientSeqs, stored.recipientSeqs);

    // The same key from another sender is its own publish.
    QVERIFY(!outcomes->at(2).replayedIdempotent);
    QCOMPARE(outcomes->at(2).recipientSeqs, (Seqs {{a, 2}}));

    // Nothing of the replayed item was written.
    QCOMPARE(rows(QStringLiteral("messages")), 2);
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT COUNT(*) FROM messages WHERE id = '%1'").arg(again.id)).toInt(), 0);
    QCOMPARE(rows(QStringLiteral("inbox")), 3);
    QCOMPARE(rows(QStringLiteral("stream_events")), 3);
    QCOMPARE(rows(QStringLiteral("idempotency_keys")), 2);
    QCOMPARE(m_store->headSeq(a), 2);
    QCOMPARE(m_store->headSeq(b), 1);
    QCOMPARE(
        inspect(m_path,
            QStringLiteral("SELECT message_id FROM idempotency_keys WHERE sender_key = 'token:t1' AND idem_key = '%1'")
                .arg(key))
            .toString(),
        first.id);
}

void TestSqliteStore::publishBatch_failure_rollsBackEveryItem_data()
{
    QTest::addColumn<int>("failingIndex");
    QTest::newRow("the first item fails") << 0;
    QTest::newRow("a middle item fails") << 1;
    QTest::newRow("the last item fails") << 2;
}

void TestSqliteStore::publishBatch_failure_rollsBackEveryItem()
{
    QFETCH(int, failingIndex);
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const MessageRecord existing = message(QStringLiteral("existing"));
    QVERIFY(m_store->publish(existing, {a}, {}, {}, {}));

    QList<PublishItem> items {
        item(message(QStringLiteral("to a and b"), {}, T0.addSecs(1)), {a, b}, QStringLiteral("token:t1"),
            QStringLiteral("key-1"), {{QStringLiteral("id"), QStringLiteral("x")}}),
        item(message(QStringLiteral("to b"), QStringLiteral("deploys"), T0.addSecs(2)), {b}),
        item(message(QStringLiteral("to a"), {}, T0.addSecs(3)), {a}, QStringLiteral("token:t1"),
            QStringLiteral("key-3"), {}),
    };
    // messages.id is the primary key: reusing an existing message's id fails in SQL.
    items[failingIndex].message.id = existing.id;

    const int commitsBefore = walCommits(m_path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("UNIQUE constraint failed")));
    QVERIFY(!m_store->publishBatch(items));
    QVERIFY(m_store->lastError().contains(QLatin1String("UNIQUE")));
    QCOMPARE(walCommits(m_path), commitsBefore);

    // Only what was there before the batch.
    QCOMPARE(rows(QStringLiteral("messages")), 1);
    QCOMPARE(rows(QStringLiteral("inbox")), 1);
    QCOMPARE(rows(QStringLiteral("stream_events")), 1);
    QCOMPARE(rows(QStringLiteral("idempotency_keys")), 0);
    QCOMPARE(m_store->headSeq(a), 1);
    QCOMPARE(m_store->headSeq(b), 0);
    QCOMPARE(m_store->inbox(a, {}, T0.addDays(1)).total, 1);
    QCOMPARE(m_store->inbox(b, {}, T0.addDays(1)).total, 0);
    QCOMPARE(m_store->unreadCounts(b, T0.addDays(1)).total, 0);
    QCOMPARE(m_store->eventsSince(a, 0, 100).events.size(), 1);

    // No transaction is left open, and the keys were not kept: the same items with
    // fresh ids are stored as new publishes, continuing the unchanged seqs.
    items[failingIndex].message.id = newId();
    const auto retried = m_store->publishBatch(items);
    QVERIFY2(retried, qPrintable(m_store->lastError()));
    for (const PublishOutcome &o : *retried)
        QVERIFY(!o.replayedIdempotent);
    QCOMPARE(retried->at(0).recipientSeqs, (Seqs {{a, 2}, {b, 1}}));
    QCOMPARE(retried->at(1).recipientSeqs, (Seqs {{b, 2}}));
    QCOMPARE(retried->at(2).recipientSeqs, (Seqs {{a, 3}}));
    QCOMPARE(rows(QStringLiteral("messages")), 4);
    QCOMPARE(rows(QStringLiteral("idempotency_keys")), 2);
}

// ---- inbox

void TestSqliteStore::inbox_filters_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("sinceSeq");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    // Published in order: "Shipped 100%" (orders), "Refund_ok" (billing), "Deploy done" (deploys),
    // "Shipped late" (orders); the second is then read.
    QTest::newRow("everything") << QString() << QStringLiteral("all") << qint64(0) << QString()
                                << QStringList {QStringLiteral("Shipped late"), QStringLiteral("Deploy done"),
                                       QStringLiteral("Refund_ok"), QStringLiteral("Shipped 100%")};
    QTest::newRow("topic") << QStringLiteral("orders") << QStringLiteral("all") << qint64(0) << QString()
                           << QStringList {QStringLiteral("Shipped late"), QStringLiteral("Shipped 100%")};
    QTest::newRow("read") << QString() << QStringLiteral("read") << qint64(0) << QString()
                          << QStringList {QStringLiteral("Refund_ok")};
    QTest::newRow("unread in orders") << QStringLiteral("orders") << QStringLiteral("unread") << qint64(0) << QString()
                                      << QStringList {QStringLiteral("Shipped late"), QStringLiteral("Shipped 100%")};
    QTest::newRow("since seq") << QString() << QStringLiteral("all") << qint64(2) << QString()
                               << QStringList {QStringLiteral("Shipped late"), QStringLiteral("Deploy done")};
    QTest::newRow("search any case") << QString() << QStringLiteral("all") << qint64(0) << QStringLiteral("shipped")
                                     << QStringList {QStringLiteral("Shipped late"), QStringLiteral("Shipped 100%")};
    QTest::newRow("search percent literally") << QString() << QStringLiteral("all") << qint64(0) << QStringLiteral("0%")
                                              << QStringList {QStringLiteral("Shipped 100%")};
    QTest::newRow("search underscore literally") << QString() << QStringLiteral("all") << qint64(0)
                                                 << QStringLiteral("d_o") << QStringList {QStringLiteral("Refund_ok")};
    QTest::newRow("search message body") << QString() << QStringLiteral("all") << qint64(0)
                                         << QStringLiteral("body of deploy")
                                         << QStringList {QStringLiteral("Deploy done")};
}

void TestSqliteStore::inbox_filters()
{
    QFETCH(QString, topic);
    QFETCH(QString, status);
    QFETCH(qint64, sinceSeq);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    publishAll({QStringLiteral("Shipped 100%")}, {a, b}, QStringLiteral("orders"));
    const QStringList refund = publishAll({QStringLiteral("Refund_ok")}, {a}, QStringLiteral("billing"));
    publishAll({QStringLiteral("Deploy done")}, {a}, QStringLiteral("deploys"));
    publishAll({QStringLiteral("Shipped late")}, {a}, QStringLiteral("orders"));
    QVERIFY(m_store->markRead(a, refund, T0.addDays(1))->event); // seq 5

    InboxQuery q;
    q.topic = topic;
    q.status = status;
    q.sinceSeq = sinceSeq;
    q.search = search;
    const InboxPage page = m_store->inbox(a, q, T0.addDays(1));
    QStringList titles;
    for (const Notification &n : page.notifications)
        titles.append(n.content.title);
    QCOMPARE(titles, expected);
    QCOMPARE(page.total, expected.size());
}

void TestSqliteStore::inbox_paginationIsNewestFirstWithTotal()
{
    const QString a = addUser(QStringLiteral("a"));
    publishAll(
        {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}, {a});
    InboxQuery q;
    q.limit = 2;
    q.page = 2;
    const InboxPage page = m_store->inbox(a, q, T0.addDays(1));
    QCOMPARE(page.total, 5);
    QCOMPARE(page.notifications.size(), 2);
    QCOMPARE(page.notifications.at(0).seq, 3);
    QCOMPARE(page.notifications.at(1).seq, 2);
    q.page = 3;
    QCOMPARE(m_store->inbox(a, q, T0.addDays(1)).notifications.size(), 1);
    q.page = 4;
    QVERIFY(m_store->inbox(a, q, T0.addDays(1)).notifications.isEmpty());
}

void TestSqliteStore::inbox_hidesExpiredAndDeleted()
{
    const QString a = addUser(QStringLiteral("a"));
    MessageRecord expiring = message(QStringLiteral("flash sale"));
    expiring.expiresAt = T0.addSecs(600);
    QVERIFY(m_store->publish(expiring, {a}, {}, {}, {}));
    const QStringList ids = publishAll({QStringLiteral("kept"), QStringLiteral("deleted")}, {a});
    QVERIFY(m_store->deleteFromInbox(a, {ids.at(1)}, T0.addSecs(1))->event);

    QCOMPARE(m_store->inbox(a, {}, T0.addSecs(599)).total, 2);
    QCOMPARE(m_store->unreadCounts(a, T0.addSecs(599)).total, 2);
    const InboxPage later = m_store->inbox(a, {}, T0.addSecs(600));
    QCOMPARE(later.total, 1);
    QCOMPARE(later.notifications.constFirst().content.title, QStringLiteral("kept"));
    QCOMPARE(m_store->unreadCounts(a, T0.addSecs(600)).total, 1);
    QVERIFY(!m_store->inboxItem(a, expiring.id, T0.addSecs(600)));
    QVERIFY(!m_store->inboxItem(a, ids.at(1), T0.addSecs(1)));
}

void TestSqliteStore::inboxItem_reportsPerRecipientStatus()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const QString id = publishAll({QStringLiteral("x")}, {a, b}).constFirst();
    const QDateTime now = T0.addDays(1);
    QCOMPARE(m_store->inboxItem(a, id, now)->status, QStringLiteral("pending"));
    QCOMPARE(m_store->markDelivered(a, {id}, T0.addSecs(5)), QStringList {id});
    const auto delivered = m_store->inboxItem(a, id, now);
    QCOMPARE(delivered->status, QStringLiteral("delivered"));
    QCOMPARE(delivered->deliveredAt, T0.addSecs(5));
    QVERIFY(m_store->markRead(a, {id}, T0.addSecs(9))->event);
    const auto read = m_store->inboxItem(a, id, now);
    QCOMPARE(read->status, QStringLiteral("read"));
    QCOMPARE(read->readAt, T0.addSecs(9));
    QCOMPARE(m_store->inboxItem(b, id, now)->status, QStringLiteral("pending"));
    QVERIFY(!m_store->inboxItem(addUser(QStringLiteral("c")), id, now));
}

void TestSqliteStore::unreadCounts_byTopic_countsTopiclessInTotalOnly()
{
    const QString a = addUser(QStringLiteral("a"));
    publishAll({QStringLiteral("o1"), QStringLiteral("o2")}, {a}, QStringLiteral("orders"));
    const QStringList deploys = publishAll({QStringLiteral("d1")}, {a}, QStringLiteral("deploys"));
    publishAll({QStringLiteral("direct")}, {a}, QString());
    UnreadCounts expected;
    expected.total = 4;
    expected.byTopic = {{QStringLiteral("orders"), 2}, {QStringLiteral("deploys"), 1}};
    QCOMPARE(m_store->unreadCounts(a, T0.addDays(1)), expected);

    const auto change = m_store->markRead(a, deploys, T0.addDays(1));
    expected.total = 3;
    expected.byTopic.remove(QStringLiteral("deploys"));
    QCOMPARE(change->unread, expected);
}

// ---- stream events

void TestSqliteStore::markRead_appendsOneEvent_repeatAppendsNone()
{
    const QString a = addUser(QStringLiteral("a"));
    const QStringList ids = publishAll({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, {a});
    const QDateTime at = T0.addDays(1);
    const auto change = m_store->markRead(a, {ids.at(2), ids.at(0), ids.at(0), QStringLiteral("unknown")}, at);
    QVERIFY(change && change->event);
    QCOMPARE(change->event->kind, StreamEvent::Kind::Read);
    QCOMPARE(change->event->seq, 4);
    QCOMPARE(change->event->at, at);
    QCOMPARE(change->event->ids, (QStringList {ids.at(2), ids.at(0)}));
    QCOMPARE(change->changedCount, 2);
    QCOMPARE(change->headSeq, 4);
    QCOMPARE(change->unread.total, 1);

    const auto again = m_store->markRead(a, {ids.at(0), ids.at(2)}, at.addSecs(1));
    QVERIFY(again);
    QVERIFY(!again->event);
    QCOMPARE(again->headSeq, 4);
    QCOMPARE(again->unread.total, 1);
    QCOMPARE(rows(QStringLiteral("stream_events")), 4);
    QCOMPARE(m_store->inboxItem(a, ids.at(0), at)->readAt, at); // read state is sticky
}

void TestSqliteStore::markUnread_onlyReadRowsChange()
{
    const QString a = addUser(QStringLiteral("a"));
    const QStringList ids = publishAll({QStringLiteral("1"), QStringLiteral("2")}, {a});
    QVERIFY(m_store->markRead(a, {ids.at(0)}, T0.addDays(1))->event);
    const auto change = m_store->markUnread(a, ids, T0.addDays(2));
    QVERIFY(change->event);
    QCOMPARE(change->event->kind, StreamEvent::Kind::Unread);
    QCOMPARE(change->event->ids, QStringList {ids.at(0)});
    QCOMPARE(change->unread.total, 2);
    QVERIFY(!m_store->markUnread(a, ids, T0.addDays(3))->event);
    QVERIFY(m_store->inboxItem(a, ids.at(0), T0.addDays(3))->readAt.isNull());
}

void TestSqliteStore::markAllRead_topicAndUpToSeq_oneEventOnlyWhenRowsChange()
{
    const QString a = addUser(QStringLiteral("a"));
    publishAll({QStringLiteral("o1"), QStringLiteral("o2")}, {a}, QStringLiteral("orders")); // seq 1, 2
    publishAll({QStringLiteral("d1")}, {a}, QStringLiteral("deploys")); // seq 3
    publishAll({QStringLiteral("o3")}, {a}, QStringLiteral("orders")); // seq 4
    const QDateTime at = T0.addDays(1);

    const auto bounded = m_store->markAllRead(a, QStringLiteral("orders"), 2, at);
    QVERIFY(bounded->event);
    QCOMPARE(bounded->event->kind, StreamEvent::Kind::ReadAll);
    QCOMPARE(bounded->event->seq, 5);
    QCOMPARE(bounded->event->topic, QStringLiteral("orders"));
    QCOMPARE(bounded->event->upToSeq, 2);
    QCOMPARE(bounded->changedCount, 2);
    QCOMPARE(bounded->unread.total, 2);
    QVERIFY(!m_store->markAllRead(a, QStringLiteral("orders"), 2, at)->event);

    // Unbounded: the event names the head it covered, so a replaying client is exact.
    const auto all = m_store->markAllRead(a, {}, 0, at);
    QCOMPARE(all->event->seq, 6);
    QCOMPARE(all->event->upToSeq, 5);
    QVERIFY(all->event->topic.isEmpty());
    QCOMPARE(all->changedCount, 2);
    QCOMPARE(all->unread.total, 0);
    QVERIFY(!m_store->markAllRead(a, {}, 0, at)->event);
    QCOMPARE(m_store->headSeq(a), 6);
}

void TestSqliteStore::deleteFromInbox_softDeletes_notificationStillReplayable()
{
    const QString a = addUser(QStringLiteral("a"));
    const QStringList ids = publishAll({QStringLiteral("1"), QStringLiteral("2")}, {a});
    const auto change = m_store->deleteFromInbox(a, {ids.at(0)}, T0.addDays(1));
    QVERIFY(change->event);
    QCOMPARE(change->event->kind, StreamEvent::Kind::Deleted);
    QCOMPARE(change->event->ids, QStringList {ids.at(0)});
    QCOMPARE(change->unread.total, 1);
    QVERIFY(!m_store->deleteFromInbox(a, {ids.at(0)}, T0.addDays(1))->event);
    QCOMPARE(rows(QStringLiteral("inbox")), 2);

    const StreamSlice slice = m_store->eventsSince(a, 0, 10);
    QCOMPARE(slice.events.size(), 3);
    QCOMPARE(slice.events.at(0).notification.id, ids.at(0));
    QCOMPARE(slice.events.at(2).kind, StreamEvent::Kind::Deleted);
}

void TestSqliteStore::otherUsersIds_areNeverChanged()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    const QString mine = publishAll({QStringLiteral("mine")}, {a}).constFirst();
    const QString theirs = publishAll({QStringLiteral("theirs")}, {b}).constFirst();
    const QDateTime at = T0.addDays(1);

    QVERIFY(!m_store->markRead(a, {theirs}, at)->event);
    QVERIFY(!m_store->deleteFromInbox(a, {theirs}, at)->event);
    QVERIFY(m_store->markDelivered(a, {theirs}, at).isEmpty());
    const auto mixed = m_store->markRead(a, {theirs, mine}, at);
    QCOMPARE(mixed->event->ids, QStringList {mine});

    const auto bItem = m_store->inboxItem(b, theirs, at);
    QVERIFY(bItem);
    QCOMPARE(bItem->status, QStringLiteral("pending"));
    QCOMPARE(m_store->headSeq(b), 1);
    QCOMPARE(m_store->unreadCounts(b, at).total, 1);
}

void TestSqliteStore::markDelivered_onlyPendingRowsChange()
{
    const QString a = addUser(QStringLiteral("a"));
    const QStringList ids = publishAll({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, {a});
    QVERIFY(m_store->markRead(a, {ids.at(2)}, T0.addDays(1))->event);
    QCOMPARE(m_store->markDelivered(a, ids, T0.addDays(1)), (QStringList {ids.at(0), ids.at(1)}));
    QVERIFY(m_store->markDelivered(a, ids, T0.addDays(2)).isEmpty());
    QCOMPARE(m_store->headSeq(a), 4); // no stream event
}

void TestSqliteStore::eventsSince_ascendingWithLimit_reconstructsPayloads()
{
    const QString a = addUser(QStringLiteral("a"));
    const QStringList ids = publishAll({QStringLiteral("1"), QStringLiteral("2")}, {a}, QStringLiteral("orders"));
    const QDateTime at = T0.addDays(1);
    QVERIFY(m_store->markRead(a, ids, at)->event); // 3
    QVERIFY(m_store->markUnread(a, {ids.at(1)}, at.addSecs(1))->event); // 4
    QVERIFY(m_store->markAllRead(a, QStringLiteral("orders"), 0, at.addSecs(2))->event); // 5
    QVERIFY(m_store->deleteFromInbox(a, {ids.at(0)}, at.addSecs(3))->event); // 6

    const StreamSlice all = m_store->eventsSince(a, 0, 0);
    QVERIFY(!all.resyncRequired);
    QCOMPARE(all.headSeq, 6);
    QCOMPARE(all.events.size(), 6);
    for (int i = 0; i < all.events.size(); ++i)
        QCOMPARE(all.events.at(i).seq, i + 1);
    // Notification events carry the current state.
    QCOMPARE(all.events.at(0).notification.status, QStringLiteral("read"));
    QCOMPARE(all.events.at(2).kind, StreamEvent::Kind::Read);
    QCOMPARE(all.events.at(2).ids, ids);
    QCOMPARE(all.events.at(2).at, at);
    QCOMPARE(all.events.at(3).kind, StreamEvent::Kind::Unread);
    QCOMPARE(all.events.at(3).ids, QStringList {ids.at(1)});
    QCOMPARE(all.events.at(4).kind, StreamEvent::Kind::ReadAll);
    QCOMPARE(all.events.at(4).topic, QStringLiteral("orders"));
    QCOMPARE(all.events.at(4).upToSeq, 4);
    QCOMPARE(all.events.at(5).kind, StreamEvent::Kind::Deleted);

    const StreamSlice page = m_store->eventsSince(a, 2, 2);
    QCOMPARE(page.events.size(), 2);
    QCOMPARE(page.events.at(0).seq, 3);
    QCOMPARE(page.events.at(1).seq, 4);
    QCOMPARE(page.headSeq, 6);
    QVERIFY(m_store->eventsSince(a, 6, 10).events.isEmpty());
    QVERIFY(!m_store->eventsSince(a, 6, 10).resyncRequired);
    // A user without events has an empty stream at 0.
    const StreamSlice fresh = m_store->eventsSince(addUser(QStringLiteral("new")), 0, 10);
    QVERIFY(!fresh.resyncRequired);
    QCOMPARE(fresh.headSeq, 0);
}

void TestSqliteStore::eventsSince_afterPruningOrAheadOfHead_requiresResync()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    publishAll({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, {a}); // T0+1..3 min
    publishAll({QStringLiteral("b1")}, {b}); // T0+4 min
    QCOMPARE(m_store->pruneEvents(T0.addSecs(150)), 2);
    QCOMPARE(rows(QStringLiteral("stream_events")), 2);
    QCOMPARE(rows(QStringLiteral("inbox")), 4); // the inbox keeps its rows

    QVERIFY(m_store->eventsSince(a, 0, 10).resyncRequired);
    QVERIFY(m_store->eventsSince(a, 1, 10).resyncRequired);
    const StreamSlice fromPruned = m_store->eventsSince(a, 2, 10);
    QVERIFY(!fromPruned.resyncRequired);
    QCOMPARE(fromPruned.events.size(), 1);
    QCOMPARE(fromPruned.events.constFirst().seq, 3);
    QVERIFY(!m_store->eventsSince(b, 0, 10).resyncRequired);

    const StreamSlice ahead = m_store->eventsSince(a, 7, 10);
    QVERIFY(ahead.resyncRequired);
    QCOMPARE(ahead.headSeq, 3);
    QCOMPARE(m_store->pruneEvents(T0.addSecs(150)), 0);
}

void TestSqliteStore::seqBefore_isLastSeqBeforeTime()
{
    const QString a = addUser(QStringLiteral("a"));
    publishAll({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, {a}); // T0+1, 2, 3 min
    QCOMPARE(m_store->seqBefore(a, T0), 0);
    QCOMPARE(m_store->seqBefore(a, T0.addSecs(120)), 1);
    QCOMPARE(m_store->seqBefore(a, T0.addSecs(121)), 2);
    QCOMPARE(m_store->seqBefore(a, T0.addDays(1)), 3);
}

void TestSqliteStore::recordOperation_secondTimeReturnsFalse()
{
    const QString a = addUser(QStringLiteral("a"));
    const QString b = addUser(QStringLiteral("b"));
    QVERIFY(m_store->recordOperation(a, QStringLiteral("op-1"), T0));
    QVERIFY(!m_store->recordOperation(a, QStringLiteral("op-1"), T0.addSecs(1)));
    QVERIFY(m_store->recordOperation(b, QStringLiteral("op-1"), T0));
    QVERIFY(m_store->recordOperation(a, QStringLiteral("op-2"), T0));
}

void TestSqliteStore::jobs_createdOnlyWhereTheChannelReaches()
{
    const QString alice = addUser(QStringLiteral("alice")); // has an email address
    User bob;
    bob.id = newId();
    bob.username = QStringLiteral("bob");
    bob.createdAt = T0;
    QVERIFY(m_store->createUser(bob, QByteArrayLiteral("x"))); // no email address
    Device phone;
    phone.id = QStringLiteral("phone");
    phone.userId = bob.id;
    phone.pushSubscription = QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("https://push.example/1")}};
    QVERIFY(m_store->upsertDevice(phone));

    PublishItem now = item(message(QStringLiteral("now")), {alice, bob.id});
    now.jobChannels = {QStringLiteral("email"), QStringLiteral("push"), QStringLiteral("webhook")};
    PublishItem later = item(message(QStringLiteral("later")), {alice});
    later.message.scheduledAt = T0.addSecs(3600);
    later.jobChannels = {QStringLiteral("email")};
    const auto out = m_store->publishBatch({now, later});
    QVERIFY(out);

    const QList<DeliveryJob> jobs = m_store->jobsForMessage(out->at(0).messageId);
    QStringList got;
    for (const DeliveryJob &j : jobs)
        got << (j.userId == alice ? QStringLiteral("alice:") : QStringLiteral("bob:")) + j.channel;
    got.sort();
    QCOMPARE(got, (QStringList {QStringLiteral("alice:email"), QStringLiteral("bob:push")}));
    for (const DeliveryJob &j : jobs) {
        QCOMPARE(j.state, QStringLiteral("pending"));
        QCOMPARE(j.nextAttemptAt, T0);
        QCOMPARE(j.topic, QStringLiteral("orders"));
        QCOMPARE(j.priority, int(Priority::High));
    }
    // A scheduled message's jobs are due at its time.
    QCOMPARE(m_store->jobsForMessage(out->at(1).messageId).value(0).nextAttemptAt, T0.addSecs(3600));
    QCOMPARE(m_store->nextJobDue(), T0);
    QCOMPARE(m_store->pendingJobCounts().value(QStringLiteral("email")), 2);
}

void TestSqliteStore::claimAndComplete_onlyJobsStillSendingChange()
{
    const QString alice = addUser(QStringLiteral("alice"));
    PublishItem p = item(message(QStringLiteral("a")), {alice});
    p.jobChannels = {QStringLiteral("email")};
    const auto out = m_store->publishBatch({p});
    QVERIFY(out);

    // Not due before its time; claimed once it is, and only once.
    QCOMPARE(m_store->claimJobs(QStringLiteral("w1"), T0.addMSecs(-1), T0.addSecs(60), 10, {})->size(), 0);
    const auto claimed = m_store->claimJobs(QStringLiteral("w1"), T0, T0.addSecs(60), 10, {QStringLiteral("email")});
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().state, QStringLiteral("sending"));
    QCOMPARE(claimed->first().attempts, 1);
    QCOMPARE(m_store->claimJobs(QStringLiteral("w2"), T0, T0.addSecs(60), 10, {})->size(), 0);
    QCOMPARE(m_store->claimJobs(QStringLiteral("w2"), T0, T0.addSecs(60), 10, {QStringLiteral("push")})->size(), 0);

    JobCompletion sent;
    sent.jobId = claimed->first().id;
    sent.state = QStringLiteral("sent");
    sent.logEvent = QStringLiteral("sent");
    sent.providerCode = QStringLiteral("250");
    sent.latencyMs = 12;
    QCOMPARE(m_store->completeJobs({sent}, T0.addSecs(2)), 1);
    // A late second result for the same job changes nothing.
    JobCompletion late = sent;
    late.state = QStringLiteral("failed");
    QCOMPARE(m_store->completeJobs({late}, T0.addSecs(3)), 0);

    const std::optional<DeliveryJob> job = m_store->job(sent.jobId);
    QVERIFY(job);
    QCOMPARE(job->state, QStringLiteral("sent"));
    QCOMPARE(job->sentAt, T0.addSecs(2));
    QCOMPARE(job->providerCode, QStringLiteral("250"));
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT COUNT(*) FROM delivery_log WHERE event = 'sent'")).toInt(), 1);
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT latency_ms FROM delivery_log")).toInt(), 12);
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT sent FROM analytics_hourly WHERE channel = 'email'")).toInt(), 1);
}

void TestSqliteStore::reclaim_returnsInFlightJobsToPending_andLogsIt()
{
    const QString alice = addUser(QStringLiteral("alice"));
    PublishItem p = item(message(QStringLiteral("a")), {alice});
    p.jobChannels = {QStringLiteral("email")};
    QVERIFY(m_store->publishBatch({p}));
    const auto claimed = m_store->claimJobs(QStringLiteral("w1"), T0, T0.addSecs(60), 10, {});
    QCOMPARE(claimed->size(), 1);

    QCOMPARE(m_store->reclaimJobs(T0.addSecs(30), T0.addSecs(30)), 0); // the lease still runs
    QCOMPARE(m_store->reclaimJobs(T0.addSecs(61), T0.addSecs(61)), 1);
    const std::optional<DeliveryJob> job = m_store->job(claimed->first().id);
    QCOMPARE(job->state, QStringLiteral("pending"));
    QCOMPARE(job->reclaimed, 1);
    QCOMPARE(job->attempts, 1);
    QCOMPARE(job->nextAttemptAt, T0.addSecs(61));
    QCOMPARE(inspect(m_path, QStringLiteral("SELECT COUNT(*) FROM delivery_log WHERE event = 'reclaimed'")).toInt(), 1);

    // The dead worker's result, arriving after all, is dropped.
    JobCompletion stale;
    stale.jobId = job->id;
    stale.state = QStringLiteral("sent");
    stale.logEvent = QStringLiteral("sent");
    QCOMPARE(m_store->completeJobs({stale}, T0.addSecs(62)), 0);
    QCOMPARE(m_store->job(job->id)->state, QStringLiteral("pending"));
}

void TestSqliteStore::retryJob_onlyDeadLetters()
{
    const QString alice = addUser(QStringLiteral("alice"));
    PublishItem p = item(message(QStringLiteral("a")), {alice});
    p.jobChannels = {QStringLiteral("email")};
    QVERIFY(m_store->publishBatch({p}));
    const QString id = m_store->claimJobs(QStringLiteral("w1"), T0, T0.addSecs(60), 10, {})->first().id;
    QVERIFY(!m_store->retryJob(id, T0)); // sending, not failed
    JobCompletion failed;
    failed.jobId = id;
    failed.state = QStringLiteral("failed");
    failed.logEvent = QStringLiteral("failed");
    failed.error = QStringLiteral("550 no such user");
    QCOMPARE(m_store->completeJobs({failed}, T0.addSecs(1)), 1);
    QCOMPARE(m_store->job(id)->lastError, QStringLiteral("550 no such user"));
    QVERIFY(m_store->retryJob(id, T0.addSecs(5)));
    const DeliveryJob retried = *m_store->job(id);
    QCOMPARE(retried.state, QStringLiteral("pending"));
    QCOMPARE(retried.attempts, 0); // a fresh retry schedule
    QCOMPARE(retried.nextAttemptAt, T0.addSecs(5));
    QVERIFY(!m_store->retryJob(id, T0.addSecs(6)));
    QVERIFY(!m_store->retryJob(QStringLiteral("no-such-job"), T0));
}

void TestSqliteStore::releaseScheduled_assignsSeqs_cancelStopsIt()
{
    const QString alice = addUser(QStringLiteral("alice"));
    const QString bob = addUser(QStringLiteral("bob"));
    MessageRecord first = message(QStringLiteral("first"));
    first.scheduledAt = T0.addSecs(600);
    MessageRecord second = message(QStringLiteral("second"));
    second.scheduledAt = T0.addSecs(600);
    PublishItem a = item(first, {alice, bob});
    a.jobChannels = {QStringLiteral("email")};
    const auto out = m_store->publishBatch({a, item(second, {alice})});
    QVERIFY(out);
    QCOMPARE(m_store->headSeq(alice), 0);

    const std::optional<CancelOutcome> cancelled = m_store->cancelMessage(out->at(1).messageId, T0.addSecs(1));
    QVERIFY(cancelled && cancelled->found);
    QCOMPARE(cancelled->recipients, 1);
    QVERIFY(!cancelled->wasReleased);
    QVERIFY(!m_store->cancelMessage(newId(), T0)->found);

    QCOMPARE(m_store->releaseScheduled(T0.addSecs(599), 10)->size(), 0);
    const auto released = m_store->releaseScheduled(T0.addSecs(600), 10);
    QVERIFY(released);
    QCOMPARE(released->size(), 1); // the cancelled one never comes out
    QCOMPARE(released->first().message.id, out->at(0).messageId);
    QCOMPARE(released->first().recipientSeqs, (Seqs {{alice, 1}, {bob, 1}}));
    QCOMPARE(m_store->headSeq(alice), 1);
    const InboxPage page = m_store->inbox(alice, InboxQuery {}, T0.addSecs(601));
    QCOMPARE(page.total, 1);
    QCOMPARE(page.notifications.first().content.title, QStringLiteral("first"));
    QCOMPARE(m_store->eventsSince(alice, 0, 10).events.size(), 1);
    QCOMPARE(m_store->releaseScheduled(T0.addSecs(700), 10)->size(), 0); // released once
    // Too late to cancel for inboxes; pending jobs still can be.
    const std::optional<CancelOutcome> late = m_store->cancelMessage(out->at(0).messageId, T0.addSecs(700));
    QVERIFY(late->wasReleased);
    QCOMPARE(late->recipients, 0);
    QCOMPARE(late->jobs, 2);
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
