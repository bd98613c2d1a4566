#include "auth/AuthService.h"
#include "auth/JwtCodec.h"
#include "auth/PasswordHasher.h"
#include "auth/TokenCrypto.h"
#include "protocol/JsonUtil.h"
#include "store/SqliteStore.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Tidings;
using namespace Tidings::Server;

namespace {

// Cheap Argon2 parameters: the tests exercise the logic, not the work factor.
PasswordHasher::Params cheapParams()
{
    PasswordHasher::Params p;
    p.memoryKiB = 1024;
    p.timeCost = 1;
    p.parallelism = 1;
    return p;
}

const QByteArray kSecret = QByteArrayLiteral("test-secret-0123456789abcdef0123456789");

QByteArray b64(const QByteArray &raw)
{
    return TokenCrypto::base64Url(raw);
}

QByteArray b64Json(const QJsonObject &o)
{
    return b64(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A JWT built by hand, so the tests can forge every kind of bad token.
QByteArray forge(const QByteArray &headerSeg, const QByteArray &payloadSeg, const QByteArray &secret,
    QCryptographicHash::Algorithm alg = QCryptographicHash::Sha256)
{
    const QByteArray input = headerSeg + '.' + payloadSeg;
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, secret, alg));
}

QJsonObject hs256Header()
{
    return {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QDateTime fixedNow()
{
    return QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
}

QJsonObject validPayload()
{
    const qint64 now = fixedNow().toSecsSinceEpoch();
    return {{QStringLiteral("sub"), QStringLiteral("u1")}, {QStringLiteral("role"), QStringLiteral("user")},
        {QStringLiteral("did"), QStringLiteral("d1")}, {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + 900}};
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // PasswordHasher
    void hasher_roundTrip_verifiesOnlyTheRightPassword();
    void hasher_saltsEveryHash();
    void hasher_verify_rejectsGarbage();
    void hasher_needsRehash_data();
    void hasher_needsRehash();

    // JwtCodec
    void jwt_signVerify_roundTripsClaims();
    void jwt_sign_usesPinnedHeaderAndNoPadding();
    void jwt_verify_rejects_data();
    void jwt_verify_rejects();
    void jwt_verify_expiresAtExp_withManualClock();

    // TokenCrypto
    void tokenCrypto_randomBytes_sizesAndUniqueness();
    void tokenCrypto_newToken_isPrefixedBase64Url();
    void tokenCrypto_sha256Hex_knownVector();
    void tokenCrypto_equalConstantTime_data();
    void tokenCrypto_equalConstantTime();
    void tokenCrypto_newId_isBracelessUuid();

    // AuthContext
    void context_tokenAllowsTopic_data();
    void context_tokenAllowsTopic();
    void context_permissions_data();
    void context_permissions();
    void context_sender();

    // AuthService over a real SQLite file (a fresh one per test, see init())
    void login_success_returnsTokensAndRegistersDevice();
    void login_sameDeviceAgain_keepsDeviceRecord();
    void login_failure_sameMessageForEveryCause_data();
    void login_failure_sameMessageForEveryCause();
    void login_weakHash_isUpgradedOnSuccess();
    void login_overlongDeviceId_isRejected();
    void refresh_rotates_oldTokenIsSpent();
    void refresh_reuse_revokesWholeFamilyOnly();
    void refresh_rejectsUnknownExpiredAndDisabled();
    void refresh_issuesCurrentRole();
    void logout_revokesOnlyThatDevice();
    void accessToken_expiresAfterTtl_withManualClock();
    void authenticate_failures_data();
    void authenticate_failures();
    void authenticate_disabledAccount_isRejected();
    void roleChange_takesEffectWithoutReLogin();
    void apiToken_createAndAuthenticate();
    void apiToken_lastUsed_isThrottled();
    void apiToken_withExpiry_isRefusedFromItsExpiryOn();
    void apiToken_validation_data();
    void apiToken_validation();
    void createUser_validation_data();
    void createUser_validation();
    void createUser_duplicateUsername_conflicts();
    void setPassword_changesPasswordAndEndsSessions();
    void ensureAdmin_generatesPasswordOnlyOnFirstStart();
    void ensureAdmin_givenPassword_isUsedAndNotReturned();
    void ensureAdmin_tooShortGivenPassword_fallsBackToGenerated();

    void init();
    void cleanup();

private:
    Expected<User> addUser(const QString &username, const QString &role, const QString &password);
    void setDisabled(const QString &userId, bool disabled);
    void setRole(const QString &userId, const QString &role);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AuthService> m_auth;
};

void TestAuth::initTestCase()
{
    // Every login, token creation and store open logs at info; warnings are what a test should show.
    QLoggingCategory::setFilterRules(QStringLiteral("tidings.*.debug=false\ntidings.*.info=false"));
}

// ---- PasswordHasher

void TestAuth::hasher_roundTrip_verifiesOnlyTheRightPassword()
{
    const PasswordHasher hasher(cheapParams());
    const QByteArray encoded = hasher.hash(QStringLiteral("correct horse battery staple"));
    QVERIFY(encoded.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
    QVERIFY(!encoded.contains('\0'));
    QVERIFY(hasher.verify(encoded, QStringLiteral("correct horse battery staple")));
    QVERIFY(!hasher.verify(encoded, QStringLiteral("correct horse battery stapler")));
    QVERIFY(!hasher.verify(encoded, QString()));

    // Non-ASCII passwords hash their UTF-8 bytes.
    const QByteArray umlaut = hasher.hash(QStringLiteral("Grüße aus Köln"));
    QVERIFY(hasher.verify(umlaut, QStringLiteral("Grüße aus Köln")));
    QVERIFY(!hasher.verify(umlaut, QStringLiteral("Grusse aus Koln")));
}

void TestAuth::hasher_saltsEveryHash()
{
    const PasswordHasher hasher(cheapParams());
    const QByteArray a = hasher.hash(QStringLiteral("password1"));
    const QByteArray b = hasher.hash(QStringLiteral("password1"));
    QVERIFY(a != b);
    QVERIFY(hasher.verify(a, QStringLiteral("password1")));
    QVERIFY(hasher.verify(b, QStringLiteral("password1")));
}

void TestAuth::hasher_verify_rejectsGarbage()
{
    const PasswordHasher hasher(cheapParams());
    QVERIFY(!hasher.verify(QByteArray(), QStringLiteral("x")));
    QVERIFY(!hasher.verify(QByteArrayLiteral("not a hash"), QStringLiteral("x")));
    QVERIFY(!hasher.verify(QByteArrayLiteral("$argon2id$v=19$m=1024,t=1,p=1$$"), QStringLiteral("x")));
}

void TestAuth::hasher_needsRehash_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<bool>("expected");

    const QByteArray tail = "$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    // Current parameters: m=2048, t=2, p=1.
    QTest::newRow("same") << QByteArray("$argon2id$v=19$m=2048,t=2,p=1" + tail) << false;
    QTest::newRow("stronger") << QByteArray("$argon2id$v=19$m=4096,t=3,p=2" + tail) << false;
    QTest::newRow("less memory") << QByteArray("$argon2id$v=19$m=1024,t=2,p=1" + tail) << true;
    QTest::newRow("fewer passes") << QByteArray("$argon2id$v=19$m=2048,t=1,p=1" + tail) << true;
    QTest::newRow("order irrelevant") << QByteArray("$argon2id$v=19$t=2,p=1,m=2048" + tail) << false;
    QTest::newRow("old version") << QByteArray("$argon2id$v=16$m=2048,t=2,p=1" + tail) << true;
    QTest::newRow("argon2i") << QByteArray("$argon2i$v=19$m=2048,t=2,p=1" + tail) << true;
    QTest::newRow("missing p") << QByteArray("$argon2id$v=19$m=2048,t=2" + tail) << true;
    QTest::newRow("not a number") << QByteArray("$argon2id$v=19$m=lots,t=2,p=1" + tail) << true;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("bcrypt") << QByteArray("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW") << true;
}

void TestAuth::hasher_needsRehash()
{
    QFETCH(QByteArray, encoded);
    QFETCH(bool, expected);
    PasswordHasher::Params p;
    p.memoryKiB = 2048;
    p.timeCost = 2;
    p.parallelism = 1;
    QCOMPARE(PasswordHasher(p).needsRehash(encoded), expected);
}

// ---- JwtCodec

void TestAuth::jwt_signVerify_roundTripsClaims()
{
    const JwtCodec codec(kSecret);
    AccessClaims in;
    in.sub = QStringLiteral("6f1c1f5e-0000-4000-8000-000000000001");
    in.role = QStringLiteral("publisher");
    in.did = QStringLiteral("laptop");
    in.iat = fixedNow().toSecsSinceEpoch();
    in.exp = in.iat + 900;

    const auto out = codec.verify(codec.sign(in), fixedNow());
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
    QCOMPARE(out->sub, in.sub);
    QCOMPARE(out->role, in.role);
    QCOMPARE(out->did, in.did);
    QCOMPARE(out->iat, in.iat);
    QCOMPARE(out->exp, in.exp);
}

void TestAuth::jwt_sign_usesPinnedHeaderAndNoPadding()
{
    const JwtCodec codec(kSecret);
    AccessClaims c;
    c.sub = QStringLiteral("u");
    c.exp = fixedNow().toSecsSinceEpoch() + 60;
    const QByteArray token = codec.sign(c);
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    QVERIFY(!token.contains('=') && !token.contains('+') && !token.contains('/'));
    const QJsonObject header
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(header, hs256Header());
    // The signature is plain HS256 over "header.payload": interoperable with any JWT library.
    QCOMPARE(parts.at(2),
        b64(QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), kSecret, QCryptographicHash::Sha256)));
}

void TestAuth::jwt_verify_rejects_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("reason"); // a substring of the error message

