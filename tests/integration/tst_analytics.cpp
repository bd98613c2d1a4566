// Analytics end to end: a real tidingsd in this process with a real SMTP server
// (aiosmtpd) and a ManualClock, driven through a scripted scenario by real HTTP and
// WebSocket clients; /api/analytics must count exactly what the scenario did. Also the
// delivery log API, signed click and unsubscribe links, dismissals and retention.

#include "core/AnalyticsService.h"
#include "core/DeliveryPipeline.h"
#include "core/TrackingLinks.h"
#include "store/LatencyBuckets.h"
#include "store/Store.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"
#include "support/TestMain.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;
using namespace Tidings::Server;
using namespace Tidings::Test;

namespace {

const QString Password = QStringLiteral("password-123");
const QString OrdersUrl = QStringLiteral("https://shop.example/orders/1");

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QStringList idsOf(const QJsonArray &items, const QString &key = QStringLiteral("id"))
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << v.toObject().value(key).toString();
    return out;
}

// The counters of a totals/byChannel/timeline object, in one comparable list:
// sent, delivered, read, failed, clicked, dismissed.
QList<qint64> countsOf(const QJsonObject &o)
{
    QList<qint64> out;
    for (const char *key : {"sent", "delivered", "read", "failed", "clicked", "dismissed"})
        out << o.value(QLatin1String(key)).toInteger(-1);
    return out;
}

// GET without following redirects, so a test sees the 302 itself.
HttpResult getRaw(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request {QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.json = QJsonDocument::fromJson(r.body).object();
    reply->deleteLater();
    return r;
}

// The path and query of one of the server's own absolute URLs, for HttpTestClient.
QString pathOf(const QString &url)
{
    const QUrl u(url);
    return u.path() + (u.hasQuery() ? QLatin1Char('?') + u.query() : QString());
}

// A token with one character of its payload changed (still base64url).
QString tampered(const QString &url)
{
    QString out = url;
    const qsizetype i = out.lastIndexOf(QLatin1Char('/')) + 3;
    out[i] = out.at(i) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return out;
}

} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scenario_analyticsCountExactlyWhatHappened();
    void analytics_badParameters_400NamingTheField_data();
    void analytics_badParameters_400NamingTheField();
    void analytics_needsAdmin();
    void analytics_topTopics_busiestFirst_atMostTen_noTopicLeftOut();
    void deliveries_listFilterPaginate_detailAndRetry();
    void clickLink_tampered_404AndNoRedirect();
    void unsubscribeLink_getAsks_postTurnsOff_undoTurnsOn();
    void dismiss_overWebSocket_validatesChannel();
    void retention_prunesOldNotificationsAndAnalytics_keepsRecentAndUnfinished();

private:
    void startSink(const SmtpSink::Options &options = {});
    void startServer();
    // A fresh login at the clock's current time (access tokens follow the ManualClock).
    std::unique_ptr<HttpTestClient> login(const QString &username);
    QString createUser(const QString &username, const QString &email);
    QString publish(const QJsonObject &body);
    [[nodiscard]] bool jobsTerminal(const QStringList &messageIds);
    QJsonObject analytics(const QString &query);

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<TestServer> m_server;
    QHash<QString, QString> m_ids; // username -> id
};

void TestAnalytics::init()
{
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc())); // a Monday
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ids.clear();
}

void TestAnalytics::cleanup()
{
    m_server.reset();
    m_sink.reset();
    m_dir.reset();
}

void TestAnalytics::startSink(const SmtpSink::Options &options)
{
    m_sink = std::make_unique<SmtpSink>(m_dir->path(), options);
    QString error;
    QVERIFY2(m_sink->start(&error), qPrintable(error));
}

void TestAnalytics::startServer()
{
    const quint16 smtpPort = m_sink ? m_sink->port() : 0;
    m_server = std::make_unique<TestServer>(
        [&](ServerConfig &c) {
            if (smtpPort != 0) {
                c.email.host = QStringLiteral("127.0.0.1");
                c.email.port = smtpPort;
                c.email.security = Channels::EmailChannel::Security::None;
                c.email.from = QStringLiteral("tidings@example.test");
            }
            c.deliveryPollMs = 20;
            // No PUBLIC_URL: links point at the listening address, which the test can reach.
        },
        m_clock);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
}

std::unique_ptr<HttpTestClient> TestAnalytics::login(const QString &username)
{
    auto client = std::make_unique<HttpTestClient>(m_server->url());
    const bool admin = username == QLatin1String("admin");
    const HttpResult r = client->login(username, admin ? QLatin1String(TestServer::AdminPassword) : Password);
    if (r.status != 200)
        qWarning() << "login of" << username << "failed:" << r.status << r.body;
    return client;
}

QString TestAnalytics::createUser(const QString &username, const QString &email)
{
    auto admin = login(QStringLiteral("admin"));
    const QString id = admin->createUser(username);
    if (!email.isEmpty())
        admin->patch(QStringLiteral("/api/admin/users/") + id, {{QStringLiteral("email"), email}});
    m_ids.insert(username, id);
    return id;
}

QString TestAnalytics::publish(const QJsonObject &body)
{
    const HttpResult r = login(QStringLiteral("admin"))->post(QStringLiteral("/api/notifications"), body);
    if (r.status != 202)
        qWarning() << "publish failed:" << r.status << r.body;
    return r.json.value(QStringLiteral("id")).toString();
}

bool TestAnalytics::jobsTerminal(const QStringList &messageIds)
{
    for (const QString &id : messageIds) {
        for (const DeliveryJob &j : m_server->server().store().jobsForMessage(id)) {
            if (j.state == QLatin1String(JobState::Pending) || j.state == QLatin1String(JobState::Sending))
                return false;
        }
    }
    return true;
}

