#include "api/TemplatesApi.h"

#include "api/ApiUtil.h"
#include "core/TemplateService.h"
#include "http/HttpServer.h"
#include "protocol/JsonUtil.h"

#include <QJsonArray>

#include <limits>

namespace Tidings::Server {

using Method = QHttpServerRequest::Method;
using Access = HttpServer::Access;

namespace {

HttpResponse documentResponse(int status, const Expected<TemplateDocument> &doc)
{
    if (!doc)
        return HttpResponse::error(doc.error());
    return HttpResponse::json(status, TemplateService::documentJson(doc.value()));
}

// What both previews take besides the template: {variables?, locale?, channel?}.
struct PreviewQuery
{
    QJsonObject variables;
    QString locale;
    QString channel;
};

Expected<PreviewQuery> previewQuery(const QJsonObject &body)
{
    const QJsonValue variables = body.value(QLatin1String("variables"));
    if (!variables.isUndefined() && !variables.isNull() && !variables.isObject())
        return ProtocolError::validation(QStringLiteral("variables"), QStringLiteral("variables must be an object"));
    Expected<std::optional<QString>> locale = Json::optString(body, QStringLiteral("locale"));
    if (!locale)
        return locale.error();
    Expected<std::optional<QString>> channel = Json::optString(body, QStringLiteral("channel"));
    if (!channel)
        return channel.error();
    return PreviewQuery {variables.toObject(), locale->value_or(QString()), channel->value_or(QString())};
}

HttpResponse previewResponse(const Expected<TemplateService::Preview> &preview)
{
    if (!preview)
        return HttpResponse::error(preview.error());
    return HttpResponse::json({
        {QStringLiteral("subject"), preview->content.subject},
        {QStringLiteral("body"), preview->content.text},
        {QStringLiteral("html"), preview->content.html},
        {QStringLiteral("version"), preview->version},
        {QStringLiteral("locale"), preview->locale},
        {QStringLiteral("channel"), preview->channel},
    });
}

} // namespace

TemplatesApi::TemplatesApi(ApiContext &ctx, HttpServer &http)
    : m_ctx(ctx)
{
    http.route(Method::Get, QStringLiteral("/api/templates"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        const Expected<ApiUtil::PageQuery> page = ApiUtil::pageQuery(req, 50, 500);
        if (!page)
            return HttpResponse::error(page.error());
        const TemplateService::Page found = m_ctx.templates.list(req.queryValue(QStringLiteral("q")),
            req.queryValue(QStringLiteral("type")), int(page->offset()), int(page->limit));
        QJsonArray templates;
        for (const TemplateDocument &t : found.templates)
            templates.append(TemplateService::listJson(t));
        return HttpResponse::json({
            {QStringLiteral("templates"), templates},
            {QStringLiteral("pagination"), ApiUtil::paginationJson(page->page, page->limit, found.total)},
        });
    });

    http.route(Method::Post, QStringLiteral("/api/templates"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        return documentResponse(201, m_ctx.templates.create(body.value(), req.auth().user.id));
    });

    http.route(Method::Get, QStringLiteral("/api/templates/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        return documentResponse(200, m_ctx.templates.get(req.param(0)));
    });

    auto update = [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        return documentResponse(200, m_ctx.templates.update(req.param(0), body.value(), req.auth().user.id));
    };
    http.route(Method::Put, QStringLiteral("/api/templates/:id"), Access::Authenticated, update);
    http.route(Method::Patch, QStringLiteral("/api/templates/:id"), Access::Authenticated, update);

    http.route(Method::Delete, QStringLiteral("/api/templates/:id"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        if (std::optional<ProtocolError> err = m_ctx.templates.remove(req.param(0)))
            return HttpResponse::error(*err);
        return HttpResponse::noContent();
    });

    http.route(
        Method::Get, QStringLiteral("/api/templates/:id/versions"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            Expected<QList<TemplateVersionRecord>> versions = m_ctx.templates.versions(req.param(0));
            if (!versions)
                return HttpResponse::error(versions.error());
            QJsonArray out;
            for (const TemplateVersionRecord &v : versions.value())
                out.append(TemplateService::versionJson(v, false));
            return HttpResponse::json({{QStringLiteral("versions"), out}});
        });

    http.route(
        Method::Get, QStringLiteral("/api/templates/:id/versions/:n"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            bool ok = false;
            const int n = req.param(1).toInt(&ok);
            if (!ok || n < 1)
                return HttpResponse::error(ErrorCode::Validation,
                    QStringLiteral("the version must be a positive integer"), QStringLiteral("version"));
            Expected<TemplateDocument> doc = m_ctx.templates.get(req.param(0), n);
            if (!doc)
                return HttpResponse::error(doc.error());
            return HttpResponse::json(TemplateService::versionJson(doc->version, true));
        });

    http.route(
        Method::Post, QStringLiteral("/api/templates/:id/preview"), Access::Authenticated, [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            Expected<QJsonObject> body = req.json();
            if (!body)
                return HttpResponse::error(body.error());
            const Expected<PreviewQuery> query = previewQuery(body.value());
            if (!query)
                return HttpResponse::error(query.error());
            Expected<std::optional<qint64>> version = Json::optInteger(body.value(), QStringLiteral("version"));
            if (!version)
                return HttpResponse::error(version.error());
            if (version->has_value() && (version->value() < 1 || version->value() > std::numeric_limits<int>::max()))
                return HttpResponse::error(ErrorCode::Validation, QStringLiteral("version must be a positive integer"),
                    QStringLiteral("version"));
            return previewResponse(m_ctx.templates.preview(
                req.param(0), query->variables, query->locale, query->channel, int(version->value_or(0))));
        });

    // An unsaved draft, for the console's live preview.
    http.route(Method::Post, QStringLiteral("/api/templates/preview"), Access::Authenticated, [this](HttpRequest &req) {
        if (auto denied = ApiUtil::requireAdmin(req))
            return *denied;
        Expected<QJsonObject> body = req.json();
        if (!body)
            return HttpResponse::error(body.error());
        const QJsonValue draft = body->value(QLatin1String("template"));
        if (!draft.isObject())
            return HttpResponse::error(ErrorCode::Validation,
                QStringLiteral("template must be an object {variables, contents}"), QStringLiteral("template"));
        const Expected<PreviewQuery> query = previewQuery(body.value());
        if (!query)
            return HttpResponse::error(query.error());
        return previewResponse(
            m_ctx.templates.previewDraft(draft.toObject(), query->variables, query->locale, query->channel));
    });

    http.route(Method::Post, QStringLiteral("/api/templates/:id/versions/:n/restore"), Access::Authenticated,
        [this](HttpRequest &req) {
            if (auto denied = ApiUtil::requireAdmin(req))
                return *denied;
            bool ok = false;
            const int n = req.param(1).toInt(&ok);
            if (!ok || n < 1)
                return HttpResponse::error(ErrorCode::Validation,
                    QStringLiteral("the version must be a positive integer"), QStringLiteral("version"));
            return documentResponse(200, m_ctx.templates.restore(req.param(0), n, req.auth().user.id));
        });
}

} // namespace Tidings::Server
