#pragma once

// Internal to the hub (WsHub.cpp, WsHubEvents.cpp): the state kept per connection.
#include "ws/WsHub.h"

#include <QWebSocket>

namespace Tidings::Server {

struct WsHub::Session
{
    std::unique_ptr<QWebSocket> socket;
    std::optional<AuthContext> auth;
    qint64 authDeadlineMs = 0;
    qint64 replayCursor = -1; // >= 0 while a replay is in progress: the last seq sent
    qint64 replayFrom = 0;
    qint64 replayCount = 0;
    quint8 missedPongs = 0;
    quint8 heartbeatsSinceClose = 0;
    bool closing = false;

    // An access token's connection ends when the token does, unless the client
    // sends `auth` with a fresh token before that.
    [[nodiscard]] bool tokenExpired(qint64 nowMs) const
    {
        return auth && auth->expiresAt.isValid() && auth->expiresAt.toMSecsSinceEpoch() <= nowMs;
    }

    [[nodiscard]] bool replaying() const { return replayCursor >= 0; }
};

} // namespace Tidings::Server
