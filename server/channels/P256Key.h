#pragma once

#include "protocol/Expected.h"

#include <QByteArray>

#include <memory>

// OpenSSL's EVP_PKEY, forward-declared so that only P256Key.cpp sees OpenSSL headers.
struct evp_pkey_st;

namespace Tidings::Server::Channels {

// A NIST P-256 key (public only, or a key pair) in the raw forms Web Push uses: the
// 65-byte uncompressed point (browsers' p256dh and applicationServerKey) and the
// 32-byte private scalar. VAPID signing (RFC 8292) and the ECDH of the payload
// encryption (RFC 8291) both go through here, so OpenSSL stays in one file.
// Copies share the same immutable OpenSSL key.
class P256Key
{
public:
    static constexpr int PointSize = 65; // 0x04 || X || Y
    static constexpr int ScalarSize = 32;
    static constexpr int SignatureSize = 64; // JWS ES256: R || S

    P256Key() = default;

    // A fresh random key pair.
    [[nodiscard]] static Expected<P256Key> generate();
    // A public key from an uncompressed point; rejects points that are not on the curve.
    [[nodiscard]] static Expected<P256Key> fromPublicPoint(const QByteArray &point);
    // A key pair from its private scalar; the public point is computed from it.
    [[nodiscard]] static Expected<P256Key> fromPrivateScalar(const QByteArray &scalar);
    // A key pair from a PEM private key (PKCS#8 or SEC 1). Encrypted PEM is refused
    // rather than prompting on the terminal.
    [[nodiscard]] static Expected<P256Key> fromPem(const QByteArray &pem);

    [[nodiscard]] bool isNull() const { return !m_key; }
    [[nodiscard]] bool hasPrivateKey() const { return m_hasPrivate; }

    // The uncompressed point (65 bytes), empty for a null key.
    [[nodiscard]] QByteArray publicPoint() const;
    // The private scalar (32 bytes), empty without a private key.
    [[nodiscard]] QByteArray privateScalar() const;
    // The private key as PKCS#8 PEM, empty without a private key.
    [[nodiscard]] QByteArray toPem() const;

    // ECDH with `peer`'s public key: the 32-byte X coordinate of the shared point.
    [[nodiscard]] Expected<QByteArray> deriveSharedSecret(const P256Key &peer) const;
    // ECDSA with SHA-256 over `message`, as JWS wants it (RFC 7518 §3.4): R || S, each
    // zero-padded to 32 bytes, not OpenSSL's DER.
    [[nodiscard]] Expected<QByteArray> signEs256(const QByteArray &message) const;

private:
    P256Key(std::shared_ptr<evp_pkey_st> key, bool hasPrivate);
    // Imports a point and, for a key pair, its scalar (empty for a public key).
    [[nodiscard]] static Expected<P256Key> fromParts(const QByteArray &point, const QByteArray &scalar);

    std::shared_ptr<evp_pkey_st> m_key;
    bool m_hasPrivate = false;
};

} // namespace Tidings::Server::Channels
