#include "support/TestServer.h"

#include "util/Clock.h"

#include <QtTest>

namespace Tidings::Test {

TestServer::TestServer(const std::function<void(Server::ServerConfig &)> &tweak, const Clock &clock)
    : m_clock(clock)
{
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.port = 0;
    m_config.dataDir = m_dir.path();
    m_config.adminPassword = QLatin1String(AdminPassword);
    m_config.hashing = {1, 1024, 1};
    m_config.publishPerMinute = 0;
    m_config.loginPerMinute = 0;
    if (tweak)
        tweak(m_config);
    restart();
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::restart()
{
    stop();
    m_server = std::make_unique<Server::TidingsServer>(m_config, m_clock);
    if (!m_server->start()) {
        m_error = m_server->errorString();
        qWarning("TestServer failed to start: %s", qPrintable(m_error));
        m_server.reset();
        return false;
    }
    // Keep the port across restarts so clients reconnect to the same URL.
    m_config.port = m_server->port();
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    QSignalSpy stopped(m_server.get(), &Server::TidingsServer::stopped);
    m_server->shutdown();
    if (stopped.isEmpty())
        stopped.wait(5000);
    m_server.reset();
    // Let deleteLater'd sockets go before the next server binds the port.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QUrl TestServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_config.port));
}

QUrl TestServer::wsUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_config.port));
}

quint16 TestServer::port() const
{
    return m_config.port;
}

} // namespace Tidings::Test
