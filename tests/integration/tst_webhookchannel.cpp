#include "channels/WebhookChannel.h"
#include "channels/WebhookSignature.h"

#include "support/ChannelRun.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using Tidings::Test::ChannelRun;
using Tidings::Test::deliverAll;
using namespace Tidings::Server::Channels;
using Tidings::ManualClock;
using Tidings::Server::Delivery::DeliveryResult;
using Tidings::Server::Delivery::Outcome;
using Tidings::Server::Delivery::OutgoingDelivery;

Q_DECLARE_METATYPE(Tidings::Server::Delivery::Outcome)
Q_DECLARE_METATYPE(Tidings::Server::Channels::WebhookSignature::Failure)

namespace {

const QByteArray Secret = "whsec_test_0123456789";
const QDateTime T0(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc());

// A minimal HTTP/1.1 server standing in for an integrator's endpoint: keep-alive,
// Content-Length bodies, and the signature check an integrator would do.
class WebhookReceiver : public QObject
{
public:
    enum class Mode {
        Verify, // WebhookSignature::check: 200, 401 for a bad or stale signature, 409 for a replay
        Fixed, // always `status` with `extraHeaders`
        Silent, // read the request, never answer
    };

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        int status = 0; // what the receiver answered
        QString why;
    };

    explicit WebhookReceiver(const Tidings::Clock &clock)
        : m_clock(clock)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    [[nodiscard]] QString url(const QString &path = QStringLiteral("/hook")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    Mode mode = Mode::Verify;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> extraHeaders;
    QList<Request> requests;
    WebhookSignature::SeenSet seen;

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            Request r;
            const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            r.method = requestLine.value(0);
            r.path = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                r.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length").toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                return;
            r.body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            answer(socket, r);
        }
    }

    void answer(QTcpSocket *socket, Request &r)
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        switch (mode) {
        case Mode::Silent:
            requests.append(r);
            return;
        case Mode::Fixed:
            r.status = status;
            headers = extraHeaders;
            break;
        case Mode::Verify: {
            const auto failure = WebhookSignature::check(Secret, r.headers.value("x-tidings-timestamp"),
                r.headers.value("x-tidings-signature"), r.body, m_clock.now(), WebhookSignature::DefaultToleranceSecs,
                &seen);
            r.why = WebhookSignature::failureToString(failure);
            r.status = failure == WebhookSignature::Failure::None ? 200
                : failure == WebhookSignature::Failure::Replayed  ? 409
                                                                  : 401;
            break;
        }
        }
        requests.append(r);
        const QByteArray body = r.why.isEmpty() ? QByteArray("ok\n") : r.why.toUtf8() + "\nmore detail\n";
        QByteArray response = "HTTP/1.1 " + QByteArray::number(r.status) + " Status\r\nContent-Type: text/plain\r\n";
        for (const auto &[name, value] : headers)
            response += name + ": " + value + "\r\n";
        response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        socket->write(response);
    }

    const Tidings::Clock &m_clock;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

OutgoingDelivery makeDelivery(int i, const QString &url, const QByteArray &secret = Secret)
{
    OutgoingDelivery d;
    d.jobId = QStringLiteral("job-%1").arg(i);
    d.notification.id = QStringLiteral("n-%1").arg(i);
    d.notification.createdAt = T0;
    d.notification.content.topic = QStringLiteral("orders");
    d.notification.content.title = QStringLiteral("Order Updated");
    d.notification.content.message = QStringLiteral("Your order #%1 has been shipped – größer").arg(i);
    d.notification.content.priority = Tidings::Priority::High;
    d.notification.content.click = QStringLiteral("https://shop.example/orders/%1").arg(i);
    d.notification.content.data = QJsonObject {{QStringLiteral("orderId"), QString::number(i)}};
    d.recipient.userId = QStringLiteral("u-%1").arg(i);
    d.recipient.username = QStringLiteral("user%1").arg(i);
    d.recipient.webhookUrl = url;
    d.recipient.webhookSecret = QString::fromUtf8(secret);
    return d;
}

} // namespace

