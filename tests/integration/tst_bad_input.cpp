// Bad input against a real in-process tidingsd: every refusal has PROTOCOL.md's
// JSON error shape and loses nothing that was accepted before it.
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

#include <functional>

using namespace Tidings::Test;
using Tidings::Server::ServerConfig;

namespace {

const QString Password = QStringLiteral("password-123");

// One HTTP exchange over a raw socket, for requests no well-behaved client sends.
struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool complete = false; // the whole declared body arrived
    bool disconnected = false; // the server closed the connection
};

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawResponse rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    RawResponse r;
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { r.disconnected = true; });
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return r;
    socket.write(request);

    auto parse = [&] {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        r.head = received.left(end);
        const QList<QByteArray> statusLine = r.head.left(r.head.indexOf('\r')).split(' ');
        r.status = statusLine.value(1).toInt();
        bool ok = false;
        const qsizetype length = headerValue(r.head, QByteArrayLiteral("Content-Length")).toLongLong(&ok);
        r.body = received.mid(end + 4);
        r.complete = ok && r.body.size() >= length;
        if (r.complete)
            r.body.truncate(length);
        return r.complete;
    };
    if (!QTest::qWaitFor([&] { return parse() || r.disconnected; }, timeoutMs))
        return r;
    parse();
    socket.abort();
    return r;
}

QJsonObject validPublish(const QString &title)
{
    return {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}}, {QStringLiteral("title"), title}};
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // REST
    void malformedJson_is400MalformedJson_data();
    void malformedJson_is400MalformedJson();
    void invalidUtf8_is400MalformedJson_data();
    void invalidUtf8_is400MalformedJson();
    void publish_invalidField_isValidationErrorNamingTheField_data();
    void publish_invalidField_isValidationErrorNamingTheField();
    void nonObjectBody_isValidationError_data();
    void nonObjectBody_isValidationError();
    void unknownRoute_isJson404_data();
    void unknownRoute_isJson404();
    void wrongMethod_is405WithAllow_data();
    void wrongMethod_is405WithAllow();
    void oversizedRequest_isRefusedBeforeTheBodyArrives_data();
    void oversizedRequest_isRefusedBeforeTheBodyArrives();
    void bodyJustUnderTheLimit_isAccepted();
    void unsupportedContentType_is415_data();
    void unsupportedContentType_is415();
    void jsonContentTypeVariants_areAccepted_data();
    void jsonContentTypeVariants_areAccepted();
    void publishRateLimit_thirdPublishIs429WithRetryAfter();
    void loginRateLimit_perAddress_is429WithRetryAfter();

    // WebSocket
    void ws_oversizedFrame_closesWith1009();
    void ws_unknownEvent_getsErrorFrameAndStaysOpen();
    void ws_malformedFrame_getsErrorFrameAndStaysOpen_data();
    void ws_malformedFrame_getsErrorFrameAndStaysOpen();
    void ws_binaryFrame_getsErrorFrameAndStaysOpen();
    void ws_invalidIds_getErrorReplyAndStayOpen();
    void ws_frameBeforeAuth_closesWith4401_data();
    void ws_frameBeforeAuth_closesWith4401();
    void ws_authFrameWithValidToken_getsWelcome();
    void ws_authFrameWithInvalidToken_closesWith4401();
    void ws_noAuthWithinTimeout_closesWith4401();
    void ws_origin_isCheckedAgainstTheAllowList_data();
    void ws_origin_isCheckedAgainstTheAllowList();
    void ws_invalidBearerOnUpgrade_closesWith4401_data();
    void ws_invalidBearerOnUpgrade_closesWith4401();

private:
    // A fresh server; with `baseline`, alice has two notifications (one read) that
    // every test checks are still there, unchanged, after its bad input.
    void setUp(const std::function<void(ServerConfig &)> &tweak = {}, bool baseline = true);
    [[nodiscard]] QJsonObject aliceInbox() { return inboxSnapshot(*m_alice); }
    bool openAlice(WsTestClient &ws);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<HttpTestClient> m_alice;
    QString m_aliceId;
    QJsonObject m_baseline;
};

void TestBadInput::init()
{
    setUp();
}

void TestBadInput::cleanup()
{
    m_alice.reset();
    m_admin.reset();
    m_server.reset();
}

void TestBadInput::setUp(const std::function<void(ServerConfig &)> &tweak, bool baseline)
{
    cleanup();
    m_server = std::make_unique<TestServer>(tweak);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    QVERIFY(!m_aliceId.isEmpty());
    m_alice = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_alice->login(QStringLiteral("alice"), Password).status, 200);
    if (!baseline) {
        m_baseline = aliceInbox();
        return;
    }
    QJsonObject first = validPublish(QStringLiteral("kept 1"));
    first.insert(QStringLiteral("topic"), QStringLiteral("orders"));
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), first).status, 202);
    QJsonObject second = validPublish(QStringLiteral("kept 2"));
    second.insert(QStringLiteral("topic"), QStringLiteral("deploys"));
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), second);
    QCOMPARE(r.status, 202);
    QCOMPARE(m_alice
                 ->put(QStringLiteral("/api/notifications/") + r.json.value(QStringLiteral("id")).toString()
                     + QStringLiteral("/read"))
                 .status,
        200);
    m_baseline = aliceInbox();
    QCOMPARE(m_baseline.value(QStringLiteral("notifications")).toArray().size(), 2);
    QCOMPARE(m_baseline.value(QStringLiteral("unread")).toObject().value(QStringLiteral("total")).toInteger(), 1);
    QCOMPARE(m_baseline.value(QStringLiteral("headSeq")).toInteger(), 3);
}

