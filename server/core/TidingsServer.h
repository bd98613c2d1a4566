#pragma once

#include "channels/VapidKeys.h"
#include "core/ServerConfig.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class AuthService;
class HttpServer;
class DeliveryPipeline;
class Metrics;
class RateLimiter;
class Store;
class TemplateService;
class TrackingLinks;
class WsHub;
struct ApiContext;

// One tidingsd: store, auth, REST, WebSocket hub and services wired together.
// main.cpp and the tests create exactly this, so a test runs the real server
// in-process on port 0.
class TidingsServer : public QObject
{
    Q_OBJECT
public:
    explicit TidingsServer(ServerConfig config, const Clock &clock, QObject *parent = nullptr);
    ~TidingsServer() override;

    // Opens (and migrates) the database, creates the first admin, listens.
    // On failure errorString() says what went wrong in words an operator can act on.
    [[nodiscard]] bool start();
    [[nodiscard]] QString errorString() const { return m_error; }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl url() const;
    // The admin password generated on first start (empty if configured or not first start).
    [[nodiscard]] QString generatedAdminPassword() const { return m_generatedAdminPassword; }

    // Graceful: stop accepting, close WebSockets with 1001, then emit stopped().
    void shutdown();

    [[nodiscard]] const ServerConfig &config() const { return m_config; }
    [[nodiscard]] Store &store() { return *m_store; }
    [[nodiscard]] AuthService &auth() { return *m_auth; }
    [[nodiscard]] WsHub &hub() { return *m_hub; }
    [[nodiscard]] Metrics &metrics() { return *m_metrics; }
    // Only after a successful start().
    [[nodiscard]] TemplateService &templates();
    [[nodiscard]] DeliveryPipeline &pipeline();
    [[nodiscard]] const TrackingLinks &links() const;

Q_SIGNALS:
    void stopped();

private:
    struct Parts;
    [[nodiscard]] bool openStore();
    [[nodiscard]] QByteArray loadJwtSecret();
    void loadVapidKeys();
    void startDelivery();
    void housekeeping();

    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<Parts> m_parts;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<AuthService> m_auth;
    std::optional<Channels::VapidKeys> m_vapid;
    WsHub *m_hub = nullptr; // owned by m_parts
    HttpServer *m_http = nullptr; // owned by m_parts
    QTimer m_housekeeping;
    QDateTime m_lastRetention; // the last daily prune of notifications and analytics
    QString m_error;
    QString m_generatedAdminPassword;
    quint16 m_port = 0;
    bool m_stopping = false;
};

} // namespace Tidings::Server
