// The REST API end to end: a real in-process tidingsd on port 0, real HTTP and
// WebSocket clients, every answer checked against PROTOCOL.md and docs/protocol.md.
#include "channels/P256Key.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "support/WsTestClient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace Tidings::Test;

namespace {

const QString Password = QStringLiteral("password-123");

QString isoIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

QJsonArray notificationsOf(const HttpResult &r)
{
    return r.json.value(QStringLiteral("notifications")).toArray();
}

QStringList fieldOf(const QJsonArray &items, const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : items)
        out << v.toObject().value(key).toString();
    return out;
}

QJsonObject unreadOf(const HttpResult &r)
{
    return r.json.value(QStringLiteral("unread")).toObject();
}

qint64 unreadTotal(const HttpResult &r)
{
    return unreadOf(r).value(QStringLiteral("total")).toInteger(-1);
}

QJsonObject byTopicOf(const HttpResult &r)
{
    return unreadOf(r).value(QStringLiteral("byTopic")).toObject();
}

// The topic entry of GET /api/topics, {} when not listed.
QJsonObject topicEntry(const HttpResult &r, const QString &name)
{
    const QJsonArray topics = r.json.value(QStringLiteral("topics")).toArray();
    for (const QJsonValue &v : topics) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestRestApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void login_slowPasswordHash_doesNotBlockOtherRequests();

    // operations
    void ops_healthReadyAndMetrics_answerWithoutAuth();

    // auth
    void login_withValidCredentials_returnsTokensUserAndDevice();
    void login_withWrongPasswordOrUnknownUser_is401WithTheSameMessage();
    void refresh_rotatesTheTokenAndReuseRevokesTheFamily();
    void logout_revokesTheDevicesRefreshToken();
    void me_returnsTheCallerAndItsDevice();

    // admin users
    void adminUsers_listCreateGetAndDuplicate();
    void adminUsers_patchRole_takesEffectOnTheNextRequest();
    void adminUsers_disable_blocksLoginRefreshAndExistingTokens();
    void adminUsers_resetPassword_replacesTheOldOne();

    // API tokens
    void apiTokens_secretShownOnceListedWithoutSecrets();
    void apiTokens_publishToken_publishesUntilRevoked();
    void apiTokens_adminListsEveryonesWithOwnersAndExpiry();

    // topics
    void topics_adminAcls_controlVisibilityAndSubscription();

    // publishing
    void publish_toRecipientsByIdAndUsername_reachesExactlyThem();
    void publish_toTopic_reachesOnlySubscribersWithReadAccess();
    void publish_toRoles_reachesUsersWithThoseRoles();
    void publish_broadcastWithExcludeUsers_reachesEveryEnabledUserElse();
    void publish_repeatedIdempotencyKey_returnsFirstResultAndCreatesNothing();
    void publish_scheduledInTheFuture_isScheduledAndNotInTheInbox();
    void publish_withExpiresAt_isShownUntilItExpires();

    // inbox
    void inbox_pagination_isNewestFirst();
    void inbox_filters_data();
    void inbox_filters();
    void inbox_unreadCounts_areByTopic();
    void readUnreadDelete_updateTheUnreadCounts();
    void readAll_withTopic_andMarkAllReadAlias();
    void stream_sinceSeq_replaysAndWrongEpochIs409Resync();

    // preferences
    void preferences_get_returnsDefaults();
    void preferences_putPartial_mergesIntoTheWholeDocument();
    void preferences_channelsKey_isAnAliasOfTopics();
    void preferences_invalidValue_namesTheDottedField_data();
    void preferences_invalidValue_namesTheDottedField();
    void preferences_adminMayPassUserId();

    // devices
    void devices_registerListAndDelete();
    void push_vapidPublicKey_isPublicAndSurvivesRestarts();

    // client operation ids
    void opId_repeatedOnRest_isAnsweredDuplicateAndAppliedOnce();
    void opId_replayedAfterTheNotificationWasDeleted_isStillADuplicate();

private:
    std::unique_ptr<HttpTestClient> signIn(
        const QString &username, const QString &password = Password, const QString &deviceId = {});
    HttpResult publish(const QJsonObject &body);
    QString publishTo(const QString &recipient, const QString &title, const QString &topic = {});

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    QString m_adminId;
    QString m_aliceId;
    QString m_bobId;
    QString m_carolId;
};

void TestRestApi::login_slowPasswordHash_doesNotBlockOtherRequests()
{
    // Expensive Argon2 parameters: a login takes a good fraction of a second.
    TestServer slow([](Tidings::Server::ServerConfig &c) { c.hashing = {4, 128 * 1024, 1}; });
    QVERIFY2(slow.isRunning(), qPrintable(slow.errorString()));
    QNetworkAccessManager nam;
    QNetworkRequest loginRequest(QUrl(slow.url().toString() + QStringLiteral("/api/auth/login")));
    loginRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QStringList finished;
    QNetworkReply *login = nam.post(loginRequest,
        compactJson({{QStringLiteral("username"), QStringLiteral("admin")},
            {QStringLiteral("password"), QLatin1String(TestServer::AdminPassword)}}));
    connect(login, &QNetworkReply::finished, this, [&] { finished << QStringLiteral("login"); });
    bool loginSent = false;
    connect(login, &QNetworkReply::uploadProgress, this,
        [&](qint64 sent, qint64 total) { loginSent = total > 0 && sent == total; });
    // The health check goes out once the whole login request has.
    QTRY_VERIFY(loginSent);
    QNetworkReply *health = nam.get(QNetworkRequest(QUrl(slow.url().toString() + QStringLiteral("/healthz"))));
    connect(health, &QNetworkReply::finished, this, [&] { finished << QStringLiteral("healthz"); });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(finished, (QStringList {QStringLiteral("healthz"), QStringLiteral("login")}));
    QCOMPARE(login->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    login->deleteLater();
    health->deleteLater();
}

void TestRestApi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    const HttpResult login = m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
    QCOMPARE(login.status, 200);
    m_adminId = login.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    m_bobId = m_admin->createUser(QStringLiteral("bob"));
    m_carolId = m_admin->createUser(QStringLiteral("carol"));
    QVERIFY(!m_adminId.isEmpty());
    QVERIFY(!m_aliceId.isEmpty());
    QVERIFY(!m_bobId.isEmpty());
    QVERIFY(!m_carolId.isEmpty());
}

void TestRestApi::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

std::unique_ptr<HttpTestClient> TestRestApi::signIn(
    const QString &username, const QString &password, const QString &deviceId)
{
    auto client = std::make_unique<HttpTestClient>(m_server->url());
    const HttpResult r = client->login(username, password, deviceId);
    if (r.status != 200)
        qWarning("login of %s failed: %d %s", qPrintable(username), r.status, r.body.constData());
    return client;
}

HttpResult TestRestApi::publish(const QJsonObject &body)
{
    return m_admin->post(QStringLiteral("/api/notifications"), body);
}

QString TestRestApi::publishTo(const QString &recipient, const QString &title, const QString &topic)
{
    QJsonObject body {{QStringLiteral("recipients"), QJsonArray {recipient}}, {QStringLiteral("title"), title},
        {QStringLiteral("message"), QString(QStringLiteral("message of ") + title)}};
    if (!topic.isEmpty())
        body.insert(QStringLiteral("topic"), topic);
    const HttpResult r = publish(body);
    if (r.status != 202)
        qWarning("publish failed: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("id")).toString();
}

// ---- operations

void TestRestApi::ops_healthReadyAndMetrics_answerWithoutAuth()
{
    HttpTestClient anonymous(m_server->url());
    const HttpResult health = anonymous.get(QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));

    const HttpResult ready = anonymous.get(QStringLiteral("/readyz"));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    const QJsonObject checks = ready.json.value(QStringLiteral("checks")).toObject();
    QCOMPARE(checks.value(QStringLiteral("db")).toString(), QStringLiteral("ok"));
    QVERIFY(checks.contains(QStringLiteral("bus")));
    QVERIFY(checks.contains(QStringLiteral("smtp")));

    // One connected device and one delivered notification, so the counters move.
    auto alice = signIn(QStringLiteral("alice"));
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), alice->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    publishTo(m_aliceId, QStringLiteral("counted"));
    QVERIFY(ws.waitFor(QStringLiteral("notification")));

    const HttpResult metrics = anonymous.get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type").constData());
    const QByteArray text = metrics.body;
    for (const char *name : {"tidings_ws_connections", "tidings_notifications_published_total",
             "tidings_deliveries_total", "tidings_delivery_latency_seconds", "tidings_queue_depth"}) {
        QVERIFY2(text.contains(QByteArray(QByteArray("# TYPE ") + name)), name);
    }
    QVERIFY2(text.contains("\ntidings_ws_connections 1\n"), text.constData());
    QVERIFY2(text.contains("\ntidings_notifications_published_total 1\n"), text.constData());
    QVERIFY2(text.contains("tidings_deliveries_total{channel=\"inApp\",status=\"sent\"} 1\n"), text.constData());
    QVERIFY2(
        text.contains("tidings_delivery_latency_seconds_bucket{channel=\"inApp\",le=\"+Inf\"} 1\n"), text.constData());
    QVERIFY2(text.contains("tidings_delivery_latency_seconds_count{channel=\"inApp\"} 1\n"), text.constData());
}

// ---- auth

void TestRestApi::login_withValidCredentials_returnsTokensUserAndDevice()
{
    HttpTestClient client(m_server->url());
    const HttpResult r = client.post(QStringLiteral("/api/auth/login"),
        {{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), Password},
            {QStringLiteral("deviceId"), QStringLiteral("laptop")},
            {QStringLiteral("deviceName"), QStringLiteral("Alice's laptop")}});
    QCOMPARE(r.status, 200);
    const QString access = r.json.value(QStringLiteral("accessToken")).toString();
    QCOMPARE(access.count(QLatin1Char('.')), 2); // a JWT
    QVERIFY(!r.json.value(QStringLiteral("refreshToken")).toString().isEmpty());
    QVERIFY(r.json.value(QStringLiteral("refreshToken")).toString() != access);
    QCOMPARE(r.json.value(QStringLiteral("expiresIn")).toInt(), 15 * 60);
    QCOMPARE(r.json.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop"));
    const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), m_aliceId);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(user.value(QStringLiteral("disabled")).toBool(true), false);
    QVERIFY2(!r.body.contains("argon2") && !r.body.toLower().contains("passwordhash"), r.body.constData());

    // Without a device id the server makes one up.
    HttpTestClient other(m_server->url());
    const HttpResult generated = other.login(QStringLiteral("alice"), Password);
    QCOMPARE(generated.status, 200);
    QVERIFY(!generated.json.value(QStringLiteral("deviceId")).toString().isEmpty());
    QVERIFY(generated.json.value(QStringLiteral("deviceId")).toString() != QStringLiteral("laptop"));
}

