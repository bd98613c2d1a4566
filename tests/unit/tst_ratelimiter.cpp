#include "auth/RateLimiter.h"

#include <QTest>

using Tidings::Server::RateLimiter;

// Every call passes an explicit timestamp, so refill is tested without sleeping.
class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void take_withinBurst_allowsThenRefuses();
    void take_keysHaveSeparateBuckets();
    void take_afterRefill_allowsAgain();
    void take_refillNeverExceedsBurst();
    void retryAfter_isCeilOfTimeToOneToken_data();
    void retryAfter_isCeilOfTimeToOneToken();
    void retryAfter_isAtLeastOneSecond();
    void take_disabled_alwaysAllowsAndKeepsNoState_data();
    void take_disabled_alwaysAllowsAndKeepsNoState();
    void take_clockGoingBackwards_mintsNoTokens();
    void sweep_dropsOnlyFullBuckets();
};

static constexpr qint64 T0 = 1'700'000'000'000; // an arbitrary epoch-ms start

void TestRateLimiter::take_withinBurst_allowsThenRefuses()
{
    RateLimiter limiter(60, 5);
    for (int i = 0; i < 5; ++i)
        QVERIFY2(limiter.take(QStringLiteral("a"), T0).allowed, qPrintable(QString::number(i)));
    const auto refused = limiter.take(QStringLiteral("a"), T0);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSec, 1);
}

void TestRateLimiter::take_keysHaveSeparateBuckets()
{
    RateLimiter limiter(60, 1);
    QVERIFY(limiter.take(QStringLiteral("a"), T0).allowed);
    QVERIFY(!limiter.take(QStringLiteral("a"), T0).allowed);
    QVERIFY(limiter.take(QStringLiteral("b"), T0).allowed);
    QCOMPARE(limiter.size(), 2);
}

void TestRateLimiter::take_afterRefill_allowsAgain()
{
    RateLimiter limiter(60, 2); // one token per second
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 + 999).allowed);
    QVERIFY(limiter.take(QStringLiteral("k"), T0 + 1000).allowed);
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 + 1000).allowed);
    // Partial refills add up: 3 x 1/3 s make one token.
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 + 1333).allowed);
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 + 1666).allowed);
    QVERIFY(limiter.take(QStringLiteral("k"), T0 + 2000).allowed);
}

void TestRateLimiter::take_refillNeverExceedsBurst()
{
    RateLimiter limiter(600, 3);
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    // An hour idle refills to the burst, not to 36,000 tokens.
    const qint64 later = T0 + 3600 * 1000;
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.take(QStringLiteral("k"), later).allowed);
    QVERIFY(!limiter.take(QStringLiteral("k"), later).allowed);
}

void TestRateLimiter::retryAfter_isCeilOfTimeToOneToken_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<qint64>("elapsedMs"); // after the bucket was emptied
    QTest::addColumn<int>("expected");

    QTest::newRow("60/min, just emptied") << 60 << qint64(0) << 1;
    QTest::newRow("30/min, just emptied") << 30 << qint64(0) << 2;
    QTest::newRow("1/min, just emptied") << 1 << qint64(0) << 60;
    QTest::newRow("1/min, 59.5 s later") << 1 << qint64(59'500) << 1;
    QTest::newRow("1/min, 30 s later") << 1 << qint64(30'000) << 30;
    QTest::newRow("1/min, 30.001 s later") << 1 << qint64(30'001) << 30;
    QTest::newRow("1/min, 29.999 s later") << 1 << qint64(29'999) << 31;
    QTest::newRow("7/min, just emptied") << 7 << qint64(0) << 9; // 8.57 s
}

void TestRateLimiter::retryAfter_isCeilOfTimeToOneToken()
{
    QFETCH(int, perMinute);
    QFETCH(qint64, elapsedMs);
    QFETCH(int, expected);

    RateLimiter limiter(perMinute, 1);
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    const auto d = limiter.take(QStringLiteral("k"), T0 + elapsedMs);
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterSec, expected);
}

void TestRateLimiter::retryAfter_isAtLeastOneSecond()
{
    RateLimiter limiter(6000, 1); // a token every 10 ms
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    const auto d = limiter.take(QStringLiteral("k"), T0 + 5);
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterSec, 1);
    QVERIFY(limiter.take(QStringLiteral("k"), T0 + 10).allowed);
}

void TestRateLimiter::take_disabled_alwaysAllowsAndKeepsNoState_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -5;
}

void TestRateLimiter::take_disabled_alwaysAllowsAndKeepsNoState()
{
    QFETCH(int, perMinute);
    RateLimiter limiter(perMinute, 1);
    QVERIFY(!limiter.enabled());
    for (int i = 0; i < 1000; ++i) {
        const auto d = limiter.take(QStringLiteral("k%1").arg(i % 7), T0);
        QVERIFY(d.allowed);
        QCOMPARE(d.retryAfterSec, 0);
    }
    QCOMPARE(limiter.size(), 0);
    QCOMPARE(limiter.sweep(T0), 0);
}

void TestRateLimiter::take_clockGoingBackwards_mintsNoTokens()
{
    RateLimiter limiter(60, 1);
    QVERIFY(limiter.take(QStringLiteral("k"), T0).allowed);
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 - 60'000).allowed);
    // The backwards step adds nothing; refill restarts from the earlier time.
    QVERIFY(!limiter.take(QStringLiteral("k"), T0 - 59'500).allowed);
    QVERIFY(limiter.take(QStringLiteral("k"), T0 - 59'000).allowed);
}

void TestRateLimiter::sweep_dropsOnlyFullBuckets()
{
    RateLimiter limiter(60, 3);
    QVERIFY(limiter.take(QStringLiteral("idle"), T0).allowed);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.take(QStringLiteral("busy"), T0 + 2000).allowed);
    QCOMPARE(limiter.size(), 2);

    // At T0 + 2000 "idle" has refilled to 3 (burst), "busy" is at 0.
    QCOMPARE(limiter.sweep(T0 + 2000), 1);
    QCOMPARE(limiter.size(), 1);
    QVERIFY(!limiter.take(QStringLiteral("busy"), T0 + 2000).allowed);

    // Three seconds later "busy" is full as well.
    QCOMPARE(limiter.sweep(T0 + 4999), 0);
    QCOMPARE(limiter.sweep(T0 + 5000), 1);
    QCOMPARE(limiter.size(), 0);

    // A swept key starts over with a full burst.
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.take(QStringLiteral("busy"), T0 + 5000).allowed);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
