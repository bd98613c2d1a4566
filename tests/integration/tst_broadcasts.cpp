// Broadcasts end to end: a real tidingsd in this process, real HTTP and WebSocket
// clients, a real SMTP server for the email counts, and a ManualClock that moves time
// across weekends and a daylight saving change without sleeping.

#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"
#include "support/TestMain.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;
using namespace Tidings::Server;
using Tidings::Test::HttpResult;
using Tidings::Test::HttpTestClient;
using Tidings::Test::TestServer;

namespace {

constexpr int kPollMs = 20;
const QString kPassword = QStringLiteral("password-123");

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QJsonObject merged(QJsonObject base, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QJsonObject toAlice(const QString &title, const QJsonObject &extra = {})
{
    return merged(
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}}, {QStringLiteral("title"), title},
            {QStringLiteral("message"), QString(QStringLiteral("Body of ") + title)}},
        extra);
}

QJsonObject schedule(const QString &cron, const QString &tz, const QJsonValue &max = QJsonValue())
{
    QJsonObject s {{QStringLiteral("cron"), cron}, {QStringLiteral("timezone"), tz}};
    if (!max.isNull())
        s.insert(QStringLiteral("maxOccurrences"), max);
    return s;
}

QJsonObject statsOf(const QJsonObject &broadcast)
{
    return broadcast.value(QStringLiteral("stats")).toObject();
}

QJsonArray runsOf(const QJsonObject &broadcast)
{
    return statsOf(broadcast).value(QStringLiteral("byOccurrence")).toArray();
}

QStringList titlesOf(const QJsonArray &notifications)
{
    QStringList titles;
    for (const QJsonValue &n : notifications)
        titles << n.toObject().value(QStringLiteral("title")).toString();
    return titles;
}

} // namespace

class TestBroadcasts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneOff_toEveryone_reachesEveryInbox();
    void scheduledOneOff_cancelled_neverDelivered();
    void recurring_weekdaysInBerlin_runsAtTheRightInstants_stopsAfterMax();
    void recurring_missedWhileDown_publishedOnceAfterRestart();
    void recurring_cancelled_runsNoMore();
    void recurring_creatorDemotedOrDisabled_failsWithoutPublishing();
    void estimate_countsRolesTopicsAndEveryone_writesNothing();
    void stats_countDeliveriesReadsAndEmails();
    void create_invalid_namesTheFieldAndStoresNothing_data();
    void create_invalid_namesTheFieldAndStoresNothing();
    void create_sameIdempotencyKey_returnsTheFirst();
    void nonAdmin_forbidden();

private:
    void startServer(quint16 smtpPort = 0);
    // Access tokens expire on the ManualClock: a fresh login after every move.
    void relogin();
    QJsonObject create(const QJsonObject &body);
    QJsonObject fetch(const QString &id);
    int occurrences(const QString &id);
    QJsonArray inboxOf(const QString &username);
    // A broadcast to the admin every minute: when it has run again after the clock
    // moved, a scheduler round ran at that time, and every other broadcast due then was
    // published in the same round. This is how a test proves that nothing ran early.
    [[nodiscard]] bool createProbe();
    [[nodiscard]] bool roundAt(const QDateTime &t);

    ManualClock m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    QString m_aliceId;
    QString m_bobId;
    QString m_carolId;
    QString m_probe;
};

void TestBroadcasts::init()
{
    m_clock.set(utc(2026, 3, 2, 12, 0)); // a Monday
    m_probe.clear();
}

void TestBroadcasts::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

void TestBroadcasts::startServer(quint16 smtpPort)
{
    m_server = std::make_unique<TestServer>(
        [&](ServerConfig &c) {
            c.deliveryPollMs = kPollMs;
            if (smtpPort != 0) {
                c.email.host = QStringLiteral("127.0.0.1");
                c.email.port = smtpPort;
                c.email.security = Channels::EmailChannel::Security::None;
                c.email.from = QStringLiteral("tidings@example.test");
            }
        },
        m_clock);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    relogin();
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    m_bobId = m_admin->createUser(QStringLiteral("bob"));
    m_carolId = m_admin->createUser(QStringLiteral("carol"), QStringLiteral("publisher"));
    QVERIFY(!m_aliceId.isEmpty() && !m_bobId.isEmpty() && !m_carolId.isEmpty());
}

