#include "HttpConnection.h"

#include "MonotonicClock.h"

#include <QNetworkProxy>

namespace Tidings::Bench {

HttpConnection::HttpConnection(QString host, quint16 port, Done done, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_hostHeader(m_host.toUtf8() + ':' + QByteArray::number(port))
    , m_done(std::move(done))
{
    // An http_proxy in the environment must not put a proxy between bench and server.
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        // Requests are small and latency is what we measure: no Nagle delay.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onError);
}

void HttpConnection::send(const HttpRequest &request)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_stage = Stage::Head;
    m_in.clear();
    m_response = HttpResponse();
    m_gotBytes = false;
    m_closeAfter = false;

    const auto state = m_socket.state();
    if (state != QAbstractSocket::ConnectedState && state != QAbstractSocket::ConnectingState
        && state != QAbstractSocket::HostLookupState) {
        m_socket.abort();
        m_requestsOnSocket = 0;
        m_socket.connectToHost(m_host, m_port);
    }
    m_reused = m_requestsOnSocket > 0;
    ++m_requestsOnSocket;

    const QByteArray body = request.makeBody ? request.makeBody() : request.body;
    QByteArray out;
    out.reserve(200 + request.bearer.size() + body.size());
    out += request.method + ' ' + request.path + " HTTP/1.1\r\nHost: " + m_hostHeader
        + "\r\nAccept: application/json\r\n";
    if (!request.bearer.isEmpty())
        out += "Authorization: Bearer " + request.bearer + "\r\n";
    if (!body.isEmpty() || request.method == "POST" || request.method == "PUT")
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    m_response.sentNs = monotonicNs();
    // Written even while still connecting: QTcpSocket buffers until connected.
    m_socket.write(out);
}

void HttpConnection::close(const QString &why)
{
    if (m_busy)
        fail(why);
    else
        m_socket.abort();
}

void HttpConnection::onReadyRead()
{
    m_in += m_socket.readAll();
    if (!m_busy) {
        m_in.clear(); // nothing asked for it
        return;
    }
    m_gotBytes = true;
    for (;;) {
        switch (m_stage) {
        case Stage::Head:
            if (!parseHead())
                return;
            break;
        case Stage::Body:
            if (m_in.size() < m_remaining)
                return;
            m_response.body = m_in.left(m_remaining);
            m_in.clear();
            complete();
            return;
        case Stage::ChunkSize: {
            const qsizetype eol = m_in.indexOf("\r\n");
            if (eol < 0)
                return;
            QByteArray line = m_in.left(eol);
            const qsizetype ext = line.indexOf(';');
            if (ext >= 0)
                line.truncate(ext);
            m_in.remove(0, eol + 2);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(QStringLiteral("bad chunk size"));
                return;
            }
            m_remaining = size;
            m_stage = size == 0 ? Stage::ChunkTrailer : Stage::ChunkData;
            break;
        }
        case Stage::ChunkData:
            if (m_in.size() < m_remaining + 2)
                return;
            m_response.body += m_in.left(m_remaining);
            m_in.remove(0, m_remaining + 2);
            m_stage = Stage::ChunkSize;
            break;
        case Stage::ChunkTrailer: {
            const qsizetype eol = m_in.indexOf("\r\n");
            if (eol < 0)
                return;
            m_in.remove(0, eol + 2);
            if (eol == 0) {
                complete();
                return;
            }
            break;
        }
        case Stage::UntilClose:
            m_response.body += m_in;
            m_in.clear();
            return;
        }
    }
}

bool HttpConnection::parseHead()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_in.left(end).split('\n');
    m_in.remove(0, end + 4);

    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    const int status = statusLine.value(1).toInt();
    if (statusLine.size() < 2 || status < 100) {
        fail(QStringLiteral("bad status line"));
        return false;
    }
    if (status < 200)
        return true; // an interim 1xx: the real response follows
    m_closeAfter = statusLine.value(0) == "HTTP/1.0";

    qint64 contentLength = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toLongLong();
        else if (name == "transfer-encoding")
            chunked = value.toLower().contains("chunked");
        else if (name == "connection")
            m_closeAfter
                = value.toLower().contains("close") || (m_closeAfter && !value.toLower().contains("keep-alive"));
        else if (name == "retry-after")
            m_response.retryAfterSec = value.toInt();
    }
    m_response.status = status;
    if (status == 204 || status == 304) {
        m_stage = Stage::Body;
        m_remaining = 0;
    } else if (chunked) {
        m_stage = Stage::ChunkSize;
    } else if (contentLength >= 0) {
        m_stage = Stage::Body;
        m_remaining = contentLength;
    } else {
        m_stage = Stage::UntilClose;
        m_closeAfter = true;
    }
    return true;
}

void HttpConnection::complete()
{
    m_busy = false;
    m_response.doneNs = monotonicNs();
    HttpResponse response = std::move(m_response);
    m_response = HttpResponse();
    if (!m_closeAfter) {
        // The common keep-alive path stays synchronous: the callback may send the
        // next request on this connection right away.
        m_done(this, std::move(response));
        return;
    }
    // Re-opening a socket from inside its own readyRead is asking for trouble, so
    // the callback (which may send again) runs from the event loop.
    m_socket.abort();
    QMetaObject::invokeMethod(
        this, [this, response]() mutable { m_done(this, std::move(response)); }, Qt::QueuedConnection);
}

void HttpConnection::fail(const QString &why)
{
    m_busy = false;
    HttpResponse response = std::move(m_response);
    m_response = HttpResponse();
    response.status = 0;
    response.body.clear();
    response.error = why;
    response.doneNs = monotonicNs();
    response.staleConnection = m_reused && !m_gotBytes;
    m_socket.abort();
    QMetaObject::invokeMethod(
        this, [this, response]() mutable { m_done(this, std::move(response)); }, Qt::QueuedConnection);
}

void HttpConnection::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_stage == Stage::UntilClose)
        complete();
    else
        fail(QStringLiteral("connection closed"));
}

void HttpConnection::onError(QAbstractSocket::SocketError error)
{
    if (!m_busy)
        return;
    if (m_stage == Stage::UntilClose && error == QAbstractSocket::RemoteHostClosedError) {
        m_response.body += m_socket.readAll();
        complete();
        return;
    }
    fail(m_socket.errorString());
}

} // namespace Tidings::Bench
