// The delivery pipeline end to end: a real tidingsd in this process publishing to a
// real SMTP server (aiosmtpd) and a real webhook receiver, with time moved by a
// ManualClock so retries, quiet hours and schedules run without sleeping.

#include "channels/WebhookSignature.h"
#include "core/DeliveryPipeline.h"
#include "store/Store.h"
#include "support/FakePushService.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"
#include "support/TestMain.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;
using namespace Tidings::Server;
using Tidings::Test::HttpResult;
using Tidings::Test::HttpTestClient;
using Tidings::Test::SmtpSink;
using Tidings::Test::TestServer;

namespace {

// A webhook receiver as a careful integrator writes one: it checks the signature
// with the user's secret, refuses stale timestamps and replayed signatures.
class WebhookReceiver
{
public:
    explicit WebhookReceiver(const Clock &clock)
        : m_clock(clock)
    {
        m_server.route(QStringLiteral("/hook"), [this](const QHttpServerRequest &request) {
            const QByteArray body = request.body();
            const auto failure = Server::Channels::WebhookSignature::check(m_secret,
                request.value(QByteArrayLiteral("X-Tidings-Timestamp")),
                request.value(QByteArrayLiteral("X-Tidings-Signature")), body, m_clock.now(),
                Server::Channels::WebhookSignature::DefaultToleranceSecs, &m_seen);
            using Failure = Server::Channels::WebhookSignature::Failure;
            if (failure == Failure::Replayed) {
                ++replays;
                return QHttpServerResponse(QHttpServerResponse::StatusCode::Conflict);
            }
            if (failure != Failure::None) {
                ++forgeries;
                return QHttpServerResponse(QHttpServerResponse::StatusCode::Unauthorized);
            }
            accepted << QJsonDocument::fromJson(body).object();
            lastRequest = {request.value(QByteArrayLiteral("X-Tidings-Timestamp")),
                request.value(QByteArrayLiteral("X-Tidings-Signature")), body};
            return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok);
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    void setSecret(const QByteArray &secret) { m_secret = secret; }
    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port); }

    QList<QJsonObject> accepted;
    int replays = 0;
    int forgeries = 0;
    struct Request
    {
        QByteArray timestamp;
        QByteArray signature;
        QByteArray body;
    } lastRequest;

private:
    const Clock &m_clock;
    QHttpServer m_server;
    quint16 m_port = 0;
    QByteArray m_secret;
    Server::Channels::WebhookSignature::SeenSet m_seen;
};

} // namespace

class TestDeliveryPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void email_oneMessagePerNotification();
    void email_refusedThenRecovers_deliveredAfterRetries();
    void email_rejectedAddress_deadLetterThenAdminRetry();
    void email_preferenceOff_skipped();
    void email_quietHours_deferredNotDropped_urgentPasses();
    void email_expiredWhileDeferred_skipped();
    void scheduled_releasedWhenDue_cancelledNeverDelivered();
    void circuitBreaker_opensAfterFiveFailures_thenProbes();
    void webhook_signedDelivery_receiverRejectsReplay();
    void webhooksApi_validation();
    void push_encryptedAndSigned_goneSubscriptionRemoved();
    void digest_collectsUnreadIntoOneEmail_sentOnce();

private:
    void startServer(const QList<qint64> &retryScheduleMs = {}, bool plainHttpPush = false);
    void startSink(const SmtpSink::Options &options = {});
    QString publish(const QJsonObject &body);
    QList<DeliveryJob> jobsOf(const QString &messageId);
    // Signs `client` in as `username` and saves `preferences` (a partial document) for them.
    bool signInWithPreferences(HttpTestClient &client, const QString &username, const QJsonObject &preferences);
    // Moves the clock and lets the pipeline run until `done` holds (at most ~20 s real).
    template<typename Done> bool settle(Done done);

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    QString m_aliceId;
    QString m_bobId;
};

void TestDeliveryPipeline::init()
{
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(12, 0), QTimeZone::utc())); // a Monday
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDeliveryPipeline::cleanup()
{
    m_admin.reset();
    m_server.reset();
    m_sink.reset();
    m_dir.reset();
}