void TestBroadcasts::relogin()
{
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
}

QJsonObject TestBroadcasts::create(const QJsonObject &body)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/broadcasts"), body);
    if (r.status != 201) {
        qWarning() << "create failed:" << r.status << r.json;
        return {};
    }
    return r.json;
}

QJsonObject TestBroadcasts::fetch(const QString &id)
{
    return m_admin->get(QStringLiteral("/api/broadcasts/") + id).json;
}

int TestBroadcasts::occurrences(const QString &id)
{
    return fetch(id).value(QStringLiteral("occurrences")).toInt(-1);
}

QJsonArray TestBroadcasts::inboxOf(const QString &username)
{
    HttpTestClient client(m_server->url());
    if (client.login(username, kPassword).status != 200)
        return {};
    return client.get(QStringLiteral("/api/notifications?limit=100"))
        .json.value(QStringLiteral("notifications"))
        .toArray();
}

bool TestBroadcasts::createProbe()
{
    const QJsonObject probe = create({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("admin")}},
        {QStringLiteral("title"), QStringLiteral("probe")},
        {QStringLiteral("schedule"), schedule(QStringLiteral("* * * * *"), QStringLiteral("UTC"))}});
    m_probe = probe.value(QStringLiteral("id")).toString();
    // Created on a minute boundary, its first run is due at once; wait for it, so
    // that every later run comes from a round after a move of the clock.
    return !m_probe.isEmpty() && QTest::qWaitFor([this] { return occurrences(m_probe) >= 1; });
}

bool TestBroadcasts::roundAt(const QDateTime &t)
{
    const int before = occurrences(m_probe);
    m_clock.set(t);
    if (m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status != 200)
        return false;
    return QTest::qWaitFor([&] { return occurrences(m_probe) > before; });
}

void TestBroadcasts::oneOff_toEveryone_reachesEveryInbox()
{
    startServer();
    const HttpResult r = m_admin->post(QStringLiteral("/api/broadcasts"),
        {{QStringLiteral("name"), QStringLiteral("Maintenance notice")}, {QStringLiteral("broadcast"), true},
            {QStringLiteral("title"), QStringLiteral("Maintenance tonight")},
            {QStringLiteral("message"), QStringLiteral("The service is down from 22:00 to 23:00.")}});
    QCOMPARE(r.status, 201);
    const QJsonObject b = r.json;
    QCOMPARE(b.value(QStringLiteral("name")).toString(), QStringLiteral("Maintenance notice"));
    QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(b.value(QStringLiteral("occurrences")).toInt(), 1);
    QVERIFY(b.value(QStringLiteral("schedule")).isNull());
    QVERIFY(b.value(QStringLiteral("scheduledAt")).isNull());
    QCOMPARE(b.value(QStringLiteral("createdAt")).toString(), iso(m_clock.now()));
    QCOMPARE(b.value(QStringLiteral("request")).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("Maintenance tonight"));
    QCOMPARE(statsOf(b).value(QStringLiteral("recipients")).toInt(), 4); // admin, alice, bob, carol
    const QJsonArray runs = runsOf(b);
    QCOMPARE(runs.size(), 1);
    const QString messageId = runs.first().toObject().value(QStringLiteral("messageId")).toString();
    QCOMPARE(b.value(QStringLiteral("lastMessageId")).toString(), messageId);
    QCOMPARE(runs.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("sent"));

    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
        const QJsonArray inbox = inboxOf(user);
        QCOMPARE(inbox.size(), 1);
        QCOMPARE(inbox.first().toObject().value(QStringLiteral("id")).toString(), messageId);
        QCOMPARE(
            inbox.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Maintenance tonight"));
    }

    const HttpResult list = m_admin->get(QStringLiteral("/api/broadcasts"));
    QCOMPARE(list.status, 200);
    const QJsonArray all = list.json.value(QStringLiteral("broadcasts")).toArray();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().toObject().value(QStringLiteral("id")).toString(), b.value(QStringLiteral("id")).toString());
    QCOMPARE(statsOf(all.first().toObject()).value(QStringLiteral("recipients")).toInt(), 4);
    QVERIFY(!statsOf(all.first().toObject()).contains(QStringLiteral("byOccurrence")));
    QCOMPARE(list.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInt(), 1);
}

