// AnalyticsService's arithmetic: percentiles read off the latency histogram and the
// rates over the channels that report what each rate needs.
#include "core/AnalyticsService.h"
#include "store/LatencyBuckets.h"

#include <QTest>

using Tidings::Server::AnalyticsCounts;
using Tidings::Server::AnalyticsService;
namespace LatencyBuckets = Tidings::Server::LatencyBuckets;

namespace {

// A histogram with `count` samples in each of the given buckets.
QList<qint64> histogram(const QList<QPair<int, qint64>> &buckets)
{
    QList<qint64> h(qsizetype(LatencyBuckets::BoundsMs.size()) + 1, 0);
    for (const auto &[bucket, count] : buckets)
        h[bucket] += count;
    return h;
}

} // namespace

class TestAnalyticsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentile_interpolatesInsideTheBucket_data();
    void percentile_interpolatesInsideTheBucket();
    void percentile_noSamples_isNull();
    void rates_useTheChannelsThatReportThem();
};

void TestAnalyticsService::percentile_interpolatesInsideTheBucket_data()
{
    QTest::addColumn<QList<qint64>>("h");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    // Bounds: 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 1800000.
    QTest::newRow("all in the first bucket, median") << histogram({{0, 10}}) << 0.5 << 2.5;
    QTest::newRow("all in 100..250, p50") << histogram({{5, 4}}) << 0.5 << 175.0;
    QTest::newRow("all in 100..250, p100") << histogram({{5, 4}}) << 1.0 << 250.0;
    // 4 fast (<= 5 ms), 2 at 5..10 s, 1 at 5..30 min: the scenario of tst_analytics.
    QTest::newRow("mixed p50") << histogram({{0, 4}, {10, 2}, {14, 1}}) << 0.5 << 4.375;
    QTest::newRow("mixed p95") << histogram({{0, 4}, {10, 2}, {14, 1}}) << 0.95 << 1275000.0;
    QTest::newRow("mixed p99") << histogram({{0, 4}, {10, 2}, {14, 1}}) << 0.99 << 1695000.0;
    QTest::newRow("overflow is the last bound") << histogram({{15, 3}}) << 0.99 << 1800000.0;
}

void TestAnalyticsService::percentile_interpolatesInsideTheBucket()
{
    QFETCH(QList<qint64>, h);
    QFETCH(double, p);
    QFETCH(double, expected);
    const std::optional<double> v = AnalyticsService::percentile(h, p);
    QVERIFY(v);
    QCOMPARE(*v, expected);
}

void TestAnalyticsService::percentile_noSamples_isNull()
{
    QVERIFY(!AnalyticsService::percentile(histogram({}), 0.5));
    QVERIFY(!AnalyticsService::percentile({}, 0.5));
}

void TestAnalyticsService::rates_useTheChannelsThatReportThem()
{
    AnalyticsCounts inApp;
    inApp.sent = 8;
    inApp.delivered = 6;
    inApp.read = 3;
    inApp.clicked = 0;
    AnalyticsCounts email;
    email.sent = 10;
    email.clicked = 2;
    AnalyticsCounts push;
    push.sent = 6;
    push.clicked = 1;
    AnalyticsCounts webhook;
    webhook.sent = 100; // no receipts, no clicks: in no rate
    const QJsonObject r = AnalyticsService::rates({{QStringLiteral("inApp"), inApp}, {QStringLiteral("email"), email},
        {QStringLiteral("push"), push}, {QStringLiteral("webhook"), webhook}});
    QCOMPARE(r.value(QStringLiteral("delivery")).toDouble(), 0.75);
    QCOMPARE(r.value(QStringLiteral("read")).toDouble(), 0.5);
    QCOMPARE(r.value(QStringLiteral("click")).toDouble(), 0.1875);
    // Denominators of 0 give 0; results are rounded to 4 decimals.
    const QJsonObject none = AnalyticsService::rates({});
    QCOMPARE(none.value(QStringLiteral("delivery")).toDouble(-1), 0.0);
    AnalyticsCounts third;
    third.sent = 3;
    third.delivered = 1;
    QCOMPARE(AnalyticsService::rates({{QStringLiteral("inApp"), third}}).value(QStringLiteral("delivery")).toDouble(),
        0.3333);
}

QTEST_GUILESS_MAIN(TestAnalyticsService)
#include "tst_analyticsservice.moc"
