// Grouping and dedup by groupKey against a real tidingsd: merges into the unread
// entry (count and replace modes) as stream events that update the entry in place,
// a new entry once it was read or the window passed, and duplicates dropped.

#include "support/HttpTestClient.h"
#include "support/TestMain.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QTest>

using namespace Tidings;
using Tidings::Test::HttpResult;
using Tidings::Test::HttpTestClient;
using Tidings::Test::TestServer;
using Tidings::Test::WsTestClient;

class TestGrouping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countMode_mergesUnreadEntry_inPlace();
    void readEntry_orWindowPassed_startsNewEntry();
    void replaceMode_keepsLatest();
    void sameContentSameSender_isDuplicate();

private:
    HttpResult publish(const QString &title, const QString &message, const QString &topic = QStringLiteral("orders"),
        const QString &groupKey = QStringLiteral("order-42"));
    QJsonArray inbox();

    ManualClock m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<HttpTestClient> m_alice;
    std::unique_ptr<WsTestClient> m_ws;
};

void TestGrouping::init()
{
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(12, 0), QTimeZone::utc()));
    m_server = std::make_unique<TestServer>([](Server::ServerConfig &) {}, m_clock);
    QVERIFY(m_server->isRunning());
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_admin->createUser(QStringLiteral("alice"));
    m_alice = std::make_unique<HttpTestClient>(m_server->url());
    const HttpResult login = m_alice->login(QStringLiteral("alice"), QStringLiteral("password-123"));
    QCOMPARE(login.status, 200);
    m_ws = std::make_unique<WsTestClient>();
    QVERIFY(m_ws->open(m_server->wsUrl(), login.json.value(QStringLiteral("accessToken")).toString()));
    QVERIFY(m_ws->waitFor(QStringLiteral("welcome")));
}

void TestGrouping::cleanup()
{
    m_ws.reset();
    m_alice.reset();
    m_admin.reset();
    m_server.reset();
}

HttpResult TestGrouping::publish(
    const QString &title, const QString &message, const QString &topic, const QString &groupKey)
{
    return m_admin->post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}}, {QStringLiteral("topic"), topic},
            {QStringLiteral("title"), title}, {QStringLiteral("message"), message},
            {QStringLiteral("groupKey"), groupKey},
            {QStringLiteral("channels"), QJsonArray {QStringLiteral("inApp")}}});
}

QJsonArray TestGrouping::inbox()
{
    return m_alice->get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray();
}

void TestGrouping::countMode_mergesUnreadEntry_inPlace()
{
    const HttpResult first = publish(QStringLiteral("Order 42 paid"), QStringLiteral("Payment received"));
    QCOMPARE(first.status, 202);
    const QString groupId = first.json.value(QStringLiteral("id")).toString();
    const std::optional<WsTestClient::Frame> f1 = m_ws->waitFor(QStringLiteral("notification"));
    QVERIFY(f1);
    const qint64 seq1 = f1->data.value(QStringLiteral("seq")).toInteger();

    m_clock.advanceSecs(60);
    const HttpResult second = publish(QStringLiteral("Order 42 packed"), QStringLiteral("In the box"));
    QCOMPARE(second.status, 202);
    QCOMPARE(second.json.value(QStringLiteral("groupedInto")).toString(), groupId);
    m_clock.advanceSecs(60);
    QCOMPARE(publish(QStringLiteral("Order 42 shipped"), QStringLiteral("On its way")).status, 202);

    // Each merge is a `notification` event for the same id with a newer seq, so clients
    // update the entry in place.
    qint64 lastSeq = seq1;
    for (int i = 0; i < 2; ++i) {
        const std::optional<WsTestClient::Frame> f = m_ws->waitFor(QStringLiteral("notification"));
        QVERIFY(f);
        QCOMPARE(f->data.value(QStringLiteral("id")).toString(), groupId);
        QVERIFY(f->data.value(QStringLiteral("seq")).toInteger() > lastSeq);
        lastSeq = f->data.value(QStringLiteral("seq")).toInteger();
    }
    const QJsonArray entries = inbox();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("id")).toString(), groupId);
    QCOMPARE(entry.value(QStringLiteral("title")).toString(), QStringLiteral("3 new messages in orders"));
    QCOMPARE(entry.value(QStringLiteral("message")).toString(), QStringLiteral("On its way"));
    QCOMPARE(entry.value(QStringLiteral("seq")).toInteger(), lastSeq);
    const HttpResult counts = m_alice->get(QStringLiteral("/api/notifications?limit=1"));
    QCOMPARE(counts.json.value(QStringLiteral("unread")).toObject().value(QStringLiteral("total")).toInt(), 1);

    // A different group key is a different entry.
    QCOMPARE(publish(QStringLiteral("Order 43 paid"), QStringLiteral("x"), QStringLiteral("orders"),
                 QStringLiteral("order-43"))
                 .status,
        202);
    QCOMPARE(inbox().size(), 2);
}