void TestBroadcasts::scheduledOneOff_cancelled_neverDelivered()
{
    startServer();
    const QString later = iso(m_clock.now().addSecs(3600));
    const QJsonObject doomed = create(toAlice(QStringLiteral("Never"), {{QStringLiteral("scheduledAt"), later}}));
    const QJsonObject control = create(toAlice(QStringLiteral("In an hour"), {{QStringLiteral("scheduledAt"), later}}));
    QVERIFY(!doomed.isEmpty() && !control.isEmpty());
    QCOMPARE(doomed.value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(doomed.value(QStringLiteral("scheduledAt")).toString(), later);
    QCOMPARE(runsOf(doomed).first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(statsOf(doomed).value(QStringLiteral("recipients")).toInt(), 1);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 0);

    const QString id = doomed.value(QStringLiteral("id")).toString();
    const HttpResult cancelled = m_admin->post(QStringLiteral("/api/broadcasts/") + id + QStringLiteral("/cancel"));
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(cancelled.json.value(QStringLiteral("cancelledAt")).toString(), iso(m_clock.now()));
    QCOMPARE(runsOf(cancelled.json).first().toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("cancelled"));
    const HttpResult again = m_admin->post(QStringLiteral("/api/broadcasts/") + id + QStringLiteral("/cancel"));
    QCOMPARE(again.status, 409);
    QVERIFY(Test::hasErrorShape(again, QStringLiteral("CONFLICT")));
    QCOMPARE(m_admin->post(QStringLiteral("/api/broadcasts/no-such-id/cancel")).status, 404);

    // The time passes: the pipeline releases the control, which proves it looked.
    m_clock.advanceSecs(3601);
    relogin();
    const QString controlId = control.value(QStringLiteral("id")).toString();
    QTRY_COMPARE(fetch(controlId).value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(titlesOf(inboxOf(QStringLiteral("alice"))), QStringList {QStringLiteral("In an hour")});
    const QJsonObject after = fetch(id);
    QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(statsOf(after).value(QStringLiteral("delivered")).toInt(), 0);
}

void TestBroadcasts::recurring_weekdaysInBerlin_runsAtTheRightInstants_stopsAfterMax()
{
    // Thursday before the last Sunday of March: Berlin moves from UTC+1 to UTC+2 on
    // the weekend between the first and the second run.
    m_clock.set(utc(2026, 3, 26, 12, 0));
    startServer();
    QVERIFY(createProbe());
    const QJsonObject created = create({{QStringLiteral("recipients"),
                                            QJsonArray {QStringLiteral("alice"), QStringLiteral("bob")}},
        {QStringLiteral("title"), QStringLiteral("Stand-up")},
        {QStringLiteral("schedule"), schedule(QStringLiteral("0 9 * * MON-FRI"), QStringLiteral("Europe/Berlin"), 3)}});
    QVERIFY(!created.isEmpty());
    const QString id = created.value(QStringLiteral("id")).toString();
    QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
    QCOMPARE(created.value(QStringLiteral("occurrences")).toInt(), 0);
    const QJsonObject s = created.value(QStringLiteral("schedule")).toObject();
    QCOMPARE(s.value(QStringLiteral("cron")).toString(), QStringLiteral("0 9 * * MON-FRI"));
    QCOMPARE(s.value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(s.value(QStringLiteral("maxOccurrences")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("description")).toString(), QStringLiteral("at 09:00 on Monday to Friday"));
    QCOMPARE(s.value(QStringLiteral("nextRunAt")).toString(), QStringLiteral("2026-03-27T08:00:00.000Z"));
    QCOMPARE(Test::stringsOf(s.value(QStringLiteral("upcoming"))),
        (QStringList {QStringLiteral("2026-03-27T08:00:00.000Z"), QStringLiteral("2026-03-30T07:00:00.000Z"),
            QStringLiteral("2026-03-31T07:00:00.000Z")}));

    QVERIFY(roundAt(utc(2026, 3, 27, 7, 59)));
    QCOMPARE(occurrences(id), 0);
    QVERIFY(roundAt(utc(2026, 3, 27, 8, 0))); // Friday 09:00 CET
    QCOMPARE(occurrences(id), 1);
    QCOMPARE(fetch(id).value(QStringLiteral("schedule")).toObject().value(QStringLiteral("nextRunAt")).toString(),
        QStringLiteral("2026-03-30T07:00:00.000Z"));
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 1);

    // The weekend, and Monday 08:00Z, which would be 09:00 without the DST change.
    for (const QDateTime &t : {utc(2026, 3, 28, 8, 0), utc(2026, 3, 29, 7, 0), utc(2026, 3, 30, 6, 59)}) {
        QVERIFY(roundAt(t));
        QCOMPARE(occurrences(id), 1);
    }
    QVERIFY(roundAt(utc(2026, 3, 30, 7, 0))); // Monday 09:00 CEST
    QCOMPARE(occurrences(id), 2);
    QVERIFY(roundAt(utc(2026, 3, 31, 7, 0))); // Tuesday
    const QJsonObject done = fetch(id);
    QCOMPARE(done.value(QStringLiteral("occurrences")).toInt(), 3);
    QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("finished"));
    QVERIFY(done.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("nextRunAt")).isNull());
    QVERIFY(done.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("upcoming")).toArray().isEmpty());

    QVERIFY(roundAt(utc(2026, 4, 1, 7, 0))); // Wednesday: the limit was reached
    QCOMPARE(occurrences(id), 3);
    QStringList ats;
    for (const QJsonValue &run : runsOf(fetch(id)))
        ats << run.toObject().value(QStringLiteral("at")).toString();
    QCOMPARE(ats,
        (QStringList {QStringLiteral("2026-03-31T07:00:00.000Z"), QStringLiteral("2026-03-30T07:00:00.000Z"),
            QStringLiteral("2026-03-27T08:00:00.000Z")}));
    QCOMPARE(titlesOf(inboxOf(QStringLiteral("bob"))),
        (QStringList {QStringLiteral("Stand-up"), QStringLiteral("Stand-up"), QStringLiteral("Stand-up")}));
    QCOMPARE(statsOf(fetch(id)).value(QStringLiteral("recipients")).toInt(), 6);
}

