#pragma once

#include "channels/VapidKeys.h"
#include "delivery/Channel.h"
#include "util/Clock.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tidings::Server::Channels {

// Web Push (`push`): each delivery is POSTed to every push subscription of its
// recipient (RFC 8030), encrypted for that browser (RFC 8291) and signed with the
// server's VAPID key (RFC 8292). All HTTP is asynchronous on the calling thread.
//
// A delivery's result combines its subscriptions: Retryable if any of them failed in
// a way worth retrying (429 with its Retry-After, 5xx, network trouble), else Sent if
// any accepted it (201/202), else Permanent. Subscriptions the push service reports
// gone (404/410) are listed in goneEndpoints for the pipeline to delete; they do not
// fail a delivery that another device took. A retry goes to all subscriptions again,
// so a device may see a message twice; the payload's tag makes the second replace
// the first.
class WebPushChannel final : public Delivery::Channel
{
    Q_OBJECT

public:
    struct Options
    {
        // The VAPID `sub` claim (VapidKeys::subjectFor(FROM_EMAIL, server URL)).
        QString subject;
        // A request with no bytes moving for this long fails as a retryable timeout.
        int timeoutMs = 30'000;
        // How long a VAPID token is valid; one is reused per push service until half of
        // it has passed. At most 24 h (RFC 8292 §2).
        qint64 tokenLifetimeSecs = 12 * 3600;
        // RFC 8030 push services are https only; a subscription with any other endpoint
        // fails permanently, so /api/devices cannot be used to make the server POST to
        // internal plain-HTTP addresses. Tests run a plain-HTTP push service.
        bool allowPlainHttp = false;
    };

    // Without keys the channel is not configured and fails every delivery permanently.
    WebPushChannel(std::optional<VapidKeys> keys, Options options, const Clock &clock = Clock::system(),
        QObject *parent = nullptr);
    ~WebPushChannel() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("push"); }
    [[nodiscard]] bool isConfigured() const override { return m_keys.has_value(); }
    void deliver(const QList<Delivery::OutgoingDelivery> &batch, Done done) override;

    // The RFC 6454 origin of an endpoint (scheme://host[:port], default port left out):
    // the `aud` of the VAPID token for it.
    [[nodiscard]] static QString originOf(const QUrl &endpoint);

private:
    struct Attempt;
    struct Pending;

    // The headers and payload shared by all subscriptions of one delivery.
    struct Message
    {
        QByteArray payload;
        QByteArray ttl;
        QByteArray urgency;
        QByteArray topic;
    };

    void send(const std::shared_ptr<Pending> &pending, const Delivery::PushSubscription &subscription,
        const Message &message);
    void onReplyFinished(QNetworkReply *reply, const std::shared_ptr<Pending> &pending, const QString &endpoint);
    void record(const std::shared_ptr<Pending> &pending, Attempt attempt);
    // Reports `result` for `pending` on the next event-loop turn, never from inside deliver().
    void finishLater(const std::shared_ptr<Pending> &pending, const Delivery::DeliveryResult &result);
    [[nodiscard]] Expected<QByteArray> authorizationFor(const QString &audience);
    [[nodiscard]] static Delivery::DeliveryResult combine(const Pending &pending);

    std::optional<VapidKeys> m_keys;
    Options m_options;
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    struct CachedToken
    {
        QByteArray header;
        QDateTime expiry;
    };
    QHash<QString, CachedToken> m_tokens; // by audience
    QSet<QNetworkReply *> m_inFlight;
};

} // namespace Tidings::Server::Channels
