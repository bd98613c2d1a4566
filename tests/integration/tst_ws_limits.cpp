// WebSocket peers that misbehave at the TCP level: one that never answers pings,
// one that never reads. Both are raw sockets that speak just enough WebSocket.
#include "store/Store.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "ws/WsHub.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

using namespace Tidings::Test;

namespace {

// Completes the WebSocket handshake and then only does what the test tells it to.
class RawWebSocket
{
public:
    bool open(quint16 port, const QString &token, int receiveBufferBytes = 0)
    {
        if (receiveBufferBytes > 0)
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBufferBytes);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                       "Authorization: Bearer "
            + token.toUtf8() + "\r\n\r\n");
        QByteArray head;
        const bool upgraded = QTest::qWaitFor(
            [&] {
                head += m_socket.readAll();
                return head.contains("\r\n\r\n");
            },
            5000);
        // From here on Qt may hold at most a little unread data for us, so a peer
        // that does not read really stops taking bytes off the connection.
        m_socket.setReadBufferSize(4096);
        return upgraded && head.startsWith("HTTP/1.1 101");
    }
    [[nodiscard]] bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

qint64 metric(HttpTestClient &http, const QByteArray &name)
{
    const QList<QByteArray> lines = http.get(QStringLiteral("/metrics")).body.split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray prefix = name + ' ';
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toLongLong();
    }
    return 0;
}

} // namespace

class TestWsLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void peerThatNeverAnswersPings_isDroppedAfterTwoHeartbeats();
    void peerThatNeverReads_isClosedAtTheSendBufferBound_andLosesNothing();
};

void TestWsLimits::peerThatNeverAnswersPings_isDroppedAfterTwoHeartbeats()
{
    TestServer server([](Tidings::Server::ServerConfig &c) { c.heartbeatSec = 1; });
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    HttpTestClient admin(server.url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);

    RawWebSocket silent;
    QVERIFY(silent.open(server.port(), admin.token()));
    QTRY_COMPARE(server.server().hub().connectionCount(), 1);
    // It never reads, so it never answers a ping: gone after two missed heartbeats.
    QTRY_COMPARE_WITH_TIMEOUT(server.server().hub().connectionCount(), 0, 6000);
    QTRY_VERIFY(!silent.isConnected());
    QCOMPARE(metric(admin, "tidings_ws_rejected_total{reason=\"dead_peer\"}"), 1);
}

void TestWsLimits::peerThatNeverReads_isClosedAtTheSendBufferBound_andLosesNothing()
{
    TestServer server([](Tidings::Server::ServerConfig &c) {
        c.wsSendBufferBytes = 64 * 1024;
        // Long enough that filling the buffers (seconds on a loaded machine) ends
        // at the send-buffer bound, not at the dead-peer check (two missed pongs).
        c.heartbeatSec = 10;
    });
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    HttpTestClient admin(server.url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);

    RawWebSocket stalled;
    QVERIFY(stalled.open(server.port(), admin.token(), 4096));
    QTRY_COMPARE(server.server().hub().connectionCount(), 1);
    const QString adminId = server.server().store().userByUsername(QStringLiteral("admin"))->id;
    // Publish 4 KB notifications to the peer until the kernel's buffers and then the
    // server's own bound are full. Bounded: 64 MB would be far past any buffer.
    const QByteArray sendBufferClosures = "tidings_ws_rejected_total{reason=\"send_buffer\"}";
    const QString filler(4000, QLatin1Char('x'));
    int published = 0;
    while ((published % 50 != 0 || metric(admin, sendBufferClosures) == 0) && published < 16000) {
        const HttpResult r = admin.post(QStringLiteral("/api/notifications"),
            {{QStringLiteral("recipients"), QJsonArray {adminId}},
                {QStringLiteral("title"), QStringLiteral("n%1").arg(published)}, {QStringLiteral("message"), filler}});
        QCOMPARE(r.status, 202);
        ++published;
    }
    QCOMPARE(metric(admin, sendBufferClosures), 1);
    // The peer reads nothing, so it never completes the close: it is dropped two
    // heartbeats later.
    QTRY_COMPARE_WITH_TIMEOUT(server.server().hub().connectionCount(), 0, 35000);
    // Nothing is lost: the stream still holds every notification for a resume.
    const HttpResult inbox = admin.get(QStringLiteral("/api/stream?sinceSeq=0&limit=1"));
    QCOMPARE(inbox.json.value(QStringLiteral("headSeq")).toInteger(), published);
}

QTEST_GUILESS_MAIN(TestWsLimits)
#include "tst_ws_limits.moc"
