#include "auth/AuthService.h"

#include "auth/TokenCrypto.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace Tidings::Server {

namespace {

Q_LOGGING_CATEGORY(lcAuth, "tidings.server.auth")

namespace Scope {
const QLatin1String Publish("publish");
const QLatin1String Read("read");
const QLatin1String Admin("admin");
} // namespace Scope

constexpr qsizetype kMaxTokenName = 100;
constexpr qsizetype kMinPassword = 8;
// Argon2 hashes any length, but an unbounded password is free CPU for an attacker.
constexpr qsizetype kMaxPassword = 1024;
constexpr qsizetype kMaxDeviceId = 128;
constexpr qint64 kTouchThrottleSec = 60;

ProtocolError unauthorized(const QString &message)
{
    return ProtocolError::make(ErrorCode::Unauthorized, message);
}

ProtocolError internal(const QString &message)
{
    return ProtocolError::make(ErrorCode::Internal, message);
}

const QString &badCredentials()
{
    static const QString msg = QStringLiteral("invalid username or password");
    return msg;
}

bool isValidUsername(const QString &username)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    return re.match(username).hasMatch();
}

bool isValidTopicGlob(const QString &glob)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_*?-]{1,64}$"));
    return re.match(glob).hasMatch();
}

bool isValidRole(const QString &role)
{
    return role == QLatin1String(Role::Admin) || role == QLatin1String(Role::Publisher)
        || role == QLatin1String(Role::User);
}

std::optional<ProtocolError> validatePassword(const QString &password)
{
    if (password.size() < kMinPassword)
        return ProtocolError::validation(
            QStringLiteral("password"), QStringLiteral("password must be at least %1 characters").arg(kMinPassword));
    if (password.size() > kMaxPassword)
        return ProtocolError::validation(
            QStringLiteral("password"), QStringLiteral("password must be at most %1 characters").arg(kMaxPassword));
    return std::nullopt;
}

} // namespace

// ---- AuthContext

bool AuthContext::isAdmin() const
{
    if (user.role != QLatin1String(Role::Admin))
        return false;
    return kind == Kind::User || scopes.contains(Scope::Admin);
}

bool AuthContext::canPublish() const
{
    // A token never has more rights than its owner: a plain user's publish token
    // may only publish where a topic's ACL lets that user (see hasPublishScope()).
    const bool publisherRole = user.role == QLatin1String(Role::Publisher) || user.role == QLatin1String(Role::Admin);
    return publisherRole && hasPublishScope();
}

bool AuthContext::hasPublishScope() const
{
    return kind == Kind::User || scopes.contains(Scope::Publish) || scopes.contains(Scope::Admin);
}

bool AuthContext::canRead() const
{
    if (kind == Kind::User)
        return true;
    return scopes.contains(Scope::Read) || scopes.contains(Scope::Admin);
}

bool AuthContext::tokenAllowsTopic(const QString &topic) const
{
    if (kind == Kind::User || topicGlobs.isEmpty())
        return true;
    for (const QString &glob : topicGlobs) {
        // Anchored by wildcardToRegularExpression(): "ord*" must not match "reorders".
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob));
        if (re.match(topic).hasMatch())
            return true;
    }
    return false;
}

Sender AuthContext::sender() const
{
    if (kind == Kind::ApiToken)
        return Sender {QStringLiteral("token"), tokenId, tokenName};
    return Sender {QStringLiteral("user"), user.id, user.username};
}

QString AuthContext::senderKey() const
{
    if (kind == Kind::ApiToken)
        return QLatin1String("token:") + tokenId;
    return QLatin1String("user:") + user.id;
}

QJsonObject LoginResult::toJson() const
{
    return QJsonObject {
        {QStringLiteral("accessToken"), accessToken},
        {QStringLiteral("refreshToken"), refreshToken},
        {QStringLiteral("expiresIn"), expiresIn},
        {QStringLiteral("user"), user.toJson()},
        {QStringLiteral("deviceId"), deviceId},
    };
}

// ---- AuthService

