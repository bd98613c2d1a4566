// SqliteStore: devices, refresh and API tokens, topics, subscriptions, preferences.

#include "store/SqliteStore.h"

#include "store/SqlValues.h"

#include <QSqlQuery>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

const QLatin1String kDeviceColumns("id, user_id, name, platform, push_subscription, created_at, last_seen_at");
const QLatin1String kRefreshColumns(
    "token_hash, user_id, device_id, family_id, created_at, expires_at, used_at, revoked_at");
const QLatin1String kApiTokenColumns(
    "id, user_id, name, scopes, topic_globs, token_hash, created_at, last_used_at, expires_at");
const QLatin1String kTopicColumns(
    "name, description, read_acl, publish_acl, grouping_mode, group_window_sec, created_at");

Device deviceFrom(const QSqlQuery &q)
{
    Device d;
    d.id = q.value(0).toString();
    d.userId = q.value(1).toString();
    d.name = q.value(2).toString();
    d.platform = q.value(3).toString();
    d.pushSubscription = objectFrom(q.value(4));
    d.createdAt = timeFrom(q.value(5));
    d.lastSeenAt = timeFrom(q.value(6));
    return d;
}

RefreshTokenRecord refreshTokenFrom(const QSqlQuery &q)
{
    RefreshTokenRecord r;
    r.tokenHash = q.value(0).toString().toLatin1();
    r.userId = q.value(1).toString();
    r.deviceId = q.value(2).toString();
    r.familyId = q.value(3).toString();
    r.createdAt = timeFrom(q.value(4));
    r.expiresAt = timeFrom(q.value(5));
    r.usedAt = timeFrom(q.value(6));
    r.revokedAt = timeFrom(q.value(7));
    return r;
}

ApiToken apiTokenFrom(const QSqlQuery &q)
{
    ApiToken t;
    t.id = q.value(0).toString();
    t.userId = q.value(1).toString();
    t.name = q.value(2).toString();
    t.scopes = stringListFrom(q.value(3));
    t.topicGlobs = stringListFrom(q.value(4));
    t.tokenHash = q.value(5).toString().toLatin1();
    t.createdAt = timeFrom(q.value(6));
    t.lastUsedAt = timeFrom(q.value(7));
    t.expiresAt = timeFrom(q.value(8));
    return t;
}

Topic topicFrom(const QSqlQuery &q)
{
    Topic t;
    t.name = q.value(0).toString();
    t.description = q.value(1).toString();
    t.readAcl = stringListFrom(q.value(2));
    t.publishAcl = stringListFrom(q.value(3));
    t.groupingMode = q.value(4).toString();
    t.groupWindowSec = q.value(5).toInt();
    t.createdAt = timeFrom(q.value(6));
    return t;
}

// Token hashes are hex, so Latin-1 is a lossless text form for them.
QVariant hashText(const QByteArray &hash)
{
    return text(QString::fromLatin1(hash));
}

QDateTime orNow(const QDateTime &t)
{
    return t.isValid() ? t : QDateTime::currentDateTimeUtc();
}

} // namespace

// ---- devices

bool SqliteStore::upsertDevice(const Device &device)
{
    // Empty fields keep what is stored: see the class comment.
    return change(QStringLiteral("INSERT INTO devices (user_id, id, name, platform, push_subscription, created_at,"
                                 " last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                 " ON CONFLICT (user_id, id) DO UPDATE SET"
                                 " name = CASE WHEN excluded.name = '' THEN devices.name ELSE excluded.name END,"
                                 " platform = CASE WHEN excluded.platform = '' THEN devices.platform"
                                 " ELSE excluded.platform END,"
                                 " push_subscription = COALESCE(excluded.push_subscription, devices.push_subscription),"
                                 " last_seen_at = COALESCE(excluded.last_seen_at, devices.last_seen_at)"),
               {device.userId, device.id, text(device.name), text(device.platform),
                   device.pushSubscription.isEmpty() ? QVariant() : QVariant(json(device.pushSubscription)),
                   timeMs(orNow(device.createdAt)), timeMs(device.lastSeenAt)})
        > 0;
}

QList<Device> SqliteStore::devices(const QString &userId)
{
    static const QString sql = QLatin1String("SELECT ") + kDeviceColumns
        + QLatin1String(" FROM devices WHERE user_id = ? ORDER BY created_at, id");
    QList<Device> out;
    const Stmt s = run(sql, {userId});
    if (s) {
        while (s->next())
            out.append(deviceFrom(*s));
    }
    return out;
}