void TestDeliveryPipeline::startSink(const SmtpSink::Options &options)
{
    m_sink = std::make_unique<SmtpSink>(m_dir->path(), options);
    QString error;
    QVERIFY2(m_sink->start(&error), qPrintable(error));
}

void TestDeliveryPipeline::startServer(const QList<qint64> &retryScheduleMs, bool plainHttpPush)
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
            c.deliveryRetryScheduleMs = retryScheduleMs;
            c.pushAllowPlainHttp = plainHttpPush;
            c.publicUrl = QUrl(QStringLiteral("https://tidings.example.test"));
        },
        m_clock);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    m_bobId = m_admin->createUser(QStringLiteral("bob"));
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/admin/users/") + m_aliceId,
                     {{QStringLiteral("email"), QStringLiteral("alice@example.test")}})
                 .status,
        200);
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/admin/users/") + m_bobId,
                     {{QStringLiteral("email"), QStringLiteral("bob@example.test")}})
                 .status,
        200);
}

QString TestDeliveryPipeline::publish(const QJsonObject &body)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), body);
    if (r.status != 202) {
        qWarning() << "publish failed:" << r.status << r.json;
        return {};
    }
    return r.json.value(QStringLiteral("id")).toString();
}

bool TestDeliveryPipeline::signInWithPreferences(
    HttpTestClient &client, const QString &username, const QJsonObject &preferences)
{
    if (client.login(username, QStringLiteral("password-123")).status != 200)
        return false;
    const HttpResult r = client.put(QStringLiteral("/api/notifications/preferences"), preferences);
    if (r.status != 200)
        qWarning() << "preferences refused:" << r.status << r.json;
    return r.status == 200;
}

QList<DeliveryJob> TestDeliveryPipeline::jobsOf(const QString &messageId)
{
    return m_server->server().store().jobsForMessage(messageId);
}

template<typename Done> bool TestDeliveryPipeline::settle(Done done)
{
    for (int i = 0; i < 400; ++i) {
        if (done())
            return true;
        m_server->server().pipeline().wake();
        QTest::qWait(50);
    }
    return done();
}

namespace {

bool allIn(const QList<DeliveryJob> &jobs, const char *state)
{
    return !jobs.isEmpty() && std::all_of(jobs.cbegin(), jobs.cend(), [state](const DeliveryJob &j) {
        return j.state == QLatin1String(state);
    });
}

QJsonObject toAlice(const QString &title, const QJsonObject &extra = {})
{
    QJsonObject o {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), title}, {QStringLiteral("message"), QString(QStringLiteral("Body of ") + title)},
        {QStringLiteral("topic"), QStringLiteral("orders")}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

void TestDeliveryPipeline::email_oneMessagePerNotification()
{
    startSink();
    startServer();
    const QString id = publish(toAlice(QStringLiteral("Order shipped"),
        QJsonObject {{QStringLiteral("click"), QStringLiteral("https://shop.example/orders/1")}}));
    QVERIFY(!id.isEmpty());
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));

    const QList<DeliveryJob> jobs = jobsOf(id);
    QCOMPARE(jobs.size(), 1); // email only: alice has no push subscription or webhook
    QCOMPARE(jobs.first().channel, QStringLiteral("email"));
    QCOMPARE(jobs.first().attempts, 1);
    QCOMPARE(jobs.first().providerCode, QStringLiteral("250"));

    QTRY_COMPARE(m_sink->messages().size(), 1);
    const SmtpSink::Message mail = m_sink->messages().first();
    QCOMPARE(mail.rcptTos, QStringList {QStringLiteral("alice@example.test")});
    QCOMPARE(mail.header(QStringLiteral("Subject")), QStringLiteral("Order shipped"));
    QCOMPARE(mail.headerCount(QStringLiteral("List-Unsubscribe")), 1);
    QVERIFY(mail.header(QStringLiteral("List-Unsubscribe"))
                .contains(QStringLiteral("https://tidings.example.test/t/unsubscribe/")));
    QCOMPARE(mail.header(QStringLiteral("List-Unsubscribe-Post")), QStringLiteral("List-Unsubscribe=One-Click"));
    // Both parts, with the click going through the signed tracking link.
    const QByteArray record = QJsonDocument(mail.record).toJson();
    QVERIFY2(record.contains("text/plain") && record.contains("text/html"), record.constData());
    QVERIFY2(record.contains("https://tidings.example.test/t/click/"), record.constData());
    QVERIFY2(!record.contains("https://shop.example/orders/1\""), "the untracked link leaked into the email");

    // Nothing more goes out, however long the pipeline runs.
    m_clock.advanceSecs(3600);
    QTest::qWait(200);
    QCOMPARE(m_sink->messages().size(), 1);
    QCOMPARE(jobsOf(id).first().attempts, 1);

    const QByteArray metrics = m_admin->get(QStringLiteral("/metrics")).body;
    QVERIFY2(metrics.contains("tidings_deliveries_total{channel=\"email\",status=\"sent\"} 1\n"), metrics.constData());
    QVERIFY2(metrics.contains("tidings_delivery_latency_seconds_count{channel=\"email\"} 1\n"), metrics.constData());
    QVERIFY2(metrics.contains("tidings_queue_depth 0\n"), metrics.constData());
}

