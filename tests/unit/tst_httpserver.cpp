// The REST front on a real socket: routing and JSON errors through
// QNetworkAccessManager, the body/header guard and malformed HTTP through raw
// QTcpSockets (a well-behaved client library would not send them), and the
// WebSocket hand-over through QWebSocket.

#include "http/GuardedTcpServer.h"
#include "http/HttpServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <stdexcept>
#include <vector>

using namespace Tidings;
using namespace Tidings::Server;
using Method = QHttpServerRequest::Method;

namespace {

constexpr qint64 MaxBody = 64 * 1024;
constexpr int MaxHeaders = 16 * 1024;
constexpr int Timeout = 10000;

// Resident set size of this process (server and clients share it).
qint64 vmRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    [[nodiscard]] QString errorCode() const
    {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

// A raw HTTP/1.1 client for what QNetworkAccessManager will not send.
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { buffer += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(Timeout);
    }

    // Takes the next complete response off the buffer (interim 1xx included).
    std::optional<Reply> take()
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Reply r;
        r.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return std::nullopt;
        r.body = buffer.mid(end + 4, length);
        r.json = QJsonDocument::fromJson(r.body).object();
        buffer.remove(0, end + 4 + length);
        return r;
    }

    std::optional<Reply> waitForReply(int timeout = Timeout)
    {
        std::optional<Reply> r;
        const bool settled = QTest::qWaitFor(
            [&] { return (r = take()).has_value() || socket.state() == QAbstractSocket::UnconnectedState; }, timeout);
        Q_UNUSED(settled); // a closed connection may still have left a complete reply behind
        if (!r)
            r = take();
        return r;
    }

    bool waitForClose(int timeout = Timeout)
    {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeout);
    }

    QTcpSocket socket;
    QByteArray buffer;
};

QByteArray postHead(const QByteArray &path, qint64 contentLength, const QByteArray &extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(contentLength) + "\r\n" + extra + "\r\n";
}

// A JSON string value padded to exactly `size` bytes of body.
QByteArray jsonBodyOfSize(qint64 size)
{
    QByteArray body = "{\"pad\":\"";
    const QByteArray tail = "\"}";
    body += QByteArray(size - body.size() - tail.size(), 'x');
    body += tail;
    return body;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void routing_data();
    void routing();
    void routing_unknownPath_returnsNotFoundJson();
    void routing_wrongMethod_returns405WithAllow();
    void auth_missingToken_returns401WithChallenge();
    void auth_rejectedToken_returnsAuthenticatorError();
    void auth_validToken_passesContextToHandler();
    void json_malformed_returns400MalformedJson();
    void json_invalidUtf8_returns400MalformedJson();
    void json_notAnObject_returns400Validation();
    void json_nonJsonContentType_returns415();
    void json_charsetParameterAndMissingType_areAccepted();
    void handler_throws_returns500AndServerKeepsServing();
    void response_rateLimited_hasRetryAfter();
    void response_noContent_keepsConnectionUsable();
    void observer_seesEveryAnsweredRequest();
    void guard_bodyAtLimit_passes();
    void guard_bodyOneOverLimit_returns413();
    void guard_chunkedOverLimit_returns413();
    void guard_chunkedWithinLimit_passes();
    void guard_hugeDeclaredBodyStreamed_isRefusedBeforeBuffering();
    void guard_seesEachByteExactlyOnce();
    void guard_malformedRequestLine_returns400();
    void guard_oversizedHeaders_returns431();
    void guard_expectContinue_gets100ThenAnswer();
    void guard_otherUpgradeIsPlainHttp_connectionStaysGuarded();
    void guard_pipelinedOverLimitAfterValidRequest_answersInOrder();
    void keepAlive_twoRequestsOnOneConnection_bothAnswered();
    void connectionClose_isHonoured();
    void keepAlive_secondRequestOverLimit_returns413();
    void webSocket_upgradeOnWsPath_reachesServerAndEchoes();
    void webSocket_upgradeSentInTinyPieces_isHandedOver();
    void webSocket_plainGetOnWsPath_returns426();
    void webSocket_upgradeElsewhere_returns404AndCloses();
    void listen_portInUse_failsWithErrorString();
    void stopListening_refusesNewConnectionsButServesOpenOnes();

private:
    [[nodiscard]] QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] GuardedTcpServer *guard() const { return m_server->findChild<GuardedTcpServer *>(); }

    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    int m_uploads = 0;
    QList<int> m_observed;
    std::vector<std::unique_ptr<QWebSocket>> m_webSockets;
};

