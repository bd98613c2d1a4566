#include "http/HttpServer.h"

#include <QMetaEnum>
#include <QPointer>

#include "http/ConnectionGuard.h"
#include "http/GuardedTcpServer.h"
#include "http/HttpLog.h"

#include <QHttpServerResponder>
#include <QTcpSocket>
#include <QUrl>

#include <exception>

namespace Tidings::Server {

struct HttpReply::State
{
    QPointer<HttpServer> server;
    QPointer<QTcpSocket> socket;
    QPointer<ConnectionGuard> guard; // holds refusals of later requests until this reply is out
    QByteArray what; // "POST /api/notifications", for the log
    bool close = false;
    bool sent = false;

    ~State()
    {
        // A reply dropped unsent must not hold a refusal back forever.
        if (!sent && guard)
            guard->releaseReply();
    }
};

Q_LOGGING_CATEGORY(lcHttp, "tidings.server.http")

namespace {

using Method = QHttpServerRequest::Method;

// Not one of PROTOCOL.md's REST codes: only a plain GET on the WebSocket path gets it.
constexpr char UpgradeRequiredCode[] = "UPGRADE_REQUIRED";

// Path segments without the leading and a trailing slash: "/a/b/" -> [a, b].
// Empty inner segments ("/a//b") are kept so that they match nothing.
QStringList splitPath(const QString &path)
{
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.constFirst().isEmpty())
        segments.removeFirst();
    if (!segments.isEmpty() && segments.constLast().isEmpty())
        segments.removeLast();
    return segments;
}

QByteArray methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

bool hasToken(const QByteArray &headerValue, const QByteArray &token)
{
    const QList<QByteArray> tokens = headerValue.split(',');
    return std::any_of(tokens.cbegin(), tokens.cend(),
        [&](const QByteArray &t) { return t.trimmed().compare(token, Qt::CaseInsensitive) == 0; });
}

// What QAbstractHttpServer 6.4 treats as a WebSocket upgrade: its parser flags
// an upgrade when both headers are present, and it checks the Upgrade value.
bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return request.value(QByteArrayLiteral("Upgrade")).trimmed().compare("websocket", Qt::CaseInsensitive) == 0
        && hasToken(request.value(QByteArrayLiteral("Connection")), QByteArrayLiteral("upgrade"));
}

bool hasHeader(const HttpResponse &response, const QByteArray &name, const QByteArray &value)
{
    return std::any_of(response.headers.cbegin(), response.headers.cend(), [&](const auto &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0 && h.second.compare(value, Qt::CaseInsensitive) == 0;
    });
}

// Marks the response as the connection's last; send() closes after writing it.
HttpResponse closing(HttpResponse response)
{
    return std::move(response.withHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close")));
}

} // namespace

