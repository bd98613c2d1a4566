#pragma once

#include "auth/AuthService.h"
#include "protocol/Expected.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace Tidings::Server {

class HttpResponse;

// A reply sent after the handler has returned: group commit answers a publish only
// once its batch is durable. Copyable; only the first send() counts, and sending
// after the client went away does nothing.
class HttpReply
{
public:
    HttpReply() = default;
    void send(const HttpResponse &response) const;
    [[nodiscard]] bool isValid() const { return m_state != nullptr; }

    struct State;

private:
    friend class HttpServer;
    explicit HttpReply(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {
    }
    std::shared_ptr<State> m_state;
};

// One REST request as a handler sees it: the parsed Qt request, the values of the
// route's `:params`, and the caller once the router has authenticated it.
class HttpRequest
{
public:
    HttpRequest(const QHttpServerRequest &request, QStringList params, QHostAddress peer);

    [[nodiscard]] QHttpServerRequest::Method method() const { return m_request.method(); }
    [[nodiscard]] QString path() const { return m_request.url().path(); }
    [[nodiscard]] const QUrlQuery &query() const { return m_query; }
    [[nodiscard]] QString queryValue(const QString &key) const
    {
        return m_query.queryItemValue(key, QUrl::FullyDecoded);
    }
    [[nodiscard]] QByteArray header(const QByteArray &name) const { return m_request.value(name); }
    [[nodiscard]] QByteArray body() const { return m_request.body(); }
    [[nodiscard]] const QHostAddress &peer() const { return m_peer; }
    // The i-th `:param` of the route, percent-decoded.
    [[nodiscard]] QString param(int i) const { return m_params.value(i); }

    // The body as one JSON object: 415 UNSUPPORTED_MEDIA_TYPE when a non-empty body is
    // not declared as JSON, MALFORMED_JSON on invalid UTF-8/JSON, VALIDATION_ERROR when
    // the top level is not an object. An empty body is {}.
    [[nodiscard]] Expected<QJsonObject> json() const;

    // The token of `Authorization: Bearer <token>`, empty if absent.
    [[nodiscard]] QByteArray bearerToken() const;

    // Takes over answering: the handler returns HttpResponse::deferred() and calls
    // send() on the returned reply later, from the server's thread.
    [[nodiscard]] HttpReply defer();
    [[nodiscard]] bool isDeferred() const { return m_deferred; }
    void setDeferral(std::function<HttpReply()> makeReply) { m_makeReply = std::move(makeReply); }

    // Set by the router for routes that require authentication.
    const AuthContext &auth() const { return *m_auth; }
    void setAuth(AuthContext ctx) { m_auth = std::move(ctx); }
    [[nodiscard]] bool isAuthenticated() const { return m_auth.has_value(); }

private:
    const QHttpServerRequest &m_request;
    QStringList m_params;
    QHostAddress m_peer;
    QUrlQuery m_query;
    std::optional<AuthContext> m_auth;
    std::function<HttpReply()> m_makeReply;
    bool m_deferred = false;
};

class HttpResponse
{
public:
    HttpResponse() = default;
    HttpResponse(int status, QByteArray body, QByteArray contentType = QByteArrayLiteral("application/json"));

    [[nodiscard]] static HttpResponse json(int status, const QJsonObject &body);
    [[nodiscard]] static HttpResponse json(const QJsonObject &body) { return json(200, body); }
    [[nodiscard]] static HttpResponse text(int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
    [[nodiscard]] static HttpResponse noContent() { return HttpResponse(204, {}, {}); }
    // What a handler returns after HttpRequest::defer(): nothing is sent now.
    [[nodiscard]] static HttpResponse deferred() { return HttpResponse(0, {}, {}); }
    // {"error": {...}} with the error's HTTP status.
    [[nodiscard]] static HttpResponse error(const ProtocolError &e);
    [[nodiscard]] static HttpResponse error(const char *code, const QString &message, const QString &field = {});
    // 429 RATE_LIMITED with Retry-After.
    [[nodiscard]] static HttpResponse rateLimited(int retryAfterSec);

    HttpResponse &withHeader(QByteArray name, QByteArray value);

    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
};

using HttpHandler = std::function<HttpResponse(HttpRequest &)>;

} // namespace Tidings::Server
