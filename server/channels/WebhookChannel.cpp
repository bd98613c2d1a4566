#include "channels/WebhookChannel.h"

#include "channels/NetworkErrors.h"

#include "channels/WebhookSignature.h"
#include "delivery/RetryPolicy.h"
#include "protocol/JsonUtil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

namespace Tidings::Server::Channels {

Q_LOGGING_CATEGORY(lcWebhook, "tidings.server.webhook")

using Delivery::DeliveryResult;
using Delivery::Outcome;
using Delivery::OutgoingDelivery;
using Delivery::TransportError;

namespace {

// A receiver's error page is kept for the delivery log, not in full.
constexpr int MaxReplyLength = 200;

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

WebhookChannel::WebhookChannel(Config config, const Clock &clock, QObject *parent)
    : Channel(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_userAgent(m_config.userAgent)
    , m_network(new QNetworkAccessManager(this))
{
    if (m_userAgent.isEmpty()) {
        const QString version = QCoreApplication::applicationVersion();
        m_userAgent = version.isEmpty() ? QByteArray("tidingsd") : "tidingsd/" + version.toUtf8();
    }
    // Receivers are machines: no cookies carried from one delivery to the next.
    m_network->setCookieJar(nullptr);
}

WebhookChannel::~WebhookChannel() = default;

QByteArray WebhookChannel::payload(const OutgoingDelivery &delivery)
{
    const Notification &n = delivery.notification;
    const QJsonObject recipient {
        {QStringLiteral("id"), delivery.recipient.userId},
        {QStringLiteral("username"), delivery.recipient.username},
    };
    const QJsonObject o {
        {QStringLiteral("event"), QStringLiteral("notification")},
        {QStringLiteral("id"), n.id},
        {QStringLiteral("topic"), stringOrNull(n.content.topic)},
        {QStringLiteral("title"), n.content.title},
        {QStringLiteral("message"), n.content.message},
        {QStringLiteral("priority"), priorityToString(n.content.priority)},
        {QStringLiteral("click"), stringOrNull(n.content.click)},
        {QStringLiteral("data"), n.content.data},
        {QStringLiteral("createdAt"), Json::timeOrNull(n.createdAt)},
        {QStringLiteral("recipient"), recipient},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void WebhookChannel::deliver(const QList<OutgoingDelivery> &batch, Done done)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "WebhookChannel::deliver", "call it on the channel's thread");
    const auto shared = std::make_shared<Done>(std::move(done));
    for (int i = 0; i < batch.size(); ++i)
        deliverOne(i, batch.at(i), shared);
}

void WebhookChannel::deliverOne(int index, const OutgoingDelivery &delivery, const std::shared_ptr<Done> &done)
{
    const QUrl url(delivery.recipient.webhookUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QString problem;
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        problem = QStringLiteral("webhook URL \"%1\" is not an http(s) URL").arg(delivery.recipient.webhookUrl);
    else if (delivery.recipient.webhookSecret.isEmpty())
        // Never send unsigned: the receiver could not tell us from anyone else.
        problem = QStringLiteral("webhook has no secret");
    if (!problem.isEmpty()) {
        DeliveryResult r;
        r.outcome = Outcome::Permanent;
        r.error = problem;
        qCWarning(lcWebhook).noquote() << "delivery" << delivery.jobId << "not sent:" << problem;
        // Channel::deliver promises never to call back from inside deliver().
        QMetaObject::invokeMethod(
            this, [done, index, r] { (*done)(index, r); }, Qt::QueuedConnection);
        return;
    }

    const QByteArray body = payload(delivery);
    const qint64 timestamp = m_clock.now().toSecsSinceEpoch();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("X-Tidings-Delivery", delivery.jobId.toUtf8());
    request.setRawHeader("X-Tidings-Timestamp", QByteArray::number(timestamp));
    request.setRawHeader(
        "X-Tidings-Signature", WebhookSignature::sign(delivery.recipient.webhookSecret.toUtf8(), timestamp, body));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = m_network->post(request, body);
    // A deadline for the whole exchange; QNetworkRequest's transfer timeout only
    // catches silence, not a receiver that trickles bytes.
    QTimer::singleShot(int(m_config.timeoutMs), reply, [reply] { reply->abort(); });
    const QString jobId = delivery.jobId;
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer, done, index, jobId] {
        reply->deleteLater();
        const DeliveryResult r = resultOf(reply, timer->elapsed());
        if (r.outcome == Outcome::Sent)
            qCDebug(lcWebhook) << "sent" << jobId << r.providerCode;
        else
            qCWarning(lcWebhook).noquote() << "delivery" << jobId << "failed:" << Delivery::outcomeToString(r.outcome)
                                           << r.providerCode << r.error;
        (*done)(index, r);
    });
}

DeliveryResult WebhookChannel::resultOf(QNetworkReply *reply, qint64 latencyMs) const
{
    DeliveryResult r;
    r.latencyMs = latencyMs;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        // The receiver's answer decides, even if the connection broke afterwards.
        const Delivery::HttpClassification c = Delivery::classifyHttpStatus(status);
        r.outcome = c.outcome;
        r.removeSubscription = c.removeSubscription;
        r.providerCode = QString::number(status);
        r.providerResponse = replyLine(reply->read(4096), MaxReplyLength);
        if (r.outcome == Outcome::Retryable && reply->hasRawHeader("Retry-After"))
            r.retryAfterMs = Delivery::RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock.now());
        if (r.outcome != Outcome::Sent) {
            r.error = QStringLiteral("HTTP %1 %2")
                          .arg(status)
                          .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        }
        return r;
    }

    const QNetworkReply::NetworkError error = reply->error();
    const TransportError transport = transportErrorOf(error);
    r.outcome = Delivery::classifyTransportError(transport);
    r.providerCode = QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error));
    r.error = transport == TransportError::Timeout ? QStringLiteral("no answer within %1 ms").arg(m_config.timeoutMs)
                                                   : reply->errorString();
    return r;
}

} // namespace Tidings::Server::Channels