QJsonObject TestAnalytics::analytics(const QString &query)
{
    const HttpResult r = login(QStringLiteral("admin"))->get(QStringLiteral("/api/analytics?") + query);
    if (r.status != 200)
        qWarning() << "analytics failed:" << r.status << r.body;
    return r.json;
}

// ---- the scenario

void TestAnalytics::scenario_analyticsCountExactlyWhatHappened()
{
    SmtpSink::Options options;
    options.rejectRecipients = {QStringLiteral("dave@example.test")};
    startSink(options);
    startServer();
    const QDateTime t0 = m_clock.now(); // 09:00
    const QString alice = createUser(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
    const QString bob = createUser(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
    const QString carol = createUser(QStringLiteral("carol"), {});
    createUser(QStringLiteral("dave"), QStringLiteral("dave@example.test"));

    // 09:00 two notifications on two topics. inApp: 3 + 3 sent. Email: alice and bob
    // get both (4 sent, latency 0: the clock does not move while they go out); dave's
    // address is refused (1 failed); carol has no address (no job).
    const QString m1
        = publish({{QStringLiteral("recipients"),
                       QJsonArray {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}},
            {QStringLiteral("topic"), QStringLiteral("orders")},
            {QStringLiteral("title"), QStringLiteral("Order shipped")}, {QStringLiteral("click"), OrdersUrl}});
    const QString m2
        = publish({{QStringLiteral("recipients"),
                       QJsonArray {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave")}},
            {QStringLiteral("topic"), QStringLiteral("deploys")},
            {QStringLiteral("title"), QStringLiteral("Deployed")}});
    QVERIFY(!m1.isEmpty() && !m2.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(jobsTerminal({m1, m2}), 20000);
    QCOMPARE(m_server->server().store().jobsForMessage(m1).size(), 2);
    QCOMPARE(m_server->server().store().jobsForMessage(m2).size(), 3);

    // 09:00:10 alice's device acknowledges both (2 delivered, 10 s latency); a second
    // ack changes nothing.
    m_clock.advanceSecs(10);
    {
        WsTestClient ws;
        QVERIFY(ws.open(m_server->wsUrl(), login(QStringLiteral("alice"))->token()));
        QVERIFY(ws.waitFor(QStringLiteral("welcome")));
        const auto ack = ws.request(QStringLiteral("ack"), {{QStringLiteral("ids"), QJsonArray {m1, m2}}});
        QVERIFY(ack);
        QCOMPARE(stringsOf(ack->value(QStringLiteral("data")).toObject().value(QStringLiteral("ids"))),
            (QStringList {m1, m2}));
        const auto again = ws.request(QStringLiteral("ack"), {{QStringLiteral("ids"), QJsonArray {m1}}});
        QVERIFY(again);
        QVERIFY(again->value(QStringLiteral("data")).toObject().value(QStringLiteral("ids")).toArray().isEmpty());
    }

    // 09:20 bob reads m1 without an ack: 1 read and 1 delivered (latency 20 min).
    m_clock.set(t0.addSecs(20 * 60));
    QCOMPARE(login(QStringLiteral("bob"))->put(QStringLiteral("/api/notifications/%1/read").arg(m1)).status, 200);

    // 10:30 alice reads everything (2 reads, both delivered already); 10:31 bob's unread
    // takes nothing back.
    m_clock.set(t0.addSecs(90 * 60));
    const HttpResult readAll = login(QStringLiteral("alice"))->put(QStringLiteral("/api/notifications/read-all"));
    QCOMPARE(readAll.json.value(QStringLiteral("markedCount")).toInteger(), 2);
    m_clock.set(t0.addSecs(91 * 60));
    QCOMPARE(login(QStringLiteral("bob"))->put(QStringLiteral("/api/notifications/%1/unread").arg(m1)).status, 200);

    // 10:45 alice clicks her email's link twice, bob once: 3 log rows, 2 people clicked.
    m_clock.set(t0.addSecs(105 * 60));
    const TrackingLinks &links = m_server->server().links();
    const QString aliceLink = links.clickUrl(m1, alice, QStringLiteral("email"), OrdersUrl);
    QVERIFY2(aliceLink.startsWith(m_server->url().toString() + QLatin1String("/t/click/")), qPrintable(aliceLink));
    for (const QString &url : {aliceLink, aliceLink, links.clickUrl(m1, bob, QStringLiteral("email"), OrdersUrl)}) {
        const HttpResult r = getRaw(url);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.header("Location"), OrdersUrl.toUtf8());
    }
    const QString aliceEmailJob = [&] {
        for (const DeliveryJob &j : m_server->server().store().jobsForMessage(m1)) {
            if (j.userId == alice)
                return j.id;
        }
        return QString();
    }();
    QStringList aliceEvents;
    for (const DeliveryLogEntry &e : m_server->server().store().deliveryLog(aliceEmailJob))
        aliceEvents << e.event;
    QCOMPARE(aliceEvents, (QStringList {QStringLiteral("sent"), QStringLiteral("clicked"), QStringLiteral("clicked")}));

    // 11:05 carol dismisses m1 (m2 is not hers: ignored), then again (logged, not
    // counted); bob dismisses m2 over the WebSocket. 2 dismissed.
    m_clock.set(t0.addSecs(125 * 60));
    {
        auto c = login(QStringLiteral("carol"));
        const HttpResult first
            = c->post(QStringLiteral("/api/notifications/dismissed"), {{QStringLiteral("ids"), QJsonArray {m1, m2}}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json, (QJsonObject {{QStringLiteral("dismissed"), 1}}));
        const HttpResult second
            = c->post(QStringLiteral("/api/notifications/dismissed"), {{QStringLiteral("ids"), QJsonArray {m1}}});
        QCOMPARE(second.json, (QJsonObject {{QStringLiteral("dismissed"), 1}}));
        WsTestClient ws;
        QVERIFY(ws.open(m_server->wsUrl(), login(QStringLiteral("bob"))->token()));
        QVERIFY(ws.waitFor(QStringLiteral("welcome")));
        const auto dismissed = ws.request(QStringLiteral("dismiss"), {{QStringLiteral("ids"), QJsonArray {m2}}});
        QVERIFY(dismissed);
        QCOMPARE(dismissed->value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(stringsOf(dismissed->value(QStringLiteral("data")).toObject().value(QStringLiteral("ids"))),
            QStringList {m2});
    }
    m_clock.set(t0.addSecs(3 * 3600)); // 12:00

    // ---- what /api/analytics must say
    const QString range = QStringLiteral("from=%1&to=%2").arg(iso(t0), iso(t0.addSecs(3 * 3600)));
    const QJsonObject hourly = analytics(range + QLatin1String("&bucket=hour"));
    //                                  sent delivered read failed clicked dismissed
    QCOMPARE(countsOf(hourly.value(QStringLiteral("totals")).toObject()), (QList<qint64> {10, 3, 3, 1, 2, 2}));
    const QJsonObject byChannel = hourly.value(QStringLiteral("byChannel")).toObject();
    QCOMPARE(byChannel.keys(),
        (QStringList {
            QStringLiteral("email"), QStringLiteral("inApp"), QStringLiteral("push"), QStringLiteral("webhook")}));
    QCOMPARE(countsOf(byChannel.value(QStringLiteral("inApp")).toObject()), (QList<qint64> {6, 3, 3, 0, 0, 2}));
    QCOMPARE(countsOf(byChannel.value(QStringLiteral("email")).toObject()), (QList<qint64> {4, 0, 0, 1, 2, 0}));
    QCOMPARE(countsOf(byChannel.value(QStringLiteral("push")).toObject()), (QList<qint64> {0, 0, 0, 0, 0, 0}));

    // delivery = 3/6 (inApp), read = 3/3 (inApp), click = 2/4 (email + push).
    const QJsonObject rates = hourly.value(QStringLiteral("rates")).toObject();
    QCOMPARE(rates.value(QStringLiteral("delivery")).toDouble(), 0.5);
    QCOMPARE(rates.value(QStringLiteral("read")).toDouble(), 1.0);
    QCOMPARE(rates.value(QStringLiteral("click")).toDouble(), 0.5);
    const QJsonObject emailRates
        = byChannel.value(QStringLiteral("email")).toObject().value(QStringLiteral("rates")).toObject();
    QCOMPARE(emailRates.value(QStringLiteral("click")).toDouble(), 0.5);
    QCOMPARE(emailRates.value(QStringLiteral("delivery")).toDouble(), 0.0); // email confirms no delivery

    // The busiest topics: both sent 5, orders was read more.
    const QJsonArray topTopics = hourly.value(QStringLiteral("topTopics")).toArray();
    QCOMPARE(
        idsOf(topTopics, QStringLiteral("topic")), (QStringList {QStringLiteral("orders"), QStringLiteral("deploys")}));
    QCOMPARE(countsOf(topTopics.at(0).toObject()), (QList<qint64> {5, 2, 2, 0, 2, 1}));
    QCOMPARE(countsOf(topTopics.at(1).toObject()), (QList<qint64> {5, 1, 1, 1, 0, 1}));
    const QJsonObject ordersRates = topTopics.at(0).toObject().value(QStringLiteral("rates")).toObject();
    QCOMPARE(ordersRates.value(QStringLiteral("delivery")).toDouble(), 0.6667); // 2 of 3 inApp
    QCOMPARE(ordersRates.value(QStringLiteral("click")).toDouble(), 1.0); // 2 of 2 emails

    const QJsonArray timeline = hourly.value(QStringLiteral("timeline")).toArray();
    QCOMPARE(timeline.size(), 3);
    // Every channel has the same buckets, and they add up to the whole timeline.
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        QList<qint64> sum(6, 0);
        for (const QString &channel : byChannel.keys()) {
            const QJsonArray own = byChannel.value(channel).toObject().value(QStringLiteral("timeline")).toArray();
            QCOMPARE(own.size(), timeline.size());
            QCOMPARE(
                own.at(i).toObject().value(QStringLiteral("t")), timeline.at(i).toObject().value(QStringLiteral("t")));
            const QList<qint64> counts = countsOf(own.at(i).toObject());
            for (qsizetype k = 0; k < sum.size(); ++k)
                sum[k] += counts[k];
        }
        QCOMPARE(sum, countsOf(timeline.at(i).toObject()));
    }
    const QJsonArray emailTimeline
        = byChannel.value(QStringLiteral("email")).toObject().value(QStringLiteral("timeline")).toArray();
    QCOMPARE(countsOf(emailTimeline.at(0).toObject()), (QList<qint64> {4, 0, 0, 1, 0, 0}));
    QCOMPARE(countsOf(emailTimeline.at(1).toObject()), (QList<qint64> {0, 0, 0, 0, 2, 0}));
    QCOMPARE(idsOf(timeline, QStringLiteral("t")),
        (QStringList {QStringLiteral("2026-03-02T09:00:00.000Z"), QStringLiteral("2026-03-02T10:00:00.000Z"),
            QStringLiteral("2026-03-02T11:00:00.000Z")}));
    QCOMPARE(countsOf(timeline.at(0).toObject()), (QList<qint64> {10, 3, 1, 1, 0, 0}));
    QCOMPARE(countsOf(timeline.at(1).toObject()), (QList<qint64> {0, 0, 2, 0, 2, 0}));
    QCOMPARE(countsOf(timeline.at(2).toObject()), (QList<qint64> {0, 0, 0, 0, 0, 2}));

    // Latency samples: 4 emails at 0 ms, two acks at 10 s, one read at 20 min. Each
    // percentile lies inside the bucket its rank falls in.
    const QJsonObject latency = hourly.value(QStringLiteral("latencyMs")).toObject();
    QCOMPARE(latency.value(QStringLiteral("samples")).toInteger(), 7);
    const double p50 = latency.value(QStringLiteral("p50")).toDouble(-1);
    const double p95 = latency.value(QStringLiteral("p95")).toDouble(-1);
    const double p99 = latency.value(QStringLiteral("p99")).toDouble(-1);
    QVERIFY2(p50 >= 0 && p50 <= 5, qPrintable(QString::number(p50)));
    QVERIFY2(p95 > 300000 && p95 <= 1800000, qPrintable(QString::number(p95)));
    QVERIFY2(p99 > p95 && p99 <= 1800000, qPrintable(QString::number(p99)));
    const QJsonObject inAppLatency
        = byChannel.value(QStringLiteral("inApp")).toObject().value(QStringLiteral("latencyMs")).toObject();
    const double inAppP50 = inAppLatency.value(QStringLiteral("p50")).toDouble(-1);
    QVERIFY2(inAppP50 > 5000 && inAppP50 <= 10000, qPrintable(QString::number(inAppP50)));
    QVERIFY(byChannel.value(QStringLiteral("push"))
                .toObject()
                .value(QStringLiteral("latencyMs"))
                .toObject()
                .value(QStringLiteral("p50"))
                .isNull());

    // One day bucket holds everything; in New York the day starts at 05:00 UTC.
    const QJsonObject daily = analytics(range);
    QCOMPARE(daily.value(QStringLiteral("bucket")).toString(), QStringLiteral("day"));
    const QJsonArray days = daily.value(QStringLiteral("timeline")).toArray();
    QCOMPARE(days.size(), 1);
    QCOMPARE(days.at(0).toObject().value(QStringLiteral("t")).toString(), QStringLiteral("2026-03-02T00:00:00.000Z"));
    QCOMPARE(countsOf(days.at(0).toObject()), (QList<qint64> {10, 3, 3, 1, 2, 2}));
    const QJsonObject newYork = analytics(range + QLatin1String("&tz=America/New_York"));
    QCOMPARE(newYork.value(QStringLiteral("timeline")).toArray().at(0).toObject().value(QStringLiteral("t")).toString(),
        QStringLiteral("2026-03-02T05:00:00.000Z"));

    // Filters: the orders topic (m1 only), the email channel.
    const QJsonObject orders = analytics(range + QLatin1String("&topic=orders"));
    QCOMPARE(countsOf(orders.value(QStringLiteral("totals")).toObject()), (QList<qint64> {5, 2, 2, 0, 2, 1}));
    QCOMPARE(orders.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
    const QJsonObject email = analytics(range + QLatin1String("&channel=EMAIL"));
    QCOMPARE(email.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(countsOf(email.value(QStringLiteral("totals")).toObject()), (QList<qint64> {4, 0, 0, 1, 2, 0}));
    QCOMPARE(email.value(QStringLiteral("byChannel")).toObject().keys(), QStringList {QStringLiteral("email")});
    QCOMPARE(email.value(QStringLiteral("latencyMs")).toObject().value(QStringLiteral("samples")).toInteger(), 4);
    // The hours of a window that starts at 10:00 leave 09:00 out.
    const QJsonObject later
        = analytics(QStringLiteral("from=%1&to=%2").arg(iso(t0.addSecs(3600)), iso(t0.addSecs(3 * 3600))));
    QCOMPARE(countsOf(later.value(QStringLiteral("totals")).toObject()), (QList<qint64> {0, 0, 2, 0, 2, 2}));
}

void TestAnalytics::analytics_badParameters_400NamingTheField_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("from not a time") << "from=yesterday"
                                     << "from";
    QTest::newRow("to a bare date") << "to=2026-03-02"
                                    << "to";
    QTest::newRow("from after to") << "from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z"
                                   << "from";
    QTest::newRow("empty range") << "from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:00Z"
                                 << "from";
    QTest::newRow("401 days") << "from=2025-01-01T00:00:00Z&to=2026-02-06T00:00:01Z"
                              << "from";
    QTest::newRow("bucket") << "bucket=week"
                            << "bucket";
    QTest::newRow("channel") << "channel=desktop"
                             << "channel";
    QTest::newRow("topic") << "topic=no%20spaces"
                           << "topic";
    QTest::newRow("tz") << "bucket=day&tz=Mars/Olympus"
                        << "tz";
}

void TestAnalytics::analytics_badParameters_400NamingTheField()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    startServer();
    const HttpResult r = login(QStringLiteral("admin"))->get(QStringLiteral("/api/analytics?") + query);
    QCOMPARE(r.status, 400);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
}

void TestAnalytics::analytics_needsAdmin()
{
    startServer();
    createUser(QStringLiteral("alice"), {});
    for (const QString &path : {QStringLiteral("/api/analytics"), QStringLiteral("/api/admin/deliveries"),
             QStringLiteral("/api/admin/deliveries/x")}) {
        const HttpResult r = login(QStringLiteral("alice"))->get(path);
        QCOMPARE(r.status, 403);
        QVERIFY(hasErrorShape(r, QStringLiteral("FORBIDDEN")));
        QCOMPARE(HttpTestClient(m_server->url()).get(path).status, 401);
    }
    QCOMPARE(login(QStringLiteral("alice"))->post(QStringLiteral("/api/admin/deliveries/x/retry")).status, 403);
    // Exactly 400 days is allowed; the default is the last 7 days up to now.
    const HttpResult ok = login(QStringLiteral("admin"))->get(QStringLiteral("/api/analytics"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-02T09:00:00.000Z"));
    QCOMPARE(ok.json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-02-23T09:00:00.000Z"));
    QCOMPARE(ok.json.value(QStringLiteral("timeline")).toArray().size(), 8); // 7 days that start mid-day touch 8
    QCOMPARE(login(QStringLiteral("admin"))
                 ->get(QStringLiteral("/api/analytics?from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z"))
                 .status,
        200);
}

void TestAnalytics::analytics_topTopics_busiestFirst_atMostTen_noTopicLeftOut()
{
    startServer();
    createUser(QStringLiteral("alice"), {});
    const auto toAlice = [](const QString &topic) {
        QJsonObject body {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
            {QStringLiteral("title"), QStringLiteral("Hi")}};
        if (!topic.isEmpty())
            body.insert(QStringLiteral("topic"), topic);
        return body;
    };
    // t01..t12 once each, t12 twice more; three without a topic (the busiest, but no topic).
    for (int i = 1; i <= 12; ++i)
        QVERIFY(!publish(toAlice(QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0')))).isEmpty());
    for (int i = 0; i < 2; ++i)
        QVERIFY(!publish(toAlice(QStringLiteral("t12"))).isEmpty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(!publish(toAlice({})).isEmpty());

    const QString range
        = QStringLiteral("from=%1&to=%2").arg(iso(m_clock.now().addSecs(-3600)), iso(m_clock.now().addSecs(3600)));
    const QJsonObject report = analytics(range);
    QCOMPARE(report.value(QStringLiteral("totals")).toObject().value(QStringLiteral("sent")).toInteger(), 17);
    const QJsonArray top = report.value(QStringLiteral("topTopics")).toArray();
    QCOMPARE(top.size(), AnalyticsService::TopTopicsLimit);
    QStringList expected {QStringLiteral("t12")};
    for (int i = 1; i <= 9; ++i)
        expected << QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0'));
    QCOMPARE(idsOf(top, QStringLiteral("topic")), expected);
    QCOMPARE(top.at(0).toObject().value(QStringLiteral("sent")).toInteger(), 3);
    QCOMPARE(top.at(1).toObject().value(QStringLiteral("sent")).toInteger(), 1);
    // A topic filter lists that topic alone; a window without activity lists none.
    QCOMPARE(idsOf(analytics(range + QLatin1String("&topic=t05")).value(QStringLiteral("topTopics")).toArray(),
                 QStringLiteral("topic")),
        QStringList {QStringLiteral("t05")});
    QVERIFY(
        analytics(QStringLiteral("from=%1&to=%2").arg(iso(m_clock.now().addDays(-3)), iso(m_clock.now().addDays(-2))))
            .value(QStringLiteral("topTopics"))
            .toArray()
            .isEmpty());
}

// ---- the delivery log

void TestAnalytics::deliveries_listFilterPaginate_detailAndRetry()
{
    SmtpSink::Options options;
    options.rejectRecipients = {QStringLiteral("dave@example.test")};
    startSink(options);
    startServer();
    const QString alice = createUser(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
    createUser(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
    const QString dave = createUser(QStringLiteral("dave"), QStringLiteral("dave@example.test"));
    QStringList messages;
    for (int i = 1; i <= 3; ++i) {
        messages << publish({{QStringLiteral("recipients"),
                                 QJsonArray {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave")}},
            {QStringLiteral("topic"), QStringLiteral("orders")},
            {QStringLiteral("title"), QStringLiteral("n%1").arg(i)}});
        m_clock.advanceSecs(1); // distinct creation times: newest first is observable
    }
    QTRY_VERIFY_WITH_TIMEOUT(jobsTerminal(messages), 20000);
    auto admin = login(QStringLiteral("admin"));

    const HttpResult all = admin->get(QStringLiteral("/api/admin/deliveries"));
    QCOMPARE(all.status, 200);
    const QJsonArray items = all.json.value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(items.size(), 9);
    QCOMPARE(all.json.value(QStringLiteral("pagination")).toObject(),
        (QJsonObject {{QStringLiteral("page"), 1}, {QStringLiteral("limit"), 20}, {QStringLiteral("total"), 9},
            {QStringLiteral("totalPages"), 1}, {QStringLiteral("hasNext"), false}}));
    const QStringList newestFirst = idsOf(items, QStringLiteral("messageId"));
    QCOMPARE(newestFirst.mid(0, 3), QStringList(3, messages.at(2)));
    QCOMPARE(newestFirst.mid(6, 3), QStringList(3, messages.at(0)));
    const QJsonObject first = items.at(0).toObject();
    for (const char *key : {"id", "messageId", "userId", "channel", "status", "topic", "priority", "attempts",
             "reclaimed", "nextAttemptAt", "createdAt", "updatedAt", "sentAt", "lastError", "reason", "providerCode"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));

    const HttpResult failed = admin->get(QStringLiteral("/api/admin/deliveries?status=failed&channel=email"));
    const QJsonArray failedItems = failed.json.value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(failedItems.size(), 3);
    for (const QJsonValue &v : failedItems) {
        const QJsonObject j = v.toObject();
        QCOMPARE(j.value(QStringLiteral("userId")).toString(), dave);
        QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(j.value(QStringLiteral("providerCode")).toString(), QStringLiteral("550"));
        QVERIFY(!j.value(QStringLiteral("lastError")).toString().isEmpty());
        QCOMPARE(j.value(QStringLiteral("attempts")).toInt(), 1);
    }
    QCOMPARE(admin->get(QStringLiteral("/api/admin/deliveries?status=sent"))
                 .json.value(QStringLiteral("pagination"))
                 .toObject()
                 .value(QStringLiteral("total"))
                 .toInteger(),
        6);
    QCOMPARE(idsOf(admin->get(QStringLiteral("/api/admin/deliveries?userId=") + alice)
                       .json.value(QStringLiteral("deliveries"))
                       .toArray(),
                 QStringLiteral("userId")),
        QStringList(3, alice));
    // The user filter also takes a username; jobs carry their user's username.
    const QJsonArray alices = admin->get(QStringLiteral("/api/admin/deliveries?userId=alice"))
                                  .json.value(QStringLiteral("deliveries"))
                                  .toArray();
    QCOMPARE(idsOf(alices, QStringLiteral("userId")), QStringList(3, alice));
    QCOMPARE(idsOf(alices, QStringLiteral("username")), QStringList(3, QStringLiteral("alice")));
    QCOMPARE(first.value(QStringLiteral("username")).toString().isEmpty(), false);
    QCOMPARE(admin->get(QStringLiteral("/api/admin/deliveries?userId=nobody"))
                 .json.value(QStringLiteral("deliveries"))
                 .toArray()
                 .size(),
        0);
    // Time filters on createdAt: [from, to). The messages were created at t0, t0+1 s, t0+2 s.
    const QDateTime t0 = m_clock.now().addSecs(-3);
    const auto messagesOf = [&](const QString &query) {
        QStringList out = idsOf(admin->get(QStringLiteral("/api/admin/deliveries?") + query)
                                    .json.value(QStringLiteral("deliveries"))
                                    .toArray(),
            QStringLiteral("messageId"));
        out.removeDuplicates();
        return out;
    };
    QCOMPARE(messagesOf(QStringLiteral("from=") + iso(t0.addSecs(1))), (QStringList {messages.at(2), messages.at(1)}));
    QCOMPARE(messagesOf(QStringLiteral("to=") + iso(t0.addSecs(1))), QStringList {messages.at(0)});
    QCOMPARE(messagesOf(QStringLiteral("from=%1&to=%2").arg(iso(t0.addSecs(1)), iso(t0.addSecs(2)))),
        QStringList {messages.at(1)});
    QCOMPARE(messagesOf(QStringLiteral("status=failed&from=") + iso(t0.addSecs(2)) + QLatin1String("&userId=dave")),
        QStringList {messages.at(2)});
    QCOMPARE(idsOf(admin->get(QStringLiteral("/api/admin/deliveries?messageId=") + messages.at(1))
                       .json.value(QStringLiteral("deliveries"))
                       .toArray(),
                 QStringLiteral("messageId")),
        QStringList(3, messages.at(1)));
    QCOMPARE(admin->get(QStringLiteral("/api/admin/deliveries?channel=push"))
                 .json.value(QStringLiteral("deliveries"))
                 .toArray()
                 .size(),
        0);

    // Pages of 4: 4, 4, 1, and the pages together are the whole list.
    QStringList paged;
    for (int page = 1; page <= 3; ++page) {
        const HttpResult r = admin->get(QStringLiteral("/api/admin/deliveries?limit=4&page=%1").arg(page));
        const QJsonObject p = r.json.value(QStringLiteral("pagination")).toObject();
        QCOMPARE(p.value(QStringLiteral("totalPages")).toInt(), 3);
        QCOMPARE(p.value(QStringLiteral("hasNext")).toBool(), page < 3);
        paged += idsOf(r.json.value(QStringLiteral("deliveries")).toArray());
    }
    QCOMPARE(paged, idsOf(items));

    for (const auto &[query, field] :
        {std::pair {"status=lost", "status"}, std::pair {"channel=fax", "channel"}, std::pair {"limit=0", "limit"},
            std::pair {"page=x", "page"}, std::pair {"from=yesterday", "from"}, std::pair {"to=2026-03-02", "to"},
            std::pair {"from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:00Z", "from"}}) {
        const HttpResult r = admin->get(QStringLiteral("/api/admin/deliveries?") + QLatin1String(query));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QLatin1String(field));
    }

    // One delivery with its attempts.
    const QString deadId = failedItems.at(0).toObject().value(QStringLiteral("id")).toString();
    const HttpResult detail = admin->get(QStringLiteral("/api/admin/deliveries/") + deadId);
    QCOMPARE(detail.status, 200);
    QCOMPARE(detail.json.value(QStringLiteral("delivery")).toObject().value(QStringLiteral("id")).toString(), deadId);
    const QJsonArray attempts = detail.json.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(idsOf(attempts, QStringLiteral("event")), QStringList {QStringLiteral("failed")});
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("attempt")).toInt(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("providerCode")).toString(), QStringLiteral("550"));
    const HttpResult unknown = admin->get(QStringLiteral("/api/admin/deliveries/no-such-job"));
    QCOMPARE(unknown.status, 404);
    QVERIFY(hasErrorShape(unknown, QStringLiteral("NOT_FOUND")));

    // Retry: unknown -> 404, not a dead letter -> 409, a dead letter -> pending again.
    QVERIFY(hasErrorShape(
        admin->post(QStringLiteral("/api/admin/deliveries/no-such-job/retry")), QStringLiteral("NOT_FOUND")));
    const QString sentId = admin->get(QStringLiteral("/api/admin/deliveries?status=sent&limit=1"))
                               .json.value(QStringLiteral("deliveries"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const HttpResult conflict = admin->post(QStringLiteral("/api/admin/deliveries/%1/retry").arg(sentId));
    QCOMPARE(conflict.status, 409);
    QVERIFY(hasErrorShape(conflict, QStringLiteral("CONFLICT")));
    const HttpResult retried = admin->post(QStringLiteral("/api/admin/deliveries/%1/retry").arg(deadId));
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json.value(QStringLiteral("delivery")).toObject().value(QStringLiteral("id")).toString(), deadId);
    QVERIFY(idsOf(retried.json.value(QStringLiteral("attempts")).toArray(), QStringLiteral("event"))
                .contains(QStringLiteral("retried")));
}

// ---- signed links

void TestAnalytics::clickLink_tampered_404AndNoRedirect()
{
    startServer();
    const QString alice = createUser(QStringLiteral("alice"), {});
    const QString m1 = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Hi")}});
    const TrackingLinks &links = m_server->server().links();
    const QString good = links.clickUrl(m1, alice, QStringLiteral("push"), OrdersUrl);
    const QString token = good.mid(good.lastIndexOf(QLatin1Char('/')) + 1);
    const QString base = m_server->url().toString();

    // Another target under the genuine signature, a changed payload, a changed or
    // missing signature, an unsubscribe token on the click route: all 404, none redirects.
    const QString evilPayload
        = QString::fromLatin1(QJsonDocument(QJsonArray {QStringLiteral("c"), m1, alice, QStringLiteral("push"),
                                                QStringLiteral("https://evil.example/")})
                                  .toJson(QJsonDocument::Compact)
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString unsubscribe = links.unsubscribeUrl(alice, QStringLiteral("orders"), QStringLiteral("email"));
    const QStringList bad = {
        base + QLatin1String("/t/click/") + evilPayload + token.mid(token.indexOf(QLatin1Char('.'))),
        tampered(good),
        good.left(good.size() - 2) + (good.endsWith(QLatin1Char('A')) ? QLatin1String("BB") : QLatin1String("AA")),
        good.left(good.lastIndexOf(QLatin1Char('.'))),
        base + QLatin1String("/t/click/") + unsubscribe.mid(unsubscribe.lastIndexOf(QLatin1Char('/')) + 1),
        base + QLatin1String("/t/click/garbage"),
    };
    for (const QString &url : bad) {
        const HttpResult r = getRaw(url);
        QCOMPARE(r.status, 404);
        QVERIFY2(hasErrorShape(r, QStringLiteral("NOT_FOUND")), qPrintable(url));
        QVERIFY(r.header("Location").isEmpty());
    }
    // Only web targets are ever signed: anything else stays as it was, untracked.
    for (const QString &target : {QStringLiteral("javascript:alert(1)"), QStringLiteral("/relative"),
             QStringLiteral("mailto:a@example.test"), QStringLiteral("file:///etc/passwd")})
        QCOMPARE(links.clickUrl(m1, alice, QStringLiteral("push"), target), target);

    const HttpResult ok = getRaw(good);
    QCOMPARE(ok.status, 302);
    QCOMPARE(ok.header("Location"), OrdersUrl.toUtf8());
    QCOMPARE(ok.header("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    // Only the genuine click counted.
    const QJsonObject report = analytics(
        QStringLiteral("from=%1&to=%2").arg(iso(m_clock.now().addSecs(-3600)), iso(m_clock.now().addSecs(3600))));
    QCOMPARE(report.value(QStringLiteral("totals")).toObject().value(QStringLiteral("clicked")).toInteger(), 1);
    // A click on a message that retention removed still redirects, uncounted.
    const HttpResult gone
        = getRaw(links.clickUrl(QStringLiteral("no-such-message"), alice, QStringLiteral("push"), OrdersUrl));
    QCOMPARE(gone.status, 302);
}

void TestAnalytics::unsubscribeLink_getAsks_postTurnsOff_undoTurnsOn()
{
    startSink();
    startServer();
    const QString alice = createUser(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
    const QString m1 = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Shipped")}});
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() == 1, 20000);
    // The real email's header: List-Unsubscribe: <http://127.0.0.1:port/t/unsubscribe/...>
    const QString header = m_sink->messages().first().header(QStringLiteral("List-Unsubscribe"));
    const QString link = header.mid(header.indexOf(QLatin1Char('<')) + 1).section(QLatin1Char('>'), 0, 0);
    QVERIFY2(link.startsWith(m_server->url().toString() + QLatin1String("/t/unsubscribe/")), qPrintable(header));

    auto prefs
        = [&] { return login(QStringLiteral("alice"))->get(QStringLiteral("/api/notifications/preferences")).json; };
    auto ordersEmail = [&] {
        return prefs()
            .value(QStringLiteral("topics"))
            .toObject()
            .value(QStringLiteral("orders"))
            .toObject()
            .value(QStringLiteral("email"))
            .toBool(true);
    };

    // GET only asks (mail scanners fetch links): nothing changes.
    HttpTestClient anonymous(m_server->url());
    const HttpResult page = anonymous.get(pathOf(link));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY2(page.body.contains("<form method=\"post\">"), page.body.constData());
    QVERIFY(page.body.contains("alice"));
    QVERIFY(page.body.contains("&#39;orders&#39;") || page.body.contains("'orders'"));
    QCOMPARE(ordersEmail(), true);

    // RFC 8058 one-click: the mail client POSTs List-Unsubscribe=One-Click.
    const HttpResult off = anonymous.send("POST", pathOf(link), QByteArrayLiteral("List-Unsubscribe=One-Click"),
        QByteArrayLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(off.status, 200);
    QVERIFY2(off.body.contains("Email notifications for 'orders' are now off for alice."), off.body.constData());
    QCOMPARE(ordersEmail(), false);
    QCOMPARE(prefs().value(QStringLiteral("email")).toBool(), true); // only that topic

    // Undo, from the page's button.
    QVERIFY(off.body.contains("action=\"?undo=1\""));
    const HttpResult undo = anonymous.send("POST", pathOf(link) + QLatin1String("?undo=1"), {}, {});
    QCOMPARE(undo.status, 200);
    QCOMPARE(ordersEmail(), true);

    // The global switch, and a tampered link that changes nothing.
    const QString all = m_server->server().links().unsubscribeUrl(alice, {}, QStringLiteral("email"));
    QCOMPARE(anonymous.send("POST", pathOf(tampered(all)), {}, {}).status, 404);
    QCOMPARE(anonymous.get(pathOf(tampered(all))).status, 404);
    QCOMPARE(prefs().value(QStringLiteral("email")).toBool(), true);
    const HttpResult allOff = anonymous.send("POST", pathOf(all), {}, {});
    QCOMPARE(allOff.status, 200);
    QVERIFY2(allOff.body.contains("All email notifications are now off for alice."), allOff.body.constData());
    QCOMPARE(prefs().value(QStringLiteral("email")).toBool(), false);
    QVERIFY(!m1.isEmpty());
}

void TestAnalytics::dismiss_overWebSocket_validatesChannel()
{
    startServer();
    createUser(QStringLiteral("alice"), {});
    const QString m1 = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Hi")}});
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), login(QStringLiteral("alice"))->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    const auto bad = ws.request(QStringLiteral("dismiss"),
        {{QStringLiteral("ids"), QJsonArray {m1}}, {QStringLiteral("channel"), QStringLiteral("email")}});
    QVERIFY(bad);
    QCOMPARE(bad->value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(bad->value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("channel"));
    const auto noIds = ws.request(QStringLiteral("dismiss"), {});
    QVERIFY(noIds);
    QCOMPARE(noIds->value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("ids"));
    const auto push = ws.request(QStringLiteral("dismiss"),
        {{QStringLiteral("ids"), QJsonArray {m1}}, {QStringLiteral("channel"), QStringLiteral("push")}});
    QVERIFY(push);
    QCOMPARE(push->value(QStringLiteral("ok")).toBool(), true);

    const QJsonObject report = analytics(
        QStringLiteral("from=%1&to=%2").arg(iso(m_clock.now().addSecs(-3600)), iso(m_clock.now().addSecs(3600))));
    const QJsonObject byChannel = report.value(QStringLiteral("byChannel")).toObject();
    QCOMPARE(byChannel.value(QStringLiteral("push")).toObject().value(QStringLiteral("dismissed")).toInteger(), 1);
    QCOMPARE(byChannel.value(QStringLiteral("inApp")).toObject().value(QStringLiteral("dismissed")).toInteger(), 0);
    // REST: the same validation, and someone else's ids count for nothing.
    auto admin = login(QStringLiteral("admin"));
    const HttpResult r
        = admin->post(QStringLiteral("/api/notifications/dismissed"), {{QStringLiteral("ids"), QJsonArray {m1}}});
    QCOMPARE(r.json, (QJsonObject {{QStringLiteral("dismissed"), 0}}));
    QCOMPARE(
        admin->post(QStringLiteral("/api/notifications/dismissed"), {{QStringLiteral("ids"), QJsonArray {}}}).status,
        400);
}

// ---- retention

void TestAnalytics::retention_prunesOldNotificationsAndAnalytics_keepsRecentAndUnfinished()
{
    // No SMTP: an email job can never run, so it stays pending.
    startServer();
    const QString alice = createUser(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
    Store &store = m_server->server().store();
    const QDateTime t0 = m_clock.now();
    auto storePublish = [&](const QString &title, const QDateTime &scheduledAt, const QStringList &jobChannels) {
        PublishItem item;
        item.message.content.title = title;
        item.message.content.topic = QStringLiteral("orders");
        item.message.sender = {QStringLiteral("system"), QString(), QStringLiteral("test")};
        item.message.createdAt = m_clock.now();
        item.message.scheduledAt = scheduledAt;
        item.recipientIds = {alice};
        item.jobChannels = jobChannels;
        const auto out = store.publishBatch({item});
        return out ? out->first().messageId : QString();
    };
    const QString old = storePublish(QStringLiteral("old"), {}, {});
    const QString unfinished = storePublish(QStringLiteral("job pending"), {}, {QStringLiteral("email")});
    const QString scheduled = storePublish(QStringLiteral("far future"), t0.addDays(200), {});
    QVERIFY(!old.isEmpty() && !unfinished.isEmpty() && !scheduled.isEmpty());
    const QList<DeliveryJob> jobs = store.jobsForMessage(unfinished);
    QCOMPARE(jobs.size(), 1);
    QVERIFY(store.recordEngagement(Engagement::Clicked, alice, {unfinished}, QStringLiteral("email"), t0));
    QCOMPARE(store.deliveryLog(jobs.first().id).size(), 1);
    const QString oldRange = QStringLiteral("from=%1&to=%2").arg(iso(t0.addSecs(-3600)), iso(t0.addSecs(3600)));
    QCOMPARE(
        analytics(oldRange).value(QStringLiteral("totals")).toObject().value(QStringLiteral("sent")).toInteger(), 2);

    // 100 days later: one new notification, then a restart runs the daily prune at once
    // (notifications after 90 days, analytics after 30 here).
    m_clock.advanceSecs(100LL * 24 * 3600);
    const QString recent = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("topic"), QStringLiteral("news")}, {QStringLiteral("title"), QStringLiteral("new")}});
    QVERIFY(!recent.isEmpty());
    m_server->config().analyticsRetentionDays = 30;
    QVERIFY(m_server->restart());
    Store &after = m_server->server().store();

    QVERIFY(!after.message(old));
    QVERIFY(after.message(unfinished)); // its job is still pending
    QVERIFY(after.message(scheduled)); // never released yet
    QVERIFY(after.message(recent));
    QCOMPARE(after.jobsForMessage(unfinished).size(), 1);
    const QJsonArray inbox = login(QStringLiteral("alice"))
                                 ->get(QStringLiteral("/api/notifications"))
                                 .json.value(QStringLiteral("notifications"))
                                 .toArray();
    QCOMPARE(idsOf(inbox), (QStringList {recent, unfinished}));

    QVERIFY(after.deliveryLog(jobs.first().id).isEmpty());
    QCOMPARE(
        analytics(oldRange).value(QStringLiteral("totals")).toObject().value(QStringLiteral("sent")).toInteger(), 0);
    const QString recentRange
        = QStringLiteral("from=%1&to=%2").arg(iso(m_clock.now().addSecs(-3600)), iso(m_clock.now().addSecs(3600)));
    QCOMPARE(
        analytics(recentRange).value(QStringLiteral("totals")).toObject().value(QStringLiteral("sent")).toInteger(), 1);
}

TIDINGS_TEST_MAIN(TestAnalytics)
#include "tst_analytics.moc"
