#include "api/InboxApi.h"

#include "api/ApiUtil.h"
#include "core/StreamService.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "protocol/WsFrame.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

InboxApi::InboxApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    auto bind = [this](HttpResponse (InboxApi::*fn)(HttpRequest &)) {
        return [this, fn](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            return (this->*fn)(req);
        };
    };
    http.route(Method::Get, QStringLiteral("/api/notifications"), Access::Authenticated, bind(&InboxApi::list));
    http.route(Method::Get, QStringLiteral("/api/notifications/:id"), Access::Authenticated, bind(&InboxApi::get));
    http.route(
        Method::Put, QStringLiteral("/api/notifications/:id/read"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            return setRead(req, true);
        });
    http.route(
        Method::Put, QStringLiteral("/api/notifications/:id/unread"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            return setRead(req, false);
        });
    http.route(
        Method::Put, QStringLiteral("/api/notifications/read-all"), Access::Authenticated, bind(&InboxApi::readAll));
    http.route(Method::Put, QStringLiteral("/api/notifications/mark-all-read"), Access::Authenticated,
        bind(&InboxApi::readAll));
    http.route(
        Method::Delete, QStringLiteral("/api/notifications/:id"), Access::Authenticated, bind(&InboxApi::remove));
    http.route(Method::Get, QStringLiteral("/api/stream"), Access::Authenticated, bind(&InboxApi::stream));
}

HttpResponse InboxApi::list(HttpRequest &req)
{
    InboxQuery q;
    Expected<qint64> page = ApiUtil::intQuery(req, QStringLiteral("page"), 1, 1, 1000000);
    Expected<qint64> limit = ApiUtil::intQuery(req, QStringLiteral("limit"), 20, 1, 100);
    Expected<qint64> sinceSeq
        = ApiUtil::intQuery(req, QStringLiteral("sinceSeq"), 0, 0, std::numeric_limits<qint64>::max());
    Expected<qint64> beforeSeq
        = ApiUtil::intQuery(req, QStringLiteral("beforeSeq"), 0, 0, std::numeric_limits<qint64>::max());
    for (const auto *e : {&page, &limit, &sinceSeq, &beforeSeq}) {
        if (!*e)
            return HttpResponse::error(e->error());
    }
    q.page = int(page.value());
    q.limit = int(limit.value());
    q.sinceSeq = sinceSeq.value();
    q.beforeSeq = beforeSeq.value();
    q.topic = req.queryValue(QStringLiteral("topic"));
    if (q.topic.isEmpty())
        q.topic = req.queryValue(QStringLiteral("channel"));
    if (!q.topic.isEmpty() && !isValidTopicName(q.topic))
        return HttpResponse::error(
            ErrorCode::Validation, QStringLiteral("topic must match ^[A-Za-z0-9_-]{1,64}$"), QStringLiteral("topic"));
    const QString status = req.queryValue(QStringLiteral("status"));
    if (!status.isEmpty()) {
        if (status != QLatin1String("unread") && status != QLatin1String("read") && status != QLatin1String("all"))
            return HttpResponse::error(
                ErrorCode::Validation, QStringLiteral("status must be unread, read or all"), QStringLiteral("status"));
        q.status = status;
    }
    q.search = req.queryValue(QStringLiteral("q"));
    if (q.search.size() > 200)
        return HttpResponse::error(
            ErrorCode::Validation, QStringLiteral("q is longer than 200 characters"), QStringLiteral("q"));

    const QString userId = req.auth().user.id;
    const QDateTime now = m_ctx.clock.now();
    const InboxPage result = m_ctx.store.inbox(userId, q, now);
    QJsonArray items;
    for (const Notification &n : result.notifications)
        items.append(n.toJson());
    return HttpResponse::json({
        {QStringLiteral("notifications"), items},
        {QStringLiteral("pagination"), ApiUtil::paginationJson(q.page, q.limit, result.total)},
        {QStringLiteral("unread"), m_ctx.store.unreadCounts(userId, now).toJson()},
        {QStringLiteral("headSeq"), m_ctx.store.headSeq(userId)},
        {QStringLiteral("epoch"), m_ctx.store.epoch()},
    });
}

HttpResponse InboxApi::get(HttpRequest &req)
{
    const std::optional<Notification> n = m_ctx.store.inboxItem(req.auth().user.id, req.param(0), m_ctx.clock.now());
    if (!n)
        return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("notification not found"));
    return HttpResponse::json(n->toJson());
}

std::optional<HttpResponse> InboxApi::duplicateOperation(const HttpRequest &req)
{
    const QString opId = QString::fromUtf8(req.header(QByteArrayLiteral("X-Tidings-Op-Id")));
    if (opId.size() > 128)
        return HttpResponse::error(
            ErrorCode::Validation, QStringLiteral("X-Tidings-Op-Id is longer than 128 characters"));
    if (m_ctx.streams.claimOperation(req.auth().user.id, opId))
        return std::nullopt;
    return HttpResponse::json({{QStringLiteral("duplicate"), true}, {QStringLiteral("opId"), opId}});
}