void TestDeliveryPipeline::email_refusedThenRecovers_deliveredAfterRetries()
{
    SmtpSink::Options options;
    options.failFirst = 2; // 451 twice, then accepted
    startSink(options);
    startServer();
    const QString id = publish(toAlice(QStringLiteral("Flaky relay")));
    QVERIFY(settle([&] {
        const QList<DeliveryJob> jobs = jobsOf(id);
        return jobs.size() == 1 && jobs.first().state == QLatin1String(JobState::Pending) && jobs.first().attempts == 1;
    }));
    const DeliveryJob first = jobsOf(id).first();
    QCOMPARE(first.lastError.isEmpty(), false);
    QCOMPARE(first.nextAttemptAt, m_clock.now().addSecs(1)); // the first retry after 1 s

    // Not due yet: nothing happens however often the pipeline looks.
    QTest::qWait(150);
    QCOMPARE(jobsOf(id).first().attempts, 1);

    m_clock.advanceSecs(1);
    QVERIFY(settle(
        [&] { return jobsOf(id).first().attempts == 2 && jobsOf(id).first().state == QLatin1String("pending"); }));
    QCOMPARE(jobsOf(id).first().nextAttemptAt, m_clock.now().addSecs(5)); // then 5 s
    m_clock.advanceSecs(5);
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));
    QCOMPARE(jobsOf(id).first().attempts, 3);
    QTRY_COMPARE(m_sink->messages().size(), 1); // exactly one accepted email

    const HttpResult log = m_admin->get(QStringLiteral("/api/admin/deliveries/") + first.id);
    QCOMPARE(log.status, 200);
    QStringList events;
    for (const QJsonValue &v : log.json.value(QStringLiteral("attempts")).toArray())
        events << v.toObject().value(QStringLiteral("event")).toString();
    QCOMPARE(events, (QStringList {QStringLiteral("retry"), QStringLiteral("retry"), QStringLiteral("sent")}));
}

void TestDeliveryPipeline::email_rejectedAddress_deadLetterThenAdminRetry()
{
    SmtpSink::Options options;
    options.rejectRecipients = {QStringLiteral("alice@example.test")};
    startSink(options);
    startServer();
    const QString id = publish(toAlice(QStringLiteral("Nobody home")));
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Failed); }));
    const DeliveryJob job = jobsOf(id).first();
    QCOMPARE(job.attempts, 1); // permanent: no retries
    QCOMPARE(job.providerCode, QStringLiteral("550"));
    QVERIFY(!job.lastError.isEmpty());

    // The dead letter is listed, and an admin can retry it (the address was fixed).
    const HttpResult failed = m_admin->get(QStringLiteral("/api/admin/deliveries?status=failed&channel=email"));
    QCOMPARE(failed.status, 200);
    QCOMPARE(failed.json.value(QStringLiteral("deliveries")).toArray().size(), 1);
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/admin/users/") + m_aliceId,
                     {{QStringLiteral("email"), QStringLiteral("alice@elsewhere.test")}})
                 .status,
        200);
    const HttpResult retried = m_admin->post(QStringLiteral("/api/admin/deliveries/%1/retry").arg(job.id));
    QCOMPARE(retried.status, 200);
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));
    QTRY_COMPARE(m_sink->messages().size(), 1);
    QCOMPARE(m_sink->messages().first().rcptTos, QStringList {QStringLiteral("alice@elsewhere.test")});
    // Retrying a job that is not a dead letter is a conflict.
    QCOMPARE(m_admin->post(QStringLiteral("/api/admin/deliveries/%1/retry").arg(job.id)).status, 409);
}