bool TestBadInput::openAlice(WsTestClient &ws)
{
    return ws.open(m_server->wsUrl(), m_alice->token()) && ws.waitFor(QStringLiteral("welcome")).has_value();
}

// ---- REST

void TestBadInput::malformedJson_is400MalformedJson_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    const QByteArray publish("POST");
    const QString notifications = QStringLiteral("/api/notifications");
    QTest::newRow("publish: unterminated") << publish << notifications << QByteArray("{");
    QTest::newRow("publish: missing value") << publish << notifications << QByteArray(R"({"title": })");
    QTest::newRow("publish: trailing comma")
        << publish << notifications << QByteArray(R"({"recipients":["alice"],"title":"x",})");
    QTest::newRow("publish: single quotes")
        << publish << notifications << QByteArray("{'recipients':['alice'],'title':'x'}");
    QTest::newRow("publish: trailing garbage")
        << publish << notifications << QByteArray(R"({"recipients":["alice"],"title":"x"} and more)");
    QTest::newRow("publish: bare word") << publish << notifications << QByteArray("hello");
    QTest::newRow("login") << QByteArray("POST") << QStringLiteral("/api/auth/login")
                           << QByteArray("username=alice&password=x");
    QTest::newRow("refresh") << QByteArray("POST") << QStringLiteral("/api/auth/refresh")
                             << QByteArray(R"({"refreshToken":)");
    QTest::newRow("preferences") << QByteArray("PUT") << QStringLiteral("/api/notifications/preferences")
                                 << QByteArray("[1,");
    QTest::newRow("read-all") << QByteArray("PUT") << QStringLiteral("/api/notifications/read-all")
                              << QByteArray(R"({"topic":)");
    QTest::newRow("create user") << QByteArray("POST") << QStringLiteral("/api/admin/users")
                                 << QByteArray(R"({"username":"x",,})");
    QTest::newRow("devices") << QByteArray("POST") << QStringLiteral("/api/devices") << QByteArray("{]");
    QTest::newRow("tokens") << QByteArray("POST") << QStringLiteral("/api/tokens") << QByteArray(R"({"name":"x")");
    QTest::newRow("topic acl") << QByteArray("PUT") << QStringLiteral("/api/admin/topics/orders")
                               << QByteArray(R"({"read":["*"})");
}

void TestBadInput::malformedJson_is400MalformedJson()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const HttpResult r = m_admin->send(method, path, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(hasErrorShape(r, QStringLiteral("MALFORMED_JSON")), r.body.constData());
    QCOMPARE(aliceInbox(), m_baseline);
    QCOMPARE(m_admin->get(QStringLiteral("/api/auth/me")).status, 200); // the admin's session is untouched
}

void TestBadInput::invalidUtf8_is400MalformedJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    const QString publish = QStringLiteral("/api/notifications");
    auto withTitle = [](const char *bytes) -> QByteArray {
        return QByteArray(R"({"recipients":["alice"],"title":")") + QByteArray(bytes) + QByteArray(R"("})");
    };
    QTest::newRow("invalid byte") << publish << withTitle("\xff");
    QTest::newRow("lone continuation") << publish << withTitle("a\x80z");
    QTest::newRow("overlong slash") << publish << withTitle("\xc0\xaf");
    QTest::newRow("UTF-16 surrogate") << publish << withTitle("\xed\xa0\x80");
    QTest::newRow("truncated sequence") << publish << withTitle("\xe2\x82");
    QTest::newRow("above U+10FFFF") << publish << withTitle("\xf4\x90\x80\x80");
    QTest::newRow("latin-1 text") << publish << withTitle("caf\xe9");
    QTest::newRow("in a key") << publish << QByteArray("{\"recipients\":[\"alice\"],\"ti\xfetle\":\"x\"}");
    QTest::newRow("preferences") << QStringLiteral("/api/notifications/preferences")
                                 << QByteArray("{\"topics\":{\"\xff\":{}}}");
}

