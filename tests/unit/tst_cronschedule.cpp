#include "delivery/CronSchedule.h"

#include <QTest>

using Tidings::Server::Delivery::CronField;
using Tidings::Server::Delivery::CronSchedule;

// Instants are UTC. Berlin springs forward 2026-03-29 01:00Z and falls back 2026-10-25
// 01:00Z; New York 2026-03-08 07:00Z and 2026-11-01 06:00Z.
class TestCronSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_validForms_matchValues_data();
    void parse_validForms_matchValues();
    void parse_invalid_namesTheField_data();
    void parse_invalid_namesTheField();
    void next_isStrictlyAfter_data();
    void next_isStrictlyAfter();
    void nextRuns_acrossDst_data();
    void nextRuns_acrossDst();
    void describe_commonForms_data();
    void describe_commonForms();
    void nextRuns_countAndInvalidInput();
};

static QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

static QString joined(const QList<int> &values)
{
    QStringList parts;
    for (const int v : values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

static QString range(int from, int to, int step = 1)
{
    QList<int> v;
    for (int i = from; i <= to; i += step)
        v << i;
    return joined(v);
}

void TestCronSchedule::parse_validForms_matchValues_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("minute");
    QTest::addColumn<QString>("hour");
    QTest::addColumn<QString>("dom");
    QTest::addColumn<QString>("month");
    QTest::addColumn<QString>("dow"); // Sunday = 0

    const QString allMin = range(0, 59);
    const QString allHour = range(0, 23);
    const QString allDom = range(1, 31);
    const QString allMonth = range(1, 12);
    const QString allDow = range(0, 6);

    QTest::newRow("all stars") << QStringLiteral("* * * * *") << allMin << allHour << allDom << allMonth << allDow;
    QTest::newRow("single values") << QStringLiteral("5 9 1 6 3") << QStringLiteral("5") << QStringLiteral("9")
                                   << QStringLiteral("1") << QStringLiteral("6") << QStringLiteral("3");
    QTest::newRow("list") << QStringLiteral("1,5,59 * * * *") << QStringLiteral("1,5,59") << allHour << allDom
                          << allMonth << allDow;
    QTest::newRow("range") << QStringLiteral("* 1-5 * * *") << allMin << QStringLiteral("1,2,3,4,5") << allDom
                           << allMonth << allDow;
    QTest::newRow("star step") << QStringLiteral("*/15 * * * *") << QStringLiteral("0,15,30,45") << allHour << allDom
                               << allMonth << allDow;
    QTest::newRow("range step") << QStringLiteral("10-50/10 * * * *") << QStringLiteral("10,20,30,40,50") << allHour
                                << allDom << allMonth << allDow;
    QTest::newRow("start step runs to max")
        << QStringLiteral("5/20 * * * *") << QStringLiteral("5,25,45") << allHour << allDom << allMonth << allDow;
    QTest::newRow("list of mixed forms") << QStringLiteral("0,10-12,*/30 * * * *") << QStringLiteral("0,10,11,12,30")
                                         << allHour << allDom << allMonth << allDow;
    QTest::newRow("step larger than range")
        << QStringLiteral("*/60 * * * *") << QStringLiteral("0") << allHour << allDom << allMonth << allDow;
    QTest::newRow("dom step") << QStringLiteral("* * */10 * *") << allMin << allHour << QStringLiteral("1,11,21,31")
                              << allMonth << allDow;
    QTest::newRow("month names") << QStringLiteral("* * * JAN,jul,Dec *") << allMin << allHour << allDom
                                 << QStringLiteral("1,7,12") << allDow;
    QTest::newRow("month name range") << QStringLiteral("* * * MAR-may *") << allMin << allHour << allDom
                                      << QStringLiteral("3,4,5") << allDow;
    QTest::newRow("weekday names") << QStringLiteral("* * * * MON-FRI") << allMin << allHour << allDom << allMonth
                                   << QStringLiteral("1,2,3,4,5");
    QTest::newRow("weekday name list") << QStringLiteral("* * * * sun,Sat") << allMin << allHour << allDom << allMonth
                                       << QStringLiteral("0,6");
    QTest::newRow("7 is Sunday") << QStringLiteral("* * * * 7") << allMin << allHour << allDom << allMonth
                                 << QStringLiteral("0");
    QTest::newRow("0 and 7 both Sunday") << QStringLiteral("* * * * 0,7") << allMin << allHour << allDom << allMonth
                                         << QStringLiteral("0");
    QTest::newRow("range up to 7") << QStringLiteral("* * * * 5-7") << allMin << allHour << allDom << allMonth
                                   << QStringLiteral("0,5,6");
    QTest::newRow("weekday star step") << QStringLiteral("* * * * */2") << allMin << allHour << allDom << allMonth
                                       << QStringLiteral("0,2,4,6");
    QTest::newRow("extra whitespace") << QStringLiteral("  0\t9  * *   1 ") << QStringLiteral("0")
                                      << QStringLiteral("9") << allDom << allMonth << QStringLiteral("1");
    QTest::newRow("@hourly") << QStringLiteral("@hourly") << QStringLiteral("0") << allHour << allDom << allMonth
                             << allDow;
    QTest::newRow("@daily") << QStringLiteral("@daily") << QStringLiteral("0") << QStringLiteral("0") << allDom
                            << allMonth << allDow;
    QTest::newRow("@midnight") << QStringLiteral("@midnight") << QStringLiteral("0") << QStringLiteral("0") << allDom
                               << allMonth << allDow;
    QTest::newRow("@weekly") << QStringLiteral("@weekly") << QStringLiteral("0") << QStringLiteral("0") << allDom
                             << allMonth << QStringLiteral("0");
    QTest::newRow("@monthly") << QStringLiteral("@monthly") << QStringLiteral("0") << QStringLiteral("0")
                              << QStringLiteral("1") << allMonth << allDow;
    QTest::newRow("@yearly") << QStringLiteral("@YEARLY") << QStringLiteral("0") << QStringLiteral("0")
                             << QStringLiteral("1") << QStringLiteral("1") << allDow;
    QTest::newRow("@annually") << QStringLiteral("@annually") << QStringLiteral("0") << QStringLiteral("0")
                               << QStringLiteral("1") << QStringLiteral("1") << allDow;
}

void TestCronSchedule::parse_validForms_matchValues()
{
    QFETCH(QString, expr);
    QFETCH(QString, minute);
    QFETCH(QString, hour);
    QFETCH(QString, dom);
    QFETCH(QString, month);
    QFETCH(QString, dow);

    const auto parsed = CronSchedule::parse(expr, QTimeZone::utc());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(joined(parsed->field(CronField::Kind::Minute).values()), minute);
    QCOMPARE(joined(parsed->field(CronField::Kind::Hour).values()), hour);
    QCOMPARE(joined(parsed->field(CronField::Kind::DayOfMonth).values()), dom);
    QCOMPARE(joined(parsed->field(CronField::Kind::Month).values()), month);
    QCOMPARE(joined(parsed->field(CronField::Kind::DayOfWeek).values()), dow);
    QCOMPARE(parsed->expression(), expr.trimmed());
}

void TestCronSchedule::parse_invalid_namesTheField_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const char *expr, const char *message) {
        QTest::newRow(name) << QString::fromLatin1(expr) << QString::fromLatin1(message);
    };
    row("empty", "", "expected 5 fields (minute hour day-of-month month day-of-week), got 0");
    row("four fields", "* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4");
    row("six fields (seconds)", "0 * * * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 6");
    row("unknown macro", "@reboot", "unknown macro '@reboot'");
    row("minute 60", "60 * * * *", "minute: 60 is out of range 0-59");
    row("hour 24", "0 24 * * *", "hour: 24 is out of range 0-23");
    row("day-of-month 0", "0 0 0 * *", "day-of-month: 0 is out of range 1-31");
    row("day-of-month 32", "0 0 32 * *", "day-of-month: 32 is out of range 1-31");
    row("month 0", "0 0 1 0 *", "month: 0 is out of range 1-12");
    row("month 13", "0 0 1 13 *", "month: 13 is out of range 1-12");
    row("day-of-week 8", "0 0 * * 8", "day-of-week: 8 is out of range 0-7");
    row("huge number", "0 0 * * 99999", "day-of-week: 99999 is out of range 0-7");
    row("range end out of range", "0 20-25 * * *", "hour: 25 is out of range 0-23");
    row("negative", "-1 * * * *", "minute: '-1' is not a valid range");
    row("bad month name", "0 0 1 FOO *", "month: 'FOO' is not a number or month name (JAN-DEC)");
    row("full month name", "0 0 1 January *", "month: 'January' is not a number or month name (JAN-DEC)");
    row("bad weekday name", "0 0 * * XYZ", "day-of-week: 'XYZ' is not a number or weekday name (SUN-SAT)");
    row("name in minute field", "MON * * * *", "minute: 'MON' is not a number");
    row("word in hour field", "0 noon * * *", "hour: 'noon' is not a number");
    row("empty list element", "1,,2 * * * *", "minute: empty list element");
    row("trailing comma", "0 9, * * *", "hour: empty list element");
    row("step 0", "*/0 * * * *", "minute: step 0 is out of range 1-1000");
    row("step not a number", "*/x * * * *", "minute: step 'x' is not a number");
    row("empty step", "0 */ * * *", "hour: step '' is not a number");
    row("huge step", "*/100000 * * * *", "minute: step 100000 is out of range 1-1000");
    row("backwards range", "0 22-2 * * *", "hour: range 22-2 runs backwards");
    row("backwards weekday names", "0 0 * * FRI-MON", "day-of-week: range FRI-MON runs backwards");
    row("open range", "0 0 1- * *", "day-of-month: '1-' is not a valid range");
    row("star in range", "*-5 * * * *", "minute: '*' is not a number");
    row("30 February", "0 0 30 2 *", "day-of-month: 30 never occurs in month 2");
    row("31 in 30-day months", "0 0 31 APR,JUN,SEP,NOV *", "day-of-month: 31 never occurs in month APR,JUN,SEP,NOV");
}

