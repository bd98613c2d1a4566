#include "http/HttpTypes.h"

#include "protocol/JsonUtil.h"

#include <QJsonDocument>

#include <algorithm>

namespace Tidings::Server {

namespace {

// "application/json" or any "+json" type, with no charset or UTF-8 (RFC 8259
// makes UTF-8 the only encoding of JSON exchanged between systems).
bool isJsonMediaType(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    const QByteArray type = parts.value(0).trimmed().toLower();
    const bool json = type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
    if (!json)
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        const qsizetype eq = parameter.indexOf('=');
        if (eq < 0 || parameter.left(eq).trimmed().toLower() != "charset")
            continue;
        QByteArray charset = parameter.mid(eq + 1).trimmed().toLower();
        if (charset.size() >= 2 && charset.startsWith('"') && charset.endsWith('"'))
            charset = charset.mid(1, charset.size() - 2);
        if (charset != "utf-8" && charset != "utf8")
            return false;
    }
    return true;
}

} // namespace

HttpRequest::HttpRequest(const QHttpServerRequest &request, QStringList params, QHostAddress peer)
    : m_request(request)
    , m_params(std::move(params))
    , m_peer(std::move(peer))
    , m_query(request.url())
{
}

Expected<QJsonObject> HttpRequest::json() const
{
    const QByteArray bytes = body();
    if (bytes.isEmpty())
        return QJsonObject {};
    // A missing Content-Type is taken as JSON so that `curl -d '{...}'`-style
    // calls without -H work; a declared non-JSON type is refused.
    const QByteArray contentType = header(QByteArrayLiteral("Content-Type"));
    if (!contentType.trimmed().isEmpty() && !isJsonMediaType(contentType)) {
        return ProtocolError::make(ErrorCode::UnsupportedMediaType,
            QStringLiteral("request body must be application/json, not %1")
                .arg(QString::fromLatin1(contentType.trimmed())));
    }
    return Json::parseObject(bytes);
}

QByteArray HttpRequest::bearerToken() const
{
    const QByteArray value = header(QByteArrayLiteral("Authorization")).trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0)
        return {};
    if (value.left(space).compare(QByteArrayLiteral("Bearer"), Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(space + 1).trimmed();
}

HttpResponse::HttpResponse(int status, QByteArray body, QByteArray contentType)
    : status(status)
    , body(std::move(body))
    , contentType(std::move(contentType))
{
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body)
{
    return HttpResponse(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    return HttpResponse(status, body, contentType);
}

HttpResponse HttpResponse::error(const ProtocolError &e)
{
    HttpResponse response = json(e.httpStatus(), e.toEnvelope());
    // RFC 9110 requires a challenge on every 401.
    if (response.status == 401)
        response.withHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return response;
}

HttpResponse HttpResponse::error(const char *code, const QString &message, const QString &field)
{
    return error(ProtocolError {QLatin1String(code), message, field});
}

HttpResponse HttpResponse::rateLimited(int retryAfterSec)
{
    const int seconds = std::max(1, retryAfterSec);
    return error(ErrorCode::RateLimited, QStringLiteral("too many requests; retry in %1 s").arg(seconds))
        .withHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
}

HttpResponse &HttpResponse::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

HttpReply HttpRequest::defer()
{
    m_deferred = true;
    return m_makeReply ? m_makeReply() : HttpReply();
}

} // namespace Tidings::Server
