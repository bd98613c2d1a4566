#pragma once

#include "HttpRequestParser.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace Tidings::Bench {

// The HTTP/1.1 server the delivery benchmark registers as every bench user's
// webhook. It answers each request `200` with `Content-Length: 0` as soon as the
// request is complete, keeps connections alive, answers pipelined requests in
// order, and hands every request to a handler together with the time its last
// byte was read. A request it cannot parse gets a 400 and the connection closes.
//
// Deliberately on QTcpServer rather than a framework: the receiver must cost the
// server under test as little as a fast real receiver would, and its parsing
// (HttpRequestParser) is tested on its own.
class WebhookReceiver : public QObject
{
    Q_OBJECT
public:
    // `monotonicNs` for rates (one clock with the publisher), `wallNs` to compare
    // with the server's createdAt timestamps.
    using Handler = std::function<void(const HttpRequestParser::Request &, qint64 monotonicNs, qint64 wallNs)>;

    struct Counters
    {
        qint64 requests = 0;
        qint64 connections = 0; // accepted so far
        qint64 badRequests = 0;
        QString lastError; // of the last bad request
    };

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Port 0 picks a free one.
    [[nodiscard]] bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    [[nodiscard]] QString errorString() const { return m_server.errorString(); }
    [[nodiscard]] QUrl url(const QString &path) const;
    [[nodiscard]] int openConnections() const { return int(m_parsers.size()); }
    [[nodiscard]] const Counters &counters() const { return m_counters; }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Stops listening and drops every connection.
    void close();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void drop(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QTcpSocket *, std::shared_ptr<HttpRequestParser>> m_parsers;
    Handler m_handler;
    Counters m_counters;
};

} // namespace Tidings::Bench
