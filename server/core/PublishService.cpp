#include "core/PublishService.h"

#include "auth/TokenCrypto.h"
#include "core/DeliveryPipeline.h"
#include "core/Fanout.h"
#include "core/Metrics.h"
#include "core/TemplateService.h"
#include "core/TopicAccess.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QLoggingCategory>
#include <QSet>

#include <utility>

Q_LOGGING_CATEGORY(lcPublish, "tidings.server.publish")

namespace Tidings::Server {

PublishService::PublishService(Store &store, Fanout &fanout, DeliveryPipeline &pipeline, TemplateService &templates,
    Metrics &metrics, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_fanout(fanout)
    , m_pipeline(pipeline)
    , m_templates(templates)
    , m_metrics(metrics)
    , m_clock(clock)
{
}

Expected<QStringList> PublishService::resolveRecipients(const AuthContext &ctx, const PublishRequest &request)
{
    QStringList ids;
    QSet<QString> seen;
    auto add = [&](const QStringList &more) {
        for (const QString &id : more) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
    };

    if (!request.recipients.isEmpty()) {
        const QStringList resolved = m_store.resolveUserRefs(request.recipients);
        if (resolved.size() < QSet<QString>(request.recipients.cbegin(), request.recipients.cend()).size()) {
            // Name the first reference that matched nobody, so the publisher can fix it.
            for (const QString &ref : request.recipients) {
                if (m_store.resolveUserRefs({ref}).isEmpty())
                    return ProtocolError::validation(
                        QStringLiteral("recipients"), QStringLiteral("unknown user '%1'").arg(ref));
            }
        }
        add(resolved);
    }

    const QString topicName = request.content.topic;
    if (!topicName.isEmpty()) {
        std::optional<Topic> topic = m_store.topic(topicName);
        const bool isNew = !topic;
        if (isNew) {
            // Topics come into being on first publish, as in ntfy, with the default ACLs;
            // they are checked before anything is created.
            topic = Topic {};
            topic->name = topicName;
            topic->createdAt = m_clock.now();
        }
        if (!TopicAccess::canPublish(*topic, ctx))
            return ProtocolError {QLatin1String(ErrorCode::Forbidden),
                QStringLiteral("not allowed to publish to topic '%1'").arg(topicName), QStringLiteral("topic")};
        if (isNew && !m_store.upsertTopic(*topic))
            return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
        // With an explicit audience the topic only labels the notification; on its own
        // it is the audience: its subscribers who may read it.
        const bool labelOnly = !request.recipients.isEmpty() || !request.roles.isEmpty() || request.broadcast;
        if (!labelOnly) {
            const QStringList subscribers = m_store.subscribers(topicName);
            if (topic->readAcl.contains(QStringLiteral("*"))) {
                add(subscribers);
            } else {
                QStringList readers;
                for (const QString &id : subscribers) {
                    const std::optional<User> u = m_store.userById(id);
                    if (u && TopicAccess::canRead(*topic, *u))
                        readers << id;
                }
                add(readers);
            }
        }
    }

    if (!request.roles.isEmpty())
        add(m_store.userIdsWithRoles(request.roles));
    if (request.broadcast)
        add(m_store.allUserIds());

    if (!request.excludeUsers.isEmpty()) {
        const QStringList excluded = m_store.resolveUserRefs(request.excludeUsers);
        const QSet<QString> ex(excluded.cbegin(), excluded.cend());
        ids.erase(
            std::remove_if(ids.begin(), ids.end(), [&ex](const QString &id) { return ex.contains(id); }), ids.end());
    }
    return ids;
}

void PublishService::publish(
    const AuthContext &ctx, const PublishRequest &request, Done done, const QString &broadcastId)
{
    auto fail = [&done](const ProtocolError &e) { done(e); };
    if (!ctx.hasPublishScope())
        return fail(ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("this token lacks the publish scope")));
    const bool direct = !request.recipients.isEmpty() || !request.roles.isEmpty() || request.broadcast;
    if (direct && !ctx.canPublish())
        return fail(ProtocolError::make(ErrorCode::Forbidden,
            QStringLiteral("sending to users, roles or everyone needs the publisher or admin role; "
                           "publish to a topic whose ACL admits you instead")));
    if (request.content.topic.isEmpty() && !ctx.topicGlobs.isEmpty())
        return fail(ProtocolError {QLatin1String(ErrorCode::Forbidden),
            QStringLiteral("this token may only publish to its topics; set `topic`"), QStringLiteral("topic")});
    if (direct && !ctx.topicGlobs.isEmpty())
        return fail(ProtocolError::make(
            ErrorCode::Forbidden, QStringLiteral("a topic-restricted token can only reach a topic's subscribers")));
    // A template fills in title, message, type and topic before anything else is
    // checked, so a topic it labels the notification with passes the same ACL.
    PublishRequest templated;
    int templateVersion = 0;
    if (!request.templateId.isEmpty()) {
        Expected<TemplateService::Applied> applied
            = m_templates.applyToPublish(request.templateId, request.variables, request.content);
        if (!applied)
            return fail(applied.error());
        templated = request;
        templated.content = applied->content;
        templated.templateId = applied->templateId;
        templateVersion = applied->version;
    }
    const PublishRequest &effective = request.templateId.isEmpty() ? request : templated;

    Expected<QStringList> recipients = resolveRecipients(ctx, effective);
    if (!recipients)
        return fail(recipients.error());

    const QDateTime now = m_clock.now();
    PublishItem item;
    MessageRecord &message = item.message;
    message.id = TokenCrypto::newId();
    message.content = effective.content;
    message.sender = ctx.sender();
    message.channels = request.channels;
    message.createdAt = now;
    message.scheduledAt = request.scheduledAt;
    message.expiresAt = request.expiresAt;
    message.templateId = effective.templateId;
    message.templateVersion = templateVersion;
    message.broadcastId = broadcastId;
    message.variables = effective.variables;
    const bool scheduled = request.scheduledAt.isValid() && request.scheduledAt > now;
    item.response = QJsonObject {
        {QStringLiteral("id"), message.id},
        {QStringLiteral("recipients"), recipients->size()},
        {QStringLiteral("status"), scheduled ? QLatin1String(Status::Scheduled) : QStringLiteral("accepted")},
    };
    item.recipientIds = std::move(recipients).value();
    item.senderKey = ctx.senderKey();
    item.idempotencyKey = request.idempotencyKey;
    item.jobChannels = jobChannels(request.channels);

    m_pending.append(std::move(item));
    m_pendingDone.append(std::move(done));
    if (m_pending.size() >= MaxBatch) {
        flush();
    } else if (!m_flushQueued) {
        // A queued call runs once the loop has handled the events it is processing
        // now, so every publish read in this pass joins the batch.
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &PublishService::flush, Qt::QueuedConnection);
    }
}