void TestDeliveryPipeline::email_preferenceOff_skipped()
{
    startSink();
    startServer();
    HttpTestClient alice(m_server->url());
    QVERIFY(signInWithPreferences(alice, QStringLiteral("alice"),
        QJsonObject {{QStringLiteral("topics"),
            QJsonObject {{QStringLiteral("orders"), QJsonObject {{QStringLiteral("email"), false}}}}}}));
    const QString off = publish(toAlice(QStringLiteral("Muted topic")));
    const QString on = publish(
        toAlice(QStringLiteral("Other topic"), QJsonObject {{QStringLiteral("topic"), QStringLiteral("deploys")}}));
    QVERIFY(settle([&] { return allIn(jobsOf(off), JobState::Skipped) && allIn(jobsOf(on), JobState::Sent); }));
    QCOMPARE(jobsOf(off).first().reason, QStringLiteral("preference off"));
    QCOMPARE(jobsOf(off).first().attempts, 0);
    QTRY_COMPARE(m_sink->messages().size(), 1);
    QCOMPARE(m_sink->messages().first().header(QStringLiteral("Subject")), QStringLiteral("Other topic"));
    // In-app is always stored.
    QCOMPARE(
        alice.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray().size(),
        2);
}

void TestDeliveryPipeline::email_quietHours_deferredNotDropped_urgentPasses()
{
    startSink();
    startServer();
    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    // 12:00 UTC is 13:00 in Berlin (CET): quiet 12:30-14:00 local.
    QCOMPARE(
        alice
            .put(QStringLiteral("/api/notifications/preferences"),
                {{QStringLiteral("quietHours"),
                    QJsonObject {{QStringLiteral("enabled"), true}, {QStringLiteral("start"), QStringLiteral("12:30")},
                        {QStringLiteral("end"), QStringLiteral("14:00")},
                        {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")},
                        {QStringLiteral("allowUrgent"), true}}}})
            .status,
        200);
    const QString normal = publish(toAlice(QStringLiteral("Can wait")));
    const QString urgent = publish(
        toAlice(QStringLiteral("Server down"), QJsonObject {{QStringLiteral("priority"), QStringLiteral("urgent")}}));
    QVERIFY(settle([&] {
        return allIn(jobsOf(urgent), JobState::Sent)
            && jobsOf(normal).value(0).reason.startsWith(QStringLiteral("quiet hours"));
    }));
    const DeliveryJob deferred = jobsOf(normal).first();
    QCOMPARE(deferred.state, QStringLiteral("pending"));
    QCOMPARE(deferred.attempts, 0); // a deferral is not an attempt
    QCOMPARE(deferred.nextAttemptAt, QDateTime(QDate(2026, 3, 2), QTime(13, 0), QTimeZone::utc())); // 14:00 CET
    QTRY_COMPARE(m_sink->messages().size(), 1);

    m_clock.advanceSecs(59 * 60); // 12:59 UTC: still quiet
    QTest::qWait(150);
    QCOMPARE(jobsOf(normal).first().state, QStringLiteral("pending"));
    m_clock.advanceSecs(60);
    QVERIFY(settle([&] { return allIn(jobsOf(normal), JobState::Sent); }));
    QTRY_COMPARE(m_sink->messages().size(), 2);
}

void TestDeliveryPipeline::email_expiredWhileDeferred_skipped()
{
    startSink();
    startServer();
    HttpTestClient alice(m_server->url());
    QVERIFY(signInWithPreferences(alice, QStringLiteral("alice"),
        QJsonObject {{QStringLiteral("quietHours"),
            QJsonObject {{QStringLiteral("enabled"), true}, {QStringLiteral("start"), QStringLiteral("11:00")},
                {QStringLiteral("end"), QStringLiteral("15:00")},
                {QStringLiteral("timezone"), QStringLiteral("UTC")}}}}));
    const QString id = publish(toAlice(QStringLiteral("Flash sale"),
        QJsonObject {{QStringLiteral("expiresAt"), m_clock.now().addSecs(3600).toString(Qt::ISODateWithMs)}}));
    QVERIFY(settle([&] { return jobsOf(id).value(0).reason.startsWith(QStringLiteral("quiet hours")); }));
    m_clock.advanceSecs(3 * 3600);
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Skipped); }));
    QCOMPARE(jobsOf(id).first().reason, QStringLiteral("expired"));
    QTest::qWait(100);
    QCOMPARE(m_sink->messages().size(), 0);
    // Hidden from the inbox too.
    QCOMPARE(
        alice.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray().size(),
        0);
}

