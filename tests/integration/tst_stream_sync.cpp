// Streams, replay and read sync over real WebSockets against a real in-process tidingsd.
#include "store/Store.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/TestMain.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QtTest>

using namespace Tidings::Test;

namespace {

struct Device
{
    QString token;
    QString deviceId;
    std::unique_ptr<WsTestClient> ws;
};

} // namespace

class TestStreamSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void welcome_reportsEpochHeadAndUnread();
    void publish_reachesEveryDeviceOfTheRecipientWithSameSeq();
    void ack_onOneDevice_marksDeliveredAndTellsTheOthers();
    void read_onOneDevice_isSeenOnTheOtherWithBadge();
    void unread_afterRead_isStickyUntilExplicitUnread();
    void readAll_isOneEventForEveryDevice();
    void delete_onOneDevice_removesOnTheOther();
    void resume_afterDisconnect_replaysExactlyTheMissedEventsInOrder();
    void resume_matchesRestStreamReplay();
    void resume_withOtherEpoch_getsResync();
    void resume_afterPruning_getsResync();
    void resume_aheadOfServer_getsResync();
    void requestMissedNotifications_replaysSinceTime();
    void serverRestart_clientsResumeWithNothingMissingOrDuplicated();
    void shutdown_closesSocketsWithGoingAway();
    void ping_getsPong();
    void opId_repeated_isAppliedOnce();
    void accessTokenExpiry_closesWith4401_unlessRenewedInBand();
    void auth_withAnotherUsersToken_isRefusedAndKeepsTheConnection();

private:
    QString publishTo(const QString &userId, const QString &title, const QString &topic = {});
    Device connectDevice(const QString &username, const QString &deviceId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    QString m_aliceId;
};

void TestStreamSync::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    QVERIFY(!m_aliceId.isEmpty());
}

void TestStreamSync::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

QString TestStreamSync::publishTo(const QString &userId, const QString &title, const QString &topic)
{
    QJsonObject body {{QStringLiteral("recipients"), QJsonArray {userId}}, {QStringLiteral("title"), title},
        {QStringLiteral("message"), QString(QStringLiteral("body of ") + title)}};
    if (!topic.isEmpty())
        body.insert(QStringLiteral("channel"), topic); // the seed card's alias of `topic`
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), body);
    if (r.status != 202)
        qWarning("publish failed: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("id")).toString();
}

Device TestStreamSync::connectDevice(const QString &username, const QString &deviceId)
{
    HttpTestClient http(m_server->url());
    const HttpResult login = http.login(username, QStringLiteral("password-123"), deviceId);
    Device d;
    d.token = login.json.value(QStringLiteral("accessToken")).toString();
    d.deviceId = login.json.value(QStringLiteral("deviceId")).toString();
    d.ws = std::make_unique<WsTestClient>();
    if (!d.ws->open(m_server->wsUrl(), d.token))
        qWarning("WebSocket did not open");
    return d;
}

void TestStreamSync::welcome_reportsEpochHeadAndUnread()
{
    publishTo(m_aliceId, QStringLiteral("one"), QStringLiteral("orders"));
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    const auto welcome = a.ws->waitFor(QStringLiteral("welcome"));
    QVERIFY(welcome);
    QCOMPARE(welcome->data.value(QStringLiteral("userId")).toString(), m_aliceId);
    QCOMPARE(welcome->data.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop"));
    QCOMPARE(welcome->data.value(QStringLiteral("epoch")).toString(), m_server->server().store().epoch());
    QCOMPARE(welcome->data.value(QStringLiteral("headSeq")).toInteger(), 1);
    const QJsonObject unread = welcome->data.value(QStringLiteral("unread")).toObject();
    QCOMPARE(unread.value(QStringLiteral("total")).toInteger(), 1);
    QCOMPARE(unread.value(QStringLiteral("byTopic")).toObject().value(QStringLiteral("orders")).toInteger(), 1);
    QCOMPARE(welcome->data.value(QStringLiteral("heartbeatSec")).toInt(), 25);
}

void TestStreamSync::publish_reachesEveryDeviceOfTheRecipientWithSameSeq()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    QVERIFY(a.ws->waitFor(QStringLiteral("welcome")));
    QVERIFY(b.ws->waitFor(QStringLiteral("welcome")));

    const QString id = publishTo(m_aliceId, QStringLiteral("Order Updated"), QStringLiteral("orders"));
    for (Device *d : {&a, &b}) {
        const auto n = d->ws->waitFor(QStringLiteral("notification"));
        QVERIFY(n);
        QCOMPARE(n->data.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(n->data.value(QStringLiteral("seq")).toInteger(), 1);
        QCOMPARE(n->data.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
        QCOMPARE(n->data.value(QStringLiteral("title")).toString(), QStringLiteral("Order Updated"));
        const auto badge = d->ws->waitFor(QStringLiteral("badge"));
        QVERIFY(badge);
        QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), 1);
    }
}

