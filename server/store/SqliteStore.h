#pragma once

#include "store/Store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <unordered_map>

class QSqlError;
class QSqlQuery;

namespace Tidings::Server {

// Declared outside SqliteStore so `Options options = {}` can be a default argument
// (a nested struct's member initialisers are not usable until the class is complete).
struct SqliteStoreOptions
{
    // synchronous=FULL also survives power loss of the last commits; NORMAL (with WAL)
    // survives a crash of the process and costs one fsync per checkpoint, not per commit.
    bool synchronousFull = false;
    // How long a writer waits for another connection's lock before failing.
    int busyTimeoutMs = 5000;
};

// The default Store: one SQLite file in WAL mode through Qt Sql (QSQLITE).
//
// Every statement is prepared once per connection and reused (publishing has to reach
// thousands of transactions per second); every write of more than one statement runs
// in one BEGIN IMMEDIATE transaction and is rolled back on any failure.
//
// Behaviour the Store interface leaves open:
// - updateUser, setPasswordHash return false (with lastError "no such user") for an unknown id.
// - upsertDevice keeps the stored name, platform and push subscription when the given
//   record has them empty, so a login that only knows the device id does not wipe what
//   POST /api/devices registered; createdAt is kept from the first insert.
// - markRefreshTokenUsed and the revoke calls keep the first time they were set.
// - resolveUserRefs also resolves disabled users (callers filter where that matters).
// - seqBefore(since) is the highest seq of an event before `since` (0 if none), which
//   makes a resume from it replay every retained event at or after `since`, or resync.
// - pruneEvents also forgets client operation ids older than `before` and idempotency
//   keys older than 24 h before `before`; it returns -1 on a database failure.
// - recordOperation returns false on a database failure as well (lastError says so).
class SqliteStore final : public Store
{
public:
    using Options = SqliteStoreOptions;

    explicit SqliteStore(QString path, Options options = {});
    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    [[nodiscard]] bool open() override;
    [[nodiscard]] QString lastError() const override { return m_lastError; }
    [[nodiscard]] int schemaVersion() const override { return m_schemaVersion; }
    [[nodiscard]] bool ping() override;
    [[nodiscard]] QString epoch() const override { return m_epoch; }
    [[nodiscard]] QString path() const { return m_path; }

    [[nodiscard]] bool createUser(const User &user, const QByteArray &passwordHash) override;
    [[nodiscard]] bool updateUser(const User &user) override;
    [[nodiscard]] bool setPasswordHash(const QString &userId, const QByteArray &passwordHash) override;
    [[nodiscard]] std::optional<User> userById(const QString &id) override;
    [[nodiscard]] std::optional<User> userByUsername(const QString &username) override;
    [[nodiscard]] QByteArray passwordHash(const QString &userId) override;
    [[nodiscard]] QList<User> listUsers(const QString &search, int offset, int limit) override;
    [[nodiscard]] qint64 countUsers(const QString &search) override;
    [[nodiscard]] QStringList resolveUserRefs(const QStringList &idsOrUsernames) override;
    [[nodiscard]] QStringList userIdsWithRoles(const QStringList &roles) override;
    [[nodiscard]] QStringList allUserIds() override;

    [[nodiscard]] bool upsertDevice(const Device &device) override;
    [[nodiscard]] QList<Device> devices(const QString &userId) override;
    [[nodiscard]] std::optional<Device> device(const QString &userId, const QString &deviceId) override;
    [[nodiscard]] bool deleteDevice(const QString &userId, const QString &deviceId) override;

    [[nodiscard]] bool insertRefreshToken(const RefreshTokenRecord &token) override;
    [[nodiscard]] std::optional<RefreshTokenRecord> refreshToken(const QByteArray &tokenHash) override;
    [[nodiscard]] bool markRefreshTokenUsed(const QByteArray &tokenHash, const QDateTime &at) override;
    [[nodiscard]] bool revokeRefreshFamily(const QString &familyId, const QDateTime &at) override;
    [[nodiscard]] bool revokeDeviceRefreshTokens(
        const QString &userId, const QString &deviceId, const QDateTime &at) override;
    [[nodiscard]] bool revokeUserRefreshTokens(const QString &userId, const QDateTime &at) override;

    [[nodiscard]] bool insertApiToken(const ApiToken &token) override;
    [[nodiscard]] std::optional<ApiToken> apiTokenByHash(const QByteArray &tokenHash) override;
    [[nodiscard]] QList<ApiToken> apiTokens(const QString &userId) override;
    [[nodiscard]] bool deleteApiToken(const QString &id) override;
    [[nodiscard]] std::optional<ApiToken> apiToken(const QString &id) override;
    void touchApiToken(const QString &id, const QDateTime &at) override;