void TestRestApi::login_withWrongPasswordOrUnknownUser_is401WithTheSameMessage()
{
    HttpTestClient client(m_server->url());
    const HttpResult wrong = client.login(QStringLiteral("alice"), QStringLiteral("not-her-password"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("UNAUTHORIZED"));
    const HttpResult unknown = client.login(QStringLiteral("mallory"), Password);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), QStringLiteral("UNAUTHORIZED"));
    // No account enumeration: the answers are the same.
    QCOMPARE(unknown.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
        wrong.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
    QVERIFY(client.token().isEmpty());

    const HttpResult missing
        = client.post(QStringLiteral("/api/auth/login"), {{QStringLiteral("username"), QStringLiteral("alice")}});
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(missing.errorField(), QStringLiteral("password"));
}

void TestRestApi::refresh_rotatesTheTokenAndReuseRevokesTheFamily()
{
    HttpTestClient client(m_server->url());
    const HttpResult login = client.login(QStringLiteral("alice"), Password, QStringLiteral("laptop"));
    QCOMPARE(login.status, 200);
    const QString first = login.json.value(QStringLiteral("refreshToken")).toString();

    client.setToken({});
    const HttpResult rotated
        = client.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), first}});
    QCOMPARE(rotated.status, 200);
    const QString second = rotated.json.value(QStringLiteral("refreshToken")).toString();
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(rotated.json.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop"));
    QCOMPARE(rotated.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(), m_aliceId);
    QCOMPARE(rotated.json.value(QStringLiteral("expiresIn")).toInt(), 15 * 60);

    // The new access token works.
    client.setToken(rotated.json.value(QStringLiteral("accessToken")).toString());
    const HttpResult me = client.get(QStringLiteral("/api/auth/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("id")).toString(), m_aliceId);
    client.setToken({});

    // The spent token again: theft. It fails, and so does its rotated successor.
    const HttpResult reuse
        = client.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), first}});
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.errorCode(), QStringLiteral("UNAUTHORIZED"));
    const HttpResult successor
        = client.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), second}});
    QCOMPARE(successor.status, 401);
    QCOMPARE(successor.errorCode(), QStringLiteral("UNAUTHORIZED"));

    // Another login of the same user is a different family and keeps working.
    HttpTestClient other(m_server->url());
    const HttpResult otherLogin = other.login(QStringLiteral("alice"), Password, QStringLiteral("phone"));
    QCOMPARE(otherLogin.status, 200);
    other.setToken({});
    QCOMPARE(
        other
            .post(QStringLiteral("/api/auth/refresh"),
                {{QStringLiteral("refreshToken"), otherLogin.json.value(QStringLiteral("refreshToken")).toString()}})
            .status,
        200);

    const HttpResult bogus = client.post(
        QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), QStringLiteral("tdr_nonsense")}});
    QCOMPARE(bogus.status, 401);
}

void TestRestApi::logout_revokesTheDevicesRefreshToken()
{
    HttpTestClient client(m_server->url());
    const HttpResult login = client.login(QStringLiteral("alice"), Password, QStringLiteral("laptop"));
    QCOMPARE(login.status, 200);
    const QString refresh = login.json.value(QStringLiteral("refreshToken")).toString();
    const HttpResult logout = client.post(QStringLiteral("/api/auth/logout"));
    QCOMPARE(logout.status, 204);
    client.setToken({});
    const HttpResult after
        = client.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), refresh}});
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), QStringLiteral("UNAUTHORIZED"));
}

void TestRestApi::me_returnsTheCallerAndItsDevice()
{
    auto alice = signIn(QStringLiteral("alice"), Password, QStringLiteral("laptop"));
    const HttpResult me = alice->get(QStringLiteral("/api/auth/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("id")).toString(), m_aliceId);
    QCOMPARE(me.json.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(me.json.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QCOMPARE(me.json.value(QStringLiteral("deviceId")).toString(), QStringLiteral("laptop"));
}

// ---- admin users

void TestRestApi::adminUsers_listCreateGetAndDuplicate()
{
    const HttpResult list = m_admin->get(QStringLiteral("/api/admin/users"));
    QCOMPARE(list.status, 200);
    const QJsonArray users = list.json.value(QStringLiteral("users")).toArray();
    QCOMPARE(fieldOf(users, QStringLiteral("username")),
        (QStringList {
            QStringLiteral("admin"), QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}));
    QCOMPARE(list.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInteger(), 4);
    QVERIFY2(!list.body.contains("argon2"), "no password hashes in the user list");

    const HttpResult paged = m_admin->get(QStringLiteral("/api/admin/users?limit=2&page=2"));
    QCOMPARE(paged.status, 200);
    QCOMPARE(fieldOf(paged.json.value(QStringLiteral("users")).toArray(), QStringLiteral("username")),
        (QStringList {QStringLiteral("bob"), QStringLiteral("carol")}));
    QCOMPARE(
        paged.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasNext")).toBool(true), false);

    const HttpResult created = m_admin->post(QStringLiteral("/api/admin/users"),
        {{QStringLiteral("username"), QStringLiteral("pat")}, {QStringLiteral("password"), Password},
            {QStringLiteral("displayName"), QStringLiteral("Pat Publisher")},
            {QStringLiteral("email"), QStringLiteral("pat@example.org")},
            {QStringLiteral("role"), QStringLiteral("publisher")}});
    QCOMPARE(created.status, 201);
    const QString patId = created.json.value(QStringLiteral("id")).toString();
    QVERIFY(!patId.isEmpty());
    QCOMPARE(created.json.value(QStringLiteral("role")).toString(), QStringLiteral("publisher"));
    QCOMPARE(created.json.value(QStringLiteral("displayName")).toString(), QStringLiteral("Pat Publisher"));
    QCOMPARE(created.json.value(QStringLiteral("email")).toString(), QStringLiteral("pat@example.org"));
    QVERIFY(!created.json.contains(QStringLiteral("password"))); // given, so not echoed

    const HttpResult duplicate = m_admin->post(QStringLiteral("/api/admin/users"),
        {{QStringLiteral("username"), QStringLiteral("pat")}, {QStringLiteral("password"), Password}});
    QCOMPARE(duplicate.status, 409);
    QCOMPARE(duplicate.errorCode(), QStringLiteral("CONFLICT"));

    const HttpResult one = m_admin->get(QStringLiteral("/api/admin/users/") + patId);
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(QStringLiteral("username")).toString(), QStringLiteral("pat"));
    QVERIFY(one.json.value(QStringLiteral("topics")).isArray());
    QCOMPARE(m_admin->get(QStringLiteral("/api/admin/users/no-such-user")).status, 404);

    // The new user can sign in with the given password.
    HttpTestClient pat(m_server->url());
    QCOMPARE(pat.login(QStringLiteral("pat"), Password).status, 200);

    // Without a password, one is generated, returned once, and works.
    const HttpResult generated
        = m_admin->post(QStringLiteral("/api/admin/users"), {{QStringLiteral("username"), QStringLiteral("gen")}});
    QCOMPARE(generated.status, 201);
    const QString secret = generated.json.value(QStringLiteral("password")).toString();
    QVERIFY(secret.size() >= 8);
    HttpTestClient gen(m_server->url());
    QCOMPARE(gen.login(QStringLiteral("gen"), secret).status, 200);

    const HttpResult after = m_admin->get(QStringLiteral("/api/admin/users"));
    QCOMPARE(after.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInteger(), 6);
}

void TestRestApi::adminUsers_patchRole_takesEffectOnTheNextRequest()
{
    auto alice = signIn(QStringLiteral("alice"));
    const QJsonObject note {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("bob")}},
        {QStringLiteral("title"), QStringLiteral("hi")}};
    QCOMPARE(alice->post(QStringLiteral("/api/notifications"), note).status, 403);

    const HttpResult patched = m_admin->patch(
        QStringLiteral("/api/admin/users/") + m_aliceId, {{QStringLiteral("role"), QStringLiteral("publisher")}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json.value(QStringLiteral("role")).toString(), QStringLiteral("publisher"));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/admin/users/") + m_aliceId).json.value(QStringLiteral("role")).toString(),
        QStringLiteral("publisher"));
    // Her token from before the change: the stored role counts, not the claim.
    QCOMPARE(alice->post(QStringLiteral("/api/notifications"), note).status, 202);

    const HttpResult badRole = m_admin->patch(
        QStringLiteral("/api/admin/users/") + m_aliceId, {{QStringLiteral("role"), QStringLiteral("king")}});
    QCOMPARE(badRole.status, 400);
    QCOMPARE(badRole.errorField(), QStringLiteral("role"));

    // An admin cannot lock themselves out.
    const HttpResult selfDemote = m_admin->patch(
        QStringLiteral("/api/admin/users/") + m_adminId, {{QStringLiteral("role"), QStringLiteral("user")}});
    QCOMPARE(selfDemote.status, 409);
    QCOMPARE(selfDemote.errorCode(), QStringLiteral("CONFLICT"));
    QCOMPARE(m_admin->get(QStringLiteral("/api/auth/me")).json.value(QStringLiteral("role")).toString(),
        QStringLiteral("admin"));
}

void TestRestApi::adminUsers_disable_blocksLoginRefreshAndExistingTokens()
{
    HttpTestClient alice(m_server->url());
    const HttpResult login = alice.login(QStringLiteral("alice"), Password, QStringLiteral("laptop"));
    QCOMPARE(login.status, 200);
    const QString refresh = login.json.value(QStringLiteral("refreshToken")).toString();
    const HttpResult token = alice.post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("reader")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}});
    QCOMPARE(token.status, 201);
    HttpTestClient readToken(m_server->url());
    readToken.setToken(token.json.value(QStringLiteral("token")).toString());
    QCOMPARE(readToken.get(QStringLiteral("/api/notifications")).status, 200);
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), alice.token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));

    const HttpResult disabled
        = m_admin->patch(QStringLiteral("/api/admin/users/") + m_aliceId, {{QStringLiteral("disabled"), true}});
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json.value(QStringLiteral("disabled")).toBool(), true);

    // Signed out everywhere at once.
    QVERIFY(ws.waitClosed());
    QCOMPARE(ws.closeCode(), 4401);
    const HttpResult me = alice.get(QStringLiteral("/api/auth/me"));
    QCOMPARE(me.status, 401);
    QCOMPARE(me.errorCode(), QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(alice.get(QStringLiteral("/api/notifications")).status, 401);
    HttpTestClient again(m_server->url());
    QCOMPARE(again.login(QStringLiteral("alice"), Password).status, 401);
    const HttpResult refreshed
        = again.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), refresh}});
    QCOMPARE(refreshed.status, 401);

    // Nor can her API tokens.
    QCOMPARE(readToken.get(QStringLiteral("/api/notifications")).status, 401);

    // A disabled user receives nothing.
    const HttpResult broadcast
        = publish({{QStringLiteral("broadcast"), true}, {QStringLiteral("title"), QStringLiteral("all")}});
    QCOMPARE(broadcast.status, 202);
    QCOMPARE(broadcast.json.value(QStringLiteral("recipients")).toInt(), 3); // admin, bob, carol

    // Enabled again, she can sign in (and the old refresh token stays revoked).
    QCOMPARE(
        m_admin->patch(QStringLiteral("/api/admin/users/") + m_aliceId, {{QStringLiteral("disabled"), false}}).status,
        200);
    QCOMPARE(again.login(QStringLiteral("alice"), Password).status, 200);
    again.setToken({});
    QCOMPARE(again.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), refresh}}).status, 401);

    // Admins cannot disable themselves.
    QCOMPARE(
        m_admin->patch(QStringLiteral("/api/admin/users/") + m_adminId, {{QStringLiteral("disabled"), true}}).status,
        409);
}