void TestStreamSync::ack_onOneDevice_marksDeliveredAndTellsTheOthers()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    const QString id = publishTo(m_aliceId, QStringLiteral("hello"));
    QVERIFY(a.ws->waitFor(QStringLiteral("notification")));
    const auto reply = a.ws->request(QStringLiteral("ack"), {{QStringLiteral("notificationId"), id}}); // alias of ids
    QVERIFY(reply);
    QVERIFY(reply->value(QStringLiteral("ok")).toBool());
    const auto status = b.ws->waitFor(QStringLiteral("notificationStatus"));
    QVERIFY(status);
    QCOMPARE(status->data.value(QStringLiteral("notificationId")).toString(), id);
    QCOMPARE(status->data.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));

    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    const HttpResult one = alice.get(QStringLiteral("/api/notifications/") + id);
    QCOMPARE(one.json.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
    QVERIFY(!one.json.value(QStringLiteral("deliveredAt")).isNull());
}

void TestStreamSync::read_onOneDevice_isSeenOnTheOtherWithBadge()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    const QString first = publishTo(m_aliceId, QStringLiteral("first"), QStringLiteral("orders"));
    const QString second = publishTo(m_aliceId, QStringLiteral("second"), QStringLiteral("deploys"));
    QVERIFY(b.ws->waitFor(QStringLiteral("notification")));
    QVERIFY(b.ws->waitFor(QStringLiteral("notification")));

    const auto reply = a.ws->request(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {first}}});
    QVERIFY(reply);
    QCOMPARE(reply->value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInteger(), 3);

    const auto read = b.ws->waitFor(QStringLiteral("read"));
    QVERIFY(read);
    QCOMPARE(stringsOf(read->data.value(QStringLiteral("ids")).toArray()), QStringList {first});
    QCOMPARE(read->data.value(QStringLiteral("seq")).toInteger(), 3);
    QVERIFY(!read->data.value(QStringLiteral("readAt")).toString().isEmpty());
    const auto badge = b.ws->waitFor(QStringLiteral("badge"));
    QVERIFY(badge);
    QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), 1);
    const QJsonObject byTopic = badge->data.value(QStringLiteral("byTopic")).toObject();
    QVERIFY(!byTopic.contains(QStringLiteral("orders")));
    QCOMPARE(byTopic.value(QStringLiteral("deploys")).toInteger(), 1);

    // The device that read sees its own event too, and the server agrees on the badge.
    QVERIFY(a.ws->waitFor(QStringLiteral("read")));
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    const HttpResult inbox = alice.get(QStringLiteral("/api/notifications"));
    QCOMPARE(inbox.json.value(QStringLiteral("unread")).toObject().value(QStringLiteral("total")).toInteger(), 1);
    Q_UNUSED(second)
}

void TestStreamSync::unread_afterRead_isStickyUntilExplicitUnread()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    const QString id = publishTo(m_aliceId, QStringLiteral("x"));
    QVERIFY(a.ws->request(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {id}}}));
    // Reading again changes nothing: no second event.
    const auto again = a.ws->request(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {id}}});
    QVERIFY(again);
    QCOMPARE(again->value(QStringLiteral("data")).toObject().value(QStringLiteral("changed")).toBool(), false);
    const auto unread = b.ws->request(QStringLiteral("unread"), {{QStringLiteral("ids"), QJsonArray {id}}});
    QVERIFY(unread);
    QCOMPARE(unread->value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInteger(), 3);

    QVERIFY(a.ws->waitFor(QStringLiteral("read")));
    const auto ev = a.ws->waitFor(QStringLiteral("unread"));
    QVERIFY(ev);
    QCOMPARE(ev->data.value(QStringLiteral("seq")).toInteger(), 3);
    const auto badge = a.ws->waitFor(QStringLiteral("badge"));
    QVERIFY(badge);
    QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), 1);
}