    const QByteArray header = b64Json(hs256Header());
    const QByteArray payload = b64Json(validPayload());
    const QByteArray good = forge(header, payload, kSecret);
    const QByteArray goodSig = good.split('.').at(2);
    const auto withPayload = [&](const QJsonObject &p) { return forge(header, b64Json(p), kSecret); };

    QTest::newRow("empty") << QByteArray() << QStringLiteral("segments");
    QTest::newRow("one segment") << header << QStringLiteral("segments");
    QTest::newRow("two segments") << QByteArray(header + '.' + payload) << QStringLiteral("segments");
    QTest::newRow("four segments") << QByteArray(good + ".x") << QStringLiteral("segments");
    QTest::newRow("empty header") << QByteArray('.' + payload + '.' + goodSig) << QStringLiteral("header");
    QTest::newRow("empty signature") << QByteArray(header + '.' + payload + '.') << QStringLiteral("signature");
    QTest::newRow("header not base64") << QByteArray("e30!." + payload + '.' + goodSig) << QStringLiteral("header");
    QTest::newRow("header padded") << QByteArray(b64Json(hs256Header()) + "==." + payload + '.' + goodSig)
                                   << QStringLiteral("header");
    QTest::newRow("header not JSON") << forge(b64("{alg:HS256"), payload, kSecret) << QStringLiteral("header");
    QTest::newRow("header JSON array") << forge(b64("[\"HS256\"]"), payload, kSecret) << QStringLiteral("header");
    QTest::newRow("signature not base64")
        << QByteArray(header + '.' + payload + ".a+b/") << QStringLiteral("signature");

    QJsonObject none = hs256Header();
    none.insert(QStringLiteral("alg"), QStringLiteral("none"));
    QTest::newRow("alg none, no signature")
        << QByteArray(b64Json(none) + '.' + payload + '.') << QStringLiteral("algorithm");
    QTest::newRow("alg none, with signature") << forge(b64Json(none), payload, kSecret) << QStringLiteral("algorithm");
    QJsonObject noneCaps = none;
    noneCaps.insert(QStringLiteral("alg"), QStringLiteral("NONE"));
    QTest::newRow("alg NONE") << QByteArray(b64Json(noneCaps) + '.' + payload + '.') << QStringLiteral("algorithm");
    QJsonObject hs512 = hs256Header();
    hs512.insert(QStringLiteral("alg"), QStringLiteral("HS512"));
    QTest::newRow("alg HS512, correctly signed")
        << forge(b64Json(hs512), payload, kSecret, QCryptographicHash::Sha512) << QStringLiteral("algorithm");
    QJsonObject hs256lower = hs256Header();
    hs256lower.insert(QStringLiteral("alg"), QStringLiteral("hs256"));
    QTest::newRow("alg hs256") << forge(b64Json(hs256lower), payload, kSecret) << QStringLiteral("algorithm");
    QTest::newRow("alg missing") << forge(b64Json(QJsonObject {{QStringLiteral("typ"), QStringLiteral("JWT")}}),
        payload, kSecret) << QStringLiteral("algorithm");

    QJsonObject escalated = validPayload();
    escalated.insert(QStringLiteral("role"), QStringLiteral("admin"));
    QTest::newRow("tampered payload") << QByteArray(header + '.' + b64Json(escalated) + '.' + goodSig)
                                      << QStringLiteral("signature");
    QTest::newRow("wrong secret") << forge(header, payload, "another secret") << QStringLiteral("signature");
    QByteArray flipped = good;
    flipped[flipped.size() - 2] = flipped.at(flipped.size() - 2) == 'A' ? 'B' : 'A';
    QTest::newRow("signature bit flip") << flipped << QStringLiteral("signature");
    // 32 bytes take 43 characters whose last one has two spare bits; a decoder that
    // ignores them would accept several spellings of one signature.
    QByteArray nonCanonical = good;
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    nonCanonical[nonCanonical.size() - 1] = alphabet.at(alphabet.indexOf(good.back()) ^ 1);
    QTest::newRow("signature non-canonical") << nonCanonical << QStringLiteral("signature");
    QTest::newRow("truncated signature") << good.left(good.size() - 4) << QStringLiteral("signature");

