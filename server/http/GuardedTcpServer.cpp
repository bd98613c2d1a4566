#include "http/GuardedTcpServer.h"

#include "http/ConnectionGuard.h"
#include "http/HttpLog.h"

#include <QTcpSocket>
#include <QtCore/private/qiodevice_p.h>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace Tidings::Server {

namespace {

// QIODevice keeps one read chunk (16 KiB) and QAbstractSocket one write chunk
// (32 KiB) alive per socket once used, to avoid reallocating; with thousands of
// mostly idle WebSockets that retained memory is most of the per-connection cost.
// Small chunks still carry any message (the buffer grows chunk by chunk and frees
// what it grew by), so idle connections keep 1 KiB each instead. Qt has no public
// API for the chunk sizes; they must be set before the device is opened.
void shrinkBufferChunks(QTcpSocket *socket)
{
    constexpr int ChunkBytes = 1024;
    auto *d = static_cast<QIODevicePrivate *>(QObjectPrivate::get(socket));
    d->readBufferChunkSize = ChunkBytes;
    d->writeBufferChunkSize = ChunkBytes;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    // QTcpServer stops accepting after a failed accept(). Out of file descriptors is
    // the usual cause under load: say so plainly, then try again shortly, since
    // connections that close free descriptors and the backlog keeps the waiting peers.
    m_resumeAccepting.setSingleShot(true);
    m_resumeAccepting.setInterval(std::chrono::milliseconds(250));
    connect(&m_resumeAccepting, &QTimer::timeout, this, &QTcpServer::resumeAccepting);
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        ++m_acceptErrors;
        if (error == QAbstractSocket::SocketResourceError) {
            rlimit rl {};
            ::getrlimit(RLIMIT_NOFILE, &rl);
            // Once per burst, not once per refused connection.
            if (!m_resumeAccepting.isActive())
                qCCritical(lcHttp).nospace()
                    << "cannot accept a connection: too many open files (limit " << qulonglong(rl.rlim_cur)
                    << "); new connections wait until some close. Raise the limit (ulimit -n, LimitNOFILE=).";
        } else {
            qCWarning(lcHttp) << "cannot accept a connection:" << errorString();
        }
        m_resumeAccepting.start();
    });
}

void GuardedTcpServer::noteRejected(int status, qint64 bytesInspected)
{
    ++m_rejected;
    Q_EMIT requestRejected(status, bytesInspected);
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto owned = std::make_unique<QTcpSocket>();
    shrinkBufferChunks(owned.get());
    if (!owned->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcHttp) << "cannot adopt an accepted connection:" << owned->errorString();
#ifdef Q_OS_UNIX
        ::close(int(socketDescriptor));
#endif
        return;
    }
    // Parented like QTcpServer's default sockets, so whatever QAbstractHttpServer
    // does not delete goes away with the server.
    QTcpSocket *socket = owned.release();
    socket->setParent(this);
    // The guard must connect to readyRead before QAbstractHttpServer does (it
    // connects when it takes the socket from the pending queue), because slots
    // run in connection order and the guard has to see each byte first.
    new ConnectionGuard(socket, this);
    addPendingConnection(socket);
}

} // namespace Tidings::Server