void TestRestApi::adminUsers_resetPassword_replacesTheOldOne()
{
    HttpTestClient alice(m_server->url());
    const HttpResult login = alice.login(QStringLiteral("alice"), Password);
    QCOMPARE(login.status, 200);
    const QString refresh = login.json.value(QStringLiteral("refreshToken")).toString();

    const HttpResult reset
        = m_admin->post(QStringLiteral("/api/admin/users/") + m_aliceId + QStringLiteral("/reset-password"),
            {{QStringLiteral("password"), QStringLiteral("brand-new-secret")}});
    QCOMPARE(reset.status, 200);
    QVERIFY(!reset.json.contains(QStringLiteral("password")));
    HttpTestClient fresh(m_server->url());
    QCOMPARE(fresh.login(QStringLiteral("alice"), Password).status, 401);
    QCOMPARE(fresh.login(QStringLiteral("alice"), QStringLiteral("brand-new-secret")).status, 200);
    // Sessions opened with the old password do not survive it.
    fresh.setToken({});
    QCOMPARE(fresh.post(QStringLiteral("/api/auth/refresh"), {{QStringLiteral("refreshToken"), refresh}}).status, 401);

    const HttpResult generated
        = m_admin->post(QStringLiteral("/api/admin/users/") + m_aliceId + QStringLiteral("/reset-password"));
    QCOMPARE(generated.status, 200);
    const QString secret = generated.json.value(QStringLiteral("password")).toString();
    QVERIFY(secret.size() >= 8);
    QCOMPARE(fresh.login(QStringLiteral("alice"), QStringLiteral("brand-new-secret")).status, 401);
    QCOMPARE(fresh.login(QStringLiteral("alice"), secret).status, 200);

    const HttpResult tooShort
        = m_admin->post(QStringLiteral("/api/admin/users/") + m_aliceId + QStringLiteral("/reset-password"),
            {{QStringLiteral("password"), QStringLiteral("short")}});
    QCOMPARE(tooShort.status, 400);
    QCOMPARE(tooShort.errorField(), QStringLiteral("password"));
    QCOMPARE(m_admin->post(QStringLiteral("/api/admin/users/nobody/reset-password")).status, 404);
}

// ---- API tokens

void TestRestApi::apiTokens_secretShownOnceListedWithoutSecrets()
{
    const HttpResult created = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("shop-backend")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}},
            {QStringLiteral("topics"), QJsonArray {QStringLiteral("orders")}}});
    QCOMPARE(created.status, 201);
    const QString id = created.json.value(QStringLiteral("id")).toString();
    const QString secret = created.json.value(QStringLiteral("token")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY2(secret.startsWith(QLatin1String("tdg_")), qPrintable(secret));
    // 32 random bytes in base64url: 43 characters.
    QCOMPARE(secret.size(), 4 + 43);
    QCOMPARE(created.json.value(QStringLiteral("name")).toString(), QStringLiteral("shop-backend"));
    QCOMPARE(stringsOf(created.json.value(QStringLiteral("scopes"))), QStringList {QStringLiteral("publish")});

    const QByteArray hash = QCryptographicHash::hash(secret.toLatin1(), QCryptographicHash::Sha256).toHex();
    const HttpResult list = m_admin->get(QStringLiteral("/api/tokens"));
    QCOMPARE(list.status, 200);
    const QJsonArray tokens = list.json.value(QStringLiteral("tokens")).toArray();
    QCOMPARE(tokens.size(), 1);
    const QJsonObject listed = tokens.at(0).toObject();
    QCOMPARE(listed.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("shop-backend"));
    QVERIFY(!listed.contains(QStringLiteral("token")));
    QVERIFY(!listed.contains(QStringLiteral("tokenHash")));
    QVERIFY2(!list.body.contains(secret.toLatin1()), list.body.constData());
    QVERIFY2(!list.body.contains(secret.mid(4).toLatin1()), list.body.constData());
    QVERIFY2(!list.body.toLower().contains(hash), list.body.constData());

    // Each user sees only their own tokens.
    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult hers = alice->get(QStringLiteral("/api/tokens"));
    QCOMPARE(hers.status, 200);
    QCOMPARE(hers.json.value(QStringLiteral("tokens")).toArray().size(), 0);

    const HttpResult invalid = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("x")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("everything")}}});
    QCOMPARE(invalid.status, 400);
    QCOMPARE(invalid.errorField(), QStringLiteral("scopes"));
}

void TestRestApi::apiTokens_publishToken_publishesUntilRevoked()
{
    const HttpResult created = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("shop-backend")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    QCOMPARE(created.status, 201);
    const QString id = created.json.value(QStringLiteral("id")).toString();
    HttpTestClient integration(m_server->url());
    integration.setToken(created.json.value(QStringLiteral("token")).toString());

    const QJsonObject note {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("Order Updated")},
        {QStringLiteral("message"), QStringLiteral("Your order #12345 has been shipped")}};
    const HttpResult published = integration.post(QStringLiteral("/api/notifications"), note);
    QCOMPARE(published.status, 202);
    const QString notificationId = published.json.value(QStringLiteral("id")).toString();

    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult received = alice->get(QStringLiteral("/api/notifications/") + notificationId);
    QCOMPARE(received.status, 200);
    const QJsonObject sender = received.json.value(QStringLiteral("sender")).toObject();
    QCOMPARE(sender.value(QStringLiteral("kind")).toString(), QStringLiteral("token"));
    QCOMPARE(sender.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(sender.value(QStringLiteral("name")).toString(), QStringLiteral("shop-backend"));

    QCOMPARE(m_admin->del(QStringLiteral("/api/tokens/") + id).status, 204);
    const HttpResult revoked = integration.post(QStringLiteral("/api/notifications"), note);
    QCOMPARE(revoked.status, 401);
    QCOMPARE(revoked.errorCode(), QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(m_admin->get(QStringLiteral("/api/tokens")).json.value(QStringLiteral("tokens")).toArray().size(), 0);
    QCOMPARE(m_admin->del(QStringLiteral("/api/tokens/") + id).status, 404);
    QCOMPARE(unreadTotal(alice->get(QStringLiteral("/api/notifications"))), 1);
}

void TestRestApi::apiTokens_adminListsEveryonesWithOwnersAndExpiry()
{
    auto alice = signIn(QStringLiteral("alice"));
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addDays(30);
    const HttpResult hers = alice->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("alice-reader")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}},
            {QStringLiteral("expiresAt"), expiry.toString(Qt::ISODate)}});
    QCOMPARE(hers.status, 201);
    const QDateTime answered
        = QDateTime::fromString(hers.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    QCOMPARE(answered.toSecsSinceEpoch(), expiry.toSecsSinceEpoch());
    QCOMPARE(hers.json.value(QStringLiteral("owner")).toObject().value(QStringLiteral("username")).toString(),
        QStringLiteral("alice"));
    const HttpResult mine = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("admin-forever")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("admin")}}});
    QCOMPARE(mine.status, 201);
    QVERIFY(mine.json.value(QStringLiteral("expiresAt")).isNull());

    // Without all=true an admin sees their own; with it, everyone's, each with its owner.
    QCOMPARE(m_admin->get(QStringLiteral("/api/tokens")).json.value(QStringLiteral("tokens")).toArray().size(), 1);
    const HttpResult all = m_admin->get(QStringLiteral("/api/tokens?all=true"));
    QCOMPARE(all.status, 200);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : all.json.value(QStringLiteral("tokens")).toArray())
        byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    QCOMPARE(byName.size(), 2);
    const QJsonObject aliceOwner
        = byName.value(QStringLiteral("alice-reader")).value(QStringLiteral("owner")).toObject();
    QCOMPARE(aliceOwner.value(QStringLiteral("id")).toString(), m_aliceId);
    QCOMPARE(aliceOwner.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(byName.value(QStringLiteral("alice-reader")).value(QStringLiteral("expiresAt")).toString(),
        hers.json.value(QStringLiteral("expiresAt")).toString());
    QCOMPARE(byName.value(QStringLiteral("admin-forever"))
                 .value(QStringLiteral("owner"))
                 .toObject()
                 .value(QStringLiteral("username")),
        QJsonValue(QStringLiteral("admin")));
    // all=true means nothing to a user who is not an admin.
    QCOMPARE(
        alice->get(QStringLiteral("/api/tokens?all=true")).json.value(QStringLiteral("tokens")).toArray().size(), 1);

    for (const QString &bad : {QStringLiteral("2001-01-01T00:00:00Z"), QStringLiteral("next week")}) {
        const HttpResult refused = m_admin->post(QStringLiteral("/api/tokens"),
            {{QStringLiteral("name"), QStringLiteral("late")},
                {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}, {QStringLiteral("expiresAt"), bad}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorField(), QStringLiteral("expiresAt"));
    }
}

// ---- topics

void TestRestApi::topics_adminAcls_controlVisibilityAndSubscription()
{
    const HttpResult orders = m_admin->put(QStringLiteral("/api/admin/topics/orders"),
        {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}},
            {QStringLiteral("description"), QStringLiteral("Order updates")}});
    QCOMPARE(orders.status, 201);
    QCOMPARE(orders.json.value(QStringLiteral("name")).toString(), QStringLiteral("orders"));
    QCOMPARE(stringsOf(orders.json.value(QStringLiteral("read"))), QStringList {QStringLiteral("*")});
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/orders"),
                     {{QStringLiteral("description"), QStringLiteral("Orders")}})
                 .status,
        200);
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/secret"),
                     {{QStringLiteral("read"), QJsonArray {QStringLiteral("role:admin")}}})
                 .status,
        201);
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/team"),
                     {{QStringLiteral("read"), QJsonArray {QString(QStringLiteral("user:") + m_aliceId)}}})
                 .status,
        201);
    const HttpResult badAcl = m_admin->put(QStringLiteral("/api/admin/topics/orders"),
        {{QStringLiteral("read"), QJsonArray {QStringLiteral("everyone")}}});
    QCOMPARE(badAcl.status, 400);
    QCOMPARE(badAcl.errorField(), QStringLiteral("read"));

    auto alice = signIn(QStringLiteral("alice"));
    auto bob = signIn(QStringLiteral("bob"));
    HttpResult visible = alice->get(QStringLiteral("/api/topics"));
    QCOMPARE(visible.status, 200);
    QCOMPARE(topicEntry(visible, QStringLiteral("orders")).value(QStringLiteral("subscribed")).toBool(true), false);
    QCOMPARE(topicEntry(visible, QStringLiteral("orders")).value(QStringLiteral("description")).toString(),
        QStringLiteral("Orders"));
    QVERIFY(!topicEntry(visible, QStringLiteral("team")).isEmpty());
    QVERIFY(topicEntry(visible, QStringLiteral("secret")).isEmpty());
    const HttpResult bobs = bob->get(QStringLiteral("/api/topics"));
    QVERIFY(!topicEntry(bobs, QStringLiteral("orders")).isEmpty());
    QVERIFY(topicEntry(bobs, QStringLiteral("team")).isEmpty());
    QVERIFY(topicEntry(bobs, QStringLiteral("secret")).isEmpty());
    QVERIFY(!topicEntry(m_admin->get(QStringLiteral("/api/topics")), QStringLiteral("secret")).isEmpty());

    const HttpResult subscribed = alice->put(QStringLiteral("/api/topics/orders/subscription"));
    QCOMPARE(subscribed.status, 200);
    QCOMPARE(stringsOf(subscribed.json.value(QStringLiteral("topics"))), QStringList {QStringLiteral("orders")});
    QCOMPARE(alice->put(QStringLiteral("/api/topics/orders/subscription")).status, 200); // idempotent
    visible = alice->get(QStringLiteral("/api/topics"));
    QCOMPARE(topicEntry(visible, QStringLiteral("orders")).value(QStringLiteral("subscribed")).toBool(), true);
    QCOMPARE(
        stringsOf(m_admin->get(QStringLiteral("/api/admin/users/") + m_aliceId).json.value(QStringLiteral("topics"))),
        QStringList {QStringLiteral("orders")});

    const HttpResult forbidden = alice->put(QStringLiteral("/api/topics/secret/subscription"));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.errorCode(), QStringLiteral("FORBIDDEN"));
    QCOMPARE(alice->put(QStringLiteral("/api/topics/nonexistent/subscription")).status, 404);
    QCOMPARE(alice->put(QStringLiteral("/api/topics/bad%20name/subscription")).status, 400);

    const HttpResult unsubscribed = alice->del(QStringLiteral("/api/topics/orders/subscription"));
    QCOMPARE(unsubscribed.status, 200);
    QCOMPARE(stringsOf(unsubscribed.json.value(QStringLiteral("topics"))), QStringList {});
    QCOMPARE(topicEntry(alice->get(QStringLiteral("/api/topics")), QStringLiteral("orders"))
                 .value(QStringLiteral("subscribed"))
                 .toBool(true),
        false);

    const HttpResult adminList = m_admin->get(QStringLiteral("/api/admin/topics"));
    QCOMPARE(adminList.status, 200);
    QCOMPARE(fieldOf(adminList.json.value(QStringLiteral("topics")).toArray(), QStringLiteral("name")),
        (QStringList {QStringLiteral("orders"), QStringLiteral("secret"), QStringLiteral("team")}));
}