void TestStreamSync::readAll_isOneEventForEveryDevice()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    for (int i = 0; i < 3; ++i)
        publishTo(m_aliceId, QStringLiteral("n%1").arg(i), QStringLiteral("orders"));
    publishTo(m_aliceId, QStringLiteral("other"), QStringLiteral("deploys"));
    const auto reply = a.ws->request(QStringLiteral("readAll"), {{QStringLiteral("topic"), QStringLiteral("orders")}});
    QVERIFY(reply);
    const auto ev = b.ws->waitFor(QStringLiteral("readAll"));
    QVERIFY(ev);
    QCOMPARE(ev->data.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
    QCOMPARE(ev->data.value(QStringLiteral("seq")).toInteger(), 5);
    const auto badge = b.ws->waitFor(QStringLiteral("badge"));
    QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), 1);
    b.ws->drain();
    for (const auto &f : b.ws->pending())
        QVERIFY2(f.event != QLatin1String("readAll"), "readAll must be a single event");
}

void TestStreamSync::delete_onOneDevice_removesOnTheOther()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    const QString id = publishTo(m_aliceId, QStringLiteral("to delete"));
    QVERIFY(a.ws->request(QStringLiteral("delete"), {{QStringLiteral("ids"), QJsonArray {id}}}));
    const auto ev = b.ws->waitFor(QStringLiteral("deleted"));
    QVERIFY(ev);
    QCOMPARE(stringsOf(ev->data.value(QStringLiteral("ids")).toArray()), QStringList {id});
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    QCOMPARE(alice.get(QStringLiteral("/api/notifications/") + id).status, 404);
    QCOMPARE(alice.get(QStringLiteral("/api/notifications"))
                 .json.value(QStringLiteral("unread"))
                 .toObject()
                 .value(QStringLiteral("total"))
                 .toInteger(),
        0);
}

void TestStreamSync::resume_afterDisconnect_replaysExactlyTheMissedEventsInOrder()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    const QString kept = publishTo(m_aliceId, QStringLiteral("seen by both"));
    const auto seen = b.ws->waitFor(QStringLiteral("notification"));
    QVERIFY(seen);
    const qint64 lastSeq = seen->data.value(QStringLiteral("seq")).toInteger();
    const QString epoch = m_server->server().store().epoch();
    b.ws->close();
    QVERIFY(b.ws->waitClosed());

    // While B is away: two notifications, a read and a delete made on A.
    const QString n2 = publishTo(m_aliceId, QStringLiteral("missed 1"));
    const QString n3 = publishTo(m_aliceId, QStringLiteral("missed 2"));
    QVERIFY(a.ws->request(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {kept}}}));
    QVERIFY(a.ws->request(QStringLiteral("delete"), {{QStringLiteral("ids"), QJsonArray {n2}}}));

    Device b2 = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    QVERIFY(b2.ws->waitFor(QStringLiteral("welcome")));
    b2.ws->sendFrame(
        QStringLiteral("resume"), {{QStringLiteral("epoch"), epoch}, {QStringLiteral("sinceSeq"), lastSeq}});

    const QStringList expected = {QStringLiteral("notification"), QStringLiteral("notification"),
        QStringLiteral("read"), QStringLiteral("deleted"), QStringLiteral("replayDone")};
    QStringList got;
    qint64 previous = lastSeq;
    while (got.size() < expected.size()) {
        const auto f = b2.ws->next();
        QVERIFY(f);
        if (f->event == QLatin1String("badge"))
            QFAIL("no badge may interleave with the replay");
        got << f->event;
        if (f->event != QLatin1String("replayDone")) {
            const qint64 seq = f->data.value(QStringLiteral("seq")).toInteger();
            QCOMPARE(seq, previous + 1); // exactly the missed events, in order, none twice
            previous = seq;
        } else {
            QCOMPARE(f->data.value(QStringLiteral("fromSeq")).toInteger(), lastSeq);
            QCOMPARE(f->data.value(QStringLiteral("toSeq")).toInteger(), lastSeq + 4);
            QCOMPARE(f->data.value(QStringLiteral("count")).toInteger(), 4);
        }
    }
    QCOMPARE(got, expected);
    const auto badge = b2.ws->waitFor(QStringLiteral("badge"));
    QVERIFY(badge);
    QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), 1); // only n3 is unread
    Q_UNUSED(n3)
}

