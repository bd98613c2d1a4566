#include "MetricsSnapshot.h"
#include "core/Metrics.h"

#include <QTest>

#include <cmath>

using Tidings::Bench::Histogram;
using Tidings::Bench::MetricsSnapshot;
using Tidings::Server::Metrics;

// How tidings-bench reads tidingsd's /metrics: the counters and the latency
// histogram of the real Metrics::render(), and the percentile estimate from bucket
// deltas that the delivery benchmark reports.
class TestBenchMetricsSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_realServerMetrics_readsCountersAndHistogram();
    void parse_labelsEscapedAndUnordered();
    void parse_notMetrics_isEmpty();
    void since_subtractsEarlierSnapshot();
    void quantile_interpolatesInsideBucket_data();
    void quantile_interpolatesInsideBucket();
    void quantile_empty_hasNoValue();
};

void TestBenchMetricsSnapshot::parse_realServerMetrics_readsCountersAndHistogram()
{
    Metrics metrics;
    metrics.queueDepth = [] { return qint64(42); };
    metrics.delivered(QStringLiteral("email"), QStringLiteral("sent"), 7);
    metrics.delivered(QStringLiteral("email"), QStringLiteral("failed"), 2);
    metrics.delivered(QStringLiteral("webhook"), QStringLiteral("sent"), 3);
    metrics.observeDeliveryLatency(QStringLiteral("email"), 0.003, 4); // le 0.005
    metrics.observeDeliveryLatency(QStringLiteral("email"), 0.2, 2); // le 0.25
    metrics.observeDeliveryLatency(QStringLiteral("email"), 4000, 1); // above every bound

    const std::optional<MetricsSnapshot> s = MetricsSnapshot::parse(metrics.render());
    QVERIFY(s);
    QCOMPARE(s->queueDepth(), qint64(42));
    QCOMPARE(s->deliveries(QStringLiteral("email"), QStringLiteral("sent")), qint64(7));
    QCOMPARE(s->deliveries(QStringLiteral("email"), QStringLiteral("failed")), qint64(2));
    QCOMPARE(s->deliveries(QStringLiteral("webhook"), QStringLiteral("sent")), qint64(3));
    QCOMPARE(s->deliveries(QStringLiteral("push"), QStringLiteral("sent")), qint64(0));

    const Histogram h = s->latency(QStringLiteral("email"));
    QCOMPARE(h.count, qint64(7));
    QCOMPARE(h.sum, 0.003 * 4 + 0.2 * 2 + 4000);
    QVERIFY(h.bounds.size() >= 10);
    QVERIFY(std::is_sorted(h.bounds.begin(), h.bounds.end()));
    QCOMPARE(h.bounds.size(), h.cumulative.size());
    const int at5ms = int(h.bounds.indexOf(0.005));
    const int at250ms = int(h.bounds.indexOf(0.25));
    QVERIFY(at5ms >= 0 && at250ms > at5ms);
    QCOMPARE(h.cumulative[at5ms], qint64(4));
    QCOMPARE(h.cumulative[at250ms], qint64(6));
    QCOMPARE(h.cumulative.last(), qint64(6)); // the 4,000 s one is only in +Inf
    QVERIFY(s->latency(QStringLiteral("push")).bounds.isEmpty());
}

void TestBenchMetricsSnapshot::parse_labelsEscapedAndUnordered()
{
    const QByteArray text = "# HELP tidings_deliveries_total x\n"
                            "tidings_deliveries_total{status=\"sent\",channel=\"we\\\"ird\"} 5\n"
                            "tidings_delivery_latency_seconds_bucket{le=\"+Inf\",channel=\"email\"} 3\n"
                            "tidings_delivery_latency_seconds_bucket{channel=\"email\",le=\"1\"} 2\n"
                            "tidings_delivery_latency_seconds_bucket{channel=\"email\",le=\"0.5\"} 1\n"
                            "other_metric 1\n"
                            "garbage line without value\n";
    const std::optional<MetricsSnapshot> s = MetricsSnapshot::parse(text);
    QVERIFY(s);
    QCOMPARE(s->deliveries(QStringLiteral("we\"ird"), QStringLiteral("sent")), qint64(5));
    const Histogram h = s->latency(QStringLiteral("email"));
    QCOMPARE(h.bounds, (QVector<double> {0.5, 1.0}));
    QCOMPARE(h.cumulative, (QVector<qint64> {1, 2}));
    QCOMPARE(h.count, qint64(3));
}