void TestBroadcasts::recurring_missedWhileDown_publishedOnceAfterRestart()
{
    m_clock.set(utc(2026, 3, 2, 12, 0, 30));
    startServer();
    const QJsonObject created = create(toAlice(QStringLiteral("Hourly"),
        {{QStringLiteral("schedule"), schedule(QStringLiteral("0 * * * *"), QStringLiteral("UTC"))}}));
    const QString id = created.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(created.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("maxOccurrences")).isNull());

    // Down from before 13:00 to 17:30: five slots missed.
    m_server->stop();
    m_clock.set(utc(2026, 3, 2, 17, 30));
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    relogin();
    QTRY_COMPARE(occurrences(id), 1);
    const QJsonObject after = fetch(id);
    QCOMPARE(runsOf(after).first().toObject().value(QStringLiteral("at")).toString(),
        QStringLiteral("2026-03-02T17:30:00.000Z"));
    QCOMPARE(after.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("nextRunAt")).toString(),
        QStringLiteral("2026-03-02T18:00:00.000Z"));
    QCOMPARE(titlesOf(inboxOf(QStringLiteral("alice"))), QStringList {QStringLiteral("Hourly")});
}

void TestBroadcasts::recurring_cancelled_runsNoMore()
{
    startServer();
    QVERIFY(createProbe());
    m_clock.set(utc(2026, 3, 2, 12, 0, 30));
    const QJsonObject created = create(toAlice(QStringLiteral("Hourly"),
        {{QStringLiteral("schedule"), schedule(QStringLiteral("0 * * * *"), QStringLiteral("UTC"), 10)}}));
    const QString id = created.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(roundAt(utc(2026, 3, 2, 13, 0)));
    QCOMPARE(occurrences(id), 1);

    const HttpResult r = m_admin->post(QStringLiteral("/api/broadcasts/") + id + QStringLiteral("/cancel"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(r.json.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("nextRunAt")).isNull());

    QVERIFY(roundAt(utc(2026, 3, 2, 14, 0)));
    QVERIFY(roundAt(utc(2026, 3, 2, 15, 0)));
    QCOMPARE(occurrences(id), 1);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 1);
    const HttpResult cancelledOnly = m_admin->get(QStringLiteral("/api/broadcasts?state=cancelled"));
    QCOMPARE(cancelledOnly.json.value(QStringLiteral("broadcasts")).toArray().size(), 1);
    QCOMPARE(m_admin->get(QStringLiteral("/api/broadcasts?state=paused")).errorField(), QStringLiteral("state"));
}

