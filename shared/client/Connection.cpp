#include "client/Connection.h"

#include "client/ApiClient.h"
#include "client/ClientLogging.h"
#include "protocol/JsonUtil.h"
#include "protocol/WsFrame.h"

#include <QJsonDocument>
#include <QNetworkInformation>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

namespace Tidings::Client {

using namespace std::chrono_literals;

namespace {
constexpr char kAuthRefPrefix[] = "auth:";
} // namespace

Connection::Connection(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    qRegisterMetaType<Welcome>();
    m_reconnectTimer.setSingleShot(true);
    m_refreshTimer.setSingleShot(true);
    m_stableTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Connection::open);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Connection::heartbeat);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refreshToken(false); });
    // Only a connection that stayed up for a while proves the server is healthy again.
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_attempt = 0; });
    connect(&m_api, &ApiClient::signedOut, this, [this](const QString &reason) {
        m_wanted = false;
        m_reconnectTimer.stop();
        if (m_socket)
            m_socket->abort();
        setState(State::SignedOut, reason);
    });

    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                if (r == QNetworkInformation::Reachability::Online)
                    onNetworkReachable();
            });
    } else {
        qCDebug(lcClientConnection) << "no network information backend; reconnecting on the backoff schedule only";
    }
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

std::chrono::milliseconds Connection::backoffCeiling(int attempt, const ReconnectPolicy &policy)
{
    // Doubling saturates long before 2^30; stop shifting once past the cap.
    qint64 ceiling = policy.initial.count();
    for (int i = 0; i < attempt && ceiling < policy.max.count(); ++i)
        ceiling *= 2;
    return std::chrono::milliseconds(qMin(ceiling, qint64(policy.max.count())));
}

std::chrono::milliseconds Connection::nextDelay()
{
    const qint64 ceiling = backoffCeiling(m_attempt, m_policy).count();
    return std::chrono::milliseconds(qint64(m_random() * double(ceiling)));
}

QUrl Connection::wsUrl() const
{
    QUrl url = m_api.server();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path() + QStringLiteral("/ws"));
    return url;
}

void Connection::setState(State state, const QString &error)
{
    if (state == m_state && error == m_lastError)
        return;
    m_state = state;
    m_lastError = error;
    qCDebug(lcClientConnection) << "state" << state << error;
    Q_EMIT stateChanged(state);
}

void Connection::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_attempt = 0;
    open();
}

void Connection::stop()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_refreshTimer.stop();
    m_heartbeatTimer.stop();
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    else if (m_state != State::SignedOut)
        setState(State::Offline);
}

void Connection::reconnectNow()
{
    if (m_socket)
        m_socket->abort();
}

void Connection::open()
{
    if (!m_wanted || m_socket)
        return;
    const Session &session = m_api.session();
    if (session.accessToken.isEmpty() && session.refreshToken.isEmpty()) {
        setState(State::SignedOut, tr("Not signed in."));
        return;
    }
    setState(m_attempt == 0 ? State::Connecting : State::Reconnecting, m_lastError);
    if (m_api.accessTokenValidMs() < 2000 && !session.refreshToken.isEmpty()) {
        // No point presenting a token the server will refuse.
        refreshToken(true);
        return;
    }
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = m_socket.get();
    connect(socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(socket, &QWebSocket::pong, this, [this] { m_lastActivity.restart(); });
    QNetworkRequest request(wsUrl());
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + session.accessToken.toUtf8());
    qCDebug(lcClientConnection) << "connecting to" << request.url().toString();
    socket->open(request);
}

void Connection::onConnected()
{
    m_lastActivity.start();
    // Online only once the server's welcome says the token was accepted.
}

void Connection::onDisconnected()
{
    m_heartbeatTimer.stop();
    m_refreshTimer.stop();
    m_stableTimer.stop();
    const int code = m_socket->closeCode();
    const QString reason = m_socket->closeReason().isEmpty() ? m_socket->errorString() : m_socket->closeReason();
    m_socket->disconnect(this);
    m_socket.release()->deleteLater(); // we may be inside one of its signals
    const bool wasWelcomed = std::exchange(m_welcomed, false);
    qCInfo(lcClientConnection) << "connection closed:" << code << reason;
    Q_EMIT connectionLost();

    if (!m_wanted) {
        if (m_state != State::SignedOut)
            setState(State::Offline);
        return;
    }
    if (code == WsClose::AuthTimeout && (wasWelcomed || m_attempt == 0)) {
        // The access token expired or was refused: refresh it and come straight back.
        // A second refusal in a row goes through the backoff schedule instead.
        ++m_attempt;
        setState(State::Reconnecting, reason);
        refreshToken(true);
        return;
    }
    m_lastError = reason;
    scheduleReconnect();
}

