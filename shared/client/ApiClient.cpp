#include "client/ApiClient.h"

#include "client/ClientLogging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace Tidings::Client {

namespace {

QString codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QLatin1String(ErrorCode::Validation);
    case 401:
        return QLatin1String(ErrorCode::Unauthorized);
    case 403:
        return QLatin1String(ErrorCode::Forbidden);
    case 404:
        return QLatin1String(ErrorCode::NotFound);
    case 409:
        return QLatin1String(ErrorCode::Conflict);
    case 413:
        return QLatin1String(ErrorCode::PayloadTooLarge);
    case 415:
        return QLatin1String(ErrorCode::UnsupportedMediaType);
    case 429:
        return QLatin1String(ErrorCode::RateLimited);
    case 503:
        return QLatin1String(ErrorCode::Unavailable);
    default:
        return QLatin1String(status >= 500 ? ErrorCode::Internal : ErrorCode::Validation);
    }
}

QString percent(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

Expected<QJsonObject> identity(const QJsonObject &o)
{
    return o;
}

ProtocolError badResponse(const QString &what)
{
    return ProtocolError::make(ClientError::BadResponse, what);
}

} // namespace

QUrl serverUrlFromText(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("https://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    // Requests append /api/...: a trailing slash would double it.
    if (url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path().chopped(1));
    return url;
}

bool isRetryable(const ProtocolError &error)
{
    return error.code == QLatin1String(ClientError::Network) || error.code == QLatin1String(ErrorCode::Unavailable)
        || error.code == QLatin1String(ErrorCode::Internal) || error.code == QLatin1String(ErrorCode::RateLimited);
}

struct ApiClient::Request
{
    QByteArray method;
    QString path;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QPointer<QObject> context;
    bool hasContext = false;
    bool authenticated = true;
    bool retried = false;
    std::function<void(Expected<QJsonObject>)> done;

    void deliver(Expected<QJsonObject> result) const
    {
        if (hasContext && !context)
            return; // the caller is gone
        done(std::move(result));
    }
};

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<Session>();
    // Every request carries its own timeout; HTTP/2 is not offered by tidingsd.
    m_nam->setAutoDeleteReplies(true);
}

ApiClient::~ApiClient() = default;

void ApiClient::setServer(const QUrl &server)
{
    m_session.server = server.adjusted(QUrl::StripTrailingSlash);
}

void ApiClient::setSession(const Session &session)
{
    const QUrl server = m_session.server;
    m_session = session;
    if (m_session.server.isEmpty())
        m_session.server = server;
}

qint64 ApiClient::accessTokenValidMs() const
{
    if (m_session.accessToken.isEmpty() || !m_session.accessExpiresAt.isValid())
        return -1;
    return QDateTime::currentDateTimeUtc().msecsTo(m_session.accessExpiresAt);
}

Expected<Session> ApiClient::sessionFrom(const QJsonObject &body) const
{
    Session s;
    s.server = m_session.server;
    s.accessToken = body.value(QStringLiteral("accessToken")).toString();
    s.refreshToken = body.value(QStringLiteral("refreshToken")).toString();
    s.deviceId = body.value(QStringLiteral("deviceId")).toString();
    s.user = body.value(QStringLiteral("user")).toObject();
    const qint64 expiresIn = body.value(QStringLiteral("expiresIn")).toInteger();
    if (s.accessToken.isEmpty() || s.refreshToken.isEmpty() || s.userId().isEmpty() || expiresIn <= 0)
        return badResponse(tr("The server's sign-in reply is incomplete."));
    // The token's `exp` is in whole seconds: count the second it may already be into.
    s.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn - 1);
    return s;
}

void ApiClient::start(std::shared_ptr<Request> request)
{
    QUrl url = m_session.server;
    const qsizetype query = request->path.indexOf(QLatin1Char('?'));
    url.setPath(url.path() + request->path.left(query));
    if (query >= 0)
        url.setQuery(request->path.mid(query + 1), QUrl::StrictMode);
    QNetworkRequest req(url);
    req.setTransferTimeout(int(m_timeout.count()));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (request->authenticated && !m_session.accessToken.isEmpty())
        req.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_session.accessToken.toUtf8());
    for (const auto &[name, value] : std::as_const(request->headers))
        req.setRawHeader(name, value);
    const QByteArray payload = request->method == "GET" || request->method == "DELETE"
        ? QByteArray()
        : QJsonDocument(request->body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, request->method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, request, reply] { finished(request, reply); });
}

