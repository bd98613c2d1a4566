#pragma once

#include "channels/P256Key.h"
#include "protocol/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tidings::Server::Channels {

// The server's VAPID identity (RFC 8292): one P-256 key pair for the whole server.
// Browsers bind every push subscription to its public key (applicationServerKey), so
// the key must survive restarts: it lives in the data directory, and replacing it
// orphans every existing subscription (push services answer 403 until clients
// subscribe again).
class VapidKeys
{
public:
    // RFC 8292 §2: push services reject tokens that expire more than 24 h ahead.
    static constexpr qint64 MaxTokenLifetimeSecs = 24 * 3600;

    // Loads the PEM private key at `path`, or generates one and writes it there with
    // mode 0600 (creating the directory) when the file does not exist.
    [[nodiscard]] static Expected<VapidKeys> loadOrCreate(const QString &path);
    // A key pair from PEM (an operator-provided key, or tests).
    [[nodiscard]] static Expected<VapidKeys> fromPem(const QByteArray &pem);
    // A fresh key pair held in memory only.
    [[nodiscard]] static Expected<VapidKeys> generate();

    // The uncompressed public point (65 bytes).
    [[nodiscard]] QByteArray publicKey() const { return m_key.publicPoint(); }
    // The same, base64url without padding: what a page passes to
    // pushManager.subscribe({applicationServerKey}) and what goes into `k=`.
    [[nodiscard]] QString publicKeyBase64Url() const;
    [[nodiscard]] QByteArray privateKeyPem() const { return m_key.toPem(); }

    // A compact ES256 JWT {"typ":"JWT","alg":"ES256"}.{aud, exp, sub}. `audience` is the
    // origin of the push endpoint, `subject` a "mailto:" or https URL the push service
    // can use to contact the operator. Fails for an expiry more than 24 h after `now`,
    // or one not after it.
    [[nodiscard]] Expected<QByteArray> signJwt(
        const QString &audience, const QString &subject, const QDateTime &expiry, const QDateTime &now) const;
    // The same with the system clock as `now`.
    [[nodiscard]] Expected<QByteArray> signJwt(
        const QString &audience, const QString &subject, const QDateTime &expiry) const;

    // The value of the Authorization header for `jwt` (RFC 8292 §3): "vapid t=..., k=...".
    [[nodiscard]] QByteArray authorizationHeader(const QByteArray &jwt) const;

    // The `sub` claim: "mailto:" + the address in `fromEmail` ("a@b" or "Name <a@b>")
    // when there is one, else the server's public URL (RFC 8292 §2.1 allows either).
    [[nodiscard]] static QString subjectFor(const QString &fromEmail, const QString &serverUrl);

private:
    explicit VapidKeys(P256Key key);

    P256Key m_key;
};

} // namespace Tidings::Server::Channels
