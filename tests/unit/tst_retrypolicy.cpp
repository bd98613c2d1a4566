#include "delivery/DeliveryOutcome.h"
#include "delivery/RetryPolicy.h"

#include <QTest>

using namespace Tidings::Server::Delivery;

Q_DECLARE_METATYPE(Tidings::Server::Delivery::Outcome)
Q_DECLARE_METATYPE(Tidings::Server::Delivery::TransportError)

// The retry schedule and the classification of delivery failures that feeds it.
class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delayMs_followsScheduleAndRetryAfter_data();
    void delayMs_followsScheduleAndRetryAfter();
    void delayMs_customScheduleAndCap();
    void parseRetryAfter_secondsOrHttpDate_data();
    void parseRetryAfter_secondsOrHttpDate();
    void smtpReply_classified_data();
    void smtpReply_classified();
    void httpStatus_classified_data();
    void httpStatus_classified();
    void transportError_classified_data();
    void transportError_classified();
};

static constexpr qint64 None = -1; // "no Retry-After" / "dead letter" in the tables

void TestRetryPolicy::delayMs_followsScheduleAndRetryAfter_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("first retry: 1 s") << 1 << None << qint64(1'000);
    QTest::newRow("second retry: 5 s") << 2 << None << qint64(5'000);
    QTest::newRow("third retry: 30 s") << 3 << None << qint64(30'000);
    QTest::newRow("fourth retry: 5 min") << 4 << None << qint64(300'000);
    QTest::newRow("fifth retry: 30 min") << 5 << None << qint64(1'800'000);
    QTest::newRow("sixth: dead letter") << 6 << None << None;
    QTest::newRow("far beyond: dead letter") << 100 << None << None;
    QTest::newRow("attempt 0 is not a retry") << 0 << None << None;
    QTest::newRow("negative attempt") << -3 << None << None;
    QTest::newRow("Retry-After shorter: schedule wins") << 3 << qint64(2'000) << qint64(30'000);
    QTest::newRow("Retry-After equal") << 2 << qint64(5'000) << qint64(5'000);
    QTest::newRow("Retry-After longer: honoured") << 1 << qint64(120'000) << qint64(120'000);
    QTest::newRow("Retry-After exactly 1 h") << 1 << qint64(3'600'000) << qint64(3'600'000);
    QTest::newRow("Retry-After above 1 h: capped") << 1 << qint64(86'400'000) << qint64(3'600'000);
    QTest::newRow("Retry-After on the last retry") << 5 << qint64(2'000'000) << qint64(2'000'000);
    QTest::newRow("Retry-After cannot revive a dead letter") << 6 << qint64(10'000) << None;
    QTest::newRow("Retry-After zero") << 1 << qint64(0) << qint64(1'000);
    QTest::newRow("Retry-After negative") << 2 << qint64(-50'000) << qint64(5'000);
}

void TestRetryPolicy::delayMs_followsScheduleAndRetryAfter()
{
    QFETCH(int, attempt);
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, expected);

    const RetryPolicy policy;
    std::optional<qint64> retryAfter;
    if (retryAfterMs != None)
        retryAfter = retryAfterMs;
    const auto delay = policy.delayMs(attempt, retryAfter);
    QCOMPARE(delay.value_or(None), expected);
    if (retryAfterMs == None)
        QCOMPARE(policy.delayMs(attempt).value_or(None), expected);
}

void TestRetryPolicy::delayMs_customScheduleAndCap()
{
    QCOMPARE(RetryPolicy().maxRetries(), 5);
    QCOMPARE(RetryPolicy().schedule(), RetryPolicy::defaultSchedule());

    const RetryPolicy fast({0, 10, -5}, 50);
    QCOMPARE(fast.maxRetries(), 3);
    QCOMPARE(fast.delayMs(1).value_or(None), qint64(0));
    QCOMPARE(fast.delayMs(2, qint64(30)).value_or(None), qint64(30));
    QCOMPARE(fast.delayMs(2, qint64(500)).value_or(None), qint64(50)); // capped
    QCOMPARE(fast.delayMs(3).value_or(None), qint64(0)); // negative entries count as 0
    QCOMPARE(fast.delayMs(4).value_or(None), None);

    // The cap limits what a receiver can ask for, never the operator's own schedule.
    const RetryPolicy slow({7'200'000});
    QCOMPARE(slow.delayMs(1, qint64(9'000'000)).value_or(None), qint64(7'200'000));
}

void TestRetryPolicy::parseRetryAfter_secondsOrHttpDate_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("padded") << QByteArray("  5 ") << qint64(5'000);
    QTest::newRow("absurdly large saturates")
        << QByteArray("99999999999999999999") << qint64(4'611'686'018'427'387'903);
    QTest::newRow("HTTP-date 90 s ahead") << QByteArray("Thu, 15 Jan 2026 12:01:30 GMT") << qint64(90'000);
    QTest::newRow("HTTP-date in the past") << QByteArray("Thu, 15 Jan 2026 11:00:00 GMT") << qint64(0);
    QTest::newRow("empty") << QByteArray() << None;
    QTest::newRow("word") << QByteArray("soon") << None;
    QTest::newRow("negative") << QByteArray("-5") << None;
    QTest::newRow("fraction") << QByteArray("1.5") << None;
    QTest::newRow("date without GMT") << QByteArray("Thu, 15 Jan 2026 12:01:30") << None;
}

void TestRetryPolicy::parseRetryAfter_secondsOrHttpDate()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expected);
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-01-15T12:00:00Z"), Qt::ISODate);
    QCOMPARE(RetryPolicy::parseRetryAfter(header, now).value_or(None), expected);
}

void TestRetryPolicy::smtpReply_classified_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<Outcome>("expected");

    QTest::newRow("250 ok") << 250 << Outcome::Sent;
    QTest::newRow("251 forwarded") << 251 << Outcome::Sent;
    QTest::newRow("421 service unavailable") << 421 << Outcome::Retryable;
    QTest::newRow("450 mailbox busy / greylisted") << 450 << Outcome::Retryable;
    QTest::newRow("452 insufficient storage") << 452 << Outcome::Retryable;
    QTest::newRow("500 syntax error") << 500 << Outcome::Permanent;
    QTest::newRow("550 no such user") << 550 << Outcome::Permanent;
    QTest::newRow("554 rejected") << 554 << Outcome::Permanent;
    QTest::newRow("354 where a final reply belongs") << 354 << Outcome::Retryable;
    QTest::newRow("no reply code") << 0 << Outcome::Retryable;
    QTest::newRow("garbage code") << 999 << Outcome::Retryable;
}

void TestRetryPolicy::smtpReply_classified()
{
    QFETCH(int, code);
    QFETCH(Outcome, expected);
    QCOMPARE(classifySmtpReply(code), expected);
}

void TestRetryPolicy::httpStatus_classified_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Outcome>("expected");
    QTest::addColumn<bool>("removeSubscription");

    QTest::newRow("200") << 200 << Outcome::Sent << false;
    QTest::newRow("201 push accepted") << 201 << Outcome::Sent << false;
    QTest::newRow("204") << 204 << Outcome::Sent << false;
    QTest::newRow("301 redirect") << 301 << Outcome::Permanent << false;
    QTest::newRow("400") << 400 << Outcome::Permanent << false;
    QTest::newRow("401") << 401 << Outcome::Permanent << false;
    QTest::newRow("403") << 403 << Outcome::Permanent << false;
    QTest::newRow("404 subscription gone") << 404 << Outcome::Permanent << true;
    QTest::newRow("408 timeout") << 408 << Outcome::Retryable << false;
    QTest::newRow("410 subscription expired") << 410 << Outcome::Permanent << true;
    QTest::newRow("413 payload too large") << 413 << Outcome::Permanent << false;
    QTest::newRow("429 rate limited") << 429 << Outcome::Retryable << false;
    QTest::newRow("500") << 500 << Outcome::Retryable << false;
    QTest::newRow("502") << 502 << Outcome::Retryable << false;
    QTest::newRow("503") << 503 << Outcome::Retryable << false;
    QTest::newRow("599") << 599 << Outcome::Retryable << false;
    QTest::newRow("100 as final status") << 100 << Outcome::Retryable << false;
    QTest::newRow("0: no response") << 0 << Outcome::Retryable << false;
    QTest::newRow("600: not HTTP") << 600 << Outcome::Retryable << false;
}

void TestRetryPolicy::httpStatus_classified()
{
    QFETCH(int, status);
    QFETCH(Outcome, expected);
    QFETCH(bool, removeSubscription);
    const HttpClassification c = classifyHttpStatus(status);
    QCOMPARE(c.outcome, expected);
    QCOMPARE(c.removeSubscription, removeSubscription);
}

void TestRetryPolicy::transportError_classified_data()
{
    QTest::addColumn<TransportError>("error");
    QTest::addColumn<Outcome>("expected");

    QTest::newRow("timeout") << TransportError::Timeout << Outcome::Retryable;
    QTest::newRow("connection refused") << TransportError::ConnectionRefused << Outcome::Retryable;
    QTest::newRow("connection reset") << TransportError::ConnectionReset << Outcome::Retryable;
    QTest::newRow("host not found") << TransportError::HostNotFound << Outcome::Retryable;
    QTest::newRow("network unreachable") << TransportError::NetworkUnreachable << Outcome::Retryable;
    QTest::newRow("protocol violation") << TransportError::ProtocolViolation << Outcome::Retryable;
    QTest::newRow("unknown") << TransportError::Unknown << Outcome::Retryable;
    QTest::newRow("TLS handshake failed") << TransportError::TlsHandshakeFailed << Outcome::Permanent;
}

void TestRetryPolicy::transportError_classified()
{
    QFETCH(TransportError, error);
    QFETCH(Outcome, expected);
    QCOMPARE(classifyTransportError(error), expected);
    QVERIFY(!outcomeToString(expected).isEmpty());
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