// The webhook channel against a local receiver that checks signatures the way the
// docs tell integrators to, and the classification of what receivers answer.
class TestWebhookChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signature_verify_data();
    void signature_verify();
    void signature_seenSet_forgetsEntriesOlderThanTolerance();
    void deliver_signedPost_receiverVerifiesAndAccepts();
    void deliver_batch_everyEntryAnswered();
    void deliver_wrongSecret_receiverRefuses_permanent();
    void deliver_staleClock_receiverRefuses_permanent();
    void deliver_replayedRequest_receiverAnswers409();
    void deliver_statusClassified_data();
    void deliver_statusClassified();
    void deliver_receiverSetsCookie_notSentBack();
    void deliver_receiverNeverAnswers_timeoutRetryable();
    void deliver_receiverDown_refusedRetryable();
    void destroyedWithRequestInFlight_noCallback();
    void deliver_unusableUrlOrNoSecret_permanentWithoutRequest_data();
    void deliver_unusableUrlOrNoSecret_permanentWithoutRequest();
};

void TestWebhookChannel::initTestCase()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
}

void TestWebhookChannel::signature_verify_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<WebhookSignature::Failure>("expected");

    using F = WebhookSignature::Failure;
    const QByteArray body = R"({"event":"notification","id":"n-1"})";
    const qint64 now = T0.toSecsSinceEpoch();
    const QByteArray ts = QByteArray::number(now);
    const QByteArray sig = WebhookSignature::sign(Secret, now, body);

    QTest::newRow("valid") << Secret << ts << sig << body << F::None;
    QTest::newRow("upper-case hex accepted")
        << Secret << ts << sig.toUpper().replace("SHA256=", "sha256=") << body << F::None;
    QTest::newRow("surrounding spaces accepted") << Secret << " " + ts + " "
                                                 << " " + sig << body << F::None;
    QTest::newRow("wrong secret") << QByteArray("other") << ts << sig << body << F::BadSignature;
    QTest::newRow("body changed") << Secret << ts << sig << body + " " << F::BadSignature;
    QTest::newRow("timestamp changed") << Secret << QByteArray::number(now + 1) << sig << body << F::BadSignature;
    QTest::newRow("signature truncated") << Secret << ts << sig.chopped(1) << body << F::BadSignature;
    QTest::newRow("299 s old: within tolerance") << Secret << QByteArray::number(now - 299)
                                                 << WebhookSignature::sign(Secret, now - 299, body) << body << F::None;
    QTest::newRow("301 s old: stale") << Secret << QByteArray::number(now - 301)
                                      << WebhookSignature::sign(Secret, now - 301, body) << body << F::OutsideTolerance;
    QTest::newRow("301 s ahead: stale") << Secret << QByteArray::number(now + 301)
                                        << WebhookSignature::sign(Secret, now + 301, body) << body
                                        << F::OutsideTolerance;
    QTest::newRow("no timestamp") << Secret << QByteArray() << sig << body << F::Malformed;
    QTest::newRow("timestamp not a number") << Secret << QByteArray("soon") << sig << body << F::Malformed;
    QTest::newRow("timestamp with sign") << Secret << "+" + ts << sig << body << F::Malformed;
    QTest::newRow("no signature") << Secret << ts << QByteArray() << body << F::Malformed;
    QTest::newRow("other scheme") << Secret << ts << QByteArray("sha1=") + sig.mid(7) << body << F::Malformed;
}

void TestWebhookChannel::signature_verify()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, body);
    QFETCH(WebhookSignature::Failure, expected);

    QString why;
    WebhookSignature::SeenSet seen;
    QCOMPARE(WebhookSignature::verify(secret, timestamp, signature, body, T0, 300, &why, &seen),
        expected == WebhookSignature::Failure::None);
    QCOMPARE(why, WebhookSignature::failureToString(expected));
    if (expected != WebhookSignature::Failure::None)
        return;
    // The same request again is a replay, once a seen-set is kept.
    QCOMPARE(WebhookSignature::check(secret, timestamp, signature, body, T0, 300, &seen),
        WebhookSignature::Failure::Replayed);
    QCOMPARE(WebhookSignature::check(secret, timestamp, signature, body, T0, 300), WebhookSignature::Failure::None);
}

