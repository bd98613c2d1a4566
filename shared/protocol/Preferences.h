#pragma once

#include "protocol/Expected.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTime>

namespace Tidings {

struct ChannelSwitches
{
    bool email = true;
    bool push = true;
    bool inApp = true;
    bool desktop = true;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const ChannelSwitches &a, const ChannelSwitches &b)
    {
        return a.email == b.email && a.push == b.push && a.inApp == b.inApp && a.desktop == b.desktop;
    }
};

struct QuietHours
{
    bool enabled = false;
    QTime start = QTime(22, 0);
    QTime end = QTime(7, 0);
    QString timezone = QStringLiteral("UTC"); // IANA id, validated with QTimeZone
    QList<int> days = {1, 2, 3, 4, 5, 6, 7}; // ISO weekday, Monday = 1
    bool allowUrgent = true;

    [[nodiscard]] QJsonObject toJson() const;
};

struct Digest
{
    bool enabled = false;
    QString frequency = QStringLiteral("daily"); // hourly | daily | weekly
    QTime time = QTime(9, 0);

    [[nodiscard]] QJsonObject toJson() const;
};

struct Preferences
{
    ChannelSwitches global;
    QuietHours quietHours;
    Digest digest;
    QMap<QString, ChannelSwitches> topics;

    // {email, push, inApp, desktop, quietHours:{...}, digest:{...}, topics:{name:{...}}}
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Expected<Preferences> fromJson(const QJsonObject &o);

    // Applies a partial document (PUT /api/notifications/preferences, `updatePreferences`):
    // only present keys change; nested objects merge key by key; `channels` is an alias
    // of `topics`. Every value is validated (times "HH:mm", known timezone, days 1..7,
    // frequency, topic names, booleans) and the first error names its field with a
    // dotted path ("quietHours.start", "topics.orders.email").
    [[nodiscard]] Expected<Preferences> merged(const QJsonObject &partial) const;

    friend bool operator==(const Preferences &a, const Preferences &b) { return a.toJson() == b.toJson(); }
};

} // namespace Tidings