void TestStreamSync::resume_matchesRestStreamReplay()
{
    for (int i = 0; i < 7; ++i)
        publishTo(m_aliceId, QStringLiteral("n%1").arg(i));
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    const HttpResult rest = alice.get(QStringLiteral("/api/stream?sinceSeq=2&limit=3"));
    QCOMPARE(rest.status, 200);
    const QJsonArray events = rest.json.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 3);
    QCOMPARE(
        events.at(0).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInteger(), 3);
    QCOMPARE(rest.json.value(QStringLiteral("headSeq")).toInteger(), 7);
    QCOMPARE(rest.json.value(QStringLiteral("hasMore")).toBool(), true);

    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(QStringLiteral("resume"), {{QStringLiteral("sinceSeq"), 2}});
    for (int i = 0; i < 3; ++i) {
        const auto f = a.ws->waitFor(QStringLiteral("notification"));
        QVERIFY(f);
        QCOMPARE(QJsonObject(f->data), events.at(i).toObject().value(QStringLiteral("data")).toObject());
    }
}

void TestStreamSync::resume_withOtherEpoch_getsResync()
{
    publishTo(m_aliceId, QStringLiteral("x"));
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(QStringLiteral("resume"),
        {{QStringLiteral("epoch"), QStringLiteral("some-other-epoch")}, {QStringLiteral("sinceSeq"), 0}});
    const auto resync = a.ws->waitFor(QStringLiteral("resync"));
    QVERIFY(resync);
    QVERIFY(!resync->data.value(QStringLiteral("reason")).toString().isEmpty());
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    const HttpResult r = alice.get(QStringLiteral("/api/stream?sinceSeq=0&epoch=some-other-epoch"));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("RESYNC"));
}

void TestStreamSync::resume_afterPruning_getsResync()
{
    publishTo(m_aliceId, QStringLiteral("old 1"));
    publishTo(m_aliceId, QStringLiteral("old 2"));
    QVERIFY(m_server->server().store().pruneEvents(QDateTime::currentDateTimeUtc().addSecs(60)) >= 2);
    publishTo(m_aliceId, QStringLiteral("new"));
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(QStringLiteral("resume"), {{QStringLiteral("sinceSeq"), 0}});
    QVERIFY(a.ws->waitFor(QStringLiteral("resync")));
    // From the head after pruning, resume works again.
    a.ws->sendFrame(QStringLiteral("resume"), {{QStringLiteral("sinceSeq"), 2}});
    const auto n = a.ws->waitFor(QStringLiteral("notification"));
    QVERIFY(n);
    QCOMPARE(n->data.value(QStringLiteral("title")).toString(), QStringLiteral("new"));
    QVERIFY(a.ws->waitFor(QStringLiteral("replayDone")));
}

void TestStreamSync::resume_aheadOfServer_getsResync()
{
    publishTo(m_aliceId, QStringLiteral("x"));
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(QStringLiteral("resume"), {{QStringLiteral("sinceSeq"), 99}});
    QVERIFY(a.ws->waitFor(QStringLiteral("resync")));
}

