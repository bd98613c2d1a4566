#pragma once

#include "delivery/DeliveryOutcome.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace Tidings::Server::Channels {

// How a failed QNetworkReply maps onto the pipeline's transport errors, for the
// channels that speak HTTP (webhooks, Web Push).
[[nodiscard]] Delivery::TransportError transportErrorOf(QNetworkReply::NetworkError error);

// The first line of a provider's reply, shortened for the delivery log.
[[nodiscard]] QString replyLine(const QByteArray &body, int maxLength = 200);

} // namespace Tidings::Server::Channels
