#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace Tidings::Test {

// Checks VAPID tokens the way a push service does, written against OpenSSL directly
// and not through the server's own P256Key, so a mistake in how the server encodes
// keys or signatures cannot be cancelled out by the same mistake in the check.
// Header-only: the tests using it link OpenSSL::Crypto themselves.
struct VerifiedJwt
{
    bool wellFormed = false; // three base64url parts, JSON header and claims
    bool signatureValid = false;
    QByteArray headerJson; // the decoded header, byte for byte
    QJsonObject header;
    QJsonObject claims;
};

// An ES256 compact JWT checked against the signer's uncompressed P-256 point.
inline VerifiedJwt verifyEs256Jwt(const QByteArray &jwt, const QByteArray &publicPoint)
{
    VerifiedJwt out;
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return out;
    const auto decode = [](const QByteArray &part) {
        return QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    };
    out.headerJson = decode(parts.at(0));
    const QByteArray claimsJson = decode(parts.at(1));
    const QByteArray signature = decode(parts.at(2));
    out.header = QJsonDocument::fromJson(out.headerJson).object();
    out.claims = QJsonDocument::fromJson(claimsJson).object();
    out.wellFormed = !out.header.isEmpty() && !out.claims.isEmpty();
    if (signature.size() != 64 || publicPoint.size() != 65)
        return out;

    // The public key from its point, as a push service imports the `k=` parameter.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char *>("P-256"), 0),
        OSSL_PARAM_construct_octet_string(
            OSSL_PKEY_PARAM_PUB_KEY, const_cast<char *>(publicPoint.constData()), size_t(publicPoint.size())),
        OSSL_PARAM_construct_end(),
    };
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> importCtx(
        EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY *rawKey = nullptr;
    if (!importCtx || EVP_PKEY_fromdata_init(importCtx.get()) != 1
        || EVP_PKEY_fromdata(importCtx.get(), &rawKey, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM *>(params)) != 1) {
        ERR_clear_error();
        return out;
    }
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(rawKey, EVP_PKEY_free);

    // JWS R || S back to the DER that OpenSSL verifies.
    const auto *sigBytes = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(sigBytes, 32, nullptr);
    BIGNUM *s = BN_bin2bn(sigBytes + 32, 32, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return out;
    }
    unsigned char *der = nullptr;
    const int derLength = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (derLength <= 0)
        return out;

    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    out.signatureValid = md && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(md.get(), der, size_t(derLength),
               reinterpret_cast<const unsigned char *>(signingInput.constData()), size_t(signingInput.size()))
            == 1;
    OPENSSL_free(der);
    ERR_clear_error();
    return out;
}

// The parts of an RFC 8292 §3 Authorization header, "vapid t=<jwt>, k=<key>"; both
// empty when the header has another form.
struct VapidAuthorization
{
    QByteArray token;
    QByteArray key; // base64url, as sent
};

inline VapidAuthorization parseVapidAuthorization(const QByteArray &header)
{
    VapidAuthorization out;
    if (!header.startsWith("vapid "))
        return out;
    for (const QByteArray &param : header.mid(6).split(',')) {
        const QByteArray p = param.trimmed();
        if (p.startsWith("t="))
            out.token = p.mid(2);
        else if (p.startsWith("k="))
            out.key = p.mid(2);
    }
    return out;
}

} // namespace Tidings::Test
