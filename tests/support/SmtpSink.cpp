#include "support/SmtpSink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace Tidings::Test {

namespace {

constexpr int StartTimeoutMs = 15'000;

} // namespace

QString SmtpSink::Message::header(const QString &name) const
{
    return record.value(QStringLiteral("headers")).toObject().value(name.toLower()).toArray().at(0).toString();
}

int SmtpSink::Message::headerCount(const QString &name) const
{
    return int(record.value(QStringLiteral("headers")).toObject().value(name.toLower()).toArray().size());
}

SmtpSink::SmtpSink(QString dir, QObject *parent)
    : SmtpSink(std::move(dir), Options(), parent)
{
}

SmtpSink::SmtpSink(QString dir, Options options, QObject *parent)
    : QObject(parent)
    , m_dir(std::move(dir))
    , m_options(std::move(options))
{
}

SmtpSink::~SmtpSink()
{
    stop();
}

QString SmtpSink::pythonExecutable()
{
    const QString configured = qEnvironmentVariable("TIDINGS_PYTHON");
    if (!configured.isEmpty())
        return configured;
    const QString debian = QStringLiteral("/usr/bin/python3");
    return QFileInfo::exists(debian) ? debian : QStringLiteral("python3");
}

QString SmtpSink::scriptPath()
{
    return QStringLiteral(TIDINGS_SMTP_SINK_SCRIPT);
}

bool SmtpSink::start(QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        stop();
        return false;
    };

    QStringList args {scriptPath(), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--dir"), m_dir};
    if (m_options.tls == Options::Tls::StartTls)
        args << QStringLiteral("--starttls") << m_options.certFile << m_options.keyFile;
    else if (m_options.tls == Options::Tls::Smtps)
        args << QStringLiteral("--smtps") << m_options.certFile << m_options.keyFile;
    if (!m_options.user.isEmpty())
        args << QStringLiteral("--auth") << m_options.user + QLatin1Char(':') + m_options.password;
    for (const QString &rcpt : m_options.rejectRecipients)
        args << QStringLiteral("--reject-rcpt") << rcpt;
    if (m_options.failFirst > 0)
        args << QStringLiteral("--fail-first") << QString::number(m_options.failFirst);
    if (!m_options.parse)
        args << QStringLiteral("--no-parse");

    m_process.setProgram(pythonExecutable());
    m_process.setArguments(args);
    // The sink exits when its stdin closes, so it must stay open: the default.
    m_process.start();
    if (!m_process.waitForStarted(StartTimeoutMs))
        return fail(QStringLiteral("cannot start %1: %2").arg(pythonExecutable(), m_process.errorString()));

    QDeadlineTimer deadline(StartTimeoutMs);
    QByteArray output;
    while (!output.contains('\n')) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired()
            || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process.bytesAvailable() == 0) {
                m_process.waitForFinished(1000);
                return fail(QStringLiteral("smtp_sink.py did not start: %1")
                                .arg(QString::fromUtf8(m_process.readAllStandardError())));
            }
        }
        output += m_process.readAllStandardOutput();
    }
    const QByteArray line = output.left(output.indexOf('\n')).trimmed();
    bool ok = false;
    const uint port = line.startsWith("PORT ") ? line.mid(5).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return fail(QStringLiteral("unexpected output from smtp_sink.py: %1").arg(QString::fromUtf8(line)));
    m_port = quint16(port);
    return true;
}

void SmtpSink::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QList<QJsonObject> SmtpSink::logRecords() const
{
    QList<QJsonObject> records;
    QFile file(QDir(m_dir).filePath(QStringLiteral("log.jsonl")));
    if (!file.open(QIODevice::ReadOnly))
        return records;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            records.append(QJsonDocument::fromJson(line).object());
    }
    return records;
}

QList<SmtpSink::Message> SmtpSink::messages() const
{
    QList<Message> result;
    for (const QJsonObject &r : logRecords()) {
        if (r.value(QStringLiteral("event")).toString() != QLatin1String("message"))
            continue;
        Message m;
        m.connection = r.value(QStringLiteral("connection")).toInt();
        m.file = QDir(m_dir).filePath(r.value(QStringLiteral("file")).toString());
        m.mailFrom = r.value(QStringLiteral("mail_from")).toString();
        for (const QJsonValue v : r.value(QStringLiteral("rcpt_tos")).toArray())
            m.rcptTos.append(v.toString());
        m.record = r;
        result.append(m);
    }
    return result;
}

int SmtpSink::connectionCount() const
{
    int n = 0;
    for (const QJsonObject &r : logRecords())
        n += r.value(QStringLiteral("event")).toString() == QLatin1String("connect") ? 1 : 0;
    return n;
}

bool SmtpSink::makeCertificate(const QString &dir, QString *certFile, QString *keyFile, QString *error)
{
    *certFile = QDir(dir).filePath(QStringLiteral("cert.pem"));
    *keyFile = QDir(dir).filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-days"),
            QStringLiteral("1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
            QStringLiteral("-keyout"), *keyFile, QStringLiteral("-out"), *certFile});
    if (!openssl.waitForFinished(60'000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl req failed: %1").arg(QString::fromUtf8(openssl.readAll()));
        return false;
    }
    return true;
}

} // namespace Tidings::Test
