#pragma once

#include "channels/VapidKeys.h"

#include <optional>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class AuthService;
class BroadcastService;
class DeliveryPipeline;
class Fanout;
class HttpServer;
class Metrics;
class PreferencesService;
class PublishService;
class RateLimiter;
class Store;
class StreamService;
class TemplateService;
class TopicService;
class TrackingLinks;
class WsHub;
struct ServerConfig;

// What the REST handlers work with; owned by TidingsServer, which outlives them.
struct ApiContext
{
    const ServerConfig &config;
    const Clock &clock;
    Store &store;
    AuthService &auth;
    StreamService &streams;
    PublishService &publisher;
    PreferencesService &preferences;
    TopicService &topics;
    Fanout &fanout;
    WsHub &hub;
    Metrics &metrics;
    RateLimiter &publishPerSender; // per API token or user
    RateLimiter &publishPerAddress; // per client address
    RateLimiter &loginPerAddress;
    const std::optional<Channels::VapidKeys> &vapid; // empty when the key file could not be loaded
    TemplateService &templates;
    const TrackingLinks &links;
    DeliveryPipeline &pipeline;
    BroadcastService &broadcasts;
};

} // namespace Tidings::Server
