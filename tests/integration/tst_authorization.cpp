// Who may do what, against a real in-process tidingsd: users never reach each
// other's notifications (REST or WebSocket), admin routes need the admin role,
// authenticated routes need a valid token, and scopes, topic globs and topic ACLs
// are enforced.
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Tidings::Test;

namespace {

const QString Password = QStringLiteral("password-123");

// Fills the %1/%2 placeholders a route pattern may have (QString::arg warns when one is absent).
QString fill(QString pattern, const QString &one, const QString &two = {})
{
    return pattern.replace(QLatin1String("%1"), one).replace(QLatin1String("%2"), two);
}

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rest_aliceCannotReachBobsNotification_data();
    void rest_aliceCannotReachBobsNotification();
    void ws_aliceCannotReachBobsNotification_data();
    void ws_aliceCannotReachBobsNotification();
    void ws_readWithMixedIds_changesOnlyTheCallersOwn();
    void readAll_byAlice_leavesBobsInboxUntouched();

    void adminRoutes_nonAdminCallers_are403_data();
    void adminRoutes_nonAdminCallers_are403();
    void tokensAll_forNonAdmin_listsOnlyOwnTokens();
    void tokens_someoneElsesToken_cannotBeRevoked();

    void authenticatedRoutes_withoutValidToken_are401_data();
    void authenticatedRoutes_withoutValidToken_are401();
    void forgedTokens_are401_data();
    void forgedTokens_are401();
    void expiredAccessToken_is401();

    void topicGlobToken_publishesOnlyToMatchingTopics();
    void forbiddenPublish_toNewTopic_leavesNoTopicBehind();
    void tokenWithoutPublishScope_cannotPublish();
    void userRole_cannotPublish();
    void userRole_publishScopedToken_cannotPublish();
    void publishOnlyToken_cannotReadTheInbox_data();
    void publishOnlyToken_cannotReadTheInbox();
    void publishOnlyToken_cannotOpenAWebSocket();
    void topicPublishAcl_deniesUnlistedPublisher();
    void topicPublishAcl_admittingPlainUsers_letsThemPublishThereOnly();
    void topicReadAcl_deniedUserCannotSubscribeNorReceive();

private:
    std::unique_ptr<HttpTestClient> signIn(const QString &username);
    QString publishTo(const QString &recipient, const QString &title, const QString &topic);
    // An API token of `owner` (a signed-in client) with these scopes and topic globs.
    QString createToken(HttpTestClient &owner, const QStringList &scopes, const QStringList &topics = {});

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<HttpTestClient> m_alice;
    std::unique_ptr<HttpTestClient> m_bob;
    QString m_aliceId;
    QString m_bobId;
    QString m_aliceNote; // alice's own, unread
    QString m_bobUnreadNote; // bob's, unread
    QString m_bobReadNote; // bob's, read by bob
};

void TestAuthorization::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    m_bobId = m_admin->createUser(QStringLiteral("bob"));
    QVERIFY(!m_aliceId.isEmpty());
    QVERIFY(!m_bobId.isEmpty());
    m_alice = signIn(QStringLiteral("alice"));
    m_bob = signIn(QStringLiteral("bob"));
    QVERIFY(!m_alice->token().isEmpty());
    QVERIFY(!m_bob->token().isEmpty());

    m_aliceNote = publishTo(m_aliceId, QStringLiteral("for alice"), QStringLiteral("orders"));
    m_bobUnreadNote = publishTo(m_bobId, QStringLiteral("for bob"), QStringLiteral("orders"));
    m_bobReadNote = publishTo(m_bobId, QStringLiteral("for bob, read"), QStringLiteral("deploys"));
    QVERIFY(!m_aliceNote.isEmpty());
    QVERIFY(!m_bobUnreadNote.isEmpty());
    QVERIFY(!m_bobReadNote.isEmpty());
    QCOMPARE(m_bob->put(QStringLiteral("/api/notifications/") + m_bobReadNote + QStringLiteral("/read")).status, 200);
}

void TestAuthorization::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_admin.reset();
    m_server.reset();
}

std::unique_ptr<HttpTestClient> TestAuthorization::signIn(const QString &username)
{
    auto client = std::make_unique<HttpTestClient>(m_server->url());
    const HttpResult r = client->login(username, Password);
    if (r.status != 200)
        qWarning("login of %s failed: %d %s", qPrintable(username), r.status, r.body.constData());
    return client;
}

QString TestAuthorization::publishTo(const QString &recipient, const QString &title, const QString &topic)
{
    QJsonObject body {{QStringLiteral("recipients"), QJsonArray {recipient}}, {QStringLiteral("title"), title}};
    if (!topic.isEmpty())
        body.insert(QStringLiteral("topic"), topic);
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), body);
    if (r.status != 202)
        qWarning("publish failed: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("id")).toString();
}