void TestBadInput::invalidUtf8_is400MalformedJson()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const QByteArray method = path.endsWith(QLatin1String("preferences")) ? QByteArray("PUT") : QByteArray("POST");
    const HttpResult r = m_admin->send(method, path, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(hasErrorShape(r, QStringLiteral("MALFORMED_JSON")), r.body.constData());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::publish_invalidField_isValidationErrorNamingTheField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QJsonArray alice {QStringLiteral("alice")};
    const QString recipientsKey = QStringLiteral("recipients");
    const QString titleKey = QStringLiteral("title");
    // The valid base with one member replaced (or removed when `value` is undefined).
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o {{recipientsKey, alice}, {titleKey, QStringLiteral("t")}};
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    auto action = [](const char *id, const char *label, const char *url) {
        QJsonObject a {{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("url"), QLatin1String(url)}};
        if (label)
            a.insert(QStringLiteral("label"), QLatin1String(label));
        return a;
    };
    const QString future = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate);
    const QString nearer = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);

    QTest::newRow("title is a number") << with(titleKey, 42) << titleKey;
    QTest::newRow("title missing") << with(titleKey, QJsonValue::Undefined) << titleKey;
    QTest::newRow("title blank") << with(titleKey, QStringLiteral("   ")) << titleKey;
    QTest::newRow("title 256 chars") << with(titleKey, QString(256, QLatin1Char('t'))) << titleKey;
    QTest::newRow("message 4097 chars") << with(QStringLiteral("message"), QString(4097, QLatin1Char('m')))
                                        << QStringLiteral("message");
    QTest::newRow("message is a list") << with(QStringLiteral("message"), QJsonArray {QStringLiteral("a")})
                                       << QStringLiteral("message");
    QTest::newRow("priority huge") << with(QStringLiteral("priority"), QStringLiteral("huge"))
                                   << QStringLiteral("priority");
    QTest::newRow("priority 6") << with(QStringLiteral("priority"), 6) << QStringLiteral("priority");
    QTest::newRow("priority 2.5") << with(QStringLiteral("priority"), 2.5) << QStringLiteral("priority");
    QTest::newRow("priority true") << with(QStringLiteral("priority"), true) << QStringLiteral("priority");
    QTest::newRow("topic with space and !")
        << with(QStringLiteral("topic"), QStringLiteral("bad topic!")) << QStringLiteral("topic");
    QTest::newRow("topic 65 chars") << with(QStringLiteral("topic"), QString(65, QLatin1Char('a')))
                                    << QStringLiteral("topic");
    QTest::newRow("topic empty") << with(QStringLiteral("topic"), QString()) << QStringLiteral("topic");
    QTest::newRow("topic is a number") << with(QStringLiteral("topic"), 7) << QStringLiteral("topic");
    QTest::newRow("channel alias invalid")
        << with(QStringLiteral("channel"), QStringLiteral("bad/channel")) << QStringLiteral("channel");
    QJsonObject differing = with(QStringLiteral("topic"), QStringLiteral("orders"));
    differing.insert(QStringLiteral("channel"), QStringLiteral("deploys"));
    QTest::newRow("topic and channel differ") << differing << QStringLiteral("channel");
    QTest::newRow("4 actions") << with(QStringLiteral("actions"),
        QJsonArray {action("a", "A", "https://x.example"), action("b", "B", "https://x.example"),
            action("c", "C", "https://x.example"), action("d", "D", "https://x.example")})
                               << QStringLiteral("actions");
    QTest::newRow("actions is an object")
        << with(QStringLiteral("actions"), action("a", "A", "https://x.example")) << QStringLiteral("actions");
    QTest::newRow("action without label")
        << with(QStringLiteral("actions"), QJsonArray {action("a", nullptr, "https://x.example")})
        << QStringLiteral("actions[0].label");
    QTest::newRow("action with ftp url") << with(QStringLiteral("actions"),
        QJsonArray {action("a", "A", "https://x.example"), action("b", "B", "ftp://x.example")})
                                         << QStringLiteral("actions[1].url");
    QTest::newRow("action ids repeat") << with(QStringLiteral("actions"),
        QJsonArray {action("a", "A", "https://x.example"), action("a", "B", "https://x.example")})
                                       << QStringLiteral("actions[1].id");
    QTest::newRow("data over 16 KiB") << with(
        QStringLiteral("data"), QJsonObject {{QStringLiteral("blob"), QString(17 * 1024, QLatin1Char('x'))}})
                                      << QStringLiteral("data");
    QTest::newRow("data is a list") << with(QStringLiteral("data"), QJsonArray {1, 2}) << QStringLiteral("data");
    QTest::newRow("tags is a string") << with(QStringLiteral("tags"), QStringLiteral("package"))
                                      << QStringLiteral("tags");
    QJsonArray elevenTags;
    for (int i = 0; i < 11; ++i)
        elevenTags.append(QStringLiteral("t%1").arg(i));
    QTest::newRow("11 tags") << with(QStringLiteral("tags"), elevenTags) << QStringLiteral("tags");
    QTest::newRow("tag is a number") << with(QStringLiteral("tags"), QJsonArray {QStringLiteral("ok"), 5})
                                     << QStringLiteral("tags[1]");
    QTest::newRow("click javascript:") << with(QStringLiteral("click"), QStringLiteral("javascript:alert(1)"))
                                       << QStringLiteral("click");
    QTest::newRow("icon not a url") << with(QStringLiteral("icon"), QStringLiteral("not a url"))
                                    << QStringLiteral("icon");
    QTest::newRow("format html") << with(QStringLiteral("format"), QStringLiteral("html")) << QStringLiteral("format");
    QTest::newRow("type 65 chars") << with(QStringLiteral("type"), QString(65, QLatin1Char('y')))
                                   << QStringLiteral("type");
    QTest::newRow("groupKey 256 chars") << with(QStringLiteral("groupKey"), QString(256, QLatin1Char('g')))
                                        << QStringLiteral("groupKey");
    QTest::newRow("recipients is a string") << with(recipientsKey, QStringLiteral("alice")) << recipientsKey;
    QTest::newRow("recipient is a number") << with(recipientsKey, QJsonArray {42}) << QStringLiteral("recipients[0]");
    QTest::newRow("recipient empty") << with(recipientsKey, QJsonArray {QStringLiteral("alice"), QStringLiteral(" ")})
                                     << QStringLiteral("recipients[1]");
    QTest::newRow("unknown recipient") << with(
        recipientsKey, QJsonArray {QStringLiteral("alice"), QStringLiteral("nobody")})
                                       << recipientsKey;
    QTest::newRow("no target at all") << with(recipientsKey, QJsonValue::Undefined) << recipientsKey;
    QTest::newRow("unknown role") << with(QStringLiteral("roles"), QJsonArray {QStringLiteral("king")})
                                  << QStringLiteral("roles[0]");
    QTest::newRow("broadcast yes") << with(QStringLiteral("broadcast"), QStringLiteral("yes"))
                                   << QStringLiteral("broadcast");
    QTest::newRow("excludeUsers is a string")
        << with(QStringLiteral("excludeUsers"), QStringLiteral("bob")) << QStringLiteral("excludeUsers");
    QTest::newRow("unknown delivery channel")
        << with(QStringLiteral("channels"), QJsonArray {QStringLiteral("pigeon")}) << QStringLiteral("channels[0]");
    QTest::newRow("scheduledAt tomorrow")
        << with(QStringLiteral("scheduledAt"), QStringLiteral("tomorrow")) << QStringLiteral("scheduledAt");
    QTest::newRow("scheduledAt bare date")
        << with(QStringLiteral("scheduledAt"), QStringLiteral("2030-01-01")) << QStringLiteral("scheduledAt");
    QTest::newRow("scheduledAt number") << with(QStringLiteral("scheduledAt"), 1700000000)
                                        << QStringLiteral("scheduledAt");
    QTest::newRow("expiresAt in the past")
        << with(QStringLiteral("expiresAt"), QStringLiteral("2001-01-01T00:00:00Z")) << QStringLiteral("expiresAt");
    QJsonObject expiresFirst = with(QStringLiteral("scheduledAt"), future);
    expiresFirst.insert(QStringLiteral("expiresAt"), nearer);
    QTest::newRow("expiresAt before scheduledAt") << expiresFirst << QStringLiteral("expiresAt");
    QTest::newRow("idempotencyKey empty")
        << with(QStringLiteral("idempotencyKey"), QString()) << QStringLiteral("idempotencyKey");
    QTest::newRow("idempotencyKey 256 chars")
        << with(QStringLiteral("idempotencyKey"), QString(256, QLatin1Char('k'))) << QStringLiteral("idempotencyKey");
    QTest::newRow("variables without templateId")
        << with(QStringLiteral("variables"), QJsonObject {{QStringLiteral("a"), 1}}) << QStringLiteral("variables");
    QTest::newRow("unknown templateId") << with(QStringLiteral("templateId"), QStringLiteral("no-such-template"))
                                        << QStringLiteral("templateId");
}

