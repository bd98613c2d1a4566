#pragma once

#include "http/HttpTypes.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

namespace Tidings::Server {

class GuardedTcpServer;

// The REST front of tidingsd on Qt HttpServer 6.4, with our own routing so that
// every answer, 404 and 405 included, has PROTOCOL.md's JSON error shape, and with
// a socket guard below QHttpServer that enforces the body limit before anything
// is buffered (Qt 6.4 buffers whole bodies before any handler runs).
//
// WebSocket upgrades on the registered WebSocket path are accepted and handed out
// through QAbstractHttpServer::newWebSocketConnection.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 maxBodyBytes = 64 * 1024;
        int maxHeaderBytes = 16 * 1024;
        QString webSocketPath = QStringLiteral("/ws");
    };

    explicit HttpServer(Options options, QObject *parent = nullptr);
    ~HttpServer() override;

    // Whether a route needs an authenticated caller. Authenticated routes get 401
    // with the JSON shape when the bearer token is missing or invalid.
    enum class Access { Public, Authenticated };

    // `pattern` is a path with `:name` segments, e.g. "/api/notifications/:id/read".
    // Literal segments win over parameters ("/api/notifications/preferences" before
    // "/api/notifications/:id"), whatever the order of registration.
    void route(QHttpServerRequest::Method method, const QString &pattern, Access access, HttpHandler handler);

    // Decides the caller for Authenticated routes (AuthService::authenticate).
    using Authenticator = std::function<Expected<AuthContext>(QByteArrayView bearer)>;
    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }

    // Called for every answered request (metrics, access log).
    using Observer = std::function<void(const HttpResponse &)>;
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    // Listens on address:port (0 = any free port) through the guard. Returns the port, 0 on failure.
    quint16 listenGuarded(const QHostAddress &address, quint16 port);
    [[nodiscard]] QString errorString() const { return m_errorString; }
    // Stops accepting new connections (graceful shutdown); open ones finish.
    void stopListening();

    [[nodiscard]] const Options &options() const { return m_options; }
    // Requests refused by the guard (413/431/400) since start.
    [[nodiscard]] quint64 rejectedByGuard() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QStringList segments; // ":x" for parameters
        int literalCount = 0;
        Access access;
        HttpHandler handler;
    };
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);
    friend class HttpReply;
    // Writes a deferred reply ourselves: the QHttpServerRequest it answers is gone.
    void sendDeferred(HttpReply::State &state, const HttpResponse &response);
    // Authentication and the route's handler (exceptions propagate to handleRequest).
    [[nodiscard]] HttpResponse dispatch(const Route &route, HttpRequest &request) const;
    // The observer, shielded from its own exceptions.
    void observe(const HttpResponse &response) const;

    Options m_options;
    QList<Route> m_routes;
    Authenticator m_authenticator;
    Observer m_observer;
    QString m_errorString;
    GuardedTcpServer *m_tcp = nullptr;
};

} // namespace Tidings::Server