void ApiClient::finished(std::shared_ptr<Request> request, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    if (status == 0) {
        qCDebug(lcClientApi) << request->method << request->path << "failed:" << reply->errorString();
        request->deliver(ProtocolError::make(ClientError::Network, reply->errorString()));
        return;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc
        = bytes.isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(bytes, &parseError);
    if (status >= 400) {
        const QJsonObject e = doc.object().value(QStringLiteral("error")).toObject();
        ProtocolError error {e.value(QStringLiteral("code")).toString(), e.value(QStringLiteral("message")).toString(),
            e.value(QStringLiteral("field")).toString()};
        if (error.code.isEmpty())
            error.code = codeForStatus(status);
        if (error.message.isEmpty())
            error.message = reply->errorString();
        if (status == 401 && request->authenticated && !request->retried && !m_session.refreshToken.isEmpty()) {
            // The access token expired (or was revoked): refresh once, then repeat.
            request->retried = true;
            auto again = [this, request](const Expected<Session> &s) {
                if (s)
                    start(request);
                else
                    request->deliver(s.error());
            };
            m_refreshWaiters.append(again);
            refresh(nullptr, {});
            return;
        }
        request->deliver(error);
        return;
    }
    if (parseError.error != QJsonParseError::NoError) {
        request->deliver(badResponse(tr("The server's reply is not JSON: %1").arg(parseError.errorString())));
        return;
    }
    request->deliver(doc.isArray() ? QJsonObject {{QStringLiteral("items"), doc.array()}} : doc.object());
}

void ApiClient::send(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
    Callback<QJsonObject> done, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto request = std::make_shared<Request>();
    request->method = method;
    request->path = path;
    request->body = body;
    request->headers = headers;
    request->context = context;
    request->hasContext = context != nullptr;
    request->done = std::move(done);
    start(std::move(request));
}

template<typename T>
void ApiClient::sendTyped(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
    Callback<T> done, std::function<Expected<T>(const QJsonObject &)> decode,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    send(
        method, path, body, context,
        [done = std::move(done), decode = std::move(decode)](Expected<QJsonObject> r) {
            if (!done)
                return;
            if (!r)
                done(r.error());
            else
                done(decode(r.value()));
        },
        headers);
}

// ---- authentication

void ApiClient::login(const QString &username, const QString &password, const QString &deviceName,
    const QString &deviceId, QObject *context, Callback<Session> done)
{
    QJsonObject body {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    if (!deviceName.isEmpty())
        body.insert(QStringLiteral("deviceName"), deviceName);
    if (!deviceId.isEmpty())
        body.insert(QStringLiteral("deviceId"), deviceId);
    auto request = std::make_shared<Request>();
    request->method = "POST";
    request->path = QStringLiteral("/api/auth/login");
    request->body = body;
    request->authenticated = false;
    request->context = context;
    request->hasContext = context != nullptr;
    request->done = [this, done = std::move(done)](Expected<QJsonObject> r) {
        if (r) {
            Expected<Session> s = sessionFrom(r.value());
            if (s) {
                m_session = s.value();
                Q_EMIT sessionChanged(m_session);
            }
            if (done)
                done(s);
        } else if (done) {
            done(r.error());
        }
    };
    start(std::move(request));
}

void ApiClient::refresh(QObject *context, Callback<Session> done)
{
    if (done) {
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        m_refreshWaiters.append([guard, hasContext, done = std::move(done)](const Expected<Session> &s) {
            if (!hasContext || guard)
                done(s);
        });
    }
    if (m_refreshing)
        return;
    if (m_session.refreshToken.isEmpty()) {
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto &w : waiters)
            w(ProtocolError::make(ClientError::SignedOut, tr("Not signed in.")));
        return;
    }
    m_refreshing = true;
    auto request = std::make_shared<Request>();
    request->method = "POST";
    request->path = QStringLiteral("/api/auth/refresh");
    request->body = {{QStringLiteral("refreshToken"), m_session.refreshToken}};
    request->authenticated = false;
    request->done = [this](Expected<QJsonObject> r) {
        m_refreshing = false;
        Expected<Session> result = r ? sessionFrom(r.value()) : Expected<Session>(r.error());
        if (result) {
            m_session = result.value();
            qCDebug(lcClientApi) << "access token refreshed";
            Q_EMIT sessionChanged(m_session);
        } else if (!isRetryable(result.error())) {
            // The refresh token was revoked, expired or reused: this device is signed out.
            const QString reason = result.error().message;
            qCInfo(lcClientApi) << "signed out:" << reason;
            m_session.accessToken.clear();
            m_session.refreshToken.clear();
            result = ProtocolError::make(ClientError::SignedOut, reason);
            Q_EMIT signedOut(reason);
        }
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto &w : waiters)
            w(result);
    };
    start(std::move(request));
}

