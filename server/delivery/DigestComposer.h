#pragma once

#include "delivery/Channel.h"
#include "protocol/Notification.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace Tidings::Server::Delivery {

// The text of a digest email: the period's still-unread notifications, newest first,
// grouped by topic, as a plain-text and an HTML body (values escaped). Links go to
// each notification's click URL when it has one.
class DigestComposer
{
public:
    struct Item
    {
        Notification notification;
        QString link; // the signed click link, or empty
    };

    // `periodStart`/`periodEnd` in UTC, shown in `tz`; `serverName` names the sender
    // in the text ("Tidings").
    [[nodiscard]] static RenderedContent compose(const QList<Item> &items, const QDateTime &periodStart,
        const QDateTime &periodEnd, const QTimeZone &tz, const QString &serverName = QStringLiteral("Tidings"));
};

} // namespace Tidings::Server::Delivery
