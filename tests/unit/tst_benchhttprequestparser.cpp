#include "HttpRequestParser.h"

#include <QTest>

using Tidings::Bench::HttpRequestParser;
using Status = HttpRequestParser::Status;

// tidings-bench's parser of the requests its webhook receiver reads: requests split
// anywhere, pipelined, Content-Length bodies, and what it must refuse.
class TestBenchHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void next_oneRequest_sameWholeOrByteByByte_data();
    void next_oneRequest_sameWholeOrByteByByte();
    void next_pipelined_splitAtEveryByte_givesEachRequestOnceInOrder();
    void next_bodyIncomplete_waitsForTheRest();
    void next_malformed_isErrorForGood_data();
    void next_malformed_isErrorForGood();
    void next_headWithoutEnd_errorsPastTheLimit();
};

namespace {

// Every request `bytes` holds, fed in pieces of `piece` bytes (0: all at once).
QList<HttpRequestParser::Request> parseAll(const QByteArray &bytes, int piece, HttpRequestParser &parser)
{
    QList<HttpRequestParser::Request> out;
    auto drain = [&] {
        HttpRequestParser::Request r;
        while (parser.next(&r) == Status::Ready)
            out << r;
    };
    if (piece <= 0) {
        parser.append(bytes);
        drain();
        return out;
    }
    for (qsizetype i = 0; i < bytes.size(); i += piece) {
        parser.append(bytes.mid(i, piece));
        drain();
    }
    return out;
}

QByteArray post(const QByteArray &body, const QByteArray &extraHeaders = QByteArray())
{
    return "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

void TestBenchHttpRequestParser::next_oneRequest_sameWholeOrByteByByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<QByteArray>("deliveryHeader");

    QTest::newRow("webhook POST") << post(
        R"({"id":"n1","createdAt":"2026-11-21T08:00:00.000Z"})", "X-Tidings-Delivery: job-1\r\n")
                                  << QByteArray("POST") << QByteArray("/hook")
                                  << QByteArray(R"({"id":"n1","createdAt":"2026-11-21T08:00:00.000Z"})") << true
                                  << QByteArray("job-1");
    QTest::newRow("CR LF CR LF inside the body is body")
        << post("a\r\n\r\nb") << QByteArray("POST") << QByteArray("/hook") << QByteArray("a\r\n\r\nb") << true
        << QByteArray();
    QTest::newRow("no Content-Length: no body")
        << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("GET") << QByteArray("/healthz")
        << QByteArray() << true << QByteArray();
    QTest::newRow("Content-Length 0") << post(QByteArray()) << QByteArray("POST") << QByteArray("/hook") << QByteArray()
                                      << true << QByteArray();
    QTest::newRow("header names in any case, values trimmed")
        << QByteArray("POST /h HTTP/1.1\r\ncontent-LENGTH:   3  \r\nx-tidings-DELIVERY:\tjob-2 \r\n\r\nabc")
        << QByteArray("POST") << QByteArray("/h") << QByteArray("abc") << true << QByteArray("job-2");
    QTest::newRow("the same Content-Length twice")
        << QByteArray("POST /h HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok") << QByteArray("POST")
        << QByteArray("/h") << QByteArray("ok") << true << QByteArray();
    QTest::newRow("empty lines before the request line")
        << QByteArray(QByteArray("\r\n\r\n") + post("x")) << QByteArray("POST") << QByteArray("/hook")
        << QByteArray("x") << true << QByteArray();
    QTest::newRow("Connection: close") << post("x", "Connection: close\r\n") << QByteArray("POST")
                                       << QByteArray("/hook") << QByteArray("x") << false << QByteArray();
    QTest::newRow("HTTP/1.0 closes by default")
        << QByteArray("POST /h HTTP/1.0\r\nContent-Length: 1\r\n\r\nx") << QByteArray("POST") << QByteArray("/h")
        << QByteArray("x") << false << QByteArray();
    QTest::newRow("HTTP/1.0 with keep-alive")
        << QByteArray("POST /h HTTP/1.0\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\nx") << QByteArray("POST")
        << QByteArray("/h") << QByteArray("x") << true << QByteArray();
}

void TestBenchHttpRequestParser::next_oneRequest_sameWholeOrByteByByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(QByteArray, deliveryHeader);

    for (int piece : {0, 1, 7}) {
        HttpRequestParser parser;
        const QList<HttpRequestParser::Request> requests = parseAll(bytes, piece, parser);
        QCOMPARE(requests.size(), 1);
        const HttpRequestParser::Request &r = requests.first();
        QCOMPARE(r.method, method);
        QCOMPARE(r.target, target);
        QCOMPARE(r.body, body);
        QCOMPARE(r.keepAlive(), keepAlive);
        QCOMPARE(r.header("x-tidings-delivery"), deliveryHeader);
        QCOMPARE(parser.buffered(), qsizetype(0));
        HttpRequestParser::Request none;
        QCOMPARE(parser.next(&none), Status::NeedMore);
    }
}

