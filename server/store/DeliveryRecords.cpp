// The JSON of the delivery log as GET /api/admin/deliveries shows it.

#include "store/Records.h"

#include "protocol/JsonUtil.h"
#include "store/SqlValues.h"

namespace Tidings::Server {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject DeliveryJob::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("messageId"), messageId},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("status"), state},
        {QStringLiteral("topic"), stringOrNull(topic)},
        {QStringLiteral("priority"), priorityToString(SqlValues::priorityFrom(priority))},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("reclaimed"), reclaimed},
        {QStringLiteral("nextAttemptAt"),
            state == QLatin1String(JobState::Pending) ? Json::timeOrNull(nextAttemptAt) : QJsonValue::Null},
        {QStringLiteral("createdAt"), Json::timeOrNull(createdAt)},
        {QStringLiteral("updatedAt"), Json::timeOrNull(updatedAt)},
        {QStringLiteral("sentAt"), Json::timeOrNull(sentAt)},
        {QStringLiteral("lastError"), stringOrNull(lastError)},
        {QStringLiteral("reason"), stringOrNull(reason)},
        {QStringLiteral("providerCode"), stringOrNull(providerCode)},
    };
}

QJsonObject DeliveryLogEntry::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("jobId"), stringOrNull(jobId)},
        {QStringLiteral("messageId"), messageId},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("topic"), stringOrNull(topic)},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("event"), event},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("error"), stringOrNull(error)},
        {QStringLiteral("providerCode"), stringOrNull(providerCode)},
        {QStringLiteral("providerResponse"), stringOrNull(providerResponse)},
        {QStringLiteral("latencyMs"), latencyMs >= 0 ? QJsonValue(latencyMs) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("at"), Json::timeOrNull(at)},
    };
}

} // namespace Tidings::Server
