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
    // Reads from `socket` until `bytes` bytes of answers have arrived.
    static QByteArray readAnswers(QTcpSocket &socket, qsizetype bytes);
    void connectClient(QTcpSocket &socket);

    std::unique_ptr<WebhookReceiver> m_receiver;
    QList<HttpRequestParser::Request> m_requests;
    QList<qint64> m_wallNs;
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
    socket.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(socket.waitForConnected(5000));
}

QByteArray TestBenchWebhookReceiver::readAnswers(QTcpSocket &socket, qsizetype bytes)
{
    QByteArray in;
    while (in.size() < bytes && (socket.bytesAvailable() > 0 || socket.waitForReadyRead(5000)))
        in += socket.readAll();
    return in;
}

void TestBenchWebhookReceiver::pipelined_answeredInOrderOnOneKeptConnection()
{
    QTcpSocket client;
    connectClient(client);
    // Three requests in one write: the receiver reads them in one piece.
    client.write(webhook("job-1", R"({"n":1})") + webhook("job-2", QByteArray()) + webhook("job-3", R"({"n":3})"));
    QCOMPARE(readAnswers(client, 3 * Ok.size()), QByteArray(Ok + Ok + Ok));
    QCOMPARE(m_requests.size(), 3);
    QCOMPARE(m_requests[0].header("x-tidings-delivery"), QByteArray("job-1"));
    QCOMPARE(m_requests[0].body, QByteArray(R"({"n":1})"));
    QCOMPARE(m_requests[1].body, QByteArray());
    QCOMPARE(m_requests[2].header("x-tidings-delivery"), QByteArray("job-3"));
    QVERIFY(m_wallNs[0] > 1'700'000'000LL * 1'000'000'000); // Unix time in ns, not monotonic

    // The connection stays open for the next request.
    client.write(webhook("job-4", "{}"));
    QCOMPARE(readAnswers(client, Ok.size()), Ok);
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
    const QByteArray bytes = webhook("job-split", body) + webhook("job-next", "{}");
    // Cuts inside the head, inside the body, and just before the second request.
    const QList<qsizetype> cuts {17, 60, 3000, bytes.size() - webhook("job-next", "{}").size() - 1, bytes.size()};
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        client.write(bytes.mid(from, cut - from));
        QVERIFY(client.waitForBytesWritten(5000) || client.bytesToWrite() == 0);
        from = cut;
    }
    QCOMPARE(readAnswers(client, 2 * Ok.size()), QByteArray(Ok + Ok));
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[0].body, body);
    QCOMPARE(m_requests[1].header("x-tidings-delivery"), QByteArray("job-next"));
}

void TestBenchWebhookReceiver::connectionClose_answeredThenClosed()
{
    QTcpSocket client;
    connectClient(client);
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    client.write("POST /h HTTP/1.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    QCOMPARE(readAnswers(client, answer.size()), answer);
    QVERIFY(closed.count() > 0 || closed.wait(5000));
    QCOMPARE(m_requests.size(), 1);
    QTRY_COMPARE(m_receiver->openConnections(), 0);
}

void TestBenchWebhookReceiver::badRequest_answered400ThenClosed()
{
    QTcpSocket client;
    connectClient(client);
    QSignalSpy closed(&client, &QTcpSocket::disconnected);
    client.write("POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    const QByteArray answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    QCOMPARE(readAnswers(client, answer.size()), answer);
    QVERIFY(closed.count() > 0 || closed.wait(5000));
    QCOMPARE(m_requests.size(), 0);
    QCOMPARE(m_receiver->counters().badRequests, qint64(1));
    QVERIFY(m_receiver->counters().lastError.contains(QLatin1String("Transfer-Encoding")));
}

QTEST_GUILESS_MAIN(TestBenchWebhookReceiver)
#include "tst_benchwebhookreceiver.moc"