void TestBenchHttpRequestParser::next_pipelined_splitAtEveryByte_givesEachRequestOnceInOrder()
{
    const QList<QByteArray> bodies {R"({"n":"first"})", QByteArray(), "third\r\n\r\nbody", QByteArray(3000, 'x')};
    QByteArray stream;
    for (int i = 0; i < bodies.size(); ++i)
        stream += post(bodies[i], QByteArray("X-Tidings-Delivery: job-" + QByteArray::number(i) + "\r\n"));

    // Two reads, split at every position: each boundary inside a request line, a
    // header, the blank line, a body and between two requests.
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        HttpRequestParser parser;
        QList<HttpRequestParser::Request> got;
        HttpRequestParser::Request r;
        parser.append(stream.left(split));
        while (parser.next(&r) == Status::Ready)
            got << r;
        parser.append(stream.mid(split));
        while (parser.next(&r) == Status::Ready)
            got << r;
        QCOMPARE(got.size(), bodies.size());
        for (int i = 0; i < bodies.size(); ++i) {
            QCOMPARE(got[i].body, bodies[i]);
            QCOMPARE(got[i].header("x-tidings-delivery"), QByteArray("job-" + QByteArray::number(i)));
        }
        QCOMPARE(parser.buffered(), qsizetype(0));
    }
}

void TestBenchHttpRequestParser::next_bodyIncomplete_waitsForTheRest()
{
    HttpRequestParser parser;
    HttpRequestParser::Request r;
    const QByteArray bytes = post("0123456789");
    parser.append(bytes.left(bytes.size() - 4));
    QCOMPARE(parser.next(&r), Status::NeedMore);
    QCOMPARE(parser.next(&r), Status::NeedMore); // asking again changes nothing
    parser.append(QByteArray(bytes.right(4) + "POST /next HTTP/1.1\r\nContent-Len"));
    QCOMPARE(parser.next(&r), Status::Ready);
    QCOMPARE(r.body, QByteArray("0123456789"));
    QCOMPARE(parser.next(&r), Status::NeedMore);
    parser.append("gth: 2\r\n\r\nok");
    QCOMPARE(parser.next(&r), Status::Ready);
    QCOMPARE(r.target, QByteArray("/next"));
    QCOMPARE(r.body, QByteArray("ok"));
}

void TestBenchHttpRequestParser::next_malformed_isErrorForGood_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("not HTTP") << QByteArray("hello there\r\n\r\n");
    QTest::newRow("HTTP/2 request line") << QByteArray("POST /h HTTP/2\r\n\r\n");
    QTest::newRow("no target") << QByteArray("POST  HTTP/1.1\r\n\r\n");
    QTest::newRow("Content-Length not a number") << QByteArray("POST /h HTTP/1.1\r\nContent-Length: 12a\r\n\r\n");
    QTest::newRow("Content-Length negative") << QByteArray("POST /h HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
    QTest::newRow("Content-Length empty") << QByteArray("POST /h HTTP/1.1\r\nContent-Length:\r\n\r\n");
    QTest::newRow("two different Content-Lengths")
        << QByteArray("POST /h HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx");
    QTest::newRow("chunked body") << QByteArray(
        "POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n");
    QTest::newRow("header without a colon") << QByteArray("POST /h HTTP/1.1\r\nContent-Length 1\r\n\r\nx");
    QTest::newRow("obsolete line folding") << QByteArray("POST /h HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n");
    QTest::newRow("bare LF in the head") << QByteArray("POST /h HTTP/1.1\nContent-Length: 1\r\n\r\nx");
    QTest::newRow("body above the limit") << QByteArray(
        "POST /h HTTP/1.1\r\nContent-Length: " + QByteArray::number(HttpRequestParser::MaxBodyBytes + 1) + "\r\n\r\n");
}

void TestBenchHttpRequestParser::next_malformed_isErrorForGood()
{
    QFETCH(QByteArray, bytes);

    HttpRequestParser parser;
    HttpRequestParser::Request r;
    parser.append(bytes);
    QCOMPARE(parser.next(&r), Status::Error);
    QVERIFY(!parser.error().isEmpty());
    // The stream cannot be resynchronised: a valid request after it is not parsed.
    parser.append(post("x"));
    QCOMPARE(parser.next(&r), Status::Error);
}

void TestBenchHttpRequestParser::next_headWithoutEnd_errorsPastTheLimit()
{
    HttpRequestParser parser;
    HttpRequestParser::Request r;
    parser.append("POST /h HTTP/1.1\r\n");
    const QByteArray header = QByteArray("X-Filler: " + QByteArray(1000, 'a') + "\r\n");
    while (parser.buffered() <= HttpRequestParser::MaxHeadBytes) {
        QCOMPARE(parser.next(&r), Status::NeedMore);
        parser.append(header);
    }
    QCOMPARE(parser.next(&r), Status::Error);
}

QTEST_GUILESS_MAIN(TestBenchHttpRequestParser)
#include "tst_benchhttprequestparser.moc"
