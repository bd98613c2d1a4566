// The dashboard's backend against a real tidingsd: its totals, rates, top topics and
// per-channel timelines are what /api/analytics says about notifications published
// and read over REST; its live figures follow an open WebSocket and the delivery
// queue (email jobs that a real SMTP server answers with 451 wait for a retry that a
// ManualClock never makes due).

#include "support/AdminFixture.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"
#include "support/WsTestClient.h"

#include "Dashboard.h"

#include "core/ServerConfig.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLineSeries>

using namespace Tidings;
using namespace Tidings::Test;
using namespace std::chrono_literals;

namespace {

const QString Password = QStringLiteral("password-123");

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

double sumY(const QXYSeries &series)
{
    double sum = 0;
    for (const QPointF &p : series.points())
        sum += p.y();
    return sum;
}

} // namespace

class TestAdminDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void report_matchesAnalytics_topTopicsOrdered_timelinePerChannel();
    void periods_haveTheirBuckets_seriesAndAxisFollow();
    void live_followsWebSocketsAndQueueDepth();
    void formatLatency_data();
    void formatLatency();

private:
    // A server whose SMTP server defers every message (451), with alice, bob and
    // carol (who have email addresses), and the dashboard signed in to it.
    void startServer();
    QString publish(const QJsonObject &body);
    // Waits for the dashboard's next answer.
    [[nodiscard]] bool reloaded(const std::function<void()> &change);

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<AdminFixture> m_fixture;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<Admin::Dashboard> m_dashboard;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAdminDashboard::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAdminDashboard::cleanup()
{
    m_tester.reset();
    m_dashboard.reset();
    m_admin.reset();
    m_fixture.reset();
    m_sink.reset();
    m_dir.reset();
}

void TestAdminDashboard::startServer()
{
    SmtpSink::Options options;
    options.failFirst = 1000;
    m_sink = std::make_unique<SmtpSink>(m_dir->path(), options);
    QString error;
    QVERIFY2(m_sink->start(&error), qPrintable(error));
    const quint16 smtpPort = m_sink->port();
    m_fixture = std::make_unique<AdminFixture>(
        [smtpPort](Server::ServerConfig &c) {
            c.email.host = QStringLiteral("127.0.0.1");
            c.email.port = smtpPort;
            c.email.security = Server::Channels::EmailChannel::Security::None;
            c.email.from = QStringLiteral("tidings@example.test");
            c.deliveryPollMs = 20;
        },
        m_clock);
    QVERIFY(m_fixture->signIn());
    m_admin = std::make_unique<HttpTestClient>(m_fixture->server.url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
        const QString id = m_admin->createUser(name);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/api/admin/users/") + id,
                         {{QStringLiteral("email"), QString(name + QLatin1String("@example.test"))}})
                     .status,
            200);
    }

    m_dashboard = std::make_unique<Admin::Dashboard>();
    m_dashboard->live()->setInterval(50ms);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_dashboard->topTopics(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

QString TestAdminDashboard::publish(const QJsonObject &body)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), body);
    if (r.status != 202)
        qWarning() << "publish failed:" << r.status << r.body;
    return r.json.value(QStringLiteral("id")).toString();
}

bool TestAdminDashboard::reloaded(const std::function<void()> &change)
{
    QSignalSpy spy(m_dashboard.get(), &Admin::Dashboard::timelineChanged);
    change();
    return spy.wait(10000);
}

