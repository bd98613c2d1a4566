#pragma once

#include "HttpPool.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <functional>

namespace Tidings::Bench {

struct BenchOptions;

// Creates the bench users (only the missing ones: 409 means "already there") and
// logs in one device per connection, with a bounded number of requests in flight,
// because each of these costs the server an Argon2id hash.
class SessionCache;

class UserProvisioner : public QObject
{
    Q_OBJECT
public:
    struct Session
    {
        QByteArray accessToken;
        QString refreshToken;
        QString userId;
        QString deviceId;
        qint64 expiresNs = 0; // monotonic
        bool ok = false;
    };
    // One device to log in: connection `connection` (global index) of user `user`.
    struct Device
    {
        int connection = 0;
        int user = 0;
    };
    struct Counts
    {
        int usersCreated = 0;
        int usersExisting = 0;
        int userFailures = 0;
        int logins = 0;
        int loginFailures = 0;
        int reused = 0; // of the logins, sessions refreshed from the cache instead
        int refreshes = 0;
        int refreshFailures = 0;
    };

    UserProvisioner(const BenchOptions &options, QObject *parent = nullptr);

    [[nodiscard]] QString username(int user) const;

    // Logs the admin in (as device "tidings-bench admin <tag>").
    void loginAdmin(const QString &tag, std::function<void(bool ok, const QString &error)> done);
    [[nodiscard]] const Session &admin() const { return m_admin; }

    void createUsers(const QVector<int> &users, std::function<void()> done);
    // sessions()[k] belongs to devices[k]. A device with a cached refresh token is
    // refreshed instead, and logged in only if that fails.
    void loginDevices(const QVector<Device> &devices, const SessionCache *cache, std::function<void()> done);
    // The current refresh token of every logged-in device, for the cache.
    [[nodiscard]] QJsonObject sessionsForCache() const;
    // Refreshes the sessions (indices into sessions()) that expire before `validUntilNs`.
    void refreshExpiring(qint64 validUntilNs, std::function<void(QVector<int> refreshed)> done);

    [[nodiscard]] const QVector<Session> &sessions() const { return m_sessions; }
    [[nodiscard]] QString userId(int user) const { return m_userIds.value(user); }
    [[nodiscard]] const Counts &counts() const { return m_counts; }

private:
    [[nodiscard]] HttpRequest loginRequest(
        const QString &username, const QString &password, const QString &deviceKey) const;
    [[nodiscard]] static Session sessionFrom(const HttpResponse &response);
    void loginDevice(int k, int total);
    void deviceDone(int k, int total, Session session, const HttpResponse &response);
    void reportFailure(const QString &what, const HttpResponse &response);
    void finishWhenDrained(std::function<void()> done);

    const BenchOptions &m_options;
    HttpPool m_pool;
    int m_usernameWidth = 5;
    Session m_admin;
    QVector<Session> m_sessions;
    QVector<Device> m_devices;
    QHash<int, QString> m_userIds;
    Counts m_counts;
    int m_failuresShown = 0;
    bool m_rateLimitWarned = false;
};

} // namespace Tidings::Bench
