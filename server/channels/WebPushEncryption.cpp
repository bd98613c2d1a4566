#include "channels/WebPushEncryption.h"
#include "channels/OpenSslPtr.h"

#include <QtEndian>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace Tidings::Server::Channels {

namespace {

using KdfPtr = OpenSslPtr<EVP_KDF, EVP_KDF_free>;
using KdfCtxPtr = OpenSslPtr<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using CipherCtxPtr = OpenSslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;

constexpr char PaddingDelimiterLast = '\x02';
constexpr int NonceSize = 12;
constexpr int CekSize = 16;

ProtocolError internal(const QString &what)
{
    ERR_clear_error();
    return ProtocolError::make(ErrorCode::Internal, what);
}

ProtocolError invalid(const QString &what)
{
    ERR_clear_error();
    return ProtocolError::validation(QStringLiteral("body"), what);
}

unsigned char *writable(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

const unsigned char *readable(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

// HKDF-SHA-256 (RFC 5869) extract-and-expand, which is both steps of RFC 8291 §3.3 and
// both of RFC 8188 §2.2 with their "|| 0x01" single-block expand.
std::optional<QByteArray> hkdf(const QByteArray &salt, const QByteArray &ikm, const QByteArray &info, int length)
{
    const KdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    const KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx)
        return std::nullopt;
    // OSSL_PARAM takes non-const pointers but only reads the octet strings.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>("SHA256"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(ikm.constData()), size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()), size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_INFO, const_cast<char *>(info.constData()), size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), writable(out), size_t(length), params) != 1)
        return std::nullopt;
    return out;
}

// QByteArrayLiteral would stop at the embedded NUL the RFC's info strings end in.
QByteArray withNul(const char *text)
{
    return QByteArray(text) + '\0';
}

} // namespace

Expected<WebPushEncryption::ContentKeys> WebPushEncryption::deriveKeys(const QByteArray &ecdhSecret,
    const QByteArray &authSecret, const QByteArray &uaPublic, const QByteArray &asPublic, const QByteArray &salt)
{
    const QByteArray keyInfo = withNul("WebPush: info") + uaPublic + asPublic;
    const auto ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
    const auto cek = ikm ? hkdf(salt, *ikm, withNul("Content-Encoding: aes128gcm"), CekSize) : std::nullopt;
    const auto nonce = ikm ? hkdf(salt, *ikm, withNul("Content-Encoding: nonce"), NonceSize) : std::nullopt;
    if (!cek || !nonce)
        return internal(QStringLiteral("HKDF-SHA-256 is not available"));
    return ContentKeys {*cek, *nonce};
}

Expected<QByteArray> WebPushEncryption::encrypt(
    const QByteArray &plaintext, const QByteArray &uaPublic, const QByteArray &authSecret)
{
    const auto ephemeral = P256Key::generate();
    if (!ephemeral)
        return ephemeral.error();
    QByteArray salt(SaltSize, Qt::Uninitialized);
    if (RAND_bytes(writable(salt), SaltSize) != 1)
        return internal(QStringLiteral("no randomness for the salt"));
    return encrypt(plaintext, uaPublic, authSecret, ephemeral.value(), salt);
}

Expected<QByteArray> WebPushEncryption::encrypt(const QByteArray &plaintext, const QByteArray &uaPublic,
    const QByteArray &authSecret, const P256Key &ephemeral, const QByteArray &salt)
{
    if (plaintext.size() > MaxPlaintextSize)
        return ProtocolError::make(ErrorCode::PayloadTooLarge,
            QStringLiteral("a Web Push payload holds at most %1 bytes, not %2")
                .arg(MaxPlaintextSize)
                .arg(plaintext.size()));
    if (authSecret.size() != AuthSecretSize)
        return ProtocolError::validation(QStringLiteral("auth"), QStringLiteral("the auth secret must be 16 bytes"));
    if (salt.size() != SaltSize || !ephemeral.hasPrivateKey())
        return internal(QStringLiteral("encryption needs a 16-byte salt and an ephemeral key pair"));
    const auto ua = P256Key::fromPublicPoint(uaPublic);
    if (!ua)
        return ua.error();
    const QByteArray asPublic = ephemeral.publicPoint();
    const auto secret = ephemeral.deriveSharedSecret(ua.value());
    if (!secret)
        return secret.error();
    const auto keys = deriveKeys(secret.value(), authSecret, uaPublic, asPublic, salt);
    if (!keys)
        return keys.error();

    // One record holds everything, so it is the last one: the delimiter is 0x02 and no
    // further padding is added (the plaintext length is not secret here).
    const QByteArray record = plaintext + PaddingDelimiterLast;
    QByteArray body;
    body.reserve(HeaderSize + record.size() + TagSize);
    body += salt;
    char rs[4];
    qToBigEndian<quint32>(RecordSize, rs);
    body.append(rs, 4);
    body += char(P256Key::PointSize);
    body += asPublic;

    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray ciphertext(record.size() + TagSize, Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, readable(keys->cek), readable(keys->nonce)) != 1
        || EVP_EncryptUpdate(ctx.get(), writable(ciphertext), &written, readable(record), int(record.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), writable(ciphertext) + written, &finalWritten) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, writable(ciphertext) + record.size()) != 1)
        return internal(QStringLiteral("AES-128-GCM encryption failed"));
    body += ciphertext;
    return body;
}

