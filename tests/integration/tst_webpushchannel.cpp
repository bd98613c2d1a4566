// The Web Push channel against a push service played by a local HTTP server. The
// service does what a real one does before it accepts a message: it checks the VAPID
// token (signature with the server's public key, aud = its own origin, exp in the
// future), requires TTL and aes128gcm, and decrypts the body with the subscription's
// private key and auth secret, as the browser will.
#include "channels/WebPushChannel.h"
#include "channels/WebPushEncryption.h"
#include "channels/WebPushPayload.h"
#include "support/ChannelRun.h"
#include "support/FakePushService.h"
#include "support/VapidVerifier.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

using namespace Tidings;
using namespace Tidings::Server::Channels;
using namespace Tidings::Server::Delivery;
using namespace Tidings::Test;

Q_DECLARE_METATYPE(Tidings::Server::Delivery::Outcome)
Q_DECLARE_METATYPE(Tidings::Priority)

namespace {

OutgoingDelivery makeDelivery(const QList<PushSubscription> &subscriptions, Priority priority = Priority::High)
{
    OutgoingDelivery d;
    d.jobId = QStringLiteral("job-1");
    d.notification.id = QStringLiteral("7f0c9a52-3c51-4d8e-9a4b-2f0a5e0c1d11");
    d.notification.seq = 1042;
    d.notification.createdAt = QDateTime::currentDateTimeUtc();
    NotificationContent &c = d.notification.content;
    c.topic = QStringLiteral("orders");
    c.title = QStringLiteral("Order Updated");
    c.message = QStringLiteral("Your order #12345 has been shipped");
    c.priority = priority;
    c.icon = QStringLiteral("https://shop.example/icon.png");
    c.click = QStringLiteral("https://shop.example/orders/12345");
    c.groupKey = QStringLiteral("order-12345");
    c.data = QJsonObject {{QStringLiteral("orderId"), QStringLiteral("12345")}};
    c.actions = {NotificationAction {QStringLiteral("open"), QStringLiteral("Open"), QStringLiteral("view"),
        QStringLiteral("https://shop.example/orders/12345")}};
    d.recipient.userId = QStringLiteral("u-1");
    d.recipient.username = QStringLiteral("alice");
    d.recipient.pushSubscriptions = subscriptions;
    d.content = RenderedContent {c.title, c.message, {}};
    d.clickUrl = QStringLiteral("https://tidings.example/c/signed-token");
    return d;
}

} // namespace

class TestWebPushChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void deliver_accepted_isSentAndBrowserDecryptsPayload();
    void deliver_statusClassified_data();
    void deliver_statusClassified();
    void deliver_twoSubscriptionsOneGone_sentAndReportsTheGoneOne();
    void deliver_oneRetryableOneAccepted_isRetryable();
    void deliver_oneAcceptedOneRefused_isSentAndLogsTheRefusal();
    void deliver_endpointDown_isRetryable();
    void deliver_pushServiceNeverAnswers_isRetryableAfterTimeout();
    void deliver_batch_reportsEveryIndexAsynchronously();
    void deliver_noSubscription_isPermanent();
    void deliver_withoutKeys_notConfiguredAndPermanent();
    void deliver_plainHttpEndpointWithoutOptIn_isPermanent();
    void deliver_longMessage_trimmedToFitOneRecord_data();
    void deliver_longMessage_trimmedToFitOneRecord();
    void headers_followPriorityAndGroupKey_data();
    void headers_followPriorityAndGroupKey();
    void ttl_neverOutlivesExpiry();
    void topic_longGroupKey_hashedTo32Base64UrlChars();
    void payload_everyFieldAtItsLimit_stillFitsOneRecord();

private:
    // Delivers `batch` and waits until every result is in.
    QList<DeliveryResult> deliverAll(const QList<OutgoingDelivery> &batch, int timeoutMs = 10'000);

    std::optional<VapidKeys> m_keys;
    std::unique_ptr<FakePushService> m_service;
    std::unique_ptr<WebPushChannel> m_channel;
};

void TestWebPushChannel::init()
{
    m_keys = VapidKeys::generate().value();
    m_service = std::make_unique<FakePushService>(m_keys->publicKey());
    QVERIFY(m_service->port() != 0);
    WebPushChannel::Options options;
    options.subject = VapidKeys::subjectFor(QStringLiteral("ops@tidings.example"), {});
    options.allowPlainHttp = true;
    m_channel = std::make_unique<WebPushChannel>(m_keys, options);
}