    QTest::newRow("payload not JSON") << forge(header, b64("sub=u1"), kSecret) << QStringLiteral("payload");
    QTest::newRow("payload not base64") << forge(header, "a*b", kSecret) << QStringLiteral("payload");
    QJsonObject noExp = validPayload();
    noExp.remove(QStringLiteral("exp"));
    QTest::newRow("missing exp") << withPayload(noExp) << QStringLiteral("expiry");
    QJsonObject stringExp = validPayload();
    stringExp.insert(QStringLiteral("exp"), QStringLiteral("2099-01-01"));
    QTest::newRow("exp not a number") << withPayload(stringExp) << QStringLiteral("expiry");
    QJsonObject expNow = validPayload();
    expNow.insert(QStringLiteral("exp"), fixedNow().toSecsSinceEpoch());
    QTest::newRow("exp == now") << withPayload(expNow) << QStringLiteral("token expired");
    QJsonObject expPast = validPayload();
    expPast.insert(QStringLiteral("exp"), fixedNow().toSecsSinceEpoch() - 3600);
    QTest::newRow("exp in the past") << withPayload(expPast) << QStringLiteral("token expired");
    QJsonObject noSub = validPayload();
    noSub.remove(QStringLiteral("sub"));
    QTest::newRow("missing sub") << withPayload(noSub) << QStringLiteral("subject");
    QJsonObject emptySub = validPayload();
    emptySub.insert(QStringLiteral("sub"), QString());
    QTest::newRow("empty sub") << withPayload(emptySub) << QStringLiteral("subject");
}

void TestAuth::jwt_verify_rejects()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, reason);

    const JwtCodec codec(kSecret);
    // The untouched token of the table verifies, so each row fails for its own reason only.
    QVERIFY(codec.verify(forge(b64Json(hs256Header()), b64Json(validPayload()), kSecret), fixedNow()).ok());

    const auto result = codec.verify(token, fixedNow());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, QLatin1String(ErrorCode::Unauthorized));
    QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
}

void TestAuth::jwt_verify_expiresAtExp_withManualClock()
{
    ManualClock clock(fixedNow());
    const JwtCodec codec(kSecret);
    AccessClaims c;
    c.sub = QStringLiteral("u1");
    c.iat = clock.now().toSecsSinceEpoch();
    c.exp = c.iat + 900;
    const QByteArray token = codec.sign(c);

    clock.advanceSecs(899);
    QVERIFY(codec.verify(token, clock.now()).ok());
    clock.advanceMs(999); // still inside second 899
    QVERIFY(codec.verify(token, clock.now()).ok());
    clock.advanceMs(1);
    const auto expired = codec.verify(token, clock.now());
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error().message, QStringLiteral("token expired"));
}

// ---- TokenCrypto

void TestAuth::tokenCrypto_randomBytes_sizesAndUniqueness()
{
    for (int n : {1, 3, 4, 15, 16, 32, 33})
        QCOMPARE(TokenCrypto::randomBytes(n).size(), n);
    QVERIFY(TokenCrypto::randomBytes(0).isEmpty());
    QVERIFY(TokenCrypto::randomBytes(32) != TokenCrypto::randomBytes(32));
}

void TestAuth::tokenCrypto_newToken_isPrefixedBase64Url()
{
    const QString token = TokenCrypto::newToken("tdg_", 32);
    QVERIFY(token.startsWith(QLatin1String("tdg_")));
    QCOMPARE(token.size(), 4 + 43); // 32 bytes -> 43 base64url characters without padding
    static const QRegularExpression re(QStringLiteral("^tdg_[A-Za-z0-9_-]{43}$"));
    QVERIFY(re.match(token).hasMatch());
    QVERIFY(TokenCrypto::newToken("tdg_") != token);
    QCOMPARE(TokenCrypto::base64Url(QByteArray("\xfb\xff", 2)), QByteArray("-_8"));
}

