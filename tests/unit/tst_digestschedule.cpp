#include "delivery/DigestSchedule.h"

#include <QTest>

using Tidings::Server::Delivery::DigestSchedule;
using Frequency = DigestSchedule::Frequency;

Q_DECLARE_METATYPE(Tidings::Server::Delivery::DigestSchedule::Frequency)

// Instants are UTC. Berlin springs forward 2026-03-29 01:00Z and falls back 2026-10-25
// 01:00Z; New York 2026-03-08 07:00Z; Lord Howe Island falls back by half an hour on
// 2026-04-05 (02:00 +11:00 -> 01:30 +10:30, i.e. 2026-04-04 15:00Z).
class TestDigestSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextRun_data();
    void nextRun();
    void previousRun_data();
    void previousRun();
    void periodStart_coversPreviousSlotToThisOne_data();
    void periodStart_coversPreviousSlotToThisOne();
    void fromPreferences_validates_data();
    void fromPreferences_validates();
    void runs_tileTime();
};

static QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

static void addScheduleColumns()
{
    QTest::addColumn<Frequency>("frequency");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<int>("weekday");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QDateTime>("expected");
}

static DigestSchedule fetchSchedule()
{
    QFETCH(Frequency, frequency);
    QFETCH(QTime, time);
    QFETCH(QString, tz);
    QFETCH(int, weekday);
    return DigestSchedule(frequency, time, QTimeZone(tz.toUtf8()), weekday);
}

