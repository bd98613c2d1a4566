#pragma once

#include "api/ApiContext.h"
#include "core/AnalyticsService.h"

namespace Tidings::Server {

class HttpRequest;
class HttpResponse;

// /api/analytics (the dashboard) and /api/admin/deliveries (the delivery log and the
// retry of a dead letter). Admin role.
class AnalyticsApi
{
public:
    AnalyticsApi(ApiContext &ctx, HttpServer &http);

private:
    HttpResponse analytics(HttpRequest &req);
    HttpResponse deliveries(HttpRequest &req);
    HttpResponse delivery(HttpRequest &req);
    HttpResponse retry(HttpRequest &req);
    // {delivery, attempts} of one job.
    QJsonObject deliveryJson(const DeliveryJob &job);
    // A job with its user's `username` (null when the user is gone); `usernames`
    // caches the lookups of one answer.
    QJsonObject jobJson(const DeliveryJob &job, QHash<QString, QJsonValue> &usernames);

    ApiContext &m_ctx;
    AnalyticsService m_analytics;
};

} // namespace Tidings::Server