QString TestAuthorization::createToken(HttpTestClient &owner, const QStringList &scopes, const QStringList &topics)
{
    QJsonObject body {{QStringLiteral("name"), QString(QStringLiteral("token-") + scopes.join(QLatin1Char('-')))},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}};
    if (!topics.isEmpty())
        body.insert(QStringLiteral("topics"), QJsonArray::fromStringList(topics));
    const HttpResult r = owner.post(QStringLiteral("/api/tokens"), body);
    if (r.status != 201)
        qWarning("token creation failed: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("token")).toString();
}

// ---- one user's notifications are invisible to another

void TestAuthorization::rest_aliceCannotReachBobsNotification_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("targetsReadNote"); // unread needs a read notification to change anything
    QTest::addColumn<bool>("viaReadToken"); // alice's API token with the read scope instead of her session

    for (bool token : {false, true}) {
        const char *via = token ? " (read token)" : " (session)";
        QTest::addRow("GET one%s", via) << QByteArray("GET") << QString() << false << token;
        QTest::addRow("read%s", via) << QByteArray("PUT") << QStringLiteral("/read") << false << token;
        QTest::addRow("unread%s", via) << QByteArray("PUT") << QStringLiteral("/unread") << true << token;
        QTest::addRow("delete%s", via) << QByteArray("DELETE") << QString() << false << token;
    }
}

void TestAuthorization::rest_aliceCannotReachBobsNotification()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    QFETCH(bool, targetsReadNote);
    QFETCH(bool, viaReadToken);

    HttpTestClient alice(m_server->url());
    alice.setToken(viaReadToken ? createToken(*m_alice, {QStringLiteral("read")}) : m_alice->token());
    QVERIFY(!alice.token().isEmpty());
    const QString bobsId = targetsReadNote ? m_bobReadNote : m_bobUnreadNote;
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const QJsonObject aliceBefore = inboxSnapshot(*m_alice);

    const HttpResult r = alice.send(method, QStringLiteral("/api/notifications/") + bobsId + suffix, {}, {});
    QCOMPARE(r.status, 404); // not 403: another user's ids are not disclosed
    QVERIFY2(hasErrorShape(r, QStringLiteral("NOT_FOUND")), r.body.constData());
    QVERIFY2(!r.body.contains("for bob"), r.body.constData());

    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
    QCOMPARE(inboxSnapshot(*m_alice), aliceBefore);
    QCOMPARE(m_bob->get(QStringLiteral("/api/notifications/") + bobsId).status, 200);

    // The same call on her own notification works, so the 404 above is about ownership.
    if (targetsReadNote)
        QCOMPARE(alice.put(QStringLiteral("/api/notifications/") + m_aliceNote + QStringLiteral("/read")).status, 200);
    const HttpResult own = alice.send(method, QStringLiteral("/api/notifications/") + m_aliceNote + suffix, {}, {});
    QCOMPARE(own.status, 200);
}

void TestAuthorization::ws_aliceCannotReachBobsNotification_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("targetsReadNote");

    QTest::newRow("read") << QStringLiteral("read") << false;
    QTest::newRow("unread") << QStringLiteral("unread") << true;
    QTest::newRow("delete") << QStringLiteral("delete") << false;
    QTest::newRow("ack") << QStringLiteral("ack") << false;
}

