#include "channels/WebPushChannel.h"

#include "channels/NetworkErrors.h"

#include "channels/PushLogging.h"
#include "channels/WebPushEncryption.h"
#include "channels/WebPushPayload.h"
#include "delivery/RetryPolicy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Tidings::Server::Channels {

Q_LOGGING_CATEGORY(lcPush, "tidings.server.push")

using Delivery::DeliveryResult;
using Delivery::Outcome;
using Delivery::OutgoingDelivery;
using Delivery::PushSubscription;
using Delivery::TransportError;

// One subscription's answer.
struct WebPushChannel::Attempt
{
    QString endpoint;
    Outcome outcome = Outcome::Retryable;
    bool gone = false;
    QString providerCode;
    QString providerResponse;
    QString error;
    std::optional<qint64> retryAfterMs;
};

// One delivery in flight: the answers collected so far from its subscriptions.
struct WebPushChannel::Pending
{
    int index = 0;
    std::shared_ptr<Done> done;
    int remaining = 0;
    QElapsedTimer timer;
    QList<Attempt> attempts;
};

namespace {

// Endpoints are capability URLs: enough of one to tell services and devices apart in
// a log, not enough to reuse it.
QString redacted(const QString &endpoint)
{
    const QString origin = WebPushChannel::originOf(QUrl(endpoint));
    return origin + QStringLiteral("/…") + endpoint.right(6);
}

} // namespace

WebPushChannel::WebPushChannel(std::optional<VapidKeys> keys, Options options, const Clock &clock, QObject *parent)
    : Channel(parent)
    , m_keys(std::move(keys))
    , m_options(std::move(options))
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
    m_options.tokenLifetimeSecs = qBound<qint64>(60, m_options.tokenLifetimeSecs, VapidKeys::MaxTokenLifetimeSecs);
    // Push services answer 201 directly; a redirect is classified, not followed.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    // Apple's push service refuses tokens without `sub`, and so does signJwt.
    if (m_keys && m_options.subject.isEmpty())
        qCWarning(lcPush) << "no VAPID subject (FROM_EMAIL or the server URL): every push delivery will fail";
}

WebPushChannel::~WebPushChannel()
{
    // Abort without reporting: the callbacks would run on a half-destroyed channel, and
    // whoever destroys a channel with deliveries in flight is shutting the pipeline down
    // and recovers unfinished jobs itself.
    const auto replies = m_inFlight;
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

QString WebPushChannel::originOf(const QUrl &endpoint)
{
    const QString scheme = endpoint.scheme().toLower();
    QString origin = scheme + QStringLiteral("://") + endpoint.host(QUrl::FullyEncoded).toLower();
    const int port = endpoint.port();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1;
    if (port != -1 && port != defaultPort)
        origin += QLatin1Char(':') + QString::number(port);
    return origin;
}

void WebPushChannel::deliver(const QList<OutgoingDelivery> &batch, Done done)
{
    const auto sharedDone = std::make_shared<Done>(std::move(done));
    for (int i = 0; i < batch.size(); ++i) {
        const OutgoingDelivery &delivery = batch.at(i);
        auto pending = std::make_shared<Pending>();
        pending->index = i;
        pending->done = sharedDone;
        pending->timer.start();

        DeliveryResult refused;
        refused.outcome = Outcome::Permanent;
        if (!m_keys) {
            refused.error = QStringLiteral("Web Push is not configured (no VAPID keys)");
            finishLater(pending, refused);
            continue;
        }
        const QList<PushSubscription> &subscriptions = delivery.recipient.pushSubscriptions;
        if (subscriptions.isEmpty()) {
            refused.error = QStringLiteral("no push subscription");
            finishLater(pending, refused);
            continue;
        }
        const NotificationContent &content = delivery.notification.content;
        Message message;
        message.payload = WebPushPayload::build(delivery, WebPushEncryption::MaxPlaintextSize);
        message.ttl = QByteArray::number(
            WebPushPayload::ttlSeconds(content.priority, delivery.notification.expiresAt, m_clock.now()));
        message.urgency = WebPushPayload::urgency(content.priority);
        message.topic = WebPushPayload::topic(content.groupKey);
        pending->remaining = int(subscriptions.size());
        for (const PushSubscription &subscription : subscriptions)
            send(pending, subscription, message);
    }
}

void WebPushChannel::send(
    const std::shared_ptr<Pending> &pending, const PushSubscription &subscription, const Message &message)
{
    Attempt failed;
    failed.endpoint = subscription.endpoint;
    failed.outcome = Outcome::Permanent;

    const QUrl url(subscription.endpoint, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && !(m_options.allowPlainHttp && scheme == QLatin1String("http")))) {
        failed.error = QStringLiteral("the push endpoint is not an https URL");
        record(pending, failed);
        return;
    }
    const auto body = WebPushEncryption::encrypt(message.payload, subscription.p256dh, subscription.auth);
    if (!body) {
        // A subscription whose keys do not work can never be delivered to; /api/devices
        // should have refused it.
        failed.error = QStringLiteral("cannot encrypt for this subscription: ") + body.error().message;
        record(pending, failed);
        return;
    }
    const auto authorization = authorizationFor(originOf(url));
    if (!authorization) {
        failed.error = QStringLiteral("cannot sign the VAPID token: ") + authorization.error().message;
        record(pending, failed);
        return;
    }

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setRawHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("aes128gcm"));
    request.setRawHeader(QByteArrayLiteral("TTL"), message.ttl);
    request.setRawHeader(QByteArrayLiteral("Urgency"), message.urgency);
    if (!message.topic.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Topic"), message.topic);
    request.setRawHeader(QByteArrayLiteral("Authorization"), authorization.value());
    request.setTransferTimeout(m_options.timeoutMs);

    QNetworkReply *reply = m_network->post(request, body.value());
    m_inFlight.insert(reply);
    const QString endpoint = subscription.endpoint;
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, pending, endpoint] { onReplyFinished(reply, pending, endpoint); });
}

