#pragma once

#include "channels/P256Key.h"
#include "protocol/Expected.h"

#include <QByteArray>

namespace Tidings::Server::Channels {

// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding
// (RFC 8188): what a push service forwards is opaque to it, and only the browser that
// holds the subscription's private key and auth secret can read it.
//
// The body is one record: salt(16) || rs(4, big-endian) || idlen(1) || keyid (our
// ephemeral public key, 65) || AES-128-GCM(plaintext || 0x02) || tag(16).
class WebPushEncryption
{
public:
    static constexpr int SaltSize = 16;
    static constexpr int AuthSecretSize = 16;
    static constexpr int RecordSize = 4096;
    static constexpr int TagSize = 16;
    static constexpr int HeaderSize = SaltSize + 4 + 1 + P256Key::PointSize; // 86
    // RFC 8291 §4: push services must accept 4096-byte bodies, which leaves this much
    // plaintext after the header, the padding delimiter and the tag.
    static constexpr int MaxPlaintextSize = RecordSize - HeaderSize - 1 - TagSize; // 3993

    // Encrypts `plaintext` for the subscription (`uaPublic`: the 65-byte p256dh point,
    // `authSecret`: its 16-byte auth) with a fresh ephemeral key and salt.
    [[nodiscard]] static Expected<QByteArray> encrypt(
        const QByteArray &plaintext, const QByteArray &uaPublic, const QByteArray &authSecret);
    // The same with a given ephemeral key pair and salt, which must never be reused for a
    // real message; this exists to reproduce RFC 8291 Appendix A.
    [[nodiscard]] static Expected<QByteArray> encrypt(const QByteArray &plaintext, const QByteArray &uaPublic,
        const QByteArray &authSecret, const P256Key &ephemeral, const QByteArray &salt);

    // The user agent's side: decrypts a body with the subscription's key pair and auth
    // secret. Fails when the header is malformed, the tag does not verify (tampering or
    // the wrong keys) or the padding is not a single final record's.
    [[nodiscard]] static Expected<QByteArray> decrypt(
        const QByteArray &body, const P256Key &uaKey, const QByteArray &authSecret);

private:
    struct ContentKeys
    {
        QByteArray cek; // 16-byte AES key
        QByteArray nonce; // 12-byte GCM nonce of the first (only) record
    };
    // RFC 8291 §3.3-3.4: ECDH and auth secret into the IKM, then RFC 8188 §2.2-2.3 with
    // the salt into the content encryption key and nonce.
    [[nodiscard]] static Expected<ContentKeys> deriveKeys(const QByteArray &ecdhSecret, const QByteArray &authSecret,
        const QByteArray &uaPublic, const QByteArray &asPublic, const QByteArray &salt);
};

} // namespace Tidings::Server::Channels
