#pragma once

#include "protocol/Expected.h"
#include "store/Records.h"

#include <QJsonArray>

namespace Tidings::Server {

class Store;

// Topics a user may see and their subscriptions, with the read ACL enforced.
class TopicService
{
public:
    explicit TopicService(Store &store);

    // [{name, description, subscribed, subscribers?}] of the topics `user` may read.
    [[nodiscard]] QJsonArray visibleTopics(const User &user);
    // Subscribes to every topic or none: NOT_FOUND for an unknown topic, FORBIDDEN
    // without read permission. Returns the user's subscriptions afterwards.
    [[nodiscard]] Expected<QStringList> subscribe(const User &user, const QStringList &topics);
    [[nodiscard]] Expected<QStringList> unsubscribe(const User &user, const QStringList &topics);

    [[nodiscard]] static QJsonObject topicJson(const Topic &topic);

private:
    Store &m_store;
};

} // namespace Tidings::Server