void TestBenchMetricsSnapshot::parse_notMetrics_isEmpty()
{
    QVERIFY(!MetricsSnapshot::parse("<html><body>502 Bad Gateway</body></html>"));
    QVERIFY(!MetricsSnapshot::parse(QByteArray()));
}

void TestBenchMetricsSnapshot::since_subtractsEarlierSnapshot()
{
    Metrics metrics;
    metrics.delivered(QStringLiteral("email"), QStringLiteral("sent"), 10);
    metrics.observeDeliveryLatency(QStringLiteral("email"), 0.004, 10);
    const std::optional<MetricsSnapshot> before = MetricsSnapshot::parse(metrics.render());
    metrics.observeDeliveryLatency(QStringLiteral("email"), 0.3, 5);
    const std::optional<MetricsSnapshot> after = MetricsSnapshot::parse(metrics.render());
    QVERIFY(before && after);

    const Histogram d = after->latency(QStringLiteral("email")).since(before->latency(QStringLiteral("email")));
    QCOMPARE(d.count, qint64(5));
    QCOMPARE(d.cumulative[int(d.bounds.indexOf(0.005))], qint64(0));
    QCOMPARE(d.cumulative[int(d.bounds.indexOf(0.5))], qint64(5));
    QVERIFY(std::abs(*d.mean() - 0.3) < 1e-9);
    // All five between 0.25 and 0.5 s: the median is interpolated to the middle.
    QVERIFY(std::abs(*d.quantile(0.5) - 0.375) < 1e-9);

    // A channel that had delivered nothing before: everything is new.
    const Histogram fresh = after->latency(QStringLiteral("email")).since(Histogram());
    QCOMPARE(fresh.count, qint64(15));
}

void TestBenchMetricsSnapshot::quantile_interpolatesInsideBucket_data()
{
    QTest::addColumn<QVector<qint64>>("cumulative");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");

    // Bounds 0.1, 0.25, 0.5, 1, 5 s.
    const QVector<qint64> spread {0, 40, 90, 100, 100};
    QTest::newRow("median in (0.25, 0.5]") << spread << qint64(100) << 0.5 << 0.25 + 0.25 * 10 / 50;
    QTest::newRow("p20 in (0.1, 0.25]") << spread << qint64(100) << 0.2 << 0.1 + 0.15 * 20 / 40;
    QTest::newRow("p95 in (0.5, 1]") << spread << qint64(100) << 0.95 << 0.75;
    QTest::newRow("p99 in (0.5, 1]") << spread << qint64(100) << 0.99 << 0.95;
    QTest::newRow("p100 at a bucket's top") << spread << qint64(100) << 1.0 << 1.0;
    QTest::newRow("first bucket starts at 0") << QVector<qint64> {10, 20, 20, 20, 20} << qint64(20) << 0.25 << 0.05;
    QTest::newRow("beyond the last bound: the last bound")
        << QVector<qint64> {0, 0, 0, 0, 90} << qint64(100) << 0.99 << 5.0;
}

void TestBenchMetricsSnapshot::quantile_interpolatesInsideBucket()
{
    QFETCH(QVector<qint64>, cumulative);
    QFETCH(qint64, count);
    QFETCH(double, q);
    QFETCH(double, expected);

    Histogram h;
    h.bounds = {0.1, 0.25, 0.5, 1.0, 5.0};
    h.cumulative = cumulative;
    h.count = count;
    const std::optional<double> v = h.quantile(q);
    QVERIFY(v);
    QVERIFY2(std::abs(*v - expected) < 1e-9, qPrintable(QStringLiteral("%1 != %2").arg(*v).arg(expected)));
}

void TestBenchMetricsSnapshot::quantile_empty_hasNoValue()
{
    Histogram h;
    QVERIFY(!h.quantile(0.5));
    QVERIFY(!h.mean());
    h.bounds = {0.1, 1.0};
    h.cumulative = {0, 0};
    QVERIFY(!h.quantile(0.99));
}

QTEST_GUILESS_MAIN(TestBenchMetricsSnapshot)
#include "tst_benchmetricssnapshot.moc"
