#include "http/GuardedTcpServer.h"

#include "http/ConnectionGuard.h"
#include "http/HttpLog.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Tidings::Server {

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void GuardedTcpServer::noteRejected(int status, qint64 bytesInspected)
{
    ++m_rejected;
    Q_EMIT requestRejected(status, bytesInspected);
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    // Parented like QTcpServer's default sockets, so whatever QAbstractHttpServer
    // does not delete goes away with the server.
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcHttp) << "cannot adopt an accepted connection:" << socket->errorString();
        delete socket;
#ifdef Q_OS_UNIX
        ::close(int(socketDescriptor));
#endif
        return;
    }
    // The guard must connect to readyRead before QAbstractHttpServer does (it
    // connects when it takes the socket from the pending queue), because slots
    // run in connection order and the guard has to see each byte first.
    new ConnectionGuard(socket, this);
    addPendingConnection(socket);
}

} // namespace Tidings::Server
