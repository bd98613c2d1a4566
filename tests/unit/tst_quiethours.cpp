#include "delivery/QuietHours.h"

#include <QTest>

using Tidings::Priority;
using Tidings::Server::Delivery::QuietHours;

Q_DECLARE_METATYPE(Tidings::Priority)

// Instants are written in UTC; the comments give the wall time in the window's zone.
// DST dates: Berlin springs forward 2026-03-29 01:00Z (02:00 -> 03:00) and falls back
// 2026-10-25 01:00Z (03:00 -> 02:00); New York 2026-03-08 07:00Z and 2026-11-01 06:00Z.
class TestQuietHours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void window_isQuietAndNextAllowed_data();
    void window_isQuietAndNextAllowed();
    void priority_onlyUrgentPassesWhenAllowed_data();
    void priority_onlyUrgentPassesWhenAllowed();
    void windowStartingOn_lengthFollowsDst_data();
    void windowStartingOn_lengthFollowsDst();
    void disabled_neverQuiet();
    void fromPreferences_ignoresBadDaysAndUnknownZone();
};

static QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

// "12345" -> {1,2,3,4,5}
static Tidings::QuietHours prefs(const QString &tz, const QString &start, const QString &end, const QString &days)
{
    Tidings::QuietHours q;
    q.enabled = true;
    q.timezone = tz;
    q.start = QTime::fromString(start, QStringLiteral("HH:mm"));
    q.end = QTime::fromString(end, QStringLiteral("HH:mm"));
    q.days.clear();
    for (const QChar c : days)
        q.days.append(c.digitValue());
    return q;
}