void TestHttpServer::initTestCase()
{
    // One line per request is too much for the test log; refusals (info) stay.
    QLoggingCategory::setFilterRules(QStringLiteral("tidings.server.http.debug=false"));
    HttpServer::Options options;
    options.maxBodyBytes = MaxBody;
    options.maxHeaderBytes = MaxHeaders;
    m_server = std::make_unique<HttpServer>(options);

    using Access = HttpServer::Access;
    m_server->route(Method::Get, QStringLiteral("/api/items/:id"), Access::Public, [](HttpRequest &r) {
        return HttpResponse::json(
            {{QStringLiteral("route"), QStringLiteral("item")}, {QStringLiteral("id"), r.param(0)}});
    });
    // Registered after the parameter route on purpose: the literal must still win.
    m_server->route(Method::Get, QStringLiteral("/api/items/special"), Access::Public, [](HttpRequest &) {
        return HttpResponse::json({{QStringLiteral("route"), QStringLiteral("special")}});
    });
    m_server->route(Method::Put, QStringLiteral("/api/items/:id"), Access::Public, [](HttpRequest &r) {
        return HttpResponse::json(
            {{QStringLiteral("route"), QStringLiteral("put")}, {QStringLiteral("id"), r.param(0)}});
    });
    m_server->route(Method::Get, QStringLiteral("/api/things/:a/sub/:b"), Access::Public, [](HttpRequest &r) {
        return HttpResponse::json({{QStringLiteral("route"), QStringLiteral("things")},
            {QStringLiteral("id"), QString(r.param(0) + QLatin1Char('|') + r.param(1))},
            {QStringLiteral("q"), r.queryValue(QStringLiteral("q"))}});
    });
    m_server->route(Method::Post, QStringLiteral("/api/echo"), Access::Public, [](HttpRequest &r) {
        const Expected<QJsonObject> body = r.json();
        if (!body)
            return HttpResponse::error(body.error());
        return HttpResponse::json(201, {{QStringLiteral("received"), body.value()}});
    });
    m_server->route(Method::Post, QStringLiteral("/api/upload"), Access::Public, [this](HttpRequest &r) {
        ++m_uploads;
        return HttpResponse::json({{QStringLiteral("size"), qint64(r.body().size())}});
    });
    m_server->route(Method::Get, QStringLiteral("/api/me"), Access::Authenticated, [](HttpRequest &r) {
        return HttpResponse::json(
            {{QStringLiteral("user"), r.auth().user.username}, {QStringLiteral("device"), r.auth().deviceId}});
    });
    m_server->route(Method::Get, QStringLiteral("/api/boom"), Access::Public,
        [](HttpRequest &) -> HttpResponse { throw std::runtime_error("kaboom"); });
    m_server->route(Method::Get, QStringLiteral("/api/limited"), Access::Public,
        [](HttpRequest &) { return HttpResponse::rateLimited(7); });
    m_server->route(Method::Get, QStringLiteral("/api/empty"), Access::Public,
        [](HttpRequest &) { return HttpResponse::noContent(); });

    m_server->setAuthenticator([](QByteArrayView token) -> Expected<AuthContext> {
        if (token == "good") {
            AuthContext ctx;
            ctx.user.username = QStringLiteral("alice");
            ctx.deviceId = QStringLiteral("laptop");
            return ctx;
        }
        return ProtocolError::make(ErrorCode::Unauthorized, QStringLiteral("token expired"));
    });
    m_server->setObserver([this](const HttpResponse &response) { m_observed.append(response.status); });

    connect(m_server.get(), &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> ws = m_server->nextPendingWebSocketConnection();
            QWebSocket *raw = ws.get();
            connect(raw, &QWebSocket::textMessageReceived, raw,
                [raw](const QString &text) { raw->sendTextMessage(QStringLiteral("echo:") + text); });
            m_webSockets.push_back(std::move(ws));
        }
    });

    m_port = m_server->listenGuarded(QHostAddress::LocalHost, 0);
    QVERIFY2(m_port != 0, qPrintable(m_server->errorString()));
    QVERIFY(guard());
}