void TestAuthorization::ws_aliceCannotReachBobsNotification()
{
    QFETCH(QString, event);
    QFETCH(bool, targetsReadNote);
    const QString bobsId = targetsReadNote ? m_bobReadNote : m_bobUnreadNote;

    WsTestClient bobWs;
    QVERIFY(bobWs.open(m_server->wsUrl(), m_bob->token()));
    QVERIFY(bobWs.waitFor(QStringLiteral("welcome")));
    WsTestClient aliceWs;
    QVERIFY(aliceWs.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(aliceWs.waitFor(QStringLiteral("welcome")));
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const QJsonObject aliceBefore = inboxSnapshot(*m_alice);

    const auto reply = aliceWs.request(event, {{QStringLiteral("ids"), QJsonArray {bobsId}}});
    QVERIFY2(reply, "no reply");
    QVERIFY(aliceWs.isConnected());
    const QJsonObject data = reply->value(QStringLiteral("data")).toObject();
    if (reply->value(QStringLiteral("ok")).toBool()) {
        if (event == QLatin1String("ack")) {
            QCOMPARE(stringsOf(data.value(QStringLiteral("ids"))), QStringList {});
        } else {
            QVERIFY2(!data.value(QStringLiteral("changed")).toBool(true), qPrintable(describe(*reply)));
            QCOMPARE(data.value(QStringLiteral("seq")).toInteger(),
                aliceBefore.value(QStringLiteral("headSeq")).toInteger());
        }
    }

    // Bob's devices hear nothing, and his inbox is as it was.
    bobWs.drain();
    for (const WsTestClient::Frame &f : bobWs.pending())
        QVERIFY2(f.event == QLatin1String("pong"), qPrintable(QStringLiteral("bob got ") + describe(f.raw)));
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
    QCOMPARE(inboxSnapshot(*m_alice), aliceBefore);
    const HttpResult bobs = m_bob->get(QStringLiteral("/api/notifications/") + bobsId);
    QCOMPARE(bobs.status, 200);
    if (event == QLatin1String("ack")) {
        QVERIFY(bobs.json.value(QStringLiteral("deliveredAt")).isNull());
        QCOMPARE(bobs.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }
}

void TestAuthorization::ws_readWithMixedIds_changesOnlyTheCallersOwn()
{
    WsTestClient aliceWs;
    QVERIFY(aliceWs.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(aliceWs.waitFor(QStringLiteral("welcome")));
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);

    const auto reply
        = aliceWs.request(QStringLiteral("read"), {{QStringLiteral("ids"), QJsonArray {m_bobUnreadNote, m_aliceNote}}});
    QVERIFY(reply);
    QVERIFY2(reply->value(QStringLiteral("ok")).toBool(), qPrintable(describe(*reply)));
    QCOMPARE(reply->value(QStringLiteral("data")).toObject().value(QStringLiteral("changed")).toBool(), true);
    const auto ev = aliceWs.waitFor(QStringLiteral("read"));
    QVERIFY(ev);
    QCOMPARE(stringsOf(ev->data.value(QStringLiteral("ids"))), QStringList {m_aliceNote});

    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
    QCOMPARE(m_alice->get(QStringLiteral("/api/notifications"))
                 .json.value(QStringLiteral("unread"))
                 .toObject()
                 .value(QStringLiteral("total"))
                 .toInteger(),
        0);
}

void TestAuthorization::readAll_byAlice_leavesBobsInboxUntouched()
{
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const HttpResult rest = m_alice->put(QStringLiteral("/api/notifications/read-all"));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value(QStringLiteral("markedCount")).toInteger(), 1);
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);

    QCOMPARE(m_alice->put(QStringLiteral("/api/notifications/") + m_aliceNote + QStringLiteral("/unread")).status, 200);
    WsTestClient aliceWs;
    QVERIFY(aliceWs.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(aliceWs.waitFor(QStringLiteral("welcome")));
    // An upToSeq far beyond her head is still only her stream.
    const auto reply = aliceWs.request(QStringLiteral("readAll"), {{QStringLiteral("upToSeq"), 1000}});
    QVERIFY(reply);
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

// ---- admin routes

void TestAuthorization::adminRoutes_nonAdminCallers_are403_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %1 = bob's id, %2 = the caller's own id
    QTest::addColumn<QByteArray>("body");

    struct Route
    {
        const char *name;
        const char *method;
        const char *path;
        const char *body;
    };
    const Route routes[] = {
        {"list users", "GET", "/api/admin/users", ""},
        {"create user", "POST", "/api/admin/users", R"({"username":"eve","password":"password-123","role":"admin"})"},
        {"get user", "GET", "/api/admin/users/%1", ""},
        {"patch user", "PATCH", "/api/admin/users/%1", R"({"role":"admin"})"},
        {"put user", "PUT", "/api/admin/users/%1", R"({"disabled":true})"},
        {"promote self", "PATCH", "/api/admin/users/%2", R"({"role":"admin"})"},
        {"reset password", "POST", "/api/admin/users/%1/reset-password", R"({"password":"hijacked-123"})"},
        {"list topics", "GET", "/api/admin/topics", ""},
        {"set topic acl", "PUT", "/api/admin/topics/orders", R"({"read":["role:admin"],"publish":["*"]})"},
        {"create topic", "PUT", "/api/admin/topics/backdoor", R"({"publish":["*"]})"},
        {"stats", "GET", "/api/admin/stats", ""},
    };
    for (const char *caller : {"user", "publisher", "admin token without admin scope"}) {
        for (const Route &r : routes)
            QTest::addRow("%s: %s", caller, r.name) << QString::fromLatin1(caller) << QByteArray(r.method)
                                                    << QString::fromLatin1(r.path) << QByteArray(r.body);
    }
}

void TestAuthorization::adminRoutes_nonAdminCallers_are403()
{
    QFETCH(QString, caller);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);

    HttpTestClient client(m_server->url());
    QString callerId;
    if (caller == QLatin1String("user")) {
        client.setToken(m_alice->token());
        callerId = m_aliceId;
    } else if (caller == QLatin1String("publisher")) {
        callerId = m_admin->createUser(QStringLiteral("pat"), QStringLiteral("publisher"));
        QCOMPARE(client.login(QStringLiteral("pat"), Password).status, 200);
    } else {
        // The admin's own token, but without the admin scope.
        client.setToken(createToken(*m_admin, {QStringLiteral("publish"), QStringLiteral("read")}));
        callerId = m_admin->get(QStringLiteral("/api/auth/me")).json.value(QStringLiteral("id")).toString();
    }
    QVERIFY(!client.token().isEmpty());
    QVERIFY(!callerId.isEmpty());

    auto adminView = [this] {
        return QJsonObject {{QStringLiteral("users"), m_admin->get(QStringLiteral("/api/admin/users")).json},
            {QStringLiteral("topics"), m_admin->get(QStringLiteral("/api/admin/topics")).json}};
    };
    const QJsonObject before = adminView();

    const HttpResult r = client.send(method, fill(path, m_bobId, callerId), body,
        body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"));
    QCOMPARE(r.status, 403);
    QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());

    QCOMPARE(adminView(), before);
    HttpTestClient bob(m_server->url());
    QCOMPARE(bob.login(QStringLiteral("bob"), Password).status, 200); // password not reset, not disabled
    QCOMPARE(client.get(QStringLiteral("/api/admin/users")).status, 403); // not promoted either
}

