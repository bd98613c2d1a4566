#include "delivery/DeliveryOutcome.h"

namespace Tidings::Server::Delivery {

Outcome classifySmtpReply(int code)
{
    if (code >= 200 && code <= 299)
        return Outcome::Sent;
    if (code >= 500 && code <= 599)
        return Outcome::Permanent;
    return Outcome::Retryable;
}

HttpClassification classifyHttpStatus(int status)
{
    if (status >= 200 && status <= 299)
        return {Outcome::Sent, false};
    if (status == 404 || status == 410)
        return {Outcome::Permanent, true};
    if (status == 408 || status == 429 || (status >= 500 && status <= 599))
        return {Outcome::Retryable, false};
    if (status >= 300 && status <= 499)
        return {Outcome::Permanent, false};
    return {Outcome::Retryable, false};
}

Outcome classifyTransportError(TransportError error)
{
    switch (error) {
    case TransportError::TlsHandshakeFailed:
        return Outcome::Permanent;
    case TransportError::Timeout:
    case TransportError::ConnectionRefused:
    case TransportError::ConnectionReset:
    case TransportError::HostNotFound:
    case TransportError::NetworkUnreachable:
    case TransportError::ProtocolViolation:
    case TransportError::Unknown:
        return Outcome::Retryable;
    }
    return Outcome::Retryable;
}

QString outcomeToString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent:
        return QStringLiteral("sent");
    case Outcome::Retryable:
        return QStringLiteral("retryable");
    case Outcome::Permanent:
        return QStringLiteral("permanent");
    }
    return {};
}

} // namespace Tidings::Server::Delivery
