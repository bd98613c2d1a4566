#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Tidings::Server::TokenCrypto {

// `bytes` random bytes from the system CSPRNG (QRandomGenerator::system()).
[[nodiscard]] QByteArray randomBytes(int bytes);
// base64url without padding.
[[nodiscard]] QByteArray base64Url(const QByteArray &raw);
// A random opaque token: base64url of `bytes` random bytes, with `prefix` ("tdg_" for API tokens).
[[nodiscard]] QString newToken(const char *prefix, int bytes = 32);
// Lower-case hex SHA-256: how tokens are stored.
[[nodiscard]] QByteArray sha256Hex(QByteArrayView data);
// Constant-time comparison.
[[nodiscard]] bool equalConstantTime(QByteArrayView a, QByteArrayView b);
// A new UUID without braces.
[[nodiscard]] QString newId();

} // namespace Tidings::Server::TokenCrypto