void TestDeliveryPipeline::scheduled_releasedWhenDue_cancelledNeverDelivered()
{
    startSink();
    startServer();
    Test::WsTestClient ws;
    HttpTestClient alice(m_server->url());
    const HttpResult login = alice.login(QStringLiteral("alice"), QStringLiteral("password-123"));
    QVERIFY(ws.open(m_server->wsUrl(), login.json.value(QStringLiteral("accessToken")).toString()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));

    const QString later = m_clock.now().addSecs(3600).toString(Qt::ISODateWithMs);
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"),
        toAlice(QStringLiteral("In an hour"), QJsonObject {{QStringLiteral("scheduledAt"), later}}));
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
    const QString id = r.json.value(QStringLiteral("id")).toString();
    const QString cancelled
        = publish(toAlice(QStringLiteral("Never"), QJsonObject {{QStringLiteral("scheduledAt"), later}}));
    QVERIFY(!cancelled.isEmpty());

    // Only its sender or an admin may cancel it.
    QCOMPARE(alice.post(QStringLiteral("/api/notifications/%1/cancel").arg(cancelled)).status, 403);
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications/no-such-id/cancel")).status, 404);
    const HttpResult cancel = m_admin->post(QStringLiteral("/api/notifications/%1/cancel").arg(cancelled));
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.json.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(cancel.json.value(QStringLiteral("recipients")).toInt(), 1);
    QCOMPARE(cancel.json.value(QStringLiteral("deliveries")).toInt(), 1);

    ws.drain(150);
    for (const Test::WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("notification"), "a scheduled notification arrived early");
    QCOMPARE(
        alice.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray().size(),
        0);
    QCOMPARE(m_sink->messages().size(), 0);
    QCOMPARE(jobsOf(id).first().state, QStringLiteral("pending"));

    m_clock.advanceSecs(3600);
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));
    const std::optional<Test::WsTestClient::Frame> frame = ws.waitFor(QStringLiteral("notification"));
    QVERIFY(frame);
    QCOMPARE(frame->data.value(QStringLiteral("id")).toString(), id);
    // An hour passed: the access token expired; a client would refresh, this one logs in.
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const QJsonArray inbox
        = alice.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray();
    QCOMPARE(inbox.size(), 1);
    QCOMPARE(inbox.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("In an hour"));
    QVERIFY(inbox.first().toObject().value(QStringLiteral("seq")).toInteger() > 0);
    QTRY_COMPARE(m_sink->messages().size(), 1);
    QCOMPARE(jobsOf(cancelled).first().state, QStringLiteral("cancelled"));
    // Delivered: nothing left to cancel. (The admin's token expired with the hour.)
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications/%1/cancel").arg(id)).status, 409);
}

