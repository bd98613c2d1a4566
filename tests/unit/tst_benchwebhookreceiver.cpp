#include "WebhookReceiver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using Tidings::Bench::HttpRequestParser;
using Tidings::Bench::WebhookReceiver;

// tidings-bench's webhook receiver over real sockets: keep-alive, pipelining,
// requests that arrive in pieces, and what it does with a request it cannot parse.
class TestBenchWebhookReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pipelined_answeredInOrderOnOneKeptConnection();
    void splitAcrossWrites_handledOnceWhenComplete();
    void connectionClose_answeredThenClosed();
    void badRequest_answered400ThenClosed();

private:
    // Connects `socket` to the receiver; what it reads collects in m_answers. The
    // receiver runs in this thread, so every wait below runs the event loop.
    void connectClient(QTcpSocket &socket);
    // Writes `bytes` and lets the receiver read them before the next piece.
    static void writePiece(QTcpSocket &socket, const QByteArray &bytes);

    std::unique_ptr<WebhookReceiver> m_receiver;
    QList<HttpRequestParser::Request> m_requests;
    QList<qint64> m_wallNs;
    QByteArray m_answers;
};

namespace {
const QByteArray Ok = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

QByteArray webhook(const QByteArray &jobId, const QByteArray &body)
{
    return QByteArray("POST /tidings-bench HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "X-Tidings-Delivery: "
        + jobId + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}
} // namespace

void TestBenchWebhookReceiver::init()
{
    m_requests.clear();
    m_wallNs.clear();
    m_answers.clear();
    m_receiver = std::make_unique<WebhookReceiver>();
    m_receiver->setHandler([this](const HttpRequestParser::Request &r, qint64, qint64 wallNs) {
        m_requests << r;
        m_wallNs << wallNs;
    });
    QVERIFY2(m_receiver->listen(), qPrintable(m_receiver->errorString()));
}

void TestBenchWebhookReceiver::cleanup()
{
    m_receiver.reset();
}

void TestBenchWebhookReceiver::connectClient(QTcpSocket &socket)
{
    const QUrl url = m_receiver->url(QStringLiteral("/tidings-bench"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    connect(&socket, &QTcpSocket::readyRead, this, [this, &socket] { m_answers += socket.readAll(); });
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(connected.wait(5000));
}

void TestBenchWebhookReceiver::writePiece(QTcpSocket &socket, const QByteArray &bytes)
{
    socket.write(bytes);
    socket.flush();
    QCoreApplication::processEvents();
}

void TestBenchWebhookReceiver::pipelined_answeredInOrderOnOneKeptConnection()
{
    QTcpSocket client;
    connectClient(client);
    // Three requests in one write: the receiver reads them in one piece.
    writePiece(
        client, webhook("job-1", R"({"n":1})") + webhook("job-2", QByteArray()) + webhook("job-3", R"({"n":3})"));
    QTRY_COMPARE(m_answers, QByteArray(Ok + Ok + Ok));
    QCOMPARE(m_requests.size(), 3);
    QCOMPARE(m_requests[0].header("x-tidings-delivery"), QByteArray("job-1"));
    QCOMPARE(m_requests[0].body, QByteArray(R"({"n":1})"));
    QCOMPARE(m_requests[1].body, QByteArray());
    QCOMPARE(m_requests[2].header("x-tidings-delivery"), QByteArray("job-3"));
    QVERIFY(m_wallNs[0] > 1'700'000'000LL * 1'000'000'000); // Unix time in ns, not monotonic

    // The connection stays open for the next request.
    m_answers.clear();
    writePiece(client, webhook("job-4", "{}"));
    QTRY_COMPARE(m_answers, Ok);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_requests.size(), 4);
    QCOMPARE(m_receiver->counters().connections, qint64(1));
    QCOMPARE(m_receiver->counters().requests, qint64(4));
    QCOMPARE(m_receiver->openConnections(), 1);
}

void TestBenchWebhookReceiver::splitAcrossWrites_handledOnceWhenComplete()
{
    QTcpSocket client;
    connectClient(client);
    const QByteArray body(20000, 'b'); // more than one TCP segment on loopback, too
    const QByteArray bytes = QByteArray(webhook("job-split", body) + webhook("job-next", "{}"));
    // Cuts inside the head, inside the body, and just before the second request.
    const QList<qsizetype> cuts {17, 60, 3000, bytes.size() - webhook("job-next", "{}").size() - 1, bytes.size()};
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        writePiece(client, bytes.mid(from, cut - from));
        from = cut;
    }
    QTRY_COMPARE(m_answers, QByteArray(Ok + Ok));
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[0].body, body);
    QCOMPARE(m_requests[1].header("x-tidings-delivery"), QByteArray("job-next"));
}

void TestBenchWebhookReceiver::connectionClose_answeredThenClosed()
{
    QTcpSocket client;
    connectClient(client);
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    writePiece(client, "POST /h HTTP/1.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    QTRY_COMPARE(m_answers, QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(m_requests.size(), 1);
    QTRY_COMPARE(m_receiver->openConnections(), 0);
}

void TestBenchWebhookReceiver::badRequest_answered400ThenClosed()
{
    QTcpSocket client;
    connectClient(client);
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    writePiece(client, "POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    QTRY_COMPARE(m_answers, QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(m_requests.size(), 0);
    QCOMPARE(m_receiver->counters().badRequests, qint64(1));
    QVERIFY(m_receiver->counters().lastError.contains(QLatin1String("Transfer-Encoding")));
}

QTEST_GUILESS_MAIN(TestBenchWebhookReceiver)
#include "tst_benchwebhookreceiver.moc"