// ---- publishing

void TestRestApi::publish_toRecipientsByIdAndUsername_reachesExactlyThem()
{
    const HttpResult r = publish({{QStringLiteral("recipients"), QJsonArray {m_aliceId, QStringLiteral("bob")}},
        {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("type"), QStringLiteral("order_status")},
        {QStringLiteral("title"), QStringLiteral("Order Updated")},
        {QStringLiteral("message"), QStringLiteral("Your order #12345 has been shipped")},
        {QStringLiteral("priority"), QStringLiteral("critical")},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("package")}},
        {QStringLiteral("click"), QStringLiteral("https://shop.example/orders/12345")},
        {QStringLiteral("actions"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("open")},
                {QStringLiteral("label"), QStringLiteral("Open")},
                {QStringLiteral("url"), QStringLiteral("https://shop.example/o/1")}}}},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("orderId"), QStringLiteral("12345")}}}});
    QCOMPARE(r.status, 202);
    const QString id = r.json.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 2);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        auto client = signIn(name);
        const HttpResult one = client->get(QStringLiteral("/api/notifications/") + id);
        QCOMPARE(one.status, 200);
        const QJsonObject &n = one.json;
        QCOMPARE(n.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(n.value(QStringLiteral("seq")).toInteger(), 1);
        QCOMPARE(n.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
        QCOMPARE(n.value(QStringLiteral("type")).toString(), QStringLiteral("order_status"));
        QCOMPARE(n.value(QStringLiteral("title")).toString(), QStringLiteral("Order Updated"));
        QCOMPARE(n.value(QStringLiteral("priority")).toString(), QStringLiteral("urgent")); // critical = urgent
        QCOMPARE(n.value(QStringLiteral("format")).toString(), QStringLiteral("text"));
        QCOMPARE(stringsOf(n.value(QStringLiteral("tags"))), QStringList {QStringLiteral("package")});
        QCOMPARE(n.value(QStringLiteral("click")).toString(), QStringLiteral("https://shop.example/orders/12345"));
        QCOMPARE(n.value(QStringLiteral("actions")).toArray().size(), 1);
        QCOMPARE(n.value(QStringLiteral("actions")).toArray().at(0).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("view"));
        QCOMPARE(n.value(QStringLiteral("data")).toObject().value(QStringLiteral("orderId")).toString(),
            QStringLiteral("12345"));
        QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(n.value(QStringLiteral("readAt")).isNull());
        QVERIFY(n.value(QStringLiteral("scheduledAt")).isNull());
        QVERIFY(QDateTime::fromString(n.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(n.value(QStringLiteral("createdAt")).toString().endsWith(QLatin1Char('Z')));
        const QJsonObject sender = n.value(QStringLiteral("sender")).toObject();
        QCOMPARE(sender.value(QStringLiteral("kind")).toString(), QStringLiteral("user"));
        QCOMPARE(sender.value(QStringLiteral("id")).toString(), m_adminId);
        QCOMPARE(unreadTotal(client->get(QStringLiteral("/api/notifications"))), 1);
    }
    auto carol = signIn(QStringLiteral("carol"));
    QCOMPARE(carol->get(QStringLiteral("/api/notifications/") + id).status, 404);
    QCOMPARE(notificationsOf(carol->get(QStringLiteral("/api/notifications"))).size(), 0);
    QCOMPARE(notificationsOf(m_admin->get(QStringLiteral("/api/notifications"))).size(), 0);
}

void TestRestApi::publish_toTopic_reachesOnlySubscribersWithReadAccess()
{
    auto alice = signIn(QStringLiteral("alice"));
    auto bob = signIn(QStringLiteral("bob"));
    auto carol = signIn(QStringLiteral("carol"));
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/orders"),
                     {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}}})
                 .status,
        201);
    QCOMPARE(alice->put(QStringLiteral("/api/topics/orders/subscription")).status, 200);
    QCOMPARE(bob->put(QStringLiteral("/api/topics/orders/subscription")).status, 200);
    // Bob stays subscribed but loses read access; carol never subscribed.
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/admin/topics/orders"),
                     {{QStringLiteral("read"), QJsonArray {QString(QStringLiteral("user:") + m_aliceId)}}})
                 .status,
        200);

    const HttpResult r = publish(
        {{QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("shipped")}});
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 1);
    const QString id = r.json.value(QStringLiteral("id")).toString();
    QCOMPARE(fieldOf(notificationsOf(alice->get(QStringLiteral("/api/notifications"))), QStringLiteral("id")),
        QStringList {id});
    QCOMPARE(notificationsOf(bob->get(QStringLiteral("/api/notifications"))).size(), 0);
    QCOMPARE(notificationsOf(carol->get(QStringLiteral("/api/notifications"))).size(), 0);
    QCOMPARE(bob->get(QStringLiteral("/api/notifications/") + id).status, 404);

    // `channel` is the seed card's alias of `topic`.
    const HttpResult alias = publish(
        {{QStringLiteral("channel"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("again")}});
    QCOMPARE(alias.status, 202);
    QCOMPARE(alias.json.value(QStringLiteral("recipients")).toInt(), 1);
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications"))).size(), 2);

    // With direct recipients the topic only labels the notification: its subscribers are not added.
    const HttpResult labelled = publish({{QStringLiteral("topic"), QStringLiteral("orders")},
        {QStringLiteral("recipients"), QJsonArray {QStringLiteral("carol")}},
        {QStringLiteral("title"), QStringLiteral("for carol")}});
    QCOMPARE(labelled.status, 202);
    QCOMPARE(labelled.json.value(QStringLiteral("recipients")).toInt(), 1);
    const HttpResult carols = carol->get(QStringLiteral("/api/notifications"));
    QCOMPARE(fieldOf(notificationsOf(carols), QStringLiteral("topic")), QStringList {QStringLiteral("orders")});
    QCOMPARE(carols.json.value(QStringLiteral("unread"))
                 .toObject()
                 .value(QStringLiteral("byTopic"))
                 .toObject()
                 .value(QStringLiteral("orders"))
                 .toInteger(),
        1);
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications"))).size(), 2);

    // A topic nobody subscribed to yet comes into being and reaches nobody.
    const HttpResult fresh = publish(
        {{QStringLiteral("topic"), QStringLiteral("brand-new")}, {QStringLiteral("title"), QStringLiteral("x")}});
    QCOMPARE(fresh.status, 202);
    QCOMPARE(fresh.json.value(QStringLiteral("recipients")).toInt(), 0);
    QVERIFY(!topicEntry(alice->get(QStringLiteral("/api/topics")), QStringLiteral("brand-new")).isEmpty());
}

void TestRestApi::publish_toRoles_reachesUsersWithThoseRoles()
{
    const QString patId = m_admin->createUser(QStringLiteral("pat"), QStringLiteral("publisher"));
    QVERIFY(!patId.isEmpty());
    const HttpResult r = publish({{QStringLiteral("roles"), QJsonArray {QStringLiteral("publisher")}},
        {QStringLiteral("title"), QStringLiteral("for publishers")}});
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 1);
    auto pat = signIn(QStringLiteral("pat"));
    QCOMPARE(fieldOf(notificationsOf(pat->get(QStringLiteral("/api/notifications"))), QStringLiteral("title")),
        QStringList {QStringLiteral("for publishers")});
    QCOMPARE(notificationsOf(signIn(QStringLiteral("alice"))->get(QStringLiteral("/api/notifications"))).size(), 0);
    QCOMPARE(notificationsOf(m_admin->get(QStringLiteral("/api/notifications"))).size(), 0);

    const HttpResult two
        = publish({{QStringLiteral("roles"), QJsonArray {QStringLiteral("admin"), QStringLiteral("user")}},
            {QStringLiteral("title"), QStringLiteral("x")}});
    QCOMPARE(two.status, 202);
    QCOMPARE(two.json.value(QStringLiteral("recipients")).toInt(), 4); // admin, alice, bob, carol
    QCOMPARE(notificationsOf(pat->get(QStringLiteral("/api/notifications"))).size(), 1);
}

