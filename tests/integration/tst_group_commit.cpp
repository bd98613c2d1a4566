// Group commit end to end: many publishes in flight at once against a real in-process
// tidingsd, each answered only once its batch is durable, every seq handed out once
// and in order, and the stream and the inbox agreeing on them.
#include "store/Store.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "support/WalInspector.h"
#include "support/WsTestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace Tidings::Test;

using Tidings::Test::walCommits;
namespace {

const QString Password = QStringLiteral("password-123");
const QString NotificationsPath = QStringLiteral("/api/notifications");
constexpr int AnswerTimeoutMs = 15000;

// One keep-alive HTTP/1.1 connection written by hand. A request is handed to the
// kernel the moment the test sends it (QNetworkAccessManager queues beyond six per
// host and writes on a later pass), so many connections really are in flight at
// once; answers are parsed as they arrive.
class RawHttpConnection
{
public:
    explicit RawHttpConnection(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    [[nodiscard]] bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &request)
    {
        m_socket.write(request);
        m_socket.flush(); // now, not when the event loop next looks at the socket
    }
    [[nodiscard]] const QList<HttpResult> &responses() const { return m_responses; }
    [[nodiscard]] QTcpSocket &socket() { return m_socket; }

    // Called as each answer is parsed, before anything else runs.
    std::function<void(const HttpResult &)> onResponse;

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
            HttpResult r;
            r.status = lines.value(0).split(' ').value(1).toInt();
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
            length = r.header(QByteArrayLiteral("Content-Length")).toLongLong();
            if (!r.header(QByteArrayLiteral("Transfer-Encoding")).isEmpty())
                r.status = -1; // not expected from tidingsd; fails the status checks
            if (m_buffer.size() < headEnd + 4 + length)
                return;
            r.body = m_buffer.mid(headEnd + 4, length);
            m_buffer.remove(0, headEnd + 4 + length);
            r.json = QJsonDocument::fromJson(r.body).object();
            m_responses.append(r);
            if (onResponse)
                onResponse(r);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<HttpResult> m_responses;
};

using Connections = std::vector<std::unique_ptr<RawHttpConnection>>;

QByteArray httpRequest(const QByteArray &method, const QString &path, const QString &token = {},
    const QJsonObject &body = {}, const QByteArray &extraHeaders = {})
{
    QByteArray out = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token.toUtf8() + "\r\n";
    QByteArray payload;
    if (method == "POST") {
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(payload.size()) + "\r\n";
    }
    return out + extraHeaders + "\r\n" + payload;
}

// One value read on a connection of its own, as another process would see the file:
// it sees committed transactions only.
QVariant inspect(const QString &dbPath, const QString &sql, const QVariantList &values = {})
{
    const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec() && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void concurrentPublishes_allAnswered202_withDistinctOrderedSeqs();
    void batchedPublish_isDurableBeforeTheReply();
    void commitFails_wholeBatchAnswered503_nothingStored();
    void clientGoneBeforeReply_serverKeepsServing_data();
    void clientGoneBeforeReply_serverKeepsServing();
    void idempotencyKey_twiceInOneBatch_createsOne();
    void mixedBatch_validationErrorsAnsweredAtOnce_data();
    void mixedBatch_validationErrorsAnsweredAtOnce();
    void pipelinedRefusalAfterPublish_answersInOrder_data();
    void pipelinedRefusalAfterPublish_answersInOrder();

private:
    QJsonObject publishBody(const QString &title) const;
    // `count` keep-alive connections, each already used for one request, so that the
    // server has accepted and set up every one of them. Empty on failure.
    Connections openConnections(int count);
    // Sends bodies[i] on connections[i], all in the same pass, and waits for every
    // answer; returns them in the order of `bodies` (status 0 for a missing one).
    QList<HttpResult> publishAtOnce(Connections &connections, const QList<QJsonObject> &bodies);
    // Alice's inbox, newest first.
    QJsonArray aliceInbox();
    QString dbPath() const { return m_server->config().databasePath(); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<HttpTestClient> m_alice;
    QString m_aliceId;
};

void TestGroupCommit::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    QVERIFY(!m_aliceId.isEmpty());
    m_alice = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_alice->login(QStringLiteral("alice"), Password, QStringLiteral("laptop")).status, 200);
}

void TestGroupCommit::cleanup()
{
    m_alice.reset();
    m_admin.reset();
    m_server.reset();
}