AuthService::AuthService(Store &store, QByteArray jwtSecret, const Clock &clock, Options options)
    : m_store(store)
    , m_jwt(std::move(jwtSecret))
    , m_clock(clock)
    , m_options(std::move(options))
    , m_hasher(m_options.hashing)
{
}

Expected<LoginResult> AuthService::login(
    const QString &username, const QString &password, const QString &deviceId, const QString &deviceName)
{
    Expected<LoginAttempt> attempt = prepareLogin(username, password, deviceId, deviceName);
    if (!attempt)
        return attempt.error();
    return finishLogin(attempt.value(), checkPassword(m_hasher, attempt.value()));
}

void AuthService::loginAsync(const QString &username, const QString &password, const QString &deviceId,
    const QString &deviceName, QObject *context, std::function<void(Expected<LoginResult>)> done)
{
    Expected<LoginAttempt> attempt = prepareLogin(username, password, deviceId, deviceName);
    if (!attempt) {
        done(attempt.error());
        return;
    }
    // Argon2id takes tens of milliseconds by design; on the event loop it would
    // stall every WebSocket for that long. The hash runs on the thread pool; the
    // store is touched only here, on the server's thread, before and after.
    const PasswordHasher hasher = m_hasher;
    const LoginAttempt forWorker = attempt.value();
    auto *watcher = new QFutureWatcher<bool>(context);
    QObject::connect(watcher, &QFutureWatcher<bool>::finished, context,
        [this, watcher, attempt = std::move(attempt).value(), done = std::move(done)] {
            watcher->deleteLater();
            done(finishLogin(attempt, watcher->result()));
        });
    watcher->setFuture(QtConcurrent::run([hasher, forWorker] { return checkPassword(hasher, forWorker); }));
}

Expected<AuthService::LoginAttempt> AuthService::prepareLogin(
    const QString &username, const QString &password, const QString &deviceId, const QString &deviceName)
{
    if (deviceId.size() > kMaxDeviceId)
        return ProtocolError::validation(
            QStringLiteral("deviceId"), QStringLiteral("deviceId is longer than %1 characters").arg(kMaxDeviceId));
    LoginAttempt a;
    a.user = m_store.userByUsername(username);
    a.storedHash = a.user ? m_store.passwordHash(a.user->id) : QByteArray();
    a.password = password;
    a.deviceId = deviceId;
    a.deviceName = deviceName;
    return a;
}

bool AuthService::checkPassword(const PasswordHasher &hasher, const LoginAttempt &attempt)
{
    if (attempt.storedHash.isEmpty()) {
        // Unknown users cost one Argon2 run like known ones, so response times do
        // not reveal which usernames exist. Hashing costs what verifying does.
        (void)hasher.hash(attempt.password);
        return false;
    }
    return hasher.verify(attempt.storedHash, attempt.password);
}

Expected<LoginResult> AuthService::finishLogin(const LoginAttempt &attempt, bool passwordOk)
{
    const std::optional<User> &user = attempt.user;
    // A disabled account gets the same answer as a wrong password: no account enumeration.
    if (!passwordOk || !user || user->disabled) {
        // Not the typed username: people paste passwords into that field.
        if (user)
            qCInfo(lcAuth) << "login failed for user" << user->id;
        else
            qCInfo(lcAuth) << "login failed for an unknown username";
        return unauthorized(badCredentials());
    }

    if (m_hasher.needsRehash(attempt.storedHash)) {
        const QByteArray upgraded = m_hasher.hash(attempt.password);
        if (upgraded.isEmpty() || !m_store.setPasswordHash(user->id, upgraded))
            qCWarning(lcAuth) << "could not upgrade the password hash of" << user->id << m_store.lastError();
    }

    const QString &deviceId = attempt.deviceId;
    const QDateTime now = m_clock.now();
    std::optional<Device> existing;
    if (!deviceId.isEmpty())
        existing = m_store.device(user->id, deviceId);
    Device device;
    if (existing) {
        // Keep what the client registered earlier (createdAt, platform, push subscription).
        device = *existing;
    } else {
        device.id = deviceId.isEmpty() ? TokenCrypto::newId() : deviceId;
        device.userId = user->id;
        device.name = QStringLiteral("unnamed device");
        device.createdAt = now;
    }
    if (!attempt.deviceName.isEmpty())
        device.name = attempt.deviceName;
    device.lastSeenAt = now;
    if (!m_store.upsertDevice(device)) {
        qCWarning(lcAuth) << "could not store device" << device.id << m_store.lastError();
        return internal(QStringLiteral("could not store the device"));
    }

    qCInfo(lcAuth) << "login of" << user->id << "on device" << device.id;
    return issue(*user, device.id, TokenCrypto::newId());
}