void TestQuietHours::window_isQuietAndNextAllowed_data()
{
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("days");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("quiet");
    QTest::addColumn<QDateTime>("next"); // for a normal-priority notification

    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString ny = QStringLiteral("America/New_York");
    const QString all = QStringLiteral("1234567");
    const QString s22 = QStringLiteral("22:00");
    const QString e07 = QStringLiteral("07:00");

    // Overnight window in winter (CET = UTC+1).
    QTest::newRow("overnight: just before start")
        << berlin << s22 << e07 << all << utc("2026-01-14T20:59:00Z") << false << utc("2026-01-14T20:59:00Z");
    QTest::newRow("overnight: at start") << berlin << s22 << e07 << all << utc("2026-01-14T21:00:00Z") << true
                                         << utc("2026-01-15T06:00:00Z");
    QTest::newRow("overnight: after midnight")
        << berlin << s22 << e07 << all << utc("2026-01-15T02:00:00Z") << true << utc("2026-01-15T06:00:00Z");
    QTest::newRow("overnight: end is exclusive")
        << berlin << s22 << e07 << all << utc("2026-01-15T06:00:00Z") << false << utc("2026-01-15T06:00:00Z");
    QTest::newRow("overnight: midday") << berlin << s22 << e07 << all << utc("2026-01-15T12:00:00Z") << false
                                       << utc("2026-01-15T12:00:00Z");
    QTest::newRow("same-day window: inside")
        << QStringLiteral("UTC") << QStringLiteral("12:00") << QStringLiteral("14:00") << all
        << utc("2026-01-15T13:59:00Z") << true << utc("2026-01-15T14:00:00Z");
    QTest::newRow("same-day window: after")
        << QStringLiteral("UTC") << QStringLiteral("12:00") << QStringLiteral("14:00") << all
        << utc("2026-01-15T14:00:00Z") << false << utc("2026-01-15T14:00:00Z");
    QTest::newRow("equal start and end: empty window")
        << berlin << QStringLiteral("08:00") << QStringLiteral("08:00") << all << utc("2026-01-15T07:00:00Z") << false
        << utc("2026-01-15T07:00:00Z");

    // Days name the weekday a window starts on. 2026-01-16 is a Friday.
    const QString fri = QStringLiteral("5");
    const QString utcZone = QStringLiteral("UTC");
    QTest::newRow("days: Friday night") << utcZone << s22 << e07 << fri << utc("2026-01-16T23:00:00Z") << true
                                        << utc("2026-01-17T07:00:00Z");
    QTest::newRow("days: Saturday morning, window started Friday")
        << utcZone << s22 << e07 << fri << utc("2026-01-17T03:00:00Z") << true << utc("2026-01-17T07:00:00Z");
    QTest::newRow("days: Saturday night not listed")
        << utcZone << s22 << e07 << fri << utc("2026-01-17T23:00:00Z") << false << utc("2026-01-17T23:00:00Z");
    QTest::newRow("days: Friday morning, Thursday not listed")
        << utcZone << s22 << e07 << fri << utc("2026-01-16T03:00:00Z") << false << utc("2026-01-16T03:00:00Z");
    QTest::newRow("days: weekdays only, Sunday night")
        << utcZone << s22 << e07 << QStringLiteral("12345") << utc("2026-01-18T23:00:00Z") << false
        << utc("2026-01-18T23:00:00Z");
    QTest::newRow("days: none") << utcZone << s22 << e07 << QString() << utc("2026-01-16T23:00:00Z") << false
                                << utc("2026-01-16T23:00:00Z");

    // Spring forward, Berlin: the night of 28 -> 29 March is an hour shorter.
    QTest::newRow("Berlin spring: window ends 07:00 CEST")
        << berlin << s22 << e07 << all << utc("2026-03-29T00:30:00Z") << true << utc("2026-03-29T05:00:00Z");
    QTest::newRow("Berlin spring: end 02:30 does not exist -> 03:00 CEST")
        << berlin << s22 << QStringLiteral("02:30") << all << utc("2026-03-28T23:00:00Z") << true
        << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin spring: quiet over once the gap ends")
        << berlin << s22 << QStringLiteral("02:30") << all << utc("2026-03-29T01:00:00Z") << false
        << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin spring: start 02:30 does not exist, not quiet before 03:00")
        << berlin << QStringLiteral("02:30") << QStringLiteral("06:00") << all << utc("2026-03-29T00:59:00Z") << false
        << utc("2026-03-29T00:59:00Z");
    QTest::newRow("Berlin spring: start 02:30 does not exist, quiet from 03:00")
        << berlin << QStringLiteral("02:30") << QStringLiteral("06:00") << all << utc("2026-03-29T01:00:00Z") << true
        << utc("2026-03-29T04:00:00Z");

    // Fall back, Berlin: 02:00-03:00 happens twice on 25 October.
    QTest::newRow("Berlin fall: window ends 07:00 CET")
        << berlin << s22 << e07 << all << utc("2026-10-25T05:30:00Z") << true << utc("2026-10-25T06:00:00Z");
    QTest::newRow("Berlin fall: end 02:30 is its first occurrence")
        << berlin << s22 << QStringLiteral("02:30") << all << utc("2026-10-25T00:15:00Z") << true
        << utc("2026-10-25T00:30:00Z");
    QTest::newRow("Berlin fall: second 02:15 is after the end")
        << berlin << s22 << QStringLiteral("02:30") << all << utc("2026-10-25T01:15:00Z") << false
        << utc("2026-10-25T01:15:00Z");
    QTest::newRow("Berlin fall: start 02:30 first occurrence, first pass")
        << berlin << QStringLiteral("02:30") << QStringLiteral("05:00") << all << utc("2026-10-25T00:45:00Z") << true
        << utc("2026-10-25T04:00:00Z");
    QTest::newRow("Berlin fall: start 02:30, second pass still inside")
        << berlin << QStringLiteral("02:30") << QStringLiteral("05:00") << all << utc("2026-10-25T01:45:00Z") << true
        << utc("2026-10-25T04:00:00Z");
    QTest::newRow("Berlin fall: before first 02:30")
        << berlin << QStringLiteral("02:30") << QStringLiteral("05:00") << all << utc("2026-10-25T00:15:00Z") << false
        << utc("2026-10-25T00:15:00Z");

    // New York (UTC-5 / UTC-4).
    QTest::newRow("New York spring: starts 22:00 EST")
        << ny << s22 << e07 << all << utc("2026-03-08T02:59:00Z") << false << utc("2026-03-08T02:59:00Z");
    QTest::newRow("New York spring: ends 07:00 EDT")
        << ny << s22 << e07 << all << utc("2026-03-08T08:00:00Z") << true << utc("2026-03-08T11:00:00Z");
    QTest::newRow("New York spring: end 02:30 -> 03:00 EDT")
        << ny << QStringLiteral("23:00") << QStringLiteral("02:30") << all << utc("2026-03-08T06:30:00Z") << true
        << utc("2026-03-08T07:00:00Z");
    QTest::newRow("New York fall: end 01:30 first occurrence (EDT)")
        << ny << s22 << QStringLiteral("01:30") << all << utc("2026-11-01T05:00:00Z") << true
        << utc("2026-11-01T05:30:00Z");
    QTest::newRow("New York fall: 01:00 EST is after the end")
        << ny << s22 << QStringLiteral("01:30") << all << utc("2026-11-01T06:00:00Z") << false
        << utc("2026-11-01T06:00:00Z");

    // Zones without DST and with a half-hour offset.
    QTest::newRow("Tokyo overnight") << QStringLiteral("Asia/Tokyo") << s22 << e07 << all << utc("2026-01-15T14:00:00Z")
                                     << true << utc("2026-01-15T22:00:00Z");
    QTest::newRow("Kolkata overnight at start") << QStringLiteral("Asia/Kolkata") << s22 << e07 << all
                                                << utc("2026-01-15T16:30:00Z") << true << utc("2026-01-16T01:30:00Z");
}

