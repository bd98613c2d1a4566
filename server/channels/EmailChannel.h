#pragma once

#include "delivery/Channel.h"
#include "util/Clock.h"

#include <QProcessEnvironment>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Tidings::Server::Channels {

// The `email` channel: SMTP through libcurl.
//
// A batch runs on a worker thread with one libcurl handle, so all its messages share
// one SMTP connection (libcurl keeps it open between transfers). A reply to one
// message (550 for an unknown mailbox, 451 for greylisting) decides only that
// message; a failure below SMTP (refused connection, timeout, TLS, login) ends the
// batch and the messages not tried yet get the same result, because each of them
// would have waited for the same timeout only to fail the same way.
//
// TLS always verifies the server's certificate; `caFile` adds a trust anchor (a
// private CA, or a test's self-signed certificate) instead of switching that off.
class EmailChannel final : public Delivery::Channel
{
    Q_OBJECT

public:
    enum class Security {
        None, // plain SMTP: only for a relay on the same host or network
        StartTls, // STARTTLS is required; a server that does not offer it fails
        Smtps, // TLS from the first byte (port 465)
    };

    struct Config
    {
        QString host; // empty: the channel is not configured
        quint16 port = 0; // 0: the usual port for `security` (25, 587, 465)
        Security security = Security::StartTls;
        QString user; // empty: no AUTH
        QString password;
        QString from; // the envelope sender and From address
        QString fromName = QStringLiteral("Tidings");
        QString caFile; // PEM bundle to trust in addition to the system store
        qint64 connectTimeoutMs = 10'000;
        qint64 messageTimeoutMs = 60'000; // one message, connecting included
        int maxConnections = 4; // batches that may run at the same time

        [[nodiscard]] quint16 effectivePort() const;
        // "smtp://host:port" or "smtps://host:port".
        [[nodiscard]] QByteArray url() const;
    };

    // SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, FROM_EMAIL
    // ("addr" or "Name <addr>"), FROM_NAME, SMTP_CA_FILE. SMTP_SECURE is `true`
    // (SMTPS), `false`/`starttls` (STARTTLS required, the default except on port 465)
    // or `none` (no TLS). A malformed value leaves the result unconfigured and says
    // why in `error`.
    [[nodiscard]] static Config fromEnvironment(const QProcessEnvironment &env, QString *error = nullptr);
    [[nodiscard]] static QString securityToString(Security security);

    // `clock` (for the Date header) must outlive the channel. The first channel
    // initialises libcurl for the process, so create it on the main thread.
    explicit EmailChannel(Config config, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    // Waits for running batches; a transfer in progress is aborted, and results
    // not yet delivered are dropped.
    ~EmailChannel() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("email"); }
    [[nodiscard]] bool isConfigured() const override;
    // Must be called on the channel's own thread; `done` runs there.
    void deliver(const QList<Delivery::OutgoingDelivery> &batch, Done done) override;

    // For /readyz: connects, says EHLO, does STARTTLS and AUTH as configured, sends
    // NOOP and QUIT. Blocks for up to the connect and message timeouts, so call it
    // from a worker thread (QtConcurrent::run); it shares no state with deliveries.
    [[nodiscard]] bool checkConnection(QString *error = nullptr) const;

    [[nodiscard]] const Config &config() const { return m_config; }

private:
    struct Batch;
    void runBatch(const Batch &batch);

    const Config m_config;
    const Clock &m_clock;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    QThreadPool m_pool;
};

} // namespace Tidings::Server::Channels