void TestWebhookChannel::signature_seenSet_forgetsEntriesOlderThanTolerance()
{
    WebhookSignature::SeenSet seen;
    for (int i = 0; i < 10; ++i) {
        const qint64 ts = T0.toSecsSinceEpoch() + i * 100;
        const QByteArray body = QByteArray::number(i);
        QVERIFY(WebhookSignature::verify(Secret, QByteArray::number(ts), WebhookSignature::sign(Secret, ts, body), body,
            T0.addSecs(i * 100), 300, nullptr, &seen));
    }
    // Only the last tolerance window (timestamps within 300 s of the last "now") stays.
    QCOMPARE(seen.size(), 4);
}

void TestWebhookChannel::deliver_signedPost_receiverVerifiesAndAccepts()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    WebhookChannel channel({}, clock);
    QCOMPARE(channel.name(), QStringLiteral("webhook"));
    QVERIFY(channel.isConfigured());

    const OutgoingDelivery d = makeDelivery(1, receiver.url());
    const ChannelRun run = deliverAll(channel, {d});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.calledInsideDeliver, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Sent);
    QCOMPARE(run.results.at(0).providerCode, QStringLiteral("200"));
    QCOMPARE(run.results.at(0).providerResponse, QStringLiteral("ok"));

    QCOMPARE(receiver.requests.size(), 1);
    const WebhookReceiver::Request &r = receiver.requests.at(0);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/hook"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.headers.value("user-agent"), QByteArray("tidingsd/9.8.7"));
    QCOMPARE(r.headers.value("x-tidings-delivery"), QByteArray("job-1"));
    QCOMPARE(r.headers.value("x-tidings-timestamp"), QByteArray::number(T0.toSecsSinceEpoch()));
    QCOMPARE(r.headers.value("x-tidings-signature"), WebhookSignature::sign(Secret, T0.toSecsSinceEpoch(), r.body));

    const QJsonObject expected {
        {QStringLiteral("event"), QStringLiteral("notification")},
        {QStringLiteral("id"), QStringLiteral("n-1")},
        {QStringLiteral("topic"), QStringLiteral("orders")},
        {QStringLiteral("title"), QStringLiteral("Order Updated")},
        {QStringLiteral("message"), d.notification.content.message},
        {QStringLiteral("priority"), QStringLiteral("high")},
        {QStringLiteral("click"), QStringLiteral("https://shop.example/orders/1")},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("orderId"), QStringLiteral("1")}}},
        {QStringLiteral("createdAt"), QStringLiteral("2024-01-15T10:30:00.000Z")},
        {QStringLiteral("recipient"),
            QJsonObject {
                {QStringLiteral("id"), QStringLiteral("u-1")}, {QStringLiteral("username"), QStringLiteral("user1")}}},
    };
    QCOMPARE(QJsonDocument::fromJson(r.body).object(), expected);
}

void TestWebhookChannel::deliver_batch_everyEntryAnswered()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    WebhookChannel channel({}, clock);
    QList<OutgoingDelivery> batch;
    for (int i = 0; i < 20; ++i)
        batch.append(makeDelivery(i, receiver.url()));
    const ChannelRun run = deliverAll(channel, batch);
    QCOMPARE(run.missing, 0);
    for (const DeliveryResult &r : run.results)
        QCOMPARE(r.outcome, Outcome::Sent);
    QCOMPARE(receiver.requests.size(), 20);
}

void TestWebhookChannel::deliver_wrongSecret_receiverRefuses_permanent()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    WebhookChannel channel({}, clock);
    const ChannelRun run = deliverAll(channel, {makeDelivery(1, receiver.url(), "not-the-secret")});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Permanent);
    QCOMPARE(run.results.at(0).providerCode, QStringLiteral("401"));
    QCOMPARE(run.results.at(0).removeSubscription, false);
    QCOMPARE(run.results.at(0).providerResponse, QStringLiteral("signature does not match"));
}

