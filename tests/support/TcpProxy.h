#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpSocket;

namespace Tidings::Test {

// A TCP relay between a client under test and a real server, so a test can take a
// client offline the way a network does: `setOnline(false)` cuts every relayed
// connection and refuses new ones until `setOnline(true)`. Bytes are passed on
// unchanged.
class TcpProxy : public QObject
{
    Q_OBJECT

public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);
    ~TcpProxy() override;

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }
    void setTargetPort(quint16 port) { m_targetPort = port; }

    void setOnline(bool online);
    [[nodiscard]] bool isOnline() const { return m_online; }
    [[nodiscard]] int connectionCount() const { return int(m_pairs.size()); }

private:
    struct Pair;
    void onNewConnection();
    void drop(Pair *pair);

    QTcpServer m_server;
    quint16 m_targetPort;
    bool m_online = true;
    std::vector<std::unique_ptr<Pair>> m_pairs;
};

} // namespace Tidings::Test
