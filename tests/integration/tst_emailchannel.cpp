#include "channels/EmailChannel.h"
#include "support/ChannelRun.h"
#include "support/ClientFixtures.h"
#include "support/SmtpSink.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using Tidings::Test::ChannelRun;
using Tidings::Test::deliverAll;
using namespace Tidings::Server::Channels;
using Tidings::Server::Delivery::DeliveryResult;
using Tidings::Server::Delivery::Outcome;
using Tidings::Server::Delivery::OutgoingDelivery;
using Tidings::Test::SmtpSink;

Q_DECLARE_METATYPE(Tidings::Server::Delivery::Outcome)
Q_DECLARE_METATYPE(Tidings::Test::SmtpSink::Options::Tls)
Q_DECLARE_METATYPE(Tidings::Server::Channels::EmailChannel::Security)

namespace {

const QString From = QStringLiteral("noreply@tidings.test");

OutgoingDelivery makeDelivery(int i, const QString &email = {})
{
    OutgoingDelivery d;
    d.jobId = QStringLiteral("job-%1").arg(i);
    d.notification.id = QStringLiteral("n-%1").arg(i);
    d.notification.content.topic = QStringLiteral("orders");
    d.notification.content.title = QStringLiteral("Order %1").arg(i);
    d.recipient.userId = QStringLiteral("u-%1").arg(i);
    d.recipient.username = QStringLiteral("user%1").arg(i);
    d.recipient.displayName = QStringLiteral("Jürgen %1").arg(i);
    d.recipient.email = email.isEmpty() ? QStringLiteral("user%1@example.com").arg(i) : email;
    // Non-ASCII subject: must arrive as RFC 2047 and decode to exactly this.
    d.content.subject = QStringLiteral("Bestellung #%1 versandt – Größe ✓").arg(i);
    d.content.text = QStringLiteral("Hallo Jürgen,\nIhre Bestellung #%1 ist unterwegs.\n.\nGrüße").arg(i);
    d.content.html = QStringLiteral("<p>Hallo Jürgen,</p><p>Bestellung <b>#%1</b> ist unterwegs.</p>").arg(i);
    d.unsubscribeUrl = QStringLiteral("https://tidings.test/api/unsubscribe?t=tok%1").arg(i);
    return d;
}

QList<OutgoingDelivery> makeBatch(int n, int first = 1)
{
    QList<OutgoingDelivery> batch;
    for (int i = first; i < first + n; ++i)
        batch.append(makeDelivery(i));
    return batch;
}

QString lf(QString s)
{
    return s.replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

} // namespace

// The email channel against a real SMTP server (aiosmtpd) in plain, STARTTLS, AUTH
// and SMTPS setups, the SMTP failures it must classify, and its throughput.
class TestEmailChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void deliver_batch_oneCorrectEmailEachOverOneConnection_data();
    void deliver_batch_oneCorrectEmailEachOverOneConnection();
    void deliver_serverFailsFirstTwo_retryableThenSecondDeliverSucceeds();
    void deliver_rejectedAddress_permanentWhileRestOfBatchIsSent();
    void deliver_recipientWithoutEmail_permanentWithoutConnecting();
    void deliver_sessionFailures_classifiedAndEndBatch_data();
    void deliver_sessionFailures_classifiedAndEndBatch();
    void destroyedMidBatch_abortsWithoutLateCallbacks();
    void checkConnection_reportsReachability();
    void fromEnvironment_readsSmtpVariables_data();
    void fromEnvironment_readsSmtpVariables();
    void benchmark_thousandEmailsOverOneConnection();

private:
    [[nodiscard]] EmailChannel::Config configFor(const SmtpSink &sink, EmailChannel::Security security) const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dir; // a fresh directory per test function (and row)
    QString m_cert;
    QString m_key;
    int m_dirCounter = 0;
};

void TestEmailChannel::initTestCase()
{
    m_tmp = Tidings::Test::makeTempDir(QStringLiteral("emailchannel"));
    QVERIFY(m_tmp->isValid());
    QString error;
    QVERIFY2(SmtpSink::makeCertificate(m_tmp->path(), &m_cert, &m_key, &error), qPrintable(error));
}