Expected<LoginResult> AuthService::issue(const User &user, const QString &deviceId, const QString &familyId)
{
    const QDateTime now = m_clock.now();
    AccessClaims claims;
    claims.sub = user.id;
    claims.role = user.role;
    claims.did = deviceId;
    claims.iat = now.toSecsSinceEpoch();
    claims.exp = claims.iat + m_options.accessTokenTtlSec;

    const QString refreshToken = TokenCrypto::newToken("tdr_", 32);
    RefreshTokenRecord record;
    record.tokenHash = TokenCrypto::sha256Hex(refreshToken.toLatin1());
    record.userId = user.id;
    record.deviceId = deviceId;
    record.familyId = familyId;
    record.createdAt = now;
    record.expiresAt = now.addSecs(m_options.refreshTokenTtlSec);
    if (!m_store.insertRefreshToken(record)) {
        qCWarning(lcAuth) << "could not store a refresh token" << m_store.lastError();
        return internal(QStringLiteral("could not store the session"));
    }

    LoginResult result;
    result.accessToken = QString::fromLatin1(m_jwt.sign(claims));
    result.refreshToken = refreshToken;
    result.expiresIn = m_options.accessTokenTtlSec;
    result.user = user;
    result.deviceId = deviceId;
    return result;
}

Expected<LoginResult> AuthService::refresh(const QString &refreshToken)
{
    if (refreshToken.isEmpty())
        return unauthorized(QStringLiteral("missing refresh token"));

    const QByteArray hash = TokenCrypto::sha256Hex(refreshToken.toUtf8());
    const std::optional<RefreshTokenRecord> record = m_store.refreshToken(hash);
    if (!record)
        return unauthorized(QStringLiteral("invalid refresh token"));

    const QDateTime now = m_clock.now();
    if (record->revokedAt.isValid())
        return unauthorized(QStringLiteral("refresh token revoked"));
    if (record->usedAt.isValid()) {
        // A spent token coming back means two parties hold it: the client and a
        // thief. We cannot tell which is which, so the whole login is ended.
        qCWarning(lcAuth) << "refresh token reuse for user" << record->userId << "device" << record->deviceId
                          << "- revoking family" << record->familyId;
        if (!m_store.revokeRefreshFamily(record->familyId, now))
            qCWarning(lcAuth) << "could not revoke refresh family" << m_store.lastError();
        return unauthorized(QStringLiteral("refresh token reuse detected; all sessions of this login were signed out"));
    }
    if (record->expiresAt <= now)
        return unauthorized(QStringLiteral("refresh token expired"));

    const std::optional<User> user = m_store.userById(record->userId);
    if (!user)
        return unauthorized(QStringLiteral("invalid refresh token"));
    if (user->disabled)
        return unauthorized(QStringLiteral("account disabled"));

    if (!m_store.markRefreshTokenUsed(hash, now)) {
        qCWarning(lcAuth) << "could not mark a refresh token used" << m_store.lastError();
        return internal(QStringLiteral("could not rotate the session"));
    }
    // The new access token carries the user's current role, not the one at login.
    return issue(*user, record->deviceId, record->familyId);
}

void AuthService::logout(const AuthContext &ctx)
{
    // API tokens have no session to end; they are deleted instead.
    if (ctx.kind != AuthContext::Kind::User || ctx.deviceId.isEmpty())
        return;
    if (!m_store.revokeDeviceRefreshTokens(ctx.user.id, ctx.deviceId, m_clock.now()))
        qCWarning(lcAuth) << "could not revoke refresh tokens of device" << ctx.deviceId << m_store.lastError();
}

