#include "UserProvisioner.h"

#include "BenchOptions.h"
#include "Console.h"
#include "MonotonicClock.h"
#include "SessionCache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Tidings::Bench {

namespace {
constexpr int MaxFailuresShown = 5;

// Device ids derived from (username, connection) make a re-run reuse its devices
// instead of adding 10,000 new ones to the server on every run.
const QUuid DeviceNamespace(QStringLiteral("{6f0d3a58-5c1e-4d0b-9a43-2b8f7f1f0c2e}"));

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

UserProvisioner::UserProvisioner(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_pool(options.server, options.setupConcurrency, this)
{
    m_usernameWidth = std::max(5, int(QString::number(std::max(options.users - 1, 0)).size()));
}

QString UserProvisioner::username(int user) const
{
    return m_options.userPrefix + QString::number(user).rightJustified(m_usernameWidth, QLatin1Char('0'));
}

HttpRequest UserProvisioner::loginRequest(
    const QString &username, const QString &password, const QString &deviceKey) const
{
    HttpRequest r;
    r.path = QByteArrayLiteral("/api/auth/login");
    const QString deviceId
        = QUuid::createUuidV5(DeviceNamespace, username + QLatin1Char('/') + deviceKey).toString(QUuid::WithoutBraces);
    r.body = json(QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password},
        {QStringLiteral("deviceName"), QString(QStringLiteral("tidings-bench ") + deviceKey)},
        {QStringLiteral("deviceId"), deviceId}});
    return r;
}

UserProvisioner::Session UserProvisioner::sessionFrom(const HttpResponse &response)
{
    Session s;
    if (response.status != 200)
        return s;
    const QJsonObject o = response.json();
    s.accessToken = o.value(QLatin1String("accessToken")).toString().toUtf8();
    s.refreshToken = o.value(QLatin1String("refreshToken")).toString();
    s.userId = o.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    s.deviceId = o.value(QLatin1String("deviceId")).toString();
    const qint64 expiresIn = o.value(QLatin1String("expiresIn")).toInteger(900);
    s.expiresNs = response.sentNs + expiresIn * 1000000000;
    s.ok = !s.accessToken.isEmpty();
    return s;
}

void UserProvisioner::reportFailure(const QString &what, const HttpResponse &response)
{
    if (response.status == 429 && !m_rateLimitWarned) {
        m_rateLimitWarned = true;
        Console::line(
            QStringLiteral("warning: the server rate-limits %1 (429); raise its [limits] for the bench").arg(what));
    }
    if (m_failuresShown++ < MaxFailuresShown)
        Console::line(QStringLiteral("%1 failed: %2 %3")
                          .arg(what, response.describe(), QString::fromUtf8(response.body.left(200))));
}

void UserProvisioner::finishWhenDrained(std::function<void()> done)
{
    if (m_pool.pending() == 0) {
        done();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_pool, &HttpPool::drained, this, [connection, done] {
        QObject::disconnect(*connection);
        done();
    });
}

void UserProvisioner::loginAdmin(const QString &tag, std::function<void(bool, const QString &)> done)
{
    m_pool.request(
        loginRequest(m_options.adminUser, m_options.adminPassword, QStringLiteral("admin ") + tag),
        [this, done](const HttpResponse &response) {
            Session s = sessionFrom(response);
            if (!s.ok) {
                done(false, QStringLiteral("admin login as '%1': %2").arg(m_options.adminUser, response.describe()));
                return;
            }
            m_admin = s;
            done(true, QString());
        },
        // Few attempts: a server that is not there should fail the run quickly.
        HttpPool::patient(5));
}

void UserProvisioner::createUsers(const QVector<int> &users, std::function<void()> done)
{
    const int total = int(users.size());
    for (int u : users) {
        HttpRequest r;
        r.path = QByteArrayLiteral("/api/admin/users");
        r.bearer = m_admin.accessToken;
        const QString name = username(u);
        r.body = json(QJsonObject {{QStringLiteral("username"), name}, {QStringLiteral("password"), m_options.password},
            {QStringLiteral("role"), QStringLiteral("user")},
            {QStringLiteral("displayName"), QStringLiteral("Bench user %1").arg(u)},
            {QStringLiteral("email"), QString(name + QStringLiteral("@bench.invalid"))}});
        m_pool.request(
            r,
            [this, u, total](const HttpResponse &response) {
                if (response.status == 201 || response.status == 200) {
                    ++m_counts.usersCreated;
                    const QString id = response.json().value(QLatin1String("id")).toString();
                    if (!id.isEmpty())
                        m_userIds.insert(u, id);
                } else if (response.status == 409) {
                    ++m_counts.usersExisting;
                } else {
                    ++m_counts.userFailures;
                    reportFailure(QStringLiteral("creating user %1").arg(username(u)), response);
                }
                const int doneCount = m_counts.usersCreated + m_counts.usersExisting + m_counts.userFailures;
                Console::progress(QStringLiteral("setup: users %1/%2 (created %3, existing %4, failed %5)")
                                      .arg(doneCount)
                                      .arg(total)
                                      .arg(m_counts.usersCreated)
                                      .arg(m_counts.usersExisting)
                                      .arg(m_counts.userFailures),
                    doneCount == total);
            },
            HttpPool::patient());
    }
    finishWhenDrained(std::move(done));
}