std::optional<Device> SqliteStore::device(const QString &userId, const QString &deviceId)
{
    static const QString sql
        = QLatin1String("SELECT ") + kDeviceColumns + QLatin1String(" FROM devices WHERE user_id = ? AND id = ?");
    const Stmt s = run(sql, {userId, deviceId});
    if (!s || !s->next())
        return std::nullopt;
    return deviceFrom(*s);
}

bool SqliteStore::deleteDevice(const QString &userId, const QString &deviceId)
{
    return change(QStringLiteral("DELETE FROM devices WHERE user_id = ? AND id = ?"), {userId, deviceId}) > 0;
}

// ---- refresh tokens

bool SqliteStore::insertRefreshToken(const RefreshTokenRecord &token)
{
    return change(QStringLiteral("INSERT INTO refresh_tokens (token_hash, user_id, device_id, family_id, created_at,"
                                 " expires_at, used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
               {hashText(token.tokenHash), token.userId, text(token.deviceId), text(token.familyId),
                   timeMs(orNow(token.createdAt)), timeMs(token.expiresAt), timeMs(token.usedAt),
                   timeMs(token.revokedAt)})
        > 0;
}

std::optional<RefreshTokenRecord> SqliteStore::refreshToken(const QByteArray &tokenHash)
{
    static const QString sql
        = QLatin1String("SELECT ") + kRefreshColumns + QLatin1String(" FROM refresh_tokens WHERE token_hash = ?");
    const Stmt s = run(sql, {hashText(tokenHash)});
    if (!s || !s->next())
        return std::nullopt;
    return refreshTokenFrom(*s);
}

bool SqliteStore::markRefreshTokenUsed(const QByteArray &tokenHash, const QDateTime &at)
{
    return change(QStringLiteral("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"),
               {timeMs(at), hashText(tokenHash)})
        >= 0;
}

bool SqliteStore::revokeRefreshFamily(const QString &familyId, const QDateTime &at)
{
    return change(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL"),
               {timeMs(at), familyId})
        >= 0;
}

bool SqliteStore::revokeDeviceRefreshTokens(const QString &userId, const QString &deviceId, const QDateTime &at)
{
    return change(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?"
                                 " WHERE user_id = ? AND device_id = ? AND revoked_at IS NULL"),
               {timeMs(at), userId, text(deviceId)})
        >= 0;
}

bool SqliteStore::revokeUserRefreshTokens(const QString &userId, const QDateTime &at)
{
    return change(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"),
               {timeMs(at), userId})
        >= 0;
}

// ---- API tokens

bool SqliteStore::insertApiToken(const ApiToken &token)
{
    return change(QStringLiteral("INSERT INTO api_tokens (id, user_id, name, scopes, topic_globs, token_hash,"
                                 " created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {token.id, token.userId, text(token.name), json(token.scopes), json(token.topicGlobs),
                   hashText(token.tokenHash), timeMs(orNow(token.createdAt)), timeMs(token.lastUsedAt),
                   timeMs(token.expiresAt)})
        > 0;
}

std::optional<ApiToken> SqliteStore::apiTokenByHash(const QByteArray &tokenHash)
{
    static const QString sql
        = QLatin1String("SELECT ") + kApiTokenColumns + QLatin1String(" FROM api_tokens WHERE token_hash = ?");
    const Stmt s = run(sql, {hashText(tokenHash)});
    if (!s || !s->next())
        return std::nullopt;
    return apiTokenFrom(*s);
}

QList<ApiToken> SqliteStore::apiTokens(const QString &userId)
{
    static const QString all
        = QLatin1String("SELECT ") + kApiTokenColumns + QLatin1String(" FROM api_tokens ORDER BY created_at, id");
    static const QString owned = QLatin1String("SELECT ") + kApiTokenColumns
        + QLatin1String(" FROM api_tokens WHERE user_id = ? ORDER BY created_at, id");
    QList<ApiToken> out;
    const Stmt s = userId.isEmpty() ? run(all) : run(owned, {userId});
    if (s) {
        while (s->next())
            out.append(apiTokenFrom(*s));
    }
    return out;
}