void TestAdminDashboard::report_matchesAnalytics_topTopicsOrdered_timelinePerChannel()
{
    startServer();
    const auto to = [](const QStringList &users, const QString &topic) {
        return QJsonObject {{QStringLiteral("recipients"), QJsonArray::fromStringList(users)},
            {QStringLiteral("topic"), topic}, {QStringLiteral("title"), QStringLiteral("Hello")}};
    };
    // inApp: 3 + 2 + 1 sent; 6 email jobs, all deferred.
    const QString m1 = publish(
        to({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}, QStringLiteral("orders")));
    const QString m2 = publish(to({QStringLiteral("alice"), QStringLiteral("bob")}, QStringLiteral("orders")));
    const QString m3 = publish(to({QStringLiteral("alice")}, QStringLiteral("deploys")));
    QVERIFY(!m1.isEmpty() && !m2.isEmpty() && !m3.isEmpty());
    // alice reads m1 and m3 (2 delivered, 2 read), bob reads m2 (3 and 3).
    HttpTestClient alice(m_fixture->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), Password).status, 200);
    HttpTestClient bob(m_fixture->server.url());
    QCOMPARE(bob.login(QStringLiteral("bob"), Password).status, 200);
    QCOMPARE(alice.put(QStringLiteral("/api/notifications/%1/read").arg(m1)).status, 200);
    QCOMPARE(alice.put(QStringLiteral("/api/notifications/%1/read").arg(m3)).status, 200);
    QCOMPARE(bob.put(QStringLiteral("/api/notifications/%1/read").arg(m2)).status, 200);

    QVERIFY(reloaded([&] {
        m_dashboard->setPeriod(Admin::Dashboard::Period::Last24Hours);
        m_dashboard->setSession(&m_fixture->session);
    }));
    QVERIFY(m_dashboard->isLoaded());
    QVERIFY(m_dashboard->errorMessage().isEmpty());
    QCOMPARE(m_dashboard->bucket(), QStringLiteral("hour"));

    // The same question over REST gets the same answer.
    const HttpResult r = m_admin->get(QStringLiteral("/api/analytics?from=%1&to=%2&bucket=hour&tz=%3")
                                          .arg(iso(m_dashboard->from()), iso(m_dashboard->to()),
                                              QString::fromLatin1(QUrl::toPercentEncoding(m_dashboard->timeZone()))));
    QCOMPARE(r.status, 200);
    const QJsonObject totals = r.json.value(QStringLiteral("totals")).toObject();
    const QJsonObject rates = r.json.value(QStringLiteral("rates")).toObject();
    QCOMPARE(m_dashboard->sent(), totals.value(QStringLiteral("sent")).toInteger());
    QCOMPARE(m_dashboard->delivered(), totals.value(QStringLiteral("delivered")).toInteger());
    QCOMPARE(m_dashboard->read(), totals.value(QStringLiteral("read")).toInteger());
    QCOMPARE(m_dashboard->failed(), totals.value(QStringLiteral("failed")).toInteger());
    QCOMPARE(m_dashboard->clicked(), totals.value(QStringLiteral("clicked")).toInteger());
    QCOMPARE(m_dashboard->deliveryRate(), rates.value(QStringLiteral("delivery")).toDouble());
    QCOMPARE(m_dashboard->readRate(), rates.value(QStringLiteral("read")).toDouble());
    QCOMPARE(m_dashboard->clickRate(), rates.value(QStringLiteral("click")).toDouble());
    // ...which is what happened: 6 inApp sent, 3 delivered and read (no email got through).
    QCOMPARE(m_dashboard->sent(), 6);
    QCOMPARE(m_dashboard->delivered(), 3);
    QCOMPARE(m_dashboard->read(), 3);
    QCOMPARE(m_dashboard->deliveryRate(), 0.5);
    QCOMPARE(m_dashboard->readRate(), 1.0);
    // Reads came at once on the ManualClock: all in the first latency bucket.
    QCOMPARE(m_dashboard->latencySamples(), 3);
    QVERIFY2(m_dashboard->latencyP50().endsWith(QLatin1String(" ms")), qPrintable(m_dashboard->latencyP50()));
    QVERIFY(m_dashboard->latencyP99() != QStringLiteral("—"));

    // Top topics, busiest first.
    QCOMPARE(m_dashboard->topTopics()->names(), (QStringList {QStringLiteral("orders"), QStringLiteral("deploys")}));
    const QModelIndex orders = m_dashboard->topTopics()->index(0);
    QCOMPARE(orders.data(Admin::TopTopicsModel::SentRole).toInt(), 5);
    QCOMPARE(orders.data(Admin::TopTopicsModel::ReadRole).toInt(), 2);
    QCOMPARE(orders.data(Admin::TopTopicsModel::ShareRole).toDouble(), 1.0);
    QCOMPARE(m_dashboard->topTopics()->index(1).data(Admin::TopTopicsModel::ShareRole).toDouble(), 0.2);

    // The timeline per channel: 25 hourly buckets each; inApp holds the 6 sent.
    QCOMPARE(m_dashboard->bucketCount(), 25);
    for (const QString &channel : m_dashboard->channels())
        QCOMPARE(m_dashboard->timeline(channel).size(), 25);
    double inApp = 0;
    for (const QVariant &p : m_dashboard->timeline(QStringLiteral("inApp")))
        inApp += p.toMap().value(QStringLiteral("value")).toDouble();
    QCOMPARE(inApp, 6.0);
    QCOMPARE(m_dashboard->timelineMax(), 6.0);
    QCOMPARE(m_dashboard->axisMax(), 8.0);
    m_dashboard->setTimelineMetric(QStringLiteral("read"));
    QCOMPARE(m_dashboard->timelineMax(), 3.0);
    m_dashboard->setTimelineMetric(QStringLiteral("nonsense"));
    QCOMPARE(m_dashboard->timelineMetric(), QStringLiteral("read"));
}