void TestQuietHours::window_isQuietAndNextAllowed()
{
    QFETCH(QString, tz);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, days);
    QFETCH(QDateTime, at);
    QFETCH(bool, quiet);
    QFETCH(QDateTime, next);

    const QuietHours qh(prefs(tz, start, end, days));
    QCOMPARE(qh.isQuiet(at), quiet);
    const QDateTime allowed = qh.nextAllowed(at, Priority::Normal);
    QCOMPARE(allowed.toString(Qt::ISODate), next.toUTC().toString(Qt::ISODate));
    QCOMPARE(allowed.timeSpec(), Qt::UTC);
    // Delivery is never held past the allowed instant, and never allowed inside a window.
    QVERIFY(!qh.isQuiet(allowed));
}

void TestQuietHours::priority_onlyUrgentPassesWhenAllowed_data()
{
    QTest::addColumn<bool>("allowUrgent");
    QTest::addColumn<Priority>("priority");
    QTest::addColumn<bool>("held");

    QTest::newRow("urgent, allowed") << true << Priority::Urgent << false;
    QTest::newRow("urgent, not allowed") << false << Priority::Urgent << true;
    QTest::newRow("high, allowed urgent") << true << Priority::High << true;
    QTest::newRow("normal") << true << Priority::Normal << true;
    QTest::newRow("low") << true << Priority::Low << true;
}

void TestQuietHours::priority_onlyUrgentPassesWhenAllowed()
{
    QFETCH(bool, allowUrgent);
    QFETCH(Priority, priority);
    QFETCH(bool, held);

    auto p = prefs(
        QStringLiteral("Europe/Berlin"), QStringLiteral("22:00"), QStringLiteral("07:00"), QStringLiteral("1234567"));
    p.allowUrgent = allowUrgent;
    const QuietHours qh(p);
    const QDateTime at = utc("2026-01-15T02:00:00Z");
    QCOMPARE(qh.nextAllowed(at, priority), held ? utc("2026-01-15T06:00:00Z") : at);
}

void TestQuietHours::windowStartingOn_lengthFollowsDst_data()
{
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("hours");

    QTest::newRow("Berlin winter night") << QStringLiteral("Europe/Berlin") << QDate(2026, 1, 14) << qint64(9);
    QTest::newRow("Berlin spring-forward night") << QStringLiteral("Europe/Berlin") << QDate(2026, 3, 28) << qint64(8);
    QTest::newRow("Berlin fall-back night") << QStringLiteral("Europe/Berlin") << QDate(2026, 10, 24) << qint64(10);
    QTest::newRow("New York spring-forward night")
        << QStringLiteral("America/New_York") << QDate(2026, 3, 7) << qint64(8);
    QTest::newRow("New York fall-back night")
        << QStringLiteral("America/New_York") << QDate(2026, 10, 31) << qint64(10);
}

void TestQuietHours::windowStartingOn_lengthFollowsDst()
{
    QFETCH(QString, tz);
    QFETCH(QDate, date);
    QFETCH(qint64, hours);

    const QuietHours qh(prefs(tz, QStringLiteral("22:00"), QStringLiteral("07:00"), QStringLiteral("1234567")));
    const auto w = qh.windowStartingOn(date);
    QVERIFY(w);
    QCOMPARE(w->start.secsTo(w->end), hours * 3600);
    QCOMPARE(w->start.toTimeZone(QTimeZone(tz.toUtf8())).time(), QTime(22, 0));
}

void TestQuietHours::disabled_neverQuiet()
{
    auto p = prefs(QStringLiteral("UTC"), QStringLiteral("00:00"), QStringLiteral("23:59"), QStringLiteral("1234567"));
    p.enabled = false;
    const QuietHours qh(p);
    const QDateTime at = utc("2026-01-15T12:00:00Z");
    QVERIFY(!qh.isQuiet(at));
    QCOMPARE(qh.nextAllowed(at, Priority::Low), at);
    QVERIFY(!QuietHours().isQuiet(at));
}

void TestQuietHours::fromPreferences_ignoresBadDaysAndUnknownZone()
{
    auto p = prefs(QStringLiteral("Not/AZone"), QStringLiteral("22:00"), QStringLiteral("07:00"), QString());
    p.days = {0, 8, 5, -1};
    const QuietHours qh(p);
    QCOMPARE(qh.timeZone(), QTimeZone::utc());
    QVERIFY(qh.isQuiet(utc("2026-01-16T23:00:00Z"))); // Friday, 5 kept
    QVERIFY(!qh.isQuiet(utc("2026-01-18T23:00:00Z"))); // Sunday: neither 0 nor 8 counts
}

QTEST_GUILESS_MAIN(TestQuietHours)
#include "tst_quiethours.moc"
