#include "core/DeliveryPipeline.h"

#include "auth/TokenCrypto.h"
#include "core/Fanout.h"
#include "core/Metrics.h"
#include "core/PreferencesService.h"
#include "core/TemplateService.h"
#include "core/TrackingLinks.h"
#include "delivery/DigestComposer.h"
#include "delivery/DigestSchedule.h"
#include "delivery/EmailLayout.h"
#include "delivery/QuietHours.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

#include <utility>

Q_LOGGING_CATEGORY(lcPipeline, "tidings.server.delivery")

namespace Tidings::Server {

using namespace Delivery;

struct DeliveryPipeline::ChannelState
{
    ChannelState(std::unique_ptr<Channel> c, const Clock &clock, int threshold, qint64 openMs)
        : channel(std::move(c))
        , breaker(clock, threshold, openMs)
    {
    }

    std::unique_ptr<Channel> channel;
    CircuitBreaker breaker;
    int inFlight = 0;
};

namespace {

// The per-round lookups a batch of jobs shares: one message, user or preference
// document is read once however many of its jobs are in the batch.
class RoundCache
{
public:
    explicit RoundCache(Store &store, PreferencesService &prefs)
        : m_store(store)
        , m_prefs(prefs)
    {
    }

    const std::optional<MessageRecord> &message(const QString &id)
    {
        auto it = m_messages.find(id);
        if (it == m_messages.end())
            it = m_messages.insert(id, m_store.message(id));
        return *it;
    }
    const std::optional<User> &user(const QString &id)
    {
        auto it = m_users.find(id);
        if (it == m_users.end())
            it = m_users.insert(id, m_store.userById(id));
        return *it;
    }
    const Preferences &preferences(const QString &userId)
    {
        auto it = m_preferences.find(userId);
        if (it == m_preferences.end()) {
            Expected<Preferences> p = m_prefs.get(userId);
            it = m_preferences.insert(userId, p ? p.value() : Preferences {});
        }
        return *it;
    }

private:
    Store &m_store;
    PreferencesService &m_prefs;
    QHash<QString, std::optional<MessageRecord>> m_messages;
    QHash<QString, std::optional<User>> m_users;
    QHash<QString, Preferences> m_preferences;
};

bool channelAllowed(const ChannelSwitches &switches, const QString &channel)
{
    if (channel == QLatin1String(ChannelName::Email))
        return switches.email;
    if (channel == QLatin1String(ChannelName::Push))
        return switches.push;
    return true; // a webhook is switched off by removing it
}

std::optional<PushSubscription> pushSubscriptionOf(const Device &device)
{
    const QJsonObject &sub = device.pushSubscription;
    const QJsonObject keys = sub.value(QStringLiteral("keys")).toObject();
    auto decode = [&keys](const char *k) {
        return QByteArray::fromBase64(keys.value(QLatin1String(k)).toString().toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    PushSubscription p;
    p.deviceId = device.id;
    p.endpoint = sub.value(QStringLiteral("endpoint")).toString();
    p.p256dh = decode("p256dh");
    p.auth = decode("auth");
    if (p.endpoint.isEmpty() || p.p256dh.isEmpty() || p.auth.isEmpty())
        return std::nullopt;
    return p;
}

// A decision that ends a job without sending it: skipped (not an attempt) or failed
// (this attempt, e.g. a template that cannot render).
JobCompletion endWithout(const DeliveryJob &job, const char *state, const QString &why)
{
    JobCompletion c;
    c.jobId = job.id;
    c.state = QLatin1String(state);
    c.logEvent = c.state;
    const bool skipped = c.state == QLatin1String(JobState::Skipped);
    (skipped ? c.reason : c.error) = why;
    c.countAttempt = !skipped;
    return c;
}

JobCompletion skip(const DeliveryJob &job, const QString &reason)
{
    return endWithout(job, JobState::Skipped, reason);
}

// The moment the notification became due: latency is measured from here.
QDateTime dueSince(const Notification &n)
{
    return n.scheduledAt.isValid() && n.scheduledAt > n.createdAt ? n.scheduledAt : n.createdAt;
}

} // namespace

DeliveryPipeline::DeliveryPipeline(Services services, Options options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(std::move(options))
    , m_retry(m_options.retryScheduleMs)
    , m_workerId(TokenCrypto::newId())
{
    m_poll.setInterval(m_options.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &DeliveryPipeline::round);
}

DeliveryPipeline::~DeliveryPipeline() = default;

void DeliveryPipeline::addChannel(std::unique_ptr<Channel> channel)
{
    const QString name = channel->name();
    m_channels[name] = std::make_unique<ChannelState>(
        std::move(channel), m_services.clock, m_options.breakerFailureThreshold, m_options.breakerOpenMs);
}

Channel *DeliveryPipeline::channel(const QString &name) const
{
    const auto it = m_channels.find(name);
    return it == m_channels.end() ? nullptr : it->second->channel.get();
}

QStringList DeliveryPipeline::configuredChannels() const
{
    QStringList names;
    for (const auto &[name, state] : m_channels) {
        if (state->channel->isConfigured())
            names << name;
    }
    return names;
}

void DeliveryPipeline::start()
{
    // One SQLite node: whatever is still `sending` was in flight in a process that is
    // gone, however long its lease was meant to last.
    const QDateTime now = m_services.clock.now();
    const qint64 reclaimed = m_services.store.reclaimJobs(now.addYears(100), now);
    if (reclaimed > 0)
        qCWarning(lcPipeline) << reclaimed << "delivery jobs were in flight when the server last stopped;"
                              << "they are sent again and marked in the delivery log";
    else if (reclaimed < 0)
        qCWarning(lcPipeline) << "cannot reclaim in-flight delivery jobs:" << m_services.store.lastError();
    m_running = true;
    m_poll.start();
    wake();
}

void DeliveryPipeline::stop()
{
    m_running = false;
    m_poll.stop();
}

void DeliveryPipeline::wake()
{
    if (!m_running || m_roundQueued)
        return;
    m_roundQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_roundQueued = false;
            round();
        },
        Qt::QueuedConnection);
}

Expected<DeliveryJob> DeliveryPipeline::retry(const QString &jobId)
{
    const std::optional<DeliveryJob> job = m_services.store.job(jobId);
    if (!job)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no delivery '%1'").arg(jobId));
    if (job->state != QLatin1String(JobState::Failed))
        return ProtocolError::make(ErrorCode::Conflict,
            QStringLiteral("only a failed delivery can be retried; this one is %1").arg(job->state));
    if (!m_services.store.retryJob(jobId, m_services.clock.now()))
        return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
    wake();
    return *m_services.store.job(jobId);
}

CircuitBreaker::State DeliveryPipeline::breakerState(const QString &channel) const
{
    const auto it = m_channels.find(channel);
    return it == m_channels.end() ? CircuitBreaker::State::Closed : it->second->breaker.state();
}

void DeliveryPipeline::round()
{
    if (!m_running)
        return;
    const QDateTime now = m_services.clock.now();
    releaseDue();
    runDigests(now);
    // Claiming writes; looking does not. An idle round only reads, so it never waits
    // for another connection's write lock (WAL readers do not block).
    const std::optional<QDateTime> due = m_services.store.nextJobDue();
    if (due && *due <= now) {
        for (auto &[name, state] : m_channels)
            dispatch(*state);
    }
}

void DeliveryPipeline::runDigests(const QDateTime &now)
{
    // Digests run on minute boundaries at the finest; looking twice a minute is enough.
    if (m_lastDigestCheck.isValid() && now >= m_lastDigestCheck && m_lastDigestCheck.msecsTo(now) < 30'000)
        return;
    m_lastDigestCheck = now;
    Store &store = m_services.store;
    bool created = false;
    for (const QString &userId : store.digestUserIds()) {
        const Expected<Preferences> prefs = m_services.preferences.get(userId);
        if (!prefs)
            continue;
        const Expected<DigestSchedule> schedule
            = DigestSchedule::fromPreferences(prefs->digest, prefs->quietHours.timezone);
        if (!schedule)
            continue;
        const QDateTime run = schedule->previousRun(now);
        const std::optional<QDateTime> last = store.digestLastRun(userId);
        if (last && *last >= run)
            continue;
        if (!last) {
            // Just switched on: the first digest covers from the latest scheduled run.
            if (!store.recordDigest(userId, run, std::nullopt, {}, {}, now))
                qCWarning(lcPipeline) << "cannot start the digest of" << userId << ":" << store.lastError();
            continue;
        }
        QList<DigestComposer::Item> items;
        QStringList included;
        QStringList excluded;
        for (const DigestCandidate &c : store.digestCandidates(userId, run, now)) {
            if (!c.live || c.notification.readAt.isValid()) {
                excluded << c.jobId;
                continue;
            }
            included << c.jobId;
            const QString link = c.notification.content.click.isEmpty()
                ? QString()
                : m_services.links.clickUrl(
                    c.notification.id, userId, QLatin1String(ChannelName::Email), c.notification.content.click);
            items << DigestComposer::Item {c.notification, link};
        }
        std::optional<MessageRecord> digest;
        if (!items.isEmpty()) {
            const RenderedContent content
                = DigestComposer::compose(items, *last, run, schedule->timeZone(), QStringLiteral("Tidings"));
            MessageRecord m;
            m.id = TokenCrypto::newId();
            m.content.type = QLatin1String(kDigestType);
            m.content.title = content.subject;
            m.content.message = content.text;
            QJsonArray ids;
            for (const DigestComposer::Item &item : std::as_const(items))
                ids.append(item.notification.id);
            m.content.data = QJsonObject {{QStringLiteral("html"), content.html}, {QStringLiteral("items"), ids}};
            m.sender = Sender {QStringLiteral("system"), QString(), QStringLiteral("Tidings digest")};
            m.channels = {QLatin1String(ChannelName::Email)};
            m.createdAt = now;
            digest = std::move(m);
        }
        if (!store.recordDigest(userId, run, digest, included, excluded, now))
            qCWarning(lcPipeline) << "cannot record the digest of" << userId << ":" << store.lastError();
        else
            created = created || digest.has_value();
    }
    if (created)
        wake();
}

void DeliveryPipeline::releaseDue()
{
    for (;;) {
        const std::optional<QList<ReleasedMessage>> released
            = m_services.store.releaseScheduled(m_services.clock.now(), m_options.releaseBatch);
        if (!released) {
            qCWarning(lcPipeline) << "cannot release scheduled notifications:" << m_services.store.lastError();
            return;
        }
        for (const ReleasedMessage &r : *released) {
            m_services.fanout.deliverNotification(r.message.toNotification(), r.recipientSeqs);
            m_services.metrics.notificationPublished(int(r.recipientSeqs.size()));
        }
        if (released->size() < m_options.releaseBatch)
            return;
    }
}

void DeliveryPipeline::dispatch(ChannelState &state)
{
    CircuitBreaker &breaker = state.breaker;
    const CircuitBreaker::State breakerNow = breaker.state();
    if (breakerNow == CircuitBreaker::State::Open)
        return; // due jobs wait, still pending, for the breaker to half-open
    // Half-open lets exactly one request through: one job, and none while it is out.
    const bool probing = breakerNow == CircuitBreaker::State::HalfOpen;
    if (probing && state.inFlight > 0)
        return;
    // While the channel is failing, one batch at a time: the breaker then opens after
    // exactly its threshold of attempts instead of after everything already in flight.
    if (breaker.consecutiveFailures() > 0 && state.inFlight > 0)
        return;
    const int room = m_options.maxInFlightPerChannel - state.inFlight;
    if (room <= 0)
        return;
    const int limit = probing ? 1 : std::min(m_options.batchSize, room);

    const QDateTime now = m_services.clock.now();
    Channel &channel = *state.channel;
    const std::optional<QList<DeliveryJob>> claimed
        = m_services.store.claimJobs(m_workerId, now, now.addMSecs(m_options.leaseMs), limit, {channel.name()});
    if (!claimed) {
        qCWarning(lcPipeline) << "cannot claim" << channel.name() << "jobs:" << m_services.store.lastError();
        return;
    }
    if (claimed->isEmpty())
        return;

    RoundCache cache(m_services.store, m_services.preferences);
    QList<JobCompletion> decided;
    QList<DeliveryJob> jobs;
    QList<OutgoingDelivery> batch;
    for (const DeliveryJob &job : *claimed) {
        const std::optional<MessageRecord> &message = cache.message(job.messageId);
        const std::optional<User> &user = cache.user(job.userId);
        if (!message || !user || user->disabled) {
            decided << skip(job,
                user && user->disabled ? QStringLiteral("the user is disabled")
                                       : QStringLiteral("the notification or user no longer exists"));
            continue;
        }
        if (!channel.isConfigured()) {
            decided << skip(job, QStringLiteral("%1 is not configured on this server").arg(channel.name()));
            continue;
        }
        if (message->expiresAt.isValid() && message->expiresAt <= now) {
            decided << skip(job, QStringLiteral("expired"));
            continue;
        }
        const Preferences &prefs = cache.preferences(job.userId);
        const ChannelSwitches topicSwitches = prefs.topics.value(job.topic, prefs.global);
        if (!channelAllowed(prefs.global, job.channel) || !channelAllowed(topicSwitches, job.channel)) {
            decided << skip(job, QStringLiteral("preference off"));
            continue;
        }
        const Priority priority = message->content.priority;
        const bool isDigest = message->content.type == QLatin1String(kDigestType);
        if (job.channel == QLatin1String(ChannelName::Email) && prefs.digest.enabled && priority != Priority::Urgent
            && !isDigest) {
            // Collected into the user's next digest (runDigests), not emailed on its own.
            decided << skip(job, QStringLiteral("digest"));
            continue;
        }
        const QDateTime allowedAt = QuietHours(prefs.quietHours).nextAllowed(now, priority);
        if (allowedAt > now) {
            // Deferred, not dropped: due again when the window ends. Not an attempt.
            JobCompletion c;
            c.jobId = job.id;
            c.state = QLatin1String(JobState::Pending);
            c.nextAttemptAt = allowedAt;
            c.logEvent = QStringLiteral("deferred");
            c.reason = QStringLiteral("quiet hours until %1").arg(allowedAt.toString(Qt::ISODate));
            c.countAttempt = false;
            decided << c;
            continue;
        }

        Recipient recipient;
        recipient.userId = user->id;
        recipient.username = user->username;
        recipient.displayName = user->displayName;
        recipient.email = user->email;
        recipient.locale = user->locale;
        if (job.channel == QLatin1String(ChannelName::Email) && recipient.email.isEmpty()) {
            decided << skip(job, QStringLiteral("the user has no email address"));
            continue;
        }
        if (job.channel == QLatin1String(ChannelName::Push)) {
            for (const Device &d : m_services.store.devices(job.userId)) {
                if (std::optional<PushSubscription> p = pushSubscriptionOf(d))
                    recipient.pushSubscriptions << *p;
            }
            if (recipient.pushSubscriptions.isEmpty()) {
                decided << skip(job, QStringLiteral("the user has no push subscription"));
                continue;
            }
        }
        if (job.channel == QLatin1String(ChannelName::Webhook)) {
            const std::optional<Webhook> hook = m_services.store.webhookFor(job.userId, job.topic);
            if (!hook) {
                decided << skip(job, QStringLiteral("the user has no webhook for this topic"));
                continue;
            }
            recipient.webhookUrl = hook->url;
            recipient.webhookSecret = QString::fromUtf8(hook->secret);
        }

        Expected<RenderedContent> content = isDigest
            ? Expected<RenderedContent>(RenderedContent {message->content.title, message->content.message,
                message->content.data.value(QStringLiteral("html")).toString()})
            : m_services.templates.renderFor(*message, job.channel, recipient.locale);
        if (!content) {
            // The same input renders the same way every time: retrying cannot help.
            decided << endWithout(job, JobState::Failed, QStringLiteral("template: ") + content.error().message);
            continue;
        }

        OutgoingDelivery d;
        d.jobId = job.id;
        d.attempt = job.attempts;
        d.notification = message->toNotification();
        d.recipient = std::move(recipient);
        d.content = std::move(content).value();
        if (!message->content.click.isEmpty())
            d.clickUrl = m_services.links.clickUrl(message->id, job.userId, job.channel, message->content.click);
        if (job.channel == QLatin1String(ChannelName::Email)) {
            d.unsubscribeUrl = m_services.links.unsubscribeUrl(job.userId, job.topic, job.channel);
            // Every email has both parts, the (tracked) link and the way out.
            if (!isDigest)
                d.content = EmailLayout::apply(d.content, d.clickUrl, d.unsubscribeUrl, job.topic);
        }
        jobs << job;
        batch << std::move(d);
    }

    if (!decided.isEmpty()) {
        if (m_services.store.completeJobs(decided, now) < 0)
            qCWarning(lcPipeline) << "cannot record delivery decisions:" << m_services.store.lastError();
        for (const JobCompletion &c : decided) {
            if (c.state != QLatin1String(JobState::Pending))
                m_services.metrics.delivered(channel.name(), c.state);
        }
    }
    if (batch.isEmpty())
        return;

    if (probing && !breaker.allowRequest()) {
        // Cannot happen (checked above), but a claimed job must never be stranded.
        QList<JobCompletion> back;
        for (const DeliveryJob &job : std::as_const(jobs)) {
            JobCompletion c;
            c.jobId = job.id;
            c.state = QLatin1String(JobState::Pending);
            c.nextAttemptAt = now.addMSecs(breaker.msUntilRetry());
            c.logEvent = QStringLiteral("deferred");
            c.reason = QStringLiteral("circuit open");
            c.countAttempt = false;
            back << c;
        }
        (void)m_services.store.completeJobs(back, now);
        return;
    }

    const int n = int(batch.size());
    state.inFlight += n;
    m_inFlightTotal += n;
    auto inFlight = std::make_shared<InFlightBatch>();
    inFlight->state = &state;
    inFlight->jobs = std::move(jobs);
    inFlight->deliveries = std::move(batch);
    inFlight->answered.resize(n);
    inFlight->remaining = n;
    QPointer<DeliveryPipeline> self(this);
    channel.deliver(inFlight->deliveries, [self, inFlight](int index, const DeliveryResult &result) {
        if (self)
            self->onResult(*inFlight, index, result);
    });
}

void DeliveryPipeline::onResult(InFlightBatch &batch, int index, const DeliveryResult &result)
{
    if (index < 0 || index >= batch.answered.size() || batch.answered[index])
        return;
    batch.answered[index] = true;
    --batch.remaining;
    ChannelState &state = *batch.state;
    const DeliveryJob &job = batch.jobs.at(index);
    const QString channel = state.channel->name();
    const QDateTime now = m_services.clock.now();

    JobCompletion c;
    c.jobId = job.id;
    c.error = result.error;
    c.providerCode = result.providerCode;
    c.providerResponse = result.providerResponse;
    c.latencyMs = result.latencyMs;
    for (const QString &endpoint : result.goneEndpoints) {
        if (!m_services.store.removePushSubscription(job.userId, endpoint))
            qCWarning(lcPipeline) << "cannot remove a gone push subscription:" << m_services.store.lastError();
    }
    switch (result.outcome) {
    case Outcome::Sent: {
        c.state = QLatin1String(JobState::Sent);
        c.logEvent = QStringLiteral("sent");
        state.breaker.recordSuccess();
        const qint64 latencyMs = dueSince(batch.deliveries.at(index).notification).msecsTo(now);
        m_services.metrics.observeDeliveryLatency(channel, double(latencyMs) / 1000.0);
        break;
    }
    case Outcome::Permanent:
        // The receiver answered and refused this one (a bad address, a 4xx): the
        // channel itself works, so the breaker counts it as a success.
        c.state = QLatin1String(JobState::Failed);
        c.logEvent = QStringLiteral("failed");
        state.breaker.recordSuccess();
        break;
    case Outcome::Retryable: {
        state.breaker.recordFailure();
        const std::optional<qint64> delay = m_retry.delayMs(job.attempts, result.retryAfterMs);
        if (delay) {
            c.state = QLatin1String(JobState::Pending);
            c.nextAttemptAt = now.addMSecs(*delay);
            c.logEvent = QStringLiteral("retry");
        } else {
            c.state = QLatin1String(JobState::Failed);
            c.logEvent = QStringLiteral("failed");
            c.error = QStringLiteral("gave up after %1 attempts: %2").arg(job.attempts).arg(result.error);
        }
        break;
    }
    }
    m_services.metrics.delivered(
        channel, c.state == QLatin1String(JobState::Pending) ? QStringLiteral("retry") : c.state);
    batch.unrecorded << c;
    --state.inFlight;
    --m_inFlightTotal;

    // A result is written soon after it arrives, not when the whole batch is done: what
    // a crash can make us send twice is only what went out since the last write.
    if (batch.remaining == 0 || batch.unrecorded.size() >= kRecordEvery) {
        record(batch);
    } else if (!batch.recordQueued) {
        batch.recordQueued = true;
        QTimer::singleShot(
            kRecordWithinMs, this, [this, weak = std::weak_ptr<InFlightBatch>(batch.shared_from_this())] {
                if (const std::shared_ptr<InFlightBatch> b = weak.lock())
                    record(*b);
            });
    }
}

void DeliveryPipeline::record(InFlightBatch &batch)
{
    batch.recordQueued = false;
    if (batch.unrecorded.isEmpty())
        return;
    const QList<JobCompletion> completions = std::exchange(batch.unrecorded, {});
    if (m_services.store.completeJobs(completions, m_services.clock.now()) < 0)
        qCWarning(lcPipeline) << "cannot record" << completions.size() << batch.state->channel->name()
                              << "delivery results:" << m_services.store.lastError();
    wake();
}

} // namespace Tidings::Server