void TestAuth::tokenCrypto_sha256Hex_knownVector()
{
    QCOMPARE(
        TokenCrypto::sha256Hex("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(TokenCrypto::sha256Hex(QByteArrayView()),
        QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestAuth::tokenCrypto_equalConstantTime_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
    QTest::newRow("first byte") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("last byte") << QByteArray("abcdex") << QByteArray("abcdef") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("embedded NUL") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
}

void TestAuth::tokenCrypto_equalConstantTime()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(TokenCrypto::equalConstantTime(a, b), equal);
    QCOMPARE(TokenCrypto::equalConstantTime(b, a), equal);
}

void TestAuth::tokenCrypto_newId_isBracelessUuid()
{
    const QString id = TokenCrypto::newId();
    QCOMPARE(id.size(), 36);
    QVERIFY(!id.contains(QLatin1Char('{')));
    QVERIFY(!QUuid::fromString(id).isNull());
    QVERIFY(TokenCrypto::newId() != id);
}

// ---- AuthContext

void TestAuth::context_tokenAllowsTopic_data()
{
    QTest::addColumn<QStringList>("globs");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("allowed");

    const QStringList ordersGlobs {QStringLiteral("orders"), QStringLiteral("deploy-*")};
    QTest::newRow("no globs = all") << QStringList() << QStringLiteral("anything") << true;
    QTest::newRow("exact") << ordersGlobs << QStringLiteral("orders") << true;
    QTest::newRow("exact is anchored (suffix)") << ordersGlobs << QStringLiteral("orders2") << false;
    QTest::newRow("exact is anchored (prefix)") << ordersGlobs << QStringLiteral("reorders") << false;
    QTest::newRow("star") << ordersGlobs << QStringLiteral("deploy-prod") << true;
    QTest::newRow("star matches empty") << ordersGlobs << QStringLiteral("deploy-") << true;
    QTest::newRow("star needs prefix") << ordersGlobs << QStringLiteral("predeploy-prod") << false;
    QTest::newRow("case-sensitive") << ordersGlobs << QStringLiteral("Orders") << false;
    QTest::newRow("question mark, one char") << QStringList {QStringLiteral("v?")} << QStringLiteral("v2") << true;
    QTest::newRow("question mark, not two") << QStringList {QStringLiteral("v?")} << QStringLiteral("v10") << false;
    QTest::newRow("question mark, not zero") << QStringList {QStringLiteral("v?")} << QStringLiteral("v") << false;
    QTest::newRow("lone star") << QStringList {QStringLiteral("*")} << QStringLiteral("system") << true;
    QTest::newRow("no glob matches") << ordersGlobs << QStringLiteral("system") << false;
}

void TestAuth::context_tokenAllowsTopic()
{
    QFETCH(QStringList, globs);
    QFETCH(QString, topic);
    QFETCH(bool, allowed);

    AuthContext token;
    token.kind = AuthContext::Kind::ApiToken;
    token.scopes = {QStringLiteral("publish")};
    token.topicGlobs = globs;
    QCOMPARE(token.tokenAllowsTopic(topic), allowed);

    // Users are governed by topic ACLs, not globs.
    AuthContext user;
    user.topicGlobs = globs;
    QVERIFY(user.tokenAllowsTopic(topic));
}

void TestAuth::context_permissions_data()
{
    QTest::addColumn<bool>("isToken");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<bool>("canPublish");
    QTest::addColumn<bool>("hasPublishScope");
    QTest::addColumn<bool>("canRead");

    const QString admin = QStringLiteral("admin"), publisher = QStringLiteral("publisher"),
                  user = QStringLiteral("user");
    const QStringList none;
    // canPublish: direct publishing (users, roles, everyone); hasPublishScope: enough
    // for a topic whose ACL admits the owner.
    QTest::newRow("user admin") << false << admin << none << true << true << true << true;
    QTest::newRow("user publisher") << false << publisher << none << false << true << true << true;
    QTest::newRow("user user") << false << user << none << false << false << true << true;
    QTest::newRow("token read") << true << admin << QStringList {QStringLiteral("read")} << false << false << false
                                << true;
    // A token never has more rights than its owner.
    QTest::newRow("token publish, plain owner")
        << true << user << QStringList {QStringLiteral("publish")} << false << false << true << false;
    QTest::newRow("token publish, publisher owner")
        << true << publisher << QStringList {QStringLiteral("publish")} << false << true << true << false;
    QTest::newRow("token admin, admin owner")
        << true << admin << QStringList {QStringLiteral("admin")} << true << true << true << true;
    // An admin token whose owner was demoted since must not keep admin rights.
    QTest::newRow("token admin, demoted owner")
        << true << publisher << QStringList {QStringLiteral("admin")} << false << true << true << true;
    QTest::newRow("token publish+read, plain owner")
        << true << user << QStringList {QStringLiteral("publish"), QStringLiteral("read")} << false << false << true
        << true;
}

void TestAuth::context_permissions()
{
    QFETCH(bool, isToken);
    QFETCH(QString, role);
    QFETCH(QStringList, scopes);
    QFETCH(bool, isAdmin);
    QFETCH(bool, canPublish);
    QFETCH(bool, hasPublishScope);
    QFETCH(bool, canRead);

    AuthContext ctx;
    ctx.kind = isToken ? AuthContext::Kind::ApiToken : AuthContext::Kind::User;
    ctx.user.role = role;
    ctx.scopes = scopes;
    QCOMPARE(ctx.isAdmin(), isAdmin);
    QCOMPARE(ctx.canPublish(), canPublish);
    QCOMPARE(ctx.hasPublishScope(), hasPublishScope);
    QCOMPARE(ctx.canRead(), canRead);
}

void TestAuth::context_sender()
{
    AuthContext user;
    user.user.id = QStringLiteral("u1");
    user.user.username = QStringLiteral("alice");
    QCOMPARE(user.sender(), (Sender {QStringLiteral("user"), QStringLiteral("u1"), QStringLiteral("alice")}));
    QCOMPARE(user.senderKey(), QStringLiteral("user:u1"));

    AuthContext token = user;
    token.kind = AuthContext::Kind::ApiToken;
    token.tokenId = QStringLiteral("t1");
    token.tokenName = QStringLiteral("CI deploys");
    QCOMPARE(token.sender(), (Sender {QStringLiteral("token"), QStringLiteral("t1"), QStringLiteral("CI deploys")}));
    QCOMPARE(token.senderKey(), QStringLiteral("token:t1"));
}

// ---- AuthService

namespace {

// Second-aligned, so timestamps survive any storage precision unchanged.
QDateTime startTime()
{
    return QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
}

AuthService::Options serviceOptions(PasswordHasher::Params hashing = cheapParams())
{
    AuthService::Options o;
    o.hashing = hashing;
    return o;
}

QString errorText(const ProtocolError &e)
{
    return e.code + QLatin1String(": ") + e.message + QLatin1String(" [") + e.field + QLatin1Char(']');
}

} // namespace

template<typename T> QByteArray describe(const Expected<T> &e)
{
    return e.ok() ? QByteArray() : errorText(e.error()).toUtf8();
}

// Evaluates `expr` once and shows the error when it is not ok.
#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto &verifyOkResult = (expr);                                                                           \
        QVERIFY2(verifyOkResult.ok(), describe(verifyOkResult).constData());                                           \
    } while (false)

void TestAuth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<SqliteStore>(m_dir->filePath(QStringLiteral("tidings.db")));
    QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
    m_clock = std::make_unique<ManualClock>(startTime());
    m_auth = std::make_unique<AuthService>(*m_store, kSecret, *m_clock, serviceOptions());
}

void TestAuth::cleanup()
{
    m_auth.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

Expected<User> TestAuth::addUser(const QString &username, const QString &role, const QString &password)
{
    User u;
    u.username = username;
    u.displayName = username;
    u.role = role;
    return m_auth->createUser(u, password);
}

void TestAuth::setDisabled(const QString &userId, bool disabled)
{
    auto u = m_store->userById(userId);
    QVERIFY(u);
    u->disabled = disabled;
    QVERIFY(m_store->updateUser(*u));
}

void TestAuth::setRole(const QString &userId, const QString &role)
{
    auto u = m_store->userById(userId);
    QVERIFY(u);
    u->role = role;
    QVERIFY(m_store->updateUser(*u));
}

void TestAuth::login_success_returnsTokensAndRegistersDevice()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);

    // Usernames are case-insensitive at login.
    const auto r
        = m_auth->login(QStringLiteral("Alice"), QStringLiteral("alice-password"), {}, QStringLiteral("Work laptop"));
    VERIFY_OK(r);
    QCOMPARE(r->user.id, alice->id);
    QCOMPARE(r->expiresIn, 15 * 60);
    QVERIFY(r->refreshToken.startsWith(QLatin1String("tdr_")));
    QVERIFY(!QUuid::fromString(r->deviceId).isNull()); // generated when none is given
    QCOMPARE(r->accessToken.count(QLatin1Char('.')), 2);

    const QJsonObject json = r->toJson();
    QCOMPARE(json.value(QLatin1String("accessToken")).toString(), r->accessToken);
    QCOMPARE(json.value(QLatin1String("refreshToken")).toString(), r->refreshToken);
    QCOMPARE(json.value(QLatin1String("expiresIn")).toInt(), 900);
    QCOMPARE(json.value(QLatin1String("deviceId")).toString(), r->deviceId);
    QCOMPARE(json.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString(), alice->id);

    // Only the hash of the refresh token is stored.
    QVERIFY(m_store->refreshToken(TokenCrypto::sha256Hex(r->refreshToken.toLatin1())));
    QVERIFY(!m_store->refreshToken(r->refreshToken.toLatin1()));

    const auto claims = JwtCodec(kSecret).verify(r->accessToken.toLatin1(), m_clock->now());
    VERIFY_OK(claims);
    QCOMPARE(claims->sub, alice->id);
    QCOMPARE(claims->role, QStringLiteral("user"));
    QCOMPARE(claims->did, r->deviceId);
    QCOMPARE(claims->exp, startTime().toSecsSinceEpoch() + 900);

    const auto ctx = m_auth->authenticate(r->accessToken.toLatin1());
    VERIFY_OK(ctx);
    QCOMPARE(ctx->kind, AuthContext::Kind::User);
    QCOMPARE(ctx->user.id, alice->id);
    QCOMPARE(ctx->deviceId, r->deviceId);

    const auto device = m_store->device(alice->id, r->deviceId);
    QVERIFY(device);
    QCOMPARE(device->name, QStringLiteral("Work laptop"));
    QCOMPARE(device->createdAt, startTime());

    const auto unnamed = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(unnamed);
    QVERIFY(unnamed->deviceId != r->deviceId);
    QCOMPARE(m_store->device(alice->id, unnamed->deviceId)->name, QStringLiteral("unnamed device"));
}