void UserProvisioner::loginDevices(
    const QVector<Device> &devices, const SessionCache *cache, std::function<void()> done)
{
    m_devices = devices;
    m_sessions = QVector<Session>(devices.size());
    const int total = int(devices.size());
    for (int k = 0; k < devices.size(); ++k) {
        const Device d = devices[k];
        const QString key = SessionCache::key(username(d.user), d.connection);
        if (!cache || !cache->contains(key)) {
            loginDevice(k, total);
            continue;
        }
        HttpRequest r;
        r.path = QByteArrayLiteral("/api/auth/refresh");
        r.body = json(QJsonObject {{QStringLiteral("refreshToken"), cache->value(key).refreshToken}});
        m_pool.request(
            r,
            [this, k, total](const HttpResponse &response) {
                Session s = sessionFrom(response);
                if (s.ok) {
                    ++m_counts.reused;
                    deviceDone(k, total, std::move(s), response);
                } else {
                    loginDevice(k, total); // spent, expired or from another database: log in
                }
            },
            HttpPool::Retry {10, false, true, true});
    }
    finishWhenDrained(std::move(done));
}

void UserProvisioner::loginDevice(int k, int total)
{
    const Device d = m_devices[k];
    m_pool.request(
        loginRequest(username(d.user), m_options.password, QString::number(d.connection)),
        [this, k, total](const HttpResponse &response) { deviceDone(k, total, sessionFrom(response), response); },
        HttpPool::patient());
}

void UserProvisioner::deviceDone(int k, int total, Session session, const HttpResponse &response)
{
    const Device d = m_devices[k];
    if (session.ok) {
        ++m_counts.logins;
        if (!session.userId.isEmpty())
            m_userIds.insert(d.user, session.userId);
        m_sessions[k] = std::move(session);
    } else {
        ++m_counts.loginFailures;
        reportFailure(QStringLiteral("login of %1").arg(username(d.user)), response);
    }
    const int doneCount = m_counts.logins + m_counts.loginFailures;
    Console::progress(QStringLiteral("setup: logins %1/%2 (%3 from cached sessions, failed %4)")
                          .arg(doneCount)
                          .arg(total)
                          .arg(m_counts.reused)
                          .arg(m_counts.loginFailures),
        doneCount == total);
}

QJsonObject UserProvisioner::sessionsForCache() const
{
    SessionCache cache;
    for (int k = 0; k < m_sessions.size() && k < m_devices.size(); ++k) {
        if (m_sessions[k].ok)
            cache.insert(SessionCache::key(username(m_devices[k].user), m_devices[k].connection),
                {m_sessions[k].refreshToken, m_sessions[k].deviceId});
    }
    return cache.toJson();
}

void UserProvisioner::refreshExpiring(qint64 validUntilNs, std::function<void(QVector<int>)> done)
{
    auto refreshed = std::make_shared<QVector<int>>();
    for (int k = 0; k < m_sessions.size(); ++k) {
        const Session &s = m_sessions[k];
        if (!s.ok || s.expiresNs >= validUntilNs)
            continue;
        HttpRequest r;
        r.path = QByteArrayLiteral("/api/auth/refresh");
        r.body = json(QJsonObject {{QStringLiteral("refreshToken"), s.refreshToken}});
        // No retry on network errors: refresh tokens are single-use, and a retried
        // request whose first attempt did arrive would revoke the whole family.
        m_pool.request(
            r,
            [this, k, refreshed](const HttpResponse &response) {
                Session s = sessionFrom(response);
                if (s.ok) {
                    ++m_counts.refreshes;
                    m_sessions[k] = std::move(s);
                    refreshed->push_back(k);
                } else {
                    ++m_counts.refreshFailures;
                    reportFailure(QStringLiteral("token refresh"), response);
                }
            },
            HttpPool::Retry {10, false, true, true});
    }
    finishWhenDrained([done, refreshed] { done(*refreshed); });
}

} // namespace Tidings::Bench
