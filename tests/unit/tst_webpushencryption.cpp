#include "channels/P256Key.h"
#include "channels/WebPushEncryption.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Tidings::Server::Channels;

namespace {

QByteArray b64(const char *text)
{
    return QByteArray::fromBase64(QByteArray(text), QByteArray::Base64UrlEncoding);
}

// RFC 8291 Appendix A, with the line breaks of the RFC's text removed.
namespace Rfc8291 {
const QByteArray plaintext = QByteArrayLiteral("When I grow up, I want to be a watermelon");
const QByteArray asPublic
    = b64("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
const QByteArray asPrivate = b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
const QByteArray uaPublic
    = b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
const QByteArray uaPrivate = b64("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94");
const QByteArray salt = b64("DGv6ra1nlYgDCS1FRnbzlw");
const QByteArray authSecret = b64("BTBZMqHH6r4Tts7J_aSIgg");
const QByteArray body
    = b64("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInm"
          "YWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSx"
          "sj_Qulcy4a-fN");
} // namespace Rfc8291

P256Key keyFromScalar(const QByteArray &scalar)
{
    auto key = P256Key::fromPrivateScalar(scalar);
    if (!key)
        qFatal("bad test key: %s", qPrintable(key.error().message));
    return key.value();
}

P256Key freshKey()
{
    auto key = P256Key::generate();
    if (!key)
        qFatal("cannot generate a key: %s", qPrintable(key.error().message));
    return key.value();
}

QByteArray randomAuth()
{
    QByteArray auth(16, Qt::Uninitialized);
    for (char &c : auth)
        c = char(QRandomGenerator::global()->bounded(256));
    return auth;
}

} // namespace

// RFC 8291 message encryption: the RFC's own example, and round trips through the
// user agent's side that the Web Push integration test's push service relies on.
class TestWebPushEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc8291AppendixA_encryptWithItsKeysAndSalt_matchesByteForByte();
    void rfc8291AppendixA_decryptWithUserAgentKey_givesPlaintext();
    void roundTrip_randomKeys_givesPlaintextBack_data();
    void roundTrip_randomKeys_givesPlaintextBack();
    void encrypt_freshKeyAndSaltEachTime();
    void encrypt_plaintextBeyondOneRecord_fails();
    void encrypt_invalidSubscriptionKeys_fail_data();
    void encrypt_invalidSubscriptionKeys_fail();
    void decrypt_tamperedByte_fails_data();
    void decrypt_tamperedByte_fails();
    void decrypt_wrongAuthSecret_fails();
    void decrypt_wrongPrivateKey_fails();
    void decrypt_malformedBody_fails_data();
    void decrypt_malformedBody_fails();
};

void TestWebPushEncryption::rfc8291AppendixA_encryptWithItsKeysAndSalt_matchesByteForByte()
{
    const P256Key ephemeral = keyFromScalar(Rfc8291::asPrivate);
    // The public half we compute from the scalar is the RFC's as_public.
    QCOMPARE(ephemeral.publicPoint(), Rfc8291::asPublic);

    const auto body = WebPushEncryption::encrypt(
        Rfc8291::plaintext, Rfc8291::uaPublic, Rfc8291::authSecret, ephemeral, Rfc8291::salt);
    QVERIFY2(body.ok(), qPrintable(body.ok() ? QString() : body.error().message));
    QCOMPARE(body->toHex(), Rfc8291::body.toHex());
}

void TestWebPushEncryption::rfc8291AppendixA_decryptWithUserAgentKey_givesPlaintext()
{
    const P256Key ua = keyFromScalar(Rfc8291::uaPrivate);
    QCOMPARE(ua.publicPoint(), Rfc8291::uaPublic);

    const auto plaintext = WebPushEncryption::decrypt(Rfc8291::body, ua, Rfc8291::authSecret);
    QVERIFY2(plaintext.ok(), qPrintable(plaintext.ok() ? QString() : plaintext.error().message));
    QCOMPARE(plaintext.value(), Rfc8291::plaintext);
}

void TestWebPushEncryption::roundTrip_randomKeys_givesPlaintextBack_data()
{
    QTest::addColumn<QByteArray>("plaintext");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("json") << QByteArray(R"({"id":"1","title":"Order Updated","body":"Shipped"})");
    // The padding is stripped from the end: plaintext that itself ends in what looks
    // like padding must survive.
    QTest::newRow("ends in a delimiter and zeros") << QByteArray("data\x02\x00\x00", 7);
    QTest::newRow("all zeros") << QByteArray(100, '\0');
    QTest::newRow("exactly the maximum") << QByteArray(WebPushEncryption::MaxPlaintextSize, 'm');
}

void TestWebPushEncryption::roundTrip_randomKeys_givesPlaintextBack()
{
    QFETCH(QByteArray, plaintext);

    const P256Key ua = freshKey();
    const QByteArray auth = randomAuth();
    const auto body = WebPushEncryption::encrypt(plaintext, ua.publicPoint(), auth);
    QVERIFY(body.ok());
    QCOMPARE(body->size(), WebPushEncryption::HeaderSize + plaintext.size() + 1 + WebPushEncryption::TagSize);
    QVERIFY(body->size() <= 4096);
    QCOMPARE(qFromBigEndian<quint32>(body->constData() + 16), quint32(4096));
    QCOMPARE(int(quint8(body->at(20))), 65);

    const auto decrypted = WebPushEncryption::decrypt(body.value(), ua, auth);
    QVERIFY2(decrypted.ok(), qPrintable(decrypted.ok() ? QString() : decrypted.error().message));
    QCOMPARE(decrypted.value(), plaintext);
}

