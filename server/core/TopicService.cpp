#include "core/TopicService.h"

#include "core/TopicAccess.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"

#include <QJsonArray>

namespace Tidings::Server {

TopicService::TopicService(Store &store)
    : m_store(store)
{
}

QJsonObject TopicService::topicJson(const Topic &topic)
{
    return {
        {QStringLiteral("name"), topic.name},
        {QStringLiteral("description"), topic.description},
        {QStringLiteral("read"), QJsonArray::fromStringList(topic.readAcl)},
        {QStringLiteral("publish"), QJsonArray::fromStringList(topic.publishAcl)},
        {QStringLiteral("groupingMode"), topic.groupingMode},
        {QStringLiteral("groupWindowSec"), topic.groupWindowSec},
        {QStringLiteral("createdAt"), Json::timeOrNull(topic.createdAt)},
    };
}

QJsonArray TopicService::visibleTopics(const User &user)
{
    const QStringList mine = m_store.subscriptions(user.id);
    QJsonArray out;
    const QList<Topic> all = m_store.topics();
    for (const Topic &t : all) {
        if (!TopicAccess::canRead(t, user))
            continue;
        QJsonObject o {
            {QStringLiteral("name"), t.name},
            {QStringLiteral("description"), t.description},
            {QStringLiteral("subscribed"), mine.contains(t.name)},
        };
        if (user.role == QLatin1String(Role::Admin)) {
            o.insert(QStringLiteral("subscribers"), m_store.subscriberCount(t.name));
            o.insert(QStringLiteral("read"), QJsonArray::fromStringList(t.readAcl));
            o.insert(QStringLiteral("publish"), QJsonArray::fromStringList(t.publishAcl));
        }
        out.append(o);
    }
    return out;
}

Expected<QStringList> TopicService::subscribe(const User &user, const QStringList &topics)
{
    for (const QString &name : topics) {
        const std::optional<Topic> t = m_store.topic(name);
        if (!t)
            return ProtocolError {QLatin1String(ErrorCode::NotFound),
                QStringLiteral("topic '%1' does not exist").arg(name), QStringLiteral("topics")};
        if (!TopicAccess::canRead(*t, user))
            return ProtocolError {QLatin1String(ErrorCode::Forbidden),
                QStringLiteral("not allowed to read topic '%1'").arg(name), QStringLiteral("topics")};
    }
    for (const QString &name : topics) {
        if (!m_store.subscribe(user.id, name))
            return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
    }
    return m_store.subscriptions(user.id);
}

Expected<QStringList> TopicService::unsubscribe(const User &user, const QStringList &topics)
{
    for (const QString &name : topics) {
        if (!m_store.unsubscribe(user.id, name))
            return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
    }
    return m_store.subscriptions(user.id);
}

} // namespace Tidings::Server