void TestRestApi::publish_broadcastWithExcludeUsers_reachesEveryEnabledUserElse()
{
    const QString daveId = m_admin->createUser(QStringLiteral("dave"));
    QCOMPARE(
        m_admin->patch(QStringLiteral("/api/admin/users/") + daveId, {{QStringLiteral("disabled"), true}}).status, 200);

    const HttpResult r = publish({{QStringLiteral("broadcast"), true},
        {QStringLiteral("excludeUsers"), QJsonArray {QStringLiteral("bob"), m_adminId}},
        {QStringLiteral("title"), QStringLiteral("maintenance tonight")}});
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 2); // alice and carol
    QCOMPARE(notificationsOf(signIn(QStringLiteral("alice"))->get(QStringLiteral("/api/notifications"))).size(), 1);
    QCOMPARE(notificationsOf(signIn(QStringLiteral("carol"))->get(QStringLiteral("/api/notifications"))).size(), 1);
    QCOMPARE(notificationsOf(signIn(QStringLiteral("bob"))->get(QStringLiteral("/api/notifications"))).size(), 0);
    QCOMPARE(notificationsOf(m_admin->get(QStringLiteral("/api/notifications"))).size(), 0);

    const HttpResult all
        = publish({{QStringLiteral("broadcast"), true}, {QStringLiteral("title"), QStringLiteral("everyone")}});
    QCOMPARE(all.status, 202);
    QCOMPARE(all.json.value(QStringLiteral("recipients")).toInt(), 4); // not the disabled dave
}

void TestRestApi::publish_repeatedIdempotencyKey_returnsFirstResultAndCreatesNothing()
{
    const QJsonObject first {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("first")},
        {QStringLiteral("idempotencyKey"), QStringLiteral("order-12345-shipped")}};
    const HttpResult a = publish(first);
    QCOMPARE(a.status, 202);
    QJsonObject second = first;
    second.insert(QStringLiteral("title"), QStringLiteral("second"));
    second.insert(QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice"), QStringLiteral("bob")});
    const HttpResult b = publish(second);
    QCOMPARE(b.status, 202);
    QCOMPARE(b.json, a.json);

    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(fieldOf(notificationsOf(inbox), QStringLiteral("title")), QStringList {QStringLiteral("first")});
    QCOMPARE(unreadTotal(inbox), 1);
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), 1);
    QCOMPARE(notificationsOf(signIn(QStringLiteral("bob"))->get(QStringLiteral("/api/notifications"))).size(), 0);
    HttpTestClient anonymous(m_server->url());
    QVERIFY(anonymous.get(QStringLiteral("/metrics")).body.contains("\ntidings_notifications_published_total 1\n"));

    // The key is scoped to its sender: another sender's same key is a new notification.
    const HttpResult token = m_admin->post(QStringLiteral("/api/tokens"),
        {{QStringLiteral("name"), QStringLiteral("other-sender")},
            {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
    QCOMPARE(token.status, 201);
    HttpTestClient other(m_server->url());
    other.setToken(token.json.value(QStringLiteral("token")).toString());
    const HttpResult c = other.post(QStringLiteral("/api/notifications"), first);
    QCOMPARE(c.status, 202);
    QVERIFY(c.json.value(QStringLiteral("id")).toString() != a.json.value(QStringLiteral("id")).toString());
    QCOMPARE(unreadTotal(alice->get(QStringLiteral("/api/notifications"))), 2);
}

void TestRestApi::publish_scheduledInTheFuture_isScheduledAndNotInTheInbox()
{
    const QString when = isoIn(3600 * 1000);
    const HttpResult r = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("later")}, {QStringLiteral("scheduledAt"), when}});
    QCOMPARE(r.status, 202);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 1);
    const QString id = r.json.value(QStringLiteral("id")).toString();

    auto alice = signIn(QStringLiteral("alice"));
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), alice->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    const HttpResult inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(notificationsOf(inbox).size(), 0);
    QCOMPARE(unreadTotal(inbox), 0);
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), 0);
    QCOMPARE(alice->get(QStringLiteral("/api/notifications/") + id).status, 404);
    QCOMPARE(
        alice->get(QStringLiteral("/api/stream?sinceSeq=0")).json.value(QStringLiteral("events")).toArray().size(), 0);

    // A scheduledAt in the past means now.
    const HttpResult now = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("now")}, {QStringLiteral("scheduledAt"), isoIn(-60 * 1000)}});
    QCOMPARE(now.status, 202);
    QCOMPARE(now.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    const auto delivered = ws.waitFor(QStringLiteral("notification"));
    QVERIFY(delivered);
    QCOMPARE(delivered->data.value(QStringLiteral("title")).toString(), QStringLiteral("now")); // not "later"
    QCOMPARE(fieldOf(notificationsOf(alice->get(QStringLiteral("/api/notifications"))), QStringLiteral("title")),
        QStringList {QStringLiteral("now")});
}

void TestRestApi::publish_withExpiresAt_isShownUntilItExpires()
{
    const QString later = isoIn(3600 * 1000);
    const HttpResult lasting = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("lasting")}, {QStringLiteral("expiresAt"), later}});
    QCOMPARE(lasting.status, 202);
    const HttpResult brief = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("brief")}, {QStringLiteral("expiresAt"), isoIn(2500)}});
    QCOMPARE(brief.status, 202);
    const QString briefId = brief.json.value(QStringLiteral("id")).toString();

    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult one
        = alice->get(QStringLiteral("/api/notifications/") + lasting.json.value(QStringLiteral("id")).toString());
    QCOMPARE(one.status, 200);
    QCOMPARE(QDateTime::fromString(one.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs),
        QDateTime::fromString(later, Qt::ISODateWithMs));
    QCOMPARE(unreadTotal(alice->get(QStringLiteral("/api/notifications"))), 2);

    // Once expired it no longer counts as unread and is not shown as live.
    QTRY_COMPARE_WITH_TIMEOUT(unreadTotal(alice->get(QStringLiteral("/api/notifications"))), 1, 10000);
    const QJsonArray items = notificationsOf(alice->get(QStringLiteral("/api/notifications")));
    for (const QJsonValue &v : items) {
        if (v.toObject().value(QStringLiteral("id")).toString() == briefId)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    }

    const HttpResult past = publish({{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
        {QStringLiteral("title"), QStringLiteral("dead on arrival")}, {QStringLiteral("expiresAt"), isoIn(-1000)}});
    QCOMPARE(past.status, 400);
    QCOMPARE(past.errorField(), QStringLiteral("expiresAt"));
}

// ---- inbox

void TestRestApi::inbox_pagination_isNewestFirst()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(!publishTo(m_aliceId, QStringLiteral("n%1").arg(i)).isEmpty());
    auto alice = signIn(QStringLiteral("alice"));

    const HttpResult first = alice->get(QStringLiteral("/api/notifications?page=1&limit=2"));
    QCOMPARE(first.status, 200);
    QCOMPARE(fieldOf(notificationsOf(first), QStringLiteral("title")),
        (QStringList {QStringLiteral("n4"), QStringLiteral("n3")}));
    const QJsonObject p1 = first.json.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(p1.value(QStringLiteral("page")).toInt(), 1);
    QCOMPARE(p1.value(QStringLiteral("limit")).toInt(), 2);
    QCOMPARE(p1.value(QStringLiteral("total")).toInteger(), 5);
    QCOMPARE(p1.value(QStringLiteral("totalPages")).toInteger(), 3);
    QCOMPARE(p1.value(QStringLiteral("hasNext")).toBool(), true);
    QCOMPARE(notificationsOf(first).at(0).toObject().value(QStringLiteral("seq")).toInteger(), 5);

    const HttpResult last = alice->get(QStringLiteral("/api/notifications?page=3&limit=2"));
    QCOMPARE(fieldOf(notificationsOf(last), QStringLiteral("title")), QStringList {QStringLiteral("n0")});
    QCOMPARE(
        last.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasNext")).toBool(true), false);
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications?page=4&limit=2"))).size(), 0);

    const HttpResult all = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(all.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("limit")).toInt(), 20);
    QCOMPARE(notificationsOf(all).size(), 5);
    QCOMPARE(all.json.value(QStringLiteral("headSeq")).toInteger(), 5);
    QVERIFY(!all.json.value(QStringLiteral("epoch")).toString().isEmpty());

    const HttpResult since = alice->get(QStringLiteral("/api/notifications?sinceSeq=3"));
    QCOMPARE(fieldOf(notificationsOf(since), QStringLiteral("title")),
        (QStringList {QStringLiteral("n4"), QStringLiteral("n3")}));

    // Keyset paging for scrolling back: new arrivals do not shift the pages.
    const HttpResult before = alice->get(QStringLiteral("/api/notifications?beforeSeq=4&limit=2"));
    QCOMPARE(fieldOf(notificationsOf(before), QStringLiteral("title")),
        (QStringList {QStringLiteral("n2"), QStringLiteral("n1")}));
    QCOMPARE(before.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInteger(), 3);
    QCOMPARE(
        before.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasNext")).toBool(), true);
    QCOMPARE(alice->get(QStringLiteral("/api/notifications?beforeSeq=-1")).errorField(), QStringLiteral("beforeSeq"));

    const HttpResult badLimit = alice->get(QStringLiteral("/api/notifications?limit=0"));
    QCOMPARE(badLimit.status, 400);
    QCOMPARE(badLimit.errorField(), QStringLiteral("limit"));
    QCOMPARE(alice->get(QStringLiteral("/api/notifications?page=abc")).errorField(), QStringLiteral("page"));
}

void TestRestApi::inbox_filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("titles"); // newest first

    const QString shipped = QStringLiteral("Order shipped");
    const QString delivered = QStringLiteral("Order delivered");
    const QString deploy = QStringLiteral("Deploy done");
    const QString hello = QStringLiteral("Hello world");
    QTest::newRow("all by default") << QString() << QStringList {hello, deploy, delivered, shipped};
    QTest::newRow("status=all") << QStringLiteral("status=all") << QStringList {hello, deploy, delivered, shipped};
    QTest::newRow("topic") << QStringLiteral("topic=orders") << QStringList {delivered, shipped};
    QTest::newRow("channel alias") << QStringLiteral("channel=deploys") << QStringList {deploy};
    QTest::newRow("unread") << QStringLiteral("status=unread") << QStringList {hello, deploy, shipped};
    QTest::newRow("read") << QStringLiteral("status=read") << QStringList {delivered};
    QTest::newRow("topic and unread") << QStringLiteral("topic=orders&status=unread") << QStringList {shipped};
    QTest::newRow("search title, any case") << QStringLiteral("q=ORDER") << QStringList {delivered, shipped};
    QTest::newRow("search message") << QStringLiteral("q=rollout") << QStringList {deploy};
    QTest::newRow("search with topic") << QStringLiteral("q=order&topic=deploys") << QStringList {};
    QTest::newRow("unknown topic") << QStringLiteral("topic=nothing-here") << QStringList {};
    // Search text is literal: no SQL wildcards or quoting leak through.
    QTest::newRow("search percent") << QStringLiteral("q=%25") << QStringList {};
    QTest::newRow("search underscore") << QStringLiteral("q=_") << QStringList {};
    QTest::newRow("search quote") << QStringLiteral("q=it's") << QStringList {};
    QTest::newRow("search backslash") << QStringLiteral("q=%5C") << QStringList {};
}