void TestAuth::login_sameDeviceAgain_keepsDeviceRecord()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto first = m_auth->login(
        QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("desk-1"), QStringLiteral("Desk"));
    VERIFY_OK(first);
    QCOMPARE(first->deviceId, QStringLiteral("desk-1"));

    m_clock->advanceSecs(3600);
    const auto second
        = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("desk-1"), {});
    VERIFY_OK(second);
    QCOMPARE(second->deviceId, QStringLiteral("desk-1"));
    const auto device = m_store->device(alice->id, QStringLiteral("desk-1"));
    QVERIFY(device);
    QCOMPARE(device->createdAt, startTime());
    QCOMPARE(device->name, QStringLiteral("Desk")); // no name given: the registered one stays
    QCOMPARE(m_store->devices(alice->id).size(), 1);
}

void TestAuth::login_failure_sameMessageForEveryCause_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("unknown user") << QStringLiteral("mallory") << QStringLiteral("alice-password");
    QTest::newRow("wrong password") << QStringLiteral("alice") << QStringLiteral("alice-passworD");
    QTest::newRow("empty password") << QStringLiteral("alice") << QString();
    QTest::newRow("disabled, right password") << QStringLiteral("bob") << QStringLiteral("bob-password");
    QTest::newRow("empty username") << QString() << QString();
}

void TestAuth::login_failure_sameMessageForEveryCause()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    const auto bob = addUser(QStringLiteral("bob"), QStringLiteral("admin"), QStringLiteral("bob-password"));
    VERIFY_OK(bob);
    setDisabled(bob->id, true);

    const auto r = m_auth->login(username, password, {}, {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QLatin1String(ErrorCode::Unauthorized));
    QCOMPARE(r.error().message, QStringLiteral("invalid username or password"));
    QVERIFY(r.error().field.isEmpty());
}

void TestAuth::login_weakHash_isUpgradedOnSuccess()
{
    PasswordHasher::Params weak = cheapParams();
    weak.memoryKiB = 512;
    AuthService old(*m_store, kSecret, *m_clock, serviceOptions(weak));
    User u;
    u.username = QStringLiteral("alice");
    const auto alice = old.createUser(u, QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    QVERIFY(m_store->passwordHash(alice->id).contains("m=512,"));

    // A failed login must not touch the hash.
    QVERIFY(!m_auth->login(QStringLiteral("alice"), QStringLiteral("wrong-password"), {}, {}).ok());
    QVERIFY(m_store->passwordHash(alice->id).contains("m=512,"));

    VERIFY_OK(m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {}));
    const QByteArray upgraded = m_store->passwordHash(alice->id);
    QVERIFY2(upgraded.contains("m=1024,"), upgraded.constData());
    QVERIFY(!m_auth->hasher().needsRehash(upgraded));
    VERIFY_OK(m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {}));
}

void TestAuth::login_overlongDeviceId_isRejected()
{
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    const auto r
        = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), QString(129, QLatin1Char('d')), {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QLatin1String(ErrorCode::Validation));
    QCOMPARE(r.error().field, QStringLiteral("deviceId"));
}

void TestAuth::refresh_rotates_oldTokenIsSpent()
{
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);

    m_clock->advanceSecs(60);
    const auto next = m_auth->refresh(login->refreshToken);
    VERIFY_OK(next);
    QVERIFY(next->refreshToken != login->refreshToken);
    QVERIFY(next->accessToken != login->accessToken);
    QCOMPARE(next->deviceId, login->deviceId);
    QCOMPARE(next->user.id, login->user.id);
    VERIFY_OK(m_auth->authenticate(next->accessToken.toLatin1()));

    const auto oldRecord = m_store->refreshToken(TokenCrypto::sha256Hex(login->refreshToken.toLatin1()));
    const auto newRecord = m_store->refreshToken(TokenCrypto::sha256Hex(next->refreshToken.toLatin1()));
    QVERIFY(oldRecord && newRecord);
    QCOMPARE(oldRecord->usedAt, m_clock->now());
    QCOMPARE(newRecord->familyId, oldRecord->familyId);
    QCOMPARE(newRecord->expiresAt, m_clock->now().addSecs(30 * 24 * 3600));

    // The chain keeps going.
    const auto third = m_auth->refresh(next->refreshToken);
    VERIFY_OK(third);
}

void TestAuth::refresh_reuse_revokesWholeFamilyOnly()
{
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    const auto laptop = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    const auto phone = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(laptop);
    VERIFY_OK(phone);

    const auto a2 = m_auth->refresh(laptop->refreshToken);
    VERIFY_OK(a2);
    const auto a3 = m_auth->refresh(a2->refreshToken);
    VERIFY_OK(a3);

    // A thief replays the first token.
    const auto replay = m_auth->refresh(laptop->refreshToken);
    QVERIFY(!replay.ok());
    QCOMPARE(replay.error().code, QLatin1String(ErrorCode::Unauthorized));
    QCOMPARE(replay.error().message,
        QStringLiteral("refresh token reuse detected; all sessions of this login were signed out"));

    // The newest token of that family dies too, whoever holds it...
    const auto newest = m_auth->refresh(a3->refreshToken);
    QVERIFY(!newest.ok());
    QCOMPARE(newest.error().code, QLatin1String(ErrorCode::Unauthorized));
    // ...but the other login is untouched.
    VERIFY_OK(m_auth->refresh(phone->refreshToken));
}

void TestAuth::refresh_rejectsUnknownExpiredAndDisabled()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto expectUnauthorized = [](const Expected<LoginResult> &r, const QString &why) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QLatin1String(ErrorCode::Unauthorized));
        QVERIFY2(r.error().message.contains(why), qPrintable(r.error().message));
    };

    expectUnauthorized(m_auth->refresh(QString()), QStringLiteral("missing"));
    expectUnauthorized(m_auth->refresh(QStringLiteral("tdr_doesnotexist")), QStringLiteral("invalid"));

    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);
    // The access token is not a refresh token.
    expectUnauthorized(m_auth->refresh(login->accessToken), QStringLiteral("invalid"));

    m_clock->advanceSecs(30 * 24 * 3600);
    expectUnauthorized(m_auth->refresh(login->refreshToken), QStringLiteral("expired"));

    const auto fresh = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(fresh);
    setDisabled(alice->id, true);
    expectUnauthorized(m_auth->refresh(fresh->refreshToken), QStringLiteral("disabled"));
}

void TestAuth::refresh_issuesCurrentRole()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);
    setRole(alice->id, QStringLiteral("publisher"));

    const auto next = m_auth->refresh(login->refreshToken);
    VERIFY_OK(next);
    QCOMPARE(next->user.role, QStringLiteral("publisher"));
    const auto claims = JwtCodec(kSecret).verify(next->accessToken.toLatin1(), m_clock->now());
    VERIFY_OK(claims);
    QCOMPARE(claims->role, QStringLiteral("publisher"));
}

