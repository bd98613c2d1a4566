#pragma once

#include <QJsonObject>
#include <QString>

namespace Tidings {

// The error codes of PROTOCOL.md. Each maps to one HTTP status.
namespace ErrorCode {
inline constexpr char Validation[] = "VALIDATION_ERROR";
inline constexpr char MalformedJson[] = "MALFORMED_JSON";
inline constexpr char Unauthorized[] = "UNAUTHORIZED";
inline constexpr char Forbidden[] = "FORBIDDEN";
inline constexpr char NotFound[] = "NOT_FOUND";
inline constexpr char MethodNotAllowed[] = "METHOD_NOT_ALLOWED";
inline constexpr char Conflict[] = "CONFLICT";
inline constexpr char Resync[] = "RESYNC";
inline constexpr char PayloadTooLarge[] = "PAYLOAD_TOO_LARGE";
inline constexpr char UnsupportedMediaType[] = "UNSUPPORTED_MEDIA_TYPE";
inline constexpr char RateLimited[] = "RATE_LIMITED";
inline constexpr char Unavailable[] = "UNAVAILABLE";
inline constexpr char Internal[] = "INTERNAL";
inline constexpr char UnknownEvent[] = "UNKNOWN_EVENT";
} // namespace ErrorCode

// One error as the wire shows it: {"code", "message", "field"?}.
struct ProtocolError
{
    QString code;
    QString message;
    QString field; // empty when the error is not about one field

    static ProtocolError validation(const QString &field, const QString &message)
    {
        return {QLatin1String(ErrorCode::Validation), message, field};
    }
    static ProtocolError make(const char *code, const QString &message) { return {QLatin1String(code), message, {}}; }

    // {"code", "message", "field"?}
    [[nodiscard]] QJsonObject toJson() const;
    // {"error": toJson()}: the body of every REST error.
    [[nodiscard]] QJsonObject toEnvelope() const { return QJsonObject {{QStringLiteral("error"), toJson()}}; }
    // The HTTP status PROTOCOL.md gives this code (400 for unknown codes).
    [[nodiscard]] int httpStatus() const;
};

} // namespace Tidings
