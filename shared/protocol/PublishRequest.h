#pragma once

#include "protocol/Notification.h"

#include <QJsonObject>
#include <QStringList>

namespace Tidings {

// The body of POST /api/notifications, validated.
struct PublishRequest
{
    NotificationContent content;

    // Targeting: at least one of recipients, topic (content.topic), roles, broadcast.
    QStringList recipients; // user ids or usernames
    QStringList roles; // "admin" | "publisher" | "user"
    bool broadcast = false;
    QStringList excludeUsers; // user ids or usernames

    QStringList channels; // delivery media: inApp, desktop, email, push, webhook (empty = by preference)
    QDateTime scheduledAt;
    QDateTime expiresAt;
    QString templateId;
    QJsonObject variables;
    QString idempotencyKey;

    // Every rule of PROTOCOL.md: content rules, at least one target, channel names,
    // expiresAt after scheduledAt (and after `now` for expiresAt), role names.
    // `topics`/`channels` (as a list of topic names, seed-card alias) is not a
    // target here: only `topic`/`channel` is.
    [[nodiscard]] static Expected<PublishRequest> fromJson(const QJsonObject &o, const QDateTime &now);
};

namespace DeliveryChannel {
inline constexpr char InApp[] = "inApp";
inline constexpr char Desktop[] = "desktop";
inline constexpr char Email[] = "email";
inline constexpr char Push[] = "push";
inline constexpr char Webhook[] = "webhook";
} // namespace DeliveryChannel

[[nodiscard]] const QStringList &deliveryChannels();
[[nodiscard]] const QStringList &userRoles(); // admin, publisher, user

} // namespace Tidings
