#pragma once

#include "protocol/Notification.h"
#include "protocol/StreamEvent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tidings::Server {

namespace Role {
inline constexpr char Admin[] = "admin";
inline constexpr char Publisher[] = "publisher";
inline constexpr char User[] = "user";
} // namespace Role

struct User
{
    QString id; // UUID without braces
    QString username;
    QString displayName;
    QString email;
    QString role = QLatin1String(Role::User);
    bool disabled = false;
    QDateTime createdAt;
    QString locale; // BCP 47 tag ("de", "pt-BR") for templated text; "" = the default locale

    [[nodiscard]] QJsonObject toJson() const; // {id, username, displayName, email, role, disabled, createdAt, locale}
};

struct Device
{
    QString id; // client-chosen or server-generated
    QString userId;
    QString name;
    QString platform;
    QJsonObject pushSubscription; // Web Push subscription as the browser gives it; empty if none
    QDateTime createdAt;
    QDateTime lastSeenAt;

    [[nodiscard]] QJsonObject toJson() const;
};

struct RefreshTokenRecord
{
    QByteArray tokenHash; // SHA-256 hex of the opaque token
    QString userId;
    QString deviceId;
    QString familyId; // every rotation of one login shares a family
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; // set once rotated; a second use is reuse (theft)
    QDateTime revokedAt; // set by logout or reuse detection
};

struct ApiToken
{
    QString id;
    QString userId; // the owner; the token acts with the owner's identity
    QString name;
    QStringList scopes; // publish | read | admin
    QStringList topicGlobs; // empty = every topic
    QByteArray tokenHash; // SHA-256 hex
    QDateTime createdAt;
    QDateTime lastUsedAt;
    QDateTime expiresAt; // invalid = never expires

    [[nodiscard]] QJsonObject toJson() const; // never includes the hash
};

struct Topic
{
    QString name;
    QString description;
    QStringList readAcl = {QStringLiteral("*")}; // "*", "role:<role>", "user:<id>"
    QStringList publishAcl = {QStringLiteral("role:admin"), QStringLiteral("role:publisher")};
    QString groupingMode = QStringLiteral("count"); // count | replace (delivery pipeline issue)
    int groupWindowSec = 300;
    QDateTime createdAt;
};

// A message as stored once, shared by all recipients.
struct MessageRecord
{
    QString id;
    NotificationContent content;
    Sender sender;
    QStringList channels;
    QDateTime createdAt;
    QDateTime scheduledAt;
    QDateTime expiresAt;
    QString templateId;
    int templateVersion = 0; // the version that rendered it; 0 = no template
    QJsonObject variables; // the template values it was published with
    QString broadcastId; // the broadcast this message is an occurrence of; "" = none (messages.broadcast_id)

    // As a recipient first sees it: no seq yet, status pending.
    [[nodiscard]] Notification toNotification() const;
};

struct InboxQuery
{
    int page = 1;
    int limit = 20;
    QString topic; // empty = all
    QString status = QStringLiteral("all"); // unread | read | all
    qint64 sinceSeq = 0; // only seq > sinceSeq
    qint64 beforeSeq = 0; // only seq < beforeSeq (0 = no bound): keyset paging that new arrivals do not shift
    QString search; // case-insensitive substring of title or message
};

struct InboxPage
{
    QList<Notification> notifications; // newest first
    qint64 total = 0;
};

// What the store did for one publish: each recipient's seq, in recipient order.
struct PublishOutcome
{
    QString messageId;
    QList<QPair<QString, qint64>> recipientSeqs; // (userId, seq)
    bool replayedIdempotent = false; // true: an earlier publish with the same key; nothing created
    QJsonObject idempotentResponse; // the stored 202 body when replayedIdempotent
    // Grouping (groupKey): the same content from the same sender inside the topic's
    // window is this earlier message, and nothing was created.
    QString duplicateOf;
    // Recipients whose unread entry of the group took this publish: the entry (an
    // earlier message) took a new seq for each of them instead of a new entry, so they
    // are not in recipientSeqs. Usually one entry for all of them.
    struct Merge
    {
        QString messageId;
        QList<QPair<QString, qint64>> seqs;
    };
    QList<Merge> merges;
};