void TestRestApi::inbox_filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, titles);

    auto post = [this](const QString &title, const QString &message, const QString &topic) {
        QJsonObject body {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("alice")}},
            {QStringLiteral("title"), title}, {QStringLiteral("message"), message}};
        if (!topic.isEmpty())
            body.insert(QStringLiteral("topic"), topic);
        const HttpResult r = publish(body);
        return r.json.value(QStringLiteral("id")).toString();
    };
    post(QStringLiteral("Order shipped"), QStringLiteral("on its way"), QStringLiteral("orders"));
    const QString delivered
        = post(QStringLiteral("Order delivered"), QStringLiteral("at the door"), QStringLiteral("orders"));
    post(QStringLiteral("Deploy done"), QStringLiteral("rollout of v2 finished"), QStringLiteral("deploys"));
    post(QStringLiteral("Hello world"), QStringLiteral("no topic"), QString());
    auto alice = signIn(QStringLiteral("alice"));
    QCOMPARE(alice->put(QStringLiteral("/api/notifications/") + delivered + QStringLiteral("/read")).status, 200);

    const HttpResult r = alice->get(
        query.isEmpty() ? QStringLiteral("/api/notifications") : QStringLiteral("/api/notifications?") + query);
    QCOMPARE(r.status, 200);
    QCOMPARE(fieldOf(notificationsOf(r), QStringLiteral("title")), titles);
    QCOMPARE(r.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInteger(),
        titles.size());
    // Unread counts are of the whole inbox, whatever the filter.
    QCOMPARE(unreadTotal(r), 3);
}

void TestRestApi::inbox_unreadCounts_areByTopic()
{
    publishTo(m_aliceId, QStringLiteral("o1"), QStringLiteral("orders"));
    publishTo(m_aliceId, QStringLiteral("o2"), QStringLiteral("orders"));
    publishTo(m_aliceId, QStringLiteral("d1"), QStringLiteral("deploys"));
    publishTo(m_aliceId, QStringLiteral("plain"));
    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult r = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(unreadTotal(r), 4);
    const QJsonObject byTopic = byTopicOf(r);
    QCOMPARE(byTopic.value(QStringLiteral("orders")).toInteger(), 2);
    QCOMPARE(byTopic.value(QStringLiteral("deploys")).toInteger(), 1);
    QCOMPARE(byTopic.size(), 2); // no "" topic for the notification without one

    const HttpResult badStatus = alice->get(QStringLiteral("/api/notifications?status=archived"));
    QCOMPARE(badStatus.status, 400);
    QCOMPARE(badStatus.errorCode(), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(badStatus.errorField(), QStringLiteral("status"));
    QCOMPARE(alice->get(QStringLiteral("/api/notifications?topic=bad%20topic")).errorField(), QStringLiteral("topic"));
}

void TestRestApi::readUnreadDelete_updateTheUnreadCounts()
{
    const QString o1 = publishTo(m_aliceId, QStringLiteral("o1"), QStringLiteral("orders"));
    const QString o2 = publishTo(m_aliceId, QStringLiteral("o2"), QStringLiteral("orders"));
    const QString d1 = publishTo(m_aliceId, QStringLiteral("d1"), QStringLiteral("deploys"));
    auto alice = signIn(QStringLiteral("alice"));

    const HttpResult read = alice->put(QStringLiteral("/api/notifications/") + o1 + QStringLiteral("/read"));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json.value(QStringLiteral("id")).toString(), o1);
    QVERIFY(QDateTime::fromString(read.json.value(QStringLiteral("readAt")).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(read.json.value(QStringLiteral("seq")).toInteger(), 4);
    QCOMPARE(unreadTotal(read), 2);
    QCOMPARE(byTopicOf(read).value(QStringLiteral("orders")).toInteger(), 1);

    HttpResult one = alice->get(QStringLiteral("/api/notifications/") + o1);
    QCOMPARE(one.json.value(QStringLiteral("status")).toString(), QStringLiteral("read"));
    QCOMPARE(one.json.value(QStringLiteral("readAt")).toString(), read.json.value(QStringLiteral("readAt")).toString());

    // Reading a read notification is no event: seq stays at the head.
    const HttpResult again = alice->put(QStringLiteral("/api/notifications/") + o1 + QStringLiteral("/read"));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(QStringLiteral("seq")).toInteger(), 4);
    QCOMPARE(
        again.json.value(QStringLiteral("readAt")).toString(), read.json.value(QStringLiteral("readAt")).toString());

    const HttpResult unread = alice->put(QStringLiteral("/api/notifications/") + o1 + QStringLiteral("/unread"));
    QCOMPARE(unread.status, 200);
    QVERIFY(unread.json.value(QStringLiteral("readAt")).isNull());
    QCOMPARE(unread.json.value(QStringLiteral("seq")).toInteger(), 5);
    QCOMPARE(unreadTotal(unread), 3);
    const HttpResult afterUnread = alice->get(QStringLiteral("/api/notifications/") + o1);
    QVERIFY(afterUnread.json.value(QStringLiteral("readAt")).isNull());
    // It was read, so it was delivered: unread makes it "delivered", not "pending" again.
    QCOMPARE(afterUnread.json.value(QStringLiteral("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(afterUnread.json.value(QStringLiteral("deliveredAt")).toString(),
        read.json.value(QStringLiteral("readAt")).toString());

    const HttpResult removed = alice->del(QStringLiteral("/api/notifications/") + d1);
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json.value(QStringLiteral("seq")).toInteger(), 6);
    QCOMPARE(unreadTotal(removed), 2);
    QVERIFY(!byTopicOf(removed).contains(QStringLiteral("deploys")));
    QCOMPARE(alice->get(QStringLiteral("/api/notifications/") + d1).status, 404);
    QCOMPARE(alice->del(QStringLiteral("/api/notifications/") + d1).status, 404);
    QCOMPARE(alice->put(QStringLiteral("/api/notifications/") + d1 + QStringLiteral("/read")).status, 404);

    const HttpResult inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(fieldOf(notificationsOf(inbox), QStringLiteral("id")), (QStringList {o2, o1}));
    QCOMPARE(unreadTotal(inbox), 2);
    QCOMPARE(byTopicOf(inbox).value(QStringLiteral("orders")).toInteger(), 2);
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), 6);
    QCOMPARE(alice->get(QStringLiteral("/api/notifications/not-an-id")).status, 404);
}

void TestRestApi::readAll_withTopic_andMarkAllReadAlias()
{
    publishTo(m_aliceId, QStringLiteral("o1"), QStringLiteral("orders"));
    publishTo(m_aliceId, QStringLiteral("o2"), QStringLiteral("orders"));
    publishTo(m_aliceId, QStringLiteral("d1"), QStringLiteral("deploys"));
    publishTo(m_aliceId, QStringLiteral("plain"));
    auto alice = signIn(QStringLiteral("alice"));

    const HttpResult orders = alice->put(
        QStringLiteral("/api/notifications/read-all"), {{QStringLiteral("topic"), QStringLiteral("orders")}});
    QCOMPARE(orders.status, 200);
    QCOMPARE(orders.json.value(QStringLiteral("markedCount")).toInteger(), 2);
    QCOMPARE(unreadTotal(orders), 2);
    QVERIFY(!byTopicOf(orders).contains(QStringLiteral("orders")));
    QCOMPARE(byTopicOf(orders).value(QStringLiteral("deploys")).toInteger(), 1);
    QCOMPARE(orders.json.value(QStringLiteral("seq")).toInteger(), 5);

    const HttpResult nothing = alice->put(
        QStringLiteral("/api/notifications/read-all"), {{QStringLiteral("topic"), QStringLiteral("orders")}});
    QCOMPARE(nothing.json.value(QStringLiteral("markedCount")).toInteger(), 0);

    const HttpResult rest = alice->put(QStringLiteral("/api/notifications/mark-all-read"));
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.json.value(QStringLiteral("markedCount")).toInteger(), 2);
    QCOMPARE(unreadTotal(rest), 0);
    QCOMPARE(byTopicOf(rest).size(), 0);

    const HttpResult inbox = alice->get(QStringLiteral("/api/notifications?status=unread"));
    QCOMPARE(notificationsOf(inbox).size(), 0);
    QCOMPARE(unreadTotal(inbox), 0);
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications?status=read"))).size(), 4);

    const HttpResult badTopic = alice->put(
        QStringLiteral("/api/notifications/read-all"), {{QStringLiteral("topic"), QStringLiteral("no such!")}});
    QCOMPARE(badTopic.status, 400);
    QCOMPARE(badTopic.errorField(), QStringLiteral("topic"));
}

void TestRestApi::stream_sinceSeq_replaysAndWrongEpochIs409Resync()
{
    const QString n1 = publishTo(m_aliceId, QStringLiteral("n1"));
    const QString n2 = publishTo(m_aliceId, QStringLiteral("n2"));
    const QString n3 = publishTo(m_aliceId, QStringLiteral("n3"));
    auto alice = signIn(QStringLiteral("alice"));
    QCOMPARE(alice->put(QStringLiteral("/api/notifications/") + n1 + QStringLiteral("/read")).status, 200);
    const QString epoch
        = alice->get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("epoch")).toString();
    QVERIFY(!epoch.isEmpty());

    const HttpResult r = alice->get(QStringLiteral("/api/stream?sinceSeq=1&epoch=") + epoch);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("epoch")).toString(), epoch);
    QCOMPARE(r.json.value(QStringLiteral("headSeq")).toInteger(), 4);
    QCOMPARE(r.json.value(QStringLiteral("hasMore")).toBool(true), false);
    const QJsonArray events = r.json.value(QStringLiteral("events")).toArray();
    QStringList names;
    QList<qint64> seqs;
    for (const QJsonValue &v : events) {
        names << v.toObject().value(QStringLiteral("event")).toString();
        seqs << v.toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInteger();
    }
    QCOMPARE(
        names, (QStringList {QStringLiteral("notification"), QStringLiteral("notification"), QStringLiteral("read")}));
    QCOMPARE(seqs, (QList<qint64> {2, 3, 4}));
    QCOMPARE(
        events.at(0).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(), n2);
    QCOMPARE(
        events.at(1).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(), n3);
    QCOMPARE(stringsOf(events.at(2).toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("ids"))),
        QStringList {n1});

    const HttpResult limited = alice->get(QStringLiteral("/api/stream?sinceSeq=0&limit=2"));
    QCOMPARE(limited.json.value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(limited.json.value(QStringLiteral("hasMore")).toBool(), true);
    QCOMPARE(
        alice->get(QStringLiteral("/api/stream?sinceSeq=4")).json.value(QStringLiteral("events")).toArray().size(), 0);

    const HttpResult resync = alice->get(QStringLiteral("/api/stream?sinceSeq=1&epoch=an-older-epoch"));
    QCOMPARE(resync.status, 409);
    QCOMPARE(resync.errorCode(), QStringLiteral("RESYNC"));
    QCOMPARE(resync.json.value(QStringLiteral("epoch")).toString(), epoch);
    QCOMPARE(resync.json.value(QStringLiteral("headSeq")).toInteger(), 4);

    QCOMPARE(alice->get(QStringLiteral("/api/stream?sinceSeq=-1")).errorField(), QStringLiteral("sinceSeq"));
}