void ApiClient::logout(QObject *context, Callback<QJsonObject> done)
{
    send("POST", QStringLiteral("/api/auth/logout"), {}, context,
        [this, done = std::move(done)](Expected<QJsonObject> r) {
            m_session.accessToken.clear();
            m_session.refreshToken.clear();
            if (done)
                done(std::move(r));
        });
}

// ---- inbox and stream

void ApiClient::inbox(const InboxQuery &query, QObject *context, Callback<InboxPage> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.beforeSeq > 0)
        q.addQueryItem(QStringLiteral("beforeSeq"), QString::number(query.beforeSeq));
    if (!query.topic.isEmpty())
        q.addQueryItem(QStringLiteral("topic"), query.topic);
    if (!query.status.isEmpty())
        q.addQueryItem(QStringLiteral("status"), query.status);
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.search);
    sendTyped<InboxPage>("GET", QStringLiteral("/api/notifications?") + q.toString(QUrl::FullyEncoded), {}, context,
        std::move(done), [](const QJsonObject &o) -> Expected<InboxPage> {
            InboxPage page;
            for (const QJsonValue &v : o.value(QStringLiteral("notifications")).toArray()) {
                Expected<Notification> n = Notification::fromJson(v.toObject());
                if (!n)
                    return badResponse(QStringLiteral("notification: ") + n.error().message);
                page.notifications.append(std::move(n).value());
            }
            const QJsonObject pagination = o.value(QStringLiteral("pagination")).toObject();
            page.hasNext = pagination.value(QStringLiteral("hasNext")).toBool();
            page.total = pagination.value(QStringLiteral("total")).toInteger();
            page.unread = UnreadCounts::fromJson(o.value(QStringLiteral("unread")).toObject());
            page.epoch = o.value(QStringLiteral("epoch")).toString();
            page.headSeq = o.value(QStringLiteral("headSeq")).toInteger();
            return page;
        });
}

void ApiClient::stream(const QString &epoch, qint64 sinceSeq, int limit, QObject *context, Callback<StreamSlice> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("epoch"), epoch);
    q.addQueryItem(QStringLiteral("sinceSeq"), QString::number(sinceSeq));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    sendTyped<StreamSlice>("GET", QStringLiteral("/api/stream?") + q.toString(QUrl::FullyEncoded), {}, context,
        std::move(done), [](const QJsonObject &o) -> Expected<StreamSlice> {
            StreamSlice slice;
            slice.epoch = o.value(QStringLiteral("epoch")).toString();
            slice.headSeq = o.value(QStringLiteral("headSeq")).toInteger();
            slice.hasMore = o.value(QStringLiteral("hasMore")).toBool();
            for (const QJsonValue &v : o.value(QStringLiteral("events")).toArray()) {
                const QJsonObject e = v.toObject();
                Expected<StreamEvent> event = StreamEvent::fromData(
                    e.value(QStringLiteral("event")).toString(), e.value(QStringLiteral("data")).toObject());
                if (!event)
                    return badResponse(QStringLiteral("event: ") + event.error().message);
                slice.events.append(std::move(event).value());
            }
            return slice;
        });
}

