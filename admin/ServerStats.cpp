#include "ServerStats.h"

#include "AdminSession.h"

namespace Tidings::Admin {

using namespace std::chrono_literals;

namespace {
constexpr auto DefaultInterval = 5s;
} // namespace

ServerStats::ServerStats(QObject *parent)
    : ApiObject(parent)
{
    m_timer.setInterval(DefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &ServerStats::refresh);
}

void ServerStats::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    updatePolling();
    // Coming back to the page shows fresh figures at once.
    if (m_active && isSignedIn())
        refresh();
}

void ServerStats::setInterval(std::chrono::milliseconds interval)
{
    if (m_timer.intervalAsDuration() == interval)
        return;
    m_timer.setInterval(interval);
    Q_EMIT intervalChanged();
}

void ServerStats::sessionStateChanged(bool signedIn)
{
    updatePolling();
    if (signedIn && m_active)
        refresh();
}

void ServerStats::updatePolling()
{
    if (m_active && isSignedIn())
        m_timer.start();
    else
        m_timer.stop();
}

void ServerStats::refresh()
{
    if (!isSignedIn() || m_inFlight)
        return;
    m_inFlight = true;
    if (m_active)
        m_timer.start();
    fetch(
        QStringLiteral("/api/admin/stats"),
        [this](const QJsonObject &stats) {
            m_inFlight = false;
            m_connections = stats.value(QStringLiteral("connections")).toInt();
            m_connectedUsers = stats.value(QStringLiteral("connectedUsers")).toInt();
            m_queueDepth = stats.value(QStringLiteral("queueDepth")).toInteger();
            m_uptimeSec = stats.value(QStringLiteral("uptimeSec")).toInteger();
            m_published = stats.value(QStringLiteral("published")).toInteger();
            m_updatedAt = QDateTime::currentDateTimeUtc();
            m_loaded = true;
            Q_EMIT statsChanged();
        },
        [this](const ProtocolError &) { m_inFlight = false; });
}

QString ServerStats::uptimeText() const
{
    return m_loaded ? formatDuration(m_uptimeSec) : QString();
}

QString ServerStats::formatDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 s").arg(seconds);
}

} // namespace Tidings::Admin