void TestStreamSync::requestMissedNotifications_replaysSinceTime()
{
    const QString before = publishTo(m_aliceId, QStringLiteral("before"));
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    const QDateTime createdAt = QDateTime::fromString(
        alice.get(QStringLiteral("/api/notifications/") + before).json.value(QStringLiteral("createdAt")).toString(),
        Qt::ISODateWithMs);
    QVERIFY(createdAt.isValid());
    // Timestamps have millisecond resolution: let the clock pass the first one.
    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > createdAt);
    const QDateTime since = QDateTime::currentDateTimeUtc();
    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > since);
    publishTo(m_aliceId, QStringLiteral("after"));
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(
        QStringLiteral("requestMissedNotifications"), {{QStringLiteral("since"), since.toString(Qt::ISODateWithMs)}});
    const auto n = a.ws->waitFor(QStringLiteral("notification"));
    QVERIFY(n);
    QCOMPARE(n->data.value(QStringLiteral("title")).toString(), QStringLiteral("after"));
    const auto done = a.ws->waitFor(QStringLiteral("replayDone"));
    QVERIFY(done);
    QCOMPARE(done->data.value(QStringLiteral("count")).toInteger(), 1);
}

void TestStreamSync::serverRestart_clientsResumeWithNothingMissingOrDuplicated()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    QStringList published;
    published << publishTo(m_aliceId, QStringLiteral("before restart"));
    qint64 lastA = 0;
    qint64 lastB = 0;
    QSet<QString> seenA;
    QSet<QString> seenB;
    for (auto [dev, last, seen] : {std::tuple {&a, &lastA, &seenA}, std::tuple {&b, &lastB, &seenB}}) {
        const auto n = dev->ws->waitFor(QStringLiteral("notification"));
        QVERIFY(n);
        *last = n->data.value(QStringLiteral("seq")).toInteger();
        seen->insert(n->data.value(QStringLiteral("id")).toString());
    }
    const QString epoch = m_server->server().store().epoch();

    m_server->stop();
    QVERIFY(a.ws->waitClosed());
    QCOMPARE(a.ws->closeCode(), 1001);
    QVERIFY(m_server->restart());
    QCOMPARE(m_server->server().store().epoch(), epoch);
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    for (int i = 0; i < 5; ++i)
        published << publishTo(m_aliceId, QStringLiteral("after restart %1").arg(i));

    Device a2 = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    Device b2 = connectDevice(QStringLiteral("alice"), QStringLiteral("desktop"));
    for (auto [dev, last, seen] : {std::tuple {&a2, &lastA, &seenA}, std::tuple {&b2, &lastB, &seenB}}) {
        dev->ws->sendFrame(
            QStringLiteral("resume"), {{QStringLiteral("epoch"), epoch}, {QStringLiteral("sinceSeq"), *last}});
        while (true) {
            const auto f = dev->ws->next();
            QVERIFY(f);
            if (f->event == QLatin1String("replayDone"))
                break;
            if (f->event != QLatin1String("notification"))
                continue;
            const QString id = f->data.value(QStringLiteral("id")).toString();
            QVERIFY2(!seen->contains(id), "a notification arrived twice");
            seen->insert(id);
        }
        QCOMPARE(*seen, QSet<QString>(published.cbegin(), published.cend()));
    }
}

void TestStreamSync::shutdown_closesSocketsWithGoingAway()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    QVERIFY(a.ws->waitFor(QStringLiteral("welcome")));
    m_server->stop();
    QVERIFY(a.ws->waitClosed());
    QCOMPARE(a.ws->closeCode(), 1001);
}

void TestStreamSync::ping_getsPong()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    a.ws->sendFrame(QStringLiteral("ping"));
    const auto pong = a.ws->waitFor(QStringLiteral("pong"));
    QVERIFY(pong);
    QVERIFY(
        QDateTime::fromString(pong->data.value(QStringLiteral("serverTime")).toString(), Qt::ISODateWithMs).isValid());
}

