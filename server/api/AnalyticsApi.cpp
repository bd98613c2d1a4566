#include "api/AnalyticsApi.h"

#include "api/ApiUtil.h"
#include "core/DeliveryPipeline.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

constexpr int kMaxFilterChars = 128;

bool isJobState(const QString &s)
{
    for (const char *state : {JobState::Pending, JobState::Sending, JobState::Sent, JobState::Failed, JobState::Skipped,
             JobState::Cancelled}) {
        if (s == QLatin1String(state))
            return true;
    }
    return false;
}

} // namespace

AnalyticsApi::AnalyticsApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
    , m_analytics(ctx.store)
{
    auto admin = [this](HttpResponse (AnalyticsApi::*fn)(HttpRequest &)) {
        return [this, fn](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            return (this->*fn)(req);
        };
    };
    http.route(Method::Get, QStringLiteral("/api/analytics"), Access::Authenticated, admin(&AnalyticsApi::analytics));
    http.route(
        Method::Get, QStringLiteral("/api/admin/deliveries"), Access::Authenticated, admin(&AnalyticsApi::deliveries));
    http.route(Method::Get, QStringLiteral("/api/admin/deliveries/:id"), Access::Authenticated,
        admin(&AnalyticsApi::delivery));
    http.route(Method::Post, QStringLiteral("/api/admin/deliveries/:id/retry"), Access::Authenticated,
        admin(&AnalyticsApi::retry));
}

HttpResponse AnalyticsApi::analytics(HttpRequest &req)
{
    Expected<AnalyticsRequest> request = AnalyticsService::parseRequest(req.query(), m_ctx.clock.now());
    if (!request)
        return HttpResponse::error(request.error());
    Expected<QJsonObject> report = m_analytics.report(request.value());
    if (!report)
        return HttpResponse::error(report.error());
    return HttpResponse::json(report.value());
}

HttpResponse AnalyticsApi::deliveries(HttpRequest &req)
{
    const Expected<ApiUtil::PageQuery> page = ApiUtil::pageQuery(req, 20, 100);
    if (!page)
        return HttpResponse::error(page.error());
    DeliveryQuery q;
    q.page = int(page->page);
    q.limit = int(page->limit);
    q.status = req.queryValue(QStringLiteral("status"));
    if (!q.status.isEmpty() && !isJobState(q.status))
        return HttpResponse::error(ErrorCode::Validation,
            QStringLiteral("status must be pending, sending, sent, failed, skipped or cancelled"),
            QStringLiteral("status"));
    const QString channel = req.queryValue(QStringLiteral("channel"));
    if (!channel.isEmpty()) {
        q.channel = AnalyticsService::canonicalChannel(channel);
        if (q.channel.isEmpty())
            return HttpResponse::error(ErrorCode::Validation,
                QStringLiteral("channel must be inApp, email, push or webhook"), QStringLiteral("channel"));
    }
    q.messageId = req.queryValue(QStringLiteral("messageId"));
    q.userId = req.queryValue(QStringLiteral("userId"));
    for (const auto &[key, value] : {std::pair {"messageId", &q.messageId}, std::pair {"userId", &q.userId}}) {
        if (value->size() > kMaxFilterChars)
            return HttpResponse::error(ErrorCode::Validation,
                QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(key)).arg(kMaxFilterChars),
                QLatin1String(key));
    }
    // The console's user filter takes what the admin knows: an id or a username.
    if (!q.userId.isEmpty() && !m_ctx.store.userById(q.userId)) {
        if (const std::optional<User> user = m_ctx.store.userByUsername(q.userId))
            q.userId = user->id;
    }
    for (const auto &[key, value] : {std::pair {"from", &q.from}, std::pair {"to", &q.to}}) {
        const QString text = req.queryValue(QLatin1String(key));
        if (text.isEmpty())
            continue;
        Expected<QDateTime> t = Json::parseTime(QJsonValue(text), QLatin1String(key));
        if (!t)
            return HttpResponse::error(t.error());
        *value = t.value();
    }
    if (q.from.isValid() && q.to.isValid() && q.from >= q.to)
        return HttpResponse::error(
            ErrorCode::Validation, QStringLiteral("from must be before to"), QStringLiteral("from"));

    const std::optional<DeliveryPage> result = m_ctx.store.deliveries(q);
    if (!result)
        return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
    QJsonArray items;
    QHash<QString, QJsonValue> usernames;
    for (const DeliveryJob &job : result->deliveries)
        items.append(jobJson(job, usernames));
    return HttpResponse::json({
        {QStringLiteral("deliveries"), items},
        {QStringLiteral("pagination"), ApiUtil::paginationJson(q.page, q.limit, result->total)},
    });
}

HttpResponse AnalyticsApi::delivery(HttpRequest &req)
{
    const std::optional<DeliveryJob> job = m_ctx.store.job(req.param(0));
    if (!job)
        return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("delivery not found"));
    return HttpResponse::json(deliveryJson(*job));
}

HttpResponse AnalyticsApi::retry(HttpRequest &req)
{
    Expected<DeliveryJob> job = m_ctx.pipeline.retry(req.param(0));
    if (!job)
        return HttpResponse::error(job.error());
    return HttpResponse::json(deliveryJson(job.value()));
}

QJsonObject AnalyticsApi::deliveryJson(const DeliveryJob &job)
{
    QJsonArray attempts;
    const QList<DeliveryLogEntry> log = m_ctx.store.deliveryLog(job.id);
    for (const DeliveryLogEntry &e : log)
        attempts.append(e.toJson());
    QHash<QString, QJsonValue> usernames;
    return {{QStringLiteral("delivery"), jobJson(job, usernames)}, {QStringLiteral("attempts"), attempts}};
}

QJsonObject AnalyticsApi::jobJson(const DeliveryJob &job, QHash<QString, QJsonValue> &usernames)
{
    auto it = usernames.constFind(job.userId);
    if (it == usernames.constEnd()) {
        const std::optional<User> user = m_ctx.store.userById(job.userId);
        it = usernames.insert(job.userId, user ? QJsonValue(user->username) : QJsonValue(QJsonValue::Null));
    }
    QJsonObject o = job.toJson();
    o.insert(QStringLiteral("username"), *it);
    return o;
}

} // namespace Tidings::Server
