#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Tidings::Bench {

// Incremental parser of HTTP/1.1 requests as a server reads them from a socket:
// bytes arrive in arbitrary pieces (a request split anywhere, several pipelined
// requests in one read), and next() hands out each complete request in order.
//
// Bodies are delimited by Content-Length only. A request without one has no body
// (RFC 9112 6.3); chunked request bodies, which the webhook sender never uses, are
// an error rather than something half-supported. After an error the connection's
// byte stream cannot be resynchronised: answer 400 and close.
class HttpRequestParser
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray version; // "HTTP/1.1"
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
        QByteArray body;

        // The first header of that name (lower-case); empty when absent.
        [[nodiscard]] QByteArray header(const QByteArray &lowerName) const;
        // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 closes it
        // unless "Connection: keep-alive".
        [[nodiscard]] bool keepAlive() const;
    };

    enum class Status { NeedMore, Ready, Error };

    static constexpr qsizetype MaxHeadBytes = 64 * 1024;
    static constexpr qint64 MaxBodyBytes = 16 * 1024 * 1024;

    void append(const QByteArray &bytes);
    // Ready: *out is the next request, removed from the buffer. NeedMore: wait for more
    // bytes. Error: the stream is broken (see error()); every later call says Error too.
    Status next(Request *out);

    [[nodiscard]] QString error() const { return m_error; }
    // Bytes received but not yet handed out as part of a request.
    [[nodiscard]] qsizetype buffered() const { return m_buffer.size() - m_offset; }

private:
    Status fail(const QString &why);
    bool parseHead(qsizetype headEnd);

    QByteArray m_buffer;
    qsizetype m_offset = 0; // start of the unparsed bytes: pipelined requests are not copied around
    bool m_haveHead = false;
    qint64 m_bodyLength = 0;
    Request m_current;
    QString m_error;
};

} // namespace Tidings::Bench