void TestBroadcasts::recurring_creatorDemotedOrDisabled_failsWithoutPublishing()
{
    startServer();
    const QString daveId = m_admin->createUser(QStringLiteral("dave"), QStringLiteral("admin"));
    const QString erinId = m_admin->createUser(QStringLiteral("erin"), QStringLiteral("admin"));
    m_clock.set(utc(2026, 3, 2, 12, 0, 30));
    QStringList ids;
    for (const QString &creator : {QStringLiteral("dave"), QStringLiteral("erin")}) {
        HttpTestClient client(m_server->url());
        QCOMPARE(client.login(creator, kPassword).status, 200);
        const HttpResult r = client.post(QStringLiteral("/api/broadcasts"),
            toAlice(QString(QStringLiteral("From ") + creator),
                {{QStringLiteral("schedule"), schedule(QStringLiteral("0 * * * *"), QStringLiteral("UTC"))}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(
            r.json.value(QStringLiteral("createdBy")).toString(), creator == QLatin1String("dave") ? daveId : erinId);
        ids << r.json.value(QStringLiteral("id")).toString();
    }
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/admin/users/") + daveId,
                     {{QStringLiteral("role"), QStringLiteral("publisher")}})
                 .status,
        200);
    QCOMPARE(
        m_admin->patch(QStringLiteral("/api/admin/users/") + erinId, {{QStringLiteral("disabled"), true}}).status, 200);

    m_clock.set(utc(2026, 3, 2, 13, 0));
    relogin();
    QTRY_COMPARE(fetch(ids.at(0)).value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QTRY_COMPARE(fetch(ids.at(1)).value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(fetch(ids.at(0)).value(QStringLiteral("failureReason")).toString(),
        QStringLiteral("its creator dave is no longer an admin"));
    QCOMPARE(fetch(ids.at(1)).value(QStringLiteral("failureReason")).toString(),
        QStringLiteral("its creator erin is disabled"));
    for (const QString &id : ids)
        QCOMPARE(occurrences(id), 0);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 0);
}

void TestBroadcasts::estimate_countsRolesTopicsAndEveryone_writesNothing()
{
    startServer();
    const QString daveId = m_admin->createUser(QStringLiteral("dave"));
    QCOMPARE(
        m_admin->patch(QStringLiteral("/api/admin/users/") + daveId, {{QStringLiteral("disabled"), true}}).status, 200);
    QCOMPARE(m_admin->put(QStringLiteral("/api/admin/topics/deploys"), {}).status, 201);
    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        HttpTestClient client(m_server->url());
        QCOMPARE(client.login(user, kPassword).status, 200);
        QCOMPARE(client.put(QStringLiteral("/api/topics/deploys/subscription")).status, 200);
    }
    auto estimate = [this](const QJsonObject &body) {
        const HttpResult r = m_admin->post(QStringLiteral("/api/broadcasts/estimate"), body);
        return r.status == 200 ? r.json.value(QStringLiteral("recipients")).toInt(-1) : -r.status;
    };
    QCOMPARE(estimate({{QStringLiteral("roles"), QJsonArray {QStringLiteral("publisher")}}}), 1);
    QCOMPARE(estimate({{QStringLiteral("roles"), QJsonArray {QStringLiteral("user")}}}), 2); // dave is disabled
    QCOMPARE(
        estimate({{QStringLiteral("roles"), QJsonArray {QStringLiteral("admin"), QStringLiteral("publisher")}}}), 2);
    QCOMPARE(estimate({{QStringLiteral("topic"), QStringLiteral("deploys")}}), 2);
    QCOMPARE(estimate({{QStringLiteral("topic"), QStringLiteral("deploys")},
                 {QStringLiteral("excludeUsers"), QJsonArray {QStringLiteral("bob")}}}),
        1);
    QCOMPARE(estimate({{QStringLiteral("broadcast"), true}}), 4);
    // A whole draft works too; its schedule and name do not matter.
    QCOMPARE(estimate(merged(toAlice(QStringLiteral("Draft")),
                 {{QStringLiteral("schedule"), schedule(QStringLiteral("0 9 * * *"), QStringLiteral("UTC"))}})),
        1);
    // A topic nobody configured reaches nobody, and the estimate does not create it.
    QCOMPARE(estimate({{QStringLiteral("topic"), QStringLiteral("ghost")}}), 0);
    const QJsonArray topics
        = m_admin->get(QStringLiteral("/api/admin/topics")).json.value(QStringLiteral("topics")).toArray();
    QCOMPARE(topics.size(), 1);

    const HttpResult unknown = m_admin->post(QStringLiteral("/api/broadcasts/estimate"),
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("nobody")}}});
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorField(), QStringLiteral("recipients"));
    const HttpResult noAudience = m_admin->post(QStringLiteral("/api/broadcasts/estimate"), {});
    QCOMPARE(noAudience.status, 400);
    QCOMPARE(noAudience.errorField(), QStringLiteral("recipients"));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/broadcasts")).json.value(QStringLiteral("broadcasts")).toArray().size(), 0);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 0);
}