void TestEmailChannel::init()
{
    m_dir = m_tmp->filePath(QStringLiteral("run-%1").arg(++m_dirCounter));
    QVERIFY(QDir().mkpath(m_dir));
}

EmailChannel::Config TestEmailChannel::configFor(const SmtpSink &sink, EmailChannel::Security security) const
{
    EmailChannel::Config c;
    c.host = QStringLiteral("localhost");
    c.port = sink.port();
    c.security = security;
    c.from = From;
    c.fromName = QStringLiteral("Tidings Test");
    // Trust the test's self-signed certificate; verification itself stays on.
    c.caFile = m_cert;
    c.connectTimeoutMs = 5'000;
    c.messageTimeoutMs = 20'000;
    return c;
}

void TestEmailChannel::deliver_batch_oneCorrectEmailEachOverOneConnection_data()
{
    QTest::addColumn<SmtpSink::Options::Tls>("tls");
    QTest::addColumn<EmailChannel::Security>("security");
    QTest::addColumn<bool>("auth");

    QTest::newRow("plain") << SmtpSink::Options::Tls::None << EmailChannel::Security::None << false;
    QTest::newRow("starttls") << SmtpSink::Options::Tls::StartTls << EmailChannel::Security::StartTls << false;
    QTest::newRow("starttls+auth") << SmtpSink::Options::Tls::StartTls << EmailChannel::Security::StartTls << true;
    QTest::newRow("smtps+auth") << SmtpSink::Options::Tls::Smtps << EmailChannel::Security::Smtps << true;
}