QJsonObject TestGroupCommit::publishBody(const QString &title) const
{
    return {{QStringLiteral("recipients"), QJsonArray {m_aliceId}}, {QStringLiteral("title"), title},
        {QStringLiteral("message"), QString(QStringLiteral("body of ") + title)}};
}

Connections TestGroupCommit::openConnections(int count)
{
    Connections connections;
    for (int i = 0; i < count; ++i)
        connections.push_back(std::make_unique<RawHttpConnection>(m_server->port()));
    const bool connected = QTest::qWaitFor(
        [&] {
            return std::all_of(
                connections.cbegin(), connections.cend(), [](const auto &c) { return c->isConnected(); });
        },
        AnswerTimeoutMs);
    if (!connected) {
        qWarning("not every connection was established within %d ms", AnswerTimeoutMs);
        return {};
    }
    for (auto &c : connections)
        c->send(httpRequest("GET", QStringLiteral("/healthz")));
    const bool ready = QTest::qWaitFor(
        [&] {
            return std::all_of(
                connections.cbegin(), connections.cend(), [](const auto &c) { return c->responses().size() == 1; });
        },
        AnswerTimeoutMs);
    for (size_t i = 0; i < connections.size(); ++i) {
        RawHttpConnection &c = *connections.at(i);
        if (!ready || !c.isConnected() || c.responses().value(0).status != 200) {
            qWarning("connection %d not ready: %s", int(i), qPrintable(c.socket().errorString()));
            return {};
        }
    }
    return connections;
}

QList<HttpResult> TestGroupCommit::publishAtOnce(Connections &connections, const QList<QJsonObject> &bodies)
{
    Q_ASSERT(connections.size() >= size_t(bodies.size()));
    QList<qsizetype> before;
    for (qsizetype i = 0; i < bodies.size(); ++i)
        before.append(connections.at(i)->responses().size());
    // No return to the event loop in between: the server finds all of them readable at once.
    for (qsizetype i = 0; i < bodies.size(); ++i)
        connections.at(i)->send(httpRequest("POST", NotificationsPath, m_admin->token(), bodies.at(i)));
    const bool answered = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < bodies.size(); ++i) {
                if (connections.at(i)->responses().size() <= before.at(i))
                    return false;
            }
            return true;
        },
        AnswerTimeoutMs);
    if (!answered)
        qWarning("not every publish was answered within %d ms", AnswerTimeoutMs);
    QList<HttpResult> results;
    for (qsizetype i = 0; i < bodies.size(); ++i)
        results.append(connections.at(i)->responses().value(before.at(i)));
    return results;
}

QJsonArray TestGroupCommit::aliceInbox()
{
    const HttpResult r = m_alice->get(NotificationsPath + QStringLiteral("?limit=100"));
    if (r.status != 200)
        qWarning("inbox: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("notifications")).toArray();
}

void TestGroupCommit::concurrentPublishes_allAnswered202_withDistinctOrderedSeqs()
{
    constexpr int count = 40;
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));

    Connections connections = openConnections(count);
    QCOMPARE(int(connections.size()), count);
    QList<QJsonObject> bodies;
    for (int i = 0; i < count; ++i)
        bodies.append(publishBody(QStringLiteral("n%1").arg(i)));

    const int commitsBefore = walCommits(dbPath());
    QVERIFY(commitsBefore >= 0);
    const QList<HttpResult> results = publishAtOnce(connections, bodies);
    const int commits = walCommits(dbPath()) - commitsBefore;

    QSet<QString> ids;
    for (int i = 0; i < count; ++i) {
        const HttpResult &r = results.at(i);
        QVERIFY2(r.status == 202,
            qPrintable(QStringLiteral("publish %1: %2 %3").arg(i).arg(r.status).arg(QString::fromUtf8(r.body))));
        QCOMPARE(r.json.value(QStringLiteral("recipients")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        ids.insert(r.json.value(QStringLiteral("id")).toString());
    }
    ids.remove(QString());
    QCOMPARE(ids.size(), count);
    // Concurrent publishes share transactions (one per batch), and every one is committed.
    qInfo("%d publishes in %d commits", count, commits);
    QVERIFY2(commits >= 1 && commits < count, qPrintable(QStringLiteral("%1 commits").arg(commits)));

    // The inbox: every publish once, seqs exactly 1..40.
    const QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), count);
    QHash<qint64, QString> idBySeq;
    for (const QJsonValue &v : inbox) {
        const QJsonObject n = v.toObject();
        idBySeq.insert(n.value(QStringLiteral("seq")).toInteger(), n.value(QStringLiteral("id")).toString());
    }
    QSet<QString> inboxIds;
    for (qint64 seq = 1; seq <= count; ++seq) {
        QVERIFY2(idBySeq.contains(seq), qPrintable(QStringLiteral("no seq %1 in the inbox").arg(seq)));
        inboxIds.insert(idBySeq.value(seq));
    }
    QCOMPARE(inboxIds, ids);
    QCOMPARE(m_server->server().store().headSeq(m_aliceId), count);

    // The stream: the same notifications with the same seqs, in seq order, then the badge.
    for (qint64 seq = 1; seq <= count; ++seq) {
        const auto n = ws.waitFor(QStringLiteral("notification"));
        QVERIFY2(n, qPrintable(QStringLiteral("notification %1 missing").arg(seq)));
        QCOMPARE(n->data.value(QStringLiteral("seq")).toInteger(), seq);
        QCOMPARE(n->data.value(QStringLiteral("id")).toString(), idBySeq.value(seq));
    }
    const auto badge = ws.waitFor(QStringLiteral("badge"));
    QVERIFY(badge);
    QCOMPARE(badge->data.value(QStringLiteral("total")).toInteger(), count);
    ws.drain();
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY2(f.event != QLatin1String("notification") && f.event != QLatin1String("badge"),
            qPrintable(QStringLiteral("unexpected %1 after the last badge").arg(f.event)));
}