void TestCronSchedule::parse_invalid_namesTheField()
{
    QFETCH(QString, expr);
    QFETCH(QString, message);

    const auto parsed = CronSchedule::parse(expr, QTimeZone::utc(), QStringLiteral("schedule"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(parsed.error().field, QStringLiteral("schedule"));
    QCOMPARE(parsed.error().message, message);
}

void TestCronSchedule::next_isStrictlyAfter_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");

    const QString u = QStringLiteral("UTC");
    const QString berlin = QStringLiteral("Europe/Berlin");
    QTest::newRow("every minute") << QStringLiteral("* * * * *") << u << utc("2026-01-15T10:07:30Z")
                                  << utc("2026-01-15T10:08:00Z");
    QTest::newRow("*/15 mid-slot") << QStringLiteral("*/15 * * * *") << u << utc("2026-01-15T10:07:00Z")
                                   << utc("2026-01-15T10:15:00Z");
    QTest::newRow("*/15 exactly on a run is strictly after")
        << QStringLiteral("*/15 * * * *") << u << utc("2026-01-15T10:15:00Z") << utc("2026-01-15T10:30:00Z");
    QTest::newRow("*/15 one ms before a run")
        << QStringLiteral("*/15 * * * *") << u << utc("2026-01-15T10:14:59.999Z") << utc("2026-01-15T10:15:00Z");
    QTest::newRow("range step wraps to next hour")
        << QStringLiteral("10-50/10 * * * *") << u << utc("2026-01-15T10:50:00Z") << utc("2026-01-15T11:10:00Z");
    QTest::newRow("daily, later today") << QStringLiteral("30 9 * * *") << u << utc("2026-01-15T08:00:00Z")
                                        << utc("2026-01-15T09:30:00Z");
    QTest::newRow("daily, tomorrow") << QStringLiteral("30 9 * * *") << u << utc("2026-01-15T09:30:00Z")
                                     << utc("2026-01-16T09:30:00Z");
    QTest::newRow("first of the month") << QStringLiteral("0 0 1 * *") << u << utc("2026-01-31T12:00:00Z")
                                        << utc("2026-02-01T00:00:00Z");
    QTest::newRow("31st skips short months")
        << QStringLiteral("0 0 31 * *") << u << utc("2026-04-01T00:00:00Z") << utc("2026-05-31T00:00:00Z");
    QTest::newRow("29 February waits for a leap year")
        << QStringLiteral("0 0 29 2 *") << u << utc("2026-03-01T00:00:00Z") << utc("2028-02-29T00:00:00Z");
    QTest::newRow("year rollover") << QStringLiteral("59 23 31 12 *") << u << utc("2026-12-31T23:59:00Z")
                                   << utc("2027-12-31T23:59:00Z");
    QTest::newRow("month names") << QStringLiteral("0 0 1 JAN,JUL *") << u << utc("2026-02-01T00:00:00Z")
                                 << utc("2026-07-01T00:00:00Z");
    QTest::newRow("Sunday as 7") << QStringLiteral("0 12 * * 7") << u << utc("2026-03-02T00:00:00Z")
                                 << utc("2026-03-08T12:00:00Z");
    QTest::newRow("Sunday as 0") << QStringLiteral("0 12 * * 0") << u << utc("2026-03-02T00:00:00Z")
                                 << utc("2026-03-08T12:00:00Z");
    // Vixie: both day fields restricted -> either matches.
    QTest::newRow("dom OR dow: the 15th (a Sunday)")
        << QStringLiteral("0 0 15 * MON") << u << utc("2026-03-10T00:00:00Z") << utc("2026-03-15T00:00:00Z");
    QTest::newRow("dom OR dow: the Monday after")
        << QStringLiteral("0 0 15 * MON") << u << utc("2026-03-15T00:00:00Z") << utc("2026-03-16T00:00:00Z");
    // A day field starting with '*' is unrestricted: both must match (odd-day Mondays).
    QTest::newRow("star-step dom AND dow")
        << QStringLiteral("0 0 */2 * MON") << u << utc("2026-03-01T00:00:00Z") << utc("2026-03-09T00:00:00Z");
    QTest::newRow("Berlin weekdays, Friday -> Monday")
        << QStringLiteral("0 9 * * MON-FRI") << berlin << utc("2026-01-16T08:00:00Z") << utc("2026-01-19T08:00:00Z");
    QTest::newRow("Berlin summer offset")
        << QStringLiteral("0 9 * * *") << berlin << utc("2026-07-01T00:00:00Z") << utc("2026-07-01T07:00:00Z");
    QTest::newRow("Kolkata half-hour offset") << QStringLiteral("0 9 * * *") << QStringLiteral("Asia/Kolkata")
                                              << utc("2026-01-15T00:00:00Z") << utc("2026-01-15T03:30:00Z");
    QTest::newRow("local date differs from UTC date") << QStringLiteral("0 8 * * MON") << QStringLiteral("Asia/Tokyo")
                                                      << utc("2026-01-18T12:00:00Z") << utc("2026-01-18T23:00:00Z");
    QTest::newRow("Berlin skipped 02:30 runs at 03:00 CEST")
        << QStringLiteral("30 2 * * *") << berlin << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin repeated 02:30 runs at the first one")
        << QStringLiteral("30 2 * * *") << berlin << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T00:30:00Z");
    QTest::newRow("Berlin repeated 02:30 does not run again")
        << QStringLiteral("30 2 * * *") << berlin << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
    QTest::newRow("New York skipped 02:30 runs at 03:00 EDT")
        << QStringLiteral("30 2 * * *") << QStringLiteral("America/New_York") << utc("2026-03-08T00:00:00Z")
        << utc("2026-03-08T07:00:00Z");
    QTest::newRow("New York repeated 01:30 runs in EDT")
        << QStringLiteral("30 1 * * *") << QStringLiteral("America/New_York") << utc("2026-11-01T00:00:00Z")
        << utc("2026-11-01T05:30:00Z");
    QTest::newRow("New York from inside the repeated hour")
        << QStringLiteral("30 1 * * *") << QStringLiteral("America/New_York") << utc("2026-11-01T06:10:00Z")
        << utc("2026-11-02T06:30:00Z");
}

void TestCronSchedule::next_isStrictlyAfter()
{
    QFETCH(QString, expr);
    QFETCH(QString, tz);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);

    const auto cron = CronSchedule::parse(expr, QTimeZone(tz.toUtf8()));
    QVERIFY(cron.ok());
    const QDateTime next = cron->next(after);
    QCOMPARE(next.toString(Qt::ISODateWithMs), expected.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(next.timeSpec(), Qt::UTC);
}

void TestCronSchedule::nextRuns_acrossDst_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QStringList>("runs"); // UTC, "yyyy-MM-ddTHH:mm"

    const QString berlin = QStringLiteral("Europe/Berlin");
    const QString ny = QStringLiteral("America/New_York");
    const auto list = [](std::initializer_list<const char *> l) {
        QStringList out;
        for (const char *s : l)
            out << QString::fromLatin1(s);
        return out;
    };
    QTest::newRow("Berlin spring: */30 fires once for the gap")
        << QStringLiteral("*/30 * * * *") << berlin << utc("2026-03-29T00:15:00Z")
        << list({"2026-03-29T00:30", "2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T02:00"});
    QTest::newRow("Berlin spring: four skipped times, one run")
        << QStringLiteral("0,15,30,45 2 * * *") << berlin << utc("2026-03-29T00:00:00Z")
        << list({"2026-03-29T01:00", "2026-03-30T00:00", "2026-03-30T00:15"});
    QTest::newRow("Berlin spring: daily 02:30") << QStringLiteral("30 2 * * *") << berlin << utc("2026-03-27T12:00:00Z")
                                                << list({"2026-03-28T01:30", "2026-03-29T01:00", "2026-03-30T00:30"});
    QTest::newRow("Berlin fall: */30 skips the repeated hour")
        << QStringLiteral("*/30 * * * *") << berlin << utc("2026-10-25T00:15:00Z")
        << list({"2026-10-25T00:30", "2026-10-25T02:00", "2026-10-25T02:30"});
    QTest::newRow("Berlin fall: daily 02:30") << QStringLiteral("30 2 * * *") << berlin << utc("2026-10-23T12:00:00Z")
                                              << list({"2026-10-24T00:30", "2026-10-25T00:30", "2026-10-26T01:30"});
    QTest::newRow("Berlin fall: hourly") << QStringLiteral("0 * * * *") << berlin << utc("2026-10-24T23:30:00Z")
                                         << list({"2026-10-25T00:00", "2026-10-25T02:00", "2026-10-25T03:00"});
    QTest::newRow("New York spring: daily 02:30") << QStringLiteral("30 2 * * *") << ny << utc("2026-03-06T12:00:00Z")
                                                  << list({"2026-03-07T07:30", "2026-03-08T07:00", "2026-03-09T06:30"});
    QTest::newRow("New York fall: daily 01:30") << QStringLiteral("30 1 * * *") << ny << utc("2026-10-30T12:00:00Z")
                                                << list({"2026-10-31T05:30", "2026-11-01T05:30", "2026-11-02T06:30"});
    QTest::newRow("New York weekdays at 09:00 across DST start")
        << QStringLiteral("0 9 * * 1-5") << ny << utc("2026-03-05T00:00:00Z")
        << list({"2026-03-05T14:00", "2026-03-06T14:00", "2026-03-09T13:00"});
}