// One publish for Store::publishBatch.
struct PublishItem
{
    MessageRecord message;
    QStringList recipientIds;
    QString senderKey;
    QString idempotencyKey;
    QJsonObject response; // stored under the idempotency key
    // External channels (email, push, webhook) to create delivery jobs for, in the
    // same transaction. A job is created only for recipients the channel can reach
    // (an email address, a push subscription, a webhook for the topic); preferences,
    // quiet hours and expiry are decided when the job runs.
    QStringList jobChannels;
};

// The result of read/unread/readAll/delete: the event appended to the stream
// (nullopt when nothing changed, e.g. reading an already-read notification).
struct StreamChange
{
    std::optional<StreamEvent> event;
    UnreadCounts unread; // after the change
    qint64 headSeq = 0;
    qint64 changedCount = 0; // inbox rows that changed (read-all's `markedCount`)
};

struct StreamSlice
{
    QList<StreamEvent> events; // ascending seq
    qint64 headSeq = 0;
    bool resyncRequired = false; // sinceSeq is older than the oldest retained event
};

// ---- delivery pipeline

namespace ChannelName {
inline constexpr char InApp[] = "inApp";
inline constexpr char Email[] = "email";
inline constexpr char Push[] = "push";
inline constexpr char Webhook[] = "webhook";
} // namespace ChannelName

namespace JobState {
inline constexpr char Pending[] = "pending";
inline constexpr char Sending[] = "sending";
inline constexpr char Sent[] = "sent";
inline constexpr char Failed[] = "failed"; // a dead letter: permanent error or retries exhausted
inline constexpr char Skipped[] = "skipped";
inline constexpr char Cancelled[] = "cancelled";
} // namespace JobState

// One notification to one recipient on one external channel (delivery_jobs).
struct DeliveryJob
{
    QString id;
    QString messageId;
    QString userId;
    QString channel;
    QString state = QLatin1String(JobState::Pending);
    QString topic;
    int priority = 3;
    int attempts = 0; // attempts started, including one in flight
    int reclaimed = 0; // times a crash left it in flight
    QDateTime nextAttemptAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime sentAt;
    QString lastError;
    QString reason;
    QString providerCode;

    [[nodiscard]] QJsonObject toJson() const;
};

// What the pipeline decided for a claimed job. `state` is the job's next state:
// pending (a retry at nextAttemptAt, or a deferral), sent, failed, skipped, cancelled.
struct JobCompletion
{
    QString jobId;
    QString state;
    QDateTime nextAttemptAt; // for pending
    QString logEvent; // delivery_log.event: sent, retry, failed, skipped, deferred, cancelled
    QString error;
    QString reason;
    QString providerCode;
    QString providerResponse;
    qint64 latencyMs = -1; // the attempt's own duration; -1 = no attempt was made
    bool countAttempt = true; // false when no attempt was made (skipped, deferred): attempts is given back
};

// One row of delivery_log.
struct DeliveryLogEntry
{
    QString id;
    QString jobId;
    QString messageId;
    QString userId;
    QString topic;
    QString channel;
    QString event;
    int attempt = 0;
    QString error;
    QString providerCode;
    QString providerResponse;
    qint64 latencyMs = -1;
    QDateTime at;

    [[nodiscard]] QJsonObject toJson() const;
};

// A scheduled message whose time came: its recipients now have seqs and events.
struct ReleasedMessage
{
    MessageRecord message;
    QList<QPair<QString, qint64>> recipientSeqs;
};

// An email job skipped because the user reads email as a digest, with the
// notification as that user sees it now.
struct DigestCandidate
{
    QString jobId;
    Notification notification; // readAt set if read since
    bool live = true; // false: deleted from the inbox or expired
};

struct CancelOutcome
{
    bool found = false; // false: no such message
    qint64 recipients = 0; // scheduled inbox rows cancelled
    qint64 jobs = 0; // pending jobs cancelled
    bool wasReleased = false; // already in inboxes: only its pending jobs could be cancelled
};

struct Webhook
{
    QString id;
    QString userId;
    QString topic; // "" = every topic
    QString url;
    QByteArray secret; // the HMAC-SHA256 key, shown to its owner
    QDateTime createdAt;

    [[nodiscard]] QJsonObject toJson() const; // {id, topic, url, secret, createdAt}
};

} // namespace Tidings::Server
