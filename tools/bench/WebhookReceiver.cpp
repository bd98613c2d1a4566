#include "WebhookReceiver.h"

#include "MonotonicClock.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace Tidings::Bench {

namespace {
const QByteArray Ok = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
const QByteArray OkClose = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
const QByteArray BadRequest
    = QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
} // namespace

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
{
    m_server.setProxy(QNetworkProxy::NoProxy);
    // The sender opens a handful of connections per host, but a burst must not be
    // refused while the event loop is busy.
    m_server.setMaxPendingConnections(1024);
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onNewConnection);
}

WebhookReceiver::~WebhookReceiver()
{
    close();
}

bool WebhookReceiver::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

QUrl WebhookReceiver::url(const QString &path) const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_server.serverAddress().toString());
    u.setPort(m_server.serverPort());
    u.setPath(path);
    return u;
}

void WebhookReceiver::close()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_parsers.keys();
    for (QTcpSocket *socket : sockets)
        drop(socket);
}

void WebhookReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_counters.connections;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_parsers.insert(socket, std::make_shared<HttpRequestParser>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        // Bytes may have arrived with the connection.
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void WebhookReceiver::onReadyRead(QTcpSocket *socket)
{
    const std::shared_ptr<HttpRequestParser> parser = m_parsers.value(socket);
    if (!parser)
        return;
    // The time the bytes reached us, for every request they complete.
    const qint64 monotonic = monotonicNs();
    const qint64 wall = wallClockNs();
    parser->append(socket->readAll());
    QByteArray answers;
    bool close = false;
    HttpRequestParser::Request request;
    for (;;) {
        const HttpRequestParser::Status status = parser->next(&request);
        if (status == HttpRequestParser::Status::NeedMore)
            break;
        if (status == HttpRequestParser::Status::Error) {
            ++m_counters.badRequests;
            m_counters.lastError = parser->error();
            answers += BadRequest;
            close = true;
            break;
        }
        ++m_counters.requests;
        close = !request.keepAlive();
        answers += close ? OkClose : Ok;
        // A copy: the handler may replace itself (setHandler) while it runs.
        if (const Handler handler = m_handler)
            handler(request, monotonic, wall);
        if (close)
            break; // whatever follows a "Connection: close" request is not answered
    }
    // Every answer of this read in one write.
    if (!answers.isEmpty())
        socket->write(answers);
    if (close) {
        // No more parsing; `disconnected` (once the answers are flushed) drops it.
        m_parsers.remove(socket);
        socket->disconnectFromHost();
    }
}

void WebhookReceiver::drop(QTcpSocket *socket)
{
    m_parsers.remove(socket);
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
}

} // namespace Tidings::Bench