    [[nodiscard]] bool upsertTopic(const Topic &topic) override;
    [[nodiscard]] std::optional<Topic> topic(const QString &name) override;
    [[nodiscard]] QList<Topic> topics() override;
    [[nodiscard]] bool subscribe(const QString &userId, const QString &topic) override;
    [[nodiscard]] bool unsubscribe(const QString &userId, const QString &topic) override;
    [[nodiscard]] QStringList subscriptions(const QString &userId) override;
    [[nodiscard]] QStringList subscribers(const QString &topic) override;
    [[nodiscard]] qint64 subscriberCount(const QString &topic) override;

    [[nodiscard]] std::optional<QJsonObject> preferences(const QString &userId) override;
    [[nodiscard]] bool savePreferences(const QString &userId, const QJsonObject &prefs) override;

    [[nodiscard]] std::optional<QList<PublishOutcome>> publishBatch(const QList<PublishItem> &items) override;

    [[nodiscard]] InboxPage inbox(const QString &userId, const InboxQuery &query, const QDateTime &now) override;
    [[nodiscard]] std::optional<Notification> inboxItem(
        const QString &userId, const QString &messageId, const QDateTime &now) override;
    [[nodiscard]] UnreadCounts unreadCounts(const QString &userId, const QDateTime &now) override;
    [[nodiscard]] qint64 headSeq(const QString &userId) override;

    [[nodiscard]] std::optional<StreamChange> markRead(
        const QString &userId, const QStringList &ids, const QDateTime &at) override;
    [[nodiscard]] std::optional<StreamChange> markUnread(
        const QString &userId, const QStringList &ids, const QDateTime &at) override;
    [[nodiscard]] std::optional<StreamChange> markAllRead(
        const QString &userId, const QString &topic, qint64 upToSeq, const QDateTime &at) override;
    [[nodiscard]] std::optional<StreamChange> deleteFromInbox(
        const QString &userId, const QStringList &ids, const QDateTime &at) override;
    [[nodiscard]] QStringList markDelivered(
        const QString &userId, const QStringList &ids, const QDateTime &at) override;

    [[nodiscard]] StreamSlice eventsSince(const QString &userId, qint64 sinceSeq, int limit) override;
    [[nodiscard]] qint64 seqBefore(const QString &userId, const QDateTime &since) override;
    qint64 pruneEvents(const QDateTime &before) override;

    [[nodiscard]] std::optional<QList<DeliveryJob>> claimJobs(const QString &workerId, const QDateTime &now,
        const QDateTime &leaseUntil, int limit, const QStringList &channels) override;
    qint64 completeJobs(const QList<JobCompletion> &completions, const QDateTime &at) override;
    qint64 reclaimJobs(const QDateTime &leaseEndedBefore, const QDateTime &at) override;
    [[nodiscard]] std::optional<DeliveryJob> job(const QString &id) override;
    [[nodiscard]] QList<DeliveryJob> jobsForMessage(const QString &messageId) override;
    [[nodiscard]] bool retryJob(const QString &jobId, const QDateTime &at) override;
    [[nodiscard]] std::optional<QDateTime> nextJobDue() override;
    [[nodiscard]] QHash<QString, qint64> pendingJobCounts() override;
    [[nodiscard]] std::optional<MessageRecord> message(const QString &id) override;
    [[nodiscard]] std::optional<QList<ReleasedMessage>> releaseScheduled(const QDateTime &now, int limit) override;
    [[nodiscard]] std::optional<CancelOutcome> cancelMessage(const QString &messageId, const QDateTime &at) override;

    [[nodiscard]] QStringList digestUserIds() override;
    [[nodiscard]] std::optional<QDateTime> digestLastRun(const QString &userId) override;
    [[nodiscard]] QList<DigestCandidate> digestCandidates(
        const QString &userId, const QDateTime &before, const QDateTime &now) override;
    [[nodiscard]] bool recordDigest(const QString &userId, const QDateTime &run,
        const std::optional<MessageRecord> &digest, const QStringList &includedJobIds,
        const QStringList &excludedJobIds, const QDateTime &now) override;

    [[nodiscard]] bool upsertWebhook(const Webhook &webhook) override;
    [[nodiscard]] QList<Webhook> webhooks(const QString &userId) override;
    [[nodiscard]] bool deleteWebhook(const QString &userId, const QString &id) override;
    [[nodiscard]] std::optional<Webhook> webhookFor(const QString &userId, const QString &topic) override;
    [[nodiscard]] bool removePushSubscription(const QString &userId, const QString &endpoint) override;

