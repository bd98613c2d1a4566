#include "core/ServerConfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSettings>
#include <QUrl>

#include <functional>
#include <vector>

namespace Tidings::Server {

namespace {

QString parseListen(const QString &value, QHostAddress *address, quint16 *port)
{
    const int colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return QStringLiteral("--listen must be HOST:PORT, got '%1'").arg(value);
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = value.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return QStringLiteral("invalid port in '%1'").arg(value);
    QHostAddress a;
    if (host.isEmpty() || host == QLatin1String("*"))
        a = QHostAddress::Any;
    else if (host == QLatin1String("localhost"))
        a = QHostAddress::LocalHost;
    else if (!a.setAddress(host))
        return QStringLiteral("invalid address '%1' (use an IP address, localhost or *)").arg(host);
    *address = a;
    *port = quint16(p);
    return {};
}

QString parsePositive(const QString &name, const QString &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("%1 must be an integer between %2 and %3, got '%4'")
            .arg(name)
            .arg(min)
            .arg(max)
            .arg(value);
    *out = v;
    return {};
}

template<typename T> QString readInt(const QString &name, const QString &value, qint64 min, qint64 max, T *out)
{
    qint64 v = 0;
    QString err = parsePositive(name, value, min, max, &v);
    if (err.isEmpty())
        *out = T(v);
    return err;
}

QString readBool(const QString &name, const QString &value, bool *out)
{
    const QString v = value.trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes")) {
        *out = true;
        return {};
    }
    if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no")) {
        *out = false;
        return {};
    }
    return QStringLiteral("%1 must be true or false, not '%2'").arg(name, value);
}

