#include "support/TcpProxy.h"

#include <QTcpSocket>

namespace Tidings::Test {

struct TcpProxy::Pair
{
    std::unique_ptr<QTcpSocket> client;
    std::unique_ptr<QTcpSocket> upstream;
    QByteArray early; // client bytes that arrived before the upstream connected
};

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

TcpProxy::~TcpProxy()
{
    for (auto &p : m_pairs) {
        p->client->disconnect(this);
        p->upstream->disconnect(this);
    }
}

void TcpProxy::setOnline(bool online)
{
    m_online = online;
    if (online)
        return;
    // Abort rather than close: the peers see a reset, as when a cable is pulled
    // and the path then comes back refusing.
    while (!m_pairs.empty())
        drop(m_pairs.front().get());
}

void TcpProxy::drop(Pair *pair)
{
    auto it = std::find_if(m_pairs.begin(), m_pairs.end(), [pair](const auto &p) { return p.get() == pair; });
    if (it == m_pairs.end())
        return;
    std::unique_ptr<Pair> owned = std::move(*it);
    m_pairs.erase(it);
    owned->client->disconnect(this);
    owned->upstream->disconnect(this);
    owned->client->abort();
    owned->upstream->abort();
    owned->client.release()->deleteLater();
    owned->upstream.release()->deleteLater();
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *incoming = m_server.nextPendingConnection()) {
        if (!m_online) {
            incoming->abort();
            incoming->deleteLater();
            continue;
        }
        auto pair = std::make_unique<Pair>();
        Pair *p = pair.get();
        p->client.reset(incoming);
        incoming->setParent(nullptr);
        p->upstream = std::make_unique<QTcpSocket>();
        QTcpSocket *client = p->client.get();
        QTcpSocket *upstream = p->upstream.get();
        connect(client, &QTcpSocket::readyRead, this, [p, client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
            else
                p->early += client->readAll();
        });
        connect(upstream, &QTcpSocket::connected, this, [p, upstream] {
            if (!p->early.isEmpty())
                upstream->write(std::exchange(p->early, {}));
        });
        connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] { client->write(upstream->readAll()); });
        auto close = [this, p] { drop(p); };
        connect(client, &QTcpSocket::disconnected, this, close, Qt::QueuedConnection);
        connect(upstream, &QTcpSocket::disconnected, this, close, Qt::QueuedConnection);
        connect(upstream, &QTcpSocket::errorOccurred, this, close, Qt::QueuedConnection);
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        m_pairs.push_back(std::move(pair));
    }
}

} // namespace Tidings::Test