void TestAuth::logout_revokesOnlyThatDevice()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("publisher"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto laptop
        = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("laptop"), {});
    const auto phone
        = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), QStringLiteral("phone"), {});
    VERIFY_OK(laptop);
    VERIFY_OK(phone);
    // Rotate once so the device holds a spent and a live token: both must go.
    const auto laptop2 = m_auth->refresh(laptop->refreshToken);
    VERIFY_OK(laptop2);

    const auto ctx = m_auth->authenticate(laptop2->accessToken.toLatin1());
    VERIFY_OK(ctx);
    m_auth->logout(ctx.value());

    const auto afterLogout = m_auth->refresh(laptop2->refreshToken);
    QVERIFY(!afterLogout.ok());
    QCOMPARE(afterLogout.error().code, QLatin1String(ErrorCode::Unauthorized));
    QVERIFY(m_store->refreshToken(TokenCrypto::sha256Hex(laptop2->refreshToken.toLatin1()))->revokedAt.isValid());

    // An API token has no session: logging it "out" changes nothing.
    const auto token = m_auth->createApiToken(alice.value(), QStringLiteral("ci"), {QStringLiteral("publish")}, {});
    VERIFY_OK(token);
    const auto tokenCtx = m_auth->authenticate(token->second.toLatin1());
    VERIFY_OK(tokenCtx);
    m_auth->logout(tokenCtx.value());
    VERIFY_OK(m_auth->authenticate(token->second.toLatin1()));

    VERIFY_OK(m_auth->refresh(phone->refreshToken));
}

void TestAuth::accessToken_expiresAfterTtl_withManualClock()
{
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);
    const QByteArray access = login->accessToken.toLatin1();

    m_clock->advanceSecs(15 * 60 - 1);
    VERIFY_OK(m_auth->authenticate(access));
    m_clock->advanceSecs(1);
    const auto expired = m_auth->authenticate(access);
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error().code, QLatin1String(ErrorCode::Unauthorized));
    QCOMPARE(expired.error().message, QStringLiteral("token expired"));

    // The refresh token outlives it and brings a working access token.
    const auto next = m_auth->refresh(login->refreshToken);
    VERIFY_OK(next);
    VERIFY_OK(m_auth->authenticate(next->accessToken.toLatin1()));
}

void TestAuth::authenticate_failures_data()
{
    QTest::addColumn<QByteArray>("bearer");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("missing bearer token");
    QTest::newRow("blank") << QByteArray("  ") << QStringLiteral("missing bearer token");
    QTest::newRow("garbage") << QByteArray("hello") << QStringLiteral("invalid token");
    QTest::newRow("unknown API token") << QByteArray("tdg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                                       << QStringLiteral("invalid token");
    QTest::newRow("bare prefix") << QByteArray("tdg_") << QStringLiteral("invalid token");
    QTest::newRow("refresh token") << QByteArray("tdr_AAAA") << QStringLiteral("invalid token");

    AccessClaims ghost;
    ghost.sub = QStringLiteral("00000000-0000-4000-8000-000000000000");
    ghost.role = QStringLiteral("admin");
    ghost.exp = startTime().toSecsSinceEpoch() + 60;
    QTest::newRow("valid JWT, unknown user") << JwtCodec(kSecret).sign(ghost) << QStringLiteral("invalid token");
    QTest::newRow("JWT from another secret") << JwtCodec("other").sign(ghost) << QStringLiteral("invalid token");
}

void TestAuth::authenticate_failures()
{
    QFETCH(QByteArray, bearer);
    QFETCH(QString, message);
    const auto r = m_auth->authenticate(bearer);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QLatin1String(ErrorCode::Unauthorized));
    QVERIFY2(r.error().message.startsWith(message), qPrintable(r.error().message));
}

void TestAuth::authenticate_disabledAccount_isRejected()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("publisher"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);
    const auto token = m_auth->createApiToken(alice.value(), QStringLiteral("ci"), {QStringLiteral("publish")}, {});
    VERIFY_OK(token);

    setDisabled(alice->id, true);
    for (const QByteArray &bearer : {login->accessToken.toLatin1(), token->second.toLatin1()}) {
        const auto r = m_auth->authenticate(bearer);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QLatin1String(ErrorCode::Unauthorized));
        QCOMPARE(r.error().message, QStringLiteral("account disabled"));
    }

    setDisabled(alice->id, false);
    VERIFY_OK(m_auth->authenticate(login->accessToken.toLatin1()));
    VERIFY_OK(m_auth->authenticate(token->second.toLatin1()));
}

void TestAuth::roleChange_takesEffectWithoutReLogin()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);
    const QByteArray access = login->accessToken.toLatin1();

    auto ctx = m_auth->authenticate(access);
    VERIFY_OK(ctx);
    QVERIFY(!ctx->canPublish());
    QVERIFY(!ctx->isAdmin());

    setRole(alice->id, QStringLiteral("admin"));
    ctx = m_auth->authenticate(access); // same token, its `role` claim still says "user"
    VERIFY_OK(ctx);
    QCOMPARE(ctx->user.role, QStringLiteral("admin"));
    QVERIFY(ctx->canPublish());
    QVERIFY(ctx->isAdmin());

    // Demotion is just as immediate, which is what matters for security.
    setRole(alice->id, QStringLiteral("user"));
    ctx = m_auth->authenticate(access);
    VERIFY_OK(ctx);
    QVERIFY(!ctx->isAdmin());
    QVERIFY(!ctx->canPublish());
}

void TestAuth::apiToken_createAndAuthenticate()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("publisher"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto created = m_auth->createApiToken(alice.value(), QStringLiteral("  Deploy bot "),
        {QStringLiteral("publish")}, {QStringLiteral("deploy-*"), QStringLiteral("ci")});
    VERIFY_OK(created);
    const ApiToken &record = created->first;
    const QString &secret = created->second;

    static const QRegularExpression format(QStringLiteral("^tdg_[A-Za-z0-9_-]{43}$"));
    QVERIFY2(format.match(secret).hasMatch(), qPrintable(secret));
    QCOMPARE(record.name, QStringLiteral("Deploy bot"));
    QCOMPARE(record.userId, alice->id);
    QCOMPARE(record.createdAt, startTime());
    QCOMPARE(record.tokenHash, TokenCrypto::sha256Hex(secret.toLatin1()));

    const auto stored = m_store->apiToken(record.id);
    QVERIFY(stored);
    QCOMPARE(stored->tokenHash, record.tokenHash);
    QVERIFY(!stored->tokenHash.contains(secret.toLatin1()));
    QCOMPARE(stored->scopes, QStringList {QStringLiteral("publish")});
    QCOMPARE(stored->topicGlobs, (QStringList {QStringLiteral("deploy-*"), QStringLiteral("ci")}));

    const auto ctx = m_auth->authenticate(secret.toLatin1());
    VERIFY_OK(ctx);
    QCOMPARE(ctx->kind, AuthContext::Kind::ApiToken);
    QCOMPARE(ctx->user.id, alice->id);
    QCOMPARE(ctx->tokenId, record.id);
    QCOMPARE(ctx->tokenName, QStringLiteral("Deploy bot"));
    QVERIFY(ctx->deviceId.isEmpty());
    QVERIFY(ctx->canPublish());
    QVERIFY(!ctx->canRead());
    QVERIFY(!ctx->isAdmin());
    QVERIFY(ctx->tokenAllowsTopic(QStringLiteral("deploy-prod")));
    QVERIFY(ctx->tokenAllowsTopic(QStringLiteral("ci")));
    QVERIFY(!ctx->tokenAllowsTopic(QStringLiteral("orders")));
    QCOMPARE(ctx->sender(), (Sender {QStringLiteral("token"), record.id, QStringLiteral("Deploy bot")}));
    QCOMPARE(ctx->senderKey(), QString(QLatin1String("token:") + record.id));

    // One character off is a different token.
    QString wrong = secret;
    wrong[wrong.size() - 1] = wrong.back() == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!m_auth->authenticate(wrong.toLatin1()).ok());

    // Deleted tokens stop working at once.
    QVERIFY(m_store->deleteApiToken(record.id));
    QVERIFY(!m_auth->authenticate(secret.toLatin1()).ok());
}