Expected<AuthContext> AuthService::authenticate(QByteArrayView bearerToken) const
{
    const QByteArrayView token = bearerToken.trimmed();
    if (token.isEmpty())
        return unauthorized(QStringLiteral("missing bearer token"));

    AuthContext ctx;
    if (token.startsWith("tdg_")) {
        const std::optional<ApiToken> apiToken = m_store.apiTokenByHash(TokenCrypto::sha256Hex(token));
        if (!apiToken)
            return unauthorized(QStringLiteral("invalid token"));
        const std::optional<User> owner = m_store.userById(apiToken->userId);
        if (!owner)
            return unauthorized(QStringLiteral("invalid token"));
        if (owner->disabled)
            return unauthorized(QStringLiteral("account disabled"));
        const QDateTime now = m_clock.now();
        if (apiToken->expiresAt.isValid() && apiToken->expiresAt <= now)
            return unauthorized(QStringLiteral("token expired"));

        // lastUsedAt is informational; writing it on every request would turn each
        // publish into two writes.
        if (!apiToken->lastUsedAt.isValid() || apiToken->lastUsedAt.secsTo(now) >= kTouchThrottleSec)
            m_store.touchApiToken(apiToken->id, now);

        ctx.kind = AuthContext::Kind::ApiToken;
        ctx.user = *owner;
        ctx.tokenId = apiToken->id;
        ctx.tokenName = apiToken->name;
        ctx.scopes = apiToken->scopes;
        ctx.topicGlobs = apiToken->topicGlobs;
        ctx.expiresAt = apiToken->expiresAt;
        return ctx;
    }

    Expected<AccessClaims> claims = m_jwt.verify(token, m_clock.now());
    if (!claims) {
        qCDebug(lcAuth) << "rejected access token:" << claims.error().message;
        return claims.error();
    }
    const std::optional<User> user = m_store.userById(claims->sub);
    if (!user)
        return unauthorized(QStringLiteral("invalid token"));
    if (user->disabled)
        return unauthorized(QStringLiteral("account disabled"));

    ctx.kind = AuthContext::Kind::User;
    // The stored role, not the claim: a demotion takes effect on the next request,
    // not 15 minutes later.
    ctx.user = *user;
    ctx.deviceId = claims->did;
    ctx.expiresAt = QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC);
    return ctx;
}

Expected<std::pair<ApiToken, QString>> AuthService::createApiToken(const User &owner, const QString &name,
    const QStringList &scopes, const QStringList &topicGlobs, const QDateTime &expiresAt)
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return ProtocolError::validation(QStringLiteral("name"), QStringLiteral("name is required"));
    if (trimmedName.size() > kMaxTokenName)
        return ProtocolError::validation(
            QStringLiteral("name"), QStringLiteral("name is longer than %1 characters").arg(kMaxTokenName));

    if (scopes.isEmpty())
        return ProtocolError::validation(
            QStringLiteral("scopes"), QStringLiteral("scopes must list at least one of publish, read, admin"));
    for (const QString &scope : scopes) {
        if (scope != Scope::Publish && scope != Scope::Read && scope != Scope::Admin)
            return ProtocolError::validation(QStringLiteral("scopes"),
                QStringLiteral("unknown scope \"%1\" (expected publish, read or admin)").arg(scope));
    }
    if (scopes.contains(Scope::Admin) && owner.role != QLatin1String(Role::Admin))
        return ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("only admins can create admin tokens"));

    for (const QString &glob : topicGlobs) {
        if (!isValidTopicGlob(glob))
            return ProtocolError::validation(QStringLiteral("topics"),
                QStringLiteral("topic pattern \"%1\" must be 1-64 of A-Z a-z 0-9 _ - * ?").arg(glob));
    }
    if (expiresAt.isValid() && expiresAt <= m_clock.now())
        return ProtocolError::validation(
            QStringLiteral("expiresAt"), QStringLiteral("expiresAt must be in the future"));

    const QString secret = TokenCrypto::newToken("tdg_", 32);
    ApiToken token;
    token.id = TokenCrypto::newId();
    token.userId = owner.id;
    token.name = trimmedName;
    token.scopes = scopes;
    token.scopes.removeDuplicates();
    token.topicGlobs = topicGlobs;
    token.topicGlobs.removeDuplicates();
    token.tokenHash = TokenCrypto::sha256Hex(secret.toLatin1());
    token.createdAt = m_clock.now();
    token.expiresAt = expiresAt.toUTC();
    if (!m_store.insertApiToken(token)) {
        qCWarning(lcAuth) << "could not store API token" << m_store.lastError();
        return internal(QStringLiteral("could not store the token"));
    }
    qCInfo(lcAuth) << "API token" << token.id << "created for" << owner.id << "scopes" << token.scopes;
    return std::make_pair(token, secret);
}