// ---- preferences

void TestRestApi::preferences_get_returnsDefaults()
{
    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult r = alice->get(QStringLiteral("/api/notifications/preferences"));
    QCOMPARE(r.status, 200);
    for (const char *channel : {"email", "push", "inApp", "desktop"})
        QVERIFY2(r.json.value(QLatin1String(channel)).toBool(false), channel);
    const QJsonObject quiet = r.json.value(QStringLiteral("quietHours")).toObject();
    QCOMPARE(quiet.value(QStringLiteral("enabled")).toBool(true), false);
    QCOMPARE(quiet.value(QStringLiteral("start")).toString(), QStringLiteral("22:00"));
    QCOMPARE(quiet.value(QStringLiteral("end")).toString(), QStringLiteral("07:00"));
    QVERIFY(!quiet.value(QStringLiteral("timezone")).toString().isEmpty());
    QCOMPARE(quiet.value(QStringLiteral("days")).toArray(), (QJsonArray {1, 2, 3, 4, 5, 6, 7}));
    QCOMPARE(quiet.value(QStringLiteral("allowUrgent")).toBool(), true);
    const QJsonObject digest = r.json.value(QStringLiteral("digest")).toObject();
    QCOMPARE(digest.value(QStringLiteral("enabled")).toBool(true), false);
    QCOMPARE(digest.value(QStringLiteral("frequency")).toString(), QStringLiteral("daily"));
    QCOMPARE(digest.value(QStringLiteral("time")).toString(), QStringLiteral("09:00"));
    QCOMPARE(r.json.value(QStringLiteral("topics")).toObject(), QJsonObject {});
}

void TestRestApi::preferences_putPartial_mergesIntoTheWholeDocument()
{
    auto alice = signIn(QStringLiteral("alice"));
    const QString path = QStringLiteral("/api/notifications/preferences");
    const HttpResult first = alice->put(path,
        {{QStringLiteral("email"), false},
            {QStringLiteral("quietHours"),
                QJsonObject {{QStringLiteral("enabled"), true},
                    {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}}}});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(QStringLiteral("email")).toBool(true), false);
    QCOMPARE(first.json.value(QStringLiteral("push")).toBool(), true);
    QJsonObject quiet = first.json.value(QStringLiteral("quietHours")).toObject();
    QCOMPARE(quiet.value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(quiet.value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(quiet.value(QStringLiteral("start")).toString(), QStringLiteral("22:00")); // untouched
    QVERIFY(first.json.contains(QStringLiteral("digest")));

    const HttpResult second = alice->put(path,
        {{QStringLiteral("topics"),
             QJsonObject {{QStringLiteral("orders"), QJsonObject {{QStringLiteral("push"), false}}}}},
            {QStringLiteral("digest"), QJsonObject {{QStringLiteral("frequency"), QStringLiteral("weekly")}}}});
    QCOMPARE(second.status, 200);
    const QJsonObject orders
        = second.json.value(QStringLiteral("topics")).toObject().value(QStringLiteral("orders")).toObject();
    // A new topic override starts from the global switches.
    QCOMPARE(orders.value(QStringLiteral("email")).toBool(true), false);
    QCOMPARE(orders.value(QStringLiteral("push")).toBool(true), false);
    QCOMPARE(orders.value(QStringLiteral("inApp")).toBool(), true);
    QCOMPARE(orders.value(QStringLiteral("desktop")).toBool(), true);
    QCOMPARE(second.json.value(QStringLiteral("email")).toBool(true), false);
    QCOMPARE(
        second.json.value(QStringLiteral("quietHours")).toObject().value(QStringLiteral("enabled")).toBool(), true);
    QCOMPARE(second.json.value(QStringLiteral("digest")).toObject().value(QStringLiteral("frequency")).toString(),
        QStringLiteral("weekly"));
    QCOMPARE(second.json.value(QStringLiteral("digest")).toObject().value(QStringLiteral("time")).toString(),
        QStringLiteral("09:00"));

    const HttpResult stored = alice->get(path);
    QCOMPARE(stored.json, second.json);

    // null removes a topic override.
    const HttpResult removed
        = alice->put(path, {{QStringLiteral("topics"), QJsonObject {{QStringLiteral("orders"), QJsonValue::Null}}}});
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json.value(QStringLiteral("topics")).toObject(), QJsonObject {});

    // Other users are untouched.
    const HttpResult bobs = signIn(QStringLiteral("bob"))->get(path);
    QCOMPARE(bobs.json.value(QStringLiteral("email")).toBool(), true);
}

void TestRestApi::preferences_channelsKey_isAnAliasOfTopics()
{
    auto alice = signIn(QStringLiteral("alice"));
    const QString path = QStringLiteral("/api/notifications/preferences");
    const HttpResult r = alice->put(path,
        {{QStringLiteral("channels"),
            QJsonObject {{QStringLiteral("deploys"), QJsonObject {{QStringLiteral("email"), false}}}}}});
    QCOMPARE(r.status, 200);
    const QJsonObject deploys
        = r.json.value(QStringLiteral("topics")).toObject().value(QStringLiteral("deploys")).toObject();
    QCOMPARE(deploys.value(QStringLiteral("email")).toBool(true), false);
    QCOMPARE(deploys.value(QStringLiteral("push")).toBool(), true);
    QVERIFY(!r.json.contains(QStringLiteral("channels")));
    QCOMPARE(
        alice->get(path).json.value(QStringLiteral("topics")).toObject().value(QStringLiteral("deploys")).toObject(),
        deploys);

    const HttpResult conflicting = alice->put(path,
        {{QStringLiteral("topics"), QJsonObject {{QStringLiteral("a"), QJsonObject {}}}},
            {QStringLiteral("channels"), QJsonObject {{QStringLiteral("b"), QJsonObject {}}}}});
    QCOMPARE(conflicting.status, 400);
    QCOMPARE(conflicting.errorField(), QStringLiteral("channels"));
}

void TestRestApi::preferences_invalidValue_namesTheDottedField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("global switch") << QByteArray(R"({"email":"yes"})") << QStringLiteral("email");
    QTest::newRow("quiet start") << QByteArray(R"({"quietHours":{"start":"25:00"}})")
                                 << QStringLiteral("quietHours.start");
    QTest::newRow("quiet end format") << QByteArray(R"({"quietHours":{"end":"7:00"}})")
                                      << QStringLiteral("quietHours.end");
    QTest::newRow("quiet timezone") << QByteArray(R"({"quietHours":{"timezone":"Mars/Olympus"}})")
                                    << QStringLiteral("quietHours.timezone");
    QTest::newRow("quiet day") << QByteArray(R"({"quietHours":{"days":[1,8]}})")
                               << QStringLiteral("quietHours.days[1]");
    QTest::newRow("quiet enabled") << QByteArray(R"({"quietHours":{"enabled":1}})")
                                   << QStringLiteral("quietHours.enabled");
    QTest::newRow("quiet not object") << QByteArray(R"({"quietHours":true})") << QStringLiteral("quietHours");
    QTest::newRow("digest frequency") << QByteArray(R"({"digest":{"frequency":"monthly"}})")
                                      << QStringLiteral("digest.frequency");
    QTest::newRow("digest time") << QByteArray(R"({"digest":{"time":"noon"}})") << QStringLiteral("digest.time");
    QTest::newRow("topic switch") << QByteArray(R"({"topics":{"orders":{"email":"no"}}})")
                                  << QStringLiteral("topics.orders.email");
    QTest::newRow("alias switch") << QByteArray(R"({"channels":{"orders":{"push":1}}})")
                                  << QStringLiteral("channels.orders.push");
    QTest::newRow("topic name") << QByteArray(R"({"topics":{"bad topic":{"push":false}}})")
                                << QStringLiteral("topics.bad topic");
}