void TestCronSchedule::nextRuns_acrossDst()
{
    QFETCH(QString, expr);
    QFETCH(QString, tz);
    QFETCH(QDateTime, after);
    QFETCH(QStringList, runs);

    const auto cron = CronSchedule::parse(expr, QTimeZone(tz.toUtf8()));
    QVERIFY(cron.ok());
    QStringList actual;
    for (const QDateTime &t : cron->nextRuns(after, int(runs.size())))
        actual << t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
    QCOMPARE(actual, runs);
}

void TestCronSchedule::describe_commonForms_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("text");

    const auto row = [](const char *expr, const char *text) {
        QTest::newRow(expr) << QString::fromLatin1(expr) << QString::fromLatin1(text);
    };
    row("* * * * *", "every minute");
    row("*/1 * * * *", "every minute");
    row("*/15 * * * *", "every 15 minutes");
    row("5 * * * *", "every hour at minute 5");
    row("0 */2 * * *", "every 2 hours");
    row("30 */6 * * *", "every 6 hours at minute 30");
    row("0 9 * * *", "at 09:00 every day");
    row("30 8,17 * * *", "at 08:30 and 17:30 every day");
    row("0 9 * * 1-5", "at 09:00 on Monday to Friday");
    row("0 9 * * MON-FRI", "at 09:00 on Monday to Friday");
    row("0 9 * * 1,3,5", "at 09:00 on Monday, Wednesday and Friday");
    row("0 10 * * 6,0", "at 10:00 on Saturday and Sunday");
    row("0 10 * * 0-6", "at 10:00 every day");
    row("0 0 1 * *", "at 00:00 on day 1 of the month");
    row("0 0 1,15 * *", "at 00:00 on days 1 and 15 of the month");
    row("0 0 1 1 *", "at 00:00 on day 1 of January");
    row("0 0 1 1,7 *", "at 00:00 on day 1 of January and July");
    row("0 6 * 6-8 *", "at 06:00 every day in June to August");
    row("@weekly", "at 00:00 on Sunday");
    row("@daily", "at 00:00 every day");
    row("@hourly", "every hour at minute 0");
    row("*/5 9-17 * * 1-5", "*/5 9-17 * * 1-5");
    row("0 9 1 * MON", "0 9 1 * MON");
    row("0 9-17 * * *", "0 9-17 * * *");
    row("0,30 9 * * *", "0,30 9 * * *");
}

void TestCronSchedule::describe_commonForms()
{
    QFETCH(QString, expr);
    QFETCH(QString, text);

    const auto cron = CronSchedule::parse(expr, QTimeZone::utc());
    QVERIFY(cron.ok());
    QCOMPARE(cron->describe(), text);
}

void TestCronSchedule::nextRuns_countAndInvalidInput()
{
    const auto cron = CronSchedule::parse(QStringLiteral("0 0 * * *"), QTimeZone::utc());
    QVERIFY(cron.ok());
    QVERIFY(cron->nextRuns(utc("2026-01-01T00:00:00Z"), 0).isEmpty());
    QCOMPARE(cron->nextRuns(utc("2026-01-01T00:00:00Z"), 1000).size(), 1000);
    QVERIFY(!cron->next(QDateTime()).isValid());

    const auto badZone = CronSchedule::parse(QStringLiteral("* * * * *"), QTimeZone("Not/AZone"));
    QVERIFY(!badZone.ok());
    QCOMPARE(badZone.error().field, QStringLiteral("cron"));
    QCOMPARE(badZone.error().message, QStringLiteral("timezone: unknown time zone"));
}

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cronschedule.moc"
