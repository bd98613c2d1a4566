// libtidings' client core against a real tidingsd: two devices of one user, an
// offline queue, server restarts, token expiry and a randomized interleaving.
// "Offline" is a real TCP relay that cuts and refuses connections (TcpProxy).
#include "client/BadgeState.h"
#include "client/ClientSession.h"
#include "client/CredentialStore.h"
#include "client/NotificationStore.h"
#include "client/OfflineQueue.h"
#include "client/ReadSync.h"
#include "client/StreamSync.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"
#include "models/TopicListModel.h"
#include "store/Store.h"
#include "support/HttpTestClient.h"
#include "support/TcpProxy.h"
#include "support/TestMain.h"
#include "support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

using namespace Tidings;
using namespace Tidings::Client;
using namespace Tidings::Test;
using namespace std::chrono_literals;

namespace {

constexpr int kSettleMs = 15000;
const QString kPassword = QStringLiteral("password-123");

// One device: a ClientSession behind its own relay, with the list model and a
// filter over it, each watched by a QAbstractItemModelTester for the device's life.
struct Device
{
    QString name;
    QString storePath;
    QString deviceId;
    std::unique_ptr<TcpProxy> proxy;
    std::unique_ptr<ClientSession> session;
    std::unique_ptr<NotificationListModel> model;
    std::unique_ptr<NotificationFilterModel> unreadView;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> viewTester;

    ~Device()
    {
        // Models and testers refer to the store: they go before the session.
        viewTester.reset();
        modelTester.reset();
        unreadView.reset();
        model.reset();
        session.reset();
    }

    [[nodiscard]] NotificationStore &store() const { return *session->store(); }
    [[nodiscard]] bool quiet() const
    {
        return session->isSynced() && session->pendingOperations() == 0 && session->readSync()->inFlight() == 0
            && store().idsWithLocalState().isEmpty();
    }
    void setOnline(bool online) const { proxy->setOnline(online); }
};

struct ServerView
{
    QStringList ids; // newest first
    QSet<QString> read;
    QSet<QString> undelivered; // status still `pending`: no device acknowledged it
    qint64 headSeq = 0;
    UnreadCounts unread;

    friend bool operator==(const ServerView &a, const ServerView &b)
    {
        return a.ids == b.ids && a.read == b.read && a.undelivered == b.undelivered && a.headSeq == b.headSeq
            && a.unread == b.unread;
    }
};

} // namespace

class TstClientSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_userId;
    QString m_username;
    int m_users = 0;

    void startServer(const std::function<void(Server::ServerConfig &)> &tweak = {})
    {
        m_server = std::make_unique<TestServer>([&](Server::ServerConfig &c) {
            c.heartbeatSec = 1;
            if (tweak)
                tweak(c);
        });
        QVERIFY(m_server->isRunning());
        m_admin = std::make_unique<HttpTestClient>(m_server->url());
        QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
        m_username = QStringLiteral("user%1").arg(++m_users);
        m_userId = m_admin->createUser(m_username);
        QVERIFY(!m_userId.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
    }

    std::unique_ptr<Device> makeDevice(const QString &name, const QString &deviceId = {})
    {
        auto d = std::make_unique<Device>();
        d->name = name;
        d->storePath = m_dir->filePath(name + QStringLiteral(".sqlite"));
        d->deviceId = deviceId;
        d->proxy = std::make_unique<TcpProxy>(m_server->port());
        openSession(*d);
        return d;
    }

    // `beforeSignIn` runs on the new session before it signs in: waiting for the
    // sign-in spins the event loop, so anything that must see the first sync has to be
    // set up here.
    void openSession(Device &d, const std::function<void(ClientSession &)> &beforeSignIn = {})
    {
        ClientSession::Options o;
        o.server = d.proxy->url();
        o.deviceName = d.name;
        o.deviceId = d.deviceId;
        o.storePath = d.storePath;
        d.session = std::make_unique<ClientSession>(o);
        Connection &c = d.session->connection();
        c.setReconnectPolicy({10ms, 200ms, 60s});
        c.setHeartbeatInterval(500ms);
        QSignalSpy signedIn(d.session.get(), &ClientSession::signedInChanged);
        QSignalSpy failed(d.session.get(), &ClientSession::signInFailed);
        if (beforeSignIn)
            beforeSignIn(*d.session);
        d.session->signIn(m_username, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty() || !failed.isEmpty(), kSettleMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<ProtocolError>().message));
        d.deviceId = d.session->deviceId();
        d.session->readSync()->setRetryInterval(50ms);
        d.model = std::make_unique<NotificationListModel>(*d.session->store());
        d.model->setApiClient(&d.session->api());
        d.modelTester = std::make_unique<QAbstractItemModelTester>(
            d.model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        d.unreadView = std::make_unique<NotificationFilterModel>();
        d.unreadView->setSourceModel(d.model.get());
        d.unreadView->setUnreadOnly(true);
        d.viewTester = std::make_unique<QAbstractItemModelTester>(
            d.unreadView.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // Publishes `count` notifications to the user; returns their ids (oldest first).
    QStringList publish(int count, const QString &topic = QStringLiteral("orders"))
    {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"),
                {{QStringLiteral("recipients"), QJsonArray {m_userId}}, {QStringLiteral("topic"), topic},
                    {QStringLiteral("title"), QStringLiteral("n%1").arg(i)},
                    {QStringLiteral("message"), QStringLiteral("message %1").arg(i)}});
            if (r.status != 202) {
                qWarning() << "publish failed:" << r.status << r.body;
                return ids;
            }
            ids.append(r.json.value(QStringLiteral("id")).toString());
        }
        return ids;
    }

    ServerView serverView()
    {
        HttpTestClient user(m_server->url());
        ServerView view;
        if (user.login(m_username, kPassword).status != 200)
            return view;
        for (int page = 1;; ++page) {
            const HttpResult r = user.get(QStringLiteral("/api/notifications?limit=100&page=%1").arg(page));
            for (const QJsonValue &v : r.json.value(QStringLiteral("notifications")).toArray()) {
                const QJsonObject n = v.toObject();
                view.ids.append(n.value(QStringLiteral("id")).toString());
                if (!n.value(QStringLiteral("readAt")).isNull())
                    view.read.insert(n.value(QStringLiteral("id")).toString());
                if (n.value(QStringLiteral("status")).toString() == QLatin1String(Status::Pending))
                    view.undelivered.insert(n.value(QStringLiteral("id")).toString());
            }
            view.headSeq = r.json.value(QStringLiteral("headSeq")).toInteger();
            view.unread = UnreadCounts::fromJson(r.json.value(QStringLiteral("unread")).toObject());
            if (!r.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasNext")).toBool())
                break;
        }
        return view;
    }

    // The stream's events of one kind since the start (GET /api/stream).
    QList<QJsonObject> streamEvents(const QString &kind)
    {
        HttpTestClient user(m_server->url());
        user.login(m_username, kPassword);
        const QString epoch
            = user.get(QStringLiteral("/api/notifications?limit=1")).json.value(QStringLiteral("epoch")).toString();
        QList<QJsonObject> out;
        qint64 since = 0;
        for (;;) {
            const HttpResult r
                = user.get(QStringLiteral("/api/stream?epoch=%1&sinceSeq=%2&limit=500").arg(epoch).arg(since));
            const QJsonArray events = r.json.value(QStringLiteral("events")).toArray();
            for (const QJsonValue &v : events) {
                const QJsonObject e = v.toObject();
                since = e.value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInteger();
                if (e.value(QStringLiteral("event")).toString() == kind)
                    out.append(e.value(QStringLiteral("data")).toObject());
            }
            if (!r.json.value(QStringLiteral("hasMore")).toBool() || events.isEmpty())
                break;
        }
        return out;
    }

    // What a store file's offline queue holds (opened on its own, as the app would).
    static int queuedIn(const QString &path)
    {
        NotificationStore store(path);
        if (!store.open())
            return -1;
        OfflineQueue queue(store);
        return queue.load() ? queue.count() : -1;
    }

    // Waits until every device is in sync with nothing pending and at the server's
    // head, then checks each store and badge against the server.
    void verifyConverged(const QList<Device *> &devices)
    {
        // Fetching the server's view runs the event loop, during which the devices
        // may still finish work: quiet devices between two equal views is convergence.
        ServerView view;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                view = serverView();
                for (Device *d : devices) {
                    if (!d->quiet() || d->store().position().lastSeq != view.headSeq)
                        return false;
                }
                return serverView() == view;
            }(),
            kSettleMs);
        for (Device *d : devices) {
            const QList<InboxEntry> local = d->store().page(0, 100000);
            QStringList ids;
            QSet<QString> read;
            for (const InboxEntry &e : local) {
                ids.append(e.notification.id);
                if (e.isRead())
                    read.insert(e.notification.id);
            }
            // The same notifications in the same order, the same read state.
            QCOMPARE(ids, view.ids);
            QVERIFY2(read == view.read,
                qPrintable(
                    QStringLiteral("%1: read locally only: %2; read on the server only: %3")
                        .arg(d->name, QStringList(QSet(read).subtract(view.read).values()).join(QLatin1Char(',')),
                            QStringList(QSet(view.read).subtract(read).values()).join(QLatin1Char(',')))));
            QCOMPARE(d->session->badge()->counts(), view.unread);
            // Every notification reached a device, which said so (`ack`).
            QVERIFY2(
                view.undelivered.isEmpty(), qPrintable(QStringList(view.undelivered.values()).join(QLatin1Char(','))));
            QCOMPARE(d->store().serverUnread(), view.unread);
            // The model shows the store (the model loads lazily: fetch everything).
            while (d->model->canFetchMore({}))
                d->model->fetchMore({});
            QCOMPARE(d->model->rowCount(), int(view.ids.size()));
            for (int row = 0; row < d->model->rowCount(); ++row)
                QCOMPARE(d->model->idAt(row), view.ids.at(row));
            QCOMPARE(d->unreadView->rowCount(), int(view.ids.size() - view.read.size()));
        }
    }