void TestAuthorization::tokensAll_forNonAdmin_listsOnlyOwnTokens()
{
    QVERIFY(!createToken(*m_admin, {QStringLiteral("publish")}).isEmpty());
    QVERIFY(!createToken(*m_bob, {QStringLiteral("read")}).isEmpty());
    QVERIFY(!createToken(*m_alice, {QStringLiteral("read")}).isEmpty());
    const HttpResult mine = m_alice->get(QStringLiteral("/api/tokens?all=true"));
    QCOMPARE(mine.status, 200);
    const QJsonArray tokens = mine.json.value(QStringLiteral("tokens")).toArray();
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(tokens.at(0).toObject().value(QStringLiteral("userId")).toString(), m_aliceId);
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/tokens?all=true")).json.value(QStringLiteral("tokens")).toArray().size(), 3);

    // Only admins may mint admin tokens.
    const HttpResult adminScope = m_alice->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("sneaky")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("admin")}}});
    QCOMPARE(adminScope.status, 403);
    QVERIFY(hasErrorShape(adminScope, QStringLiteral("FORBIDDEN")));
    // A read token cannot mint tokens.
    HttpTestClient readToken(m_server->url());
    readToken.setToken(createToken(*m_alice, {QStringLiteral("read")}));
    QCOMPARE(readToken
                 .post(QStringLiteral("/api/tokens"),
                     {{QStringLiteral("name"), QStringLiteral("child")},
                         {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}})
                 .status,
        403);
}

void TestAuthorization::tokens_someoneElsesToken_cannotBeRevoked()
{
    const HttpResult created = m_alice->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("reader")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}});
    QCOMPARE(created.status, 201);
    const QString id = created.json.value(QStringLiteral("id")).toString();
    const HttpResult r = m_bob->del(QStringLiteral("/api/tokens/") + id);
    QCOMPARE(r.status, 404);
    QVERIFY(hasErrorShape(r, QStringLiteral("NOT_FOUND")));
    HttpTestClient token(m_server->url());
    token.setToken(created.json.value(QStringLiteral("token")).toString());
    QCOMPARE(token.get(QStringLiteral("/api/notifications")).status, 200);
    // An admin may revoke it.
    QCOMPARE(m_admin->del(QStringLiteral("/api/tokens/") + id).status, 204);
    QCOMPARE(token.get(QStringLiteral("/api/notifications")).status, 401);
}

// ---- authentication required

void TestAuthorization::authenticatedRoutes_withoutValidToken_are401_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization"); // the raw header, empty = none

    const QList<QPair<const char *, const char *>> routes {
        {"POST", "/api/auth/logout"},
        {"GET", "/api/auth/me"},
        {"GET", "/api/notifications"},
        {"POST", "/api/notifications"},
        {"GET", "/api/notifications/%1"},
        {"PUT", "/api/notifications/%1/read"},
        {"PUT", "/api/notifications/%1/unread"},
        {"DELETE", "/api/notifications/%1"},
        {"PUT", "/api/notifications/read-all"},
        {"PUT", "/api/notifications/mark-all-read"},
        {"GET", "/api/notifications/preferences"},
        {"PUT", "/api/notifications/preferences"},
        {"GET", "/api/stream"},
        {"GET", "/api/topics"},
        {"PUT", "/api/topics/orders/subscription"},
        {"DELETE", "/api/topics/orders/subscription"},
        {"GET", "/api/devices"},
        {"POST", "/api/devices"},
        {"DELETE", "/api/devices/laptop"},
        {"GET", "/api/tokens"},
        {"POST", "/api/tokens"},
        {"DELETE", "/api/tokens/some-id"},
        {"GET", "/api/admin/users"},
        {"POST", "/api/admin/users"},
        {"GET", "/api/admin/users/%2"},
        {"PATCH", "/api/admin/users/%2"},
        {"PUT", "/api/admin/users/%2"},
        {"POST", "/api/admin/users/%2/reset-password"},
        {"GET", "/api/admin/topics"},
        {"PUT", "/api/admin/topics/orders"},
        {"GET", "/api/admin/stats"},
    };
    const QList<QPair<const char *, QByteArray>> credentials {
        {"no token", QByteArray()},
        {"empty bearer", QByteArrayLiteral("Bearer ")},
        {"garbage bearer", QByteArrayLiteral("Bearer not-a-token")},
        {"basic auth", QByteArrayLiteral("Basic YWRtaW46YWRtaW4tcGFzc3dvcmQtMQ==")},
    };
    for (const auto &[credential, header] : credentials) {
        for (const auto &[method, path] : routes)
            QTest::addRow("%s %s, %s", method, path, credential)
                << QByteArray(method) << QString::fromLatin1(path) << header;
    }
}