Expected<QByteArray> WebPushEncryption::decrypt(
    const QByteArray &body, const P256Key &uaKey, const QByteArray &authSecret)
{
    if (body.size() < SaltSize + 5)
        return invalid(QStringLiteral("shorter than the aes128gcm header"));
    if (authSecret.size() != AuthSecretSize)
        return ProtocolError::validation(QStringLiteral("auth"), QStringLiteral("the auth secret must be 16 bytes"));
    const QByteArray salt = body.left(SaltSize);
    const quint32 rs = qFromBigEndian<quint32>(body.constData() + SaltSize);
    const int idLength = quint8(body.at(SaltSize + 4));
    const int headerSize = SaltSize + 5 + idLength;
    // RFC 8188 §2: rs must leave room for the delimiter and the tag. RFC 8291 §4: the
    // key id is the sender's public key and the message is a single record.
    if (rs < quint32(TagSize + 2))
        return invalid(QStringLiteral("record size %1 is too small").arg(rs));
    if (idLength != P256Key::PointSize || body.size() < headerSize + TagSize + 1)
        return invalid(QStringLiteral("the key id is not a P-256 public key, or there is no record"));
    const QByteArray asPublic = body.mid(SaltSize + 5, idLength);
    const QByteArray record = body.mid(headerSize);
    if (quint32(record.size()) > rs)
        return invalid(QStringLiteral("more than one record; Web Push messages are a single record"));

    const auto as = P256Key::fromPublicPoint(asPublic);
    if (!as)
        return as.error();
    const auto secret = uaKey.deriveSharedSecret(as.value());
    if (!secret)
        return secret.error();
    const auto keys = deriveKeys(secret.value(), authSecret, uaKey.publicPoint(), asPublic, salt);
    if (!keys)
        return keys.error();

    const int cipherSize = int(record.size()) - TagSize;
    QByteArray tag = record.right(TagSize);
    QByteArray padded(cipherSize, Qt::Uninitialized);
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, readable(keys->cek), readable(keys->nonce)) != 1
        || EVP_DecryptUpdate(ctx.get(), writable(padded), &written, readable(record), cipherSize) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, writable(tag)) != 1)
        return internal(QStringLiteral("AES-128-GCM decryption failed"));
    if (EVP_DecryptFinal_ex(ctx.get(), writable(padded) + written, &finalWritten) != 1)
        return invalid(QStringLiteral("the authentication tag does not verify (tampered, or the wrong keys)"));

    // RFC 8188 §2: padding is the delimiter followed by any number of zero octets.
    qsizetype end = padded.size();
    while (end > 0 && padded.at(end - 1) == '\0')
        --end;
    if (end == 0 || padded.at(end - 1) != PaddingDelimiterLast)
        return invalid(QStringLiteral("the record does not end in the last-record delimiter"));
    padded.truncate(end - 1);
    return padded;
}

} // namespace Tidings::Server::Channels