    // ---- broadcasts (SqliteStoreBroadcasts.cpp)
    [[nodiscard]] bool createBroadcast(const BroadcastRecord &b) override;
    [[nodiscard]] std::optional<BroadcastRecord> broadcast(const QString &id) override;
    [[nodiscard]] QList<BroadcastRecord> listBroadcasts(const QString &state, int offset, int limit) override;
    [[nodiscard]] qint64 countBroadcasts(const QString &state) override;
    [[nodiscard]] std::optional<BroadcastRecord> broadcastByIdempotencyKey(
        const QString &createdBy, const QString &key, const QDateTime &since) override;
    [[nodiscard]] std::optional<QList<BroadcastRecord>> dueBroadcasts(const QDateTime &now, int limit) override;
    [[nodiscard]] bool recordBroadcastRun(const BroadcastRun &run) override;
    qint64 endBroadcast(const QString &id, const QString &state, const QString &reason, const QDateTime &at) override;
    qint64 finishReleasedBroadcasts(const QDateTime &now) override;
    [[nodiscard]] bool deleteBroadcast(const QString &id) override;
    [[nodiscard]] std::optional<QList<BroadcastOccurrence>> broadcastOccurrences(
        const QStringList &broadcastIds) override;

    // ---- templates (SqliteStoreTemplates.cpp)
    [[nodiscard]] bool createTemplate(const TemplateRecord &t, const TemplateVersionRecord &first) override;
    [[nodiscard]] std::optional<int> addTemplateVersion(
        const TemplateRecord &t, const TemplateVersionRecord &version) override;
    [[nodiscard]] std::optional<TemplateRecord> templateById(const QString &id) override;
    [[nodiscard]] std::optional<TemplateRecord> templateByName(const QString &name) override;
    [[nodiscard]] QList<TemplateRecord> listTemplates(
        const QString &search, const QString &type, int offset, int limit) override;
    [[nodiscard]] qint64 countTemplates(const QString &search, const QString &type) override;
    [[nodiscard]] std::optional<TemplateVersionRecord> templateVersion(const QString &templateId, int version) override;
    [[nodiscard]] QList<TemplateVersionRecord> templateVersions(const QString &templateId) override;
    [[nodiscard]] bool deleteTemplate(const QString &id, const QDateTime &at) override;

    // ---- analytics and the delivery log (SqliteStoreAnalytics.cpp)
    [[nodiscard]] std::optional<AnalyticsData> analytics(const AnalyticsQuery &query) override;
    [[nodiscard]] std::optional<DeliveryPage> deliveries(const DeliveryQuery &query) override;
    [[nodiscard]] QList<DeliveryLogEntry> deliveryLog(const QString &jobId) override;
    [[nodiscard]] std::optional<EngagementOutcome> recordEngagement(Engagement kind, const QString &userId,
        const QStringList &messageIds, const QString &channel, const QDateTime &at) override;
    qint64 pruneNotifications(const QDateTime &before) override;
    qint64 pruneAnalytics(const QDateTime &before) override;

    [[nodiscard]] bool recordOperation(const QString &userId, const QString &opId, const QDateTime &at) override;

    // What analytics_hourly counts (SqliteStoreAnalytics.cpp).
    enum class Counter { Sent, Delivered, Read, Failed, Clicked, Dismissed };

private:
    // Writes one template version and its contents inside the caller's transaction
    // (SqliteStoreTemplates.cpp).
    [[nodiscard]] bool insertTemplateVersion(const TemplateVersionRecord &version, int number, const QDateTime &at);

    // Adds `n` to one counter of the hour containing `at`, inside the caller's
    // transaction; with `latencyMs` >= 0 also counts one latency sample (n times).
    [[nodiscard]] bool bumpRollup(const QDateTime &at, const QString &topic, const QString &channel, Counter counter,
        qint64 n, qint64 latencyMs = -1);
    // The inApp rollups of the inbox rows an UPDATE is about to change, counted set-based
    // (by topic and latency bucket) in the caller's transaction BEFORE that UPDATE.
    // `rows` selects them: "inbox [INDEXED BY ...] WHERE <condition without a top-level
    // OR>", with its values. Counter::Delivered counts them as delivered (latency =
    // at - created_at); Counter::Read as read, and those not delivered yet as delivered.
    [[nodiscard]] bool bumpInboxRollups(
        Counter counter, const QString &rows, const QVariantList &values, const QDateTime &at);
    // inApp `sent` for the recipients a publish put into inboxes now (not scheduled ones).
    [[nodiscard]] bool bumpPublished(const PublishItem &item, const PublishOutcome &outcome);