void TestDeliveryPipeline::circuitBreaker_opensAfterFiveFailures_thenProbes()
{
    // An SMTP port nobody listens on: every attempt is a refused connection.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    m_server = std::make_unique<TestServer>(
        [&](ServerConfig &c) {
            c.email.host = QStringLiteral("127.0.0.1");
            c.email.port = deadPort;
            c.email.security = Channels::EmailChannel::Security::None;
            c.email.from = QStringLiteral("tidings@example.test");
            c.deliveryPollMs = 20;
            c.deliveryBatchSize = 1; // one attempt per batch, so failures count one by one
        },
        m_clock);
    QVERIFY(m_server->isRunning());
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    QCOMPARE(m_admin
                 ->patch(QStringLiteral("/api/admin/users/") + m_aliceId,
                     {{QStringLiteral("email"), QStringLiteral("alice@example.test")}})
                 .status,
        200);
    QStringList ids;
    for (int i = 0; i < 8; ++i)
        ids << publish(toAlice(QStringLiteral("Message %1").arg(i)));

    DeliveryPipeline &pipeline = m_server->server().pipeline();
    QVERIFY(settle(
        [&] { return pipeline.breakerState(QStringLiteral("email")) == Delivery::CircuitBreaker::State::Open; }));
    QTest::qWait(200);
    int attempted = 0;
    for (const QString &id : ids)
        attempted += jobsOf(id).first().attempts;
    QCOMPARE(attempted, 5); // the breaker stopped the other three before they went out

    // After 60 s one probe goes out; it fails, and the breaker opens again.
    m_clock.advanceSecs(61);
    QVERIFY(settle([&] {
        int n = 0;
        for (const QString &id : ids)
            n += jobsOf(id).first().attempts;
        return n == 6;
    }));
    QTest::qWait(200);
    int after = 0;
    for (const QString &id : ids)
        after += jobsOf(id).first().attempts;
    QCOMPARE(after, 6);
    QCOMPARE(pipeline.breakerState(QStringLiteral("email")), Delivery::CircuitBreaker::State::Open);
    const QJsonObject ready = m_admin->get(QStringLiteral("/readyz")).json;
    QCOMPARE(ready.value(QStringLiteral("checks")).toObject().value(QStringLiteral("smtp")).toString(),
        QStringLiteral("failing"));
}

void TestDeliveryPipeline::webhook_signedDelivery_receiverRejectsReplay()
{
    startServer();
    WebhookReceiver receiver(m_clock);
    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const HttpResult hook = alice.put(QStringLiteral("/api/webhooks"), {{QStringLiteral("url"), receiver.url()}});
    QCOMPARE(hook.status, 201);
    const QByteArray secret = hook.json.value(QStringLiteral("secret")).toString().toUtf8();
    QVERIFY(secret.size() >= 32);
    receiver.setSecret(secret);

    const QString id = publish(toAlice(QStringLiteral("Deploy finished"),
        QJsonObject {{QStringLiteral("channels"), QJsonArray {QStringLiteral("webhook")}}}));
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));
    QCOMPARE(jobsOf(id).size(), 1);
    QCOMPARE(receiver.accepted.size(), 1);
    QCOMPARE(receiver.forgeries, 0);
    const QJsonObject payload = receiver.accepted.first();
    QVERIFY2(QJsonDocument(payload).toJson().contains("Deploy finished"), QJsonDocument(payload).toJson().constData());

    // A captured request sent again is refused by the receiver.
    QNetworkAccessManager nam;
    QNetworkRequest replay(QUrl(receiver.url()));
    replay.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    replay.setRawHeader("X-Tidings-Timestamp", receiver.lastRequest.timestamp);
    replay.setRawHeader("X-Tidings-Signature", receiver.lastRequest.signature);
    QNetworkReply *reply = nam.post(replay, receiver.lastRequest.body);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
    QCOMPARE(receiver.replays, 1);
    reply->deleteLater();

    // Requested channels that cannot reach the user leave a reason, not silence.
    const QString none = publish(toAlice(
        QStringLiteral("No push"), QJsonObject {{QStringLiteral("channels"), QJsonArray {QStringLiteral("push")}}}));
    QTest::qWait(100);
    QCOMPARE(jobsOf(none).size(), 0); // alice has no push subscription: no job at all
}