void TestBadInput::publish_invalidField_isValidationErrorNamingTheField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), body);
    QCOMPARE(r.status, 400);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::nonObjectBody_isValidationError_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    for (const char *body : {"[1,2]", "[]", "42", "\"text\"", "null", "true"}) {
        QTest::addRow("publish %s", body)
            << QByteArray("POST") << QStringLiteral("/api/notifications") << QByteArray(body);
        QTest::addRow("preferences %s", body)
            << QByteArray("PUT") << QStringLiteral("/api/notifications/preferences") << QByteArray(body);
    }
    QTest::newRow("login list") << QByteArray("POST") << QStringLiteral("/api/auth/login")
                                << QByteArray(R"(["admin","x"])");
}

void TestBadInput::nonObjectBody_isValidationError()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const QJsonObject adminPrefs = m_admin->get(QStringLiteral("/api/notifications/preferences")).json;
    const HttpResult r = m_admin->send(method, path, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(aliceInbox(), m_baseline);
    QCOMPARE(m_admin->get(QStringLiteral("/api/notifications/preferences")).json, adminPrefs);
}

void TestBadInput::unknownRoute_isJson404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString notFound = QStringLiteral("NOT_FOUND");
    QTest::newRow("GET /") << QByteArray("GET") << QStringLiteral("/") << 404 << notFound;
    QTest::newRow("GET /api") << QByteArray("GET") << QStringLiteral("/api") << 404 << notFound;
    QTest::newRow("GET /api/nope") << QByteArray("GET") << QStringLiteral("/api/nope") << 404 << notFound;
    QTest::newRow("POST /nothing") << QByteArray("POST") << QStringLiteral("/nothing") << 404 << notFound;
    QTest::newRow("too deep") << QByteArray("GET") << QStringLiteral("/api/notifications/a/b/c") << 404 << notFound;
    QTest::newRow("empty segment") << QByteArray("GET") << QStringLiteral("/api//notifications") << 404 << notFound;
    QTest::newRow("unknown admin route") << QByteArray("GET") << QStringLiteral("/api/admin/everything") << 404
                                         << notFound;
    QTest::newRow("plain GET /ws") << QByteArray("GET") << QStringLiteral("/ws") << 426
                                   << QStringLiteral("UPGRADE_REQUIRED");
}

void TestBadInput::unknownRoute_isJson404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, code);
    for (bool withToken : {true, false}) {
        HttpTestClient client(m_server->url());
        if (withToken)
            client.setToken(m_admin->token());
        const HttpResult r = client.send(method, path, {}, {});
        QCOMPARE(r.status, status);
        QVERIFY2(hasErrorShape(r, code), r.body.constData());
    }
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::wrongMethod_is405WithAllow_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("allowed");

    const QString get = QStringLiteral("GET");
    const QString put = QStringLiteral("PUT");
    const QString post = QStringLiteral("POST");
    const QString del = QStringLiteral("DELETE");
    const QString patch = QStringLiteral("PATCH");
    QTest::newRow("PATCH notifications") << QByteArray("PATCH") << QStringLiteral("/api/notifications")
                                         << QStringList {get, post};
    QTest::newRow("DELETE healthz") << QByteArray("DELETE") << QStringLiteral("/healthz") << QStringList {get};
    QTest::newRow("POST metrics") << QByteArray("POST") << QStringLiteral("/metrics") << QStringList {get};
    QTest::newRow("POST me") << QByteArray("POST") << QStringLiteral("/api/auth/me") << QStringList {get};
    QTest::newRow("GET login") << QByteArray("GET") << QStringLiteral("/api/auth/login") << QStringList {post};
    QTest::newRow("PUT stream") << QByteArray("PUT") << QStringLiteral("/api/stream") << QStringList {get};
    QTest::newRow("POST one notification")
        << QByteArray("POST") << QStringLiteral("/api/notifications/some-id") << QStringList {get, del};
    QTest::newRow("GET read") << QByteArray("GET") << QStringLiteral("/api/notifications/some-id/read")
                              << QStringList {put};
    QTest::newRow("PATCH topics") << QByteArray("PATCH") << QStringLiteral("/api/topics") << QStringList {get};
    QTest::newRow("GET subscription") << QByteArray("GET") << QStringLiteral("/api/topics/orders/subscription")
                                      << QStringList {put, del};
    QTest::newRow("POST admin user") << QByteArray("POST") << QStringLiteral("/api/admin/users/x")
                                     << QStringList {get, put, patch};
    QTest::newRow("PUT tokens") << QByteArray("PUT") << QStringLiteral("/api/tokens") << QStringList {get, post};
}