void TestBroadcasts::stats_countDeliveriesReadsAndEmails()
{
    QTemporaryDir dir;
    Test::SmtpSink sink(dir.path());
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    startServer(sink.port());
    for (const auto &[id, email] : {std::pair {m_aliceId, QStringLiteral("alice@example.test")},
             std::pair {m_bobId, QStringLiteral("bob@example.test")}})
        QCOMPARE(
            m_admin->patch(QStringLiteral("/api/admin/users/") + id, {{QStringLiteral("email"), email}}).status, 200);

    const QJsonObject created
        = create({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice"), QStringLiteral("bob")}},
            {QStringLiteral("title"), QStringLiteral("Release 2.0")},
            {QStringLiteral("message"), QStringLiteral("It is out.")}});
    const QString id = created.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    auto email = [this, &id] {
        return statsOf(fetch(id))
            .value(QStringLiteral("channels"))
            .toObject()
            .value(QStringLiteral("email"))
            .toObject();
    };
    QTRY_COMPARE(email().value(QStringLiteral("sent")).toInt(), 2);
    QCOMPARE(email().value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(email().value(QStringLiteral("failed")).toInt(), 0);
    QTRY_COMPARE(sink.messages().size(), 2);
    QJsonObject stats = statsOf(fetch(id));
    QCOMPARE(stats.value(QStringLiteral("recipients")).toInt(), 2);
    QCOMPARE(stats.value(QStringLiteral("delivered")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("read")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("channels"))
                 .toObject()
                 .value(QStringLiteral("push"))
                 .toObject()
                 .value(QStringLiteral("sent"))
                 .toInt(),
        0);

    const QString messageId = created.value(QStringLiteral("lastMessageId")).toString();
    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), kPassword).status, 200);
    QCOMPARE(alice.put(QStringLiteral("/api/notifications/") + messageId + QStringLiteral("/read")).status, 200);
    HttpTestClient bob(m_server->url());
    const HttpResult bobLogin = bob.login(QStringLiteral("bob"), kPassword);
    Test::WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), bobLogin.json.value(QStringLiteral("accessToken")).toString()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    const std::optional<QJsonObject> ack
        = ws.request(QStringLiteral("ack"), {{QStringLiteral("ids"), QJsonArray {messageId}}});
    QVERIFY(ack && ack->value(QStringLiteral("ok")).toBool());

    stats = statsOf(fetch(id));
    QCOMPARE(stats.value(QStringLiteral("delivered")).toInt(), 2); // alice by reading, bob's device by acking
    QCOMPARE(stats.value(QStringLiteral("read")).toInt(), 1);
    const QJsonObject run = runsOf(fetch(id)).first().toObject();
    QCOMPARE(run.value(QStringLiteral("read")).toInt(), 1);
    QCOMPARE(run.value(QStringLiteral("channels"))
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toObject()
                 .value(QStringLiteral("sent"))
                 .toInt(),
        2);
}

