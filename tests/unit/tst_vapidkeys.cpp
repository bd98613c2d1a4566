#include "channels/VapidKeys.h"
#include "support/ClientFixtures.h"
#include "support/VapidVerifier.h"

#include <QFile>
#include <QTest>

#include <openssl/pem.h>

#include <sys/stat.h>

using namespace Tidings::Server::Channels;
using namespace Tidings::Test;

namespace {

const QDateTime Now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
const QString Audience = QStringLiteral("https://push.example.net");
const QString Subject = QStringLiteral("mailto:ops@tidings.example");

VapidKeys freshKeys()
{
    auto keys = VapidKeys::generate();
    if (!keys)
        qFatal("cannot generate VAPID keys: %s", qPrintable(keys.error().message));
    return keys.value();
}

int fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// A PEM private key of another curve, written with OpenSSL directly.
QByteArray p384Pem()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, int(length));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

} // namespace

// The server's VAPID identity: the key file in the data directory and the ES256 tokens
// a push service checks, verified here with OpenSSL independently of the server's code.
class TestVapidKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadOrCreate_firstStart_writesPrivateKeyWithMode0600();
    void loadOrCreate_secondStart_givesSamePublicKey();
    void loadOrCreate_garbageFile_failsAndLeavesItAlone();
    void publicKeyBase64Url_isUnpaddedUncompressedPoint();
    void fromPem_otherCurve_refused();
    void signJwt_verifiesWithPublicKeyAndCarriesClaims();
    void signJwt_everySignatureVerifies_evenWithShortRorS();
    void signJwt_otherKeyOrEditedClaims_doNotVerify();
    void signJwt_badArguments_refused_data();
    void signJwt_badArguments_refused();
    void authorizationHeader_hasTokenAndKey();
    void subjectFor_prefersEmail_data();
    void subjectFor_prefersEmail();
};

void TestVapidKeys::loadOrCreate_firstStart_writesPrivateKeyWithMode0600()
{
    const auto dir = makeTempDir(QStringLiteral("vapid"));
    const QString path = dir->filePath(QStringLiteral("data/vapid.pem"));
    QVERIFY(!QFile::exists(path));

    const auto keys = VapidKeys::loadOrCreate(path);
    QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
    QCOMPARE(fileMode(path), 0600);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pem = file.readAll();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    QCOMPARE(pem, keys->privateKeyPem());
}

void TestVapidKeys::loadOrCreate_secondStart_givesSamePublicKey()
{
    const auto dir = makeTempDir(QStringLiteral("vapid"));
    const QString path = dir->filePath(QStringLiteral("vapid.pem"));
    const auto first = VapidKeys::loadOrCreate(path);
    QVERIFY(first.ok());
    const auto second = VapidKeys::loadOrCreate(path);
    QVERIFY(second.ok());
    QCOMPARE(second->publicKeyBase64Url(), first->publicKeyBase64Url());
    QCOMPARE(second->publicKey(), first->publicKey());
    QCOMPARE(fileMode(path), 0600);

    // A token from the reloaded key verifies with the key browsers were given first.
    const auto jwt = second->signJwt(Audience, Subject, Now.addSecs(3600), Now);
    QVERIFY(jwt.ok());
    QVERIFY(verifyEs256Jwt(jwt.value(), first->publicKey()).signatureValid);
}