QStringList PublishService::jobChannels(const QStringList &requested) const
{
    // In-app is always stored; the rest are delivery jobs. Asked for by name, a channel
    // gets its jobs even when this server cannot send on it, so the delivery log says
    // why nothing went out; by default only the channels that can send are used.
    if (requested.isEmpty())
        return m_pipeline.configuredChannels();
    QStringList out;
    for (const QString &channel : requested) {
        if (channel != QLatin1String(ChannelName::InApp) && channel != QLatin1String("desktop")
            && !out.contains(channel))
            out << channel;
    }
    return out;
}

void PublishService::flush()
{
    m_flushQueued = false;
    if (m_pending.isEmpty())
        return;
    const QList<PublishItem> items = std::exchange(m_pending, {});
    const QList<Done> done = std::exchange(m_pendingDone, {});

    const std::optional<QList<PublishOutcome>> outcomes = m_store.publishBatch(items);
    if (!outcomes) {
        qCWarning(lcPublish) << "publish batch of" << items.size() << "not stored:" << m_store.lastError();
        const ProtocolError unavailable = ProtocolError::make(
            ErrorCode::Unavailable, QStringLiteral("the database is not available; nothing was published"));
        for (const Done &d : done)
            d(unavailable);
        return;
    }

    // Fan out first: the frames leave in this pass, the 202s right after.
    for (qsizetype i = 0; i < items.size(); ++i) {
        const PublishOutcome &outcome = outcomes->at(i);
        if (outcome.replayedIdempotent)
            continue;
        if (!outcome.recipientSeqs.isEmpty())
            m_fanout.deliverNotification(items.at(i).message.toNotification(), outcome.recipientSeqs);
        for (const PublishOutcome::Merge &merge : outcome.merges) {
            // The group entry, as it reads now, replaces itself on the merged devices.
            if (const std::optional<MessageRecord> group = m_store.message(merge.messageId))
                m_fanout.deliverNotification(group->toNotification(), merge.seqs);
        }
    }
    m_pipeline.wake();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const PublishOutcome &outcome = outcomes->at(i);
        if (outcome.replayedIdempotent) {
            done.at(i)(outcome.idempotentResponse);
        } else if (!outcome.duplicateOf.isEmpty()) {
            done.at(i)(QJsonObject {{QStringLiteral("id"), outcome.duplicateOf}, {QStringLiteral("recipients"), 0},
                {QStringLiteral("status"), QStringLiteral("duplicate")}});
        } else if (!outcome.merges.isEmpty()) {
            m_metrics.notificationPublished(int(items.at(i).recipientIds.size()));
            QJsonObject response = items.at(i).response;
            response.insert(QStringLiteral("groupedInto"), outcome.merges.constFirst().messageId);
            done.at(i)(response);
        } else {
            m_metrics.notificationPublished(int(items.at(i).recipientIds.size()));
            done.at(i)(items.at(i).response);
        }
    }
}

} // namespace Tidings::Server
