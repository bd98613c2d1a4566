#pragma once

#include "delivery/Channel.h"
#include "protocol/Priority.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tidings::Server::Channels {

// What a push message says and how the push service should treat it: the JSON a
// service worker receives in its `push` event, and the RFC 8030 TTL, Urgency and Topic
// headers derived from the notification. Kept apart from WebPushChannel's HTTP so the
// rules are plain functions that tests read as tables.
class WebPushPayload
{
public:
    // The service worker's JSON, at most `maxBytes` of UTF-8:
    //   {"id", "topic"?, "title", "body", "icon"?, "click"?, "tag", "priority",
    //    "timestamp" (ms since the epoch), "data"?, "actions"?, "truncated"?}
    // Empty optional fields are left out. "tag" is the group key, or the id without
    // one, so that a retried duplicate replaces the first notification instead of
    // stacking. When the JSON is too big, the body is shortened (ending in "…"); if
    // that leaves less than a 256-character preview, data, actions, icon and click are
    // dropped in that order until it does not, and as a last resort the title is
    // shortened. "truncated": true then tells the worker to fetch the whole
    // notification by id.
    [[nodiscard]] static QByteArray build(const Delivery::OutgoingDelivery &delivery, int maxBytes);

    // Seconds the push service keeps an undelivered message (RFC 8030 §5.2): low 1 h,
    // normal 6 h, high 12 h, urgent 24 h: the more a notification matters, the longer
    // it is worth showing late. Never beyond the notification's expiresAt (0 once it
    // has passed: deliver now or drop).
    [[nodiscard]] static int ttlSeconds(Priority priority, const QDateTime &expiresAt, const QDateTime &now);

    // RFC 8030 §5.3 Urgency: low -> "low", normal -> "normal", high and urgent ->
    // "high". "very-low" is not used: it means "only on power and Wi-Fi", and even a
    // low-priority notification should not wait for the phone to be plugged in.
    [[nodiscard]] static QByteArray urgency(Priority priority);

    // RFC 8030 §5.4 Topic from the group key, so a newer message of the group replaces
    // one still queued at the push service: the key itself when it is already at most
    // 32 base64url characters, else the first 32 characters of base64url(SHA-256(key)).
    // Empty without a group key.
    [[nodiscard]] static QByteArray topic(const QString &groupKey);
};

} // namespace Tidings::Server::Channels