void TestVapidKeys::loadOrCreate_garbageFile_failsAndLeavesItAlone()
{
    const auto dir = makeTempDir(QStringLiteral("vapid"));
    const QString path = dir->filePath(QStringLiteral("vapid.pem"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a key\n");
    }
    const auto keys = VapidKeys::loadOrCreate(path);
    QVERIFY(!keys.ok());
    QVERIFY2(keys.error().message.contains(path), qPrintable(keys.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // Replacing it would orphan every subscription; that is the operator's decision.
    QCOMPARE(file.readAll(), QByteArray("not a key\n"));
}

void TestVapidKeys::publicKeyBase64Url_isUnpaddedUncompressedPoint()
{
    const VapidKeys keys = freshKeys();
    const QString encoded = keys.publicKeyBase64Url();
    QCOMPARE(encoded.size(), 87);
    QVERIFY(!encoded.contains(QLatin1Char('=')));
    QVERIFY(!encoded.contains(QLatin1Char('+')) && !encoded.contains(QLatin1Char('/')));
    const QByteArray point = QByteArray::fromBase64(encoded.toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(point.size(), 65);
    QCOMPARE(point.at(0), '\x04');
    QCOMPARE(point, keys.publicKey());
}

void TestVapidKeys::fromPem_otherCurve_refused()
{
    const auto ok = VapidKeys::fromPem(freshKeys().privateKeyPem());
    QVERIFY(ok.ok());
    const auto p384 = VapidKeys::fromPem(p384Pem());
    QVERIFY(!p384.ok());
    QVERIFY(!VapidKeys::fromPem(QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")).ok());
}

void TestVapidKeys::signJwt_verifiesWithPublicKeyAndCarriesClaims()
{
    const VapidKeys keys = freshKeys();
    const QDateTime expiry = Now.addSecs(12 * 3600);
    const auto jwt = keys.signJwt(Audience, Subject, expiry, Now);
    QVERIFY2(jwt.ok(), qPrintable(jwt.ok() ? QString() : jwt.error().message));
    QVERIFY(!jwt->contains('='));

    const VerifiedJwt verified = verifyEs256Jwt(jwt.value(), keys.publicKey());
    QVERIFY(verified.wellFormed);
    QVERIFY(verified.signatureValid);
    QCOMPARE(verified.headerJson, QByteArray(R"({"typ":"JWT","alg":"ES256"})"));
    QCOMPARE(verified.claims.value(QStringLiteral("aud")).toString(), Audience);
    QCOMPARE(verified.claims.value(QStringLiteral("exp")).toInteger(), expiry.toSecsSinceEpoch());
    QCOMPARE(verified.claims.value(QStringLiteral("sub")).toString(), Subject);
    QCOMPARE(verified.claims.size(), 3);
}

void TestVapidKeys::signJwt_everySignatureVerifies_evenWithShortRorS()
{
    // About one ECDSA signature in 128 has an R or S with a leading zero byte, which DER
    // drops; 1000 signatures include such a one but for a chance of about 1 in 2,500,
    // so a missing left padding of R || S shows.
    const VapidKeys keys = freshKeys();
    for (int i = 0; i < 1000; ++i) {
        const auto jwt = keys.signJwt(Audience, Subject, Now.addSecs(60 + i), Now);
        QVERIFY(jwt.ok());
        QVERIFY2(verifyEs256Jwt(jwt.value(), keys.publicKey()).signatureValid, jwt->constData());
    }
}

void TestVapidKeys::signJwt_otherKeyOrEditedClaims_doNotVerify()
{
    const VapidKeys keys = freshKeys();
    const auto jwt = keys.signJwt(Audience, Subject, Now.addSecs(3600), Now);
    QVERIFY(jwt.ok());
    QVERIFY(!verifyEs256Jwt(jwt.value(), freshKeys().publicKey()).signatureValid);

    QList<QByteArray> parts = jwt->split('.');
    const QByteArray otherClaims = QByteArray(R"({"aud":"https://evil.example","exp":1,"sub":"mailto:x@y"})")
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    parts[1] = otherClaims;
    QVERIFY(!verifyEs256Jwt(parts.join('.'), keys.publicKey()).signatureValid);
}

void TestVapidKeys::signJwt_badArguments_refused_data()
{
    QTest::addColumn<QString>("audience");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<qint64>("expiresInSecs");

    QTest::newRow("expiry in the past") << Audience << Subject << qint64(-1);
    QTest::newRow("expiry now") << Audience << Subject << qint64(0);
    QTest::newRow("expiry beyond 24 h") << Audience << Subject << qint64(24 * 3600 + 1);
    QTest::newRow("audience with a path")
        << QStringLiteral("https://push.example.net/wpush/v2/abc") << Subject << qint64(3600);
    QTest::newRow("audience not a URL") << QStringLiteral("push.example.net") << Subject << qint64(3600);
    QTest::newRow("no subject") << Audience << QString() << qint64(3600);
}

void TestVapidKeys::signJwt_badArguments_refused()
{
    QFETCH(QString, audience);
    QFETCH(QString, subject);
    QFETCH(qint64, expiresInSecs);

    QVERIFY(!freshKeys().signJwt(audience, subject, Now.addSecs(expiresInSecs), Now).ok());
}

void TestVapidKeys::authorizationHeader_hasTokenAndKey()
{
    const VapidKeys keys = freshKeys();
    const auto jwt = keys.signJwt(QStringLiteral("http://127.0.0.1:8443"), Subject, Now.addSecs(24 * 3600), Now);
    QVERIFY(jwt.ok());
    const QByteArray header = keys.authorizationHeader(jwt.value());
    const VapidAuthorization parsed = parseVapidAuthorization(header);
    QCOMPARE(parsed.token, jwt.value());
    QCOMPARE(QString::fromLatin1(parsed.key), keys.publicKeyBase64Url());
    QCOMPARE(header, QByteArray("vapid t=" + jwt.value() + ", k=" + keys.publicKeyBase64Url().toLatin1()));
}

void TestVapidKeys::subjectFor_prefersEmail_data()
{
    QTest::addColumn<QString>("fromEmail");
    QTest::addColumn<QString>("serverUrl");
    QTest::addColumn<QString>("expected");

    const QString url = QStringLiteral("https://tidings.example");
    QTest::newRow("address") << QStringLiteral("ops@example.com") << url << QStringLiteral("mailto:ops@example.com");
    QTest::newRow("display form") << QStringLiteral("Tidings <noreply@example.com>") << url
                                  << QStringLiteral("mailto:noreply@example.com");
    QTest::newRow("already mailto") << QStringLiteral("mailto:a@b.example") << url
                                    << QStringLiteral("mailto:a@b.example");
    QTest::newRow("no email: the server URL") << QString() << url << url;
}

void TestVapidKeys::subjectFor_prefersEmail()
{
    QFETCH(QString, fromEmail);
    QFETCH(QString, serverUrl);
    QFETCH(QString, expected);

    QCOMPARE(VapidKeys::subjectFor(fromEmail, serverUrl), expected);
}

QTEST_GUILESS_MAIN(TestVapidKeys)
#include "tst_vapidkeys.moc"