void TestWebPushEncryption::encrypt_freshKeyAndSaltEachTime()
{
    const P256Key ua = freshKey();
    const QByteArray auth = randomAuth();
    const auto first = WebPushEncryption::encrypt(Rfc8291::plaintext, ua.publicPoint(), auth);
    const auto second = WebPushEncryption::encrypt(Rfc8291::plaintext, ua.publicPoint(), auth);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->left(16) != second->left(16)); // salt
    QVERIFY(first->mid(21, 65) != second->mid(21, 65)); // ephemeral key
    QVERIFY(first->mid(86) != second->mid(86));
}

void TestWebPushEncryption::encrypt_plaintextBeyondOneRecord_fails()
{
    const P256Key ua = freshKey();
    const auto body = WebPushEncryption::encrypt(
        QByteArray(WebPushEncryption::MaxPlaintextSize + 1, 'm'), ua.publicPoint(), randomAuth());
    QVERIFY(!body.ok());
    QCOMPARE(body.error().code, QStringLiteral("PAYLOAD_TOO_LARGE"));
}

void TestWebPushEncryption::encrypt_invalidSubscriptionKeys_fail_data()
{
    QTest::addColumn<QByteArray>("p256dh");
    QTest::addColumn<QByteArray>("auth");

    QByteArray offCurve = Rfc8291::uaPublic;
    offCurve[64] = char(offCurve.at(64) ^ 1);
    QByteArray compressed = Rfc8291::uaPublic.left(33);
    compressed[0] = '\x02';

    QTest::newRow("point not on the curve") << offCurve << Rfc8291::authSecret;
    QTest::newRow("compressed point") << compressed << Rfc8291::authSecret;
    QTest::newRow("no 0x04 prefix") << QByteArray('\x05' + Rfc8291::uaPublic.mid(1)) << Rfc8291::authSecret;
    QTest::newRow("empty key") << QByteArray() << Rfc8291::authSecret;
    QTest::newRow("short auth") << Rfc8291::uaPublic << Rfc8291::authSecret.left(15);
    QTest::newRow("no auth") << Rfc8291::uaPublic << QByteArray();
}

void TestWebPushEncryption::encrypt_invalidSubscriptionKeys_fail()
{
    QFETCH(QByteArray, p256dh);
    QFETCH(QByteArray, auth);

    const auto body = WebPushEncryption::encrypt(Rfc8291::plaintext, p256dh, auth);
    QVERIFY(!body.ok());
    QCOMPARE(body.error().code, QStringLiteral("VALIDATION_ERROR"));
}

void TestWebPushEncryption::decrypt_tamperedByte_fails_data()
{
    QTest::addColumn<int>("offset");

    QTest::newRow("salt") << 3;
    QTest::newRow("sender key") << 21 + 40;
    QTest::newRow("first ciphertext byte") << 86;
    QTest::newRow("middle of the ciphertext") << 100;
    QTest::newRow("tag") << int(Rfc8291::body.size()) - 1;
}

void TestWebPushEncryption::decrypt_tamperedByte_fails()
{
    QFETCH(int, offset);

    QByteArray tampered = Rfc8291::body;
    tampered[offset] = char(tampered.at(offset) ^ 0x01);
    const auto plaintext = WebPushEncryption::decrypt(tampered, keyFromScalar(Rfc8291::uaPrivate), Rfc8291::authSecret);
    QVERIFY(!plaintext.ok());
}

void TestWebPushEncryption::decrypt_wrongAuthSecret_fails()
{
    QByteArray auth = Rfc8291::authSecret;
    auth[0] = char(auth.at(0) ^ 0x80);
    const auto plaintext = WebPushEncryption::decrypt(Rfc8291::body, keyFromScalar(Rfc8291::uaPrivate), auth);
    QVERIFY(!plaintext.ok());
    QVERIFY2(plaintext.error().message.contains(QLatin1String("tag")), qPrintable(plaintext.error().message));
}

void TestWebPushEncryption::decrypt_wrongPrivateKey_fails()
{
    const auto plaintext = WebPushEncryption::decrypt(Rfc8291::body, freshKey(), Rfc8291::authSecret);
    QVERIFY(!plaintext.ok());
}

void TestWebPushEncryption::decrypt_malformedBody_fails_data()
{
    QTest::addColumn<QByteArray>("body");

    const QByteArray &good = Rfc8291::body;
    QByteArray smallRecordSize = good;
    qToBigEndian<quint32>(17, smallRecordSize.data() + 16);
    QByteArray shortKeyId = good;
    shortKeyId[20] = char(33);
    // rs below the record's length: the message would span more than one record.
    QByteArray twoRecords = good;
    qToBigEndian<quint32>(quint32(good.size() - 86 - 1), twoRecords.data() + 16);

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("header only") << good.left(86);
    QTest::newRow("truncated tag") << good.left(good.size() - 1 - 16);
    QTest::newRow("record size below the minimum") << smallRecordSize;
    QTest::newRow("key id not a P-256 point") << shortKeyId;
    QTest::newRow("more than one record") << twoRecords;
}

void TestWebPushEncryption::decrypt_malformedBody_fails()
{
    QFETCH(QByteArray, body);

    const auto plaintext = WebPushEncryption::decrypt(body, keyFromScalar(Rfc8291::uaPrivate), Rfc8291::authSecret);
    QVERIFY(!plaintext.ok());
}

QTEST_GUILESS_MAIN(TestWebPushEncryption)
#include "tst_webpushencryption.moc"
