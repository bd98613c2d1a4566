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
    };
}

} // namespace Tidings::Server