private Q_SLOTS:
    void init() { startServer(); }

    void cleanup()
    {
        m_admin.reset();
        m_server.reset();
        m_dir.reset();
    }

    void offlineReads_replayedOnReconnect_showAsReadOnOtherDevice()
    {
        auto a = makeDevice(QStringLiteral("A"));
        auto b = makeDevice(QStringLiteral("B"));
        const QStringList ids = publish(5);
        QCOMPARE(ids.size(), 5);
        verifyConverged({a.get(), b.get()});
        QCOMPARE(b->session->badge()->unreadTotal(), 5);

        a->setOnline(false);
        QTRY_COMPARE(a->session->state(), Connection::State::Reconnecting);
        a->session->markRead({ids.at(0), ids.at(1)});
        a->session->markRead({ids.at(1)}); // read twice: queued once
        a->session->remove({ids.at(4)});
        // Optimistic on A, unknown to B and the server.
        QCOMPARE(a->session->pendingOperations(), 2);
        QCOMPARE(a->session->badge()->unreadTotal(), 2);
        QCOMPARE(a->session->badge()->unreadFor(QStringLiteral("orders")), 2);
        QCOMPARE(a->model->rowCount(), 4);
        QCOMPARE(a->model->data(a->model->index(a->model->rowOf(ids.at(0))), NotificationListModel::SyncPendingRole),
            QVariant(true));
        QCOMPARE(b->session->badge()->unreadTotal(), 5);

        a->setOnline(true);
        verifyConverged({a.get(), b.get()});
        QCOMPARE(b->session->badge()->unreadTotal(), 2);
        QCOMPARE(b->model->rowCount(), 4);
        QCOMPARE(b->model->data(b->model->index(b->model->rowOf(ids.at(0))), NotificationListModel::IsReadRole),
            QVariant(true));
        QCOMPARE(streamEvents(QStringLiteral("read")).size(), 1);
    }

    void queuedOperations_afterRestartOfTheApp_areSentOnce()
    {
        auto a = makeDevice(QStringLiteral("A"));
        const QStringList ids = publish(4);
        verifyConverged({a.get()});
        a->setOnline(false);
        QTRY_COMPARE(a->session->state(), Connection::State::Reconnecting);
        a->session->markRead({ids.at(0)});
        a->session->markAllRead(QStringLiteral("orders"));
        a->session->markUnread({ids.at(2)});
        a->session->remove({ids.at(3)});
        QCOMPARE(a->session->pendingOperations(), 4);

        // Stop the app with its queue; keep a copy of the file as it was then, to
        // play a crash that happened after sending but before the replies.
        const QString path = a->storePath;
        const QString deviceId = a->deviceId;
        a.reset();
        const QString copy = m_dir->filePath(QStringLiteral("A-copy.sqlite"));
        QVERIFY(QFile::copy(path, copy));

        QCOMPARE(queuedIn(path), 4);
        auto again = std::make_unique<Device>();
        again->name = QStringLiteral("A");
        again->storePath = path;
        again->deviceId = deviceId;
        again->proxy = std::make_unique<TcpProxy>(m_server->port());
        openSession(*again);
        verifyConverged({again.get()});
        const int reads = int(streamEvents(QStringLiteral("read")).size());
        const int readAlls = int(streamEvents(QStringLiteral("readAll")).size());
        const int unreads = int(streamEvents(QStringLiteral("unread")).size());
        const int deletes = int(streamEvents(QStringLiteral("deleted")).size());
        QCOMPARE(reads, 1);
        QCOMPARE(readAlls, 1);
        QCOMPARE(unreads, 1);
        QCOMPARE(deletes, 1);
        const ServerView view = serverView();
        QCOMPARE(view.ids.size(), 3);
        QCOMPARE(view.unread.total, 1); // ids[2], unread after the read-all

        // The crashed copy replays the same operation ids: the server applies none again.
        QCOMPARE(queuedIn(copy), 4);
        auto crashed = std::make_unique<Device>();
        crashed->name = QStringLiteral("A-copy");
        crashed->storePath = copy;
        crashed->deviceId = deviceId;
        crashed->proxy = std::make_unique<TcpProxy>(m_server->port());
        openSession(*crashed);

        verifyConverged({again.get(), crashed.get()});
        QCOMPARE(streamEvents(QStringLiteral("read")).size(), reads);
        QCOMPARE(streamEvents(QStringLiteral("readAll")).size(), readAlls);
        QCOMPARE(streamEvents(QStringLiteral("unread")).size(), unreads);
        QCOMPARE(streamEvents(QStringLiteral("deleted")).size(), deletes);
    }

    void serverRestart_midSession_bothDevicesResumeWithoutGapsOrDuplicates()
    {
        auto a = makeDevice(QStringLiteral("A"));
        auto b = makeDevice(QStringLiteral("B"));
        publish(20);
        verifyConverged({a.get(), b.get()});
        QSignalSpy resyncsA(a->session->streamSync(), &StreamSync::resynced);
        QSignalSpy arrivedA(a->session.get(), &ClientSession::notificationsArrived);

        QVERIFY(m_server->restart());
        m_admin = std::make_unique<HttpTestClient>(m_server->url());
        QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
        // Published while the clients are still reconnecting.
        publish(15);
        a->session->markRead({serverView().ids.mid(0, 3)});
        publish(5, QStringLiteral("deploys"));
        verifyConverged({a.get(), b.get()});
        QCOMPARE(resyncsA.size(), 0); // resumed, not reloaded
        int arrived = 0;
        for (const QList<QVariant> &call : std::as_const(arrivedA))
            arrived += int(call.at(0).value<QList<Notification>>().size());
        QCOMPARE(arrived, 20); // each new notification exactly once
        QCOMPARE(a->store().count(), 40);
    }

    void accessTokenExpiry_midConnection_refreshedWithoutLosingEvents_data()
    {
        QTest::addColumn<bool>("proactive");
        QTest::newRow("refreshed before expiry, same connection") << true;
        QTest::newRow("server closes 4401, client refreshes and resumes") << false;
    }

    void accessTokenExpiry_midConnection_refreshedWithoutLosingEvents()
    {
        QFETCH(bool, proactive);
        startServer([](Server::ServerConfig &c) { c.accessTokenTtlSec = 3; });
        // The publisher outlives access tokens too: it uses an API token.
        const HttpResult token = m_admin->post(QStringLiteral("/api/tokens"),
            {{QStringLiteral("name"), QStringLiteral("publisher")},
                {QStringLiteral("scopes"), QJsonArray {QStringLiteral("publish")}}});
        QCOMPARE(token.status, 201);
        m_admin->setToken(token.json.value(QStringLiteral("token")).toString());
        auto a = makeDevice(QStringLiteral("A"));
        a->session->connection().setRefreshMargin(proactive ? 1000ms : 0ms);
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced(), kSettleMs);
        QSignalSpy lost(&a->session->connection(), &Connection::connectionLost);
        QSignalSpy rotated(a->session.get(), &ClientSession::credentialsChanged);

        // Publish across several token lifetimes.
        QStringList ids;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 5000) {
            ids += publish(1);
            QTest::qWait(100); // spreads the publishes over time; not a synchronisation
        }
        verifyConverged({a.get()});
        QCOMPARE(a->store().count(), int(ids.size()));
        // Tokens last 3 s: over 5 s a proactive client refreshes at least twice, a
        // client that waits for the server's 4401 at least once.
        QVERIFY2(rotated.size() >= (proactive ? 2 : 1), "the access token was refreshed");
        if (proactive)
            QCOMPARE(lost.size(), 0);
        else
            QVERIFY(lost.size() >= 1);
        QCOMPARE(a->session->state(), Connection::State::Online);
    }

    void refreshTokenRevoked_goesToSignedOut_andSaysWhy()
    {
        auto a = makeDevice(QStringLiteral("A"));
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced(), kSettleMs);
        QCOMPARE(
            m_admin->patch(QStringLiteral("/api/admin/users/") + m_userId, {{QStringLiteral("disabled"), true}}).status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(a->session->state(), Connection::State::SignedOut, kSettleMs);
        QVERIFY(!a->session->connection().lastError().isEmpty());
    }

    void resync_afterEventsWerePruned_reloadsTheInboxAndResumesFromItsHead()
    {
        auto a = makeDevice(QStringLiteral("A"));
        auto b = makeDevice(QStringLiteral("B"));
        const QStringList ids = publish(3);
        verifyConverged({a.get(), b.get()});
        a->setOnline(false);
        QTRY_COMPARE(a->session->state(), Connection::State::Reconnecting);
        b->session->markRead({ids.at(0)});
        b->session->remove({ids.at(1)});
        publish(2);
        verifyConverged({b.get()});
        // What A missed is no longer in the server's stream.
        QVERIFY(m_server->server().store().pruneEvents(QDateTime::currentDateTimeUtc().addSecs(60)) > 0);
        publish(1);
        QSignalSpy resynced(a->session->streamSync(), &StreamSync::resynced);
        QSignalSpy reset(a->model.get(), &QAbstractItemModel::modelReset);
        a->setOnline(true);
        QTRY_VERIFY_WITH_TIMEOUT(!resynced.isEmpty(), kSettleMs);
        QVERIFY(!reset.isEmpty());
        verifyConverged({a.get(), b.get()});
        QCOMPARE(a->store().count(), 5);
    }

    void longReplay_isAcknowledgedInFrameSizedBatches()
    {
        auto a = makeDevice(QStringLiteral("A"));
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced(), kSettleMs);
        a->setOnline(false);
        QTRY_COMPARE(a->session->state(), Connection::State::Reconnecting);
        publish(1200);
        QSignalSpy failed(a->session->readSync(), &ReadSync::operationFailed);
        a->setOnline(true);
        verifyConverged({a.get()});
        QCOMPARE(failed.size(), 0);
        QCOMPARE(a->store().count(), 1200);
    }

    void scrollingBack_fetchesOlderPagesFromTheServer()
    {
        publish(130);
        auto a = std::make_unique<Device>();
        a->name = QStringLiteral("A");
        a->storePath = m_dir->filePath(QStringLiteral("A.sqlite"));
        a->proxy = std::make_unique<TcpProxy>(m_server->port());
        // The first reload brings one page of 50. What the store holds right then is
        // that page; the model tester may start fetching older pages at once.
        int firstPage = -1;
        bool completeAfterReload = true;
        openSession(*a, [&](ClientSession &session) {
            // The stream exists once signed in, before the connection opens.
            connect(&session, &ClientSession::signedInChanged, this, [&](bool signedIn) {
                if (!signedIn)
                    return;
                session.streamSync()->setReloadPageSize(50);
                connect(session.streamSync(), &StreamSync::resynced, this, [&] {
                    if (firstPage < 0) {
                        firstPage = a->store().count();
                        completeAfterReload = a->store().isComplete();
                    }
                });
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced(), kSettleMs);
        QCOMPARE(firstPage, 50);
        QVERIFY(!completeAfterReload);
        // The rest arrives from the server as the view scrolls.
        while (a->model->canFetchMore({}) || a->model->isLoading()) {
            if (a->model->canFetchMore({}))
                a->model->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!a->model->isLoading(), kSettleMs);
        }
        QVERIFY(a->store().isComplete());
        verifyConverged({a.get()});
        QCOMPARE(a->model->rowCount(), 130);
    }

    void apiErrors_carryTheServersCodeMessageAndField()
    {
        ApiClient api;
        api.setServer(m_server->url());
        std::optional<Expected<Session>> login;
        api.login(m_username, QStringLiteral("wrong"), {}, {}, nullptr, [&](Expected<Session> s) { login = s; });
        QTRY_VERIFY(login.has_value());
        QVERIFY(!login->ok());
        QCOMPARE(login->error().code, QStringLiteral("UNAUTHORIZED"));
        QVERIFY(!login->error().message.isEmpty());

        login.reset();
        api.login(m_username, kPassword, {}, {}, nullptr, [&](Expected<Session> s) { login = s; });
        QTRY_VERIFY(login.has_value());
        QVERIFY(login->ok());
        std::optional<Expected<QJsonObject>> bad;
        api.send("GET", QStringLiteral("/api/notifications?limit=0"), {}, nullptr,
            [&](Expected<QJsonObject> r) { bad = std::move(r); });
        QTRY_VERIFY(bad.has_value());
        QCOMPARE(bad->error().code, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(bad->error().field, QStringLiteral("limit"));

        // A server that is not there.
        TcpProxy closed(m_server->port());
        closed.setOnline(false);
        api.setServer(closed.url());
        std::optional<Expected<InboxPage>> page;
        api.inbox({}, nullptr, [&](Expected<InboxPage> p) { page = std::move(p); });
        QTRY_VERIFY(page.has_value());
        QCOMPARE(page->error().code, QLatin1String(ClientError::Network));
        QVERIFY(isRetryable(page->error()));
    }

    void savedCredentials_signInSilently_untilSignOutForgetsThem()
    {
        // A real Secret Service when the test script started one, else the opt-in file.
        const bool keyring = qEnvironmentVariable("TIDINGS_TEST_SECRET_SERVICE") == QLatin1String("1");
        CredentialStore credentials(
            QStringLiteral("tidings-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        credentials.setFallbackDirectory(m_dir->path());
        credentials.setInsecureFallbackAllowed(!keyring);

        auto a = std::make_unique<Device>();
        a->name = QStringLiteral("A");
        a->storePath = m_dir->filePath(QStringLiteral("A.sqlite"));
        a->proxy = std::make_unique<TcpProxy>(m_server->port());
        ClientSession::Options o;
        o.server = a->proxy->url();
        o.storePath = a->storePath;
        auto first = std::make_unique<ClientSession>(o);
        first->setCredentialStore(&credentials);
        QSignalSpy saved(first.get(), &ClientSession::credentialsSaved);
        first->signIn(m_username, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), kSettleMs);
        QCOMPARE(saved.first().first().toBool(), !keyring);
        QTRY_VERIFY_WITH_TIMEOUT(first->isSynced(), kSettleMs);
        const QString deviceId = first->deviceId();
        first.reset(); // the app quits without signing out

        o.deviceId = deviceId;
        auto second = std::make_unique<ClientSession>(o);
        second->setCredentialStore(&credentials);
        QSignalSpy savedAgain(second.get(), &ClientSession::credentialsSaved);
        second->signInWithSavedCredentials(m_username);
        QTRY_VERIFY_WITH_TIMEOUT(second->isSynced(), kSettleMs);
        QCOMPARE(second->deviceId(), deviceId);
        QTRY_VERIFY_WITH_TIMEOUT(!savedAgain.isEmpty(), kSettleMs); // the rotated token replaced the old one

        second->signOut();
        QCOMPARE(second->state(), Connection::State::Offline);
        QSignalSpy failed(second.get(), &ClientSession::signInFailed);
        second->signInWithSavedCredentials(m_username);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kSettleMs);
        QVERIFY(!second->isSignedIn());
    }

    void topicList_followsSubscriptionsAndBadge()
    {
        auto a = makeDevice(QStringLiteral("A"));
        TopicListModel topics(a->session->api(), a->session->badge());
        QAbstractItemModelTester tester(&topics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A topic exists once something is published to it.
        HttpTestClient user(m_server->url());
        QCOMPARE(user.login(m_username, kPassword).status, 200);
        QCOMPARE(m_admin
                     ->post(QStringLiteral("/api/notifications"),
                         {{QStringLiteral("topic"), QStringLiteral("deploys")},
                             {QStringLiteral("title"), QStringLiteral("nobody listens yet")}})
                     .status,
            202);
        topics.reload();
        QTRY_VERIFY_WITH_TIMEOUT(topics.rowOf(QStringLiteral("deploys")) >= 0, kSettleMs);
        const int row = topics.rowOf(QStringLiteral("deploys"));
        QCOMPARE(topics.index(row).data(TopicListModel::SubscribedRole).toBool(), false);

        topics.setSubscribed(QStringLiteral("deploys"), true);
        QTRY_VERIFY_WITH_TIMEOUT(
            topics.index(topics.rowOf(QStringLiteral("deploys"))).data(TopicListModel::SubscribedRole).toBool(),
            kSettleMs);
        QCOMPARE(m_admin
                     ->post(QStringLiteral("/api/notifications"),
                         {{QStringLiteral("topic"), QStringLiteral("deploys")},
                             {QStringLiteral("title"), QStringLiteral("for subscribers")}})
                     .status,
            202);
        QTRY_COMPARE_WITH_TIMEOUT(
            topics.index(topics.rowOf(QStringLiteral("deploys"))).data(TopicListModel::UnreadRole).toLongLong(), 1,
            kSettleMs);
        // A direct notification labelled with a topic the user cannot list still shows up.
        publish(2, QStringLiteral("orders"));
        QTRY_COMPARE_WITH_TIMEOUT(
            topics.index(topics.rowOf(QStringLiteral("orders"))).data(TopicListModel::UnreadRole).toLongLong(), 2,
            kSettleMs);
        a->session->markAllRead(QStringLiteral("orders"));
        QTRY_COMPARE_WITH_TIMEOUT(
            topics.index(topics.rowOf(QStringLiteral("orders"))).data(TopicListModel::UnreadRole).toLongLong(), 0,
            kSettleMs);
        verifyConverged({a.get()});
    }

    void reconnect_backsOffWithJitter_andStartsOverAfterAStablePeriod()
    {
        auto a = makeDevice(QStringLiteral("A"));
        Connection &c = a->session->connection();
        QTRY_VERIFY_WITH_TIMEOUT(a->session->isSynced(), kSettleMs);
        c.setReconnectPolicy({20ms, 160ms, 300ms});
        c.setRandomSource([] { return 0.999; }); // always the ceiling
        QSignalSpy states(&c, &Connection::stateChanged);

        a->setOnline(false);
        // Refused attempts: 20, 40, 80, 160, 160 ms... the attempt count climbs.
        QTRY_VERIFY_WITH_TIMEOUT(c.attempt() >= 5, kSettleMs);
        QCOMPARE(c.state(), Connection::State::Reconnecting);
        a->setOnline(true);
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Online, kSettleMs);
        QVERIFY(c.attempt() >= 5); // not yet proven stable
        QTRY_COMPARE_WITH_TIMEOUT(c.attempt(), 0, kSettleMs); // online for `resetAfter`
        verifyConverged({a.get()});
    }

    void randomizedInterleaving_withDisconnects_convergesToTheServer()
    {
        auto a = makeDevice(QStringLiteral("A"));
        auto b = makeDevice(QStringLiteral("B"));
        QList<Device *> devices {a.get(), b.get()};
        QRandomGenerator rng(20261121);
        const QStringList topics {QStringLiteral("orders"), QStringLiteral("deploys"), QStringLiteral("system")};
        QStringList known;
        const int rounds = 300;
        for (int round = 0; round < rounds; ++round) {
            Device *d = devices.at(int(rng.bounded(2)));
            auto pick = [&](int n) {
                QStringList out;
                for (int i = 0; i < n && !known.isEmpty(); ++i)
                    out.append(known.at(int(rng.bounded(quint32(known.size())))));
                out.removeDuplicates();
                return out;
            };
            switch (rng.bounded(10)) {
            case 0:
            case 1:
                known += publish(1 + int(rng.bounded(3)), topics.at(int(rng.bounded(3))));
                break;
            case 2:
            case 3:
                d->session->markRead(pick(1 + int(rng.bounded(3))));
                break;
            case 4:
                d->session->markUnread(pick(1 + int(rng.bounded(2))));
                break;
            case 5:
                d->session->markAllRead(rng.bounded(2) ? topics.at(int(rng.bounded(3))) : QString());
                break;
            case 6:
                d->session->remove(pick(1));
                break;
            case 7:
                d->setOnline(!d->proxy->isOnline());
                break;
            default:
                // Let the event loop run a little, so operations and events interleave.
                QTest::qWait(int(rng.bounded(30)));
                break;
            }
        }
        for (Device *d : devices)
            d->setOnline(true);
        verifyConverged(devices);
        QVERIFY(!serverView().ids.isEmpty());
    }
};

TIDINGS_TEST_MAIN(TstClientSync)
#include "tst_client_sync.moc"
