#include "core/TidingsServer.h"

#include "api/AdminUsersApi.h"
#include "api/AnalyticsApi.h"
#include "api/ApiContext.h"
#include "api/AuthApi.h"
#include "api/BroadcastsApi.h"
#include "api/DevicesApi.h"
#include "api/InboxApi.h"
#include "api/OpsApi.h"
#include "api/PreferencesApi.h"
#include "api/PublishApi.h"
#include "api/PushApi.h"
#include "api/TemplatesApi.h"
#include "api/TokensApi.h"
#include "api/TopicsApi.h"
#include "api/TrackingApi.h"
#include "api/WebhooksApi.h"
#include "auth/AuthService.h"
#include "auth/RateLimiter.h"
#include "auth/TokenCrypto.h"
#include "channels/EmailChannel.h"
#include "channels/WebPushChannel.h"
#include "channels/WebhookChannel.h"
#include "core/BroadcastService.h"
#include "core/DeliveryPipeline.h"
#include "core/Metrics.h"
#include "core/PreferencesService.h"
#include "core/PublishService.h"
#include "core/StreamService.h"
#include "core/TemplateService.h"
#include "core/TopicService.h"
#include "core/TrackingLinks.h"
#include "http/HttpServer.h"
#include "store/SqliteStore.h"
#include "util/Clock.h"
#include "ws/WsHub.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcServer, "tidings.server")

namespace Tidings::Server {

namespace {

DeliveryPipeline::Options pipelineOptions(const ServerConfig &config)
{
    DeliveryPipeline::Options o;
    o.pollMs = config.deliveryPollMs;
    o.batchSize = config.deliveryBatchSize;
    if (!config.deliveryRetryScheduleMs.isEmpty())
        o.retryScheduleMs = config.deliveryRetryScheduleMs;
    return o;
}

} // namespace

// Everything built after the store is open, in dependency order; destroyed in reverse.
struct TidingsServer::Parts
{
    Parts(TidingsServer &server, const ServerConfig &config, const Clock &clock, const QByteArray &linkKey)
        : http(HttpServer::Options {config.maxBodyBytes, 16 * 1024, QStringLiteral("/ws")})
        , preferences(*server.m_store)
        , topics(*server.m_store)
        , hub(WsHub::Options {config.allowedOrigins, config.heartbeatSec, config.wsSendBufferBytes,
                  config.wsMaxFrameBytes, config.wsAuthTimeoutSec, 500},
              WsHub::Services {*server.m_store, *server.m_auth, streams, preferences, topics, *server.m_metrics, clock})
        , streams(*server.m_store, hub, clock)
        , templates(*server.m_store, clock)
        , links(linkKey, config.publicUrl)
        , pipeline(DeliveryPipeline::Services {*server.m_store, hub, preferences, templates, links, *server.m_metrics,
                       clock},
              pipelineOptions(config))
        , publisher(*server.m_store, hub, pipeline, templates, *server.m_metrics, clock)
        , broadcasts(*server.m_store, publisher, templates, clock, config.deliveryPollMs)
        , publishPerSender(config.publishPerMinute, config.publishBurst)
        , publishPerAddress(config.publishPerMinute, config.publishBurst)
        , loginPerAddress(config.loginPerMinute, config.loginBurst)
        , api {config, clock, *server.m_store, *server.m_auth, streams, publisher, preferences, topics, hub, hub,
              *server.m_metrics, publishPerSender, publishPerAddress, loginPerAddress, server.m_vapid, templates, links,
              pipeline, broadcasts}
        , authApi(api, http)
        , inboxApi(api, http)
        , publishApi(api, http)
        , preferencesApi(api, http)
        , topicsApi(api, http)
        , devicesApi(api, http)
        , adminUsersApi(api, http)
        , tokensApi(api, http)
        , opsApi(api, http)
        , pushApi(api, http)
        , webhooksApi(api, http)
        , templatesApi(api, http)
        , analyticsApi(api, http)
        , trackingApi(api, http)
        , broadcastsApi(api, http)
    {
    }