QStringList splitList(const QString &value)
{
    QStringList out;
    const auto parts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QString t = p.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

// A "key = value" table shared by the INI file and (with other names) the environment.
struct Setting
{
    const char *ini;
    const char *env;
    std::function<QString(ServerConfig &, const QString &)> apply;
};

const std::vector<Setting> &settings()
{
    static const std::vector<Setting> table = {
        {"server/listen", nullptr,
            [](ServerConfig &c, const QString &v) { return parseListen(v, &c.listenAddress, &c.port); }},
        {"server/dataDir", nullptr,
            [](ServerConfig &c, const QString &v) {
                c.dataDir = v;
                return QString();
            }},
        {"server/webSocketPort", "WEBSOCKET_PORT",
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("webSocketPort"), v, 0, 65535, &c.webSocketPort);
            }},
        {"server/allowedOrigins", nullptr,
            [](ServerConfig &c, const QString &v) {
                c.allowedOrigins += splitList(v);
                return QString();
            }},
        {"server/frontendUrl", "FRONTEND_URL",
            [](ServerConfig &c, const QString &v) {
                c.allowedOrigins += splitList(v);
                return QString();
            }},
        {"server/maxBodyBytes", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("maxBodyBytes"), v, 1024, 64 << 20, &c.maxBodyBytes);
            }},
        {"database/connection", "DB_CONNECTION",
            [](ServerConfig &c, const QString &v) {
                c.dbConnection = v;
                return QString();
            }},
        {"database/synchronous", nullptr,
            [](ServerConfig &c, const QString &v) {
                const QString s = v.toLower();
                if (s != QLatin1String("normal") && s != QLatin1String("full"))
                    return QStringLiteral("database/synchronous must be NORMAL or FULL, got '%1'").arg(v);
                c.sqliteSynchronousFull = s == QLatin1String("full");
                return QString();
            }},
        {"redis/url", "REDIS_URL",
            [](ServerConfig &c, const QString &v) {
                c.redisUrl = v;
                return QString();
            }},
        {"auth/jwtSecret", "JWT_SECRET",
            [](ServerConfig &c, const QString &v) {
                c.jwtSecret = v;
                return QString();
            }},
        {"auth/adminPassword", "TIDINGS_ADMIN_PASSWORD",
            [](ServerConfig &c, const QString &v) {
                c.adminPassword = v;
                return QString();
            }},
        {"auth/accessTokenTtlSec", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("accessTokenTtlSec"), v, 10, 86400, &c.accessTokenTtlSec);
            }},
        {"auth/refreshTokenTtlSec", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("refreshTokenTtlSec"), v, 60, 365 * 86400, &c.refreshTokenTtlSec);
            }},
        {"auth/argon2MemoryKiB", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("argon2MemoryKiB"), v, 8, 4 << 20, &c.hashing.memoryKiB);
            }},
        {"auth/argon2Iterations", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("argon2Iterations"), v, 1, 100, &c.hashing.timeCost);
            }},
        {"websocket/heartbeatSec", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("heartbeatSec"), v, 1, 3600, &c.heartbeatSec);
            }},
        {"websocket/sendBufferBytes", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("sendBufferBytes"), v, 4096, 256 << 20, &c.wsSendBufferBytes);
            }},
        {"websocket/maxFrameBytes", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("maxFrameBytes"), v, 1024, 16 << 20, &c.wsMaxFrameBytes);
            }},
        {"limits/publishPerMinute", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("publishPerMinute"), v, 0, 100000000, &c.publishPerMinute);
            }},
        {"limits/publishBurst", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("publishBurst"), v, 1, 100000000, &c.publishBurst);
            }},
        {"limits/loginPerMinute", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("loginPerMinute"), v, 0, 100000000, &c.loginPerMinute);
            }},
        {"limits/loginBurst", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("loginBurst"), v, 1, 100000000, &c.loginBurst);
            }},
        {"retention/eventDays", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("eventDays"), v, 1, 3650, &c.eventRetentionDays);
            }},
        {"retention/notificationDays", "NOTIFICATION_RETENTION_DAYS",
            [](ServerConfig &c, const QString &v) {
                return readInt(
                    QStringLiteral("NOTIFICATION_RETENTION_DAYS"), v, 1, 36500, &c.notificationRetentionDays);
            }},
        {"retention/analyticsDays", "ANALYTICS_RETENTION_DAYS",
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("ANALYTICS_RETENTION_DAYS"), v, 1, 36500, &c.analyticsRetentionDays);
            }},
        {"server/publicUrl", "PUBLIC_URL",
            [](ServerConfig &c, const QString &v) {
                const QUrl url(v, QUrl::StrictMode);
                if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
                    || url.host().isEmpty())
                    return QStringLiteral("PUBLIC_URL must be an absolute http or https URL, not '%1'").arg(v);
                c.publicUrl = url;
                return QString();
            }},
        {"delivery/pollMs", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("pollMs"), v, 10, 60000, &c.deliveryPollMs);
            }},
        {"delivery/retrySchedule", nullptr,
            [](ServerConfig &c, const QString &v) {
                QList<qint64> schedule;
                for (const QString &part : splitList(v)) {
                    qint64 ms = 0;
                    if (QString err = parsePositive(QStringLiteral("retrySchedule"), part, 0, 86'400'000, &ms);
                        !err.isEmpty())
                        return err;
                    schedule << ms;
                }
                c.deliveryRetryScheduleMs = schedule;
                return QString();
            }},
        {"delivery/batchSize", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("batchSize"), v, 1, 10000, &c.deliveryBatchSize);
            }},
        // The environment's SMTP_* are read together by EmailChannel::Config (see
        // applyEnvironment); the file has the common ones.
        {"smtp/host", nullptr,
            [](ServerConfig &c, const QString &v) {
                c.email.host = v.trimmed();
                return QString();
            }},
        {"smtp/port", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readInt(QStringLiteral("port"), v, 1, 65535, &c.email.port);
            }},
        {"smtp/from", nullptr,
            [](ServerConfig &c, const QString &v) {
                c.email.from = v.trimmed();
                return QString();
            }},
        {"delivery/pushAllowPlainHttp", nullptr,
            [](ServerConfig &c, const QString &v) {
                return readBool(QStringLiteral("pushAllowPlainHttp"), v, &c.pushAllowPlainHttp);
            }},
    };
    return table;
}

} // namespace

