// The server must say clearly when it runs out of file descriptors, and accept
// again once descriptors are free (QTcpServer stops accepting after EMFILE).
#include "http/GuardedTcpServer.h"
#include "http/HttpServer.h"

#include <QDir>
#include <QTcpSocket>
#include <QtTest>

#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>

#include <vector>

using namespace Tidings::Server;

class TestFdLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptAtTheLimit_logsClearlyAndResumesWhenDescriptorsFree();
};

// UBSan's vptr check looks types up at run time and needs file descriptors for
// that; with every descriptor deliberately in use it reports sound calls as bad.
__attribute__((no_sanitize("vptr"))) void TestFdLimit::acceptAtTheLimit_logsClearlyAndResumesWhenDescriptorsFree()
{
    HttpServer http(HttpServer::Options {});
    http.route(QHttpServerRequest::Method::Get, QStringLiteral("/ping"), HttpServer::Access::Public, [](HttpRequest &) {
        return HttpResponse::json({{QStringLiteral("pong"), true}});
    });
    const quint16 port = http.listenGuarded(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    auto *tcp = http.findChild<GuardedTcpServer *>();
    QVERIFY(tcp);

    rlimit original {};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
    rlimit tight = original;
    tight.rlim_cur
        = rlim_t(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size()) + 64;
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &tight), 0);

    // Use up every descriptor but one: the client's socket takes it, so the
    // server's accept() is the one that runs out.
    std::vector<int> fillers;
    for (int fd = ::dup(0); fd >= 0; fd = ::dup(0))
        fillers.push_back(fd);
    QCOMPARE(errno, EMFILE);
    ::close(fillers.back());
    fillers.pop_back();

    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("too many open files \\(limit \\d+\\)")));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000)); // the kernel completes the handshake; accept() is the server's
    QTRY_VERIFY(tcp->acceptErrors() > 0);

    // Descriptors come free: the connection waiting in the backlog is accepted and served.
    for (int fd : fillers)
        ::close(fd);
    QCOMPARE(::setrlimit(RLIMIT_NOFILE, &original), 0);
    client.write("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 5000);
    QVERIFY(client.readAll().startsWith("HTTP/1.1 200"));
}

QTEST_GUILESS_MAIN(TestFdLimit)
#include "tst_fdlimit.moc"
