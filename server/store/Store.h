#pragma once

#include "store/Records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Tidings::Server {

// Everything tidingsd keeps durably. One interface, implemented by SqliteStore
// (the default) and, for several nodes, a PostgreSQL store later. All calls are
// synchronous and made from the server's thread. Methods that write do so in one
// transaction: either all of it is stored or none of it.
//
// Failures of the database itself (disk full, corruption) are reported as
// std::nullopt / false plus lastError(); "not found" is not an error.
class Store
{
public:
    virtual ~Store() = default;

    // Opens or creates the database and runs pending migrations.
    [[nodiscard]] virtual bool open() = 0;
    [[nodiscard]] virtual QString lastError() const = 0;
    [[nodiscard]] virtual int schemaVersion() const = 0;
    // A cheap round trip for /readyz.
    [[nodiscard]] virtual bool ping() = 0;
    // The stream epoch: created with the database, changes only if the data is reset.
    [[nodiscard]] virtual QString epoch() const = 0;

    // ---- users
    [[nodiscard]] virtual bool createUser(const User &user, const QByteArray &passwordHash)
        = 0; // false on duplicate username (lastError says so)
    [[nodiscard]] virtual bool updateUser(const User &user) = 0; // displayName, email, role, disabled
    [[nodiscard]] virtual bool setPasswordHash(const QString &userId, const QByteArray &passwordHash) = 0;
    [[nodiscard]] virtual std::optional<User> userById(const QString &id) = 0;
    [[nodiscard]] virtual std::optional<User> userByUsername(const QString &username) = 0;
    [[nodiscard]] virtual QByteArray passwordHash(const QString &userId) = 0;
    // Case-insensitive substring match on username/displayName/email; ordered by username.
    [[nodiscard]] virtual QList<User> listUsers(const QString &search, int offset, int limit) = 0;
    [[nodiscard]] virtual qint64 countUsers(const QString &search) = 0;
    // Resolves ids or usernames to ids of existing users (unknown ones are dropped).
    [[nodiscard]] virtual QStringList resolveUserRefs(const QStringList &idsOrUsernames) = 0;
    [[nodiscard]] virtual QStringList userIdsWithRoles(const QStringList &roles) = 0; // enabled users only
    [[nodiscard]] virtual QStringList allUserIds() = 0; // enabled users only

    // ---- devices
    [[nodiscard]] virtual bool upsertDevice(const Device &device) = 0;
    [[nodiscard]] virtual QList<Device> devices(const QString &userId) = 0;
    [[nodiscard]] virtual std::optional<Device> device(const QString &userId, const QString &deviceId) = 0;
    [[nodiscard]] virtual bool deleteDevice(const QString &userId, const QString &deviceId) = 0; // false if absent

    // ---- refresh tokens (hashes only)
    [[nodiscard]] virtual bool insertRefreshToken(const RefreshTokenRecord &token) = 0;
    [[nodiscard]] virtual std::optional<RefreshTokenRecord> refreshToken(const QByteArray &tokenHash) = 0;
    [[nodiscard]] virtual bool markRefreshTokenUsed(const QByteArray &tokenHash, const QDateTime &at) = 0;
    [[nodiscard]] virtual bool revokeRefreshFamily(const QString &familyId, const QDateTime &at) = 0;
    [[nodiscard]] virtual bool revokeDeviceRefreshTokens(
        const QString &userId, const QString &deviceId, const QDateTime &at)
        = 0;
    [[nodiscard]] virtual bool revokeUserRefreshTokens(const QString &userId, const QDateTime &at) = 0;

    // ---- API tokens (hashes only)
    [[nodiscard]] virtual bool insertApiToken(const ApiToken &token) = 0;
    [[nodiscard]] virtual std::optional<ApiToken> apiTokenByHash(const QByteArray &tokenHash) = 0;
    [[nodiscard]] virtual QList<ApiToken> apiTokens(const QString &userId) = 0; // empty userId = all
    [[nodiscard]] virtual bool deleteApiToken(const QString &id) = 0; // false if absent
    [[nodiscard]] virtual std::optional<ApiToken> apiToken(const QString &id) = 0;
    virtual void touchApiToken(const QString &id, const QDateTime &at) = 0;

