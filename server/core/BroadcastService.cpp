#include "core/BroadcastService.h"

#include "auth/TokenCrypto.h"
#include "core/BroadcastJson.h"
#include "core/PublishService.h"
#include "core/TemplateService.h"
#include "delivery/CronSchedule.h"
#include "protocol/JsonUtil.h"
#include "protocol/PublishRequest.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimeZone>

#include <cmath>

Q_LOGGING_CATEGORY(lcBroadcasts, "tidings.server.broadcasts")

namespace Tidings::Server {

using Delivery::CronSchedule;

namespace {

constexpr int kNameMaxChars = 200;
constexpr int kMaxOccurrences = 100000;
constexpr int kDueBatch = 100; // runs started per round; the rest wait for the next one

// The keys of a create body that are the broadcast's, not the publish's.
const char *const kBroadcastKeys[] = {"name", "schedule", "recurring"};

bool present(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return !v.isUndefined() && !v.isNull();
}

ProtocolError unavailable()
{
    return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
}

// Failures worth trying again on the next round; anything else fails the broadcast.
bool isTransient(const ProtocolError &e)
{
    return e.code == QLatin1String(ErrorCode::Unavailable) || e.code == QLatin1String(ErrorCode::Internal);
}

// Every run publishes as the creator, whatever token created the broadcast.
AuthContext creatorContext(const User &user)
{
    AuthContext ctx;
    ctx.kind = AuthContext::Kind::User;
    ctx.user = user;
    return ctx;
}

QTimeZone zoneOf(const QString &id)
{
    return QTimeZone(id.toUtf8());
}

struct ScheduleInput
{
    QString cron;
    QString cronField; // as the client spelled it, for errors: schedule.cron, recurring.pattern
    QString timeZone;
    int maxOccurrences = 0;
};

// `schedule` (the seed's `recurring` is an alias, with `pattern` for `cron`); nullopt = a one-off.
Expected<std::optional<ScheduleInput>> readSchedule(const QJsonObject &body)
{
    const QString key
        = present(body, QStringLiteral("recurring")) ? QStringLiteral("recurring") : QStringLiteral("schedule");
    if (present(body, QStringLiteral("schedule")) && present(body, QStringLiteral("recurring")))
        return ProtocolError::validation(key, QStringLiteral("give schedule or its alias recurring, not both"));
    const QJsonValue value = body.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<ScheduleInput>();
    if (!value.isObject())
        return ProtocolError::validation(
            key, key + QStringLiteral(" must be an object {cron, timezone, maxOccurrences}"));
    const QJsonObject o = value.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        static const QStringList known = {QStringLiteral("cron"), QStringLiteral("pattern"), QStringLiteral("timezone"),
            QStringLiteral("maxOccurrences")};
        if (!known.contains(it.key()))
            return ProtocolError::validation(key + QLatin1Char('.') + it.key(),
                QStringLiteral("%1.%2 is not a schedule field (cron, timezone, maxOccurrences)").arg(key, it.key()));
    }

    ScheduleInput in;
    if (present(o, QStringLiteral("cron")) && present(o, QStringLiteral("pattern")))
        return ProtocolError::validation(
            key + QStringLiteral(".pattern"), QStringLiteral("give cron or its alias pattern, not both"));
    in.cronField = key + (present(o, QStringLiteral("pattern")) ? QStringLiteral(".pattern") : QStringLiteral(".cron"));
    const QJsonValue cron = o.value(in.cronField.mid(key.size() + 1));
    in.cron = cron.toString().trimmed();
    if (!cron.isString() || in.cron.isEmpty())
        return ProtocolError::validation(in.cronField,
            in.cronField + QStringLiteral(" must be a 5-field cron expression such as \"0 9 * * MON-FRI\""));

    const QString tzField = key + QStringLiteral(".timezone");
    const QJsonValue tz = o.value(QLatin1String("timezone"));
    in.timeZone = tz.isUndefined() || tz.isNull() ? QStringLiteral("UTC") : tz.toString().trimmed();
    if ((!tz.isUndefined() && !tz.isNull() && !tz.isString()) || !zoneOf(in.timeZone).isValid())
        return ProtocolError::validation(
            tzField, tzField + QStringLiteral(" must be an IANA time zone such as Europe/Berlin"));

