#include "ui/SingleInstance.h"

#include <QDir>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcInstance, "tidings.app.instance")

namespace Tidings::App {

namespace {

const QByteArray RaiseCommand = QByteArrayLiteral("raise\n");
constexpr int TimeoutMs = 2000;

} // namespace

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{
}

QString SingleInstance::socketName()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = QStringLiteral("user");
    return dir + QStringLiteral("/tidings-") + user + QStringLiteral(".socket");
}

bool SingleInstance::tellRunning()
{
    QLocalSocket socket;
    socket.connectToServer(socketName());
    if (!socket.waitForConnected(TimeoutMs))
        return false;
    socket.write(RaiseCommand);
    socket.waitForBytesWritten(TimeoutMs);
    // Wait for the answer, so the first instance has it before this one exits.
    socket.waitForReadyRead(TimeoutMs);
    return true;
}

bool SingleInstance::claim()
{
    if (tellRunning())
        return false;
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socketName())) {
        // A socket file left by a crashed instance: nobody answered on it above.
        QLocalServer::removeServer(socketName());
        if (!m_server->listen(socketName()))
            qCWarning(lcInstance) << "cannot listen on" << socketName() << m_server->errorString();
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    return true;
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                if (socket->readLine() == RaiseCommand) {
                    Q_EMIT raiseRequested();
                    socket->write(QByteArrayLiteral("ok\n"));
                }
            }
        });
    }
}

} // namespace Tidings::App