void TestBroadcasts::create_invalid_namesTheFieldAndStoresNothing_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject base = toAlice(QStringLiteral("Weekly"));
    auto with = [&base](const QJsonObject &extra) { return merged(base, extra); };
    auto scheduled = [&](const QJsonValue &s) { return with({{QStringLiteral("schedule"), s}}); };
    const QString cron = QStringLiteral("0 9 * * MON");

    QTest::newRow("schedule not an object") << scheduled(QStringLiteral("weekly")) << QStringLiteral("schedule");
    QTest::newRow("cron missing") << scheduled(QJsonObject {}) << QStringLiteral("schedule.cron");
    QTest::newRow("cron hour 25") << scheduled(schedule(QStringLiteral("0 25 * * *"), QStringLiteral("UTC")))
                                  << QStringLiteral("schedule.cron");
    QTest::newRow("cron four fields") << scheduled(schedule(QStringLiteral("0 9 * *"), QStringLiteral("UTC")))
                                      << QStringLiteral("schedule.cron");
    QTest::newRow("timezone unknown") << scheduled(schedule(cron, QStringLiteral("Mars/Olympus_Mons")))
                                      << QStringLiteral("schedule.timezone");
    QTest::newRow("maxOccurrences 0") << scheduled(schedule(cron, QStringLiteral("UTC"), 0))
                                      << QStringLiteral("schedule.maxOccurrences");
    QTest::newRow("maxOccurrences 2.5") << scheduled(schedule(cron, QStringLiteral("UTC"), 2.5))
                                        << QStringLiteral("schedule.maxOccurrences");
    QTest::newRow("maxOccurrences string") << scheduled(schedule(cron, QStringLiteral("UTC"), QStringLiteral("3")))
                                           << QStringLiteral("schedule.maxOccurrences");
    QTest::newRow("unknown schedule field")
        << scheduled(merged(schedule(cron, QStringLiteral("UTC")), {{QStringLiteral("every"), QStringLiteral("week")}}))
        << QStringLiteral("schedule.every");
    QTest::newRow("seed alias recurring.pattern") << with(
        {{QStringLiteral("recurring"), QJsonObject {{QStringLiteral("pattern"), QStringLiteral("61 * * * *")}}}})
                                                  << QStringLiteral("recurring.pattern");
    QTest::newRow("recurring with expiresAt")
        << with({{QStringLiteral("schedule"), schedule(cron, QStringLiteral("UTC"))},
               {QStringLiteral("expiresAt"), QStringLiteral("2026-04-01T00:00:00Z")}})
        << QStringLiteral("expiresAt");
    QTest::newRow("recurring to an unknown user") << merged(scheduled(schedule(cron, QStringLiteral("UTC"))),
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("nobody")}}})
                                                  << QStringLiteral("recipients");
    QTest::newRow("one-off to an unknown user")
        << with({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("nobody")}}})
        << QStringLiteral("recipients");
    QJsonObject untitled = base;
    untitled.remove(QStringLiteral("title"));
    QTest::newRow("no title") << untitled << QStringLiteral("title");
    QTest::newRow("no audience") << QJsonObject {{QStringLiteral("title"), QStringLiteral("To whom?")},
        {QStringLiteral("schedule"), schedule(cron, QStringLiteral("UTC"))}}
                                 << QStringLiteral("recipients");
    QTest::newRow("name too long") << with({{QStringLiteral("name"), QString(201, QLatin1Char('n'))}})
                                   << QStringLiteral("name");
}