void TestGrouping::readEntry_orWindowPassed_startsNewEntry()
{
    const QString groupId
        = publish(QStringLiteral("A"), QStringLiteral("a")).json.value(QStringLiteral("id")).toString();
    QCOMPARE(m_alice->put(QStringLiteral("/api/notifications/%1/read").arg(groupId)).status, 200);
    const HttpResult afterRead = publish(QStringLiteral("B"), QStringLiteral("b"));
    QVERIFY(!afterRead.json.contains(QStringLiteral("groupedInto")));
    QCOMPARE(inbox().size(), 2);

    // Six minutes later the 5-minute window has passed: a new entry again.
    const QString second = afterRead.json.value(QStringLiteral("id")).toString();
    m_clock.advanceSecs(6 * 60);
    QCOMPARE(m_alice->login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const HttpResult late = publish(QStringLiteral("C"), QStringLiteral("c"));
    QVERIFY(!late.json.contains(QStringLiteral("groupedInto")));
    QVERIFY(late.json.value(QStringLiteral("id")).toString() != second);
    QCOMPARE(inbox().size(), 3);
}

void TestGrouping::replaceMode_keepsLatest()
{
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/deploys"),
                     {{QStringLiteral("groupingMode"), QStringLiteral("replace")}})
                 .status,
        201);
    const QString groupId = publish(QStringLiteral("Deploy started"), QStringLiteral("v1.2"), QStringLiteral("deploys"),
        QStringLiteral("deploy-web"))
                                .json.value(QStringLiteral("id"))
                                .toString();
    m_clock.advanceSecs(30);
    QCOMPARE(publish(QStringLiteral("Deploy finished"), QStringLiteral("v1.2 is live"), QStringLiteral("deploys"),
                 QStringLiteral("deploy-web"))
                 .json.value(QStringLiteral("groupedInto"))
                 .toString(),
        groupId);
    const QJsonArray entries = inbox();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Deploy finished"));
    QCOMPARE(entries.first().toObject().value(QStringLiteral("message")).toString(), QStringLiteral("v1.2 is live"));
}

void TestGrouping::sameContentSameSender_isDuplicate()
{
    const HttpResult first = publish(QStringLiteral("Disk full"), QStringLiteral("/var at 99%"));
    QCOMPARE(first.status, 202);
    QVERIFY(m_ws->waitFor(QStringLiteral("notification")));
    m_clock.advanceSecs(30);
    const HttpResult again = publish(QStringLiteral("Disk full"), QStringLiteral("/var at 99%"));
    QCOMPARE(again.status, 202);
    QCOMPARE(again.json.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(again.json.value(QStringLiteral("id")), first.json.value(QStringLiteral("id")));
    QCOMPARE(again.json.value(QStringLiteral("recipients")).toInt(), 0);
    m_ws->drain(150);
    for (const WsTestClient::Frame &f : m_ws->pending())
        QVERIFY2(f.event != QLatin1String("notification"), "a duplicate reached the inbox");
    QCOMPARE(inbox().size(), 1);

    // Another sender saying the same thing is not a duplicate of it.
    const HttpResult token = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("monitor")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    QCOMPARE(token.status, 201);
    HttpTestClient monitor(m_server->url());
    monitor.setToken(token.json.value(QStringLiteral("token")).toString());
    const HttpResult other = monitor.post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
            {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Disk full")},
            {QStringLiteral("message"), QStringLiteral("/var at 99%")},
            {QStringLiteral("groupKey"), QStringLiteral("order-42")}});
    QCOMPARE(other.status, 202);
    QVERIFY(other.json.value(QStringLiteral("status")).toString() != QLatin1String("duplicate"));
}

TIDINGS_TEST_MAIN(TestGrouping)
#include "tst_grouping.moc"
