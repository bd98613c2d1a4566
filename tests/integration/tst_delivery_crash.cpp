// Durability of the delivery pipeline: a real tidingsd process is killed with SIGKILL
// while it sends a batch of 1,000 emails to a real SMTP server, then started again on
// the same data directory. Every job must end in exactly one terminal state, every
// email must arrive, and an email may arrive twice only for a job that was in flight
// at the crash, which the delivery log must say.

#include "support/ClientFixtures.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"
#include "support/TestMain.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using Tidings::Test::HttpResult;
using Tidings::Test::HttpTestClient;
using Tidings::Test::SmtpSink;

namespace {

constexpr int kJobs = 1000;
constexpr char kAdminPassword[] = "crash-test-admin-1";

} // namespace

class TestDeliveryCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void killDuringBatch_everyJobTerminal_duplicatesOnlyInFlight();

private:
    bool startServer(QString *error);
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
};

void TestDeliveryCrash::init()
{
    m_dir = Tidings::Test::makeTempDir(QStringLiteral("crash"));
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sink")));
    m_sink = std::make_unique<SmtpSink>(m_dir->filePath(QStringLiteral("sink")));
    QString error;
    QVERIFY2(m_sink->start(&error), qPrintable(error));

    QFile ini(m_dir->filePath(QStringLiteral("tidingsd.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    // One claim takes the whole batch, so the kill lands in the middle of one batch.
    ini.write("[delivery]\npollMs=20\nbatchSize=1000\n"
              "[auth]\nargon2MemoryKiB=8\nargon2Iterations=1\n"
              "[limits]\npublishPerMinute=0\n");
    ini.close();
}

void TestDeliveryCrash::cleanup()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
    m_server.reset();
    m_sink.reset();
    m_dir.reset();
}

bool TestDeliveryCrash::startServer(QString *error)
{
    const QString portFile = m_dir->filePath(QStringLiteral("port"));
    QFile::remove(portFile);
    m_server = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TIDINGS_ADMIN_PASSWORD"), QLatin1String(kAdminPassword));
    env.insert(QStringLiteral("SMTP_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("SMTP_PORT"), QString::number(m_sink->port()));
    env.insert(QStringLiteral("SMTP_SECURE"), QStringLiteral("none"));
    env.insert(QStringLiteral("FROM_EMAIL"), QStringLiteral("tidings@example.test"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
    m_server->setProcessEnvironment(env);
    m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server->start(QStringLiteral(TIDINGS_TIDINGSD),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
            m_dir->filePath(QStringLiteral("data")), QStringLiteral("--config"),
            m_dir->filePath(QStringLiteral("tidingsd.ini")), QStringLiteral("--port-file"), portFile});
    if (!m_server->waitForStarted(10000)) {
        *error = m_server->errorString();
        return false;
    }
    for (int i = 0; i < 200 && !QFile::exists(portFile); ++i)
        QTest::qWait(50);
    QFile f(portFile);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("tidingsd wrote no port file");
        return false;
    }
    m_port = quint16(f.readAll().trimmed().toUInt());
    return m_port != 0;
}

void TestDeliveryCrash::killDuringBatch_everyJobTerminal_duplicatesOnlyInFlight()
{
    QString error;
    QVERIFY2(startServer(&error), qPrintable(error));
    HttpTestClient admin(url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(kAdminPassword)).status, 200);
    const QString aliceId = admin.createUser(QStringLiteral("alice"));
    QCOMPARE(admin
                 .patch(QStringLiteral("/api/admin/users/") + aliceId,
                     {{QStringLiteral("email"), QStringLiteral("alice@example.test")}})
                 .status,
        200);

    // All 1,000 become due at the same moment, so one claim takes them as one batch.
    const QString due = QDateTime::currentDateTimeUtc().addSecs(8).toString(Qt::ISODateWithMs);
    for (int i = 0; i < kJobs; ++i) {
        const HttpResult r = admin.post(QStringLiteral("/api/notifications"),
            {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
                {QStringLiteral("title"), QStringLiteral("Crash test %1").arg(i)},
                {QStringLiteral("message"), QStringLiteral("One of a thousand")},
                {QStringLiteral("channels"), QJsonArray {QStringLiteral("email")}},
                {QStringLiteral("scheduledAt"), due}});
        QCOMPARE(r.status, 202);
    }
    QVERIFY2(QDateTime::currentDateTimeUtc() < QDateTime::fromString(due, Qt::ISODateWithMs),
        "publishing took longer than the schedule allowed");

    // Kill it once a good part of the batch went out.
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() >= 150, 60000);
    m_server->kill();
    QVERIFY(m_server->waitForFinished(5000));
    const int beforeCrash = int(m_sink->messages().size());
    QVERIFY2(beforeCrash < kJobs, "the whole batch went out before the kill; nothing was tested");

    QVERIFY2(startServer(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->messages().size() >= kJobs, 120000);
    // Let stragglers (duplicates) arrive, then stop it gracefully.
    QTest::qWait(1000);
    m_server->terminate();
    QVERIFY(m_server->waitForFinished(10000));

    // Emails per job, by the Message-ID the email channel derives from the job id.
    QHash<QString, int> emailsPerJob;
    static const QRegularExpression idPattern(QStringLiteral("^<([0-9a-f]{32})@"));
    for (const SmtpSink::Message &m : m_sink->messages()) {
        const QRegularExpressionMatch match = idPattern.match(m.header(QStringLiteral("Message-ID")));
        QVERIFY2(match.hasMatch(), qPrintable(m.header(QStringLiteral("Message-ID"))));
        ++emailsPerJob[match.captured(1)];
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crash-check"));
    db.setDatabaseName(m_dir->filePath(QStringLiteral("data/tidings.db")));
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("SELECT id, state, reclaimed, (SELECT COUNT(*) FROM delivery_log l"
                                       " WHERE l.job_id = j.id AND l.event = 'reclaimed') FROM delivery_jobs j")),
            qPrintable(q.lastError().text()));
        int jobs = 0;
        int reclaimedJobs = 0;
        int duplicates = 0;
        while (q.next()) {
            ++jobs;
            const QString id = q.value(0).toString();
            const int reclaimed = q.value(2).toInt();
            QCOMPARE(q.value(1).toString(), QStringLiteral("sent")); // exactly one terminal state
            QCOMPARE(q.value(3).toInt(), reclaimed); // each reclaim is in the delivery log
            const int emails = emailsPerJob.value(id);
            QVERIFY2(emails >= 1, qPrintable(QStringLiteral("job %1 was never delivered").arg(id)));
            // A second email only for a job that was in flight at the crash.
            QVERIFY2(emails <= 1 + reclaimed, qPrintable(QStringLiteral("job %1: %2 emails").arg(id).arg(emails)));
            reclaimedJobs += reclaimed > 0 ? 1 : 0;
            duplicates += emails - 1;
        }
        QCOMPARE(jobs, kJobs);
        QCOMPARE(emailsPerJob.size(), kJobs);
        QVERIFY(reclaimedJobs > 0);
        qInfo().noquote() << QStringLiteral("crash: %1 of %2 emails out before SIGKILL; %3 jobs in flight reclaimed;"
                                            " %4 duplicate emails after restart")
                                 .arg(beforeCrash)
                                 .arg(kJobs)
                                 .arg(reclaimedJobs)
                                 .arg(duplicates);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("crash-check"));
}

TIDINGS_TEST_MAIN(TestDeliveryCrash)
#include "tst_delivery_crash.moc"