void TestDigestSchedule::nextRun_data()
{
    addScheduleColumns();
    const QString u = QStringLiteral("UTC");
    const QString berlin = QStringLiteral("Europe/Berlin");
    const QTime t0900(9, 0);
    const QTime t0230(2, 30);

    QTest::newRow("hourly at :15") << Frequency::Hourly << QTime(9, 15) << u << 1 << utc("2026-01-15T10:00:00Z")
                                   << utc("2026-01-15T10:15:00Z");
    QTest::newRow("hourly, exactly on a run")
        << Frequency::Hourly << QTime(9, 15) << u << 1 << utc("2026-01-15T10:15:00Z") << utc("2026-01-15T11:15:00Z");
    QTest::newRow("hourly, local minute in Kolkata") << Frequency::Hourly << t0900 << QStringLiteral("Asia/Kolkata")
                                                     << 1 << utc("2026-01-15T10:00:00Z") << utc("2026-01-15T10:30:00Z");
    QTest::newRow("hourly, Berlin spring gap")
        << Frequency::Hourly << t0900 << berlin << 1 << utc("2026-03-29T00:30:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("hourly, Berlin repeated hour runs")
        << Frequency::Hourly << t0900 << berlin << 1 << utc("2026-10-25T00:30:00Z") << utc("2026-10-25T01:00:00Z");
    QTest::newRow("hourly, half-hour fall-back on Lord Howe")
        << Frequency::Hourly << t0900 << QStringLiteral("Australia/Lord_Howe") << 1 << utc("2026-04-04T14:30:00Z")
        << utc("2026-04-04T15:30:00Z");
    QTest::newRow("daily, later today") << Frequency::Daily << t0900 << berlin << 1 << utc("2026-01-15T07:00:00Z")
                                        << utc("2026-01-15T08:00:00Z");
    QTest::newRow("daily, exactly on a run")
        << Frequency::Daily << t0900 << berlin << 1 << utc("2026-01-15T08:00:00Z") << utc("2026-01-16T08:00:00Z");
    QTest::newRow("daily, summer") << Frequency::Daily << t0900 << berlin << 1 << utc("2026-07-15T08:00:00Z")
                                   << utc("2026-07-16T07:00:00Z");
    QTest::newRow("daily, skipped 02:30 -> 03:00 CEST")
        << Frequency::Daily << t0230 << berlin << 1 << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("daily, repeated 02:30 -> first")
        << Frequency::Daily << t0230 << berlin << 1 << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T00:30:00Z");
    QTest::newRow("daily, repeated 02:30 runs once")
        << Frequency::Daily << t0230 << berlin << 1 << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
    QTest::newRow("daily, New York skipped 02:30") << Frequency::Daily << t0230 << QStringLiteral("America/New_York")
                                                   << 1 << utc("2026-03-07T12:00:00Z") << utc("2026-03-08T07:00:00Z");
    QTest::newRow("daily, local date ahead of UTC") << Frequency::Daily << QTime(7, 0) << QStringLiteral("Asia/Tokyo")
                                                    << 1 << utc("2026-01-15T23:00:00Z") << utc("2026-01-16T22:00:00Z");
    QTest::newRow("weekly Monday, from Friday")
        << Frequency::Weekly << t0900 << berlin << 1 << utc("2026-01-16T12:00:00Z") << utc("2026-01-19T08:00:00Z");
    QTest::newRow("weekly Monday, exactly on a run")
        << Frequency::Weekly << t0900 << berlin << 1 << utc("2026-01-19T08:00:00Z") << utc("2026-01-26T08:00:00Z");
    QTest::newRow("weekly Sunday, skipped 02:30")
        << Frequency::Weekly << t0230 << berlin << 7 << utc("2026-03-23T00:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("weekly, bad weekday means Monday")
        << Frequency::Weekly << t0900 << u << 9 << utc("2026-01-16T12:00:00Z") << utc("2026-01-19T09:00:00Z");
}

void TestDigestSchedule::nextRun()
{
    QFETCH(QDateTime, at);
    QFETCH(QDateTime, expected);
    const DigestSchedule schedule = fetchSchedule();
    const QDateTime next = schedule.nextRun(at);
    QCOMPARE(next.toUTC().toString(Qt::ISODate), expected.toUTC().toString(Qt::ISODate));
    QCOMPARE(next.timeSpec(), Qt::UTC);
}

void TestDigestSchedule::previousRun_data()
{
    addScheduleColumns();
    const QString berlin = QStringLiteral("Europe/Berlin");
    QTest::newRow("hourly, exactly on a run") << Frequency::Hourly << QTime(9, 15) << berlin << 1
                                              << utc("2026-01-15T10:15:00Z") << utc("2026-01-15T10:15:00Z");
    QTest::newRow("hourly, between runs") << Frequency::Hourly << QTime(9, 15) << berlin << 1
                                          << utc("2026-01-15T10:14:59Z") << utc("2026-01-15T09:15:00Z");
    QTest::newRow("daily, exactly on a run")
        << Frequency::Daily << QTime(9, 0) << berlin << 1 << utc("2026-01-15T08:00:00Z") << utc("2026-01-15T08:00:00Z");
    QTest::newRow("daily, before today's run")
        << Frequency::Daily << QTime(9, 0) << berlin << 1 << utc("2026-01-15T07:59:00Z") << utc("2026-01-14T08:00:00Z");
    QTest::newRow("daily, skipped 02:30") << Frequency::Daily << QTime(2, 30) << berlin << 1
                                          << utc("2026-03-29T01:30:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("weekly, mid-week") << Frequency::Weekly << QTime(9, 0) << berlin << 1 << utc("2026-01-22T12:00:00Z")
                                      << utc("2026-01-19T08:00:00Z");
}

void TestDigestSchedule::previousRun()
{
    QFETCH(QDateTime, at);
    QFETCH(QDateTime, expected);
    const QDateTime previous = fetchSchedule().previousRun(at);
    QCOMPARE(previous.toUTC().toString(Qt::ISODate), expected.toUTC().toString(Qt::ISODate));
}

void TestDigestSchedule::periodStart_coversPreviousSlotToThisOne_data()
{
    addScheduleColumns(); // `at` is the run, `expected` the period start
    const QString berlin = QStringLiteral("Europe/Berlin");
    const QTime t0900(9, 0);
    QTest::newRow("hourly") << Frequency::Hourly << QTime(9, 15) << berlin << 1 << utc("2026-01-15T10:15:00Z")
                            << utc("2026-01-15T09:15:00Z");
    QTest::newRow("hourly across the repeated hour")
        << Frequency::Hourly << t0900 << berlin << 1 << utc("2026-10-25T02:00:00Z") << utc("2026-10-25T01:00:00Z");
    QTest::newRow("daily") << Frequency::Daily << t0900 << berlin << 1 << utc("2026-01-15T08:00:00Z")
                           << utc("2026-01-14T08:00:00Z");
    QTest::newRow("daily, 23-hour period into summer time")
        << Frequency::Daily << t0900 << berlin << 1 << utc("2026-03-29T07:00:00Z") << utc("2026-03-28T08:00:00Z");
    QTest::newRow("daily, day after spring forward")
        << Frequency::Daily << t0900 << berlin << 1 << utc("2026-03-30T07:00:00Z") << utc("2026-03-29T07:00:00Z");
    QTest::newRow("daily, 25-hour period into winter time")
        << Frequency::Daily << t0900 << berlin << 1 << utc("2026-10-25T08:00:00Z") << utc("2026-10-24T07:00:00Z");
    QTest::newRow("daily, late run still covers its slot")
        << Frequency::Daily << t0900 << berlin << 1 << utc("2026-01-15T08:30:00Z") << utc("2026-01-14T08:00:00Z");
    QTest::newRow("weekly") << Frequency::Weekly << t0900 << berlin << 1 << utc("2026-01-19T08:00:00Z")
                            << utc("2026-01-12T08:00:00Z");
    QTest::newRow("weekly across spring forward")
        << Frequency::Weekly << t0900 << berlin << 1 << utc("2026-03-30T07:00:00Z") << utc("2026-03-23T08:00:00Z");
}

void TestDigestSchedule::periodStart_coversPreviousSlotToThisOne()
{
    QFETCH(QDateTime, at);
    QFETCH(QDateTime, expected);
    const QDateTime start = fetchSchedule().periodStart(at);
    QCOMPARE(start.toUTC().toString(Qt::ISODate), expected.toUTC().toString(Qt::ISODate));
}

void TestDigestSchedule::fromPreferences_validates_data()
{
    QTest::addColumn<QString>("frequency");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<int>("weekday");
    QTest::addColumn<QString>("field"); // empty = valid

    QTest::newRow("daily") << QStringLiteral("daily") << QStringLiteral("Europe/Berlin") << 1 << QString();
    QTest::newRow("hourly") << QStringLiteral("hourly") << QStringLiteral("UTC") << 1 << QString();
    QTest::newRow("weekly Sunday") << QStringLiteral("weekly") << QStringLiteral("UTC") << 7 << QString();
    QTest::newRow("monthly") << QStringLiteral("monthly") << QStringLiteral("UTC") << 1
                             << QStringLiteral("digest.frequency");
    QTest::newRow("capitalised") << QStringLiteral("Daily") << QStringLiteral("UTC") << 1
                                 << QStringLiteral("digest.frequency");
    QTest::newRow("unknown zone") << QStringLiteral("daily") << QStringLiteral("Mars/Olympus") << 1
                                  << QStringLiteral("digest.timezone");
    QTest::newRow("weekday 0") << QStringLiteral("weekly") << QStringLiteral("UTC") << 0
                               << QStringLiteral("digest.weekday");
    QTest::newRow("weekday 8") << QStringLiteral("weekly") << QStringLiteral("UTC") << 8
                               << QStringLiteral("digest.weekday");
}

void TestDigestSchedule::fromPreferences_validates()
{
    QFETCH(QString, frequency);
    QFETCH(QString, tz);
    QFETCH(int, weekday);
    QFETCH(QString, field);

    Tidings::Digest digest;
    digest.enabled = true;
    digest.frequency = frequency;
    digest.time = QTime(8, 45);
    const auto schedule = DigestSchedule::fromPreferences(digest, tz, weekday);
    QCOMPARE(schedule.ok(), field.isEmpty());
    if (schedule.ok()) {
        QCOMPARE(DigestSchedule::frequencyToString(schedule->frequency()), frequency);
        QCOMPARE(schedule->time(), QTime(8, 45));
        QCOMPARE(schedule->weekday(), weekday);
    } else {
        QCOMPARE(schedule.error().code, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(schedule.error().field, field);
    }
}

// Consecutive periods share their boundaries: nothing falls between two digests.
void TestDigestSchedule::runs_tileTime()
{
    for (const Frequency f : {Frequency::Hourly, Frequency::Daily, Frequency::Weekly}) {
        const DigestSchedule schedule(f, QTime(2, 30), QTimeZone("Europe/Berlin"), 7);
        QDateTime run = schedule.nextRun(utc("2026-03-01T00:00:00Z"));
        for (int i = 0; i < 60 && run < utc("2026-11-15T00:00:00Z"); ++i) {
            const QDateTime next = schedule.nextRun(run);
            QVERIFY(next > run);
            QCOMPARE(schedule.periodStart(next), run);
            QCOMPARE(schedule.previousRun(next), next);
            run = f == Frequency::Hourly ? schedule.nextRun(next.addDays(4)) : next;
        }
    }
}

QTEST_GUILESS_MAIN(TestDigestSchedule)
#include "tst_digestschedule.moc"