HttpServer::HttpServer(Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
{
}

HttpServer::~HttpServer() = default;

void HttpServer::route(QHttpServerRequest::Method method, const QString &pattern, Access access, HttpHandler handler)
{
    Route r {method, splitPath(pattern), 0, access, std::move(handler)};
    for (const QString &segment : std::as_const(r.segments)) {
        if (!segment.startsWith(QLatin1Char(':')))
            ++r.literalCount;
    }
    m_routes.append(std::move(r));
}

quint16 HttpServer::listenGuarded(const QHostAddress &address, quint16 port)
{
    GuardedTcpServer::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    limits.maxHeaderBytes = m_options.maxHeaderBytes;
    auto tcp = std::make_unique<GuardedTcpServer>(limits);
    // Qt's default backlog of 50 overflows when thousands of clients reconnect at once
    // (after a restart), and every overflow costs the client a 1 s SYN retransmit.
    tcp->setListenBacklogSize(4096);
    if (!tcp->listen(address, port)) {
        m_errorString = tcp->errorString();
        qCWarning(lcHttp).nospace() << "cannot listen on " << address.toString() << ':' << port << ": "
                                    << m_errorString;
        return 0;
    }
    m_errorString.clear();
    m_tcp = tcp.release();
    bind(m_tcp); // takes ownership
    qCInfo(lcHttp).nospace() << "listening on " << address.toString() << ':' << m_tcp->serverPort();
    return m_tcp->serverPort();
}

void HttpServer::stopListening()
{
    const QList<QTcpServer *> all = servers();
    for (QTcpServer *server : all)
        server->close();
}

quint64 HttpServer::rejectedByGuard() const
{
    quint64 total = 0;
    const QList<GuardedTcpServer *> guarded = findChildren<GuardedTcpServer *>(Qt::FindDirectChildrenOnly);
    for (const GuardedTcpServer *server : guarded)
        total += server->rejectedCount();
    return total;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (isWebSocketUpgrade(request)) {
        // Returning true without writing anything makes QAbstractHttpServer 6.4
        // hand the socket to its QWebSocketServer (newWebSocketConnection);
        // false sends the request to missingHandler.
        return splitPath(request.url().path()) == splitPath(m_options.webSocketPath);
    }

    const QStringList segments = splitPath(request.url().path(QUrl::FullyEncoded));
    QStringList decoded;
    decoded.reserve(segments.size());
    for (const QString &segment : segments)
        decoded.append(QUrl::fromPercentEncoding(segment.toLatin1()));

    const Route *best = nullptr;
    QStringList bestParams;
    QList<Method> allowed;
    for (const Route &r : std::as_const(m_routes)) {
        if (r.segments.size() != decoded.size())
            continue;
        QStringList params;
        bool matches = true;
        for (qsizetype i = 0; matches && i < decoded.size(); ++i) {
            if (r.segments.at(i).startsWith(QLatin1Char(':'))) {
                matches = !decoded.at(i).isEmpty();
                params.append(decoded.at(i));
            } else {
                matches = r.segments.at(i) == decoded.at(i);
            }
        }
        if (!matches)
            continue;
        if (!allowed.contains(r.method))
            allowed.append(r.method);
        if (r.method != request.method())
            continue;
        // The first segment where one route has a literal and the other a
        // parameter decides: the literal is more specific. Ties keep the
        // earlier registration.
        bool better = best == nullptr;
        for (qsizetype i = 0; !better && i < decoded.size(); ++i) {
            const bool mineLiteral = !r.segments.at(i).startsWith(QLatin1Char(':'));
            const bool bestLiteral = !best->segments.at(i).startsWith(QLatin1Char(':'));
            if (mineLiteral != bestLiteral) {
                better = mineLiteral;
                break;
            }
        }
        if (better) {
            best = &r;
            bestParams = params;
        }
    }

    HttpRequest req(request, bestParams, socket->peerAddress());
    const bool clientCloses = hasToken(request.value(QByteArrayLiteral("Connection")), QByteArrayLiteral("close"));
    req.setDeferral([this, socket, clientCloses, &request] {
        auto state = std::make_shared<HttpReply::State>();
        state->server = this;
        state->socket = socket;
        state->close = clientCloses;
        state->what = methodName(request.method()) + ' ' + request.url().path().toUtf8();
        state->guard = socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
        if (state->guard)
            state->guard->holdReply();
        return HttpReply(std::move(state));
    });
    HttpResponse response;
    try {
        if (best) {
            response = dispatch(*best, req);
        } else if (!allowed.isEmpty()) {
            std::sort(allowed.begin(), allowed.end());
            QByteArrayList names;
            for (Method m : std::as_const(allowed))
                names.append(methodName(m));
            response = HttpResponse::error(ErrorCode::MethodNotAllowed,
                QStringLiteral("%1 is not allowed on %2; allowed: %3")
                    .arg(QLatin1String(methodName(request.method())), request.url().path(),
                        QLatin1String(names.join(", "))));
            response.withHeader(QByteArrayLiteral("Allow"), names.join(", "));
        } else if (segments == splitPath(m_options.webSocketPath)) {
            response = HttpResponse::error(UpgradeRequiredCode,
                QStringLiteral("%1 only accepts WebSocket upgrade requests").arg(m_options.webSocketPath));
            response.status = 426;
            response.withHeader(QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket"));
        } else {
            response = HttpResponse::error(ErrorCode::NotFound,
                QStringLiteral("no route for %1 %2")
                    .arg(QLatin1String(methodName(request.method())), request.url().path()));
        }
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "handler for" << methodName(request.method()) << request.url().path()
                           << "threw:" << e.what();
        response = HttpResponse::error(ErrorCode::Internal, QStringLiteral("internal server error"));
    } catch (...) {
        qCCritical(lcHttp) << "handler for" << methodName(request.method()) << request.url().path()
                           << "threw a non-standard exception";
        response = HttpResponse::error(ErrorCode::Internal, QStringLiteral("internal server error"));
    }

    // Qt 6.4 ignores "Connection: close"; honour it so clients that ask for a
    // one-shot connection (benchmarks, scripts) do not hold sockets open.
    if (req.isDeferred() && response.status == 0)
        return true; // the handler answers later through its HttpReply
    if (clientCloses)
        response = closing(std::move(response));
    send(request, socket, response);
    observe(response);
    return true;
}

void HttpReply::send(const HttpResponse &response) const
{
    if (!m_state || m_state->sent)
        return;
    m_state->sent = true;
    if (m_state->server)
        m_state->server->sendDeferred(*m_state, response);
}

void HttpServer::sendDeferred(HttpReply::State &state, const HttpResponse &response)
{
    observe(response);
    QTcpSocket *socket = state.socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        qCDebug(lcHttp) << state.what << "->" << response.status << "(client gone)";
        if (state.guard)
            state.guard->releaseReply();
        return;
    }
    if (response.status >= 500)
        qCWarning(lcHttp) << state.what << "->" << response.status;
    const HttpResponse r = state.close ? closing(HttpResponse(response)) : response;
    const QMetaEnum statuses = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
    QByteArray reason = statuses.valueToKey(r.status);
    // The enum key ("TooManyRequests") is close enough to a reason phrase, which
    // clients ignore anyway (RFC 9112 makes it optional).
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason + "\r\n";
    const bool bodyless = r.status < 200 || r.status == 204 || r.status == 304;
    if (!bodyless) {
        if (!r.contentType.isEmpty())
            out += "Content-Type: " + r.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    }
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    if (!bodyless)
        out += r.body;
    socket->write(out);
    if (hasHeader(r, QByteArrayLiteral("Connection"), QByteArrayLiteral("close")))
        socket->disconnectFromHost();
    if (state.guard)
        state.guard->releaseReply();
}

HttpResponse HttpServer::dispatch(const Route &route, HttpRequest &request) const
{
    if (route.access == Access::Authenticated) {
        if (!m_authenticator) {
            qCCritical(lcHttp) << "authenticated route without an authenticator:" << request.path();
            return HttpResponse::error(ErrorCode::Internal, QStringLiteral("authentication is not configured"));
        }
        const QByteArray token = request.bearerToken();
        if (token.isEmpty()) {
            return HttpResponse::error(
                ErrorCode::Unauthorized, QStringLiteral("missing bearer token (Authorization: Bearer <token>)"));
        }
        Expected<AuthContext> ctx = m_authenticator(QByteArrayView(token));
        if (!ctx)
            return HttpResponse::error(ctx.error());
        request.setAuth(std::move(ctx).value());
    }
    return route.handler(request);
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Only upgrade requests get here: handleRequest answers everything else.
    HttpResponse response;
    const bool onWebSocketPath = splitPath(request.url().path()) == splitPath(m_options.webSocketPath);
    if (isWebSocketUpgrade(request) && onWebSocketPath) {
        qCWarning(lcHttp) << "WebSocket upgrade refused: nothing is connected to newWebSocketConnection";
        response = HttpResponse::error(ErrorCode::Unavailable, QStringLiteral("WebSocket endpoint is not available"));
    } else {
        response = HttpResponse::error(
            ErrorCode::NotFound, QStringLiteral("no WebSocket endpoint at %1").arg(request.url().path()));
    }
    // The socket guard steps aside when it sees a WebSocket upgrade request, so
    // a connection whose upgrade we refuse must not carry further requests.
    response = closing(std::move(response));
    send(request, socket, response);
    observe(response);
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response)
{
    if (response.status >= 500)
        qCWarning(lcHttp) << methodName(request.method()) << request.url().path() << "->" << response.status;
    else
        qCDebug(lcHttp) << methodName(request.method()) << request.url().path() << "->" << response.status;

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    // RFC 9110: no Content-Length on 1xx, 204 and 304.
    const bool bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    if (!bodyless) {
        if (!response.contentType.isEmpty())
            responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    }
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(bodyless ? QByteArray() : response.body);
    if (hasHeader(response, QByteArrayLiteral("Connection"), QByteArrayLiteral("close")))
        socket->disconnectFromHost();
}

void HttpServer::observe(const HttpResponse &response) const
{
    if (!m_observer)
        return;
    try {
        m_observer(response);
    } catch (const std::exception &e) {
        qCCritical(lcHttp) << "request observer threw:" << e.what();
    } catch (...) {
        qCCritical(lcHttp) << "request observer threw a non-standard exception";
    }
}

} // namespace Tidings::Server
