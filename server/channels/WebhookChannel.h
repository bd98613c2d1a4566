#pragma once

#include "delivery/Channel.h"
#include "util/Clock.h"

#include <QByteArray>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tidings::Server::Channels {

// The `webhook` channel: one signed JSON POST per delivery to the recipient's
// webhook URL (set per user or per topic subscription).
//
//   POST <url>
//   Content-Type: application/json
//   User-Agent: tidingsd/<version>
//   X-Tidings-Delivery: <jobId>           (the same on every retry: dedupe on it)
//   X-Tidings-Timestamp: <unix seconds>
//   X-Tidings-Signature: sha256=<hex>     (see WebhookSignature)
//   {"event":"notification","id":..,"topic":..,"title":..,"message":..,"priority":..,
//    "click":..,"data":{..},"createdAt":..,"recipient":{"id":..,"username":..}}
//
// Requests run asynchronously on the channel's thread (QNetworkAccessManager, which
// keeps connections alive between deliveries to the same host). Redirects are not
// followed: a 3xx is a permanent failure, so a receiver cannot bounce signed
// payloads to a third party. 2xx is sent; 408, 429 and 5xx retry (429 and 503 with
// their Retry-After); 404 and 410 remove the subscription; other 4xx are permanent.
class WebhookChannel final : public Delivery::Channel
{
    Q_OBJECT

public:
    struct Config
    {
        qint64 timeoutMs = 10'000; // per request, connecting included
        // Empty: "tidingsd/" + QCoreApplication::applicationVersion().
        QByteArray userAgent;
    };

    // `clock` (timestamps, Retry-After dates) must outlive the channel.
    explicit WebhookChannel(Config config, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~WebhookChannel() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("webhook"); }
    // Webhooks need no server-wide settings: each recipient brings URL and secret.
    [[nodiscard]] bool isConfigured() const override { return true; }
    // Must be called on the channel's own thread; `done` runs there.
    void deliver(const QList<Delivery::OutgoingDelivery> &batch, Done done) override;

    // The JSON body for one delivery (compact).
    [[nodiscard]] static QByteArray payload(const Delivery::OutgoingDelivery &delivery);

    [[nodiscard]] const Config &config() const { return m_config; }

private:
    void deliverOne(int index, const Delivery::OutgoingDelivery &delivery, const std::shared_ptr<Done> &done);
    [[nodiscard]] Delivery::DeliveryResult resultOf(QNetworkReply *reply, qint64 latencyMs) const;

    const Config m_config;
    const Clock &m_clock;
    QByteArray m_userAgent;
    QNetworkAccessManager *m_network; // a child: destroyed after our connections are cut
};

} // namespace Tidings::Server::Channels
