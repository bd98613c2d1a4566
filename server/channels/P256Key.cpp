#include "channels/P256Key.h"
#include "channels/OpenSslPtr.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace Tidings::Server::Channels {

namespace {

using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using BnPtr = OpenSslPtr<BIGNUM, BN_clear_free>;
using BnCtxPtr = OpenSslPtr<BN_CTX, BN_CTX_free>;
using EcGroupPtr = OpenSslPtr<EC_GROUP, EC_GROUP_free>;
using EcPointPtr = OpenSslPtr<EC_POINT, EC_POINT_free>;
using EcdsaSigPtr = OpenSslPtr<ECDSA_SIG, ECDSA_SIG_free>;
using MdCtxPtr = OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using PkeyCtxPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using ParamBldPtr = OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;

constexpr char GroupName[] = "prime256v1";

// OpenSSL's reason for the last failure, drained from its per-thread error queue so the
// next failure does not report a stale one.
QString opensslReason()
{
    QString reason;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        reason = QString::fromLatin1(buffer);
    }
    return reason.isEmpty() ? QStringLiteral("unknown OpenSSL error") : reason;
}

ProtocolError cryptoError(const QString &what)
{
    return ProtocolError::make(ErrorCode::Internal, what + QStringLiteral(": ") + opensslReason());
}

std::shared_ptr<evp_pkey_st> wrap(EVP_PKEY *key)
{
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

bool isP256(const EVP_PKEY *key)
{
    char group[64] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key, "EC")
        && EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) == 1
        && qstrcmp(group, GroupName) == 0;
}

// OpenSSL's default passphrase callback prompts on the terminal, which would hang a
// daemon that finds an encrypted key file; this one makes such a file fail to load.
int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

} // namespace

P256Key::P256Key(std::shared_ptr<evp_pkey_st> key, bool hasPrivate)
    : m_key(std::move(key))
    , m_hasPrivate(hasPrivate)
{
}

Expected<P256Key> P256Key::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key)
        return cryptoError(QStringLiteral("cannot generate a P-256 key"));
    return P256Key(wrap(key), true);
}

Expected<P256Key> P256Key::fromPublicPoint(const QByteArray &point)
{
    // Only the uncompressed form: RFC 8291 hashes these exact 65 bytes into its key
    // derivation, so a compressed point would derive different keys than the browser.
    if (point.size() != PointSize || point.at(0) != '\x04')
        return ProtocolError::validation(
            QStringLiteral("p256dh"), QStringLiteral("a P-256 public key must be a 65-byte uncompressed point"));
    return fromParts(point, {});
}

Expected<P256Key> P256Key::fromPrivateScalar(const QByteArray &scalar)
{
    if (scalar.size() != ScalarSize)
        return ProtocolError::validation(
            QStringLiteral("privateKey"), QStringLiteral("a P-256 private key must be 32 bytes"));
    const EcGroupPtr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    const BnPtr d(BN_bin2bn(bytes(scalar), int(scalar.size()), nullptr));
    const BnCtxPtr bnCtx(BN_CTX_new());
    if (!group || !d || !bnCtx)
        return cryptoError(QStringLiteral("cannot set up P-256 arithmetic"));
    if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0)
        return ProtocolError::validation(
            QStringLiteral("privateKey"), QStringLiteral("the P-256 private scalar is out of range"));
    // OpenSSL 3 does not compute the public half on import and the EC_KEY route is
    // deprecated; plain EC_POINT arithmetic is not.
    const EcPointPtr q(EC_POINT_new(group.get()));
    QByteArray point(PointSize, Qt::Uninitialized);
    if (!q || EC_POINT_mul(group.get(), q.get(), d.get(), nullptr, nullptr, bnCtx.get()) != 1
        || EC_POINT_point2oct(group.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED,
               reinterpret_cast<unsigned char *>(point.data()), size_t(point.size()), bnCtx.get())
            != size_t(PointSize))
        return cryptoError(QStringLiteral("cannot compute the P-256 public key"));
    return fromParts(point, scalar);
}