void TestHttpServer::cleanupTestCase()
{
    m_webSockets.clear();
    m_server.reset();
}

Reply TestHttpServer::send(const QByteArray &verb, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty() && request.rawHeader("Content-Type").isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(Timeout))
        return {};
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        r.headers.insert(name.toLower(), value);
    return r;
}

void TestHttpServer::routing_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("id");

    QTest::newRow("param") << QByteArray("GET") << QStringLiteral("/api/items/42") << QStringLiteral("item")
                           << QStringLiteral("42");
    QTest::newRow("literal beats param") << QByteArray("GET") << QStringLiteral("/api/items/special")
                                         << QStringLiteral("special") << QString();
    QTest::newRow("trailing slash") << QByteArray("GET") << QStringLiteral("/api/items/42/") << QStringLiteral("item")
                                    << QStringLiteral("42");
    QTest::newRow("percent-decoded param") << QByteArray("GET") << QStringLiteral("/api/items/a%20b%2Fc%C3%A9")
                                           << QStringLiteral("item") << QStringLiteral("a b/c\u00e9");
    QTest::newRow("method picks route") << QByteArray("PUT") << QStringLiteral("/api/items/special")
                                        << QStringLiteral("put") << QStringLiteral("special");
    QTest::newRow("two params") << QByteArray("GET") << QStringLiteral("/api/things/x/sub/y")
                                << QStringLiteral("things") << QStringLiteral("x|y");
}

void TestHttpServer::routing()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QString, route);
    QFETCH(QString, id);

    const Reply r = send(verb, path, verb == "PUT" ? QByteArray("{}") : QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.json.value(QStringLiteral("route")).toString(), route);
    if (!id.isNull())
        QCOMPARE(r.json.value(QStringLiteral("id")).toString(), id);
}

