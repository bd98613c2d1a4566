#pragma once

#include "protocol/StreamEvent.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QWebSocket;

namespace Tidings::Client {

class ApiClient;

// What the server says first on every connection.
struct Welcome
{
    QString userId;
    QString deviceId;
    QString epoch;
    qint64 headSeq = 0;
    UnreadCounts unread;
    int heartbeatSec = 25;
    QDateTime serverTime;
};

// The WebSocket to /ws, kept open for as long as it is wanted. Reconnects with
// exponential backoff and full jitter (0.5 s doubling to a 30 s cap, reset after a
// minute online), at once when the network comes back (QNetworkInformation, where
// the platform has a backend), and at once after refreshing an access token the
// server refused. The access token is refreshed before it expires and handed to
// the open connection, so a session outlives any one token.
class Connection : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)

public:
    enum class State { Offline, Connecting, Online, Reconnecting, SignedOut };
    Q_ENUM(State)

    struct ReconnectPolicy
    {
        std::chrono::milliseconds initial {500};
        std::chrono::milliseconds max {30000};
        std::chrono::milliseconds resetAfter {60000}; // online this long: start again from `initial`
    };

    explicit Connection(ApiClient &api, QObject *parent = nullptr);
    ~Connection() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] bool isOnline() const { return m_state == State::Online; }
    [[nodiscard]] const Welcome &welcome() const { return m_welcome; }

    // Go online and stay online until stop().
    void start();
    // Close the connection and stay offline.
    void stop();
    // Drop the connection now and reconnect as after a network failure (tests, "retry now").
    void reconnectNow();

    // Sends one JSON text frame; false when not online.
    bool send(const QString &event, const QJsonObject &data, const QString &ref = {});

    void setReconnectPolicy(const ReconnectPolicy &policy) { m_policy = policy; }
    [[nodiscard]] ReconnectPolicy reconnectPolicy() const { return m_policy; }
    // Uniform random numbers in [0, 1) for the jitter (tests make it deterministic).
    void setRandomSource(std::function<double()> uniform) { m_random = std::move(uniform); }
    // Overrides the server's heartbeatSec (tests).
    void setHeartbeatInterval(std::chrono::milliseconds interval) { m_heartbeatOverride = interval; }
    // Refresh the access token this long before it expires (at most a quarter of its
    // lifetime). Zero turns proactive refresh off: the server's 4401 then triggers it.
    void setRefreshMargin(std::chrono::milliseconds margin) { m_refreshMargin = margin; }

    // The longest delay before reconnect attempt `attempt` (0-based): initial * 2^attempt, capped.
    [[nodiscard]] static std::chrono::milliseconds backoffCeiling(int attempt, const ReconnectPolicy &policy);
    // The delay chosen for the next attempt (full jitter: uniform in [0, ceiling]).
    [[nodiscard]] std::chrono::milliseconds nextDelay();
    [[nodiscard]] int attempt() const { return m_attempt; }

Q_SIGNALS:
    void stateChanged(Tidings::Client::Connection::State state);
    // Authenticated: resume from here.
    void welcomed(const Tidings::Client::Welcome &welcome);
    // Every other server frame (notification, read, badge, replayDone, resync, ...).
    void frameReceived(const QString &event, const QJsonObject &data);
    // The answer to a frame sent with a `ref`.
    void replyReceived(const QString &ref, bool ok, const QJsonObject &data, const Tidings::ProtocolError &error);
    // The connection went away (before any reconnect is scheduled).
    void connectionLost();

private:
    void open();
    void setState(State state, const QString &error = {});
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void scheduleReconnect();
    void heartbeat();
    void scheduleTokenRefresh();
    void refreshToken(bool reconnectAfter);
    void onNetworkReachable();
    [[nodiscard]] QUrl wsUrl() const;

    ApiClient &m_api;
    std::unique_ptr<QWebSocket> m_socket;
    State m_state = State::Offline;
    QString m_lastError;
    Welcome m_welcome;
    bool m_wanted = false;
    bool m_welcomed = false;
    int m_attempt = 0;
    int m_authRefs = 0;
    ReconnectPolicy m_policy;
    std::function<double()> m_random;
    std::chrono::milliseconds m_heartbeatOverride {0};
    std::chrono::milliseconds m_refreshMargin {60000};
    QTimer m_reconnectTimer;
    QTimer m_heartbeatTimer;
    QTimer m_refreshTimer;
    QTimer m_stableTimer;
    QElapsedTimer m_lastActivity;
};

} // namespace Tidings::Client

Q_DECLARE_METATYPE(Tidings::Client::Welcome)