void TestAuthorization::authenticatedRoutes_withoutValidToken_are401()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);

    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    HttpTestClient anonymous(m_server->url());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
    const QByteArray body = hasBody ? compactJson({{QStringLiteral("title"), QStringLiteral("x")},
                                {QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}},
                                {QStringLiteral("role"), QStringLiteral("admin")}})
                                    : QByteArray();
    const HttpResult r = anonymous.send(method, fill(path, m_bobUnreadNote, m_bobId), body,
        hasBody ? QByteArrayLiteral("application/json") : QByteArray(), headers);
    QCOMPARE(r.status, 401);
    QVERIFY2(hasErrorShape(r, QStringLiteral("UNAUTHORIZED")), r.body.constData());
    QCOMPARE(r.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

void TestAuthorization::forgedTokens_are401_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("tampered signature") << QStringLiteral("tampered signature");
    QTest::newRow("payload swapped to admin") << QStringLiteral("payload swapped");
    QTest::newRow("alg none") << QStringLiteral("alg none");
    QTest::newRow("unknown API token") << QStringLiteral("unknown api token");
    QTest::newRow("revoked API token") << QStringLiteral("revoked api token");
    QTest::newRow("refresh token as bearer") << QStringLiteral("refresh token");
}

void TestAuthorization::forgedTokens_are401()
{
    QFETCH(QString, kind);
    const QString token = m_alice->token();
    const QStringList parts = token.split(QLatin1Char('.'));
    QCOMPARE(parts.size(), 3);
    auto b64 = [](const QJsonObject &o) {
        return QString::fromLatin1(QJsonDocument(o)
                                       .toJson(QJsonDocument::Compact)
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    QJsonObject payload
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
              .object();
    QVERIFY(!payload.isEmpty());

    QString forged;
    if (kind == QLatin1String("tampered signature")) {
        QString sig = parts.at(2);
        sig[sig.size() / 2] = sig.at(sig.size() / 2) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        forged = parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.') + sig;
    } else if (kind == QLatin1String("payload swapped")) {
        payload.insert(QStringLiteral("role"), QStringLiteral("admin"));
        payload.insert(QStringLiteral("sub"),
            m_admin->get(QStringLiteral("/api/auth/me")).json.value(QStringLiteral("id")).toString());
        forged = parts.at(0) + QLatin1Char('.') + b64(payload) + QLatin1Char('.') + parts.at(2);
    } else if (kind == QLatin1String("alg none")) {
        forged = b64({{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("typ"), QStringLiteral("JWT")}})
            + QLatin1Char('.') + parts.at(1) + QLatin1Char('.');
    } else if (kind == QLatin1String("unknown api token")) {
        forged = QStringLiteral("tdg_") + QString(43, QLatin1Char('A'));
    } else if (kind == QLatin1String("revoked api token")) {
        const HttpResult created = m_alice->post(QStringLiteral("/api/tokens"),
            {{QStringLiteral("name"), QStringLiteral("gone")},
                {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}});
        QCOMPARE(created.status, 201);
        QCOMPARE(
            m_alice->del(QStringLiteral("/api/tokens/") + created.json.value(QStringLiteral("id")).toString()).status,
            204);
        forged = created.json.value(QStringLiteral("token")).toString();
    } else {
        HttpTestClient fresh(m_server->url());
        forged = fresh.login(QStringLiteral("alice"), Password).json.value(QStringLiteral("refreshToken")).toString();
    }
    QVERIFY(!forged.isEmpty());

    HttpTestClient client(m_server->url());
    client.setToken(forged);
    for (const QString &path :
        {QStringLiteral("/api/auth/me"), QStringLiteral("/api/notifications"), QStringLiteral("/api/admin/users")}) {
        const HttpResult r = client.get(path);
        QCOMPARE(r.status, 401);
        QVERIFY2(hasErrorShape(r, QStringLiteral("UNAUTHORIZED")), r.body.constData());
    }
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), forged)); // the upgrade succeeds so that browsers can read the close code
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("welcome"), "a forged token must not get a stream");
}

void TestAuthorization::expiredAccessToken_is401()
{
    TestServer shortLived([](Tidings::Server::ServerConfig &c) { c.accessTokenTtlSec = 1; });
    QVERIFY2(shortLived.isRunning(), qPrintable(shortLived.errorString()));
    HttpTestClient admin(shortLived.url());
    const HttpResult login = admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json.value(QStringLiteral("expiresIn")).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(admin.get(QStringLiteral("/api/auth/me")).status, 401, 5000);
    const HttpResult r = admin.get(QStringLiteral("/api/admin/users"));
    QCOMPARE(r.status, 401);
    QVERIFY2(hasErrorShape(r, QStringLiteral("UNAUTHORIZED")), r.body.constData());
    // The refresh token still gets a fresh access token.
    admin.setToken({});
    const HttpResult refreshed = admin.post(QStringLiteral("/api/auth/refresh"),
        {{QStringLiteral("refreshToken"), login.json.value(QStringLiteral("refreshToken")).toString()}});
    QCOMPARE(refreshed.status, 200);
    admin.setToken(refreshed.json.value(QStringLiteral("accessToken")).toString());
    QCOMPARE(admin.get(QStringLiteral("/api/admin/users")).status, 200);
}