void TestGroupCommit::batchedPublish_isDurableBeforeTheReply()
{
    constexpr int count = 5;
    Connections connections = openConnections(count);
    QCOMPARE(int(connections.size()), count);
    // At the moment each 202 arrives, before the server runs again, another
    // connection to the database file must already see the notification.
    QHash<QString, int> seenAtReply;
    for (auto &c : connections) {
        c->onResponse = [&](const HttpResult &r) {
            const QString id = r.json.value(QStringLiteral("id")).toString();
            seenAtReply.insert(id,
                inspect(dbPath(),
                    QStringLiteral("SELECT COUNT(*) FROM inbox i JOIN messages m"
                                   " ON m.id = i.message_id WHERE i.message_id = ?"
                                   " AND i.user_id = ?"),
                    {id, m_aliceId})
                    .toInt());
        };
    }
    QList<QJsonObject> bodies;
    for (int i = 0; i < count; ++i)
        bodies.append(publishBody(QStringLiteral("durable %1").arg(i)));
    const QList<HttpResult> results = publishAtOnce(connections, bodies);
    QStringList ids;
    for (const HttpResult &r : results) {
        QCOMPARE(r.status, 202);
        const QString id = r.json.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(seenAtReply.value(id, -1), 1);
        ids << id;
    }
    connections.clear();

    m_server->stop();
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_alice->login(QStringLiteral("alice"), Password).status, 200);
    const QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), count);
    QStringList stored;
    for (const QJsonValue &v : inbox)
        stored << v.toObject().value(QStringLiteral("id")).toString();
    stored.sort();
    ids.sort();
    QCOMPARE(stored, ids);
}