QString ServerConfig::applyFile(const QString &path)
{
    if (!QFileInfo::exists(path))
        return QStringLiteral("config file '%1' does not exist").arg(path);
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return QStringLiteral("config file '%1' could not be parsed").arg(path);
    const QStringList known = [] {
        QStringList k;
        for (const Setting &s : settings())
            k << QLatin1String(s.ini);
        return k;
    }();
    for (const QString &key : ini.allKeys()) {
        if (!known.contains(key))
            return QStringLiteral("%1: unknown setting '%2'").arg(path, key);
    }
    for (const Setting &s : settings()) {
        const QString key = QLatin1String(s.ini);
        if (!ini.contains(key))
            continue;
        const QVariant v = ini.value(key);
        // QSettings splits comma-separated values into lists; join them back.
        const QString text
            = v.userType() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(',')) : v.toString();
        if (QString err = s.apply(*this, text); !err.isEmpty())
            return QStringLiteral("%1: %2").arg(path, err);
    }
    return {};
}

QString ServerConfig::applyEnvironment(const QProcessEnvironment &env)
{
    for (const Setting &s : settings()) {
        if (!s.env)
            continue;
        const QString name = QLatin1String(s.env);
        if (!env.contains(name) || env.value(name).isEmpty())
            continue;
        if (QString err = s.apply(*this, env.value(name)); !err.isEmpty())
            return QStringLiteral("%1: %2").arg(name, err);
    }
    if (!env.value(QStringLiteral("SMTP_HOST")).trimmed().isEmpty()) {
        QString err;
        email = Channels::EmailChannel::fromEnvironment(env, &err);
        if (!err.isEmpty())
            return err;
    }
    return {};
}

std::optional<ServerConfig> ServerConfig::fromCommandLine(
    const QStringList &args, const QProcessEnvironment &env, QString *output, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("tidingsd: the Tidings notification server (REST + WebSocket on one port).\n"
                       "Settings come from defaults, then --config FILE, then environment variables\n"
                       "(TIDINGS_ADMIN_PASSWORD, JWT_SECRET, DB_CONNECTION, REDIS_URL, WEBSOCKET_PORT,\n"
                       "FRONTEND_URL, PUBLIC_URL, SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER,\n"
                       "SMTP_PASSWORD, FROM_EMAIL, FROM_NAME, SMTP_CA_FILE, NOTIFICATION_RETENTION_DAYS,\n"
                       "ANALYTICS_RETENTION_DAYS), then these flags. See docs/operations.md."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8080; port 0 picks a free one)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Directory for the database and secrets (default ./var)."), QStringLiteral("DIR"));
    const QCommandLineOption config(QStringLiteral("config"),
        QStringLiteral("INI configuration file (see docs/operations.md)."), QStringLiteral("FILE"));
    const QCommandLineOption portFile(QStringLiteral("port-file"),
        QStringLiteral("Write the bound port to FILE once listening (for scripts using port 0)."),
        QStringLiteral("FILE"));
    parser.addOptions({help, version, listen, dataDir, config, portFile});

    if (!parser.parse(args)) {
        *output = parser.errorText() + QLatin1Char('\n');
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        *output = parser.helpText();
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        *output = QStringLiteral("tidingsd %1\n").arg(QLatin1String(TIDINGS_VERSION));
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *output = QStringLiteral("unexpected argument '%1' (see --help)\n").arg(parser.positionalArguments().first());
        *exitCode = 2;
        return std::nullopt;
    }

    ServerConfig c;
    auto fail = [&](const QString &msg) {
        *output = msg + QLatin1Char('\n');
        *exitCode = 2;
        return std::nullopt;
    };
    if (parser.isSet(config)) {
        if (QString err = c.applyFile(parser.value(config)); !err.isEmpty())
            return fail(err);
    }
    if (QString err = c.applyEnvironment(env); !err.isEmpty())
        return fail(err);
    if (parser.isSet(listen)) {
        if (QString err = parseListen(parser.value(listen), &c.listenAddress, &c.port); !err.isEmpty())
            return fail(err);
    }
    if (parser.isSet(dataDir))
        c.dataDir = parser.value(dataDir);
    if (parser.isSet(portFile))
        c.portFile = parser.value(portFile);
    *exitCode = 0;
    return c;
}

QString ServerConfig::databasePath() const
{
    QString conn = dbConnection;
    if (conn.startsWith(QLatin1String("sqlite://")))
        conn = QUrl(conn).path();
    if (conn.isEmpty())
        return QDir(dataDir).filePath(QStringLiteral("tidings.db"));
    return conn;
}

QString ServerConfig::listenDescription() const
{
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + listenAddress.toString() + QLatin1Char(']')
        : listenAddress.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

} // namespace Tidings::Server
