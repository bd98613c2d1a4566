#include "core/BroadcastJson.h"

#include "delivery/CronSchedule.h"
#include "protocol/JsonUtil.h"
#include "store/Records.h"

#include <QJsonArray>
#include <QTimeZone>

namespace Tidings::Server::BroadcastJson {

using Delivery::CronSchedule;

namespace {

constexpr int kUpcoming = 5; // run times previewed in `schedule.upcoming`

QJsonObject channelJson(const QHash<QString, qint64> &byState)
{
    return {
        {QStringLiteral("sent"), byState.value(QLatin1String(JobState::Sent))},
        {QStringLiteral("failed"), byState.value(QLatin1String(JobState::Failed))},
        // In flight counts as pending: it has not been sent yet.
        {QStringLiteral("pending"),
            byState.value(QLatin1String(JobState::Pending)) + byState.value(QLatin1String(JobState::Sending))},
        {QStringLiteral("skipped"), byState.value(QLatin1String(JobState::Skipped))},
        {QStringLiteral("cancelled"), byState.value(QLatin1String(JobState::Cancelled))},
    };
}

QJsonObject statsJson(
    qint64 recipients, qint64 delivered, qint64 read, const QHash<QString, QHash<QString, qint64>> &jobs)
{
    QJsonObject channels;
    for (const char *channel : {ChannelName::Email, ChannelName::Push, ChannelName::Webhook})
        channels.insert(QLatin1String(channel), channelJson(jobs.value(QLatin1String(channel))));
    return {
        {QStringLiteral("recipients"), recipients},
        {QStringLiteral("delivered"), delivered},
        {QStringLiteral("read"), read},
        {QStringLiteral("channels"), channels},
    };
}

} // namespace

QJsonObject toJson(const BroadcastRecord &b, const QList<BroadcastOccurrence> &runs, bool perOccurrence)
{
    qint64 recipients = 0;
    qint64 delivered = 0;
    qint64 read = 0;
    QHash<QString, QHash<QString, qint64>> jobs;
    QJsonArray byOccurrence;
    for (const BroadcastOccurrence &o : runs) {
        recipients += o.recipients;
        delivered += o.delivered;
        read += o.read;
        for (auto ch = o.jobs.constBegin(); ch != o.jobs.constEnd(); ++ch) {
            for (auto st = ch->constBegin(); st != ch->constEnd(); ++st)
                jobs[ch.key()][st.key()] += st.value();
        }
        if (perOccurrence) {
            QJsonObject run = statsJson(o.recipients, o.delivered, o.read, o.jobs);
            run.insert(QStringLiteral("messageId"), o.messageId);
            run.insert(QStringLiteral("at"), Json::formatTime(o.createdAt));
            run.insert(QStringLiteral("scheduledAt"), Json::timeOrNull(o.scheduledAt));
            run.insert(QStringLiteral("status"),
                o.cancelledAt.isValid()       ? QStringLiteral("cancelled")
                    : !o.releasedAt.isValid() ? QStringLiteral("scheduled")
                                              : QStringLiteral("sent"));
            byOccurrence.append(run);
        }
    }
    QJsonObject stats = statsJson(recipients, delivered, read, jobs);
    if (perOccurrence)
        stats.insert(QStringLiteral("byOccurrence"), byOccurrence);

    QJsonValue schedule = QJsonValue::Null;
    QJsonValue scheduledAt = QJsonValue::Null;
    if (b.isRecurring()) {
        const Expected<CronSchedule> cron = CronSchedule::parse(b.cron, QTimeZone(b.timeZone.toUtf8()));
        QJsonArray upcoming;
        if (b.state == QLatin1String(BroadcastState::Active) && b.nextRunAt.isValid()) {
            const int left = b.maxOccurrences > 0 ? qMin(kUpcoming, b.maxOccurrences - b.occurrences) : kUpcoming;
            if (left > 0)
                upcoming.append(Json::formatTime(b.nextRunAt));
            if (cron && left > 1) {
                for (const QDateTime &t : cron->nextRuns(b.nextRunAt, left - 1))
                    upcoming.append(Json::formatTime(t));
            }
        }
        schedule = QJsonObject {
            {QStringLiteral("cron"), b.cron},
            {QStringLiteral("timezone"), b.timeZone},
            {QStringLiteral("maxOccurrences"), b.maxOccurrences > 0 ? QJsonValue(b.maxOccurrences) : QJsonValue()},
            {QStringLiteral("description"), cron ? cron->describe() : b.cron},
            {QStringLiteral("nextRunAt"), Json::timeOrNull(b.nextRunAt)},
            {QStringLiteral("upcoming"), upcoming},
        };
    } else {
        const Expected<QDateTime> at = Json::parseTime(b.request.value(QLatin1String("scheduledAt")), {});
        if (at && at->isValid() && at.value() > b.createdAt)
            scheduledAt = Json::formatTime(at.value());
    }

    return {
        {QStringLiteral("id"), b.id},
        {QStringLiteral("name"), b.name},
        {QStringLiteral("state"), b.state},
        {QStringLiteral("createdAt"), Json::formatTime(b.createdAt)},
        {QStringLiteral("createdBy"), b.createdBy},
        {QStringLiteral("updatedAt"), Json::timeOrNull(b.updatedAt)},
        {QStringLiteral("request"), b.request},
        {QStringLiteral("scheduledAt"), scheduledAt},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("occurrences"), b.occurrences},
        {QStringLiteral("lastMessageId"), b.lastMessageId.isEmpty() ? QJsonValue() : QJsonValue(b.lastMessageId)},
        {QStringLiteral("cancelledAt"), Json::timeOrNull(b.cancelledAt)},
        {QStringLiteral("failureReason"), b.failureReason.isEmpty() ? QJsonValue() : QJsonValue(b.failureReason)},
        {QStringLiteral("stats"), stats},
    };
}

} // namespace Tidings::Server::BroadcastJson