void TestAuth::apiToken_lastUsed_isThrottled()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto created = m_auth->createApiToken(alice.value(), QStringLiteral("reader"), {QStringLiteral("read")}, {});
    VERIFY_OK(created);
    const QString id = created->first.id;
    QVERIFY(!m_store->apiToken(id)->lastUsedAt.isValid());

    VERIFY_OK(m_auth->authenticate(created->second.toLatin1()));
    QCOMPARE(m_store->apiToken(id)->lastUsedAt, startTime());

    m_clock->advanceSecs(59);
    VERIFY_OK(m_auth->authenticate(created->second.toLatin1()));
    QCOMPARE(m_store->apiToken(id)->lastUsedAt, startTime());

    m_clock->advanceSecs(1);
    VERIFY_OK(m_auth->authenticate(created->second.toLatin1()));
    QCOMPARE(m_store->apiToken(id)->lastUsedAt, startTime().addSecs(60));
}

void TestAuth::apiToken_withExpiry_isRefusedFromItsExpiryOn()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("publisher"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const QDateTime expiry = startTime().addSecs(3600);
    const auto created
        = m_auth->createApiToken(alice.value(), QStringLiteral("ci"), {QStringLiteral("publish")}, {}, expiry);
    VERIFY_OK(created);
    QCOMPARE(created->first.expiresAt, expiry);
    QCOMPARE(m_store->apiToken(created->first.id)->expiresAt, expiry);
    QCOMPARE(created->first.toJson().value(QStringLiteral("expiresAt")).toString(), Json::formatTime(expiry));

    m_clock->advanceSecs(3599);
    const auto before = m_auth->authenticate(created->second.toLatin1());
    VERIFY_OK(before);
    QCOMPARE(before->expiresAt, expiry);

    m_clock->advanceSecs(1);
    const auto after = m_auth->authenticate(created->second.toLatin1());
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, QString::fromLatin1(ErrorCode::Unauthorized));
    QCOMPARE(after.error().message, QStringLiteral("token expired"));

    // An expiry that has already passed is refused when the token is made.
    const auto late = m_auth->createApiToken(
        alice.value(), QStringLiteral("late"), {QStringLiteral("publish")}, {}, m_clock->now());
    QVERIFY(!late.ok());
    QCOMPARE(late.error().field, QStringLiteral("expiresAt"));
    // Without one, a token never expires.
    const auto forever
        = m_auth->createApiToken(alice.value(), QStringLiteral("forever"), {QStringLiteral("publish")}, {});
    VERIFY_OK(forever);
    QVERIFY(!forever->first.expiresAt.isValid());
    QVERIFY(forever->first.toJson().value(QStringLiteral("expiresAt")).isNull());
    m_clock->advanceSecs(10LL * 365 * 24 * 3600);
    VERIFY_OK(m_auth->authenticate(forever->second.toLatin1()));
}

void TestAuth::apiToken_validation_data()
{
    QTest::addColumn<QString>("ownerRole");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QStringList>("globs");
    QTest::addColumn<QString>("code"); // empty = created
    QTest::addColumn<QString>("field");

    const QString user = QStringLiteral("user"), admin = QStringLiteral("admin");
    const QStringList publish {QStringLiteral("publish")};
    const QString validation = QLatin1String(ErrorCode::Validation);

    QTest::newRow("ok") << user << QStringLiteral("ci") << publish << QStringList() << QString() << QString();
    QTest::newRow("name empty") << user << QString() << publish << QStringList() << validation
                                << QStringLiteral("name");
    QTest::newRow("name blank") << user << QStringLiteral("   ") << publish << QStringList() << validation
                                << QStringLiteral("name");
    QTest::newRow("name 100") << user << QString(100, QLatin1Char('n')) << publish << QStringList() << QString()
                              << QString();
    QTest::newRow("name 101") << user << QString(101, QLatin1Char('n')) << publish << QStringList() << validation
                              << QStringLiteral("name");
    QTest::newRow("no scopes") << user << QStringLiteral("ci") << QStringList() << QStringList() << validation
                               << QStringLiteral("scopes");
    QTest::newRow("unknown scope") << user << QStringLiteral("ci")
                                   << QStringList {QStringLiteral("read"), QStringLiteral("write")} << QStringList()
                                   << validation << QStringLiteral("scopes");
    QTest::newRow("scope case") << user << QStringLiteral("ci") << QStringList {QStringLiteral("Publish")}
                                << QStringList() << validation << QStringLiteral("scopes");
    QTest::newRow("all three, admin owner")
        << admin << QStringLiteral("ci")
        << QStringList {QStringLiteral("publish"), QStringLiteral("read"), QStringLiteral("admin")} << QStringList()
        << QString() << QString();
    QTest::newRow("admin scope, user owner") << user << QStringLiteral("ci") << QStringList {QStringLiteral("admin")}
                                             << QStringList() << QString::fromLatin1(ErrorCode::Forbidden) << QString();
    QTest::newRow("admin scope, publisher owner")
        << QStringLiteral("publisher") << QStringLiteral("ci")
        << QStringList {QStringLiteral("publish"), QStringLiteral("admin")} << QStringList()
        << QString::fromLatin1(ErrorCode::Forbidden) << QString();
    QTest::newRow("globs ok") << user << QStringLiteral("ci") << publish
                              << QStringList {QStringLiteral("deploy-*"), QStringLiteral("v?"), QStringLiteral("a_b")}
                              << QString() << QString();
    QTest::newRow("glob 64") << user << QStringLiteral("ci") << publish << QStringList {QString(64, QLatin1Char('g'))}
                             << QString() << QString();
    QTest::newRow("glob 65") << user << QStringLiteral("ci") << publish << QStringList {QString(65, QLatin1Char('g'))}
                             << validation << QStringLiteral("topics");
    QTest::newRow("glob empty") << user << QStringLiteral("ci") << publish << QStringList {QString()} << validation
                                << QStringLiteral("topics");
    QTest::newRow("glob slash") << user << QStringLiteral("ci") << publish << QStringList {QStringLiteral("a/*")}
                                << validation << QStringLiteral("topics");
    QTest::newRow("glob class") << user << QStringLiteral("ci") << publish << QStringList {QStringLiteral("[ab]")}
                                << validation << QStringLiteral("topics");
    QTest::newRow("glob space") << user << QStringLiteral("ci") << publish
                                << QStringList {QStringLiteral("ok"), QStringLiteral("not ok")} << validation
                                << QStringLiteral("topics");
}