void TestWebPushChannel::cleanup()
{
    m_channel.reset();
    m_service.reset();
}

QList<DeliveryResult> TestWebPushChannel::deliverAll(const QList<OutgoingDelivery> &batch, int timeoutMs)
{
    const ChannelRun run = Tidings::Test::deliverAll(*m_channel, batch, timeoutMs);
    [&] {
        QCOMPARE(run.missing, 0);
        QCOMPARE(run.calledInsideDeliver, 0);
    }();
    return run.results;
}

void TestWebPushChannel::deliver_accepted_isSentAndBrowserDecryptsPayload()
{
    const PushSubscription subscription = m_service->subscribe(QStringLiteral("a"));
    const OutgoingDelivery delivery = makeDelivery({subscription});
    const auto results = deliverAll({delivery});
    const DeliveryResult result = results.value(0);

    QCOMPARE(m_service->received.size(), 1);
    const FakePushService::Received &r = m_service->received.first();
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QCOMPARE(result.outcome, Outcome::Sent);
    QCOMPARE(result.providerCode, QStringLiteral("201"));
    QVERIFY(!result.removeSubscription);
    QVERIFY(result.goneEndpoints.isEmpty());
    QVERIFY(result.error.isEmpty());

    QCOMPARE(r.headers.value("ttl"), QByteArray("43200")); // high: 12 h
    QCOMPARE(r.headers.value("urgency"), QByteArray("high"));
    QCOMPARE(r.headers.value("topic"), QByteArray("order-12345"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/octet-stream"));
    QVERIFY(r.bodySize <= 4096);

    const QJsonObject p = r.payload;
    QCOMPARE(p.value(QStringLiteral("id")).toString(), delivery.notification.id);
    QCOMPARE(p.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
    QCOMPARE(p.value(QStringLiteral("title")).toString(), QStringLiteral("Order Updated"));
    QCOMPARE(p.value(QStringLiteral("body")).toString(), QStringLiteral("Your order #12345 has been shipped"));
    QCOMPARE(p.value(QStringLiteral("icon")).toString(), QStringLiteral("https://shop.example/icon.png"));
    QCOMPARE(p.value(QStringLiteral("click")).toString(), delivery.clickUrl);
    QCOMPARE(p.value(QStringLiteral("tag")).toString(), QStringLiteral("order-12345"));
    QCOMPARE(p.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
    QCOMPARE(p.value(QStringLiteral("timestamp")).toInteger(), delivery.notification.createdAt.toMSecsSinceEpoch());
    QCOMPARE(p.value(QStringLiteral("data")).toObject().value(QStringLiteral("orderId")).toString(),
        QStringLiteral("12345"));
    const QJsonArray actions = p.value(QStringLiteral("actions")).toArray();
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("open"));
    QVERIFY(!p.contains(QStringLiteral("truncated")));
}

void TestWebPushChannel::deliver_statusClassified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<bool>("gone");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none

    QTest::newRow("201 created") << 201 << QByteArray() << Outcome::Sent << false << qint64(-1);
    QTest::newRow("202 accepted") << 202 << QByteArray() << Outcome::Sent << false << qint64(-1);
    QTest::newRow("410 gone") << 410 << QByteArray() << Outcome::Permanent << true << qint64(-1);
    QTest::newRow("404 not found") << 404 << QByteArray() << Outcome::Permanent << true << qint64(-1);
    QTest::newRow("413 too large") << 413 << QByteArray() << Outcome::Permanent << false << qint64(-1);
    QTest::newRow("403 VAPID mismatch") << 403 << QByteArray() << Outcome::Permanent << false << qint64(-1);
    QTest::newRow("429 with Retry-After") << 429 << QByteArray("120") << Outcome::Retryable << false << qint64(120'000);
    QTest::newRow("429 without Retry-After") << 429 << QByteArray() << Outcome::Retryable << false << qint64(-1);
    QTest::newRow("500") << 500 << QByteArray() << Outcome::Retryable << false << qint64(-1);
    QTest::newRow("503 with Retry-After") << 503 << QByteArray("30") << Outcome::Retryable << false << qint64(30'000);
}

void TestWebPushChannel::deliver_statusClassified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Outcome, outcome);
    QFETCH(bool, gone);
    QFETCH(qint64, retryAfterMs);

    const PushSubscription subscription = m_service->subscribe(QStringLiteral("s"));
    m_service->answer(QStringLiteral("s"), status, retryAfter);
    const DeliveryResult result = deliverAll({makeDelivery({subscription})}).value(0);

    QCOMPARE(m_service->received.size(), 1);
    QVERIFY2(m_service->received.first().problem.isEmpty(), qPrintable(m_service->received.first().problem));
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.providerCode, QString::number(status));
    QCOMPARE(result.removeSubscription, gone);
    QCOMPARE(result.goneEndpoints, gone ? QStringList {subscription.endpoint} : QStringList());
    QCOMPARE(result.retryAfterMs.value_or(-1), retryAfterMs);
    QCOMPARE(result.error.isEmpty(), outcome == Outcome::Sent);
    // The log line names the push service but not the whole capability URL.
    if (outcome != Outcome::Sent) {
        QVERIFY2(result.error.contains(m_service->origin()), qPrintable(result.error));
        QVERIFY(!result.error.contains(subscription.endpoint));
    }
}

void TestWebPushChannel::deliver_twoSubscriptionsOneGone_sentAndReportsTheGoneOne()
{
    const PushSubscription laptop = m_service->subscribe(QStringLiteral("laptop"));
    const PushSubscription phone = m_service->subscribe(QStringLiteral("phone"));
    m_service->answer(QStringLiteral("phone"), 410);
    const DeliveryResult result = deliverAll({makeDelivery({laptop, phone})}).value(0);

    QCOMPARE(m_service->received.size(), 2);
    for (const auto &r : std::as_const(m_service->received))
        QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    // The laptop has it, so the delivery is done; the phone's subscription goes.
    QCOMPARE(result.outcome, Outcome::Sent);
    QVERIFY(result.removeSubscription);
    QCOMPARE(result.goneEndpoints, QStringList {phone.endpoint});
    QVERIFY2(result.error.contains(QLatin1String("1 of 2")), qPrintable(result.error));
}

void TestWebPushChannel::deliver_oneRetryableOneAccepted_isRetryable()
{
    const PushSubscription laptop = m_service->subscribe(QStringLiteral("laptop"));
    const PushSubscription phone = m_service->subscribe(QStringLiteral("phone"));
    const PushSubscription tablet = m_service->subscribe(QStringLiteral("tablet"));
    m_service->answer(QStringLiteral("phone"), 429, "60");
    m_service->answer(QStringLiteral("tablet"), 410);
    const DeliveryResult result = deliverAll({makeDelivery({laptop, phone, tablet})}).value(0);

    QCOMPARE(result.outcome, Outcome::Retryable);
    QCOMPARE(result.retryAfterMs.value_or(-1), qint64(60'000));
    QCOMPARE(result.providerCode, QStringLiteral("429"));
    QCOMPARE(result.goneEndpoints, QStringList {tablet.endpoint});
}

void TestWebPushChannel::deliver_oneAcceptedOneRefused_isSentAndLogsTheRefusal()
{
    const PushSubscription laptop = m_service->subscribe(QStringLiteral("laptop"));
    const PushSubscription phone = m_service->subscribe(QStringLiteral("phone"));
    m_service->answer(QStringLiteral("phone"), 403);
    const DeliveryResult result = deliverAll({makeDelivery({laptop, phone})}).value(0);

    QCOMPARE(result.outcome, Outcome::Sent);
    QCOMPARE(result.providerCode, QStringLiteral("201"));
    QVERIFY(!result.removeSubscription);
    QVERIFY2(result.error.contains(QLatin1String("HTTP 403")), qPrintable(result.error));
}

void TestWebPushChannel::deliver_endpointDown_isRetryable()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();

    PushSubscription subscription = m_service->subscribe(QStringLiteral("a"));
    subscription.endpoint = QStringLiteral("http://127.0.0.1:%1/push/a").arg(closedPort);
    const DeliveryResult result = deliverAll({makeDelivery({subscription})}).value(0);

    QCOMPARE(result.outcome, Outcome::Retryable);
    QVERIFY(!result.removeSubscription);
    QVERIFY(!result.error.isEmpty());
}

void TestWebPushChannel::deliver_pushServiceNeverAnswers_isRetryableAfterTimeout()
{
    // The kernel completes the handshake from the listen backlog; nothing ever answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    WebPushChannel::Options options;
    options.subject = QStringLiteral("mailto:ops@tidings.example");
    options.allowPlainHttp = true;
    options.timeoutMs = 300;
    m_channel = std::make_unique<WebPushChannel>(m_keys, options);

    PushSubscription subscription = m_service->subscribe(QStringLiteral("a"));
    subscription.endpoint = QStringLiteral("http://127.0.0.1:%1/push/a").arg(silent.serverPort());
    const DeliveryResult result = deliverAll({makeDelivery({subscription})}).value(0);

    QCOMPARE(result.outcome, Outcome::Retryable);
    QVERIFY2(result.error.contains(QLatin1String("no answer within 300 ms")), qPrintable(result.error));
}

void TestWebPushChannel::deliver_batch_reportsEveryIndexAsynchronously()
{
    const PushSubscription a = m_service->subscribe(QStringLiteral("a"));
    const PushSubscription b = m_service->subscribe(QStringLiteral("b"));
    m_service->answer(QStringLiteral("b"), 500);
    const auto results = deliverAll({makeDelivery({a}), makeDelivery({b}), makeDelivery({})});

    QCOMPARE(results.size(), 3);
    QCOMPARE(results.value(0).outcome, Outcome::Sent);
    QCOMPARE(results.value(1).outcome, Outcome::Retryable);
    QCOMPARE(results.value(2).outcome, Outcome::Permanent);
}

void TestWebPushChannel::deliver_noSubscription_isPermanent()
{
    const DeliveryResult result = deliverAll({makeDelivery({})}).value(0);
    QCOMPARE(result.outcome, Outcome::Permanent);
    QCOMPARE(result.error, QStringLiteral("no push subscription"));
    QVERIFY(m_service->received.isEmpty());
}

void TestWebPushChannel::deliver_withoutKeys_notConfiguredAndPermanent()
{
    m_channel = std::make_unique<WebPushChannel>(std::nullopt, WebPushChannel::Options {});
    QVERIFY(!m_channel->isConfigured());
    QCOMPARE(m_channel->name(), QStringLiteral("push"));
    const DeliveryResult result = deliverAll({makeDelivery({m_service->subscribe(QStringLiteral("a"))})}).value(0);
    QCOMPARE(result.outcome, Outcome::Permanent);
    QVERIFY(m_service->received.isEmpty());
}

void TestWebPushChannel::deliver_plainHttpEndpointWithoutOptIn_isPermanent()
{
    WebPushChannel::Options options;
    options.subject = QStringLiteral("mailto:ops@tidings.example");
    m_channel = std::make_unique<WebPushChannel>(m_keys, options);
    QVERIFY(m_channel->isConfigured());
    const DeliveryResult result = deliverAll({makeDelivery({m_service->subscribe(QStringLiteral("a"))})}).value(0);
    QCOMPARE(result.outcome, Outcome::Permanent);
    QVERIFY(!result.removeSubscription);
    QVERIFY2(result.error.contains(QLatin1String("https")), qPrintable(result.error));
    QVERIFY(m_service->received.isEmpty());
}

void TestWebPushChannel::deliver_longMessage_trimmedToFitOneRecord_data()
{
    QTest::addColumn<bool>("bigData");

    QTest::newRow("small data: only the body is shortened") << false;
    QTest::newRow("big data: dropped so the body keeps more than a preview") << true;
}

void TestWebPushChannel::deliver_longMessage_trimmedToFitOneRecord()
{
    QFETCH(bool, bigData);

    OutgoingDelivery delivery = makeDelivery({m_service->subscribe(QStringLiteral("a"))});
    // 4096 two-byte characters: twice what fits, and a cut must not split a character.
    delivery.content.text = QString(4096, QChar(0x00E9));
    if (bigData) {
        QJsonObject big;
        for (int i = 0; i < 200; ++i)
            big.insert(QStringLiteral("k%1").arg(i), QStringLiteral("value-%1").arg(i));
        delivery.notification.content.data = big;
    }

    const DeliveryResult result = deliverAll({delivery}).value(0);
    QCOMPARE(m_service->received.size(), 1);
    const FakePushService::Received &r = m_service->received.first();
    QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
    QCOMPARE(result.outcome, Outcome::Sent);
    QVERIFY(r.bodySize <= 4096);
    QVERIFY(r.bodySize > 4096 - 100); // shortened just enough, not to a stub

    const QString body = r.payload.value(QStringLiteral("body")).toString();
    QVERIFY2(body.size() > 1000, qPrintable(QString::number(body.size())));
    QVERIFY(body.endsWith(QChar(0x2026)));
    QCOMPARE(body.chopped(1), QString(body.size() - 1, QChar(0x00E9)));
    QVERIFY(r.payload.value(QStringLiteral("truncated")).toBool());
    QCOMPARE(r.payload.contains(QStringLiteral("data")), !bigData);
    QVERIFY(r.payload.contains(QStringLiteral("actions")));
    QVERIFY(r.payload.contains(QStringLiteral("click")));
}

void TestWebPushChannel::headers_followPriorityAndGroupKey_data()
{
    QTest::addColumn<Priority>("priority");
    QTest::addColumn<QByteArray>("ttl");
    QTest::addColumn<QByteArray>("urgency");

    QTest::newRow("low") << Priority::Low << QByteArray("3600") << QByteArray("low");
    QTest::newRow("normal") << Priority::Normal << QByteArray("21600") << QByteArray("normal");
    QTest::newRow("high") << Priority::High << QByteArray("43200") << QByteArray("high");
    QTest::newRow("urgent") << Priority::Urgent << QByteArray("86400") << QByteArray("high");
}

void TestWebPushChannel::headers_followPriorityAndGroupKey()
{
    QFETCH(Priority, priority);
    QFETCH(QByteArray, ttl);
    QFETCH(QByteArray, urgency);

    OutgoingDelivery delivery = makeDelivery({m_service->subscribe(QStringLiteral("a"))}, priority);
    delivery.notification.content.groupKey.clear();
    QCOMPARE(deliverAll({delivery}).value(0).outcome, Outcome::Sent);
    const FakePushService::Received &r = m_service->received.first();
    QCOMPARE(r.headers.value("ttl"), ttl);
    QCOMPARE(r.headers.value("urgency"), urgency);
    QVERIFY(!r.headers.contains("topic"));
    // Without a group key the id is the tag, so a retried copy replaces the first.
    QCOMPARE(r.payload.value(QStringLiteral("tag")).toString(), delivery.notification.id);
}

void TestWebPushChannel::ttl_neverOutlivesExpiry()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(WebPushPayload::ttlSeconds(Priority::Urgent, {}, now), 86400);
    QCOMPARE(WebPushPayload::ttlSeconds(Priority::Urgent, now.addSecs(600), now), 600);
    QCOMPARE(WebPushPayload::ttlSeconds(Priority::Low, now.addSecs(7200), now), 3600);
    QCOMPARE(WebPushPayload::ttlSeconds(Priority::High, now.addSecs(-5), now), 0);
}

void TestWebPushChannel::topic_longGroupKey_hashedTo32Base64UrlChars()
{
    QCOMPARE(WebPushPayload::topic({}), QByteArray());
    QCOMPARE(WebPushPayload::topic(QStringLiteral("order-12345")), QByteArray("order-12345"));
    const QByteArray hashed = WebPushPayload::topic(QStringLiteral("deploys/production: web & api"));
    QCOMPARE(hashed.size(), 32);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{32}$")).match(QString::fromLatin1(hashed)).hasMatch());
    QCOMPARE(WebPushPayload::topic(QStringLiteral("deploys/production: web & api")), hashed);
    QVERIFY(WebPushPayload::topic(QString(33, QLatin1Char('a'))) != QByteArray(32, 'a'));
}

void TestWebPushChannel::payload_everyFieldAtItsLimit_stillFitsOneRecord()
{
    OutgoingDelivery delivery = makeDelivery({});
    NotificationContent &c = delivery.notification.content;
    // Control characters cost six bytes each in JSON.
    delivery.content.subject = QString(255, QChar(0x0001));
    delivery.content.text = QString(4096, QChar(0x0001));
    const QString longUrl = QStringLiteral("https://shop.example/") + QString(2000, QLatin1Char('x'));
    c.icon = longUrl;
    delivery.clickUrl = longUrl;
    c.actions.clear();
    for (int i = 0; i < 3; ++i)
        c.actions.append(NotificationAction {
            QStringLiteral("a%1").arg(i), QStringLiteral("Action"), QStringLiteral("view"), longUrl});
    c.groupKey = QString(255, QLatin1Char('g'));

    const QByteArray payload = WebPushPayload::build(delivery, WebPushEncryption::MaxPlaintextSize);
    QVERIFY2(payload.size() <= WebPushEncryption::MaxPlaintextSize, qPrintable(QString::number(payload.size())));
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    QCOMPARE(o.value(QStringLiteral("id")).toString(), delivery.notification.id);
    QCOMPARE(o.value(QStringLiteral("tag")).toString(), c.groupKey);
    QVERIFY(o.value(QStringLiteral("truncated")).toBool());
    QVERIFY(!o.value(QStringLiteral("title")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestWebPushChannel)
#include "tst_webpushchannel.moc"
