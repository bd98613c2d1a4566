#pragma once

#include "protocol/Expected.h"
#include "protocol/Priority.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tidings {

struct NotificationAction
{
    QString id;
    QString label;
    QString kind = QStringLiteral("view"); // "view" (open url) | "http" (server-side call) | "dismiss"
    QString url;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const NotificationAction &a, const NotificationAction &b)
    {
        return a.id == b.id && a.label == b.label && a.kind == b.kind && a.url == b.url;
    }
};

struct Sender
{
    QString kind; // "user" | "token" | "system"
    QString id;
    QString name;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Sender &a, const Sender &b)
    {
        return a.kind == b.kind && a.id == b.id && a.name == b.name;
    }
};

// Per-recipient states of PROTOCOL.md.
namespace Status {
inline constexpr char Scheduled[] = "scheduled";
inline constexpr char Pending[] = "pending";
inline constexpr char Delivered[] = "delivered";
inline constexpr char Read[] = "read";
inline constexpr char Failed[] = "failed";
inline constexpr char Expired[] = "expired";
inline constexpr char Cancelled[] = "cancelled";
} // namespace Status

// The content a publisher sends, validated: everything about a notification that
// is the same for every recipient.
struct NotificationContent
{
    QString topic; // may be empty (direct notifications)
    QString type; // free-form, e.g. "order_status"
    QString title;
    QString message;
    QString format = QStringLiteral("text"); // "text" | "markdown"
    Priority priority = Priority::Normal;
    QStringList tags;
    QString click;
    QString icon;
    QList<NotificationAction> actions;
    QJsonObject data;
    QString groupKey;

    // Validates every field and limit of PROTOCOL.md, with the aliases
    // (`channel` -> `topic`, priority words and numbers). Unknown fields are ignored.
    [[nodiscard]] static Expected<NotificationContent> fromJson(const QJsonObject &o);
    // Writes the content fields into `o` (used by Notification::toJson).
    void writeJson(QJsonObject &o) const;
};

// One notification as one recipient sees it.
struct Notification
{
    QString id; // the message id (UUID without braces), the same for every recipient
    qint64 seq = 0;
    NotificationContent content;
    QString status = QLatin1String(Status::Pending);
    QDateTime createdAt;
    QDateTime scheduledAt;
    QDateTime expiresAt;
    QDateTime deliveredAt;
    QDateTime readAt;
    Sender sender;

    [[nodiscard]] QJsonObject toJson() const;
    // Decodes what toJson() wrote (used by clients and tests); validates like NotificationContent.
    [[nodiscard]] static Expected<Notification> fromJson(const QJsonObject &o);
};

// ^[A-Za-z0-9_-]{1,64}$
[[nodiscard]] bool isValidTopicName(const QString &topic);

} // namespace Tidings
