#pragma once

#include "FrameScanner.h"

#include <QAbstractSocket>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVector>

#include <deque>
#include <functional>
#include <map>

class QWebSocket;

namespace Tidings::Bench {

// Thousands of WebSocket clients, one device each, in one thread.
//
// Per client there is a QWebSocket and a small struct: no per-client timers. One
// sweep timer enforces the connect/resume timeout, one single-shot timer releases
// the earliest due entry of the backoff queue, and a bound on handshakes in flight
// keeps a connect storm from overflowing the server's listen backlog (which would
// turn into 1-second SYN retransmits and measure the kernel, not the server).
class WsClientPool : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 {
        Idle, // not connected (never, or parked after a drop)
        Queued, // waiting for a handshake slot or for its backoff delay
        Connecting, // socket opened, waiting for welcome
        Resuming, // welcome received, resume sent, waiting for replayDone/resync
        Open, // ready: welcomed (and resumed, when resuming)
        Failed, // gave up
    };
    static constexpr int StateCount = 6;

    struct Client
    {
        QWebSocket *socket = nullptr;
        QByteArray token;
        QString epoch;
        qint64 lastSeq = 0;
        qint64 welcomeHeadSeq = 0;
        qint64 attemptNs = 0; // start of the current open (or resume) attempt
        qint64 readyNs = 0; // when it last became Open
        int user = 0;
        int attempts = 0; // in the current connect/reconnect round
        State state = State::Idle;
        bool resume = false; // send `resume` after welcome
        bool retry = false; // retry failed attempts with backoff
    };

    struct Counters
    {
        qint64 attempts = 0;
        qint64 drops = 0; // an open connection closed by the server or the network
        qint64 resyncs = 0;
        qint64 epochChanges = 0;
        qint64 duplicates = 0; // notifications with seq <= the client's lastSeq
        qint64 gaps = 0; // seq jumped by more than one (informational)
        qint64 replayed = 0; // notifications received while resuming
        qint64 serverErrors = 0;
    };

    using NotificationHandler
        = std::function<void(int client, qint64 recvNs, const FrameScanner::Notification &, QStringView frame)>;

    struct Options
    {
        int maxHandshakes = 256; // 0 = unbounded
        qint64 timeoutNs = 10'000'000'000;
        bool ack = false;
        int backoffBaseMs = 200;
        int backoffMaxMs = 5000;
    };

    WsClientPool(QUrl url, Options options, QObject *parent = nullptr);
    ~WsClientPool() override;

    int addClient(int user, QByteArray token);
    void setToken(int client, QByteArray token) { m_clients[client].token = std::move(token); }
    void setNotificationHandler(NotificationHandler handler) { m_onNotification = std::move(handler); }
    // Reconnect and resume by itself when an open connection drops.
    void setAutoReconnect(bool on) { m_autoReconnect = on; }

    // Opens every Idle/Failed client without resume and without retries.
    void connectAll();
    // Reconnects every Idle client (dropped and parked) and resumes from its (epoch, lastSeq),
    // retrying with exponential backoff and full jitter until `deadlineNs`. The
    // first attempts are spread over `jitterMs`.
    void reconnectAll(int jitterMs, qint64 deadlineNs);
    // Clients still queued, connecting or resuming become Failed.
    void giveUp();
    void closeAll();

    [[nodiscard]] int size() const { return int(m_clients.size()); }
    [[nodiscard]] const Client &client(int i) const { return m_clients[i]; }
    [[nodiscard]] int count(State s) const { return m_stateCount[int(s)]; }
    [[nodiscard]] int busy() const { return count(State::Queued) + count(State::Connecting) + count(State::Resuming); }
    [[nodiscard]] const Counters &counters() const { return m_counters; }
    // Why attempts failed since the last connectAll/reconnectAll (and drops' reconnects).
    [[nodiscard]] const QHash<QString, int> &failureReasons() const { return m_failureReasons; }
    // Close codes of dropped open connections (1008: the server's send buffer overflowed).
    [[nodiscard]] const QHash<int, int> &dropCloseCodes() const { return m_dropCloseCodes; }
    void clearDropCloseCodes() { m_dropCloseCodes.clear(); }
    // First open and last Open transition since the last connectAll/reconnectAll.
    [[nodiscard]] qint64 roundFirstOpenNs() const { return m_roundFirstOpenNs; }
    [[nodiscard]] qint64 roundLastReadyNs() const { return m_roundLastReadyNs; }

Q_SIGNALS:
    // No client is queued, connecting or resuming any more.
    void settled();

private:
    void setState(int i, State s);
    void schedule(int i, qint64 delayMs);
    void pump();
    void open(int i);
    void dropSocket(int i);
    void attemptFailed(int i, const QString &reason);
    void onText(int i, QWebSocket *socket, const QString &message);
    void onNotification(int i, qint64 recvNs, QStringView frame);
    void onWelcome(int i, qint64 nowNs, const QJsonObject &data);
    void onDisconnected(int i, QWebSocket *socket);
    void onError(int i, QWebSocket *socket);
    void becomeReady(int i, qint64 nowNs);
    void sweep();
    void releaseDelayed();
    [[nodiscard]] qint64 backoffMs(int attempts) const;

    QUrl m_url;
    Options m_options;
    QVector<Client> m_clients;
    int m_stateCount[StateCount] = {};
    std::deque<int> m_ready;
    std::multimap<qint64, int> m_delayed; // due (monotonic ns) -> client
    QTimer m_delayTimer;
    QTimer m_sweepTimer;
    NotificationHandler m_onNotification;
    bool m_autoReconnect = false;
    qint64 m_retryDeadlineNs = 0;
    qint64 m_roundFirstOpenNs = 0;
    qint64 m_roundLastReadyNs = 0;
    Counters m_counters;
    QHash<QString, int> m_failureReasons;
    QHash<int, int> m_dropCloseCodes;
};

} // namespace Tidings::Bench
