// The shipped translations: every entry of every .ts file (the tray client's and
// the admin console's) is translated, the
// embedded catalogues load and translate, and the language is picked as promised.
#include "core/RelativeTime.h"
#include "core/TranslationLoader.h"

#include <QDir>
#include <QFile>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Tidings::App;

#if !defined(TIDINGS_TRANSLATIONS_DIR) || !defined(TIDINGS_ADMIN_TRANSLATIONS_DIR)
#error "TIDINGS_TRANSLATIONS_DIR and TIDINGS_ADMIN_TRANSLATIONS_DIR must name app/translations and admin/translations"
#endif

class TstTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEntry_isTranslated_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto &[path, program] : {std::pair {TIDINGS_TRANSLATIONS_DIR, "tidings"},
                 std::pair {TIDINGS_ADMIN_TRANSLATIONS_DIR, "tidings-admin"}}) {
            const QDir dir(QString::fromUtf8(path));
            const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files);
            QVERIFY(files.contains(QLatin1String(program) + QStringLiteral("_en.ts")));
            QVERIFY(files.contains(QLatin1String(program) + QStringLiteral("_id.ts")));
            for (const QString &file : files)
                QTest::newRow(qPrintable(file)) << dir.filePath(file);
        }
    }

    void everyEntry_isTranslated()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        int messages = 0;
        QStringList missing;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QStringLiteral("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    missing.append(context + QStringLiteral("::") + source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 100);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + missing.join(QStringLiteral(", "))));
    }

    void indonesian_isEmbeddedAndUsed()
    {
        TranslationLoader loader;
        QVERIFY(loader.install(QStringLiteral("id")));
        QCOMPARE(QCoreApplication::translate("Tidings::App::EmptyStateWidget", "You're all caught up"),
            QStringLiteral("Semua sudah dibaca"));
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(RelativeTime::format(now.addSecs(-5 * 60), now), QStringLiteral("5 menit lalu"));
        QVERIFY(loader.install(QStringLiteral("en")));
        QCOMPARE(RelativeTime::format(now.addSecs(-5 * 60), now), QStringLiteral("5 min ago"));
        QCOMPARE(RelativeTime::format(now.addSecs(-60), now), QStringLiteral("1 min ago"));
    }

    void relativeTime_data()
    {
        QTest::addColumn<int>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << 10 << QStringLiteral("just now");
        QTest::newRow("future (clock skew)") << -30 << QStringLiteral("just now");
        QTest::newRow("minutes") << 42 * 60 << QStringLiteral("42 min ago");
    }

    void relativeTime()
    {
        QFETCH(int, secondsAgo);
        QFETCH(QString, expected);
        TranslationLoader loader;
        QVERIFY(loader.install(QStringLiteral("en")));
        const QDateTime now(QDate(2024, 5, 15), QTime(15, 0));
        QCOMPARE(RelativeTime::format(now.addSecs(-secondsAgo), now), expected);
    }

    void relativeTime_days()
    {
        TranslationLoader loader;
        QVERIFY(loader.install(QStringLiteral("en")));
        const QDateTime now(QDate(2024, 5, 15), QTime(15, 0)); // a Wednesday
        QCOMPARE(RelativeTime::format(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
        QCOMPARE(RelativeTime::format(QDateTime(QDate(2024, 5, 14), QTime(23, 0)), now), QStringLiteral("yesterday"));
        QCOMPARE(RelativeTime::format(QDateTime(QDate(2024, 5, 12), QTime(9, 0)), now), QStringLiteral("Sunday"));
        QCOMPARE(RelativeTime::format(QDateTime(QDate(2024, 3, 2), QTime(9, 0)), now), QStringLiteral("2 Mar"));
    }

    void pick_prefersSetting_thenSystem_thenEnglish()
    {
        QCOMPARE(TranslationLoader::pick(QStringLiteral("id"), QLocale(QStringLiteral("en_US"))), QStringLiteral("id"));
        QCOMPARE(TranslationLoader::pick(QString(), QLocale(QStringLiteral("id_ID"))), QStringLiteral("id"));
        QCOMPARE(TranslationLoader::pick(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
        QCOMPARE(TranslationLoader::pick(QStringLiteral("xx"), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