Expected<User> AuthService::createUser(User user, const QString &password)
{
    if (!isValidUsername(user.username))
        return ProtocolError::validation(
            QStringLiteral("username"), QStringLiteral("username must be 2-64 of A-Z a-z 0-9 . _ -"));
    if (const auto err = validatePassword(password))
        return *err;
    if (!isValidRole(user.role))
        return ProtocolError::validation(
            QStringLiteral("role"), QStringLiteral("role must be admin, publisher or user"));

    const ProtocolError conflict {
        QLatin1String(ErrorCode::Conflict), QStringLiteral("username already exists"), QStringLiteral("username")};
    if (m_store.userByUsername(user.username))
        return conflict;

    const QByteArray hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return internal(QStringLiteral("could not hash the password"));

    user.id = TokenCrypto::newId();
    user.createdAt = m_clock.now();
    if (!m_store.createUser(user, hash)) {
        // createUser() is also false on a duplicate, so look again before calling it a failure.
        if (m_store.userByUsername(user.username))
            return conflict;
        qCWarning(lcAuth) << "could not create user" << user.username << m_store.lastError();
        return internal(QStringLiteral("could not create the user"));
    }
    qCInfo(lcAuth) << "created user" << user.id << user.username << "role" << user.role;
    return user;
}

bool AuthService::setPassword(const QString &userId, const QString &password)
{
    if (validatePassword(password) || !m_store.userById(userId))
        return false;
    const QByteArray hash = m_hasher.hash(password);
    if (hash.isEmpty() || !m_store.setPasswordHash(userId, hash)) {
        qCWarning(lcAuth) << "could not set the password of" << userId << m_store.lastError();
        return false;
    }
    // A new password is how an account is taken back after a leak, so sessions
    // opened with the old one must not survive it.
    if (!m_store.revokeUserRefreshTokens(userId, m_clock.now()))
        qCWarning(lcAuth) << "could not revoke the sessions of" << userId << m_store.lastError();
    return true;
}

QString AuthService::ensureAdmin(const QString &password)
{
    if (m_store.countUsers({}) != 0)
        return {};

    QString chosen = password;
    if (!chosen.isEmpty()) {
        if (const auto err = validatePassword(chosen)) {
            // Better a generated password printed once than a server nobody can administer.
            qCWarning(lcAuth) << "TIDINGS_ADMIN_PASSWORD rejected:" << err->message << "- generating one";
            chosen.clear();
        }
    }
    const bool generated = chosen.isEmpty();
    if (generated)
        chosen = QString::fromLatin1(TokenCrypto::base64Url(TokenCrypto::randomBytes(15))); // 20 characters

    User admin;
    admin.username = QStringLiteral("admin");
    admin.displayName = QStringLiteral("Administrator");
    admin.role = QLatin1String(Role::Admin);
    const Expected<User> created = createUser(admin, chosen);
    if (!created) {
        qCCritical(lcAuth) << "could not create the admin user:" << created.error().message;
        return {};
    }
    return generated ? chosen : QString();
}

} // namespace Tidings::Server