void TestEmailChannel::deliver_batch_oneCorrectEmailEachOverOneConnection()
{
    QFETCH(SmtpSink::Options::Tls, tls);
    QFETCH(EmailChannel::Security, security);
    QFETCH(bool, auth);

    SmtpSink::Options options;
    options.tls = tls;
    options.certFile = m_cert;
    options.keyFile = m_key;
    if (auth) {
        options.user = QStringLiteral("mailer");
        options.password = QStringLiteral("s3cret:with colon");
    }
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));

    EmailChannel::Config config = configFor(sink, security);
    config.user = options.user;
    config.password = options.password;
    EmailChannel channel(config);
    QVERIFY(channel.isConfigured());
    QCOMPARE(channel.name(), QStringLiteral("email"));

    constexpr int N = 5;
    const QList<OutgoingDelivery> batch = makeBatch(N);
    const ChannelRun run = deliverAll(channel, batch);
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.calledInsideDeliver, 0);
    for (const DeliveryResult &r : run.results) {
        QCOMPARE(r.outcome, Outcome::Sent);
        QCOMPARE(r.providerCode, QStringLiteral("250"));
        QVERIFY2(r.providerResponse.startsWith(QLatin1String("250 ")), qPrintable(r.providerResponse));
    }

    const QList<SmtpSink::Message> received = sink.messages();
    QCOMPARE(received.size(), N);
    QCOMPARE(sink.connectionCount(), 1);
    for (const SmtpSink::Message &m : received) {
        QCOMPARE(m.connection, 1);
        const QString notificationId = m.header(QStringLiteral("X-Tidings-Notification"));
        const auto it = std::find_if(
            batch.begin(), batch.end(), [&](const OutgoingDelivery &d) { return d.notification.id == notificationId; });
        QVERIFY2(it != batch.end(), qPrintable(notificationId));
        const OutgoingDelivery &d = *it;

        QCOMPARE(m.mailFrom, From);
        QCOMPARE(m.rcptTos, QStringList {d.recipient.email});
        QCOMPARE(m.header(QStringLiteral("From")), QStringLiteral("Tidings Test <noreply@tidings.test>"));
        QCOMPARE(m.header(QStringLiteral("To")),
            d.recipient.displayName + QStringLiteral(" <") + d.recipient.email + QLatin1Char('>'));
        QCOMPARE(m.header(QStringLiteral("Subject")), d.content.subject);
        QCOMPARE(m.header(QStringLiteral("Message-ID")), QStringLiteral("<%1@tidings.test>").arg(d.jobId));
        QCOMPARE(m.header(QStringLiteral("List-Unsubscribe")), QLatin1Char('<') + d.unsubscribeUrl + QLatin1Char('>'));
        QCOMPARE(m.header(QStringLiteral("List-Unsubscribe-Post")), QStringLiteral("List-Unsubscribe=One-Click"));
        QCOMPARE(m.header(QStringLiteral("MIME-Version")), QStringLiteral("1.0"));
        QVERIFY(!m.header(QStringLiteral("Date")).isEmpty());
        for (const char *name : {"From", "To", "Subject", "Date", "Message-ID"})
            QCOMPARE(m.headerCount(QLatin1String(name)), 1);

        QCOMPARE(m.record.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        const QJsonArray parts = m.record.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject text = parts.at(0).toObject();
        const QJsonObject html = parts.at(1).toObject();
        QCOMPARE(text.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(text.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(lf(text.value(QStringLiteral("text")).toString()), d.content.text);
        QCOMPARE(html.value(QStringLiteral("content_type")).toString(), QStringLiteral("text/html"));
        QCOMPARE(lf(html.value(QStringLiteral("text")).toString()), d.content.html);
        QCOMPARE(m.record.value(QStringLiteral("defects")).toArray(), QJsonArray());
        QVERIFY(m.record.value(QStringLiteral("max_line")).toInt() <= 998);
        QCOMPARE(m.record.value(QStringLiteral("bare_lf")).toBool(), false);
    }
}

void TestEmailChannel::deliver_serverFailsFirstTwo_retryableThenSecondDeliverSucceeds()
{
    SmtpSink::Options options;
    options.failFirst = 2;
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    EmailChannel channel(configFor(sink, EmailChannel::Security::None));

    const QList<OutgoingDelivery> batch = makeBatch(3);
    const ChannelRun first = deliverAll(channel, batch);
    QCOMPARE(first.missing, 0);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(first.results.at(i).outcome, Outcome::Retryable);
        QCOMPARE(first.results.at(i).providerCode, QStringLiteral("451"));
        QVERIFY(first.results.at(i).providerResponse.startsWith(QLatin1String("451 ")));
    }
    // A 451 is about that message: the batch goes on.
    QCOMPARE(first.results.at(2).outcome, Outcome::Sent);
    QCOMPARE(sink.messages().size(), 1);

    const ChannelRun second = deliverAll(channel, batch.mid(0, 2));
    QCOMPARE(second.missing, 0);
    for (const DeliveryResult &r : second.results)
        QCOMPARE(r.outcome, Outcome::Sent);
    QCOMPARE(sink.messages().size(), 3);
}

void TestEmailChannel::deliver_rejectedAddress_permanentWhileRestOfBatchIsSent()
{
    SmtpSink::Options options;
    options.rejectRecipients = {QStringLiteral("nobody@example.com")};
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    EmailChannel channel(configFor(sink, EmailChannel::Security::None));

    const QList<OutgoingDelivery> batch {
        makeDelivery(1), makeDelivery(2, QStringLiteral("nobody@example.com")), makeDelivery(3)};
    const ChannelRun run = deliverAll(channel, batch);
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Sent);
    QCOMPARE(run.results.at(1).outcome, Outcome::Permanent);
    QCOMPARE(run.results.at(1).providerCode, QStringLiteral("550"));
    QVERIFY2(run.results.at(1).providerResponse.contains(QLatin1String("User unknown")),
        qPrintable(run.results.at(1).providerResponse));
    QCOMPARE(run.results.at(2).outcome, Outcome::Sent);

    const QList<SmtpSink::Message> received = sink.messages();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).rcptTos, QStringList {QStringLiteral("user1@example.com")});
    QCOMPARE(received.at(1).rcptTos, QStringList {QStringLiteral("user3@example.com")});
}