void TestGroupCommit::commitFails_wholeBatchAnswered503_nothingStored()
{
    // The 202 depends on the commit: while another connection holds the database's
    // write lock, the batch's transaction cannot start (after the store's 5 s busy
    // timeout), and every publish of it is refused, none half-answered.
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    constexpr int count = 3;
    Connections connections = openConnections(count);
    QCOMPARE(int(connections.size()), count);
    QList<QJsonObject> bodies;
    for (int i = 0; i < count; ++i)
        bodies.append(publishBody(QStringLiteral("blocked %1").arg(i)));

    const QString lockName = QStringLiteral("write-lock");
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockName);
        locker.setDatabaseName(dbPath());
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("database is locked")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("publish batch of \\d+ not stored")));
        for (int i = 0; i < count; ++i)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST.*/api/notifications.*503")));
        const QList<HttpResult> refused = publishAtOnce(connections, bodies);
        for (const HttpResult &r : refused) {
            QVERIFY2(r.status == 503, qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
            QCOMPARE(r.errorCode(), QStringLiteral("UNAVAILABLE"));
        }
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(lockName);

    // Nothing of the batch was stored or sent.
    QCOMPARE(aliceInbox().size(), 0);
    QCOMPARE(m_server->server().store().headSeq(m_aliceId), 0);
    QCOMPARE(inspect(dbPath(), QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 0);

    // Once the lock is gone, the same connections publish again, from seq 1.
    const QList<HttpResult> accepted = publishAtOnce(connections, bodies);
    for (const HttpResult &r : accepted)
        QCOMPARE(r.status, 202);
    for (qint64 seq = 1; seq <= count; ++seq) {
        const auto n = ws.waitFor(QStringLiteral("notification"));
        QVERIFY(n);
        QCOMPARE(n->data.value(QStringLiteral("seq")).toInteger(), seq);
    }
}

void TestGroupCommit::clientGoneBeforeReply_serverKeepsServing_data()
{
    QTest::addColumn<QByteArray>("extraHeaders");
    QTest::addColumn<bool>("graceful");
    QTest::newRow("aborted right after sending") << QByteArray() << false;
    QTest::newRow("closed right after sending") << QByteArray() << true;
    QTest::newRow("aborted after asking to close") << QByteArray("Connection: close\r\n") << false;
}

void TestGroupCommit::clientGoneBeforeReply_serverKeepsServing()
{
    QFETCH(QByteArray, extraHeaders);
    QFETCH(bool, graceful);
    {
        RawHttpConnection gone(m_server->port());
        QVERIFY(QTest::qWaitFor([&] { return gone.isConnected(); }, AnswerTimeoutMs));
        gone.send(httpRequest(
            "POST", NotificationsPath, m_admin->token(), publishBody(QStringLiteral("orphan")), extraHeaders));
        QCOMPARE(gone.socket().bytesToWrite(), 0); // all of it is with the kernel
        if (graceful)
            gone.socket().disconnectFromHost();
        else
            gone.socket().abort();
        QVERIFY(gone.responses().isEmpty());
    }

    // The request was complete and valid: it is stored, and its answer goes nowhere.
    Tidings::Server::Store &store = m_server->server().store();
    QVERIFY(QTest::qWaitFor([&] { return store.headSeq(m_aliceId) == 1; }, AnswerTimeoutMs));
    QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), 1);
    QCOMPARE(inbox.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("orphan"));

    // And the server goes on answering publishes.
    Connections next = openConnections(1);
    QCOMPARE(int(next.size()), 1);
    const QList<HttpResult> results = publishAtOnce(next, {publishBody(QStringLiteral("after"))});
    QCOMPARE(results.at(0).status, 202);
    const HttpResult viaQnam = m_admin->post(NotificationsPath, publishBody(QStringLiteral("after, too")));
    QCOMPARE(viaQnam.status, 202);
    inbox = aliceInbox();
    QCOMPARE(inbox.size(), 3);
    QCOMPARE(inbox.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 3);
    QCOMPARE(inbox.at(0).toObject().value(QStringLiteral("id")).toString(),
        viaQnam.json.value(QStringLiteral("id")).toString());
}

