#include "channels/NetworkErrors.h"

namespace Tidings::Server::Channels {

using Delivery::TransportError;

TransportError transportErrorOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // only a transfer timeout or our deadline aborts a reply
        return TransportError::Timeout;
    case QNetworkReply::ConnectionRefusedError:
        return TransportError::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
        return TransportError::ConnectionReset;
    case QNetworkReply::HostNotFoundError:
        return TransportError::HostNotFound;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return TransportError::NetworkUnreachable;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportError::TlsHandshakeFailed;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return TransportError::ProtocolViolation;
    default:
        return TransportError::Unknown;
    }
}

QString replyLine(const QByteArray &body, int maxLength)
{
    return QString::fromUtf8(body.left(4 * maxLength)).section(QLatin1Char('\n'), 0, 0).simplified().left(maxLength);
}

} // namespace Tidings::Server::Channels