void TestHttpServer::routing_unknownPath_returnsNotFoundJson()
{
    const Reply r = send("GET", QStringLiteral("/api/nothing/here"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), QStringLiteral("NOT_FOUND"));
    QVERIFY(!r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // Compact JSON: one line, no padding.
    QVERIFY(r.body.startsWith("{\"error\":{\"code\":\"NOT_FOUND\""));
    QVERIFY(!r.body.contains('\n'));

    // An empty parameter segment is not a match either.
    QCOMPARE(send("GET", QStringLiteral("/api/things//sub/y")).status, 404);
}

void TestHttpServer::routing_wrongMethod_returns405WithAllow()
{
    const Reply r = send("DELETE", QStringLiteral("/api/items/42"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), QStringLiteral("METHOD_NOT_ALLOWED"));
    QCOMPARE(r.headers.value("allow"), QByteArray("GET, PUT"));
}

void TestHttpServer::auth_missingToken_returns401WithChallenge()
{
    const Reply r = send("GET", QStringLiteral("/api/me"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));

    // Another scheme is not a bearer token.
    QCOMPARE(send("GET", QStringLiteral("/api/me"), {}, {{"Authorization", "Basic Z29vZA=="}}).status, 401);
}

void TestHttpServer::auth_rejectedToken_returnsAuthenticatorError()
{
    const Reply r = send("GET", QStringLiteral("/api/me"), {}, {{"Authorization", "Bearer expired"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("token expired"));
    QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));
}

void TestHttpServer::auth_validToken_passesContextToHandler()
{
    // The scheme is case-insensitive (RFC 9110).
    const Reply r = send("GET", QStringLiteral("/api/me"), {}, {{"Authorization", "bearer   good"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
    QCOMPARE(r.json.value(QStringLiteral("device")).toString(), QStringLiteral("laptop"));
}

void TestHttpServer::json_malformed_returns400MalformedJson()
{
    const Reply r = send("POST", QStringLiteral("/api/echo"), "{\"title\": ");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("MALFORMED_JSON"));
}

void TestHttpServer::json_invalidUtf8_returns400MalformedJson()
{
    const Reply r = send("POST", QStringLiteral("/api/echo"), "{\"title\":\"caf\xe9\"}");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("MALFORMED_JSON"));
}

void TestHttpServer::json_notAnObject_returns400Validation()
{
    const Reply r = send("POST", QStringLiteral("/api/echo"), "[1,2,3]");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_ERROR"));
}

void TestHttpServer::json_nonJsonContentType_returns415()
{
    const Reply r = send("POST", QStringLiteral("/api/echo"), "{\"a\":1}", {{"Content-Type", "text/plain"}});
    QCOMPARE(r.status, 415);
    QCOMPARE(r.errorCode(), QStringLiteral("UNSUPPORTED_MEDIA_TYPE"));

    const Reply latin1 = send(
        "POST", QStringLiteral("/api/echo"), "{\"a\":1}", {{"Content-Type", "application/json; charset=iso-8859-1"}});
    QCOMPARE(latin1.status, 415);
}

void TestHttpServer::json_charsetParameterAndMissingType_areAccepted()
{
    const Reply r
        = send("POST", QStringLiteral("/api/echo"), "{\"a\":1}", {{"Content-Type", "Application/JSON; charset=UTF-8"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(QStringLiteral("received")).toObject().value(QStringLiteral("a")).toInt(), 1);

    // QNetworkAccessManager always adds a Content-Type; curl -d without -H is
    // what sends none, so this one goes over a raw socket.
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("POST /api/echo HTTP/1.1\r\nHost: test\r\nContent-Length: 7\r\n\r\n{\"a\":2}");
    const std::optional<Reply> raw = c.waitForReply();
    QVERIFY(raw);
    QCOMPARE(raw->status, 201);
    QCOMPARE(raw->json.value(QStringLiteral("received")).toObject().value(QStringLiteral("a")).toInt(), 2);
}

void TestHttpServer::handler_throws_returns500AndServerKeepsServing()
{
    const Reply r = send("GET", QStringLiteral("/api/boom"));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.errorCode(), QStringLiteral("INTERNAL"));
    // The message does not leak the exception text.
    QVERIFY(!r.body.contains("kaboom"));
    QCOMPARE(send("GET", QStringLiteral("/api/items/1")).status, 200);
}

void TestHttpServer::response_rateLimited_hasRetryAfter()
{
    const Reply r = send("GET", QStringLiteral("/api/limited"));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), QStringLiteral("RATE_LIMITED"));
    QCOMPARE(r.headers.value("retry-after"), QByteArray("7"));
}

void TestHttpServer::response_noContent_keepsConnectionUsable()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("GET /api/empty HTTP/1.1\r\nHost: test\r\n\r\n");
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 204);
    QVERIFY(!r->headers.contains("content-length"));
    QVERIFY(r->body.isEmpty());
    // Nothing stray after the 204 that would corrupt the next response.
    c.socket.write("GET /api/items/7 HTTP/1.1\r\nHost: test\r\n\r\n");
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json.value(QStringLiteral("id")).toString(), QStringLiteral("7"));
}

void TestHttpServer::observer_seesEveryAnsweredRequest()
{
    m_observed.clear();
    QCOMPARE(send("GET", QStringLiteral("/api/items/1")).status, 200);
    QCOMPARE(send("GET", QStringLiteral("/nope")).status, 404);
    QCOMPARE(send("DELETE", QStringLiteral("/api/items/1")).status, 405);
    QCOMPARE(send("GET", QStringLiteral("/api/me")).status, 401);
    QCOMPARE(send("GET", QStringLiteral("/api/boom")).status, 500);
    QCOMPARE(m_observed, (QList<int> {200, 404, 405, 401, 500}));
}

void TestHttpServer::guard_bodyAtLimit_passes()
{
    const int uploads = m_uploads;
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/upload", MaxBody) + jsonBodyOfSize(MaxBody));
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json.value(QStringLiteral("size")).toInteger(), MaxBody);
    QCOMPARE(m_uploads, uploads + 1);
}

void TestHttpServer::guard_bodyOneOverLimit_returns413()
{
    const int uploads = m_uploads;
    const quint64 rejected = m_server->rejectedByGuard();
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/upload", MaxBody + 1) + jsonBodyOfSize(MaxBody + 1));
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r->headers.value("connection"), QByteArray("close"));
    QCOMPARE(r->body,
        QByteArray("{\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"request body exceeds the 65536-byte "
                   "limit\"}}"));
    QVERIFY(c.waitForClose());
    QCOMPARE(m_server->rejectedByGuard(), rejected + 1);
    QCOMPARE(m_uploads, uploads); // the handler never ran
}

