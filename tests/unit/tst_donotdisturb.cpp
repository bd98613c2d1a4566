#include "core/AppSettings.h"
#include "core/DoNotDisturb.h"
#include "core/QuietHoursMonitor.h"
#include "support/ClientFixtures.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tidings;
using namespace Tidings::App;

// Local Do Not Disturb and the quiet hours watch, on a clock the test moves.
class TestDoNotDisturb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = Test::makeTempDir(QStringLiteral("dnd"));
        m_ini = m_dir->filePath(QStringLiteral("tidings.conf"));
    }

    void nextMorning_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("expected");

        const QTimeZone berlin("Europe/Berlin");
        const QTimeZone jakarta("Asia/Jakarta");
        QTest::newRow("evening: tomorrow 08:00")
            << QStringLiteral("Europe/Berlin") << QDateTime(QDate(2024, 3, 4), QTime(21, 30), berlin)
            << QDateTime(QDate(2024, 3, 5), QTime(8, 0), berlin);
        QTest::newRow("after midnight: this morning")
            << QStringLiteral("Europe/Berlin") << QDateTime(QDate(2024, 3, 5), QTime(2, 0), berlin)
            << QDateTime(QDate(2024, 3, 5), QTime(8, 0), berlin);
        QTest::newRow("exactly 08:00: the next day")
            << QStringLiteral("Europe/Berlin") << QDateTime(QDate(2024, 3, 5), QTime(8, 0), berlin)
            << QDateTime(QDate(2024, 3, 6), QTime(8, 0), berlin);
        QTest::newRow("late morning: the next day")
            << QStringLiteral("Asia/Jakarta") << QDateTime(QDate(2024, 3, 5), QTime(11, 15), jakarta)
            << QDateTime(QDate(2024, 3, 6), QTime(8, 0), jakarta);
        QTest::newRow("over the spring DST change")
            << QStringLiteral("Europe/Berlin") << QDateTime(QDate(2024, 3, 30), QTime(23, 0), berlin)
            << QDateTime(QDate(2024, 3, 31), QTime(8, 0), berlin);
        // 00:30 UTC is 07:30 in Jakarta: this morning there, though the UTC date is the same.
        QTest::newRow("UTC input, local answer")
            << QStringLiteral("Asia/Jakarta") << QDateTime(QDate(2024, 3, 5), QTime(0, 30), QTimeZone::utc())
            << QDateTime(QDate(2024, 3, 5), QTime(8, 0), jakarta);
        // 20:00 UTC is 03:00 of the next day in Jakarta: that day's morning.
        QTest::newRow("UTC evening is the next local day")
            << QStringLiteral("Asia/Jakarta") << QDateTime(QDate(2024, 3, 5), QTime(20, 0), QTimeZone::utc())
            << QDateTime(QDate(2024, 3, 6), QTime(8, 0), jakarta);
    }

    void nextMorning()
    {
        QFETCH(QString, zone);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, expected);
        const QDateTime got = DoNotDisturb::nextMorning(now, QTimeZone(zone.toUtf8()));
        QCOMPARE(got, expected.toUTC());
        QCOMPARE(got.timeSpec(), Qt::UTC);
    }

    void forOneHour_endsByItself_afterAnHour()
    {
        ManualClock clock(Test::T0);
        DoNotDisturb dnd(clock, nullptr);
        QSignalSpy changed(&dnd, &DoNotDisturb::changed);
        dnd.enableFor(60 * 60 * 1000);
        QVERIFY(dnd.isActive());
        QCOMPARE(dnd.until(), Test::T0.addSecs(3600));
        QCOMPARE(changed.count(), 1);

        clock.advanceSecs(3599);
        dnd.check();
        QVERIFY(dnd.isActive());
        clock.advanceSecs(1);
        dnd.check();
        QVERIFY(!dnd.isActive());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toBool(), false);
    }

    void untilTomorrowMorning_endsAtEightLocal()
    {
        const QTimeZone berlin("Europe/Berlin");
        ManualClock clock(QDateTime(QDate(2024, 6, 10), QTime(22, 0), berlin).toUTC());
        DoNotDisturb dnd(clock, nullptr, berlin);
        dnd.enableUntilTomorrowMorning();
        QCOMPARE(dnd.until(), QDateTime(QDate(2024, 6, 11), QTime(8, 0), berlin).toUTC());
        clock.set(QDateTime(QDate(2024, 6, 11), QTime(7, 59), berlin).toUTC());
        dnd.check();
        QVERIFY(dnd.isActive());
        clock.set(QDateTime(QDate(2024, 6, 11), QTime(8, 0), berlin).toUTC());
        dnd.check();
        QVERIFY(!dnd.isActive());
    }

    void untilTurnedOff_neverEndsByItself()
    {
        ManualClock clock(Test::T0);
        DoNotDisturb dnd(clock, nullptr);
        dnd.enableIndefinitely();
        QVERIFY(dnd.isIndefinite());
        clock.advanceSecs(400LL * 24 * 3600);
        dnd.check();
        QVERIFY(dnd.isActive());
        dnd.disable();
        QVERIFY(!dnd.isActive());
    }

    void timer_endsItWithoutACheckCall()
    {
        SystemClock clock;
        DoNotDisturb dnd(clock, nullptr);
        QSignalSpy changed(&dnd, &DoNotDisturb::changed);
        dnd.enableFor(50);
        QVERIFY(changed.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!dnd.isActive(), 5000);
    }

    void restart_keepsAnActiveOne()
    {
        ManualClock clock(Test::T0);
        {
            AppSettings settings(m_ini);
            DoNotDisturb dnd(clock, &settings);
            dnd.enableFor(30 * 60 * 1000);
        }
        clock.advanceSecs(10 * 60);
        AppSettings settings(m_ini);
        DoNotDisturb dnd(clock, &settings);
        QVERIFY(dnd.isActive());
        QCOMPARE(dnd.until(), Test::T0.addSecs(30 * 60));
    }

    void restart_afterItsEnd_findsItOff()
    {
        ManualClock clock(Test::T0);
        {
            AppSettings settings(m_ini);
            DoNotDisturb dnd(clock, &settings);
            dnd.enableFor(30 * 60 * 1000);
        }
        clock.advanceSecs(31 * 60);
        AppSettings settings(m_ini);
        DoNotDisturb dnd(clock, &settings);
        QVERIFY(!dnd.isActive());
        QVERIFY(settings.doNotDisturbState().isEmpty());
    }

    void restart_keepsUntilTurnedOff()
    {
        ManualClock clock(Test::T0);
        {
            AppSettings settings(m_ini);
            DoNotDisturb(clock, &settings).enableIndefinitely();
        }
        AppSettings settings(m_ini);
        DoNotDisturb dnd(clock, &settings);
        QVERIFY(dnd.isActive());
        QVERIFY(dnd.isIndefinite());
        dnd.disable();
        AppSettings again(m_ini);
        QVERIFY(!DoNotDisturb(clock, &again).isActive());
    }

    void quietHours_followTheWindow()
    {
        // 22:00-07:00 in Jakarta (UTC+7), every day: 15:00-00:00 UTC.
        Tidings::QuietHours rules;
        rules.enabled = true;
        rules.timezone = QStringLiteral("Asia/Jakarta");
        ManualClock clock(QDateTime(QDate(2024, 1, 15), QTime(14, 0), QTimeZone::utc()));
        QuietHoursMonitor monitor(clock);
        QSignalSpy changed(&monitor, &QuietHoursMonitor::quietChanged);
        monitor.setRules(rules);
        QVERIFY(!monitor.isQuiet());
        QCOMPARE(monitor.msUntilNextCheck(), 60LL * 60 * 1000);

        clock.advanceSecs(3600);
        monitor.check();
        QVERIFY(monitor.isQuiet());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(monitor.msUntilNextCheck(), 60LL * 60 * 1000); // capped; the end is 9 h away

        clock.set(QDateTime(QDate(2024, 1, 16), QTime(0, 0), QTimeZone::utc()));
        monitor.check();
        QVERIFY(!monitor.isQuiet());
        QCOMPARE(changed.count(), 2);

        rules.enabled = false;
        clock.set(QDateTime(QDate(2024, 1, 16), QTime(16, 0), QTimeZone::utc()));
        monitor.setRules(rules);
        QVERIFY(!monitor.isQuiet());
        QCOMPARE(monitor.msUntilNextCheck(), -1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ini;
};

QTEST_GUILESS_MAIN(TestDoNotDisturb)
#include "tst_donotdisturb.moc"