void TestBadInput::wrongMethod_is405WithAllow()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QStringList, allowed);
    const HttpResult r = m_admin->send(method, path, {}, {});
    QCOMPARE(r.status, 405);
    QVERIFY2(hasErrorShape(r, QStringLiteral("METHOD_NOT_ALLOWED")), r.body.constData());
    QStringList allow;
    const QList<QByteArray> parts = r.header("Allow").split(',');
    for (const QByteArray &p : parts)
        allow << QString::fromLatin1(p.trimmed());
    allow.sort();
    allowed.sort();
    QCOMPARE(allow, allowed);
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::oversizedRequest_isRefusedBeforeTheBodyArrives_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("partialBody");
    QTest::addColumn<int>("status");

    QTest::newRow("Content-Length 100000000, 1000 bytes sent")
        << QByteArray("Content-Type: application/json\r\nContent-Length: 100000000\r\n") << QByteArray(1000, ' ')
        << 413;
    QTest::newRow("Content-Length one over the limit, nothing sent")
        << QByteArray("Content-Type: application/json\r\nContent-Length: 65537\r\n") << QByteArray() << 413;
    QTest::newRow("chunked body growing past the limit")
        << QByteArray("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
        << QByteArray("20000\r\n") + QByteArray(70 * 1024, ' ') << 413;
    QTest::newRow("headers over 16 KiB") << QByteArray("X-Padding: ") + QByteArray(17 * 1024, 'p')
            + QByteArray("\r\nContent-Length: 2\r\n")
                                         << QByteArray("{}") << 431;
}

void TestBadInput::oversizedRequest_isRefusedBeforeTheBodyArrives()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, partialBody);
    QFETCH(int, status);

    const QByteArray request
        = QByteArrayLiteral("POST /api/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ")
        + m_admin->token().toLatin1() + QByteArrayLiteral("\r\n") + headers + QByteArrayLiteral("\r\n") + partialBody;
    QElapsedTimer timer;
    timer.start();
    // The rest of the body never comes: a server waiting for it would time out here.
    const RawResponse r = rawExchange(m_server->port(), request);
    QVERIFY2(r.complete,
        qPrintable(QStringLiteral("no complete answer after %1 ms: %2")
                       .arg(timer.elapsed())
                       .arg(QString::fromLatin1(r.head))));
    QCOMPARE(r.status, status);
    QVERIFY2(headerValue(r.head, QByteArrayLiteral("Content-Type")).startsWith("application/json"), r.head.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.body).object();
    QVERIFY2(hasErrorShape(json, QStringLiteral("PAYLOAD_TOO_LARGE")), r.body.constData());

    // The server serves on, and nothing accepted before is lost.
    QCOMPARE(m_admin->get(QStringLiteral("/healthz")).status, 200);
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::bodyJustUnderTheLimit_isAccepted()
{
    // JSON allows whitespace: a valid publish padded to just under 64 KiB.
    QByteArray body = compactJson(validPublish(QStringLiteral("padded")));
    body.insert(body.size() - 1, QByteArray(64 * 1024 - body.size() - 16, ' '));
    QVERIFY(body.size() < 64 * 1024);
    const HttpResult r = m_admin->send("POST", QStringLiteral("/api/notifications"), body);
    QCOMPARE(r.status, 202);
    const QJsonObject after = aliceInbox();
    QCOMPARE(after.value(QStringLiteral("notifications")).toArray().size(), 3);
    QCOMPARE(after.value(QStringLiteral("notifications"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
        QStringLiteral("padded"));
}

void TestBadInput::unsupportedContentType_is415_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("text/plain") << QByteArray("text/plain");
    QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=xyz");
    QTest::newRow("xml") << QByteArray("application/xml");
    QTest::newRow("json in latin-1") << QByteArray("application/json; charset=iso-8859-1");
    QTest::newRow("json in UTF-16") << QByteArray("application/json; charset=utf-16");
}

void TestBadInput::unsupportedContentType_is415()
{
    QFETCH(QByteArray, contentType);
    const HttpResult r = m_admin->send(
        "POST", QStringLiteral("/api/notifications"), compactJson(validPublish(QStringLiteral("typed"))), contentType);
    QCOMPARE(r.status, 415);
    QVERIFY2(hasErrorShape(r, QStringLiteral("UNSUPPORTED_MEDIA_TYPE")), r.body.constData());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::jsonContentTypeVariants_areAccepted_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("plain") << QByteArray("application/json");
    QTest::newRow("utf-8") << QByteArray("application/json; charset=utf-8");
    QTest::newRow("UTF-8 quoted, no space") << QByteArray("application/json;charset=\"UTF-8\"");
    QTest::newRow("upper case") << QByteArray("Application/JSON");
    QTest::newRow("+json") << QByteArray("application/vnd.tidings+json");
}

void TestBadInput::jsonContentTypeVariants_areAccepted()
{
    QFETCH(QByteArray, contentType);
    const HttpResult r = m_admin->send(
        "POST", QStringLiteral("/api/notifications"), compactJson(validPublish(QStringLiteral("typed"))), contentType);
    QCOMPARE(r.status, 202);
    QCOMPARE(aliceInbox().value(QStringLiteral("notifications")).toArray().size(), 3);
}

void TestBadInput::publishRateLimit_thirdPublishIs429WithRetryAfter()
{
    setUp(
        [](ServerConfig &c) {
            c.publishPerMinute = 60;
            c.publishBurst = 2;
        },
        false);
    if (QTest::currentTestFailed())
        return;
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), validPublish(QStringLiteral("one"))).status, 202);
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), validPublish(QStringLiteral("two"))).status, 202);
    const QJsonObject accepted = aliceInbox();

    const HttpResult third = m_admin->post(QStringLiteral("/api/notifications"), validPublish(QStringLiteral("three")));
    QCOMPARE(third.status, 429);
    QVERIFY2(hasErrorShape(third, QStringLiteral("RATE_LIMITED")), third.body.constData());
    bool ok = false;
    const int retryAfter = third.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 60, third.header("Retry-After").constData());

    // The limit is per client address too: another sender from here is limited as well.
    const HttpResult token = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("other")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    QCOMPARE(token.status, 201);
    HttpTestClient other(m_server->url());
    other.setToken(token.json.value(QStringLiteral("token")).toString());
    QCOMPARE(other.post(QStringLiteral("/api/notifications"), validPublish(QStringLiteral("four"))).status, 429);

    // The two accepted ones are there, the refused ones are not.
    QCOMPARE(aliceInbox(), accepted);
    QStringList titles;
    const QJsonArray items = accepted.value(QStringLiteral("notifications")).toArray();
    for (const QJsonValue &v : items)
        titles << v.toObject().value(QStringLiteral("title")).toString();
    QCOMPARE(titles, (QStringList {QStringLiteral("two"), QStringLiteral("one")}));
    // Reading is not rate limited.
    QCOMPARE(m_alice->get(QStringLiteral("/api/notifications")).status, 200);

    // The bucket refills at 60/min: after Retry-After, publishing works again. (Not
    // QTRY_COMPARE: it evaluates once more after success, which would publish twice.)
    int status = 0;
    const bool recovered = QTest::qWaitFor(
        [&] {
            status = m_admin->post(QStringLiteral("/api/notifications"), validPublish(QStringLiteral("later"))).status;
            return status != 429;
        },
        (retryAfter + 3) * 1000);
    QVERIFY(recovered);
    QCOMPARE(status, 202);
    QCOMPARE(aliceInbox().value(QStringLiteral("notifications")).toArray().size(), 3);
}

