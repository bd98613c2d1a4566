#pragma once

#include "delivery/DeliveryOutcome.h"
#include "protocol/Notification.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Tidings::Server::Delivery {

// A browser's (or any Web Push client's) subscription, as registered through
// /api/devices {pushSubscription: {endpoint, keys: {p256dh, auth}}}.
struct PushSubscription
{
    QString deviceId;
    QString endpoint;
    QByteArray p256dh; // the client's P-256 public key, uncompressed point (65 bytes), decoded
    QByteArray auth; // the 16-byte auth secret, decoded
};

// Who a delivery goes to, with what the channels need to reach them.
struct Recipient
{
    QString userId;
    QString username;
    QString displayName;
    QString email;
    QString locale; // "" = the default locale
    QList<PushSubscription> pushSubscriptions;
    QString webhookUrl; // per user or per topic subscription
    QString webhookSecret; // the HMAC key for X-Tidings-Signature
};

// The text a channel sends, already rendered (TemplateRenderer) or taken from the
// notification's title and message.
struct RenderedContent
{
    QString subject;
    QString text;
    QString html; // empty: the channel builds a plain-text-only message
};

// One delivery attempt: a notification to one recipient on one channel.
struct OutgoingDelivery
{
    QString jobId; // delivery_jobs.id; also the idempotency key receivers may use
    int attempt = 1; // 1 for the first try
    Notification notification;
    Recipient recipient;
    RenderedContent content;
    QString clickUrl; // signed redirect that records the click, then goes to notification.content.click
    QString unsubscribeUrl; // signed link that turns this channel off for the notification's topic
};

// What happened to one delivery attempt; the pipeline turns it into the job's next
// state (sent, a retry after RetryPolicy's delay, or a dead letter).
struct DeliveryResult
{
    Outcome outcome = Outcome::Retryable;
    QString providerCode; // "250", "201", "410", "curl 7"...
    QString providerResponse; // the reply text, shortened to a line
    QString error; // human-readable, for the delivery log
    std::optional<qint64> retryAfterMs; // the provider asked for a pause (429 Retry-After)
    bool removeSubscription = false; // push: the endpoint is gone (404/410)
    // push: which of the recipient's subscriptions are gone (their endpoints), for the
    // pipeline to delete; a recipient may have several and only some of them expire.
    QStringList goneEndpoints;
    qint64 latencyMs = 0;
};

// A delivery medium outside the app (PROTOCOL.md's channels `email`, `push`,
// `webhook`; `inApp` is the inbox and WebSocket and needs no channel). One
// implementation per medium, chosen by name in one place (the pipeline), as
// KNotifications does with its plugins. Channels never block the event loop:
// blocking work (libcurl) runs on a worker thread and results come back queued.
class Channel : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int index, const DeliveryResult &result)>;

    using QObject::QObject;
    ~Channel() override = default;

    // "email", "push" or "webhook".
    [[nodiscard]] virtual QString name() const = 0;
    // False when its configuration is missing (no SMTP_HOST, no VAPID keys): jobs
    // for it are skipped with that reason instead of failing.
    [[nodiscard]] virtual bool isConfigured() const = 0;
    // Delivers a batch (one SMTP connection for all of it, for example). `done` is
    // called once per entry of `batch`, in any order, on the thread that called
    // deliver(), and never from inside deliver() itself.
    virtual void deliver(const QList<OutgoingDelivery> &batch, Done done) = 0;
};

} // namespace Tidings::Server::Delivery
