// "Start at login": the XDG autostart entry in a temporary XDG_CONFIG_HOME.
#include "core/AutostartEntry.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using Tidings::App::AutostartEntry;

class TstAutostartEntry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QFile::remove(AutostartEntry().filePath());
    }

    void path_followsXdgConfigHome()
    {
        QCOMPARE(AutostartEntry::directory(), m_dir.filePath(QStringLiteral("config/autostart")));
        QCOMPARE(AutostartEntry().filePath(), m_dir.filePath(QStringLiteral("config/autostart/tidings.desktop")));
    }

    void enable_writesDesktopEntry_disableRemovesIt()
    {
        AutostartEntry entry({QStringLiteral("/usr/bin/tidings"), QStringLiteral("--minimized")});
        QVERIFY(!entry.isEnabled());
        QString error;
        QVERIFY2(entry.setEnabled(true, &error), qPrintable(error));
        QVERIFY(entry.isEnabled());
        const QString text = read(entry.filePath());
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(text.contains(QStringLiteral("\nType=Application\n")));
        QVERIFY(text.contains(QStringLiteral("\nExec=/usr/bin/tidings --minimized\n")));
        QVERIFY(text.contains(QStringLiteral("\nName=Tidings\n")));

        QVERIFY(entry.setEnabled(false, &error));
        QVERIFY(!QFile::exists(entry.filePath()));
        QVERIFY(!entry.isEnabled());
        // Disabling twice is fine.
        QVERIFY(entry.setEnabled(false, &error));
    }

    void userHidingTheEntry_countsAsDisabled()
    {
        AutostartEntry entry({QStringLiteral("tidings")});
        QVERIFY(entry.setEnabled(true));
        QFile f(entry.filePath());
        QVERIFY(f.open(QIODevice::Append));
        f.write("Hidden=true\n");
        f.close();
        QVERIFY(!entry.isEnabled());
    }

    void exec_quotesArguments_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QStringLiteral("/usr/bin/tidings") << QStringLiteral("/usr/bin/tidings");
        QTest::newRow("space") << QStringLiteral("/opt/My Apps/tidings") << QStringLiteral("\"/opt/My Apps/tidings\"");
        QTest::newRow("dollar") << QStringLiteral("a$b") << QStringLiteral("\"a\\$b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \\\"hi\\\"\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }

    void exec_quotesArguments()
    {
        QFETCH(QString, argument);
        QFETCH(QString, quoted);
        QCOMPARE(AutostartEntry::quoteArgument(argument), quoted);
    }

    void exec_escapesPercentAndBackslash()
    {
        const QString text = AutostartEntry({QStringLiteral("/opt/100% tidings")}).contents();
        // Quoted for the space; % doubled as the Exec key asks.
        QVERIFY2(text.contains(QStringLiteral("\nExec=\"/opt/100%% tidings\"\n")), qPrintable(text));
    }

    void unwritableFolder_reportsError()
    {
        // XDG_CONFIG_HOME is a file: the autostart folder cannot be made.
        const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        qputenv("XDG_CONFIG_HOME", blocker.toUtf8());
        QString error;
        QVERIFY(!AutostartEntry({QStringLiteral("tidings")}).setEnabled(true, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstAutostartEntry)
#include "tst_autostartentry.moc"