// ---- publishing rights

void TestAuthorization::topicGlobToken_publishesOnlyToMatchingTopics()
{
    // The fixture's first publish to "orders" created the topic.
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/orders"),
                     {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}}})
                 .status,
        200);
    QCOMPARE(m_alice->put(QStringLiteral("/api/topics/orders/subscription")).status, 200);
    HttpTestClient integration(m_server->url());
    integration.setToken(createToken(*m_admin, {QStringLiteral("publish")}, {QStringLiteral("ord*")}));
    QVERIFY(!integration.token().isEmpty());
    const QJsonObject aliceBefore = inboxSnapshot(*m_alice);
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);

    auto publishAs = [&integration](const QJsonObject &target) {
        QJsonObject body = target;
        body.insert(QStringLiteral("title"), QStringLiteral("from the shop"));
        return integration.post(QStringLiteral("/api/notifications"), body);
    };
    HttpResult r = publishAs({{QStringLiteral("topic"), QStringLiteral("deploys")}});
    QCOMPARE(r.status, 403);
    QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());
    r = publishAs({{QStringLiteral("topic"), QStringLiteral("reorders")}}); // globs are anchored
    QCOMPARE(r.status, 403);
    r = publishAs({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}}});
    QCOMPARE(r.status, 403);
    r = publishAs({{QStringLiteral("topic"), QStringLiteral("orders")},
        {QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}}});
    QCOMPARE(r.status, 403);
    r = publishAs({{QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("broadcast"), true}});
    QCOMPARE(r.status, 403);
    QCOMPARE(inboxSnapshot(*m_alice), aliceBefore);
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);

    r = publishAs({{QStringLiteral("topic"), QStringLiteral("orders")}});
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 1);
    const QString id = r.json.value(QStringLiteral("id")).toString();
    QCOMPARE(m_alice->get(QStringLiteral("/api/notifications/") + id).status, 200);
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

void TestAuthorization::forbiddenPublish_toNewTopic_leavesNoTopicBehind()
{
    HttpTestClient integration(m_server->url());
    integration.setToken(createToken(*m_admin, {QStringLiteral("publish")}, {QStringLiteral("ord*")}));
    const HttpResult r = integration.post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("topic"), QStringLiteral("payroll")}, {QStringLiteral("title"), QStringLiteral("x")}});
    QCOMPARE(r.status, 403);
    // A refused request has no side effects: the topic was not created.
    const HttpResult topics = m_admin->get(QStringLiteral("/api/admin/topics"));
    QVERIFY2(!topics.body.contains("\"payroll\""), topics.body.constData());

    const HttpResult visible = m_alice->get(QStringLiteral("/api/topics"));
    QVERIFY2(!visible.body.contains("\"payroll\""), visible.body.constData());
}

void TestAuthorization::tokenWithoutPublishScope_cannotPublish()
{
    HttpTestClient reader(m_server->url());
    reader.setToken(createToken(*m_admin, {QStringLiteral("read")}));
    QVERIFY(!reader.token().isEmpty());
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const HttpResult r = reader.post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}},
            {QStringLiteral("title"), QStringLiteral("x")}});
    QCOMPARE(r.status, 403);
    QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
    // ...though it reads its owner's inbox.
    QCOMPARE(reader.get(QStringLiteral("/api/notifications")).status, 200);
}

void TestAuthorization::userRole_cannotPublish()
{
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    for (const QJsonObject &target : {QJsonObject {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}}},
             QJsonObject {{QStringLiteral("topic"), QStringLiteral("orders")}},
             QJsonObject {{QStringLiteral("broadcast"), true}}}) {
        QJsonObject body = target;
        body.insert(QStringLiteral("title"), QStringLiteral("spam"));
        const HttpResult r = m_alice->post(QStringLiteral("/api/notifications"), body);
        QCOMPARE(r.status, 403);
        QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());
    }
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

void TestAuthorization::userRole_publishScopedToken_cannotPublish()
{
    // A token acts with its owner's identity: a plain user cannot gain publishing
    // rights by minting a token with the publish scope.
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const HttpResult created = m_alice->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("escalate")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    if (created.status == 201) {
        HttpTestClient token(m_server->url());
        token.setToken(created.json.value(QStringLiteral("token")).toString());
        const HttpResult r = token.post(QStringLiteral("/api/notifications"),
            {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}},
                {QStringLiteral("title"), QStringLiteral("spam")}});
        QCOMPARE(r.status, 403);
        QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());
    } else {
        QCOMPARE(created.status, 403);
    }
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

