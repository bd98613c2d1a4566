#pragma once

#include "core/TidingsServer.h"
#include "util/Clock.h"

#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace Tidings::Test {

// A real tidingsd in this process: SQLite in a fresh temporary directory, port 0,
// cheap Argon2 parameters so logins are fast, rate limits off unless a test sets them.
class TestServer
{
public:
    static constexpr const char *AdminPassword = "admin-password-1";

    // `tweak` may change the configuration before start (rate limits, buffer sizes...).
    // `clock` drives token expiry, rate limits and retention (a ManualClock in tests
    // that move time); it must outlive the server.
    explicit TestServer(
        const std::function<void(Server::ServerConfig &)> &tweak = {}, const Clock &clock = Clock::system());
    ~TestServer();

    // Starts on a new port over the same data directory (a restart).
    bool restart();
    void stop();

    [[nodiscard]] bool isRunning() const { return m_server != nullptr; }
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QUrl wsUrl() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] Server::TidingsServer &server() { return *m_server; }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] Server::ServerConfig &config() { return m_config; }

private:
    QTemporaryDir m_dir;
    Server::ServerConfig m_config;
    std::unique_ptr<Server::TidingsServer> m_server;
    QString m_error;
    const Clock &m_clock;
};

} // namespace Tidings::Test