    // ---- topics and subscriptions
    [[nodiscard]] virtual bool upsertTopic(const Topic &topic) = 0;
    [[nodiscard]] virtual std::optional<Topic> topic(const QString &name) = 0;
    [[nodiscard]] virtual QList<Topic> topics() = 0; // ordered by name
    [[nodiscard]] virtual bool subscribe(const QString &userId, const QString &topic) = 0; // idempotent
    [[nodiscard]] virtual bool unsubscribe(const QString &userId, const QString &topic) = 0; // idempotent
    [[nodiscard]] virtual QStringList subscriptions(const QString &userId) = 0;
    [[nodiscard]] virtual QStringList subscribers(const QString &topic) = 0; // enabled users only
    [[nodiscard]] virtual qint64 subscriberCount(const QString &topic) = 0;

    // ---- preferences (stored as the Preferences JSON document)
    [[nodiscard]] virtual std::optional<QJsonObject> preferences(const QString &userId) = 0; // nullopt = never set
    [[nodiscard]] virtual bool savePreferences(const QString &userId, const QJsonObject &prefs) = 0;

    // ---- publishing
    // In ONE transaction: when `idempotencyKey` is non-empty and (senderKey, key) was
    // stored less than 24 h before message.createdAt, returns that outcome with
    // replayedIdempotent = true and writes nothing. Otherwise inserts the message, for
    // each recipient takes its next seq and inserts the inbox row and the
    // `notification` stream event, stores `response` under the idempotency key, and
    // returns the seqs. Recipients with a scheduledAt in the future get status
    // `scheduled` and no stream event yet (the delivery pipeline releases them).
    [[nodiscard]] std::optional<PublishOutcome> publish(const MessageRecord &message, const QStringList &recipientIds,
        const QString &senderKey, const QString &idempotencyKey, const QJsonObject &response)
    {
        std::optional<QList<PublishOutcome>> out
            = publishBatch({{message, recipientIds, senderKey, idempotencyKey, response}});
        if (!out)
            return std::nullopt;
        return out->first();
    }
    // Several publishes, as above, in ONE transaction (group commit): all are stored or
    // none is. Within the batch, later items see earlier ones (idempotency keys).
    [[nodiscard]] virtual std::optional<QList<PublishOutcome>> publishBatch(const QList<PublishItem> &items) = 0;

    // ---- the caller's inbox and stream
    [[nodiscard]] virtual InboxPage inbox(const QString &userId, const InboxQuery &query, const QDateTime &now) = 0;
    [[nodiscard]] virtual std::optional<Notification> inboxItem(
        const QString &userId, const QString &messageId, const QDateTime &now)
        = 0;
    [[nodiscard]] virtual UnreadCounts unreadCounts(const QString &userId, const QDateTime &now) = 0;
    [[nodiscard]] virtual qint64 headSeq(const QString &userId) = 0;

    // Each appends at most one stream event (only ids in the user's live inbox that
    // actually change are included; other users' ids are never touched) and returns
    // it with the unread counts after the change. nullopt only on database failure.
    [[nodiscard]] virtual std::optional<StreamChange> markRead(
        const QString &userId, const QStringList &ids, const QDateTime &at)
        = 0;
    [[nodiscard]] virtual std::optional<StreamChange> markUnread(
        const QString &userId, const QStringList &ids, const QDateTime &at)
        = 0;
    [[nodiscard]] virtual std::optional<StreamChange> markAllRead(
        const QString &userId, const QString &topic, qint64 upToSeq, const QDateTime &at)
        = 0;
    [[nodiscard]] virtual std::optional<StreamChange> deleteFromInbox(
        const QString &userId, const QStringList &ids, const QDateTime &at)
        = 0;
    // Marks delivered (status pending -> delivered, deliveredAt); no stream event.
    // Returns the ids that changed.
    [[nodiscard]] virtual QStringList markDelivered(const QString &userId, const QStringList &ids, const QDateTime &at)
        = 0;

    // Events with seq > sinceSeq, ascending, at most `limit`. resyncRequired when
    // events after sinceSeq were pruned. Notification events carry the
    // notification's current per-recipient state.
    [[nodiscard]] virtual StreamSlice eventsSince(const QString &userId, qint64 sinceSeq, int limit) = 0;
    // The seq of the first event at or after `since` (for requestMissedNotifications), minus one.
    [[nodiscard]] virtual qint64 seqBefore(const QString &userId, const QDateTime &since) = 0;
    // Deletes stream events older than `before` (keeping inbox rows); returns how many.
    virtual qint64 pruneEvents(const QDateTime &before) = 0;

    // ---- client operation ids (the server ignores a repeated op id; client issue #3)
    // Returns false when (userId, opId) was already recorded.
    [[nodiscard]] virtual bool recordOperation(const QString &userId, const QString &opId, const QDateTime &at) = 0;
};

} // namespace Tidings::Server
