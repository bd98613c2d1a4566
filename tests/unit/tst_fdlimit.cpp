// The server must say clearly when it runs out of file descriptors, and accept
// again once descriptors are free (QTcpServer stops accepting after EMFILE).
#include "http/GuardedTcpServer.h"
#include "http/HttpServer.h"

#include <QDir>
#include <QTcpSocket>
#include <QtTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace Tidings::Server;

class TestFdLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptAtTheLimit_logsClearlyAndResumesWhenDescriptorsFree();
};

void TestFdLimit::acceptAtTheLimit_logsClearlyAndResumesWhenDescriptorsFree()
{
    HttpServer http(HttpServer::Options {});
    http.route(QHttpServerRequest::Method::Get, QStringLiteral("/ping"), HttpServer::Access::Public,
               [](HttpRequest &) { return HttpResponse::json({{QStringLiteral("pong"), true}}); });
    const quint16 port = http.listenGuarded(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    auto *tcp = http.findChild<GuardedTcpServer *>();
    QVERIFY(tcp);

    rlimit original {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
    // A few descriptors of headroom: each client connection here costs two (both ends).
    const rlim_t open = rlim_t(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
    rlimit tight = original;
    tight.rlim_cur = open + 12;
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &tight), 0);

    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("too many open files \\(limit \\d+\\)")));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 20 && tcp->acceptErrors() == 0; ++i) {
        auto c = std::make_unique<QTcpSocket>();
        c->connectToHost(QHostAddress::LocalHost, port);
        // Let the server try to accept before the next client takes a descriptor.
        (void)QTest::qWaitFor([&] { return c->state() != QAbstractSocket::ConnectingState; }, 1000);
        QCoreApplication::processEvents();
        clients.push_back(std::move(c));
    }
    QTRY_VERIFY(tcp->acceptErrors() > 0);

    // Free descriptors: the connection waiting in the backlog is accepted and served.
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &original), 0);
    QTcpSocket *last = clients.back().get();
    last->write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(last->bytesAvailable() > 0 || last->state() != QAbstractSocket::ConnectedState, 5000);
    QVERIFY(last->readAll().startsWith("HTTP/1.1 200"));
}

QTEST_GUILESS_MAIN(TestFdLimit)
#include "tst_fdlimit.moc"