void TestHttpServer::guard_chunkedOverLimit_returns413()
{
    const int uploads = m_uploads;
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("POST /api/upload HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n");
    // Chunks that are each fine but together exceed the limit.
    const QByteArray chunk(16 * 1024, 'x');
    for (int i = 0; i < 5; ++i)
        c.socket.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    c.socket.write("0\r\n\r\n");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(r->errorCode(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QVERIFY(c.waitForClose());
    QCOMPARE(m_uploads, uploads);
}

void TestHttpServer::guard_chunkedWithinLimit_passes()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("POST /api/upload HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk(16 * 1024, 'x');
    for (int i = 0; i < 4; ++i) // exactly the limit
        c.socket.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    c.socket.write("0\r\n\r\n");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json.value(QStringLiteral("size")).toInteger(), MaxBody);
}

void TestHttpServer::guard_hugeDeclaredBodyStreamed_isRefusedBeforeBuffering()
{
    // Qt 6.4 alone buffers such a body completely before any handler runs; the
    // guard must answer from the headers, having seen little more than them.
    constexpr qint64 Declared = 200LL * 1024 * 1024;
    constexpr qint64 StreamAtMost = 2LL * 1024 * 1024;
    const int uploads = m_uploads;
    const int socketsBefore = int(guard()->findChildren<QTcpSocket *>().size());
    const qint64 rssBefore = vmRssKiB();
    QSignalSpy rejected(guard(), &GuardedTcpServer::requestRejected);

    RawClient c;
    QVERIFY(c.connectTo(m_port));
    const QByteArray chunk(64 * 1024, 'x');
    qint64 sent = 0;
    // Stream like an uploading client: the next chunk once the previous one has
    // left our buffer, until the server answers.
    QObject::connect(&c.socket, &QTcpSocket::bytesWritten, &c.socket, [&] {
        if (c.buffer.isEmpty() && c.socket.bytesToWrite() == 0 && sent < StreamAtMost
            && c.socket.state() == QAbstractSocket::ConnectedState) {
            c.socket.write(chunk);
            sent += chunk.size();
        }
    });
    c.socket.write(postHead("/api/upload", Declared));

    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(r->errorCode(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QCOMPARE(rejected.size(), 1);
    const qint64 inspected = rejected.at(0).at(1).toLongLong();
    const qint64 rssGrowthKiB = vmRssKiB() - rssBefore;
    qInfo("declared %lld bytes; client had sent %lld body bytes when answered; guard inspected %lld bytes; "
          "RSS grew %lld KiB",
        Declared, sent, inspected, rssGrowthKiB);
    QVERIFY2(inspected < 256 * 1024, "the guard answered only after a large part of the body");
    QVERIFY2(rssGrowthKiB < 16 * 1024, "the server buffered the body");
    QVERIFY(c.waitForClose());
    QCOMPARE(m_uploads, uploads);
    // The refused connection's socket (and its guard) is freed.
    QTRY_COMPARE(int(guard()->findChildren<QTcpSocket *>().size()), socketsBefore);
}

void TestHttpServer::guard_seesEachByteExactlyOnce()
{
    // The guard peeks at what is available on each readyRead and relies on
    // QAbstractHttpServer reading all of it right after. If Qt left bytes
    // behind, the guard would count them twice; the count it reports on the
    // refusal below must equal exactly what this connection sent.
    QSignalSpy rejected(guard(), &GuardedTcpServer::requestRejected);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    const QByteArray body = jsonBodyOfSize(40000);
    const QByteArray head = postHead("/api/upload", body.size());
    c.socket.write(head);
    QVERIFY(c.socket.waitForBytesWritten(Timeout));
    // The body in pieces, each after the previous one was written, so that the
    // server sees several readyReads for one request.
    for (qsizetype offset = 0; offset < body.size(); offset += 8000) {
        c.socket.write(body.mid(offset, 8000));
        c.socket.flush();
        QVERIFY(QTest::qWaitFor([&] { return c.socket.bytesToWrite() == 0; }, Timeout));
    }
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);

    const QByteArray refused = postHead("/api/upload", MaxBody * 10);
    c.socket.write(refused);
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(1).toLongLong(), qint64(head.size() + body.size() + refused.size()));
}

void TestHttpServer::guard_malformedRequestLine_returns400()
{
    const quint64 before = m_server->rejectedByGuard();
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("GARBAGE / HTTP/1.1\r\nHost: test\r\n\r\n");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
    QVERIFY(r->json.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("malformed HTTP request")));
    QVERIFY(c.waitForClose());
    QCOMPARE(m_server->rejectedByGuard(), before + 1);

    RawClient badHeader;
    QVERIFY(badHeader.connectTo(m_port));
    badHeader.socket.write("GET /api/items/1 HTTP/1.1\r\nHost: test\r\nNo-colon-here\r\n\r\n");
    const std::optional<Reply> r2 = badHeader.waitForReply();
    QVERIFY(r2);
    QCOMPARE(r2->status, 400);
}

