#pragma once

#include "protocol/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tidings::Server {

struct AccessClaims
{
    QString sub; // user id
    QString role; // admin | publisher | user
    QString did; // device id
    qint64 iat = 0;
    qint64 exp = 0; // seconds since the epoch
};

// HS256 JWTs over QMessageAuthenticationCode. The header's `alg` is pinned to
// HS256 ("none" and every other alg are rejected), the signature is compared in
// constant time, and `exp` is checked against the given time.
class JwtCodec
{
public:
    explicit JwtCodec(QByteArray secret);

    [[nodiscard]] QByteArray sign(const AccessClaims &claims) const;
    // UNAUTHORIZED errors with a message saying why (malformed, bad signature, expired).
    [[nodiscard]] Expected<AccessClaims> verify(QByteArrayView token, const QDateTime &now) const;

private:
    QByteArray m_secret;
};

} // namespace Tidings::Server
