#include "channels/WebhookSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace Tidings::Server::Channels {

namespace {

constexpr char Prefix[] = "sha256=";

// Every byte is looked at whatever the first mismatch, so the time taken does not
// tell a forger how much of a guess was right.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

QByteArray WebhookSignature::sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".", 1);
    mac.addData(body);
    return QByteArray(Prefix) + mac.result().toHex();
}

WebhookSignature::Failure WebhookSignature::check(const QByteArray &secret, const QByteArray &timestampHeader,
    const QByteArray &signatureHeader, const QByteArray &body, const QDateTime &now, qint64 toleranceSecs,
    SeenSet *seen)
{
    const QByteArray ts = timestampHeader.trimmed();
    bool ok = false;
    const qint64 timestamp = ts.toLongLong(&ok);
    // Digits only: "+17", " 17" or "0x11" would sign differently from what we parsed.
    if (!ok || ts.isEmpty() || ts.at(0) < '0' || ts.at(0) > '9')
        return Failure::Malformed;
    const QByteArray signature = signatureHeader.trimmed().toLower();
    if (!signature.startsWith(Prefix))
        return Failure::Malformed;

    if (!constantTimeEquals(signature, sign(secret, timestamp, body)))
        return Failure::BadSignature;

    const qint64 nowSecs = now.toSecsSinceEpoch();
    if (qAbs(nowSecs - timestamp) > toleranceSecs)
        return Failure::OutsideTolerance;

    if (seen) {
        for (auto it = seen->begin(); it != seen->end();) {
            if (qAbs(nowSecs - it.value()) > toleranceSecs)
                it = seen->erase(it);
            else
                ++it;
        }
        if (seen->contains(signature))
            return Failure::Replayed;
        seen->insert(signature, timestamp);
    }
    return Failure::None;
}

bool WebhookSignature::verify(const QByteArray &secret, const QByteArray &timestampHeader,
    const QByteArray &signatureHeader, const QByteArray &body, const QDateTime &now, qint64 toleranceSecs, QString *why,
    SeenSet *seen)
{
    const Failure failure = check(secret, timestampHeader, signatureHeader, body, now, toleranceSecs, seen);
    if (why)
        *why = failureToString(failure);
    return failure == Failure::None;
}

QString WebhookSignature::failureToString(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return {};
    case Failure::Malformed:
        return QStringLiteral("missing or malformed X-Tidings-Timestamp or X-Tidings-Signature");
    case Failure::BadSignature:
        return QStringLiteral("signature does not match");
    case Failure::OutsideTolerance:
        return QStringLiteral("timestamp outside the tolerance");
    case Failure::Replayed:
        return QStringLiteral("request already received (replay)");
    }
    return {};
}

} // namespace Tidings::Server::Channels