namespace {
QList<QPair<QByteArray, QByteArray>> opHeader(const QString &opId)
{
    if (opId.isEmpty())
        return {};
    return {{QByteArrayLiteral("X-Tidings-Op-Id"), opId.toUtf8()}};
}
} // namespace

void ApiClient::markRead(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>("PUT", QStringLiteral("/api/notifications/%1/read").arg(percent(id)), {}, context,
        std::move(done), identity, opHeader(opId));
}

void ApiClient::markUnread(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>("PUT", QStringLiteral("/api/notifications/%1/unread").arg(percent(id)), {}, context,
        std::move(done), identity, opHeader(opId));
}

void ApiClient::markAllRead(
    const QString &topic, qint64 upToSeq, const QString &opId, QObject *context, Callback<QJsonObject> done)
{
    QJsonObject body;
    if (!topic.isEmpty())
        body.insert(QStringLiteral("topic"), topic);
    if (upToSeq > 0)
        body.insert(QStringLiteral("upToSeq"), upToSeq);
    sendTyped<QJsonObject>(
        "PUT", QStringLiteral("/api/notifications/read-all"), body, context, std::move(done), identity, opHeader(opId));
}

void ApiClient::remove(const QString &id, const QString &opId, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>("DELETE", QStringLiteral("/api/notifications/%1").arg(percent(id)), {}, context,
        std::move(done), identity, opHeader(opId));
}

// ---- preferences, topics, devices

void ApiClient::preferences(QObject *context, Callback<Preferences> done)
{
    sendTyped<Preferences>("GET", QStringLiteral("/api/notifications/preferences"), {}, context, std::move(done),
        [](const QJsonObject &o) { return Preferences::fromJson(o); });
}

void ApiClient::updatePreferences(const QJsonObject &patch, QObject *context, Callback<Preferences> done)
{
    sendTyped<Preferences>("PUT", QStringLiteral("/api/notifications/preferences"), patch, context, std::move(done),
        [](const QJsonObject &o) { return Preferences::fromJson(o); });
}

void ApiClient::topics(QObject *context, Callback<QList<TopicInfo>> done)
{
    sendTyped<QList<TopicInfo>>("GET", QStringLiteral("/api/topics"), {}, context, std::move(done),
        [](const QJsonObject &o) -> Expected<QList<TopicInfo>> {
            QList<TopicInfo> out;
            const QJsonArray items = o.contains(QStringLiteral("topics")) ? o.value(QStringLiteral("topics")).toArray()
                                                                          : o.value(QStringLiteral("items")).toArray();
            for (const QJsonValue &v : items) {
                const QJsonObject t = v.toObject();
                TopicInfo info;
                info.name = t.value(QStringLiteral("name")).toString();
                info.description = t.value(QStringLiteral("description")).toString();
                info.subscribed = t.value(QStringLiteral("subscribed")).toBool();
                info.subscribers = t.value(QStringLiteral("subscribers")).toInteger();
                info.raw = t;
                out.append(info);
            }
            return out;
        });
}

void ApiClient::setSubscribed(const QString &topic, bool subscribed, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>(subscribed ? QByteArray("PUT") : QByteArray("DELETE"),
        QStringLiteral("/api/topics/%1/subscription").arg(percent(topic)), {}, context, std::move(done), identity);
}

void ApiClient::devices(QObject *context, Callback<QJsonArray> done)
{
    sendTyped<QJsonArray>("GET", QStringLiteral("/api/devices"), {}, context, std::move(done),
        [](const QJsonObject &o) -> Expected<QJsonArray> {
            return o.contains(QStringLiteral("devices")) ? o.value(QStringLiteral("devices")).toArray()
                                                         : o.value(QStringLiteral("items")).toArray();
        });
}

void ApiClient::registerDevice(const QJsonObject &device, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>("POST", QStringLiteral("/api/devices"), device, context, std::move(done), identity);
}

void ApiClient::removeDevice(const QString &deviceId, QObject *context, Callback<QJsonObject> done)
{
    sendTyped<QJsonObject>(
        "DELETE", QStringLiteral("/api/devices/%1").arg(percent(deviceId)), {}, context, std::move(done), identity);
}

} // namespace Tidings::Client