void TestEmailChannel::deliver_recipientWithoutEmail_permanentWithoutConnecting()
{
    SmtpSink sink(m_dir);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    EmailChannel channel(configFor(sink, EmailChannel::Security::None));

    OutgoingDelivery d = makeDelivery(1);
    d.recipient.email.clear();
    const ChannelRun run = deliverAll(channel, {d});
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.calledInsideDeliver, 0);
    QCOMPARE(run.results.at(0).outcome, Outcome::Permanent);
    QCOMPARE(sink.connectionCount(), 0);
}

void TestEmailChannel::deliver_sessionFailures_classifiedAndEndBatch_data()
{
    QTest::addColumn<QString>("server"); // "down", "silent" or a sink setup
    QTest::addColumn<EmailChannel::Security>("security");
    QTest::addColumn<bool>("trustCertificate");
    QTest::addColumn<QString>("password");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("providerCode");

    using S = EmailChannel::Security;
    QTest::newRow("server down: refused, retryable")
        << QStringLiteral("down") << S::None << true << QString() << Outcome::Retryable << QStringLiteral("curl 7");
    QTest::newRow("server never greets: timeout, retryable")
        << QStringLiteral("silent") << S::None << true << QString() << Outcome::Retryable << QStringLiteral("curl 28");
    QTest::newRow("wrong password: permanent")
        << QStringLiteral("starttls+auth") << S::StartTls << true << QStringLiteral("wrong") << Outcome::Permanent
        << QStringLiteral("535");
    QTest::newRow("untrusted certificate: permanent") << QStringLiteral("starttls") << S::StartTls << false << QString()
                                                      << Outcome::Permanent << QStringLiteral("curl 60");
    QTest::newRow("STARTTLS required, not offered: permanent")
        << QStringLiteral("plain") << S::StartTls << true << QString() << Outcome::Permanent
        << QStringLiteral("curl 64");
    QTest::newRow("SMTPS to a plain server: permanent")
        << QStringLiteral("plain") << S::Smtps << true << QString() << Outcome::Permanent << QStringLiteral("curl 35");
}

void TestEmailChannel::deliver_sessionFailures_classifiedAndEndBatch()
{
    QFETCH(QString, server);
    QFETCH(EmailChannel::Security, security);
    QFETCH(bool, trustCertificate);
    QFETCH(QString, password);
    QFETCH(Outcome, outcome);
    QFETCH(QString, providerCode);

    SmtpSink::Options options;
    options.certFile = m_cert;
    options.keyFile = m_key;
    if (server.startsWith(QLatin1String("starttls")))
        options.tls = SmtpSink::Options::Tls::StartTls;
    if (server.endsWith(QLatin1String("+auth"))) {
        options.user = QStringLiteral("mailer");
        options.password = QStringLiteral("right");
    }
    SmtpSink sink(m_dir, options);
    QTcpServer silent; // accepts connections and never says a word
    quint16 port = 0;
    if (server == QLatin1String("down")) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } else if (server == QLatin1String("silent")) {
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        port = silent.serverPort();
    } else {
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        port = sink.port();
    }

    EmailChannel::Config config = configFor(sink, security);
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    if (!trustCertificate)
        config.caFile.clear();
    if (!password.isEmpty()) {
        config.user = options.user;
        config.password = password;
    }
    if (server == QLatin1String("silent"))
        config.messageTimeoutMs = 500;
    EmailChannel channel(config);

    const ChannelRun run = deliverAll(channel, makeBatch(3));
    QCOMPARE(run.missing, 0);
    QCOMPARE(run.calledInsideDeliver, 0);
    for (const DeliveryResult &r : run.results) {
        QCOMPARE(r.outcome, outcome);
        QCOMPARE(r.providerCode, providerCode);
        QVERIFY(!r.error.isEmpty());
    }
    // The first message found the problem; the others were not tried.
    QVERIFY(!run.results.at(0).error.startsWith(QLatin1String("not attempted")));
    QVERIFY2(run.results.at(2).error.startsWith(QLatin1String("not attempted")), qPrintable(run.results.at(2).error));
    QCOMPARE(sink.messages().size(), 0);
    if (sink.port() != 0)
        QCOMPARE(sink.connectionCount(), 1);
}

