#include "protocol/ProtocolError.h"

#include <QHash>

namespace Tidings {

QJsonObject ProtocolError::toJson() const
{
    QJsonObject o {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    return o;
}

int ProtocolError::httpStatus() const
{
    static const QHash<QString, int> statuses = {
        {QLatin1String(ErrorCode::Validation), 400},
        {QLatin1String(ErrorCode::MalformedJson), 400},
        {QLatin1String(ErrorCode::Unauthorized), 401},
        {QLatin1String(ErrorCode::Forbidden), 403},
        {QLatin1String(ErrorCode::NotFound), 404},
        {QLatin1String(ErrorCode::MethodNotAllowed), 405},
        {QLatin1String(ErrorCode::Conflict), 409},
        {QLatin1String(ErrorCode::Resync), 409},
        {QLatin1String(ErrorCode::PayloadTooLarge), 413},
        {QLatin1String(ErrorCode::UnsupportedMediaType), 415},
        {QLatin1String(ErrorCode::RateLimited), 429},
        {QLatin1String(ErrorCode::Internal), 500},
        {QLatin1String(ErrorCode::Unavailable), 503},
        {QLatin1String(ErrorCode::UnknownEvent), 400},
    };
    // An unknown code is most likely a client-facing mistake of ours; 400 keeps
    // it from looking like an outage in the server's 5xx metrics.
    return statuses.value(code, 400);
}

} // namespace Tidings
