#pragma once

#include <QTcpServer>
#include <QTimer>

namespace Tidings::Server {

// The listening socket under HttpServer. It creates every connection's socket
// itself so that a ConnectionGuard is attached before QAbstractHttpServer
// connects its own readyRead slot, which lets the guard refuse an oversized
// request (413), oversized headers (431) or malformed HTTP (400) while Qt has
// buffered at most one read's worth of it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBodyBytes = 64 * 1024;
        qint64 maxHeaderBytes = 16 * 1024;
    };

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);

    [[nodiscard]] const Limits &limits() const { return m_limits; }
    // Requests the guards answered themselves since this server was created.
    [[nodiscard]] quint64 rejectedCount() const { return m_rejected; }
    // accept() failures (usually: out of file descriptors) since this server was created.
    [[nodiscard]] quint64 acceptErrors() const { return m_acceptErrors; }

    // Called by a guard when it refuses a request.
    void noteRejected(int status, qint64 bytesInspected);

Q_SIGNALS:
    // A guard answered `status` itself, having inspected `bytesInspected` bytes
    // of the connection (headers and body of every request on it so far).
    void requestRejected(int status, qint64 bytesInspected);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Limits m_limits;
    quint64 m_rejected = 0;
    quint64 m_acceptErrors = 0;
    QTimer m_resumeAccepting;
};

} // namespace Tidings::Server
