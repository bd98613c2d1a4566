#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Tidings::Test {

// A real SMTP server for a test: tests/support/smtp_sink.py (aiosmtpd) in a child
// process on a free port. It stores every accepted message and logs, as JSON, each
// connection and each message parsed by Python's email package, which the tests use
// as an independent reader of what the email channel produced.
class SmtpSink : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        enum class Tls { None, StartTls, Smtps };
        Tls tls = Tls::None;
        QString certFile; // PEM, for StartTls and Smtps
        QString keyFile;
        QString user; // non-empty: AUTH required
        QString password;
        QStringList rejectRecipients; // answered with 550 at RCPT TO
        int failFirst = 0; // the first N messages are answered with 451
        bool parse = true; // false: log only the envelope (for throughput runs)
    };

    // One accepted message, as smtp_sink.py logged it.
    struct Message
    {
        int connection = 0; // 1 for the first connection the sink accepted
        QString file; // the .eml file in dir()
        QString mailFrom;
        QStringList rcptTos;
        QJsonObject record; // the whole log line: headers, parts, defects, max_line...

        // The first value of a header, decoded (RFC 2047) by Python.
        [[nodiscard]] QString header(const QString &name) const;
        [[nodiscard]] int headerCount(const QString &name) const;
    };

    // `dir` receives the messages and the log; it must exist.
    explicit SmtpSink(QString dir, QObject *parent = nullptr);
    SmtpSink(QString dir, Options options, QObject *parent = nullptr);
    ~SmtpSink() override;

    // Starts the server and waits until it listens (at most 15 s).
    [[nodiscard]] bool start(QString *error = nullptr);
    void stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QList<Message> messages() const;
    [[nodiscard]] int connectionCount() const;

    // A self-signed certificate for CN=localhost (and 127.0.0.1) made with the
    // openssl CLI, written to dir/cert.pem and dir/key.pem.
    [[nodiscard]] static bool makeCertificate(
        const QString &dir, QString *certFile, QString *keyFile, QString *error = nullptr);
    // The interpreter that has aiosmtpd: TIDINGS_PYTHON, else Debian's /usr/bin/python3
    // (python3-aiosmtpd installs there, whatever python3 comes first on PATH).
    [[nodiscard]] static QString pythonExecutable();
    [[nodiscard]] static QString scriptPath();

private:
    [[nodiscard]] QList<QJsonObject> logRecords() const;

    QString m_dir;
    Options m_options;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace Tidings::Test
