#pragma once

#include "auth/JwtCodec.h"
#include "auth/PasswordHasher.h"
#include "protocol/Expected.h"
#include "store/Records.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Store;

// Who is calling, decided once per request or WebSocket connection.
struct AuthContext
{
    enum class Kind { User, ApiToken };
    Kind kind = Kind::User;
    User user; // the user, or the API token's owner
    QString deviceId; // from the access token's `did` (empty for API tokens)
    QString tokenId; // API token id
    QString tokenName; // API token name
    QStringList scopes; // API token scopes
    QStringList topicGlobs; // API token topic globs (empty = all)
    QDateTime expiresAt; // when the access or API token expires (null for API tokens that never do)

    [[nodiscard]] bool isAdmin() const; // role admin (and, for tokens, scope admin)
    // Publishing to users, roles or everyone: role publisher/admin, and for tokens
    // also scope publish (or admin).
    [[nodiscard]] bool canPublish() const;
    // Users always; tokens with scope publish (or admin). Enough for a topic whose
    // publish ACL admits the user.
    [[nodiscard]] bool hasPublishScope() const;
    // Reading the owner's inbox and stream: users always; tokens need scope read (or admin).
    [[nodiscard]] bool canRead() const;
    // For API tokens: the topic matches one of the globs (`*` and `?` wildcards) or there are none.
    [[nodiscard]] bool tokenAllowsTopic(const QString &topic) const;
    // The sender recorded on published messages.
    [[nodiscard]] Sender sender() const;
    // The key idempotency keys are scoped to: "user:<id>" or "token:<id>".
    [[nodiscard]] QString senderKey() const;
};

struct LoginResult
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; // seconds
    User user;
    QString deviceId;

    [[nodiscard]] QJsonObject toJson() const; // {accessToken, refreshToken, expiresIn, user, deviceId}
};

// Identity rules of PROTOCOL.md: Argon2id passwords, 15-minute HS256 access
// tokens, single-use rotating refresh tokens with reuse detection, API tokens.
class AuthService
{
public:
    struct Options
    {
        int accessTokenTtlSec = 15 * 60;
        int refreshTokenTtlSec = 30 * 24 * 3600;
        PasswordHasher::Params hashing;
    };

    AuthService(Store &store, QByteArray jwtSecret, const Clock &clock, Options options);

    // UNAUTHORIZED "invalid username or password" for unknown user, wrong password
    // or disabled account (the same message for all three). A new device id is
    // generated when none is given.
    [[nodiscard]] Expected<LoginResult> login(
        const QString &username, const QString &password, const QString &deviceId, const QString &deviceName);
    // The same, with the password check on the thread pool so the server's event
    // loop keeps serving meanwhile; `done` runs on `context`'s thread.
    void loginAsync(const QString &username, const QString &password, const QString &deviceId,
        const QString &deviceName, QObject *context, std::function<void(Expected<LoginResult>)> done);
    // Rotates: the presented token is spent and a new one returned. A spent token
    // presented again revokes its whole family and fails with UNAUTHORIZED.
    [[nodiscard]] Expected<LoginResult> refresh(const QString &refreshToken);
    // Revokes the device's refresh tokens.
    void logout(const AuthContext &ctx);

    // Checks `Authorization: Bearer <token>`'s token: an API token ("tdg_" prefix) or
    // an access JWT. The user must exist and be enabled.
    [[nodiscard]] Expected<AuthContext> authenticate(QByteArrayView bearerToken) const;

    // Creates an API token for `owner`; returns (record, the secret shown once).
    // `expiresAt` (invalid = never) must be in the future.
    [[nodiscard]] Expected<std::pair<ApiToken, QString>> createApiToken(const User &owner, const QString &name,
        const QStringList &scopes, const QStringList &topicGlobs, const QDateTime &expiresAt = {});

    // Creates a user with an Argon2id hash. CONFLICT when the username is taken.
    [[nodiscard]] Expected<User> createUser(User user, const QString &password);
    [[nodiscard]] bool setPassword(const QString &userId, const QString &password);

    // On first start (no users): creates `admin` with `password`, or a generated one.
    // Returns the password when it was generated (to print once), else empty.
    [[nodiscard]] QString ensureAdmin(const QString &password);

    [[nodiscard]] const PasswordHasher &hasher() const { return m_hasher; }

private:
    struct LoginAttempt
    {
        std::optional<User> user;
        QByteArray storedHash;
        QString password;
        QString deviceId;
        QString deviceName;
    };
    [[nodiscard]] Expected<LoginAttempt> prepareLogin(
        const QString &username, const QString &password, const QString &deviceId, const QString &deviceName);
    // Thread-safe: touches neither the store nor `this`.
    [[nodiscard]] static bool checkPassword(const PasswordHasher &hasher, const LoginAttempt &attempt);
    [[nodiscard]] Expected<LoginResult> finishLogin(const LoginAttempt &attempt, bool passwordOk);
    [[nodiscard]] Expected<LoginResult> issue(const User &user, const QString &deviceId, const QString &familyId);

    Store &m_store;
    JwtCodec m_jwt;
    const Clock &m_clock;
    Options m_options;
    PasswordHasher m_hasher;
};

} // namespace Tidings::Server