void TestBadInput::loginRateLimit_perAddress_is429WithRetryAfter()
{
    m_alice.reset();
    m_admin.reset();
    m_server = std::make_unique<TestServer>([](ServerConfig &c) {
        c.loginPerMinute = 60;
        c.loginBurst = 2;
    });
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    HttpTestClient admin(m_server->url());
    const HttpResult first = admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
    QCOMPARE(first.status, 200);
    HttpTestClient guesser(m_server->url());
    QCOMPARE(guesser.login(QStringLiteral("admin"), QStringLiteral("guess-1")).status, 401);

    // Third attempt from this address: refused before the password is even checked.
    const HttpResult third = guesser.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
    QCOMPARE(third.status, 429);
    QVERIFY2(hasErrorShape(third, QStringLiteral("RATE_LIMITED")), third.body.constData());
    bool ok = false;
    const int retryAfter = third.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 60, third.header("Retry-After").constData());
    QVERIFY(!third.json.contains(QStringLiteral("accessToken")));
    // Refresh shares the login limit.
    const HttpResult refresh = guesser.post(QStringLiteral("/api/auth/refresh"),
        {{QStringLiteral("refreshToken"), first.json.value(QStringLiteral("refreshToken")).toString()}});
    QCOMPARE(refresh.status, 429);

    // Sessions opened before are unaffected, and so is everything else.
    QCOMPARE(admin.get(QStringLiteral("/api/auth/me")).status, 200);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/notifications"),
                     {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("admin")}},
                         {QStringLiteral("title"), QStringLiteral("still here")}})
                 .status,
        202);
    QCOMPARE(
        admin.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray().size(),
        1);

    // The refused refresh did not spend the token: once the bucket refills it still works.
    HttpTestClient later(m_server->url());
    int status = 0;
    const bool recovered = QTest::qWaitFor(
        [&] {
            status = later
                         .post(QStringLiteral("/api/auth/refresh"),
                             {{QStringLiteral("refreshToken"),
                                 first.json.value(QStringLiteral("refreshToken")).toString()}})
                         .status;
            return status != 429;
        },
        (retryAfter + 3) * 1000);
    QVERIFY(recovered);
    QCOMPARE(status, 200);
}

// ---- WebSocket

void TestBadInput::ws_oversizedFrame_closesWith1009()
{
    setUp([](ServerConfig &c) { c.wsMaxFrameBytes = 4096; });
    if (QTest::currentTestFailed())
        return;
    WsTestClient ws;
    QVERIFY(openAlice(ws));

    // Just under the limit is fine.
    ws.sendFrame(QStringLiteral("ping"), {{QStringLiteral("pad"), QString(3000, QLatin1Char('x'))}});
    QVERIFY(ws.waitFor(QStringLiteral("pong")));

    ws.sendFrame(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {QString(5000, QLatin1Char('x'))}}});
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 1009);

    QCOMPARE(aliceInbox(), m_baseline);
    WsTestClient again;
    QVERIFY(openAlice(again));
}