    HttpServer http;
    PreferencesService preferences;
    TopicService topics;
    WsHub hub;
    StreamService streams;
    TemplateService templates;
    TrackingLinks links;
    DeliveryPipeline pipeline;
    PublishService publisher;
    BroadcastService broadcasts;
    RateLimiter publishPerSender;
    RateLimiter publishPerAddress;
    RateLimiter loginPerAddress;
    ApiContext api;
    AuthApi authApi;
    InboxApi inboxApi;
    PublishApi publishApi;
    PreferencesApi preferencesApi;
    TopicsApi topicsApi;
    DevicesApi devicesApi;
    AdminUsersApi adminUsersApi;
    TokensApi tokensApi;
    OpsApi opsApi;
    PushApi pushApi;
    WebhooksApi webhooksApi;
    TemplatesApi templatesApi;
    AnalyticsApi analyticsApi;
    TrackingApi trackingApi;
    BroadcastsApi broadcastsApi;
};

TidingsServer::TidingsServer(ServerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_metrics(std::make_unique<Metrics>())
{
}

TidingsServer::~TidingsServer()
{
    // The hub references services declared after it in Parts; close sockets first.
    m_parts.reset();
}

TemplateService &TidingsServer::templates()
{
    return m_parts->templates;
}

QUrl TidingsServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    const QHostAddress a = m_config.listenAddress;
    u.setHost(a == QHostAddress::Any || a == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
            : a == QHostAddress::AnyIPv6                           ? QStringLiteral("::1")
                                                                   : a.toString());
    u.setPort(m_port);
    return u;
}

bool TidingsServer::openStore()
{
    const QString conn = m_config.dbConnection;
    if (conn.startsWith(QLatin1String("postgres")) || conn.startsWith(QLatin1String("postgresql"))) {
        m_error
            = QStringLiteral("DB_CONNECTION names PostgreSQL, but this build of tidingsd stores data in SQLite only "
                             "(the PostgreSQL store is planned); unset DB_CONNECTION or give a SQLite path");
        return false;
    }
    const QString path = m_config.databasePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_error = QStringLiteral("cannot create the directory for the database '%1'").arg(path);
        return false;
    }
    auto store = std::make_unique<SqliteStore>(path, SqliteStore::Options {m_config.sqliteSynchronousFull, 5000});
    if (!store->open()) {
        m_error = QStringLiteral("cannot open the database '%1': %2").arg(path, store->lastError());
        return false;
    }
    m_store = std::move(store);
    return true;
}

void TidingsServer::loadVapidKeys()
{
    // Created on first start, like the JWT secret. A damaged file is reported and
    // left alone: replacing it would silently orphan every push subscription.
    const QString path = QDir(m_config.dataDir).filePath(QStringLiteral("vapid.pem"));
    Expected<Channels::VapidKeys> keys = Channels::VapidKeys::loadOrCreate(path);
    if (keys)
        m_vapid = std::move(keys).value();
    else
        qCWarning(lcServer).noquote() << "Web Push is off:" << keys.error().message;
}

QByteArray TidingsServer::loadJwtSecret()
{
    if (!m_config.jwtSecret.isEmpty())
        return m_config.jwtSecret.toUtf8();
    const QString path = QDir(m_config.dataDir).filePath(QStringLiteral("jwt.secret"));
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("cannot read the JWT secret '%1': %2").arg(path, existing.errorString());
            return {};
        }
        const QByteArray secret = existing.readAll().trimmed();
        if (secret.size() >= 32)
            return secret;
        m_error
            = QStringLiteral("the JWT secret '%1' is shorter than 32 bytes; delete it to generate a new one").arg(path);
        return {};
    }
    if (!QDir().mkpath(m_config.dataDir)) {
        m_error = QStringLiteral("cannot create the data directory '%1'").arg(m_config.dataDir);
        return {};
    }
    const QByteArray secret = TokenCrypto::base64Url(TokenCrypto::randomBytes(48));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(secret) != secret.size() || !file.commit()) {
        m_error = QStringLiteral("cannot write the JWT secret '%1': %2").arg(path, file.errorString());
        return {};
    }
    qCInfo(lcServer) << "generated a JWT secret in" << path;
    return secret;
}