HttpResponse InboxApi::setRead(HttpRequest &req, bool read)
{
    const QString userId = req.auth().user.id;
    const QString id = req.param(0);
    const QDateTime now = m_ctx.clock.now();
    // A replayed op id is a duplicate even if its notification has been deleted since
    // (an offline queue replaying "read, delete"), as over the WebSocket.
    if (auto dup = duplicateOperation(req))
        return *dup;
    const std::optional<Notification> before = m_ctx.store.inboxItem(userId, id, now);
    if (!before)
        return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("notification not found"));
    Expected<StreamChange> change
        = read ? m_ctx.streams.markRead(userId, {id}) : m_ctx.streams.markUnread(userId, {id});
    if (!change)
        return HttpResponse::error(change.error());
    // Read is sticky: a new read event carries its time, an already-read one keeps its own.
    const QDateTime readAt = !read ? QDateTime() : change->event ? change->event->at : before->readAt;
    return HttpResponse::json({
        {QStringLiteral("id"), id},
        {QStringLiteral("readAt"), Json::timeOrNull(readAt)},
        {QStringLiteral("seq"), change->event ? change->event->seq : change->headSeq},
        {QStringLiteral("unread"), change->unread.toJson()},
    });
}

HttpResponse InboxApi::readAll(HttpRequest &req)
{
    Expected<QJsonObject> body = req.json();
    if (!body)
        return HttpResponse::error(body.error());
    Expected<ReadAllRequest> r = parseReadAll(body.value());
    if (!r)
        return HttpResponse::error(r.error());
    if (auto dup = duplicateOperation(req))
        return *dup;
    const QString userId = req.auth().user.id;
    Expected<StreamChange> change = m_ctx.streams.markAllRead(userId, r->topic, r->upToSeq);
    if (!change)
        return HttpResponse::error(change.error());
    return HttpResponse::json({
        {QStringLiteral("markedCount"), change->changedCount},
        {QStringLiteral("unread"), change->unread.toJson()},
        {QStringLiteral("seq"), change->event ? change->event->seq : change->headSeq},
    });
}

HttpResponse InboxApi::remove(HttpRequest &req)
{
    const QString userId = req.auth().user.id;
    const QString id = req.param(0);
    if (auto dup = duplicateOperation(req))
        return *dup;
    if (!m_ctx.store.inboxItem(userId, id, m_ctx.clock.now()))
        return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("notification not found"));
    Expected<StreamChange> change = m_ctx.streams.remove(userId, {id});
    if (!change)
        return HttpResponse::error(change.error());
    return HttpResponse::json({
        {QStringLiteral("id"), id},
        {QStringLiteral("seq"), change->event ? change->event->seq : change->headSeq},
        {QStringLiteral("unread"), change->unread.toJson()},
    });
}

HttpResponse InboxApi::stream(HttpRequest &req)
{
    Expected<qint64> since
        = ApiUtil::intQuery(req, QStringLiteral("sinceSeq"), 0, 0, std::numeric_limits<qint64>::max());
    Expected<qint64> limit = ApiUtil::intQuery(req, QStringLiteral("limit"), 500, 1, 5000);
    for (const auto *e : {&since, &limit}) {
        if (!*e)
            return HttpResponse::error(e->error());
    }
    const QString userId = req.auth().user.id;
    const QString epoch = req.queryValue(QStringLiteral("epoch"));
    const QString current = m_ctx.store.epoch();
    auto resync = [&](const QString &why) {
        QJsonObject err = ProtocolError::make(ErrorCode::Resync, why).toJson();
        return HttpResponse::json(409,
            {{QStringLiteral("error"), err}, {QStringLiteral("epoch"), current},
                {QStringLiteral("headSeq"), m_ctx.store.headSeq(userId)}});
    };
    if (!epoch.isEmpty() && epoch != current)
        return resync(QStringLiteral("epoch changed: the server's data was reset; reload the inbox"));
    const StreamSlice slice = m_ctx.store.eventsSince(userId, since.value(), int(limit.value()));
    if (slice.resyncRequired)
        return resync(QStringLiteral("events after sinceSeq are no longer available; reload the inbox"));
    QJsonArray events;
    for (const StreamEvent &e : slice.events)
        events.append(QJsonObject {
            {QStringLiteral("event"), StreamEvent::kindName(e.kind)}, {QStringLiteral("data"), e.toData()}});
    const qint64 last = slice.events.isEmpty() ? since.value() : slice.events.constLast().seq;
    return HttpResponse::json({
        {QStringLiteral("epoch"), current},
        {QStringLiteral("headSeq"), slice.headSeq},
        {QStringLiteral("events"), events},
        {QStringLiteral("hasMore"), last < slice.headSeq},
    });
}

} // namespace Tidings::Server