void WebPushChannel::onReplyFinished(
    QNetworkReply *reply, const std::shared_ptr<Pending> &pending, const QString &endpoint)
{
    m_inFlight.remove(reply);
    reply->deleteLater();

    Attempt attempt;
    attempt.endpoint = endpoint;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (statusAttribute.isValid()) {
        const int status = statusAttribute.toInt();
        const auto classification = Delivery::classifyHttpStatus(status);
        attempt.outcome = classification.outcome;
        attempt.gone = classification.removeSubscription;
        attempt.providerCode = QString::number(status);
        attempt.providerResponse = replyLine(reply->read(4096), 300);
        if (attempt.outcome == Outcome::Retryable && reply->hasRawHeader(QByteArrayLiteral("Retry-After")))
            attempt.retryAfterMs = Delivery::RetryPolicy::parseRetryAfter(
                reply->rawHeader(QByteArrayLiteral("Retry-After")), m_clock.now());
        if (attempt.outcome != Outcome::Sent)
            attempt.error
                = QStringLiteral("HTTP %1 from %2%3")
                      .arg(attempt.providerCode, redacted(endpoint),
                          attempt.providerResponse.isEmpty() ? QString()
                                                             : QStringLiteral(": ") + attempt.providerResponse);
    } else {
        const TransportError error = transportErrorOf(reply->error());
        attempt.outcome = Delivery::classifyTransportError(error);
        attempt.providerCode = QStringLiteral("network %1").arg(int(reply->error()));
        attempt.error
            = (error == TransportError::Timeout ? QStringLiteral("no answer within %1 ms").arg(m_options.timeoutMs)
                                                : reply->errorString())
            + QStringLiteral(" (") + redacted(endpoint) + QLatin1Char(')');
    }
    if (attempt.gone)
        qCInfo(lcPush) << "push subscription gone:" << redacted(endpoint) << attempt.providerCode;
    else if (attempt.outcome != Outcome::Sent)
        qCDebug(lcPush) << "push attempt failed:" << attempt.error;
    record(pending, std::move(attempt));
}

void WebPushChannel::record(const std::shared_ptr<Pending> &pending, Attempt attempt)
{
    pending->attempts.append(std::move(attempt));
    if (--pending->remaining > 0)
        return;
    // Failures found before any request (bad endpoint, bad keys) are recorded inside
    // deliver(), so the result always goes through the event loop.
    finishLater(pending, combine(*pending));
}

void WebPushChannel::finishLater(const std::shared_ptr<Pending> &pending, const DeliveryResult &result)
{
    DeliveryResult timed = result;
    timed.latencyMs = pending->timer.elapsed();
    QMetaObject::invokeMethod(
        this, [pending, timed] { (*pending->done)(pending->index, timed); }, Qt::QueuedConnection);
}

DeliveryResult WebPushChannel::combine(const Pending &pending)
{
    DeliveryResult result;
    const Attempt *retryable = nullptr;
    const Attempt *sent = nullptr;
    const Attempt *permanent = nullptr;
    QStringList failures;
    for (const Attempt &attempt : pending.attempts) {
        if (attempt.gone)
            result.goneEndpoints.append(attempt.endpoint);
        if (attempt.outcome != Outcome::Sent)
            failures.append(attempt.error);
        switch (attempt.outcome) {
        case Outcome::Sent:
            sent = sent ? sent : &attempt;
            break;
        case Outcome::Retryable:
            retryable = retryable ? retryable : &attempt;
            // The longest pause any push service asked for, so none of them is hammered.
            if (attempt.retryAfterMs && (!result.retryAfterMs || *attempt.retryAfterMs > *result.retryAfterMs))
                result.retryAfterMs = attempt.retryAfterMs;
            break;
        case Outcome::Permanent:
            permanent = permanent ? permanent : &attempt;
            break;
        }
    }
    result.removeSubscription = !result.goneEndpoints.isEmpty();

    const Attempt *deciding = retryable ? retryable : sent ? sent : permanent;
    result.outcome = retryable ? Outcome::Retryable : sent ? Outcome::Sent : Outcome::Permanent;
    if (result.outcome != Outcome::Retryable)
        result.retryAfterMs.reset();
    if (deciding) {
        result.providerCode = deciding->providerCode;
        result.providerResponse = deciding->providerResponse;
    }
    if (!failures.isEmpty())
        result.error = QStringLiteral("%1 of %2 push subscriptions failed: %3")
                           .arg(failures.size())
                           .arg(pending.attempts.size())
                           .arg(failures.join(QStringLiteral("; ")));
    return result;
}

Expected<QByteArray> WebPushChannel::authorizationFor(const QString &audience)
{
    const QDateTime now = m_clock.now();
    const auto cached = m_tokens.constFind(audience);
    if (cached != m_tokens.constEnd() && now.secsTo(cached->expiry) > m_options.tokenLifetimeSecs / 2)
        return cached->header;
    const QDateTime expiry = now.addSecs(m_options.tokenLifetimeSecs);
    const auto jwt = m_keys->signJwt(audience, m_options.subject, expiry, now);
    if (!jwt)
        return jwt.error();
    const QByteArray header = m_keys->authorizationHeader(jwt.value());
    // Endpoints come from users, so the number of origins is theirs to choose; a real
    // server talks to a handful of push services.
    if (m_tokens.size() >= 256)
        m_tokens.clear();
    m_tokens.insert(audience, CachedToken {header, expiry});
    return header;
}

} // namespace Tidings::Server::Channels