void TestWebhookChannel::deliver_staleClock_receiverRefuses_permanent()
{
    ManualClock receiverClock(T0);
    ManualClock senderClock(T0.addSecs(-301));
    WebhookReceiver receiver(receiverClock);
    WebhookChannel channel({}, senderClock);
    const ChannelRun run = deliverAll(channel, {makeDelivery(1, receiver.url())});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Permanent);
    QCOMPARE(receiver.requests.at(0).why, QStringLiteral("timestamp outside the tolerance"));
}

void TestWebhookChannel::deliver_replayedRequest_receiverAnswers409()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    WebhookChannel channel({}, clock);
    const OutgoingDelivery d = makeDelivery(1, receiver.url());
    QCOMPARE(deliverAll(channel, {d}).results.at(0).outcome, Outcome::Sent);

    // An attacker who captured the request sends it again, byte for byte.
    const WebhookReceiver::Request captured = receiver.requests.at(0);
    QNetworkAccessManager network;
    QNetworkRequest replay {QUrl(receiver.url())};
    for (const char *h : {"content-type", "x-tidings-timestamp", "x-tidings-signature", "x-tidings-delivery"})
        replay.setRawHeader(h, captured.headers.value(h));
    QNetworkReply *reply = network.post(replay, captured.body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
    reply->deleteLater();

    // Our own channel sending the identical payload within the same second looks the
    // same to the receiver; X-Tidings-Delivery is how it would tell a retry apart.
    const ChannelRun again = deliverAll(channel, {d});
    QCOMPARE(again.results.at(0).outcome, Outcome::Permanent);
    QCOMPARE(again.results.at(0).providerCode, QStringLiteral("409"));

    // A second later the signature differs and the delivery is accepted.
    clock.advanceSecs(1);
    QCOMPARE(deliverAll(channel, {d}).results.at(0).outcome, Outcome::Sent);
    QCOMPARE(receiver.requests.size(), 4);
}

void TestWebhookChannel::deliver_statusClassified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<bool>("removeSubscription");

    QTest::newRow("201 sent") << 201 << QByteArray() << Outcome::Sent << qint64(-1) << false;
    QTest::newRow("204 sent") << 204 << QByteArray() << Outcome::Sent << qint64(-1) << false;
    QTest::newRow("500 retryable") << 500 << QByteArray() << Outcome::Retryable << qint64(-1) << false;
    QTest::newRow("503 with Retry-After") << 503 << QByteArray("30") << Outcome::Retryable << qint64(30'000) << false;
    QTest::newRow("429 with Retry-After: 7") << 429 << QByteArray("7") << Outcome::Retryable << qint64(7'000) << false;
    QTest::newRow("429 with an HTTP-date")
        << 429 << QByteArray("Mon, 15 Jan 2024 10:32:00 GMT") << Outcome::Retryable << qint64(120'000) << false;
    QTest::newRow("429 with garbage Retry-After")
        << 429 << QByteArray("later") << Outcome::Retryable << qint64(-1) << false;
    QTest::newRow("408 retryable") << 408 << QByteArray() << Outcome::Retryable << qint64(-1) << false;
    QTest::newRow("410 removes the subscription") << 410 << QByteArray() << Outcome::Permanent << qint64(-1) << true;
    QTest::newRow("404 removes the subscription") << 404 << QByteArray() << Outcome::Permanent << qint64(-1) << true;
    QTest::newRow("400 permanent") << 400 << QByteArray() << Outcome::Permanent << qint64(-1) << false;
    QTest::newRow("413 permanent") << 413 << QByteArray() << Outcome::Permanent << qint64(-1) << false;
    QTest::newRow("302 not followed: permanent") << 302 << QByteArray() << Outcome::Permanent << qint64(-1) << false;
}

void TestWebhookChannel::deliver_statusClassified()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Outcome, outcome);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, removeSubscription);

    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    receiver.mode = WebhookReceiver::Mode::Fixed;
    receiver.status = status;
    if (!retryAfter.isEmpty())
        receiver.extraHeaders.append({"Retry-After", retryAfter});
    if (status == 302)
        receiver.extraHeaders.append({"Location", receiver.url(QStringLiteral("/elsewhere")).toUtf8()});
    WebhookChannel channel({}, clock);

    const ChannelRun run = deliverAll(channel, {makeDelivery(1, receiver.url())});
    QCOMPARE(run.missing, 0);
    const DeliveryResult &r = run.results.at(0);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.providerCode, QString::number(status));
    QCOMPARE(r.retryAfterMs.value_or(-1), retryAfterMs);
    QCOMPARE(r.removeSubscription, removeSubscription);
    QCOMPARE(r.error.isEmpty(), outcome == Outcome::Sent);
    QCOMPARE(receiver.requests.size(), 1); // a redirect is not followed
}