void TestBadInput::ws_unknownEvent_getsErrorFrameAndStaysOpen()
{
    WsTestClient ws;
    QVERIFY(openAlice(ws));
    ws.sendFrame(QStringLiteral("teleport"), {{QStringLiteral("to"), QStringLiteral("mars")}});
    const auto error = ws.waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY2(hasErrorShape(QJsonObject {{QStringLiteral("error"), error->data}}, QStringLiteral("UNKNOWN_EVENT")),
        qPrintable(describe(error->raw)));

    // With a ref, the error comes as the reply.
    const auto reply = ws.request(QStringLiteral("teleport"));
    QVERIFY(reply);
    QCOMPARE(reply->value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(reply->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("UNKNOWN_EVENT"));

    ws.sendFrame(QStringLiteral("ping"));
    QVERIFY(ws.waitFor(QStringLiteral("pong")));
    QVERIFY(ws.isConnected());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_malformedFrame_getsErrorFrameAndStaysOpen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    const QString malformed = QStringLiteral("MALFORMED_JSON");
    const QString validation = QStringLiteral("VALIDATION_ERROR");
    QTest::newRow("not json") << QStringLiteral("{not json") << malformed;
    QTest::newRow("empty") << QString() << malformed;
    QTest::newRow("number") << QStringLiteral("42") << malformed;
    QTest::newRow("string") << QStringLiteral("\"ping\"") << malformed;
    QTest::newRow("null") << QStringLiteral("null") << malformed;
    QTest::newRow("truncated") << QStringLiteral("{\"event\":\"ping\",\"data\":{") << malformed;
    QTest::newRow("list") << QStringLiteral("[1,2]") << validation;
    QTest::newRow("no event") << QStringLiteral("{\"data\":{}}") << validation;
    QTest::newRow("event is a number") << QStringLiteral("{\"event\":42}") << validation;
    QTest::newRow("data is a list") << QStringLiteral("{\"event\":\"ping\",\"data\":[1]}") << validation;
}

void TestBadInput::ws_malformedFrame_getsErrorFrameAndStaysOpen()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    WsTestClient ws;
    QVERIFY(openAlice(ws));
    ws.sendRaw(text);
    const auto error = ws.waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY2(
        hasErrorShape(QJsonObject {{QStringLiteral("error"), error->data}}, code), qPrintable(describe(error->raw)));
    ws.sendFrame(QStringLiteral("ping"));
    QVERIFY(ws.waitFor(QStringLiteral("pong")));
    QVERIFY(ws.isConnected());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_binaryFrame_getsErrorFrameAndStaysOpen()
{
    WsTestClient ws;
    QVERIFY(openAlice(ws));
    ws.socket().sendBinaryMessage(QByteArrayLiteral("{\"event\":\"ping\"}"));
    const auto error = ws.waitFor(QStringLiteral("error"));
    QVERIFY(error);
    QVERIFY2(hasErrorShape(QJsonObject {{QStringLiteral("error"), error->data}}, QStringLiteral("VALIDATION_ERROR")),
        qPrintable(describe(error->raw)));
    ws.sendFrame(QStringLiteral("ping"));
    QVERIFY(ws.waitFor(QStringLiteral("pong")));
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_invalidIds_getErrorReplyAndStayOpen()
{
    WsTestClient ws;
    QVERIFY(openAlice(ws));
    const QList<QJsonObject> bad {
        {},
        {{QStringLiteral("ids"), 5}},
        {{QStringLiteral("ids"), QJsonArray {}}},
        {{QStringLiteral("ids"), QJsonArray {QStringLiteral(" ")}}},
        {{QStringLiteral("ids"), QJsonArray {1, 2}}},
    };
    for (const QString &event :
        {QStringLiteral("read"), QStringLiteral("unread"), QStringLiteral("delete"), QStringLiteral("ack")}) {
        for (const QJsonObject &data : bad) {
            const auto reply = ws.request(event, data);
            QVERIFY2(reply, qPrintable(event + QLatin1Char(' ') + describe(data)));
            QCOMPARE(reply->value(QStringLiteral("ok")).toBool(true), false);
            QCOMPARE(reply->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                QStringLiteral("VALIDATION_ERROR"));
            QVERIFY(
                !reply->value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString().isEmpty());
        }
    }
    const auto badTopic = ws.request(
        QStringLiteral("subscribe"), {{QStringLiteral("topics"), QJsonArray {QStringLiteral("bad topic!")}}});
    QVERIFY(badTopic);
    QCOMPARE(badTopic->value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("topics[0]"));
    const auto badPrefs = ws.request(QStringLiteral("updatePreferences"),
        {{QStringLiteral("quietHours"), QJsonObject {{QStringLiteral("start"), QStringLiteral("25:00")}}}});
    QVERIFY(badPrefs);
    QCOMPARE(badPrefs->value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("quietHours.start"));
    ws.sendFrame(QStringLiteral("ping"));
    QVERIFY(ws.waitFor(QStringLiteral("pong")));
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_frameBeforeAuth_closesWith4401_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("data");
    QTest::newRow("ping") << QStringLiteral("ping") << QJsonObject {};
    QTest::newRow("resume") << QStringLiteral("resume") << QJsonObject {{QStringLiteral("sinceSeq"), 0}};
    QTest::newRow("read") << QStringLiteral("read")
                          << QJsonObject {{QStringLiteral("ids"), QJsonArray {QStringLiteral("x")}}};
    QTest::newRow("readAll") << QStringLiteral("readAll") << QJsonObject {};
    QTest::newRow("subscribe") << QStringLiteral("subscribe")
                               << QJsonObject {{QStringLiteral("topics"), QJsonArray {QStringLiteral("orders")}}};
    QTest::newRow("unknown") << QStringLiteral("teleport") << QJsonObject {};
}

void TestBadInput::ws_frameBeforeAuth_closesWith4401()
{
    QFETCH(QString, event);
    QFETCH(QJsonObject, data);
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), QString())); // no Authorization header
    ws.sendFrame(event, data, QStringLiteral("r1"));
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("welcome") && f.event != QLatin1String("pong")
                && f.event != QLatin1String("reply"),
            qPrintable(describe(f.raw)));
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_authFrameWithValidToken_getsWelcome()
{
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), QString()));
    const auto reply = ws.request(QStringLiteral("auth"), {{QStringLiteral("token"), m_alice->token()}});
    QVERIFY(reply);
    QVERIFY2(reply->value(QStringLiteral("ok")).toBool(), qPrintable(describe(*reply)));
    const auto welcome = ws.waitFor(QStringLiteral("welcome"));
    QVERIFY(welcome);
    QCOMPARE(welcome->data.value(QStringLiteral("userId")).toString(), m_aliceId);
    QCOMPARE(welcome->data.value(QStringLiteral("headSeq")).toInteger(), 3);
    QCOMPARE(welcome->data.value(QStringLiteral("unread")).toObject().value(QStringLiteral("total")).toInteger(), 1);

    ws.sendFrame(QStringLiteral("ping"));
    QVERIFY(ws.waitFor(QStringLiteral("pong")));
    // A second auth with a token of the same user and device renews the session: harmless.
    const auto again = ws.request(QStringLiteral("auth"), {{QStringLiteral("token"), m_alice->token()}});
    QVERIFY(again);
    QCOMPARE(again->value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(ws.isConnected());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_authFrameWithInvalidToken_closesWith4401()
{
    for (const QJsonObject &data : {QJsonObject {{QStringLiteral("token"), QStringLiteral("not-a-token")}},
             QJsonObject {{QStringLiteral("token"), QString()}}, QJsonObject {{QStringLiteral("token"), 42}},
             QJsonObject {}}) {
        WsTestClient ws;
        QVERIFY(ws.open(m_server->wsUrl(), QString()));
        ws.sendFrame(QStringLiteral("auth"), data, QStringLiteral("r1"));
        QVERIFY2(ws.waitClosed(), qPrintable(describe(data)));
        QCOMPARE(ws.closeCode(), 4401);
        for (const WsTestClient::Frame &f : ws.pending())
            QVERIFY2(f.event != QLatin1String("welcome"), qPrintable(describe(data)));
    }
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_noAuthWithinTimeout_closesWith4401()
{
    setUp([](ServerConfig &c) { c.wsAuthTimeoutSec = 1; });
    if (QTest::currentTestFailed())
        return;
    WsTestClient authenticated;
    QVERIFY(openAlice(authenticated));
    WsTestClient silent;
    QVERIFY(silent.open(m_server->wsUrl(), QString()));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(silent.waitClosed(5000));
    QCOMPARE(silent.closeCode(), 4401);
    QVERIFY2(timer.elapsed() >= 500, "closed long before the timeout");

    // The deadline concerns unauthenticated connections only.
    authenticated.sendFrame(QStringLiteral("ping"));
    QVERIFY(authenticated.waitFor(QStringLiteral("pong")));
    QVERIFY(authenticated.isConnected());
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_origin_isCheckedAgainstTheAllowList_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("allowed") << QStringLiteral("https://app.example") << true;
    QTest::newRow("no Origin (desktop client)") << QString() << true;
    QTest::newRow("other host") << QStringLiteral("https://evil.example") << false;
    QTest::newRow("other scheme") << QStringLiteral("http://app.example") << false;
    QTest::newRow("other port") << QStringLiteral("https://app.example:8443") << false;
    QTest::newRow("suffix host") << QStringLiteral("https://app.example.evil.com") << false;
    QTest::newRow("subdomain") << QStringLiteral("https://evil.app.example") << false;
    QTest::newRow("null") << QStringLiteral("null") << false;
}

void TestBadInput::ws_origin_isCheckedAgainstTheAllowList()
{
    QFETCH(QString, origin);
    QFETCH(bool, accepted);
    setUp([](ServerConfig &c) { c.allowedOrigins = {QStringLiteral("https://app.example")}; });
    if (QTest::currentTestFailed())
        return;
    WsTestClient ws;
    const bool opened = ws.open(m_server->wsUrl(), m_alice->token(), origin);
    if (accepted) {
        QVERIFY(opened);
        const auto welcome = ws.waitFor(QStringLiteral("welcome"));
        QVERIFY(welcome);
        QCOMPARE(welcome->data.value(QStringLiteral("userId")).toString(), m_aliceId);
    } else {
        QVERIFY(opened); // accepted, then closed with a code a browser can read
        QVERIFY(ws.waitClosed());
        QCOMPARE(ws.closeCode(), 4403);
        for (const WsTestClient::Frame &f : ws.pending())
            QVERIFY2(f.event != QLatin1String("welcome"), "a rejected origin must not get a stream");
    }
    QCOMPARE(aliceInbox(), m_baseline);
}

void TestBadInput::ws_invalidBearerOnUpgrade_closesWith4401_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("unknown API token") << QStringLiteral("unknown api token");
    QTest::newRow("tampered JWT") << QStringLiteral("tampered");
    QTest::newRow("truncated JWT") << QStringLiteral("truncated");
}

void TestBadInput::ws_invalidBearerOnUpgrade_closesWith4401()
{
    QFETCH(QString, kind);
    QString token;
    if (kind == QLatin1String("garbage")) {
        token = QStringLiteral("not-a-token");
    } else if (kind == QLatin1String("unknown api token")) {
        token = QStringLiteral("tdg_") + QString(43, QLatin1Char('Z'));
    } else if (kind == QLatin1String("tampered")) {
        token = m_alice->token();
        token[token.size() - 2] = token.at(token.size() - 2) == QLatin1Char('x') ? QLatin1Char('y') : QLatin1Char('x');
    } else {
        token = m_alice->token().left(m_alice->token().lastIndexOf(QLatin1Char('.')));
    }
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), token)); // the upgrade succeeds so that browsers can read the close code
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("welcome"), "an invalid token must not get a stream");
    QCOMPARE(aliceInbox(), m_baseline);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