void TestEmailChannel::destroyedMidBatch_abortsWithoutLateCallbacks()
{
    SmtpSink::Options options;
    options.parse = false;
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    auto channel = std::make_unique<EmailChannel>(configFor(sink, EmailChannel::Security::None));

    constexpr int N = 2000;
    int callbacks = 0;
    QEventLoop firstResult;
    channel->deliver(makeBatch(N), [&](int, const DeliveryResult &) {
        ++callbacks;
        firstResult.quit();
    });
    QTimer::singleShot(60'000, &firstResult, &QEventLoop::quit);
    firstResult.exec();
    QVERIFY(callbacks >= 1);

    // Waits for the worker, which stops at its next progress check; results it
    // posted but that were not delivered yet are dropped with the channel.
    channel.reset();
    const int atDestruction = callbacks;
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(callbacks, atDestruction);
    QVERIFY(sink.messages().size() < N);
}

void TestEmailChannel::checkConnection_reportsReachability()
{
    SmtpSink::Options options;
    options.tls = SmtpSink::Options::Tls::StartTls;
    options.certFile = m_cert;
    options.keyFile = m_key;
    options.user = QStringLiteral("mailer");
    options.password = QStringLiteral("right");
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));

    EmailChannel::Config config = configFor(sink, EmailChannel::Security::StartTls);
    config.user = options.user;
    config.password = options.password;
    QVERIFY2(EmailChannel(config).checkConnection(&error), qPrintable(error));

    config.password = QStringLiteral("wrong");
    QVERIFY(!EmailChannel(config).checkConnection(&error));
    QVERIFY2(error.contains(QLatin1String("535")), qPrintable(error));

    sink.stop();
    config.password = options.password;
    QVERIFY(!EmailChannel(config).checkConnection(&error));
    QVERIFY(!error.isEmpty());

    QVERIFY(!EmailChannel(EmailChannel::Config {}).checkConnection(&error));
    QVERIFY(error.contains(QLatin1String("SMTP_HOST")));
}

void TestEmailChannel::fromEnvironment_readsSmtpVariables_data()
{
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<bool>("configured");
    QTest::addColumn<QString>("url");
    QTest::addColumn<EmailChannel::Security>("security");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("fromName");
    QTest::addColumn<bool>("error");

    using S = EmailChannel::Security;
    const QString host = QStringLiteral("SMTP_HOST=mail.example.com");
    const QString fromEmail = QStringLiteral("FROM_EMAIL=noreply@example.com");
    QTest::newRow("nothing set: not configured")
        << QStringList {} << false << QString() << S::StartTls << QString() << QStringLiteral("Tidings") << false;
    QTest::newRow("host and from: STARTTLS on 587")
        << QStringList {host, fromEmail} << true << QStringLiteral("smtp://mail.example.com:587") << S::StartTls
        << QStringLiteral("noreply@example.com") << QStringLiteral("Tidings") << false;
    QTest::newRow("SMTP_SECURE=true: SMTPS on 465")
        << QStringList {host, fromEmail, QStringLiteral("SMTP_SECURE=true")} << true
        << QStringLiteral("smtps://mail.example.com:465") << S::Smtps << QStringLiteral("noreply@example.com")
        << QStringLiteral("Tidings") << false;
    QTest::newRow("port 465 alone: SMTPS")
        << QStringList {host, fromEmail, QStringLiteral("SMTP_PORT=465")} << true
        << QStringLiteral("smtps://mail.example.com:465") << S::Smtps << QStringLiteral("noreply@example.com")
        << QStringLiteral("Tidings") << false;
    QTest::newRow("SMTP_SECURE=false: STARTTLS required")
        << QStringList {host, fromEmail, QStringLiteral("SMTP_SECURE=false"), QStringLiteral("SMTP_PORT=2587")} << true
        << QStringLiteral("smtp://mail.example.com:2587") << S::StartTls << QStringLiteral("noreply@example.com")
        << QStringLiteral("Tidings") << false;
    QTest::newRow("SMTP_SECURE=none: plain on 25")
        << QStringList {host, fromEmail, QStringLiteral("SMTP_SECURE=none")} << true
        << QStringLiteral("smtp://mail.example.com:25") << S::None << QStringLiteral("noreply@example.com")
        << QStringLiteral("Tidings") << false;
    QTest::newRow("display name in FROM_EMAIL")
        << QStringList {host, QStringLiteral("FROM_EMAIL=\"Shop Team\" <shop@example.com>")} << true
        << QStringLiteral("smtp://mail.example.com:587") << S::StartTls << QStringLiteral("shop@example.com")
        << QStringLiteral("Shop Team") << false;
    QTest::newRow("FROM_NAME wins") << QStringList {host, QStringLiteral("FROM_EMAIL=Shop <shop@example.com>"),
        QStringLiteral("FROM_NAME=Alerts")}
                                    << true << QStringLiteral("smtp://mail.example.com:587") << S::StartTls
                                    << QStringLiteral("shop@example.com") << QStringLiteral("Alerts") << false;
    QTest::newRow("IPv6 host") << QStringList {QStringLiteral("SMTP_HOST=::1"), fromEmail} << true
                               << QStringLiteral("smtp://[::1]:587") << S::StartTls
                               << QStringLiteral("noreply@example.com") << QStringLiteral("Tidings") << false;
    QTest::newRow("bad port") << QStringList {host, fromEmail, QStringLiteral("SMTP_PORT=smtp")} << false << QString()
                              << S::StartTls << QString() << QStringLiteral("Tidings") << true;
    QTest::newRow("bad SMTP_SECURE") << QStringList {host, fromEmail, QStringLiteral("SMTP_SECURE=maybe")} << false
                                     << QString() << S::StartTls << QString() << QStringLiteral("Tidings") << true;
    QTest::newRow("host without FROM_EMAIL")
        << QStringList {host} << false << QString() << S::StartTls << QString() << QStringLiteral("Tidings") << true;
}