void Connection::scheduleReconnect()
{
    const std::chrono::milliseconds delay = nextDelay();
    ++m_attempt;
    setState(State::Reconnecting, m_lastError);
    qCDebug(lcClientConnection) << "reconnecting in" << delay.count() << "ms (attempt" << m_attempt << ")";
    m_reconnectTimer.start(delay);
}

void Connection::onNetworkReachable()
{
    if (!m_wanted || m_state != State::Reconnecting || !m_reconnectTimer.isActive())
        return;
    qCInfo(lcClientConnection) << "network is back; reconnecting now";
    m_reconnectTimer.stop();
    m_attempt = 0;
    open();
}

bool Connection::send(const QString &event, const QJsonObject &data, const QString &ref)
{
    if (m_state != State::Online || !m_socket)
        return false;
    QJsonObject frame {{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
    if (!ref.isEmpty())
        frame.insert(QStringLiteral("ref"), ref);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return true;
}

void Connection::onText(const QString &text)
{
    m_lastActivity.restart();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString event = frame.value(QStringLiteral("event")).toString();
    const QJsonObject data = frame.value(QStringLiteral("data")).toObject();
    if (event == QLatin1String(WsEvent::Welcome)) {
        m_welcome.userId = data.value(QStringLiteral("userId")).toString();
        m_welcome.deviceId = data.value(QStringLiteral("deviceId")).toString();
        m_welcome.epoch = data.value(QStringLiteral("epoch")).toString();
        m_welcome.headSeq = data.value(QStringLiteral("headSeq")).toInteger();
        m_welcome.unread = UnreadCounts::fromJson(data.value(QStringLiteral("unread")).toObject());
        m_welcome.heartbeatSec = qMax(1, data.value(QStringLiteral("heartbeatSec")).toInt(25));
        m_welcome.serverTime
            = QDateTime::fromString(data.value(QStringLiteral("serverTime")).toString(), Qt::ISODateWithMs);
        m_welcomed = true;
        m_lastError.clear();
        setState(State::Online);
        m_heartbeatTimer.start(m_heartbeatOverride.count() > 0
                ? m_heartbeatOverride
                : std::chrono::milliseconds(m_welcome.heartbeatSec * 1000));
        m_stableTimer.start(m_policy.resetAfter);
        scheduleTokenRefresh();
        Q_EMIT welcomed(m_welcome);
        return;
    }
    if (event == QLatin1String(WsEvent::Reply)) {
        const QString ref = frame.value(QStringLiteral("ref")).toString();
        const bool ok = frame.value(QStringLiteral("ok")).toBool();
        const QJsonObject e = frame.value(QStringLiteral("error")).toObject();
        const ProtocolError error {e.value(QStringLiteral("code")).toString(),
            e.value(QStringLiteral("message")).toString(), e.value(QStringLiteral("field")).toString()};
        if (ref.startsWith(QLatin1String(kAuthRefPrefix))) {
            if (!ok)
                qCWarning(lcClientConnection) << "the server refused the refreshed token:" << error.message;
            return;
        }
        Q_EMIT replyReceived(ref, ok, data, error);
        return;
    }
    Q_EMIT frameReceived(event, data);
}

void Connection::heartbeat()
{
    if (!m_socket)
        return;
    const qint64 interval = m_heartbeatTimer.interval();
    if (m_lastActivity.isValid() && m_lastActivity.elapsed() > 2 * interval + 1000) {
        // Two heartbeats without a pong or a frame: the server or the path to it is gone.
        qCInfo(lcClientConnection) << "no answer for" << m_lastActivity.elapsed() << "ms; reconnecting";
        m_lastError = tr("The server stopped answering.");
        m_socket->abort();
        return;
    }
    m_socket->ping();
}

void Connection::scheduleTokenRefresh()
{
    m_refreshTimer.stop();
    const qint64 validMs = m_api.accessTokenValidMs();
    if (m_refreshMargin.count() <= 0 || validMs < 0)
        return;
    const qint64 margin = qMin(qint64(m_refreshMargin.count()), validMs / 4);
    m_refreshTimer.start(std::chrono::milliseconds(qMax<qint64>(0, validMs - margin)));
}

void Connection::refreshToken(bool reconnectAfter)
{
    m_api.refresh(this, [this, reconnectAfter](const Expected<Session> &session) {
        if (!session) {
            if (session.error().code == QLatin1String(ClientError::SignedOut))
                return; // signedOut() already moved us to SignedOut
            m_lastError = session.error().message;
            if (reconnectAfter)
                scheduleReconnect();
            else
                m_refreshTimer.start(5s);
            return;
        }
        if (reconnectAfter) {
            open();
            return;
        }
        // Hand the new token to the open connection so it outlives the old one.
        send(QLatin1String(WsEvent::Auth), {{QStringLiteral("token"), session->accessToken}},
            QLatin1String(kAuthRefPrefix) + QString::number(++m_authRefs));
        scheduleTokenRefresh();
    });
}

} // namespace Tidings::Client