void TestRestApi::preferences_invalidValue_namesTheDottedField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    auto alice = signIn(QStringLiteral("alice"));
    const QString path = QStringLiteral("/api/notifications/preferences");
    QCOMPARE(alice->put(path, {{QStringLiteral("push"), false}}).status, 200);
    const QJsonObject before = alice->get(path).json;

    const HttpResult r = alice->send("PUT", path, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(r.errorField(), field);
    QVERIFY(!r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // Nothing of a rejected document is applied.
    QCOMPARE(alice->get(path).json, before);
}

void TestRestApi::preferences_adminMayPassUserId()
{
    const QString path = QStringLiteral("/api/notifications/preferences");
    const HttpResult set
        = m_admin->put(path + QStringLiteral("?userId=") + m_aliceId, {{QStringLiteral("push"), false}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QStringLiteral("push")).toBool(true), false);
    QCOMPARE(m_admin->get(path).json.value(QStringLiteral("push")).toBool(), true); // the admin's own are untouched
    QCOMPARE(
        m_admin->get(path + QStringLiteral("?userId=") + m_aliceId).json.value(QStringLiteral("push")).toBool(true),
        false);

    auto alice = signIn(QStringLiteral("alice"));
    QCOMPARE(alice->get(path).json.value(QStringLiteral("push")).toBool(true), false);
    // Her own id is fine; someone else's is not.
    QCOMPARE(alice->get(path + QStringLiteral("?userId=") + m_aliceId).status, 200);
    const HttpResult other = alice->get(path + QStringLiteral("?userId=") + m_bobId);
    QCOMPARE(other.status, 403);
    QCOMPARE(other.errorCode(), QStringLiteral("FORBIDDEN"));
    QCOMPARE(alice->put(path + QStringLiteral("?userId=") + m_bobId, {{QStringLiteral("email"), false}}).status, 403);
    QCOMPARE(signIn(QStringLiteral("bob"))->get(path).json.value(QStringLiteral("email")).toBool(), true);

    const HttpResult unknown = m_admin->get(path + QStringLiteral("?userId=nobody"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("NOT_FOUND"));
}

// ---- devices

namespace {
// A browser's subscription key: an uncompressed P-256 point, base64url.
QString subscriptionKey()
{
    const auto key = Tidings::Server::Channels::P256Key::generate();
    return QString::fromLatin1(
        key->publicPoint().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

void TestRestApi::push_vapidPublicKey_isPublicAndSurvivesRestarts()
{
    HttpTestClient anonymous(m_server->url());
    const HttpResult first = anonymous.get(QStringLiteral("/api/push/vapid-public-key"));
    QCOMPARE(first.status, 200);
    const QString key = first.json.value(QStringLiteral("publicKey")).toString();
    const QByteArray point
        = QByteArray::fromBase64(key.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(point.size(), 65);
    QCOMPARE(point.at(0), '\x04');
    QVERIFY(!key.contains(QLatin1Char('=')));
    QVERIFY(m_server->restart());
    QCOMPARE(HttpTestClient(m_server->url())
                 .get(QStringLiteral("/api/push/vapid-public-key"))
                 .json.value(QStringLiteral("publicKey"))
                 .toString(),
        key);
    const QFileInfo file(m_server->dataDir() + QStringLiteral("/vapid.pem"));
    QVERIFY(file.exists());
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
        QFile::Permissions());
}

void TestRestApi::devices_registerListAndDelete()
{
    auto alice = signIn(QStringLiteral("alice"), Password, QStringLiteral("laptop"));
    HttpResult list = alice->get(QStringLiteral("/api/devices"));
    QCOMPARE(list.status, 200);
    QJsonArray devices = list.json.value(QStringLiteral("devices")).toArray();
    QCOMPARE(fieldOf(devices, QStringLiteral("id")), QStringList {QStringLiteral("laptop")});
    QCOMPARE(devices.at(0).toObject().value(QStringLiteral("current")).toBool(), true);

    const QJsonObject phone {{QStringLiteral("deviceId"), QStringLiteral("phone")},
        {QStringLiteral("name"), QStringLiteral("Alice's phone")},
        {QStringLiteral("platform"), QStringLiteral("android")},
        {QStringLiteral("pushSubscription"),
            QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("https://push.example/abc")},
                {QStringLiteral("keys"),
                    QJsonObject {{QStringLiteral("p256dh"), subscriptionKey()},
                        {QStringLiteral("auth"), QStringLiteral("c2VjcmV0LXNlY3JldC0xNg")}}}}}};
    const HttpResult created = alice->post(QStringLiteral("/api/devices"), phone);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QStringLiteral("id")).toString(), QStringLiteral("phone"));
    QCOMPARE(created.json.value(QStringLiteral("name")).toString(), QStringLiteral("Alice's phone"));
    QCOMPARE(created.json.value(QStringLiteral("platform")).toString(), QStringLiteral("android"));
    QCOMPARE(created.json.value(QStringLiteral("hasPushSubscription")).toBool(), true);
    QVERIFY2(!created.body.contains("c2VjcmV0LXNlY3JldC0xNg"), "the push subscription's keys are not echoed");
    const HttpResult updated = alice->post(QStringLiteral("/api/devices"),
        {{QStringLiteral("deviceId"), QStringLiteral("phone")}, {QStringLiteral("name"), QStringLiteral("Phone")}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("name")).toString(), QStringLiteral("Phone"));
    QCOMPARE(updated.json.value(QStringLiteral("platform")).toString(), QStringLiteral("android")); // kept

    list = alice->get(QStringLiteral("/api/devices"));
    devices = list.json.value(QStringLiteral("devices")).toArray();
    QStringList ids = fieldOf(devices, QStringLiteral("id"));
    ids.sort();
    QCOMPARE(ids, (QStringList {QStringLiteral("laptop"), QStringLiteral("phone")}));
    // Devices are per user.
    QCOMPARE(signIn(QStringLiteral("bob"))
                 ->get(QStringLiteral("/api/devices"))
                 .json.value(QStringLiteral("devices"))
                 .toArray()
                 .size(),
        1);
    QCOMPARE(signIn(QStringLiteral("bob"))->del(QStringLiteral("/api/devices/phone")).status, 404);

    const HttpResult badPush = alice->post(QStringLiteral("/api/devices"),
        {{QStringLiteral("deviceId"), QStringLiteral("tablet")},
            {QStringLiteral("pushSubscription"),
                QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("http://insecure.example")}}}});
    QCOMPARE(badPush.status, 400);
    QCOMPARE(badPush.errorField(), QStringLiteral("pushSubscription.endpoint"));
    // Keys a push service would refuse are refused now, not at the first push.
    for (const auto &[p256dh, auth, field] :
        {std::tuple {QStringLiteral("BAAA"), QStringLiteral("c2VjcmV0LXNlY3JldC0xNg"), "p256dh"},
            std::tuple {subscriptionKey(), QStringLiteral("c2hvcnQ"), "auth"}}) {
        const HttpResult badKey = alice->post(QStringLiteral("/api/devices"),
            {{QStringLiteral("deviceId"), QStringLiteral("tablet")},
                {QStringLiteral("pushSubscription"),
                    QJsonObject {{QStringLiteral("endpoint"), QStringLiteral("https://push.example/t")},
                        {QStringLiteral("keys"),
                            QJsonObject {{QStringLiteral("p256dh"), p256dh}, {QStringLiteral("auth"), auth}}}}}});
        QCOMPARE(badKey.status, 400);
        QCOMPARE(badKey.errorField(), QStringLiteral("pushSubscription.keys.") + QLatin1String(field));
    }

    QCOMPARE(alice->del(QStringLiteral("/api/devices/phone")).status, 204);
    QCOMPARE(fieldOf(alice->get(QStringLiteral("/api/devices")).json.value(QStringLiteral("devices")).toArray(),
                 QStringLiteral("id")),
        QStringList {QStringLiteral("laptop")});
    const HttpResult gone = alice->del(QStringLiteral("/api/devices/phone"));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.errorCode(), QStringLiteral("NOT_FOUND"));
}

// ---- client operation ids

void TestRestApi::opId_repeatedOnRest_isAnsweredDuplicateAndAppliedOnce()
{
    const QString id = publishTo(m_aliceId, QStringLiteral("x"));
    const QString other = publishTo(m_aliceId, QStringLiteral("y"));
    auto alice = signIn(QStringLiteral("alice"));
    const QList<QPair<QByteArray, QByteArray>> op1 {{QByteArrayLiteral("X-Tidings-Op-Id"), QByteArrayLiteral("op-1")}};

    const HttpResult first
        = alice->send("PUT", QStringLiteral("/api/notifications/") + id + QStringLiteral("/read"), {}, {}, op1);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(QStringLiteral("seq")).toInteger(), 3);
    QVERIFY(!first.json.contains(QStringLiteral("duplicate")));
    QCOMPARE(alice->put(QStringLiteral("/api/notifications/") + id + QStringLiteral("/unread")).status, 200);

    // The offline queue replays op-1: it must not read again.
    const HttpResult repeated
        = alice->send("PUT", QStringLiteral("/api/notifications/") + id + QStringLiteral("/read"), {}, {}, op1);
    QCOMPARE(repeated.status, 200);
    QCOMPARE(repeated.json.value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(repeated.json.value(QStringLiteral("opId")).toString(), QStringLiteral("op-1"));
    HttpResult inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(unreadTotal(inbox), 2);
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), 4);

    // The same op id on another operation is a duplicate too: op ids are per user, not per route.
    const HttpResult deleteWithUsedId
        = alice->send("DELETE", QStringLiteral("/api/notifications/") + other, {}, {}, op1);
    QCOMPARE(deleteWithUsedId.json.value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(alice->get(QStringLiteral("/api/notifications/") + other).status, 200);

    const QList<QPair<QByteArray, QByteArray>> op2 {{QByteArrayLiteral("X-Tidings-Op-Id"), QByteArrayLiteral("op-2")}};
    QCOMPARE(alice->send("PUT", QStringLiteral("/api/notifications/read-all"), {}, {}, op2)
                 .json.value(QStringLiteral("markedCount"))
                 .toInteger(),
        2);
    QCOMPARE(alice->put(QStringLiteral("/api/notifications/") + id + QStringLiteral("/unread")).status, 200);
    QCOMPARE(alice->send("PUT", QStringLiteral("/api/notifications/read-all"), {}, {}, op2)
                 .json.value(QStringLiteral("duplicate"))
                 .toBool(),
        true);
    inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(unreadTotal(inbox), 1);
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), 6);

    // Op ids are per user: bob may use "op-1" for himself.
    const QString bobs = publishTo(m_bobId, QStringLiteral("b"));
    auto bob = signIn(QStringLiteral("bob"));
    const HttpResult bobRead
        = bob->send("PUT", QStringLiteral("/api/notifications/") + bobs + QStringLiteral("/read"), {}, {}, op1);
    QCOMPARE(bobRead.status, 200);
    QVERIFY(!bobRead.json.contains(QStringLiteral("duplicate")));
    QCOMPARE(unreadTotal(bob->get(QStringLiteral("/api/notifications"))), 0);
}

void TestRestApi::opId_replayedAfterTheNotificationWasDeleted_isStillADuplicate()
{
    // An offline queue replays [read op-r, delete op-d] after a reconnect although both
    // were applied: both are duplicates, not 404s the client would report as failures.
    const QString id = publishTo(m_aliceId, QStringLiteral("x"));
    auto alice = signIn(QStringLiteral("alice"));
    const QList<QPair<QByteArray, QByteArray>> opRead {
        {QByteArrayLiteral("X-Tidings-Op-Id"), QByteArrayLiteral("op-r")}};
    const QList<QPair<QByteArray, QByteArray>> opDelete {
        {QByteArrayLiteral("X-Tidings-Op-Id"), QByteArrayLiteral("op-d")}};
    const QString path = QStringLiteral("/api/notifications/") + id;
    QCOMPARE(alice->send("PUT", path + QStringLiteral("/read"), {}, {}, opRead).status, 200);
    QCOMPARE(alice->send("DELETE", path, {}, {}, opDelete).status, 200);
    const qint64 head
        = alice->get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("headSeq")).toInteger();

    const HttpResult replayedRead = alice->send("PUT", path + QStringLiteral("/read"), {}, {}, opRead);
    QCOMPARE(replayedRead.status, 200);
    QCOMPARE(replayedRead.json.value(QStringLiteral("duplicate")).toBool(), true);
    const HttpResult replayedDelete = alice->send("DELETE", path, {}, {}, opDelete);
    QCOMPARE(replayedDelete.status, 200);
    QCOMPARE(replayedDelete.json.value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(alice->get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("headSeq")).toInteger(), head);

    // A new op on the deleted notification is still a 404.
    const QList<QPair<QByteArray, QByteArray>> opNew {
        {QByteArrayLiteral("X-Tidings-Op-Id"), QByteArrayLiteral("op-new")}};
    QCOMPARE(alice->send("PUT", path + QStringLiteral("/unread"), {}, {}, opNew).status, 404);
    QCOMPARE(alice->send("DELETE", path, {}, {}, {}).status, 404);
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_rest_api.moc"