void TestBroadcasts::create_invalid_namesTheFieldAndStoresNothing()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    startServer();
    const HttpResult r = m_admin->post(QStringLiteral("/api/broadcasts"), body);
    QCOMPARE(r.status, 400);
    QVERIFY2(Test::hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    QVERIFY(!r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(m_admin->get(QStringLiteral("/api/broadcasts"))
                 .json.value(QStringLiteral("pagination"))
                 .toObject()
                 .value(QStringLiteral("total"))
                 .toInt(),
        0);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 0);
}

void TestBroadcasts::create_sameIdempotencyKey_returnsTheFirst()
{
    startServer();
    const QJsonObject body
        = toAlice(QStringLiteral("Once"), {{QStringLiteral("idempotencyKey"), QStringLiteral("launch-1")}});
    const HttpResult first = m_admin->post(QStringLiteral("/api/broadcasts"), body);
    QCOMPARE(first.status, 201);
    const HttpResult second = m_admin->post(QStringLiteral("/api/broadcasts"), body);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value(QStringLiteral("id")).toString(), first.json.value(QStringLiteral("id")).toString());
    QVERIFY(!first.json.value(QStringLiteral("request")).toObject().contains(QStringLiteral("idempotencyKey")));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/broadcasts")).json.value(QStringLiteral("broadcasts")).toArray().size(), 1);
    QCOMPARE(inboxOf(QStringLiteral("alice")).size(), 1);
}

void TestBroadcasts::nonAdmin_forbidden()
{
    startServer();
    const QJsonObject created = create(toAlice(QStringLiteral("Admins only")));
    const QString id = created.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    const HttpResult token = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("ci")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    QCOMPARE(token.status, 201);

    HttpTestClient carol(m_server->url()); // a publisher
    QCOMPARE(carol.login(QStringLiteral("carol"), kPassword).status, 200);
    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), kPassword).status, 200);
    HttpTestClient publishToken(m_server->url()); // the admin's token without the admin scope
    publishToken.setToken(token.json.value(QStringLiteral("token")).toString());
    for (HttpTestClient *client : {&carol, &alice, &publishToken}) {
        const QList<HttpResult> results = {
            client->get(QStringLiteral("/api/broadcasts")),
            client->post(QStringLiteral("/api/broadcasts"), toAlice(QStringLiteral("Sneaky"))),
            client->post(QStringLiteral("/api/broadcasts/estimate"), {{QStringLiteral("broadcast"), true}}),
            client->get(QStringLiteral("/api/broadcasts/") + id),
            client->post(QStringLiteral("/api/broadcasts/") + id + QStringLiteral("/cancel")),
        };
        for (const HttpResult &r : results) {
            QCOMPARE(r.status, 403);
            QVERIFY(Test::hasErrorShape(r, QStringLiteral("FORBIDDEN")));
        }
    }
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/broadcasts")).json.value(QStringLiteral("broadcasts")).toArray().size(), 1);
    QCOMPARE(titlesOf(inboxOf(QStringLiteral("alice"))), QStringList {QStringLiteral("Admins only")});
}

TIDINGS_TEST_MAIN(TestBroadcasts)
#include "tst_broadcasts.moc"
