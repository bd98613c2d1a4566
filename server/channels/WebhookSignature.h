#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace Tidings::Server::Channels {

// The signature on every webhook request, from both sides: tidingsd signs with
// sign(), receivers (and the tests) check with verify().
//
//   X-Tidings-Timestamp: <unix seconds>
//   X-Tidings-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
//
// Covering the timestamp lets a receiver refuse old requests; remembering the
// signatures it accepted within the tolerance refuses a captured request replayed
// while it is still fresh.
class WebhookSignature
{
public:
    static constexpr qint64 DefaultToleranceSecs = 300;

    // Signatures accepted so far, with their timestamps. verify() forgets entries
    // older than the tolerance, since those requests fail the timestamp check anyway,
    // so the set stays as small as the traffic of one tolerance window.
    using SeenSet = QHash<QByteArray, qint64>;

    WebhookSignature() = delete;

    // "sha256=<64 lowercase hex digits>".
    [[nodiscard]] static QByteArray sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body);

    // True when `signatureHeader` is the signature of `body` at `timestampHeader`,
    // the timestamp is within `toleranceSecs` of `now` (either way: clocks drift), and,
    // when `seen` is given, the signature was not accepted before (it is added).
    // The comparison takes the same time however many bytes match. On false, `why`
    // says which check failed.
    [[nodiscard]] static bool verify(const QByteArray &secret, const QByteArray &timestampHeader,
        const QByteArray &signatureHeader, const QByteArray &body, const QDateTime &now,
        qint64 toleranceSecs = DefaultToleranceSecs, QString *why = nullptr, SeenSet *seen = nullptr);

    // Why verify() failed, for a receiver that answers differently to a replay
    // (409) than to a forgery (401).
    enum class Failure { None, Malformed, BadSignature, OutsideTolerance, Replayed };
    [[nodiscard]] static Failure check(const QByteArray &secret, const QByteArray &timestampHeader,
        const QByteArray &signatureHeader, const QByteArray &body, const QDateTime &now,
        qint64 toleranceSecs = DefaultToleranceSecs, SeenSet *seen = nullptr);

    [[nodiscard]] static QString failureToString(Failure failure);
};

} // namespace Tidings::Server::Channels