void TestAuthorization::publishOnlyToken_cannotReadTheInbox_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %1 = one of the admin's notifications

    QTest::newRow("list") << QByteArray("GET") << QStringLiteral("/api/notifications");
    QTest::newRow("get one") << QByteArray("GET") << QStringLiteral("/api/notifications/%1");
    QTest::newRow("read") << QByteArray("PUT") << QStringLiteral("/api/notifications/%1/read");
    QTest::newRow("unread") << QByteArray("PUT") << QStringLiteral("/api/notifications/%1/unread");
    QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/api/notifications/%1");
    QTest::newRow("read-all") << QByteArray("PUT") << QStringLiteral("/api/notifications/read-all");
    QTest::newRow("stream") << QByteArray("GET") << QStringLiteral("/api/stream");
    QTest::newRow("preferences") << QByteArray("GET") << QStringLiteral("/api/notifications/preferences");
    QTest::newRow("change preferences") << QByteArray("PUT") << QStringLiteral("/api/notifications/preferences");
    QTest::newRow("topics") << QByteArray("GET") << QStringLiteral("/api/topics");
    QTest::newRow("subscribe") << QByteArray("PUT") << QStringLiteral("/api/topics/orders/subscription");
    QTest::newRow("devices") << QByteArray("GET") << QStringLiteral("/api/devices");
}

void TestAuthorization::publishOnlyToken_cannotReadTheInbox()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const QString adminsOwn = publishTo(QStringLiteral("admin"), QStringLiteral("for the admin"), QString());
    QVERIFY(!adminsOwn.isEmpty());
    const QJsonObject before = inboxSnapshot(*m_admin);

    HttpTestClient publisher(m_server->url());
    publisher.setToken(createToken(*m_admin, {QStringLiteral("publish")}));
    const HttpResult r = publisher.send(method, fill(path, adminsOwn), {}, {});
    QCOMPARE(r.status, 403);
    QVERIFY2(hasErrorShape(r, QStringLiteral("FORBIDDEN")), r.body.constData());
    QCOMPARE(inboxSnapshot(*m_admin), before);
}

void TestAuthorization::publishOnlyToken_cannotOpenAWebSocket()
{
    WsTestClient ws;
    const QString token = createToken(*m_admin, {QStringLiteral("publish")});
    QVERIFY(!token.isEmpty());
    QVERIFY(ws.open(m_server->wsUrl(), token));
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("welcome"), "a publish-only token must not get a stream");

    // A read token may.
    WsTestClient reader;
    QVERIFY(reader.open(m_server->wsUrl(), createToken(*m_alice, {QStringLiteral("read")})));
    const auto welcome = reader.waitFor(QStringLiteral("welcome"));
    QVERIFY(welcome);
    QCOMPARE(welcome->data.value(QStringLiteral("userId")).toString(), m_aliceId);
}

void TestAuthorization::topicPublishAcl_deniesUnlistedPublisher()
{
    const QString patId = m_admin->createUser(QStringLiteral("pat"), QStringLiteral("publisher"));
    m_admin->createUser(QStringLiteral("pia"), QStringLiteral("publisher"));
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/deploys"),
                     {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}},
                         {QStringLiteral("publish"), QJsonArray {QString(QStringLiteral("user:") + patId)}}})
                 .status,
        200); // created by the fixture's first publish
    QCOMPARE(m_alice->put(QStringLiteral("/api/topics/deploys/subscription")).status, 200);
    HttpTestClient pat(m_server->url());
    QCOMPARE(pat.login(QStringLiteral("pat"), Password).status, 200);
    HttpTestClient pia(m_server->url());
    QCOMPARE(pia.login(QStringLiteral("pia"), Password).status, 200);
    const QJsonObject aliceBefore = inboxSnapshot(*m_alice);

    const QJsonObject note {
        {QStringLiteral("topic"), QStringLiteral("deploys")}, {QStringLiteral("title"), QStringLiteral("v2 is live")}};
    const HttpResult denied = pia.post(QStringLiteral("/api/notifications"), note);
    QCOMPARE(denied.status, 403);
    QVERIFY2(hasErrorShape(denied, QStringLiteral("FORBIDDEN")), denied.body.constData());
    // Her API token acts as her: denied as well.
    HttpTestClient piaToken(m_server->url());
    piaToken.setToken(createToken(pia, {QStringLiteral("publish")}));
    QCOMPARE(piaToken.post(QStringLiteral("/api/notifications"), note).status, 403);
    QCOMPARE(inboxSnapshot(*m_alice), aliceBefore);

    const HttpResult allowed = pat.post(QStringLiteral("/api/notifications"), note);
    QCOMPARE(allowed.status, 202);
    QCOMPARE(allowed.json.value(QStringLiteral("recipients")).toInt(), 1);
    // Admins pass every ACL.
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), note).status, 202);
    QCOMPARE(m_alice->get(QStringLiteral("/api/notifications?topic=deploys"))
                 .json.value(QStringLiteral("notifications"))
                 .toArray()
                 .size(),
        2);

    // A topic that only labels direct recipients still needs its publish permission.
    const QJsonObject aliceNow = inboxSnapshot(*m_alice);
    QJsonObject labelled = note;
    labelled.insert(QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")});
    const HttpResult labelDenied = pia.post(QStringLiteral("/api/notifications"), labelled);
    QCOMPARE(labelDenied.status, 403);
    QVERIFY2(hasErrorShape(labelDenied, QStringLiteral("FORBIDDEN")), labelDenied.body.constData());
    QCOMPARE(inboxSnapshot(*m_alice), aliceNow);
}