bool SqliteStore::deleteApiToken(const QString &id)
{
    return change(QStringLiteral("DELETE FROM api_tokens WHERE id = ?"), {id}) > 0;
}

std::optional<ApiToken> SqliteStore::apiToken(const QString &id)
{
    static const QString sql
        = QLatin1String("SELECT ") + kApiTokenColumns + QLatin1String(" FROM api_tokens WHERE id = ?");
    const Stmt s = run(sql, {id});
    if (!s || !s->next())
        return std::nullopt;
    return apiTokenFrom(*s);
}

void SqliteStore::touchApiToken(const QString &id, const QDateTime &at)
{
    (void)change(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"), {timeMs(at), id});
}

// ---- topics and subscriptions

bool SqliteStore::upsertTopic(const Topic &topic)
{
    return change(QStringLiteral("INSERT INTO topics (name, description, read_acl, publish_acl, grouping_mode,"
                                 " group_window_sec, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                 " ON CONFLICT (name) DO UPDATE SET description = excluded.description,"
                                 " read_acl = excluded.read_acl, publish_acl = excluded.publish_acl,"
                                 " grouping_mode = excluded.grouping_mode,"
                                 " group_window_sec = excluded.group_window_sec"),
               {topic.name, text(topic.description), json(topic.readAcl), json(topic.publishAcl),
                   text(topic.groupingMode), topic.groupWindowSec, timeMs(orNow(topic.createdAt))})
        > 0;
}

std::optional<Topic> SqliteStore::topic(const QString &name)
{
    static const QString sql = QLatin1String("SELECT ") + kTopicColumns + QLatin1String(" FROM topics WHERE name = ?");
    const Stmt s = run(sql, {name});
    if (!s || !s->next())
        return std::nullopt;
    return topicFrom(*s);
}

QList<Topic> SqliteStore::topics()
{
    static const QString sql = QLatin1String("SELECT ") + kTopicColumns + QLatin1String(" FROM topics ORDER BY name");
    QList<Topic> out;
    const Stmt s = run(sql);
    if (s) {
        while (s->next())
            out.append(topicFrom(*s));
    }
    return out;
}

bool SqliteStore::subscribe(const QString &userId, const QString &topic)
{
    return change(QStringLiteral("INSERT INTO topic_subscriptions (user_id, topic, created_at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (user_id, topic) DO NOTHING"),
               {userId, topic, timeMs(QDateTime::currentDateTimeUtc())})
        >= 0;
}

bool SqliteStore::unsubscribe(const QString &userId, const QString &topic)
{
    return change(QStringLiteral("DELETE FROM topic_subscriptions WHERE user_id = ? AND topic = ?"), {userId, topic})
        >= 0;
}

QStringList SqliteStore::subscriptions(const QString &userId)
{
    return column(QStringLiteral("SELECT topic FROM topic_subscriptions WHERE user_id = ? ORDER BY topic"), {userId});
}

QStringList SqliteStore::subscribers(const QString &topic)
{
    return column(QStringLiteral("SELECT s.user_id FROM topic_subscriptions s JOIN users u ON u.id = s.user_id"
                                 " WHERE s.topic = ? AND u.disabled = 0 ORDER BY s.user_id"),
        {topic});
}

qint64 SqliteStore::subscriberCount(const QString &topic)
{
    const auto n = scalar(QStringLiteral("SELECT COUNT(*) FROM topic_subscriptions s JOIN users u ON u.id = s.user_id"
                                         " WHERE s.topic = ? AND u.disabled = 0"),
        {topic});
    return n ? n->toLongLong() : 0;
}

// ---- preferences

std::optional<QJsonObject> SqliteStore::preferences(const QString &userId)
{
    const Stmt s = run(QStringLiteral("SELECT document FROM preferences WHERE user_id = ?"), {userId});
    if (!s || !s->next())
        return std::nullopt;
    return objectFrom(s->value(0));
}

bool SqliteStore::savePreferences(const QString &userId, const QJsonObject &prefs)
{
    return change(QStringLiteral("INSERT INTO preferences (user_id, document, updated_at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (user_id) DO UPDATE SET document = excluded.document,"
                                 " updated_at = excluded.updated_at"),
               {userId, json(prefs), timeMs(QDateTime::currentDateTimeUtc())})
        > 0;
}

} // namespace Tidings::Server