Expected<P256Key> P256Key::fromParts(const QByteArray &point, const QByteArray &scalar)
{
    const bool pair = !scalar.isEmpty();
    const BnPtr d(pair ? BN_bin2bn(bytes(scalar), int(scalar.size()), nullptr) : nullptr);
    const ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder || (pair && !d)
        || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, GroupName, 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(
               builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size()))
            != 1
        || (pair && OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1))
        return cryptoError(QStringLiteral("cannot build P-256 key parameters"));
    const ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return cryptoError(QStringLiteral("cannot import a P-256 key"));
    // The import decodes the point and checks that it lies on the curve, which is what
    // protects our ECDH from invalid-curve points in a hostile subscription.
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, pair ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        return ProtocolError::validation(QStringLiteral("p256dh"), QStringLiteral("not a point on the P-256 curve"));
    }
    return P256Key(wrap(key), pair);
}

Expected<P256Key> P256Key::fromPem(const QByteArray &pem)
{
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return cryptoError(QStringLiteral("cannot read PEM"));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr);
    if (!key)
        return cryptoError(QStringLiteral("not an unencrypted PEM private key"));
    auto wrapped = wrap(key);
    if (!isP256(key))
        return ProtocolError::validation(QStringLiteral("privateKey"), QStringLiteral("the key is not a P-256 key"));
    return P256Key(std::move(wrapped), true);
}

QByteArray P256Key::publicPoint() const
{
    if (!m_key)
        return {};
    QByteArray point(PointSize, Qt::Uninitialized);
    size_t length = 0;
    // OpenSSL encodes EC public keys uncompressed unless a key says otherwise, and a
    // key we imported or generated never does.
    if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
            reinterpret_cast<unsigned char *>(point.data()), size_t(point.size()), &length)
            != 1
        || length != size_t(PointSize) || point.at(0) != '\x04') {
        ERR_clear_error();
        return {};
    }
    return point;
}

QByteArray P256Key::privateScalar() const
{
    if (!m_key || !m_hasPrivate)
        return {};
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &raw) != 1) {
        ERR_clear_error();
        return {};
    }
    const BnPtr d(raw);
    QByteArray scalar(ScalarSize, Qt::Uninitialized);
    if (BN_bn2binpad(d.get(), reinterpret_cast<unsigned char *>(scalar.data()), ScalarSize) != ScalarSize)
        return {};
    return scalar;
}

QByteArray P256Key::toPem() const
{
    if (!m_key || !m_hasPrivate)
        return {};
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(length));
}

Expected<QByteArray> P256Key::deriveSharedSecret(const P256Key &peer) const
{
    if (!m_key || !m_hasPrivate || !peer.m_key)
        return ProtocolError::make(ErrorCode::Internal, QStringLiteral("ECDH needs our key pair and a peer key"));
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new(m_key.get(), nullptr));
    size_t length = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.m_key.get()) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &length) != 1)
        return cryptoError(QStringLiteral("ECDH failed"));
    QByteArray secret(int(length), Qt::Uninitialized);
    if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char *>(secret.data()), &length) != 1)
        return cryptoError(QStringLiteral("ECDH failed"));
    secret.truncate(int(length));
    return secret;
}

Expected<QByteArray> P256Key::signEs256(const QByteArray &message) const
{
    if (!m_key || !m_hasPrivate)
        return ProtocolError::make(ErrorCode::Internal, QStringLiteral("signing needs a private key"));
    const MdCtxPtr md(EVP_MD_CTX_new());
    size_t length = 0;
    if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(md.get(), nullptr, &length, bytes(message), size_t(message.size())) != 1)
        return cryptoError(QStringLiteral("ES256 signing failed"));
    QByteArray der(int(length), Qt::Uninitialized);
    auto *derBytes = reinterpret_cast<unsigned char *>(der.data());
    if (EVP_DigestSign(md.get(), derBytes, &length, bytes(message), size_t(message.size())) != 1)
        return cryptoError(QStringLiteral("ES256 signing failed"));

    // DER (SEQUENCE of two INTEGERs, minimal length, sometimes with a sign byte) to the
    // fixed-width R || S that JWS verifiers expect.
    const unsigned char *cursor = derBytes;
    const EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, long(length)));
    if (!sig)
        return cryptoError(QStringLiteral("cannot decode the ECDSA signature"));
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(SignatureSize, Qt::Uninitialized);
    auto *rawBytes = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, rawBytes, ScalarSize) != ScalarSize
        || BN_bn2binpad(s, rawBytes + ScalarSize, ScalarSize) != ScalarSize)
        return cryptoError(QStringLiteral("cannot encode the ECDSA signature"));
    return raw;
}

} // namespace Tidings::Server::Channels
