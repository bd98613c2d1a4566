#pragma once

#include "ApiObject.h"

#include <QDateTime>
#include <QTimer>

#include <chrono>

namespace Tidings::Admin {

// The server's load right now (/api/admin/stats): open WebSocket connections, the
// users behind them, the delivery queue and the uptime. Asked again every few
// seconds while `active` and signed in; the dashboard owns one as `live`.
class ServerStats : public ApiObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard owns the live figures")
    // Polls while true (the dashboard page binds it to being visible).
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    // True once the server answered; the figures are 0 before.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY statsChanged)
    Q_PROPERTY(int connections READ connections NOTIFY statsChanged)
    Q_PROPERTY(int connectedUsers READ connectedUsers NOTIFY statsChanged)
    Q_PROPERTY(qint64 queueDepth READ queueDepth NOTIFY statsChanged)
    Q_PROPERTY(qint64 uptimeSec READ uptimeSec NOTIFY statsChanged)
    // "3 d 4 h", "5 h 12 min", "42 s".
    Q_PROPERTY(QString uptimeText READ uptimeText NOTIFY statsChanged)
    Q_PROPERTY(qint64 published READ published NOTIFY statsChanged)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt NOTIFY statsChanged)
    Q_PROPERTY(int interval READ intervalMs NOTIFY intervalChanged)

public:
    explicit ServerStats(QObject *parent = nullptr);

    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] int connectedUsers() const { return m_connectedUsers; }
    [[nodiscard]] qint64 queueDepth() const { return m_queueDepth; }
    [[nodiscard]] qint64 uptimeSec() const { return m_uptimeSec; }
    [[nodiscard]] QString uptimeText() const;
    [[nodiscard]] qint64 published() const { return m_published; }
    [[nodiscard]] QDateTime updatedAt() const { return m_updatedAt; }
    [[nodiscard]] int intervalMs() const { return m_timer.interval(); }
    // Asking every `interval` (active and signed in).
    [[nodiscard]] bool isPolling() const { return m_timer.isActive(); }

    // How often the figures are asked for (default 5 s; short in tests).
    void setInterval(std::chrono::milliseconds interval);

    // Asks now (and restarts the interval).
    Q_INVOKABLE void refresh();

    // A duration as "3 d 4 h", "5 h 12 min", "12 min", "42 s".
    [[nodiscard]] static QString formatDuration(qint64 seconds);

Q_SIGNALS:
    void activeChanged();
    void statsChanged();
    void intervalChanged();

protected:
    void sessionStateChanged(bool signedIn) override;

private:
    void updatePolling();

    QTimer m_timer;
    bool m_active = true;
    bool m_loaded = false;
    bool m_inFlight = false;
    int m_connections = 0;
    int m_connectedUsers = 0;
    qint64 m_queueDepth = 0;
    qint64 m_uptimeSec = 0;
    qint64 m_published = 0;
    QDateTime m_updatedAt;
};

} // namespace Tidings::Admin