void TestEmailChannel::fromEnvironment_readsSmtpVariables()
{
    QFETCH(QStringList, variables);
    QFETCH(bool, configured);
    QFETCH(QString, url);
    QFETCH(EmailChannel::Security, security);
    QFETCH(QString, from);
    QFETCH(QString, fromName);
    QFETCH(bool, error);

    QProcessEnvironment env;
    for (const QString &v : variables)
        env.insert(v.section(QLatin1Char('='), 0, 0), v.section(QLatin1Char('='), 1));
    QString why;
    const EmailChannel::Config config = EmailChannel::fromEnvironment(env, &why);
    QCOMPARE(!why.isEmpty(), error);
    QCOMPARE(EmailChannel(config).isConfigured(), configured);
    QCOMPARE(config.security, security);
    QCOMPARE(config.from, from);
    QCOMPARE(config.fromName, fromName);
    if (configured)
        QCOMPARE(QString::fromUtf8(config.url()), url);
}

void TestEmailChannel::benchmark_thousandEmailsOverOneConnection()
{
    SmtpSink::Options options;
    options.parse = false;
    SmtpSink sink(m_dir, options);
    QString error;
    QVERIFY2(sink.start(&error), qPrintable(error));
    EmailChannel channel(configFor(sink, EmailChannel::Security::None));

    constexpr int N = 1000;
    const ChannelRun run = deliverAll(channel, makeBatch(N));
    QCOMPARE(run.missing, 0);
    for (const DeliveryResult &r : run.results)
        QCOMPARE(r.outcome, Outcome::Sent);
    QCOMPARE(sink.messages().size(), N);
    QCOMPARE(sink.connectionCount(), 1);
    // A figure for docs/benchmarks.md, not an assertion: it depends on the machine.
    qInfo("email channel: %d emails over 1 SMTP connection to the local aiosmtpd sink in %lld ms = %.0f emails/s", N,
        run.elapsedMs, N * 1000.0 / qMax<qint64>(1, run.elapsedMs));
}

QTEST_GUILESS_MAIN(TestEmailChannel)
#include "tst_emailchannel.moc"
