#include "auth/JwtCodec.h"

#include "auth/TokenCrypto.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>

#include <optional>

namespace Tidings::Server {

namespace {

ProtocolError invalid(const char *why)
{
    return ProtocolError::make(ErrorCode::Unauthorized, QLatin1String("invalid token: ") + QLatin1String(why));
}

QByteArray encodeJson(const QJsonObject &o)
{
    return TokenCrypto::base64Url(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Strict base64url: only the canonical unpadded spelling is accepted. Padding,
// the standard alphabet's '+' and '/', and non-zero spare bits in the last
// character would otherwise give one token several valid spellings.
std::optional<QByteArray> decodeSegment(QByteArrayView segment)
{
    if (segment.isEmpty())
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(
        segment.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result || TokenCrypto::base64Url(*result) != segment)
        return std::nullopt;
    return *std::move(result);
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    const auto raw = decodeSegment(segment);
    if (!raw)
        return std::nullopt;
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

JwtCodec::JwtCodec(QByteArray secret)
    : m_secret(std::move(secret))
{
}

QByteArray JwtCodec::sign(const AccessClaims &claims) const
{
    static const QByteArray header = encodeJson(
        QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}});
    QJsonObject payload {
        {QStringLiteral("sub"), claims.sub},
        {QStringLiteral("iat"), claims.iat},
        {QStringLiteral("exp"), claims.exp},
    };
    if (!claims.role.isEmpty())
        payload.insert(QStringLiteral("role"), claims.role);
    if (!claims.did.isEmpty())
        payload.insert(QStringLiteral("did"), claims.did);

    const QByteArray signingInput = header + '.' + encodeJson(payload);
    const QByteArray mac = QMessageAuthenticationCode::hash(signingInput, m_secret, QCryptographicHash::Sha256);
    return signingInput + '.' + TokenCrypto::base64Url(mac);
}

Expected<AccessClaims> JwtCodec::verify(QByteArrayView token, const QDateTime &now) const
{
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0)
        return invalid("expected three segments");
    const QByteArrayView headerSeg = token.first(dot1);
    const QByteArrayView payloadSeg = token.sliced(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView signatureSeg = token.sliced(dot2 + 1);

    // The algorithm is pinned: trusting the header's alg is how "none" and
    // HS/RS confusion attacks get in.
    const auto header = decodeObject(headerSeg);
    if (!header)
        return invalid("malformed header");
    if (header->value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return invalid("unsupported algorithm");

    const auto signature = decodeSegment(signatureSeg);
    if (!signature)
        return invalid("malformed signature");
    const QByteArray expected
        = QMessageAuthenticationCode::hash(token.first(dot2).toByteArray(), m_secret, QCryptographicHash::Sha256);
    if (!TokenCrypto::equalConstantTime(*signature, expected))
        return invalid("bad signature");

    // Only a payload we signed ourselves gets parsed.
    const auto payload = decodeObject(payloadSeg);
    if (!payload)
        return invalid("malformed payload");

    const QJsonValue exp = payload->value(QLatin1String("exp"));
    if (!exp.isDouble())
        return invalid("no expiry");
    AccessClaims claims;
    claims.exp = exp.toInteger();
    if (claims.exp <= now.toSecsSinceEpoch())
        return ProtocolError::make(ErrorCode::Unauthorized, QStringLiteral("token expired"));

    claims.sub = payload->value(QLatin1String("sub")).toString();
    if (claims.sub.isEmpty())
        return invalid("no subject");
    claims.role = payload->value(QLatin1String("role")).toString();
    claims.did = payload->value(QLatin1String("did")).toString();
    claims.iat = payload->value(QLatin1String("iat")).toInteger();
    return claims;
}

} // namespace Tidings::Server