void TestAuthorization::topicPublishAcl_admittingPlainUsers_letsThemPublishThereOnly()
{
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/chat"),
                     {{QStringLiteral("publish"), QJsonArray {QStringLiteral("role:user")}}})
                 .status,
        201);
    QCOMPARE(m_bob->put(QStringLiteral("/api/topics/chat/subscription")).status, 200);
    const QJsonObject chat {
        {QStringLiteral("topic"), QStringLiteral("chat")}, {QStringLiteral("title"), QStringLiteral("hi all")}};

    const HttpResult allowed = m_alice->post(QStringLiteral("/api/notifications"), chat);
    QCOMPARE(allowed.status, 202);
    QCOMPARE(allowed.json.value(QStringLiteral("recipients")).toInt(), 1);
    QCOMPARE(
        m_bob->get(QStringLiteral("/api/notifications/") + allowed.json.value(QStringLiteral("id")).toString()).status,
        200);

    // Her publish token acts as her: the same topic is fine...
    HttpTestClient token(m_server->url());
    token.setToken(createToken(*m_alice, {QStringLiteral("publish")}));
    QCOMPARE(token.post(QStringLiteral("/api/notifications"), chat).status, 202);

    // ...but direct audiences and other topics are not.
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    for (HttpTestClient *client : {m_alice.get(), &token}) {
        QJsonObject direct = chat;
        direct.insert(QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")});
        QCOMPARE(client->post(QStringLiteral("/api/notifications"), direct).status, 403);
        QCOMPARE(client
                     ->post(QStringLiteral("/api/notifications"),
                         {{QStringLiteral("topic"), QStringLiteral("chat")}, {QStringLiteral("broadcast"), true},
                             {QStringLiteral("title"), QStringLiteral("x")}})
                     .status,
            403);
        QCOMPARE(client
                     ->post(QStringLiteral("/api/notifications"),
                         {{QStringLiteral("topic"), QStringLiteral("orders")},
                             {QStringLiteral("title"), QStringLiteral("x")}})
                     .status,
            403);
    }
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
}

void TestAuthorization::topicReadAcl_deniedUserCannotSubscribeNorReceive()
{
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/secret"),
                     {{QStringLiteral("read"), QJsonArray {QString(QStringLiteral("user:") + m_aliceId)}}})
                 .status,
        201);

    const HttpResult rest = m_bob->put(QStringLiteral("/api/topics/secret/subscription"));
    QCOMPARE(rest.status, 403);
    QVERIFY2(hasErrorShape(rest, QStringLiteral("FORBIDDEN")), rest.body.constData());
    WsTestClient bobWs;
    QVERIFY(bobWs.open(m_server->wsUrl(), m_bob->token()));
    QVERIFY(bobWs.waitFor(QStringLiteral("welcome")));
    const auto ws = bobWs.request(QStringLiteral("subscribe"),
        {{QStringLiteral("topics"), QJsonArray {QStringLiteral("secret")}},
            {QStringLiteral("userId"), m_aliceId}}); // userId is ignored
    QVERIFY(ws);
    QCOMPARE(ws->value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(ws->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("FORBIDDEN"));
    QCOMPARE(m_admin->get(QStringLiteral("/api/admin/users/") + m_bobId)
                 .json.value(QStringLiteral("topics"))
                 .toArray()
                 .size(),
        0);
    QCOMPARE(m_admin->get(QStringLiteral("/api/admin/users/") + m_aliceId)
                 .json.value(QStringLiteral("topics"))
                 .toArray()
                 .size(),
        0);

    QCOMPARE(m_alice->put(QStringLiteral("/api/topics/secret/subscription")).status, 200);
    const QJsonObject bobBefore = inboxSnapshot(*m_bob);
    const HttpResult published = m_admin->post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("topic"), QStringLiteral("secret")}, {QStringLiteral("title"), QStringLiteral("classified")}});
    QCOMPARE(published.status, 202);
    QCOMPARE(published.json.value(QStringLiteral("recipients")).toInt(), 1);
    QCOMPARE(m_alice->get(QStringLiteral("/api/notifications/") + published.json.value(QStringLiteral("id")).toString())
                 .status,
        200);
    QCOMPARE(inboxSnapshot(*m_bob), bobBefore);
    bobWs.drain();
    for (const WsTestClient::Frame &f : bobWs.pending())
        QVERIFY2(f.event != QLatin1String("notification"), qPrintable(describe(f.raw)));
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