void TestHttpServer::guard_oversizedHeaders_returns431()
{
    const int uploads = m_uploads;
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("POST /api/upload HTTP/1.1\r\nHost: test\r\nX-Filler: " + QByteArray(MaxHeaders + 100, 'h')
        + "\r\nContent-Length: 2\r\n\r\n{}");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 431);
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r->json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
        QStringLiteral("request headers exceed the 16384-byte limit"));
    QVERIFY(c.waitForClose());
    QCOMPARE(m_uploads, uploads);

    // Headers just under the limit are fine.
    RawClient ok;
    QVERIFY(ok.connectTo(m_port));
    ok.socket.write(
        "GET /api/items/1 HTTP/1.1\r\nHost: test\r\nX-Filler: " + QByteArray(MaxHeaders - 200, 'h') + "\r\n\r\n");
    const std::optional<Reply> r2 = ok.waitForReply();
    QVERIFY(r2);
    QCOMPARE(r2->status, 200);
}

void TestHttpServer::guard_expectContinue_gets100ThenAnswer()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/echo", 7, "Expect: 100-continue\r\n"));
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 100);
    c.socket.write("{\"a\":3}");
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 201);

    // Too large: the final answer instead of 100, so the body is never sent.
    RawClient big;
    QVERIFY(big.connectTo(m_port));
    big.socket.write(postHead("/api/upload", MaxBody + 1, "Expect: 100-continue\r\n"));
    r = big.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
}

void TestHttpServer::guard_otherUpgradeIsPlainHttp_connectionStaysGuarded()
{
    // Qt 6.4 answers an h2c upgrade as an ordinary request and keeps the
    // connection; the guard must keep watching it too.
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/echo", 7, "Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\n") + "{\"a\":5}");
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    c.socket.write(postHead("/api/upload", MaxBody + 1) + jsonBodyOfSize(MaxBody + 1));
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
}

void TestHttpServer::guard_pipelinedOverLimitAfterValidRequest_answersInOrder()
{
    const int uploads = m_uploads;
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    // One write, so that both requests usually arrive in one batch.
    c.socket.write(postHead("/api/echo", 7) + "{\"a\":6}" + postHead("/api/upload", MaxBody * 100));
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QCOMPARE(r->json.value(QStringLiteral("received")).toObject().value(QStringLiteral("a")).toInt(), 6);
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QVERIFY(c.waitForClose());
    QCOMPARE(m_uploads, uploads);
}

void TestHttpServer::keepAlive_twoRequestsOnOneConnection_bothAnswered()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/echo", 7) + "{\"a\":1}");
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    c.socket.write(postHead("/api/echo", 7) + "{\"a\":2}");
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QCOMPARE(r->json.value(QStringLiteral("received")).toObject().value(QStringLiteral("a")).toInt(), 2);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::connectionClose_isHonoured()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("GET /api/items/3 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->headers.value("connection"), QByteArray("close"));
    QVERIFY(c.waitForClose());
}

void TestHttpServer::keepAlive_secondRequestOverLimit_returns413()
{
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write(postHead("/api/upload", MaxBody) + jsonBodyOfSize(MaxBody));
    std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    c.socket.write(postHead("/api/upload", MaxBody + 1) + jsonBodyOfSize(MaxBody + 1));
    r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QVERIFY(c.waitForClose());
}

void TestHttpServer::webSocket_upgradeOnWsPath_reachesServerAndEchoes()
{
    QSignalSpy newConnection(m_server.get(), &QAbstractHttpServer::newWebSocketConnection);
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port)));
    QVERIFY(connected.wait(Timeout));
    QCOMPARE(newConnection.size(), 1);

    // Frames must reach the WebSocket server untouched by the HTTP guard,
    // including ones larger than the HTTP body limit.
    client.sendTextMessage(QStringLiteral("hello"));
    QVERIFY(received.wait(Timeout));
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("echo:hello"));
    const QString big(int(MaxBody) * 2, QLatin1Char('w'));
    client.sendTextMessage(big);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, Timeout);
    QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("echo:") + big);
    client.close();
}