void TestWebhookChannel::deliver_receiverSetsCookie_notSentBack()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    receiver.mode = WebhookReceiver::Mode::Fixed;
    receiver.extraHeaders.append({QByteArray("Set-Cookie"), QByteArray("session=abc; Path=/")});
    WebhookChannel channel({}, clock);
    QCOMPARE(deliverAll(channel, {makeDelivery(1, receiver.url())}).results.at(0).outcome, Outcome::Sent);
    QCOMPARE(deliverAll(channel, {makeDelivery(2, receiver.url())}).results.at(0).outcome, Outcome::Sent);
    QCOMPARE(receiver.requests.size(), 2);
    QVERIFY(!receiver.requests.at(1).headers.contains("cookie"));
}

void TestWebhookChannel::deliver_receiverNeverAnswers_timeoutRetryable()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    receiver.mode = WebhookReceiver::Mode::Silent;
    WebhookChannel::Config config;
    config.timeoutMs = 300;
    WebhookChannel channel(config, clock);

    const ChannelRun run = deliverAll(channel, {makeDelivery(1, receiver.url())});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Retryable);
    QCOMPARE(run.results.at(0).providerCode, QStringLiteral("OperationCanceledError"));
    QCOMPARE(run.results.at(0).error, QStringLiteral("no answer within 300 ms"));
    QCOMPARE(receiver.requests.size(), 1);
}

void TestWebhookChannel::deliver_receiverDown_refusedRetryable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ManualClock clock(T0);
    WebhookChannel channel({}, clock);
    const ChannelRun run = deliverAll(channel, {makeDelivery(1, QStringLiteral("http://127.0.0.1:%1/hook").arg(port))});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Retryable);
    QCOMPARE(run.results.at(0).providerCode, QStringLiteral("ConnectionRefusedError"));
}

void TestWebhookChannel::destroyedWithRequestInFlight_noCallback()
{
    ManualClock clock(T0);
    WebhookReceiver receiver(clock);
    receiver.mode = WebhookReceiver::Mode::Silent;
    auto channel = std::make_unique<WebhookChannel>(WebhookChannel::Config {}, clock);
    int callbacks = 0;
    channel->deliver({makeDelivery(1, receiver.url())}, [&](int, const DeliveryResult &) { ++callbacks; });
    QTRY_COMPARE(receiver.requests.size(), 1);
    channel.reset(); // aborts the request; the abort must not reach a dead channel's callback
    QCoreApplication::processEvents();
    QCOMPARE(callbacks, 0);
}

void TestWebhookChannel::deliver_unusableUrlOrNoSecret_permanentWithoutRequest_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("empty URL") << QString() << Secret;
    QTest::newRow("not a URL") << QStringLiteral("::not a url::") << Secret;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/hook") << Secret;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << Secret;
    QTest::newRow("no secret") << QStringLiteral("http://127.0.0.1:9/hook") << QByteArray();
}

void TestWebhookChannel::deliver_unusableUrlOrNoSecret_permanentWithoutRequest()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, secret);

    ManualClock clock(T0);
    WebhookChannel channel({}, clock);
    const ChannelRun run = deliverAll(channel, {makeDelivery(1, url, secret)});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.calledInsideDeliver, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Permanent);
    QVERIFY(!run.results.at(0).error.isEmpty());
}

QTEST_GUILESS_MAIN(TestWebhookChannel)
#include "tst_webhookchannel.moc"
