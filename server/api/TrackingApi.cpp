#include "api/TrackingApi.h"

#include "api/ApiUtil.h"
#include "core/AnalyticsService.h"
#include "core/PreferencesService.h"
#include "core/TrackingLinks.h"
#include "http/HttpServer.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTracking, "tidings.server.tracking")

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

HttpResponse invalidLink()
{
    // The same answer for a tampered, truncated or foreign token: nothing to learn, and
    // never a redirect.
    return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("this link is not valid"));
}

// Pages and redirects carry the token in their URL: it must not leak through Referer,
// caches or frames.
HttpResponse &hardened(HttpResponse &r)
{
    r.withHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"))
        .withHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    return r;
}

QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return QStringLiteral("Email");
    if (channel == QLatin1String("push"))
        return QStringLiteral("Push");
    if (channel == QLatin1String("inApp"))
        return QStringLiteral("In-app");
    return QStringLiteral("Desktop");
}

// "Email notifications for 'orders'" or "All email notifications".
QString whatLabel(const TrackingLinks::Unsubscribe &u)
{
    if (u.topic.isEmpty())
        return QStringLiteral("All %1 notifications").arg(channelLabel(u.channel).toLower());
    return QStringLiteral("%1 notifications for '%2'").arg(channelLabel(u.channel), u.topic);
}

HttpResponse page(const QString &title, const QString &message, const QString &formAction, const QString &button)
{
    // Without an action the form posts to the page's own URL, token included.
    QString form;
    if (!button.isEmpty())
        form = QStringLiteral("<form method=\"post\"%1><button type=\"submit\">%2</button></form>")
                   .arg(formAction.isEmpty() ? QString()
                                             : QStringLiteral(" action=\"%1\"").arg(formAction.toHtmlEscaped()),
                       button.toHtmlEscaped());
    const QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>%1</title><style>"
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f5f6f8;color:#1f2328;margin:0}"
        "main{max-width:32rem;margin:12vh auto;background:#fff;border-radius:12px;padding:2rem 2.25rem;"
        "box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5;margin:0 0 "
        "1.25rem}"
        "button{font:inherit;background:#2563eb;color:#fff;border:0;border-radius:8px;padding:.6rem "
        "1.2rem;cursor:pointer}"
        "button:hover{background:#1d4ed8}</style></head>"
        "<body><main><h1>%1</h1><p>%2</p>%3</main></body></html>\n")
                             .arg(title.toHtmlEscaped(), message.toHtmlEscaped(), form);
    HttpResponse r = HttpResponse::text(200, html.toUtf8(), QByteArrayLiteral("text/html; charset=utf-8"));
    r.withHeader(QByteArrayLiteral("Content-Security-Policy"),
        QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"));
    return hardened(r);
}

} // namespace

TrackingApi::TrackingApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    const QString click = QLatin1String(TrackingLinks::ClickPath) + QLatin1String(":token");
    const QString unsubscribe = QLatin1String(TrackingLinks::UnsubscribePath) + QLatin1String(":token");
    http.route(Method::Get, click, Access::Public, [this](HttpRequest &req) { return this->click(req); });
    http.route(Method::Get, unsubscribe, Access::Public, [this](HttpRequest &req) { return unsubscribePage(req); });
    http.route(Method::Post, unsubscribe, Access::Public, [this](HttpRequest &req) { return this->unsubscribe(req); });
    http.route(
        Method::Post, QStringLiteral("/api/notifications/dismissed"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireRead(req))
                return *denied;
            return dismissed(req);
        });
}

HttpResponse TrackingApi::click(HttpRequest &req)
{
    const std::optional<TrackingLinks::Click> c = m_ctx.links.verifyClick(req.param(0));
    if (!c)
        return invalidLink();
    // The person clicked; counting it must not stand between them and the page.
    if (!m_ctx.store.recordEngagement(Engagement::Clicked, c->userId, {c->messageId}, c->channel, m_ctx.clock.now()))
        qCWarning(lcTracking).noquote() << "a click was not recorded:" << m_ctx.store.lastError();
    HttpResponse r(302, {}, {});
    r.withHeader(QByteArrayLiteral("Location"), c->target.toEncoded());
    return hardened(r);
}

HttpResponse TrackingApi::unsubscribePage(HttpRequest &req)
{
    // GET only asks: mail scanners and link previews fetch every URL in a message, and
    // must not unsubscribe anyone. The button POSTs, as RFC 8058 mail clients do.
    const std::optional<TrackingLinks::Unsubscribe> u = m_ctx.links.verifyUnsubscribe(req.param(0));
    if (!u)
        return invalidLink();
    const std::optional<User> user = m_ctx.store.userById(u->userId);
    if (!user)
        return invalidLink();
    QString what = whatLabel(*u);
    what[0] = what.at(0).toLower();
    return page(QStringLiteral("Unsubscribe"), QStringLiteral("Stop sending %1 to %2?").arg(what, user->username),
        QString(), QStringLiteral("Unsubscribe"));
}

HttpResponse TrackingApi::unsubscribe(HttpRequest &req)
{
    const std::optional<TrackingLinks::Unsubscribe> u = m_ctx.links.verifyUnsubscribe(req.param(0));
    if (!u)
        return invalidLink();
    const std::optional<User> user = m_ctx.store.userById(u->userId);
    if (!user)
        return invalidLink();
    const bool undo = req.queryValue(QStringLiteral("undo")) == QLatin1String("1");
    const QJsonObject switches {{u->channel, undo}};
    const QJsonObject partial
        = u->topic.isEmpty() ? switches : QJsonObject {{QStringLiteral("topics"), QJsonObject {{u->topic, switches}}}};
    Expected<Preferences> prefs = m_ctx.preferences.update(u->userId, partial);
    if (!prefs)
        return HttpResponse::error(prefs.error());
    const QString what = whatLabel(*u);
    if (undo)
        return page(QStringLiteral("Subscribed again"),
            QStringLiteral("%1 are on again for %2.").arg(what, user->username), QString(), QString());
    return page(QStringLiteral("Unsubscribed"), QStringLiteral("%1 are now off for %2.").arg(what, user->username),
        QStringLiteral("?undo=1"), QStringLiteral("Undo"));
}

HttpResponse TrackingApi::dismissed(HttpRequest &req)
{
    Expected<QJsonObject> body = req.json();
    if (!body)
        return HttpResponse::error(body.error());
    Expected<DismissRequest> request = AnalyticsService::parseDismiss(body.value());
    if (!request)
        return HttpResponse::error(request.error());
    const std::optional<EngagementOutcome> out = m_ctx.store.recordEngagement(
        Engagement::Dismissed, req.auth().user.id, request->ids, request->channel, m_ctx.clock.now());
    if (!out)
        return HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
    return HttpResponse::json({{QStringLiteral("dismissed"), out->recorded.size()}});
}

} // namespace Tidings::Server