void TestGroupCommit::idempotencyKey_twiceInOneBatch_createsOne()
{
    WsTestClient ws;
    QVERIFY(ws.open(m_server->wsUrl(), m_alice->token()));
    QVERIFY(ws.waitFor(QStringLiteral("welcome")));
    Connections connections = openConnections(2);
    QCOMPARE(int(connections.size()), 2);
    QJsonObject body = publishBody(QStringLiteral("once"));
    body.insert(QStringLiteral("idempotencyKey"), QStringLiteral("order-42-shipped"));

    const int commitsBefore = walCommits(dbPath());
    const QList<HttpResult> results = publishAtOnce(connections, {body, body});
    QCOMPARE(walCommits(dbPath()) - commitsBefore, 1); // both in one batch

    QCOMPARE(results.at(0).status, 202);
    QCOMPARE(results.at(1).status, 202);
    const QString id = results.at(0).json.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(results.at(1).json.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(results.at(1).json, results.at(0).json);

    const QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), 1);
    QCOMPARE(inbox.at(0).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(m_server->server().store().headSeq(m_aliceId), 1);
    QCOMPARE(inspect(dbPath(), QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);

    // The replay is not fanned out a second time.
    const auto n = ws.waitFor(QStringLiteral("notification"));
    QVERIFY(n);
    QCOMPARE(n->data.value(QStringLiteral("id")).toString(), id);
    ws.drain();
    for (const WsTestClient::Frame &f : ws.pending())
        QVERIFY(f.event != QLatin1String("notification"));
}

void TestGroupCommit::mixedBatch_validationErrorsAnsweredAtOnce_data()
{
    // V: valid; T: title longer than 255 characters; U: an unknown recipient (refused
    // by the publish service itself, while the handler is still running).
    QTest::addColumn<QString>("pattern");
    QTest::newRow("alternating") << QStringLiteral("VTVTVTVT");
    QTest::newRow("invalid first") << QStringLiteral("TTTVVV");
    QTest::newRow("invalid last") << QStringLiteral("VVVTTT");
    QTest::newRow("one valid among invalid") << QStringLiteral("TTVTT");
    QTest::newRow("all invalid") << QStringLiteral("TTTT");
    QTest::newRow("unknown recipients mixed in") << QStringLiteral("VUTVUV");
}

void TestGroupCommit::mixedBatch_validationErrorsAnsweredAtOnce()
{
    QFETCH(QString, pattern);
    Connections connections = openConnections(int(pattern.size()));
    QCOMPARE(int(connections.size()), int(pattern.size()));
    QList<QJsonObject> bodies;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        QJsonObject body = publishBody(QStringLiteral("item %1").arg(i));
        if (pattern.at(i) == QLatin1Char('T'))
            body.insert(QStringLiteral("title"), QString(256, QLatin1Char('t')));
        else if (pattern.at(i) == QLatin1Char('U'))
            body.insert(QStringLiteral("recipients"), QJsonArray {m_aliceId, QStringLiteral("nobody-here")});
        bodies.append(body);
    }

    const QList<HttpResult> results = publishAtOnce(connections, bodies);
    QSet<QString> accepted;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const HttpResult &r = results.at(i);
        const QString what = QStringLiteral("item %1 (%2): %3 %4")
                                 .arg(i)
                                 .arg(pattern.at(i))
                                 .arg(r.status)
                                 .arg(QString::fromUtf8(r.body));
        if (pattern.at(i) == QLatin1Char('V')) {
            QVERIFY2(r.status == 202, qPrintable(what));
            accepted.insert(r.json.value(QStringLiteral("id")).toString());
        } else {
            QVERIFY2(r.status == 400, qPrintable(what));
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(r.errorField(),
                pattern.at(i) == QLatin1Char('T') ? QStringLiteral("title") : QStringLiteral("recipients"));
        }
    }
    accepted.remove(QString());
    const int valid = int(pattern.count(QLatin1Char('V')));
    QCOMPARE(accepted.size(), valid);

    // Only the valid ones are stored, with seqs 1..n and nothing skipped.
    const QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), valid);
    QSet<QString> stored;
    for (int i = 0; i < inbox.size(); ++i) {
        const QJsonObject n = inbox.at(i).toObject();
        QCOMPARE(n.value(QStringLiteral("seq")).toInteger(), valid - i);
        stored.insert(n.value(QStringLiteral("id")).toString());
    }
    QCOMPARE(stored, accepted);
    QCOMPARE(m_server->server().store().headSeq(m_aliceId), valid);

    // Every connection, the refused ones included, is still usable.
    const QList<HttpResult> again
        = publishAtOnce(connections, QList<QJsonObject>(pattern.size(), publishBody(QStringLiteral("again"))));
    for (const HttpResult &r : again)
        QCOMPARE(r.status, 202);
}

void TestGroupCommit::pipelinedRefusalAfterPublish_answersInOrder_data()
{
    // A publish and, in the same write, a request the connection guard refuses
    // before QHttpServer sees it (and then closes the connection).
    QTest::addColumn<QByteArray>("refused");
    QTest::addColumn<int>("status");
    QTest::newRow("body too large") << QByteArray("POST /api/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n")
                                    << 413;
    QTest::newRow("malformed") << QByteArray("NOT HTTP AT ALL\r\n\r\n") << 400;
}

void TestGroupCommit::pipelinedRefusalAfterPublish_answersInOrder()
{
    QFETCH(QByteArray, refused);
    QFETCH(int, status);
    Connections connections = openConnections(1);
    QCOMPARE(int(connections.size()), 1);
    RawHttpConnection &c = *connections.front();
    c.send(
        httpRequest("POST", NotificationsPath, m_admin->token(), publishBody(QStringLiteral("pipelined"))) + refused);
    QVERIFY(QTest::qWaitFor([&] { return !c.isConnected(); }, AnswerTimeoutMs));

    // The publish is stored either way...
    const QJsonArray inbox = aliceInbox();
    QCOMPARE(inbox.size(), 1);
    // ...and HTTP/1.1 answers in request order: its 202 first, then the refusal.
    const QList<HttpResult> answers = c.responses().mid(1); // after the warm-up
    QVERIFY(!answers.isEmpty());
    QCOMPARE(answers.at(0).status, 202);
    QCOMPARE(answers.at(0).json.value(QStringLiteral("id")).toString(),
        inbox.at(0).toObject().value(QStringLiteral("id")).toString());
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(1).status, status);
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_group_commit.moc"
