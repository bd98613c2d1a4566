#pragma once

#include "auth/PasswordHasher.h"
#include "channels/EmailChannel.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QCommandLineParser;
class QProcessEnvironment;

namespace Tidings::Server {

// Everything tidingsd can be told. Precedence, lowest first: built-in defaults,
// the INI file given by --config, environment variables, command-line flags.
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    quint16 webSocketPort = 0; // WEBSOCKET_PORT: an extra port serving the same API and /ws (0 = none)
    QString dataDir = QStringLiteral("var");
    QString dbConnection; // DB_CONNECTION; empty = SQLite at <dataDir>/tidings.db
    bool sqliteSynchronousFull = false;
    QString jwtSecret; // JWT_SECRET; empty = generated into <dataDir>/jwt.secret
    QString adminPassword; // TIDINGS_ADMIN_PASSWORD
    QString redisUrl; // REDIS_URL (multi-node; not used by a single SQLite node)
    QStringList allowedOrigins; // FRONTEND_URL plus [server] allowedOrigins

    qint64 maxBodyBytes = 64 * 1024;
    int heartbeatSec = 25;
    qint64 wsSendBufferBytes = 1024 * 1024;
    qint64 wsMaxFrameBytes = 64 * 1024;
    int wsAuthTimeoutSec = 10;

    int publishPerMinute = 6000; // per API token / user and per client address
    int publishBurst = 500;
    int loginPerMinute = 30; // per client address
    int loginBurst = 10;

    int accessTokenTtlSec = 15 * 60;
    int refreshTokenTtlSec = 30 * 24 * 3600;
    PasswordHasher::Params hashing;

    int eventRetentionDays = 30;
    int notificationRetentionDays = 90; // inbox rows and messages (NOTIFICATION_RETENTION_DAYS)
    int analyticsRetentionDays = 400; // rollups and the delivery log (ANALYTICS_RETENTION_DAYS)

    // PUBLIC_URL: how users reach this server, for links in emails and pushes (click
    // tracking, unsubscribe). Empty = the listening address, which only works locally.
    QUrl publicUrl;

    int deliveryPollMs = 500; // how often the pipeline looks for due jobs besides being woken
    int deliveryBatchSize = 100; // jobs claimed per channel per round
    // [delivery] retrySchedule, in ms ("1000,5000,30000,300000,1800000" by default).
    // Tests shorten it; empty = the default.
    QList<qint64> deliveryRetryScheduleMs;
    QString portFile; // --port-file: where to write the bound port (scripts using port 0)

    // SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, FROM_EMAIL, FROM_NAME,
    // SMTP_CA_FILE (EmailChannel::Config::fromEnvironment); no host = no email channel.
    Channels::EmailChannel::Config email;
    // Web Push endpoints must be https; tests run a plain-HTTP push service
    // ([delivery] pushAllowPlainHttp, not an environment variable on purpose).
    bool pushAllowPlainHttp = false;

    // Parses `args` (argv) over the environment. On --help/--version the text goes to
    // `output` and nullopt is returned with *exitCode 0; on a bad value, an error message
    // and *exitCode 2.
    static std::optional<ServerConfig> fromCommandLine(
        const QStringList &args, const QProcessEnvironment &env, QString *output, int *exitCode);

    // Reads an INI file over `this`. Returns an error message, empty on success.
    QString applyFile(const QString &path);
    // Reads the documented environment variables over `this`. Returns an error message, empty on success.
    QString applyEnvironment(const QProcessEnvironment &env);

    [[nodiscard]] QString databasePath() const; // for SQLite
    [[nodiscard]] QString listenDescription() const;
};

} // namespace Tidings::Server