    // A cached prepared statement after a successful exec. It resets the statement when
    // it goes out of scope, so no statement is left "in progress" when the transaction
    // commits (SQLite refuses to COMMIT under a half-read RETURNING, for instance).
    class Stmt
    {
    public:
        Stmt() = default;
        explicit Stmt(QSqlQuery *q)
            : m_q(q)
        {
        }
        Stmt(Stmt &&other) noexcept;
        Stmt(const Stmt &) = delete;
        Stmt &operator=(const Stmt &) = delete;
        Stmt &operator=(Stmt &&) = delete;
        ~Stmt();

        explicit operator bool() const { return m_q != nullptr; }
        QSqlQuery *operator->() const { return m_q; }
        QSqlQuery &operator*() const { return *m_q; }

    private:
        QSqlQuery *m_q = nullptr;
    };

    // BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted. IMMEDIATE takes
    // the write lock at the start, so a transaction never fails half-way because another
    // connection wrote first (a deferred one would get SQLITE_BUSY on its first write).
    // One publish inside the caller's transaction.
    [[nodiscard]] std::optional<PublishOutcome> publishInTransaction(const PublishItem &item);
    // groupKey handling inside the publish transaction: sets out.duplicateOf, or merges
    // the recipients with an unread entry of the group (out.mergedInto/mergedSeqs) and
    // removes them from `recipients`.
    [[nodiscard]] bool applyGrouping(const MessageRecord &message, const QString &senderKey, const QString &hash,
        const QDateTime &createdAt, QStringList &recipients, PublishOutcome &out);
    [[nodiscard]] static QString contentHash(const NotificationContent &c);
    // Deletes stream events older than `cutoffMs` inside the caller's transaction,
    // moving each user's pruned_below so a resume from before them resyncs. Returns
    // how many went, -1 on failure.
    [[nodiscard]] qint64 dropEventsBefore(qint64 cutoffMs);
    // Advances each user's stream head by one, inside the caller's transaction: user ->
    // the seq just taken. nullopt when the database fails or not all `expected` moved.
    [[nodiscard]] std::optional<QHash<QString, qint64>> advanceHeads(const QString &usersJson, qsizetype expected);
    // A `notification` event for `messageId` at each user's current head.
    [[nodiscard]] bool appendNotificationEvents(const QString &messageId, const QString &usersJson, qint64 atMs);
    // The delivery jobs of one publish, inside its transaction (SqliteStoreDelivery.cpp).
    [[nodiscard]] bool insertJobs(const QString &messageId, const MessageRecord &message, const QString &recipientsJson,
        const QString &channelsJson, qint64 createdMs);

    class Transaction
    {
    public:
        explicit Transaction(SqliteStore &store);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;

        [[nodiscard]] bool ok() const { return m_active; }
        [[nodiscard]] bool commit();

    private:
        SqliteStore &m_store;
        bool m_active = false;
    };

    // Prepares `sql` on first use and keeps it; binds `values` positionally and executes.
    // An empty Stmt means failure, already logged and in lastError().
    [[nodiscard]] Stmt run(const QString &sql, std::initializer_list<QVariant> values = {})
    {
        return run(sql, values.begin(), qsizetype(values.size()));
    }
    // For statements whose parameters are assembled at run time (the inbox filters).
    [[nodiscard]] Stmt runList(const QString &sql, const QVariantList &values)
    {
        return run(sql, values.constData(), values.size());
    }
    [[nodiscard]] Stmt run(const QString &sql, const QVariant *values, qsizetype count);
    // run() for statements without a result; returns the number of rows changed, -1 on failure.
    [[nodiscard]] qint64 change(const QString &sql, std::initializer_list<QVariant> values = {});
    // run() for a single value (the first column of the first row); `fallback` when there is no row.
    [[nodiscard]] std::optional<QVariant> scalar(
        const QString &sql, std::initializer_list<QVariant> values, const QVariant &fallback = {});
    [[nodiscard]] QStringList column(const QString &sql, std::initializer_list<QVariant> values);
    void setError(const QString &context, const QSqlError &error);
    void setError(const QString &message);

    [[nodiscard]] bool applyPragmas();
    [[nodiscard]] bool ensureEpoch();

    [[nodiscard]] std::optional<qint64> nextSeq(const QString &userId);
    [[nodiscard]] std::optional<StreamChange> changeRows(
        const QString &userId, const QStringList &ids, const QDateTime &at, StreamEvent::Kind kind);
    [[nodiscard]] bool appendEvent(const QString &userId, const StreamEvent &event, const QJsonObject &payload);
    [[nodiscard]] std::optional<PublishOutcome> replayIdempotent(const QString &messageId, const QJsonObject &response);
    [[nodiscard]] StreamChange finishChange(
        const QString &userId, std::optional<StreamEvent> event, qint64 changedCount, const QDateTime &at);

    QString m_path;
    Options m_options;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    QString m_lastError;
    QString m_epoch;
    int m_schemaVersion = 0;
};

} // namespace Tidings::Server