void TestStreamSync::opId_repeated_isAppliedOnce()
{
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    const QString id = publishTo(m_aliceId, QStringLiteral("x"));
    const QJsonObject op {{QStringLiteral("ids"), QJsonArray {id}}, {QStringLiteral("opId"), QStringLiteral("op-1")}};
    const auto first = a.ws->request(QStringLiteral("read"), op);
    QVERIFY(first);
    QCOMPARE(first->value(QStringLiteral("data")).toObject().value(QStringLiteral("changed")).toBool(), true);
    QVERIFY(a.ws->request(QStringLiteral("unread"), {{QStringLiteral("ids"), QJsonArray {id}}}));
    // The offline queue replays op-1 after a reconnect: it must not re-read.
    const auto repeated = a.ws->request(QStringLiteral("read"), op);
    QVERIFY(repeated);
    QCOMPARE(repeated->value(QStringLiteral("data")).toObject().value(QStringLiteral("duplicate")).toBool(), true);
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    QCOMPARE(alice.get(QStringLiteral("/api/notifications"))
                 .json.value(QStringLiteral("unread"))
                 .toObject()
                 .value(QStringLiteral("total"))
                 .toInteger(),
        1);
}

void TestStreamSync::accessTokenExpiry_closesWith4401_unlessRenewedInBand()
{
    m_admin.reset();
    Tidings::ManualClock clock;
    m_server = std::make_unique<TestServer>(
        [](Tidings::Server::ServerConfig &c) {
            c.accessTokenTtlSec = 60;
            c.heartbeatSec = 1;
        },
        clock);
    QVERIFY(m_server->isRunning());
    HttpTestClient admin(m_server->url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    QVERIFY(!admin.createUser(QStringLiteral("alice")).isEmpty());

    Device stale = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    HttpTestClient http(m_server->url());
    const HttpResult login
        = http.login(QStringLiteral("alice"), QStringLiteral("password-123"), QStringLiteral("desk"));
    auto renewing = std::make_unique<WsTestClient>();
    QVERIFY(renewing->open(m_server->wsUrl(), login.json.value(QStringLiteral("accessToken")).toString()));
    QVERIFY(renewing->waitFor(QStringLiteral("welcome")));

    // Renew before the first token expires: a fresh token of the same user and device.
    clock.advanceSecs(45);
    const HttpResult refreshed = http.post(QStringLiteral("/api/auth/refresh"),
        {{QStringLiteral("refreshToken"), login.json.value(QStringLiteral("refreshToken")).toString()}});
    QCOMPARE(refreshed.status, 200);
    const auto renewed = renewing->request(
        QStringLiteral("auth"), {{QStringLiteral("token"), refreshed.json.value(QStringLiteral("accessToken"))}});
    QVERIFY(renewed);
    QCOMPARE(renewed->value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(!renewed->value(QStringLiteral("data")).toObject().value(QStringLiteral("expiresAt")).toString().isEmpty());

    // The first tokens have expired; the renewed one has 45 s left. The next heartbeat notices.
    clock.advanceSecs(30);
    QVERIFY(stale.ws->waitClosed(6000));
    QCOMPARE(stale.ws->closeCode(), 4401);
    QVERIFY2(stale.ws->closeReason().contains(QLatin1String("expired")), qPrintable(stale.ws->closeReason()));
    QVERIFY(renewing->isConnected());
    QVERIFY(renewing->request(QStringLiteral("ping")));
    renewing.reset();
    stale.ws.reset();
    m_server.reset(); // before `clock` goes
}

void TestStreamSync::auth_withAnotherUsersToken_isRefusedAndKeepsTheConnection()
{
    QVERIFY(!m_admin->createUser(QStringLiteral("bob")).isEmpty());
    Device a = connectDevice(QStringLiteral("alice"), QStringLiteral("laptop"));
    QVERIFY(a.ws->waitFor(QStringLiteral("welcome")));
    HttpTestClient bob(m_server->url());
    const HttpResult login = bob.login(QStringLiteral("bob"), QStringLiteral("password-123"));
    const auto other = a.ws->request(
        QStringLiteral("auth"), {{QStringLiteral("token"), login.json.value(QStringLiteral("accessToken"))}});
    QVERIFY(other);
    QCOMPARE(other->value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(other->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("CONFLICT"));
    const auto garbage = a.ws->request(QStringLiteral("auth"), {{QStringLiteral("token"), QStringLiteral("nope")}});
    QVERIFY(garbage);
    QCOMPARE(garbage->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("UNAUTHORIZED"));
    QVERIFY(a.ws->isConnected());
}

TIDINGS_TEST_MAIN(TestStreamSync)
#include "tst_stream_sync.moc"
