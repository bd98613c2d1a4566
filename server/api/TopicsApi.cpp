#include "api/TopicsApi.h"

#include "api/ApiUtil.h"
#include "core/TopicAccess.h"
#include "core/TopicService.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

HttpResponse subscriptionsResponse(const Expected<QStringList> &result)
{
    if (!result)
        return HttpResponse::error(result.error());
    return HttpResponse::json({{QStringLiteral("topics"), QJsonArray::fromStringList(result.value())}});
}

HttpResponse invalidTopic()
{
    return HttpResponse::error(
        ErrorCode::Validation, QStringLiteral("topic must match ^[A-Za-z0-9_-]{1,64}$"), QStringLiteral("name"));
}

// Applies the admin's partial topic document to `topic`.
std::optional<ProtocolError> applyTopicPatch(Topic &topic, const QJsonObject &body)
{
    for (const char *key : {"read", "publish"}) {
        const QString k = QLatin1String(key);
        Expected<std::optional<QStringList>> acl = Json::optStringList(body, k);
        if (!acl)
            return acl.error();
        if (!acl->has_value())
            continue;
        if (const QString bad = TopicAccess::invalidEntry(acl->value()); !bad.isEmpty())
            return ProtocolError::validation(
                k, QStringLiteral("'%1' is not an ACL entry (use *, role:<role> or user:<id>)").arg(bad));
        (k == QLatin1String("read") ? topic.readAcl : topic.publishAcl) = acl->value();
    }
    Expected<std::optional<QString>> description = Json::optString(body, QStringLiteral("description"));
    if (!description)
        return description.error();
    if (description->has_value()) {
        if (description->value().size() > 500)
            return ProtocolError::validation(
                QStringLiteral("description"), QStringLiteral("description is longer than 500 characters"));
        topic.description = description->value();
    }
    Expected<std::optional<QString>> mode = Json::optString(body, QStringLiteral("groupingMode"));
    if (!mode)
        return mode.error();
    if (mode->has_value()) {
        if (mode->value() != QLatin1String("count") && mode->value() != QLatin1String("replace"))
            return ProtocolError::validation(
                QStringLiteral("groupingMode"), QStringLiteral("groupingMode must be count or replace"));
        topic.groupingMode = mode->value();
    }
    Expected<std::optional<qint64>> window = Json::optInteger(body, QStringLiteral("groupWindowSec"));
    if (!window)
        return window.error();
    if (window->has_value()) {
        if (window->value() < 0 || window->value() > 86400)
            return ProtocolError::validation(
                QStringLiteral("groupWindowSec"), QStringLiteral("groupWindowSec must be between 0 and 86400"));
        topic.groupWindowSec = int(window->value());
    }
    return std::nullopt;
}

} // namespace

TopicsApi::TopicsApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/topics"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireRead(req))
            return *denied;
        return HttpResponse::json({{QStringLiteral("topics"), m_ctx.topics.visibleTopics(req.auth().user)}});
    });
    http.route(
        Method::Put, QStringLiteral("/api/topics/:name/subscription"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            if (!isValidTopicName(req.param(0)))
                return invalidTopic();
            return subscriptionsResponse(m_ctx.topics.subscribe(req.auth().user, {req.param(0)}));
        });
    http.route(Method::Delete, QStringLiteral("/api/topics/:name/subscription"), Access::Authenticated,
        [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            if (!isValidTopicName(req.param(0)))
                return invalidTopic();
            return subscriptionsResponse(m_ctx.topics.unsubscribe(req.auth().user, {req.param(0)}));
        });

    http.route(Method::Get, QStringLiteral("/api/admin/topics"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        QJsonArray out;
        const QList<Topic> topics = m_ctx.store.topics();
        for (const Topic &t : topics) {
            QJsonObject o = TopicService::topicJson(t);
            o.insert(QStringLiteral("subscribers"), m_ctx.store.subscriberCount(t.name));
            out.append(o);
        }
        return HttpResponse::json({{QStringLiteral("topics"), out}});
    });
    http.route(Method::Put, QStringLiteral("/api/admin/topics/:name"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        const QString name = req.param(0);
        if (!isValidTopicName(name))
            return invalidTopic();
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        std::optional<Topic> existing = m_ctx.store.topic(name);
        Topic topic = existing.value_or(Topic {});
        topic.name = name;
        if (!existing)
            topic.createdAt = m_ctx.clock.now();
        if (std::optional<ProtocolError> err = applyTopicPatch(topic, body.value()))
            return HttpResponse::error(*err);
        if (!m_ctx.store.upsertTopic(topic))
            return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
        QJsonObject o = TopicService::topicJson(topic);
        o.insert(QStringLiteral("subscribers"), m_ctx.store.subscriberCount(name));
        return HttpResponse::json(existing ? 200 : 201, o);
    });
}

} // namespace Tidings::Server
