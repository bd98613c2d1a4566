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

    [[nodiscard]] QJsonObject toJson() const; // {id, username, displayName, email, role, disabled, createdAt}
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
};

// One publish for Store::publishBatch.
struct PublishItem
{
    MessageRecord message;
    QStringList recipientIds;
    QString senderKey;
    QString idempotencyKey;
    QJsonObject response; // stored under the idempotency key
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

} // namespace Tidings::Server
