#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QTcpSocket>

namespace Tidings::Bench {

// One HTTP/1.1 keep-alive connection with at most one request in flight.
//
// Written on QTcpSocket rather than QNetworkAccessManager because QNAM opens at
// most six connections per host and costs tens of microseconds per request in the
// very process that also reads thousands of WebSockets; a publish benchmark needs
// K parallel, cheap requests. Handles Content-Length, chunked bodies and
// Connection: close; reconnects lazily on the next request.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(HttpConnection *, HttpResponse &&)>;

    HttpConnection(QString host, quint16 port, Done done, QObject *parent = nullptr);

    [[nodiscard]] bool busy() const { return m_busy; }
    // When the request in flight was written (monotonic ns); meaningful while busy().
    [[nodiscard]] qint64 sentNs() const { return m_response.sentNs; }
    // Precondition: !busy(). The Done callback fires exactly once per send().
    void send(const HttpRequest &request);
    // Drops the connection (and fails a request in flight with `why`).
    void close(const QString &why = QStringLiteral("closed by the bench"));

private:
    enum class Stage { Head, Body, ChunkSize, ChunkData, ChunkTrailer, UntilClose };

    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    bool parseHead(); // false: need more bytes
    void complete();
    void fail(const QString &why);

    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    Done m_done;
    QTcpSocket m_socket;

    bool m_busy = false;
    int m_requestsOnSocket = 0;
    bool m_reused = false;
    bool m_gotBytes = false;
    bool m_closeAfter = false;
    Stage m_stage = Stage::Head;
    qint64 m_remaining = 0;
    QByteArray m_in;
    HttpResponse m_response;
};

} // namespace Tidings::Bench