bool TidingsServer::start()
{
    if (!openStore())
        return false;
    const QByteArray secret = loadJwtSecret();
    if (secret.isEmpty())
        return false;

    AuthService::Options authOptions;
    authOptions.accessTokenTtlSec = m_config.accessTokenTtlSec;
    authOptions.refreshTokenTtlSec = m_config.refreshTokenTtlSec;
    authOptions.hashing = m_config.hashing;
    m_auth = std::make_unique<AuthService>(*m_store, secret, m_clock, authOptions);
    m_generatedAdminPassword = m_auth->ensureAdmin(m_config.adminPassword);
    loadVapidKeys();

    // Tracking and unsubscribe links are signed with a key derived from the JWT secret,
    // so neither can be used as the other.
    const QByteArray linkKey = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("tidings tracking links v1"), secret, QCryptographicHash::Sha256);
    m_parts = std::make_unique<Parts>(*this, m_config, m_clock, linkKey);
    m_http = &m_parts->http;
    m_hub = &m_parts->hub;
    m_http->setAuthenticator([this](QByteArrayView bearer) { return m_auth->authenticate(bearer); });
    m_http->setObserver([this](const HttpResponse &response) { m_metrics->httpRequest(response.status); });
    m_hub->attach(*m_http);
    m_metrics->wsConnections = [this] { return qint64(m_hub->connectionCount()); };

    m_port = m_http->listenGuarded(m_config.listenAddress, m_config.port);
    if (m_port == 0) {
        m_error = QStringLiteral("cannot listen on %1: %2").arg(m_config.listenDescription(), m_http->errorString());
        return false;
    }
    if (m_config.webSocketPort != 0 && m_config.webSocketPort != m_port) {
        if (m_http->listenGuarded(m_config.listenAddress, m_config.webSocketPort) == 0) {
            m_error = QStringLiteral("cannot listen on WEBSOCKET_PORT %1: %2")
                          .arg(m_config.webSocketPort)
                          .arg(m_http->errorString());
            return false;
        }
    }

    if (m_config.publicUrl.isEmpty())
        m_parts->links.setPublicBaseUrl(url());
    startDelivery();
    m_parts->broadcasts.start();

    connect(&m_housekeeping, &QTimer::timeout, this, &TidingsServer::housekeeping);
    m_housekeeping.start(std::chrono::minutes(1));
    housekeeping();
    return true;
}

DeliveryPipeline &TidingsServer::pipeline()
{
    return m_parts->pipeline;
}

const TrackingLinks &TidingsServer::links() const
{
    return m_parts->links;
}

void TidingsServer::startDelivery()
{
    DeliveryPipeline &pipeline = m_parts->pipeline;
    if (!m_config.email.host.isEmpty())
        pipeline.addChannel(std::make_unique<Channels::EmailChannel>(m_config.email, m_clock));
    Channels::WebPushChannel::Options push;
    push.subject = Channels::VapidKeys::subjectFor(m_config.email.from, m_parts->links.publicBaseUrl().toString());
    push.allowPlainHttp = m_config.pushAllowPlainHttp;
    pipeline.addChannel(std::make_unique<Channels::WebPushChannel>(m_vapid, push, m_clock));
    pipeline.addChannel(std::make_unique<Channels::WebhookChannel>(Channels::WebhookChannel::Config {}, m_clock));
    m_metrics->queueDepth = [this] {
        qint64 total = 0;
        for (const qint64 n : m_store->pendingJobCounts())
            total += n;
        return total;
    };
    pipeline.start();
}

void TidingsServer::housekeeping()
{
    const qint64 nowMs = m_clock.nowMs();
    m_parts->publishPerSender.sweep(nowMs);
    m_parts->publishPerAddress.sweep(nowMs);
    m_parts->loginPerAddress.sweep(nowMs);
    const qint64 pruned = m_store->pruneEvents(m_clock.now().addDays(-m_config.eventRetentionDays));
    if (pruned > 0)
        qCInfo(lcServer) << "pruned" << pruned << "stream events older than" << m_config.eventRetentionDays << "days";
    // Retention of notifications and analytics: once a day, the first time at start.
    const QDateTime now = m_clock.now();
    if (m_lastRetention.isNull() || m_lastRetention.msecsTo(now) >= 24LL * 3600 * 1000 || now < m_lastRetention) {
        m_lastRetention = now;
        const qint64 messages = m_store->pruneNotifications(now.addDays(-m_config.notificationRetentionDays));
        const qint64 rows = m_store->pruneAnalytics(now.addDays(-m_config.analyticsRetentionDays));
        if (messages < 0 || rows < 0)
            qCWarning(lcServer).noquote() << "retention failed:" << m_store->lastError();
        else if (messages > 0 || rows > 0)
            qCInfo(lcServer) << "retention pruned" << messages << "notifications older than"
                             << m_config.notificationRetentionDays << "days and" << rows << "analytics rows older than"
                             << m_config.analyticsRetentionDays << "days";
    }
}

void TidingsServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_housekeeping.stop();
    if (!m_parts) {
        QMetaObject::invokeMethod(this, &TidingsServer::stopped, Qt::QueuedConnection);
        return;
    }
    m_http->stopListening();
    m_parts->broadcasts.stop();
    m_parts->publisher.flush();
    m_parts->pipeline.stop();
    connect(m_hub, &WsHub::allClosed, this, &TidingsServer::stopped, Qt::SingleShotConnection);
    // Peers that never answer the close handshake must not hold the shutdown up.
    QTimer::singleShot(std::chrono::seconds(3), this, [this] {
        if (m_hub->connectionCount() > 0) {
            qCWarning(lcServer) << m_hub->connectionCount() << "WebSocket peers did not close in time";
            Q_EMIT stopped();
        }
    });
    m_hub->closeAll(1001, QStringLiteral("server shutting down"));
}

} // namespace Tidings::Server
