#pragma once

#include "store/AnalyticsRecords.h"
#include "store/BroadcastRecords.h"
#include "store/Records.h"
#include "store/TemplateRecords.h"

#include <QHash>
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
    [[nodiscard]] virtual bool updateUser(const User &user) = 0; // displayName, email, role, disabled, locale
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
            = publishBatch({{message, recipientIds, senderKey, idempotencyKey, response, {}}});
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

    // ---- delivery pipeline (jobs are created by publishBatch from PublishItem::jobChannels)
    // Moves up to `limit` due pending jobs (next_attempt_at <= now; oldest due first)
    // to `sending`, leased to `workerId` until `leaseUntil`, and counts the attempt.
    // `channels` empty = any channel.
    [[nodiscard]] virtual std::optional<QList<DeliveryJob>> claimJobs(const QString &workerId, const QDateTime &now,
        const QDateTime &leaseUntil, int limit, const QStringList &channels)
        = 0;
    // Applies the completions in one transaction, each with one delivery_log row; only
    // jobs still `sending` change (a reclaimed job's late result is dropped). Returns
    // how many changed, -1 on a database failure.
    virtual qint64 completeJobs(const QList<JobCompletion> &completions, const QDateTime &at) = 0;
    // Jobs in `sending` whose lease ends before `leaseEndedBefore` belonged to a worker
    // that died: back to pending (due now), `reclaimed` + 1, a "reclaimed" log row.
    // Returns how many, -1 on a database failure.
    virtual qint64 reclaimJobs(const QDateTime &leaseEndedBefore, const QDateTime &at) = 0;
    [[nodiscard]] virtual std::optional<DeliveryJob> job(const QString &id) = 0;
    [[nodiscard]] virtual QList<DeliveryJob> jobsForMessage(const QString &messageId) = 0;
    // An admin's retry of a dead letter: failed -> pending, due `at`, with a "retried" log
    // row. False when the job does not exist or is not failed.
    [[nodiscard]] virtual bool retryJob(const QString &jobId, const QDateTime &at) = 0;
    // The earliest next_attempt_at of a pending job, for the pipeline's timer.
    [[nodiscard]] virtual std::optional<QDateTime> nextJobDue() = 0;
    // Pending jobs by channel (the queue depth).
    [[nodiscard]] virtual QHash<QString, qint64> pendingJobCounts() = 0;
    [[nodiscard]] virtual std::optional<MessageRecord> message(const QString &id) = 0;

    // Scheduled messages whose scheduledAt <= now, at most `limit`, each released in
    // the same transaction: every recipient's inbox row takes its next seq and a
    // `notification` event, status scheduled -> pending. nullopt on failure.
    [[nodiscard]] virtual std::optional<QList<ReleasedMessage>> releaseScheduled(const QDateTime &now, int limit) = 0;
    // Cancels what has not happened yet: a scheduled message's inbox rows become
    // `cancelled` (they never reach an inbox) and its pending jobs `cancelled`.
    // `found` is false for an unknown message; nullopt only on a database failure.
    [[nodiscard]] virtual std::optional<CancelOutcome> cancelMessage(const QString &messageId, const QDateTime &at) = 0;

    // ---- email digests
    // Users whose preferences turn the email digest on.
    [[nodiscard]] virtual QStringList digestUserIds() = 0;
    // The scheduled run the user's last digest covered up to; nullopt = none yet.
    [[nodiscard]] virtual std::optional<QDateTime> digestLastRun(const QString &userId) = 0;
    // Email jobs skipped for the user's digest whose decision was made before `before`.
    [[nodiscard]] virtual QList<DigestCandidate> digestCandidates(
        const QString &userId, const QDateTime &before, const QDateTime &now)
        = 0;
    // In one transaction: stores `digest` (a message with no inbox rows) and one pending
    // email job for it, when given; marks the included jobs as sent in it and the
    // excluded ones as read before it; records `run` as the user's last digest.
    [[nodiscard]] virtual bool recordDigest(const QString &userId, const QDateTime &run,
        const std::optional<MessageRecord> &digest, const QStringList &includedJobIds,
        const QStringList &excludedJobIds, const QDateTime &now)
        = 0;

    // ---- webhooks and push subscriptions, as the channels reach them
    // One per (user, topic): saving again replaces the URL and keeps id and secret.
    [[nodiscard]] virtual bool upsertWebhook(const Webhook &webhook) = 0;
    [[nodiscard]] virtual QList<Webhook> webhooks(const QString &userId) = 0;
    [[nodiscard]] virtual bool deleteWebhook(const QString &userId, const QString &id) = 0; // false if absent
    // The webhook for `topic` if the user has one, else the user's general one.
    [[nodiscard]] virtual std::optional<Webhook> webhookFor(const QString &userId, const QString &topic) = 0;
    // Forgets a push subscription the push service says is gone (404/410).
    [[nodiscard]] virtual bool removePushSubscription(const QString &userId, const QString &endpoint) = 0;

    // ---- broadcasts (BroadcastService)
    [[nodiscard]] virtual bool createBroadcast(const BroadcastRecord &b) = 0;
    [[nodiscard]] virtual std::optional<BroadcastRecord> broadcast(const QString &id) = 0;
    // Newest first; `state` "" = any.
    [[nodiscard]] virtual QList<BroadcastRecord> listBroadcasts(const QString &state, int offset, int limit) = 0;
    [[nodiscard]] virtual qint64 countBroadcasts(const QString &state) = 0;
    // The creator's newest broadcast created with `key` at or after `since`.
    [[nodiscard]] virtual std::optional<BroadcastRecord> broadcastByIdempotencyKey(
        const QString &createdBy, const QString &key, const QDateTime &since)
        = 0;
    // Active broadcasts whose next run is at or before `now`, earliest first, at most
    // `limit`. nullopt on a database failure.
    [[nodiscard]] virtual std::optional<QList<BroadcastRecord>> dueBroadcasts(const QDateTime &now, int limit) = 0;
    // In one transaction: the run's message gets messages.broadcast_id; the broadcast
    // counts the run (occurrences = the larger of stored and run.occurrence, so a run
    // recorded twice counts once) and its last message; next run and state change only
    // while it is active (a run published while it was being cancelled counts, but does
    // not revive it). False on a database failure or an unknown broadcast.
    [[nodiscard]] virtual bool recordBroadcastRun(const BroadcastRun &run) = 0;
    // An active or scheduled broadcast becomes `state` (cancelled or failed) with no next
    // run. 1 when it changed, 0 when it had ended or does not exist, -1 on a failure.
    virtual qint64 endBroadcast(const QString &id, const QString &state, const QString &reason, const QDateTime &at)
        = 0;
    // Scheduled one-offs whose message the delivery pipeline has released become
    // finished. Returns how many, -1 on a database failure.
    virtual qint64 finishReleasedBroadcasts(const QDateTime &now) = 0;
    // Removes a broadcast that never published (its first publish was refused); false
    // when it does not exist, has published or on a failure.
    [[nodiscard]] virtual bool deleteBroadcast(const QString &id) = 0;
    // The messages of these broadcasts with their counts, newest first; a few aggregate
    // queries whatever the number of recipients. nullopt on a database failure.
    [[nodiscard]] virtual std::optional<QList<BroadcastOccurrence>> broadcastOccurrences(
        const QStringList &broadcastIds)
        = 0;

    // ---- templates (TemplateService)
    // Stores a new template with its first version (whose number is set to 1) in one
    // transaction. False when a live template has the name (lastError says so).
    [[nodiscard]] virtual bool createTemplate(const TemplateRecord &t, const TemplateVersionRecord &first) = 0;
    // In one transaction: adds `version` as the template's next version (its number is
    // current + 1, whatever `version.version` says), makes it current and saves the
    // metadata of `t` (name, type, description, topic, updatedAt). Returns the new
    // number; nullopt when the template is missing or deleted, the name is taken by
    // another live template, or on failure (lastError says which).
    [[nodiscard]] virtual std::optional<int> addTemplateVersion(
        const TemplateRecord &t, const TemplateVersionRecord &version)
        = 0;
    [[nodiscard]] virtual std::optional<TemplateRecord> templateById(const QString &id) = 0; // deleted ones too
    [[nodiscard]] virtual std::optional<TemplateRecord> templateByName(const QString &name) = 0; // live only
    // Live templates; `search` is a case-insensitive substring of name or description,
    // `type` an exact type ("" = any). Ordered by name.
    [[nodiscard]] virtual QList<TemplateRecord> listTemplates(
        const QString &search, const QString &type, int offset, int limit)
        = 0;
    [[nodiscard]] virtual qint64 countTemplates(const QString &search, const QString &type) = 0;
    // With its contents (ordered by channel, locale).
    [[nodiscard]] virtual std::optional<TemplateVersionRecord> templateVersion(const QString &templateId, int version)
        = 0;
    // Every version, newest first, without contents.
    [[nodiscard]] virtual QList<TemplateVersionRecord> templateVersions(const QString &templateId) = 0;
    // Soft delete; false when there is no live template with this id.
    [[nodiscard]] virtual bool deleteTemplate(const QString &id, const QDateTime &at) = 0;

    // ---- analytics and the delivery log (AnalyticsService)
    // The rollups of the hours the query selects, per hour and channel, and their latency
    // histograms per channel. nullopt on a database failure.
    [[nodiscard]] virtual std::optional<AnalyticsData> analytics(const AnalyticsQuery &query) = 0;
    // One page of delivery jobs matching every filter, newest first, with the total.
    // nullopt on a database failure.
    [[nodiscard]] virtual std::optional<DeliveryPage> deliveries(const DeliveryQuery &query) = 0;
    // A job's delivery_log rows (attempts, retries, reclaims, clicks), oldest first.
    [[nodiscard]] virtual QList<DeliveryLogEntry> deliveryLog(const QString &jobId) = 0;
    // In one transaction, for each id of `messageIds` in `userId`'s inbox (other ids are
    // ignored): a delivery_log row (event `clicked` or `dismissed`, linked to the job of
    // that message, user and channel if there is one) and, only the first time for that
    // (message, user, channel, kind), +1 in the rollup of the message's topic.
    // nullopt on a database failure.
    [[nodiscard]] virtual std::optional<EngagementOutcome> recordEngagement(Engagement kind, const QString &userId,
        const QStringList &messageIds, const QString &channel, const QDateTime &at)
        = 0;
    // Retention of notifications: deletes the messages released (or cancelled) before
    // `before` with their inbox rows and jobs, except messages that still have jobs
    // pending or sending; a scheduled message that was never released is never deleted.
    // Stream events older than `before` go too (a resume from before them resyncs).
    // Returns how many messages were deleted, -1 on a database failure.
    virtual qint64 pruneNotifications(const QDateTime &before) = 0;
    // Retention of analytics: deletes the rollup hours that ended by `before` and the
    // delivery_log rows older than it. Returns how many rows, -1 on a database failure.
    virtual qint64 pruneAnalytics(const QDateTime &before) = 0;

    // ---- client operation ids (the server ignores a repeated op id; client issue #3)
    // Returns false when (userId, opId) was already recorded.
    [[nodiscard]] virtual bool recordOperation(const QString &userId, const QString &opId, const QDateTime &at) = 0;
};

} // namespace Tidings::Server