    const QString maxField = key + QStringLiteral(".maxOccurrences");
    const QJsonValue max = o.value(QLatin1String("maxOccurrences"));
    if (!max.isUndefined() && !max.isNull()) {
        const double n = max.toDouble();
        if (!max.isDouble() || std::floor(n) != n || n < 1 || n > kMaxOccurrences)
            return ProtocolError::validation(maxField,
                maxField
                    + QStringLiteral(" must be an integer from 1 to %1, or null for no limit").arg(kMaxOccurrences));
        in.maxOccurrences = int(n);
    }
    return std::optional<ScheduleInput>(in);
}

qint64 pendingJobs(const BroadcastOccurrence &o)
{
    qint64 n = 0;
    for (const QHash<QString, qint64> &byState : o.jobs)
        n += byState.value(QLatin1String(JobState::Pending));
    return n;
}

} // namespace

struct BroadcastService::Draft
{
    QString name;
    QJsonObject request; // stored: the publish body without the broadcast's own keys
    PublishRequest publish;
    std::optional<ScheduleInput> schedule;
    QDateTime firstRun;
};

BroadcastService::BroadcastService(Store &store, PublishService &publisher, TemplateService &templates,
    const Clock &clock, int pollMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_publisher(publisher)
    , m_templates(templates)
    , m_clock(clock)
{
    m_timer.setInterval(qMax(10, pollMs));
    connect(&m_timer, &QTimer::timeout, this, &BroadcastService::runDue);
}

const QStringList &BroadcastService::states()
{
    static const QStringList list = {QLatin1String(BroadcastState::Active), QLatin1String(BroadcastState::Scheduled),
        QLatin1String(BroadcastState::Finished), QLatin1String(BroadcastState::Cancelled),
        QLatin1String(BroadcastState::Failed)};
    return list;
}

// ---- create, read, cancel, estimate

Expected<BroadcastService::Draft> BroadcastService::parse(
    const AuthContext &caller, const QJsonObject &body, const QDateTime &now)
{
    Draft d;
    Expected<std::optional<QString>> name = Json::optString(body, QStringLiteral("name"));
    if (!name)
        return name.error();
    d.name = name->value_or(QString()).trimmed();
    if (d.name.toUcs4().size() > kNameMaxChars)
        return ProtocolError::validation(
            QStringLiteral("name"), QStringLiteral("name is longer than %1 characters").arg(kNameMaxChars));
    Expected<std::optional<ScheduleInput>> schedule = readSchedule(body);
    if (!schedule)
        return schedule.error();
    d.schedule = schedule.value();

    d.request = body;
    for (const char *key : kBroadcastKeys)
        d.request.remove(QLatin1String(key));
    Expected<PublishRequest> publish = PublishRequest::fromJson(d.request, now);
    if (!publish)
        return publish.error();
    d.publish = publish.value();
    // The creator's key names the broadcast; each run gets its own (publishRun).
    d.request.remove(QLatin1String("idempotencyKey"));
    if (d.name.isEmpty())
        d.name = d.publish.content.title.isEmpty() ? d.publish.templateId : d.publish.content.title;
    if (!d.schedule)
        return d; // the publish itself checks the rest, before anything is stored

    const ScheduleInput &in = *d.schedule;
    if (d.publish.expiresAt.isValid())
        return ProtocolError::validation(QStringLiteral("expiresAt"),
            QStringLiteral("a recurring broadcast cannot have expiresAt: every run would expire at the same instant"));
    Expected<CronSchedule> cron = CronSchedule::parse(in.cron, zoneOf(in.timeZone), in.cronField);
    if (!cron)
        return cron.error();
    // scheduledAt, if later, is when the schedule starts; a slot exactly then counts.
    const QDateTime start
        = d.publish.scheduledAt.isValid() && d.publish.scheduledAt > now ? d.publish.scheduledAt : now;
    d.firstRun = cron->next(start.addMSecs(-1));
    if (!d.firstRun.isValid())
        return ProtocolError::validation(in.cronField, QStringLiteral("the schedule has no run in the next ten years"));

    // Runs happen later, unattended: what a publish would refuse is refused now.
    PublishRequest effective = d.publish;
    if (!effective.templateId.isEmpty()) {
        Expected<TemplateService::Applied> applied
            = m_templates.applyToPublish(effective.templateId, effective.variables, effective.content);
        if (!applied)
            return applied.error();
        effective.content = applied->content;
    }
    Expected<QStringList> recipients = m_publisher.resolveRecipients(creatorContext(caller.user), effective);
    if (!recipients)
        return recipients.error();
    return d;
}

void BroadcastService::create(const AuthContext &caller, const QJsonObject &body, CreateDone done)
{
    const QDateTime now = m_clock.now();
    Expected<Draft> draft = parse(caller, body, now);
    if (!draft)
        return done(draft.error());
    const QString key = draft->publish.idempotencyKey;
    if (!key.isEmpty()) {
        if (const std::optional<BroadcastRecord> earlier
            = m_store.broadcastByIdempotencyKey(caller.user.id, key, now.addDays(-1))) {
            Expected<QJsonObject> doc = document(earlier->id);
            if (!doc)
                return done(doc.error());
            return done(Created {doc.value(), true});
        }
    }

    BroadcastRecord b;
    b.id = TokenCrypto::newId();
    b.name = draft->name;
    b.createdBy = caller.user.id;
    b.createdAt = now;
    b.updatedAt = now;
    b.request = draft->request;
    b.idempotencyKey = key;
    if (draft->schedule) {
        b.cron = draft->schedule->cron;
        b.timeZone = draft->schedule->timeZone;
        b.maxOccurrences = draft->schedule->maxOccurrences;
        b.nextRunAt = draft->firstRun;
    } else {
        b.nextRunAt = now; // published below; due at once if this process dies first
    }
    if (!m_store.createBroadcast(b)) {
        qCWarning(lcBroadcasts).noquote() << "cannot store a broadcast:" << m_store.lastError();
        return done(unavailable());
    }
    if (b.isRecurring())
        return done(Created {BroadcastJson::toJson(b, {}, true), false});

    const QString id = b.id;
    publishRun(b, [this, id, done](const std::optional<ProtocolError> &error) {
        // Internal: stored but not counted; the scheduler counts it (the same key replays).
        if (error && error->code != QLatin1String(ErrorCode::Internal)) {
            // Refused or not stored: as if it had never been created.
            if (!m_store.deleteBroadcast(id))
                qCWarning(lcBroadcasts).noquote() << "cannot remove refused broadcast" << id << m_store.lastError();
            return done(*error);
        }
        Expected<QJsonObject> doc = document(id);
        if (!doc)
            return done(doc.error());
        done(Created {doc.value(), false});
    });
}

Expected<QJsonObject> BroadcastService::get(const QString &id)
{
    return document(id);
}

Expected<BroadcastService::Page> BroadcastService::list(const QString &state, int offset, int limit)
{
    Page page;
    page.total = m_store.countBroadcasts(state);
    const QList<BroadcastRecord> records = m_store.listBroadcasts(state, offset, limit);
    QStringList ids;
    for (const BroadcastRecord &b : records)
        ids << b.id;
    const std::optional<QList<BroadcastOccurrence>> runs = m_store.broadcastOccurrences(ids);
    if (!runs)
        return unavailable();
    QHash<QString, QList<BroadcastOccurrence>> runsOf;
    for (const BroadcastOccurrence &o : *runs)
        runsOf[o.broadcastId].append(o);
    for (const BroadcastRecord &b : records)
        page.broadcasts.append(BroadcastJson::toJson(b, runsOf.value(b.id), false));
    return page;
}

Expected<QJsonObject> BroadcastService::cancel(const QString &id)
{
    // A run waiting for the next group commit is stored now, so it is cancelled with
    // the rest instead of reaching inboxes after this answer.
    if (m_inFlight.contains(id))
        m_publisher.flush();
    const QDateTime now = m_clock.now();
    if (m_store.finishReleasedBroadcasts(now) < 0)
        return unavailable();
    const std::optional<BroadcastRecord> b = m_store.broadcast(id);
    if (!b)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no broadcast %1").arg(id));
    if (b->state != QLatin1String(BroadcastState::Active) && b->state != QLatin1String(BroadcastState::Scheduled))
        return ProtocolError::make(
            ErrorCode::Conflict, QStringLiteral("the broadcast is %1: nothing is left to cancel").arg(b->state));
    if (m_store.endBroadcast(id, QLatin1String(BroadcastState::Cancelled), {}, now) < 0)
        return unavailable();
    const std::optional<QList<BroadcastOccurrence>> runs = m_store.broadcastOccurrences({id});
    if (!runs)
        return unavailable();
    for (const BroadcastOccurrence &o : *runs) {
        const bool waiting = !o.releasedAt.isValid() && !o.cancelledAt.isValid();
        if ((waiting || pendingJobs(o) > 0) && !m_store.cancelMessage(o.messageId, now))
            return unavailable();
    }
    qCInfo(lcBroadcasts).noquote() << "broadcast" << id << "cancelled after" << b->occurrences << "runs";
    return document(id);
}

Expected<qint64> BroadcastService::estimate(const AuthContext &caller, const QJsonObject &body)
{
    QJsonObject o = body;
    for (const char *key : kBroadcastKeys)
        o.remove(QLatin1String(key));
    // Only the audience matters: a body without content still parses.
    if (!present(o, QStringLiteral("title")) && !present(o, QStringLiteral("templateId")))
        o.insert(QStringLiteral("title"), QStringLiteral("estimate"));
    Expected<PublishRequest> request = PublishRequest::fromJson(o, m_clock.now());
    if (!request)
        return request.error();
    PublishRequest probe = request.value();
    const QString topic = probe.content.topic;
    if (!topic.isEmpty() && !m_store.topic(topic)) {
        // resolveRecipients would create the topic, and an estimate writes nothing. A
        // topic nobody configured has the default ACL (everyone may read it), so as the
        // audience it reaches exactly its subscribers.
        const bool audience = probe.recipients.isEmpty() && probe.roles.isEmpty() && !probe.broadcast;
        probe.content.topic.clear();
        if (audience)
            probe.recipients = m_store.subscribers(topic);
    }
    Expected<QStringList> recipients = m_publisher.resolveRecipients(creatorContext(caller.user), probe);
    if (!recipients)
        return recipients.error();
    return qint64(recipients->size());
}

Expected<QJsonObject> BroadcastService::document(const QString &id)
{
    const std::optional<BroadcastRecord> b = m_store.broadcast(id);
    if (!b)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no broadcast %1").arg(id));
    const std::optional<QList<BroadcastOccurrence>> runs = m_store.broadcastOccurrences({id});
    if (!runs)
        return unavailable();
    return BroadcastJson::toJson(*b, *runs, true);
}

// ---- the scheduler

void BroadcastService::start()
{
    m_timer.start();
    // What came due while the server was down runs now, not one interval later.
    QTimer::singleShot(0, this, [this] { runDue(); });
}

void BroadcastService::stop()
{
    m_timer.stop();
}

int BroadcastService::runDue()
{
    const QDateTime now = m_clock.now();
    if (m_store.finishReleasedBroadcasts(now) < 0)
        qCWarning(lcBroadcasts).noquote() << "cannot finish released broadcasts:" << m_store.lastError();
    const std::optional<QList<BroadcastRecord>> due = m_store.dueBroadcasts(now, kDueBatch);
    if (!due) {
        qCWarning(lcBroadcasts).noquote() << "cannot read due broadcasts:" << m_store.lastError();
        return 0;
    }
    int started = 0;
    for (const BroadcastRecord &b : *due) {
        if (m_inFlight.contains(b.id))
            continue;
        ++started;
        const QString id = b.id;
        publishRun(b, [this, id](const std::optional<ProtocolError> &error) {
            if (!error)
                return;
            if (isTransient(*error)) {
                qCWarning(lcBroadcasts).noquote() << "broadcast" << id << "run postponed:" << error->message;
                return;
            }
            qCWarning(lcBroadcasts).noquote() << "broadcast" << id << "failed:" << error->message;
            if (m_store.endBroadcast(id, QLatin1String(BroadcastState::Failed), error->message, m_clock.now()) < 0)
                qCWarning(lcBroadcasts).noquote() << "cannot mark broadcast" << id << "failed:" << m_store.lastError();
        });
    }
    return started;
}

void BroadcastService::publishRun(const BroadcastRecord &b, RunDone done)
{
    const std::optional<User> creator = m_store.userById(b.createdBy);
    QString refusal;
    if (!creator)
        refusal = QStringLiteral("its creator (user %1) no longer exists").arg(b.createdBy);
    else if (creator->disabled)
        refusal = QStringLiteral("its creator %1 is disabled").arg(creator->username);
    else if (creator->role != QLatin1String(Role::Admin))
        refusal = QStringLiteral("its creator %1 is no longer an admin").arg(creator->username);
    if (!refusal.isEmpty())
        return done(ProtocolError::make(ErrorCode::Forbidden, refusal));

    QJsonObject body = b.request;
    if (b.isRecurring())
        body.remove(QLatin1String("scheduledAt")); // where the schedule started, not this run's time
    Expected<PublishRequest> request = PublishRequest::fromJson(body, m_clock.now());
    if (!request)
        return done(ProtocolError {request.error().code,
            QStringLiteral("its request can no longer be published: ") + request.error().message,
            request.error().field});
    const int occurrence = b.occurrences + 1;
    request->idempotencyKey = QStringLiteral("broadcast:%1:%2").arg(b.id).arg(occurrence);
    const QDateTime scheduledAt = request->scheduledAt;

    m_inFlight.insert(b.id);
    const QPointer<BroadcastService> self(this);
    m_publisher.publish(
        creatorContext(*creator), request.value(),
        [self, b, occurrence, scheduledAt, done](const Expected<QJsonObject> &accepted) {
            if (!self)
                return;
            self->m_inFlight.remove(b.id);
            if (!accepted)
                return done(accepted.error());
            self->recordRun(b, occurrence, accepted->value(QLatin1String("id")).toString(), scheduledAt, done);
        },
        b.id);
}

void BroadcastService::recordRun(const BroadcastRecord &b, int occurrence, const QString &messageId,
    const QDateTime &scheduledAt, const RunDone &done)
{
    const QDateTime now = m_clock.now();
    BroadcastRun run;
    run.broadcastId = b.id;
    run.messageId = messageId;
    run.occurrence = occurrence;
    run.at = now;
    if (!b.isRecurring()) {
        const bool waits = scheduledAt.isValid() && scheduledAt > now;
        run.state = QLatin1String(waits ? BroadcastState::Scheduled : BroadcastState::Finished);
        if (waits)
            run.nextRunAt = scheduledAt;
    } else if (b.maxOccurrences > 0 && occurrence >= b.maxOccurrences) {
        run.state = QLatin1String(BroadcastState::Finished);
    } else {
        // From now, not from the slot this run was due at: runs missed while the server
        // was down collapse into the one just published.
        const Expected<CronSchedule> cron = CronSchedule::parse(b.cron, zoneOf(b.timeZone));
        run.nextRunAt = cron ? cron->next(now) : QDateTime();
        run.state = QLatin1String(run.nextRunAt.isValid() ? BroadcastState::Active : BroadcastState::Finished);
    }
    if (!m_store.recordBroadcastRun(run)) {
        qCWarning(lcBroadcasts).noquote() << "broadcast" << b.id << "run" << occurrence << "published as" << messageId
                                          << "but not counted:" << m_store.lastError();
        return done(ProtocolError::make(ErrorCode::Internal,
            QStringLiteral("the broadcast was published but could not be recorded; it will be recorded on retry")));
    }
    Q_EMIT runRecorded(b.id, occurrence);
    done(std::nullopt);
}

} // namespace Tidings::Server