void TestDeliveryPipeline::webhooksApi_validation()
{
    startServer();
    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    HttpResult r = alice.put(QStringLiteral("/api/webhooks"), {{QStringLiteral("url"), QStringLiteral("ftp://x")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("url"));
    r = alice.put(QStringLiteral("/api/webhooks"),
        {{QStringLiteral("url"), QStringLiteral("https://a.example/h")},
            {QStringLiteral("topic"), QStringLiteral("bad topic")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("topic"));
    const HttpResult general = alice.put(
        QStringLiteral("/api/webhooks"), {{QStringLiteral("url"), QStringLiteral("https://a.example/all")}});
    QCOMPARE(general.status, 201);
    const HttpResult orders = alice.put(QStringLiteral("/api/webhooks"),
        {{QStringLiteral("url"), QStringLiteral("https://a.example/orders")},
            {QStringLiteral("topic"), QStringLiteral("orders")}});
    QCOMPARE(orders.status, 201);
    // Saving again replaces the URL and keeps the secret.
    const HttpResult again = alice.put(
        QStringLiteral("/api/webhooks"), {{QStringLiteral("url"), QStringLiteral("https://a.example/all2")}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(QStringLiteral("secret")), general.json.value(QStringLiteral("secret")));
    QCOMPARE(alice.get(QStringLiteral("/api/webhooks")).json.value(QStringLiteral("webhooks")).toArray().size(), 2);
    std::optional<Webhook> chosen = m_server->server().store().webhookFor(m_aliceId, QStringLiteral("orders"));
    QVERIFY(chosen);
    QCOMPARE(chosen->url, QStringLiteral("https://a.example/orders"));
    chosen = m_server->server().store().webhookFor(m_aliceId, QStringLiteral("deploys"));
    QCOMPARE(chosen->url, QStringLiteral("https://a.example/all2"));
    // Bob cannot delete alice's webhook.
    HttpTestClient bob(m_server->url());
    QCOMPARE(bob.login(QStringLiteral("bob"), QStringLiteral("password-123")).status, 200);
    QCOMPARE(
        bob.del(QStringLiteral("/api/webhooks/") + orders.json.value(QStringLiteral("id")).toString()).status, 404);
    QCOMPARE(
        alice.del(QStringLiteral("/api/webhooks/") + orders.json.value(QStringLiteral("id")).toString()).status, 204);
}

void TestDeliveryPipeline::push_encryptedAndSigned_goneSubscriptionRemoved()
{
    // The push service checks the VAPID token's expiry against the real time.
    m_clock.set(QDateTime::currentDateTimeUtc());
    startServer({}, true);
    const QByteArray vapidKey = QByteArray::fromBase64(m_admin->get(QStringLiteral("/api/push/vapid-public-key"))
                                                           .json.value(QStringLiteral("publicKey"))
                                                           .toString()
                                                           .toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(vapidKey.size(), 65);
    Test::FakePushService pushService(vapidKey);

    HttpTestClient alice(m_server->url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const auto b64 = [](const QByteArray &b) {
        return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    for (const QString &device : {QStringLiteral("laptop"), QStringLiteral("phone")}) {
        const Delivery::PushSubscription sub = pushService.subscribe(device);
        const HttpResult r = alice.post(QStringLiteral("/api/devices"),
            {{QStringLiteral("deviceId"), device}, {QStringLiteral("name"), device},
                {QStringLiteral("platform"), QStringLiteral("web")},
                {QStringLiteral("pushSubscription"),
                    QJsonObject {{QStringLiteral("endpoint"), sub.endpoint},
                        {QStringLiteral("keys"),
                            QJsonObject {{QStringLiteral("p256dh"), b64(sub.p256dh)},
                                {QStringLiteral("auth"), b64(sub.auth)}}}}}});
        QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    }
    pushService.answer(QStringLiteral("phone"), 410); // the phone's browser unsubscribed

    const QString id = publish(toAlice(QStringLiteral("Build green"),
        QJsonObject {{QStringLiteral("channels"), QJsonArray {QStringLiteral("push")}},
            {QStringLiteral("priority"), QStringLiteral("high")},
            {QStringLiteral("click"), QStringLiteral("https://ci.example/builds/7")}}));
    QVERIFY(settle([&] { return allIn(jobsOf(id), JobState::Sent); }));
    QCOMPARE(pushService.received.size(), 2);
    for (const Test::FakePushService::Received &r : pushService.received)
        QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    const QJsonObject payload = pushService.received.first().payload;
    QCOMPARE(payload.value(QStringLiteral("title")).toString(), QStringLiteral("Build green"));
    // The click goes through the signed tracking link, which redirects to the target.
    QVERIFY2(payload.value(QStringLiteral("click"))
                 .toString()
                 .startsWith(QStringLiteral("https://tidings.example.test/t/click/")),
        qPrintable(payload.value(QStringLiteral("click")).toString()));
    QCOMPARE(pushService.received.first().headers.value("urgency"), QByteArray("high"));

    // The gone subscription is forgotten; the other one stays.
    const QJsonArray devices
        = alice.get(QStringLiteral("/api/devices")).json.value(QStringLiteral("devices")).toArray();
    QHash<QString, bool> hasPush;
    for (const QJsonValue &d : devices)
        hasPush.insert(d.toObject().value(QStringLiteral("id")).toString(),
            d.toObject().value(QStringLiteral("hasPushSubscription")).toBool());
    QCOMPARE(hasPush.value(QStringLiteral("laptop")), true);
    QCOMPARE(hasPush.value(QStringLiteral("phone")), false);
}

void TestDeliveryPipeline::digest_collectsUnreadIntoOneEmail_sentOnce()
{
    startSink();
    startServer();
    HttpTestClient alice(m_server->url());
    QVERIFY(signInWithPreferences(alice, QStringLiteral("alice"),
        QJsonObject {
            {QStringLiteral("digest"),
                QJsonObject {{QStringLiteral("enabled"), true}, {QStringLiteral("frequency"), QStringLiteral("daily")},
                    {QStringLiteral("time"), QStringLiteral("18:00")}}},
            {QStringLiteral("quietHours"),
                QJsonObject {{QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}}}}));
    Store &store = m_server->server().store();
    // The pipeline looks for digest users twice a minute; it notices the switch and
    // starts counting from the last scheduled run.
    m_clock.advanceSecs(31);
    QVERIFY(settle([&] { return store.digestLastRun(m_aliceId).has_value(); }));
    QCOMPARE(*store.digestLastRun(m_aliceId), QDateTime(QDate(2026, 3, 1), QTime(17, 0), QTimeZone::utc()));

    QStringList ids;
    for (const QString &title :
        {QStringLiteral("Order 1 shipped"), QStringLiteral("Order 2 shipped"), QStringLiteral("Order 3 shipped")})
        ids << publish(
            toAlice(title, QJsonObject {{QStringLiteral("click"), QStringLiteral("https://shop.example/o")}}));
    const QString urgent = publish(toAlice(
        QStringLiteral("Payment failed"), QJsonObject {{QStringLiteral("priority"), QStringLiteral("urgent")}}));
    QVERIFY(settle([&] {
        return allIn(jobsOf(urgent), JobState::Sent) && allIn(jobsOf(ids[0]), JobState::Skipped)
            && allIn(jobsOf(ids[1]), JobState::Skipped) && allIn(jobsOf(ids[2]), JobState::Skipped);
    }));
    QCOMPARE(jobsOf(ids[0]).first().reason, QStringLiteral("digest"));
    QTRY_COMPARE(m_sink->messages().size(), 1); // only the urgent one went out at once
    QCOMPARE(alice.put(QStringLiteral("/api/notifications/%1/read").arg(ids[1])).status, 200);

    // 18:00 Berlin is 17:00 UTC. Not yet at 16:59.
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(16, 59), QTimeZone::utc()));
    QTest::qWait(200);
    QCOMPARE(m_sink->messages().size(), 1);
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(17, 0, 30), QTimeZone::utc()));
    QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 2, 10000);
    const SmtpSink::Message digest = m_sink->messages().at(1);
    QCOMPARE(digest.header(QStringLiteral("Subject")), QStringLiteral("2 unread notifications"));
    const QByteArray record = QJsonDocument(digest.record).toJson();
    QVERIFY2(record.contains("Order 1 shipped") && record.contains("Order 3 shipped"), record.constData());
    QVERIFY2(!record.contains("Order 2 shipped"), "a notification read before the digest was included");
    QVERIFY2(record.contains("text/html"), "the digest has no HTML part");
    QCOMPARE(jobsOf(ids[1]).first().reason, QStringLiteral("digest: read before it went out"));
    QVERIFY(jobsOf(ids[0]).first().reason.startsWith(QStringLiteral("digest ")));

    // A day later with nothing new: no empty digest.
    m_clock.set(QDateTime(QDate(2026, 3, 3), QTime(17, 5), QTimeZone::utc()));
    QVERIFY(settle([&] {
        return store.digestLastRun(m_aliceId) == QDateTime(QDate(2026, 3, 3), QTime(17, 0), QTimeZone::utc());
    }));
    QTest::qWait(200);
    QCOMPARE(m_sink->messages().size(), 2);
}

TIDINGS_TEST_MAIN(TestDeliveryPipeline)
#include "tst_delivery_pipeline.moc"
