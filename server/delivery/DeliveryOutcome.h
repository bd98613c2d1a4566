#pragma once

#include <QString>

namespace Tidings::Server::Delivery {

// What one delivery attempt achieved, as the pipeline acts on it: Sent is done,
// Retryable goes back to RetryPolicy, Permanent goes straight to the dead letters.
enum class Outcome { Sent, Retryable, Permanent };

// Failures below any reply, reported by the channels (which map their socket or
// QNetworkReply errors onto these so this library stays Qt Core only).
enum class TransportError {
    Timeout,
    ConnectionRefused,
    ConnectionReset,
    HostNotFound,
    NetworkUnreachable,
    TlsHandshakeFailed, // the peer's certificate or TLS setup is wrong
    ProtocolViolation, // garbled or truncated reply
    Unknown,
};

struct HttpClassification
{
    Outcome outcome = Outcome::Retryable;
    // The endpoint says the subscription is gone (404/410 from a push service or a
    // webhook): the caller deletes it instead of dead-lettering future deliveries.
    bool removeSubscription = false;

    friend bool operator==(const HttpClassification &a, const HttpClassification &b)
    {
        return a.outcome == b.outcome && a.removeSubscription == b.removeSubscription;
    }
};

// The final SMTP reply code of a transaction: 2xx sent, 4xx retryable (greylisting,
// mailbox busy), 5xx permanent. Anything else (a 1xx/3xx where a final reply belongs,
// or no valid code) means the exchange broke down, which is treated as transient.
[[nodiscard]] Outcome classifySmtpReply(int code);

// An HTTP status: 2xx sent; 408, 429 and 5xx retryable; 404 and 410 permanent with
// removeSubscription; other 4xx permanent; 3xx permanent (we do not follow redirects
// for deliveries, and repeating the request gets the same redirect); anything outside
// 100-599, and 1xx, retryable as a broken exchange.
[[nodiscard]] HttpClassification classifyHttpStatus(int status);

// Network trouble is retryable, except a TLS failure, which a retry in a few seconds
// will not cure and which an operator must look at.
[[nodiscard]] Outcome classifyTransportError(TransportError error);

// "sent", "retryable", "permanent" (for logs and the delivery log table).
[[nodiscard]] QString outcomeToString(Outcome outcome);

} // namespace Tidings::Server::Delivery