void TestAdminDashboard::periods_haveTheirBuckets_seriesAndAxisFollow()
{
    startServer();
    QVERIFY(!publish(
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice"), QStringLiteral("bob")}},
            {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Hello")}})
                 .isEmpty());
    QLineSeries inApp;
    QLineSeries email;
    QCategoryAxis axis;
    m_dashboard->attachSeries(QStringLiteral("inApp"), &inApp);
    m_dashboard->attachSeries(QStringLiteral("email"), &email);
    m_dashboard->attachAxis(&axis);
    QVERIFY(reloaded([&] { m_dashboard->setSession(&m_fixture->session); }));

    // The default: the last 7 days, today included, by the day from local midnight.
    QCOMPARE(m_dashboard->period(), Admin::Dashboard::Period::Last7Days);
    QCOMPARE(m_dashboard->bucket(), QStringLiteral("day"));
    QCOMPARE(inApp.count(), 7);
    QCOMPARE(email.count(), 7);
    QCOMPARE(sumY(inApp), 2.0);
    QCOMPARE(sumY(email), 0.0);
    const QTimeZone zone(m_dashboard->timeZone().toUtf8());
    QCOMPARE(m_dashboard->from().toTimeZone(zone).time(), QTime(0, 0));
    QCOMPARE(m_dashboard->from().toTimeZone(zone).date(),
        QDateTime::currentDateTimeUtc().toTimeZone(zone).date().addDays(-6));
    QCOMPARE(axis.categoriesLabels().size(), 7); // every day
    QCOMPARE(axis.min(), inApp.at(0).x());
    QCOMPARE(axis.max(), inApp.at(6).x());

    QVERIFY(reloaded([&] { m_dashboard->setPeriod(Admin::Dashboard::Period::Last30Days); }));
    QCOMPARE(inApp.count(), 30);
    QCOMPARE(email.count(), 30);
    QCOMPARE(sumY(inApp), 2.0);
    QCOMPARE(axis.categoriesLabels().size(), 6); // every fifth day, today's included

    QVERIFY(reloaded([&] { m_dashboard->setPeriod(Admin::Dashboard::Period::Last24Hours); }));
    QCOMPARE(inApp.count(), 25);
    QCOMPARE(sumY(inApp), 2.0);
    QCOMPARE(inApp.at(1).x() - inApp.at(0).x(), 3600.0 * 1000);
    QVERIFY(axis.categoriesLabels().size() >= 8 && axis.categoriesLabels().size() <= 9); // every 3 hours

    // Another metric refills the same series.
    m_dashboard->setTimelineMetric(QStringLiteral("failed"));
    QCOMPARE(inApp.count(), 25);
    QCOMPARE(sumY(inApp), 0.0);
}

void TestAdminDashboard::live_followsWebSocketsAndQueueDepth()
{
    startServer();
    Admin::ServerStats *live = m_dashboard->live();
    m_dashboard->setSession(&m_fixture->session);
    QTRY_VERIFY(live->isLoaded());
    QCOMPARE(live->connections(), 0);
    QCOMPARE(live->queueDepth(), 0);
    QVERIFY(live->uptimeSec() >= 0);
    QVERIFY(!live->uptimeText().isEmpty());

    // Two connections of one user, then one of another.
    HttpTestClient alice(m_fixture->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), Password).status, 200);
    HttpTestClient bob(m_fixture->server.url());
    QCOMPARE(bob.login(QStringLiteral("bob"), Password).status, 200);
    WsTestClient first;
    WsTestClient second;
    QVERIFY(first.open(m_fixture->server.wsUrl(), alice.token()));
    QVERIFY(first.waitFor(QStringLiteral("welcome")));
    QVERIFY(second.open(m_fixture->server.wsUrl(), alice.token()));
    QVERIFY(second.waitFor(QStringLiteral("welcome")));
    QTRY_COMPARE(live->connections(), 2);
    QCOMPARE(live->connectedUsers(), 1);
    {
        WsTestClient third;
        QVERIFY(third.open(m_fixture->server.wsUrl(), bob.token()));
        QVERIFY(third.waitFor(QStringLiteral("welcome")));
        QTRY_COMPARE(live->connections(), 3);
        QCOMPARE(live->connectedUsers(), 2);
    }
    first.close();
    QTRY_COMPARE(live->connections(), 1);

    // Three emails the SMTP server defers wait in the queue.
    QVERIFY(!publish({{QStringLiteral("recipients"),
                          QJsonArray {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}},
                         {QStringLiteral("title"), QStringLiteral("Hello")}})
                 .isEmpty());
    QTRY_COMPARE(live->queueDepth(), 3);
    QTRY_VERIFY(live->published() >= 1);

    // Hidden, it stops asking; shown again, it asks at once.
    QVERIFY(live->isPolling());
    live->setActive(false);
    QVERIFY(!live->isPolling());
    WsTestClient fourth;
    QVERIFY(fourth.open(m_fixture->server.wsUrl(), bob.token()));
    QVERIFY(fourth.waitFor(QStringLiteral("welcome")));
    QCOMPARE(live->connections(), 1);
    live->setActive(true);
    QTRY_COMPARE(live->connections(), 2);
}

void TestAdminDashboard::formatLatency_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("sub-ms") << 0.4 << "0.4 ms";
    QTest::newRow("ms") << 4.44 << "4.4 ms";
    QTest::newRow("hundreds") << 849.6 << "850 ms";
    QTest::newRow("seconds") << 1275.0 << "1.3 s";
    QTest::newRow("minutes") << 1275000.0 << "21 min";
    QTest::newRow("few minutes") << 90000.0 << "1.5 min";
    QTest::newRow("hours") << 5400000.0 << "1.5 h";
}

void TestAdminDashboard::formatLatency()
{
    QFETCH(double, ms);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(Admin::Dashboard::formatLatency(ms), text);
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminDashboard)
#include "tst_admin_dashboard.moc"
