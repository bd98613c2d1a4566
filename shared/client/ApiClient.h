#pragma once

#include "protocol/Preferences.h"
#include "protocol/StreamEvent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tidings::Client {

// Error codes the client adds to PROTOCOL.md's, for failures that never reached
// the server or whose answer was not the protocol's.
namespace ClientError {
inline constexpr char Network[] = "NETWORK_ERROR";
inline constexpr char BadResponse[] = "BAD_RESPONSE";
inline constexpr char SignedOut[] = "SIGNED_OUT";
} // namespace ClientError

// True for failures worth retrying later: no connection, 5xx, 429.
[[nodiscard]] bool isRetryable(const ProtocolError &error);

// A server address as a user types it ("tidings.example.org:8080" gets https://,
// a trailing slash goes): invalid for anything but an http(s) URL with a host.
[[nodiscard]] QUrl serverUrlFromText(const QString &text);

// A signed-in device: what login and refresh return.
struct Session
{
    QUrl server;
    QString accessToken;
    QDateTime accessExpiresAt;
    QString refreshToken;
    QString deviceId;
    QJsonObject user; // {id, username, displayName, email, role, disabled}

    [[nodiscard]] QString userId() const { return user.value(QStringLiteral("id")).toString(); }
    [[nodiscard]] QString username() const { return user.value(QStringLiteral("username")).toString(); }
    [[nodiscard]] bool isValid() const { return !refreshToken.isEmpty() || !accessToken.isEmpty(); }
};

struct InboxQuery
{
    int limit = 50;
    qint64 beforeSeq = 0; // 0 = from the newest
    QString topic;
    QString status; // unread | read | all (empty = all)
    QString search;
};

struct InboxPage
{
    QList<Notification> notifications; // newest first
    bool hasNext = false;
    qint64 total = 0;
    UnreadCounts unread;
    QString epoch;
    qint64 headSeq = 0;
};

struct StreamSlice
{
    QString epoch;
    qint64 headSeq = 0;
    QList<StreamEvent> events;
    bool hasMore = false;
};

struct TopicInfo
{
    QString name;
    QString description;
    bool subscribed = false;
    qint64 subscribers = 0;
    QJsonObject raw;
};

// Typed asynchronous calls to tidingsd's REST API. Every call authenticates with
// the session's access token; a 401 refreshes the session once (concurrent calls
// share one refresh) and repeats the call, so an expired access token never
// reaches the caller. When the refresh itself is refused, signedOut() says why.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Callback = std::function<void(Expected<T>)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setServer(const QUrl &server);
    [[nodiscard]] QUrl server() const { return m_session.server; }
    void setSession(const Session &session);
    [[nodiscard]] const Session &session() const { return m_session; }
    // Milliseconds the access token is still valid for (negative when expired or unknown).
    [[nodiscard]] qint64 accessTokenValidMs() const;
    // Requests that take longer fail with NETWORK_ERROR (default 30 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // -- authentication
    void login(const QString &username, const QString &password, const QString &deviceName, const QString &deviceId,
        QObject *context, Callback<Session> done);
    // Rotates the refresh token. Concurrent calls share one request.
    void refresh(QObject *context, Callback<Session> done);
    void logout(QObject *context, Callback<QJsonObject> done);

    // -- the caller's inbox and stream
    void inbox(const InboxQuery &query, QObject *context, Callback<InboxPage> done);
    void stream(const QString &epoch, qint64 sinceSeq, int limit, QObject *context, Callback<StreamSlice> done);
    void markRead(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done);
    void markUnread(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done);
    void markAllRead(
        const QString &topic, qint64 upToSeq, const QString &opId, QObject *context, Callback<QJsonObject> done);
    void remove(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done);

    // -- preferences, topics, devices
    void preferences(QObject *context, Callback<Preferences> done);
    void updatePreferences(const QJsonObject &patch, QObject *context, Callback<Preferences> done);
    void topics(QObject *context, Callback<QList<TopicInfo>> done);
    void setSubscribed(const QString &topic, bool subscribed, QObject *context, Callback<QJsonObject> done);
    void devices(QObject *context, Callback<QJsonArray> done);
    void registerDevice(const QJsonObject &device, QObject *context, Callback<QJsonObject> done);
    void removeDevice(const QString &deviceId, QObject *context, Callback<QJsonObject> done);

    // Any JSON endpoint (the admin console's pages). `path` starts with /api/.
    // Replies that are arrays come back as {"items": [...]}.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
        Callback<QJsonObject> done, const QList<QPair<QByteArray, QByteArray>> &headers = {});

Q_SIGNALS:
    // Tokens were issued or rotated: persist the refresh token now.
    void sessionChanged(const Tidings::Client::Session &session);
    // The server no longer accepts this device's credentials.
    void signedOut(const QString &reason);

private:
    struct Request;
    void start(std::shared_ptr<Request> request);
    void finished(std::shared_ptr<Request> request, QNetworkReply *reply);
    Expected<Session> sessionFrom(const QJsonObject &body) const;
    template<typename T>
    void sendTyped(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
        Callback<T> done, std::function<Expected<T>(const QJsonObject &)> decode,
        const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QNetworkAccessManager *m_nam;
    Session m_session;
    std::chrono::milliseconds m_timeout {30000};
    bool m_refreshing = false;
    QList<std::function<void(const Expected<Session> &)>> m_refreshWaiters;
};

} // namespace Tidings::Client

Q_DECLARE_METATYPE(Tidings::Client::Session)
