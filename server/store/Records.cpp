#include "store/Records.h"

#include "protocol/JsonUtil.h"

#include <QJsonArray>

namespace Tidings::Server {

QJsonObject User::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("email"), email},
        {QStringLiteral("role"), role},
        {QStringLiteral("disabled"), disabled},
        {QStringLiteral("createdAt"), Json::timeOrNull(createdAt)},
        {QStringLiteral("locale"), locale},
    };
}

QJsonObject Device::toJson() const
{
    // The push subscription holds the browser's encryption secrets: clients only need
    // to know whether one is registered.
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("platform"), platform},
        {QStringLiteral("hasPushSubscription"), !pushSubscription.isEmpty()},
        {QStringLiteral("createdAt"), Json::timeOrNull(createdAt)},
        {QStringLiteral("lastSeenAt"), Json::timeOrNull(lastSeenAt)},
    };
}

Notification MessageRecord::toNotification() const
{
    Notification n;
    n.id = id;
    n.content = content;
    n.createdAt = createdAt;
    n.scheduledAt = scheduledAt;
    n.expiresAt = expiresAt;
    n.sender = sender;
    n.status = QLatin1String(Status::Pending);
    return n;
}

QJsonObject ApiToken::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("name"), name},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
        {QStringLiteral("topics"), QJsonArray::fromStringList(topicGlobs)},
        {QStringLiteral("createdAt"), Json::timeOrNull(createdAt)},
        {QStringLiteral("lastUsedAt"), Json::timeOrNull(lastUsedAt)},
        {QStringLiteral("expiresAt"), Json::timeOrNull(expiresAt)},
    };
}

} // namespace Tidings::Server