void TestHttpServer::webSocket_upgradeSentInTinyPieces_isHandedOver()
{
    // The guard recognises "Upgrade: websocket" however the bytes are split,
    // and must then leave the frames alone.
    QSignalSpy newConnection(m_server.get(), &QAbstractHttpServer::newWebSocketConnection);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    const QByteArray handshake = "GET /ws HTTP/1.1\r\nHost: test\r\nUPGRADE: WebSocket\r\nConnection: Upgrade\r\n"
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    for (qsizetype i = 0; i < handshake.size(); i += 3) {
        c.socket.write(handshake.mid(i, 3));
        c.socket.flush();
        QVERIFY(QTest::qWaitFor([&] { return c.socket.bytesToWrite() == 0; }, Timeout));
    }
    QVERIFY(QTest::qWaitFor([&] { return c.buffer.contains("\r\n\r\n"); }, Timeout));
    QVERIFY2(c.buffer.startsWith("HTTP/1.1 101"), c.buffer.constData());
    QCOMPARE(newConnection.size(), 1);
    c.buffer.remove(0, c.buffer.indexOf("\r\n\r\n") + 4);

    // A masked client text frame "hi"; the server echoes "echo:hi" unmasked.
    const QByteArray mask = "\x11\x22\x33\x44";
    QByteArray frame = "\x81\x82" + mask;
    const QByteArray payload = "hi";
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask.at(i % 4)));
    c.socket.write(frame);
    QVERIFY(QTest::qWaitFor([&] { return c.buffer.size() >= 9; }, Timeout));
    QCOMPARE(c.buffer.left(9),
        QByteArray("\x81\x07"
                   "echo:hi"));
}

void TestHttpServer::webSocket_plainGetOnWsPath_returns426()
{
    const Reply r = send("GET", QStringLiteral("/ws"));
    QCOMPARE(r.status, 426);
    QCOMPARE(r.errorCode(), QStringLiteral("UPGRADE_REQUIRED"));
    QCOMPARE(r.headers.value("upgrade"), QByteArray("websocket"));
}

void TestHttpServer::webSocket_upgradeElsewhere_returns404AndCloses()
{
    QSignalSpy newConnection(m_server.get(), &QAbstractHttpServer::newWebSocketConnection);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    c.socket.write("GET /api/items/1 HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    const std::optional<Reply> r = c.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 404);
    QCOMPARE(r->errorCode(), QStringLiteral("NOT_FOUND"));
    // The guard stepped aside for the upgrade, so the connection must not be
    // reused for further (unguarded) requests.
    QVERIFY(c.waitForClose());
    QCOMPARE(newConnection.size(), 0);
}

void TestHttpServer::listen_portInUse_failsWithErrorString()
{
    HttpServer other(HttpServer::Options {});
    QCOMPARE(other.listenGuarded(QHostAddress::LocalHost, m_port), quint16(0));
    QVERIFY(!other.errorString().isEmpty());
    QVERIFY2(
        other.errorString().contains(QStringLiteral("in use"), Qt::CaseInsensitive), qPrintable(other.errorString()));
}

void TestHttpServer::stopListening_refusesNewConnectionsButServesOpenOnes()
{
    HttpServer server(HttpServer::Options {});
    server.route(Method::Get, QStringLiteral("/x"), HttpServer::Access::Public, [](HttpRequest &) {
        return HttpResponse::json({{QStringLiteral("ok"), true}});
    });
    const quint16 port = server.listenGuarded(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);

    RawClient open;
    QVERIFY(open.connectTo(port));
    // Accepted and adopted by the server before it stops listening.
    QTRY_COMPARE(int(server.findChild<GuardedTcpServer *>()->findChildren<QTcpSocket *>().size()), 1);
    server.stopListening();

    QTcpSocket late;
    QSignalSpy errors(&late, &QAbstractSocket::errorOccurred);
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(errors.wait(Timeout));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);

    open.socket.write("GET /x HTTP/1.1\r\nHost: test\r\n\r\n");
    const std::optional<Reply> r = open.waitForReply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