void TestAuth::apiToken_validation()
{
    QFETCH(QString, ownerRole);
    QFETCH(QString, name);
    QFETCH(QStringList, scopes);
    QFETCH(QStringList, globs);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const auto owner = addUser(QStringLiteral("owner"), ownerRole, QStringLiteral("owner-password"));
    VERIFY_OK(owner);
    const auto r = m_auth->createApiToken(owner.value(), name, scopes, globs);
    if (code.isEmpty()) {
        VERIFY_OK(r);
        QCOMPARE(m_store->apiTokens(owner->id).size(), 1);
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().field, field);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(m_store->apiTokens(owner->id).isEmpty());
}

void TestAuth::createUser_validation_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("field"); // empty = created

    const QString pw = QStringLiteral("12345678");
    const QString user = QStringLiteral("user");
    QTest::newRow("ok") << QStringLiteral("a.b_c-D9") << pw << user << QString();
    QTest::newRow("ok publisher") << QStringLiteral("ab") << pw << QStringLiteral("publisher") << QString();
    QTest::newRow("username 1") << QStringLiteral("a") << pw << user << QStringLiteral("username");
    QTest::newRow("username 64") << QString(64, QLatin1Char('u')) << pw << user << QString();
    QTest::newRow("username 65") << QString(65, QLatin1Char('u')) << pw << user << QStringLiteral("username");
    QTest::newRow("username space") << QStringLiteral("al ice") << pw << user << QStringLiteral("username");
    QTest::newRow("username at") << QStringLiteral("alice@example.com") << pw << user << QStringLiteral("username");
    QTest::newRow("username non-ASCII") << QStringLiteral("jürgen") << pw << user << QStringLiteral("username");
    QTest::newRow("password 7") << QStringLiteral("alice") << QStringLiteral("1234567") << user
                                << QStringLiteral("password");
    QTest::newRow("password empty") << QStringLiteral("alice") << QString() << user << QStringLiteral("password");
    QTest::newRow("password huge") << QStringLiteral("alice") << QString(1025, QLatin1Char('p')) << user
                                   << QStringLiteral("password");
    QTest::newRow("role unknown") << QStringLiteral("alice") << pw << QStringLiteral("root") << QStringLiteral("role");
    QTest::newRow("role case") << QStringLiteral("alice") << pw << QStringLiteral("Admin") << QStringLiteral("role");
    QTest::newRow("role empty") << QStringLiteral("alice") << pw << QString() << QStringLiteral("role");
}

void TestAuth::createUser_validation()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QString, role);
    QFETCH(QString, field);

    const auto r = addUser(username, role, password);
    if (field.isEmpty()) {
        VERIFY_OK(r);
        QCOMPARE(QUuid::fromString(r->id).isNull(), false);
        QCOMPARE(r->createdAt, startTime());
        const auto stored = m_store->userById(r->id);
        QVERIFY(stored);
        QCOMPARE(stored->username, username);
        QCOMPARE(stored->role, role);
        QVERIFY(m_auth->hasher().verify(m_store->passwordHash(r->id), password));
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QLatin1String(ErrorCode::Validation));
    QCOMPARE(r.error().field, field);
    QCOMPARE(m_store->countUsers({}), qint64(0));
}

void TestAuth::createUser_duplicateUsername_conflicts()
{
    VERIFY_OK(addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password")));
    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("ALICE")}) {
        const auto dup = addUser(name, QStringLiteral("admin"), QStringLiteral("other-password"));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QLatin1String(ErrorCode::Conflict));
        QCOMPARE(dup.error().message, QStringLiteral("username already exists"));
    }
    QCOMPARE(m_store->countUsers({}), qint64(1));
    VERIFY_OK(m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {}));
}

void TestAuth::setPassword_changesPasswordAndEndsSessions()
{
    const auto alice = addUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password"));
    VERIFY_OK(alice);
    const auto login = m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {});
    VERIFY_OK(login);

    QVERIFY(!m_auth->setPassword(alice->id, QStringLiteral("short")));
    QVERIFY(!m_auth->setPassword(QStringLiteral("no-such-user"), QStringLiteral("long enough")));
    QVERIFY(m_auth->setPassword(alice->id, QStringLiteral("new-password")));

    QVERIFY(!m_auth->login(QStringLiteral("alice"), QStringLiteral("alice-password"), {}, {}).ok());
    VERIFY_OK(m_auth->login(QStringLiteral("alice"), QStringLiteral("new-password"), {}, {}));
    QVERIFY(!m_auth->refresh(login->refreshToken).ok());
}

void TestAuth::ensureAdmin_generatesPasswordOnlyOnFirstStart()
{
    const QString generated = m_auth->ensureAdmin({});
    QCOMPARE(generated.size(), 20);
    static const QRegularExpression b64url(QStringLiteral("^[A-Za-z0-9_-]{20}$"));
    QVERIFY(b64url.match(generated).hasMatch());

    const auto login = m_auth->login(QStringLiteral("admin"), generated, {}, {});
    VERIFY_OK(login);
    QCOMPARE(login->user.role, QStringLiteral("admin"));
    QCOMPARE(login->user.displayName, QStringLiteral("Administrator"));

    // Second start: nothing is created or changed, whatever is passed.
    QCOMPARE(m_auth->ensureAdmin({}), QString());
    QCOMPARE(m_auth->ensureAdmin(QStringLiteral("another-password")), QString());
    QCOMPARE(m_store->countUsers({}), qint64(1));
    QVERIFY(!m_auth->login(QStringLiteral("admin"), QStringLiteral("another-password"), {}, {}).ok());
    VERIFY_OK(m_auth->login(QStringLiteral("admin"), generated, {}, {}));
}

void TestAuth::ensureAdmin_givenPassword_isUsedAndNotReturned()
{
    QCOMPARE(m_auth->ensureAdmin(QStringLiteral("from-the-environment")), QString());
    VERIFY_OK(m_auth->login(QStringLiteral("admin"), QStringLiteral("from-the-environment"), {}, {}));
}

void TestAuth::ensureAdmin_tooShortGivenPassword_fallsBackToGenerated()
{
    const QString generated = m_auth->ensureAdmin(QStringLiteral("short"));
    QCOMPARE(generated.size(), 20);
    VERIFY_OK(m_auth->login(QStringLiteral("admin"), generated, {}, {}));
    QVERIFY(!m_auth->login(QStringLiteral("admin"), QStringLiteral("short"), {}, {}).ok());
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
