// The delivery log's backend against a real tidingsd and a real SMTP server that
// refuses dave's address (550, a dead letter at once): the filters by status,
// channel, user (id or username) and creation time are the server's, the details
// show a job's attempts, and a failed delivery is retried.

#include "support/AdminFixture.h"
#include "support/HttpTestClient.h"
#include "support/SmtpSink.h"

#include "DeliveryLogModel.h"

#include "core/ServerConfig.h"
#include "protocol/Notification.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace Tidings;
using namespace Tidings::Test;
using namespace std::chrono_literals;

class TestAdminDeliveryLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void list_newestFirst_withUsernamesAndTimes();
    void filters_statusChannelUser_areTheServers();
    void filters_timeRange_onCreation();
    void customRange_invalidText_fieldErrorAndNoReload();
    void details_showAttempts_retryPutsFailedBackToPending();

private:
    QString publish(const QStringList &recipients, const QString &topic);
    [[nodiscard]] bool settled(const QString &messageId);
    // Sets filters through `change` and waits for the list's answer.
    [[nodiscard]] bool reloaded(const std::function<void()> &change);
    [[nodiscard]] QStringList column(const QByteArray &role) const;

    ManualClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<AdminFixture> m_fixture;
    std::unique_ptr<HttpTestClient> m_admin;
    QHash<QString, QString> m_ids; // username -> id
    QDateTime m_t0;
    QString m_m1; // at t0: alice (sent), dave (failed)
    QString m_m2; // an hour later: alice and bob (sent), dave (failed)
    std::unique_ptr<Admin::DeliveryLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAdminDeliveryLog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SmtpSink::Options options;
    options.rejectRecipients = {QStringLiteral("dave@example.test")};
    m_sink = std::make_unique<SmtpSink>(m_dir.path(), options);
    QString error;
    QVERIFY2(m_sink->start(&error), qPrintable(error));
    const quint16 smtpPort = m_sink->port();
    // Two hours ago to the second, so that the second publish is still in the past.
    m_t0 = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
    m_t0.setTime(QTime(m_t0.time().hour(), m_t0.time().minute(), m_t0.time().second()));
    m_clock.set(m_t0);
    m_fixture = std::make_unique<AdminFixture>(
        [smtpPort](Server::ServerConfig &c) {
            c.email.host = QStringLiteral("127.0.0.1");
            c.email.port = smtpPort;
            c.email.security = Server::Channels::EmailChannel::Security::None;
            c.email.from = QStringLiteral("tidings@example.test");
            c.deliveryPollMs = 20;
        },
        m_clock);
    QVERIFY(m_fixture->signIn());
    m_admin = std::make_unique<HttpTestClient>(m_fixture->server.url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave")}) {
        const QString id = m_admin->createUser(name);
        QVERIFY(!id.isEmpty());
        m_ids.insert(name, id);
        QCOMPARE(m_admin
                     ->patch(QStringLiteral("/api/admin/users/") + id,
                         {{QStringLiteral("email"), QString(name + QLatin1String("@example.test"))}})
                     .status,
            200);
    }
    m_m1 = publish({QStringLiteral("alice"), QStringLiteral("dave")}, QStringLiteral("orders"));
    QVERIFY(settled(m_m1));
    m_clock.advanceSecs(3600);
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_m2 = publish({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave")}, QStringLiteral("deploys"));
    QVERIFY(settled(m_m2));
}

void TestAdminDeliveryLog::cleanupTestCase()
{
    m_admin.reset();
    m_fixture.reset();
    m_sink.reset();
}

void TestAdminDeliveryLog::init()
{
    m_model = std::make_unique<Admin::DeliveryLogModel>();
    m_model->setReloadDelay(0ms);
    m_model->details()->setFollowInterval(20ms);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(reloaded([&] { m_model->setSession(&m_fixture->session); }));
}

void TestAdminDeliveryLog::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QString TestAdminDeliveryLog::publish(const QStringList &recipients, const QString &topic)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"),
        {{QStringLiteral("recipients"), QJsonArray::fromStringList(recipients)}, {QStringLiteral("topic"), topic},
            {QStringLiteral("title"), QStringLiteral("Hello")}});
    if (r.status != 202)
        qWarning() << "publish failed:" << r.status << r.body;
    return r.json.value(QStringLiteral("id")).toString();
}

bool TestAdminDeliveryLog::settled(const QString &messageId)
{
    return QTest::qWaitFor(
        [&] {
            const QList<Server::DeliveryJob> jobs = m_fixture->server.server().store().jobsForMessage(messageId);
            return !jobs.isEmpty() && std::all_of(jobs.cbegin(), jobs.cend(), [](const Server::DeliveryJob &j) {
                return j.state == QLatin1String(Server::JobState::Sent)
                    || j.state == QLatin1String(Server::JobState::Failed);
            });
        },
        20000);
}

bool TestAdminDeliveryLog::reloaded(const std::function<void()> &change)
{
    QSignalSpy spy(m_model.get(), &Admin::ApiListModel::loadFinished);
    change();
    return spy.wait(10000) && m_model->errorMessage().isEmpty();
}

QStringList TestAdminDeliveryLog::column(const QByteArray &role) const
{
    const int r = m_model->roleNames().key(role, -1);
    QStringList out;
    for (int row = 0; row < m_model->rowCount(); ++row)
        out << m_model->index(row).data(r).toString();
    return out;
}

void TestAdminDeliveryLog::list_newestFirst_withUsernamesAndTimes()
{
    QCOMPARE(m_model->count(), 5);
    QVERIFY(m_model->isLoaded());
    QVERIFY(!m_model->isFiltered());
    QCOMPARE(column("messageId"), (QStringList {m_m2, m_m2, m_m2, m_m1, m_m1}));
    QCOMPARE(column("channel"), QStringList(5, QStringLiteral("email")));
    QStringList users = column("userLabel");
    QCOMPARE(users.mid(0, 3).count(QStringLiteral("dave")), 1);
    users.sort();
    QCOMPARE(users,
        (QStringList {QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("dave"),
            QStringLiteral("dave")}));
    QCOMPARE(column("topic").mid(3), QStringList(2, QStringLiteral("orders")));
    for (const QString &text : column("createdText"))
        QVERIFY(!text.isEmpty());
    const QVariantMap row = m_model->get(0);
    QVERIFY(row.contains(QStringLiteral("providerCode")));
    QVERIFY(row.value(QStringLiteral("updatedAt")).toString().endsWith(QLatin1Char('Z')));
}

void TestAdminDeliveryLog::filters_statusChannelUser_areTheServers()
{
    QVERIFY(reloaded([&] { m_model->setStatus(QStringLiteral("failed")); }));
    QVERIFY(m_model->isFiltered());
    QCOMPARE(column("userLabel"), QStringList(2, QStringLiteral("dave")));
    QCOMPARE(column("status"), QStringList(2, QStringLiteral("failed")));
    QCOMPARE(column("providerCode"), QStringList(2, QStringLiteral("550")));
    for (const QString &error : column("lastError"))
        QVERIFY(!error.isEmpty());

    QVERIFY(reloaded([&] { m_model->setStatus(QStringLiteral("sent")); }));
    QCOMPARE(m_model->count(), 3);
    QVERIFY(reloaded([&] { m_model->setChannel(QStringLiteral("push")); }));
    QCOMPARE(m_model->count(), 0);
    QVERIFY(m_model->isLoaded());
    QVERIFY(reloaded([&] { m_model->setChannel(QStringLiteral("email")); }));
    QCOMPARE(m_model->count(), 3);

    // A username or an id.
    QVERIFY(reloaded([&] { m_model->setUser(QStringLiteral("alice")); }));
    QCOMPARE(column("userId"), QStringList(2, m_ids.value(QStringLiteral("alice"))));
    QVERIFY(reloaded([&] {
        m_model->setUser(m_ids.value(QStringLiteral("dave"))); // after a pause, unless...
        m_model->setStatus({}); // ...a filter that reloads at once comes
    }));
    QCOMPARE(column("status"), QStringList(2, QStringLiteral("failed")));
    QVERIFY(reloaded([&] { m_model->setUser(QStringLiteral("nobody")); }));
    QCOMPARE(m_model->count(), 0);

    QVERIFY(reloaded([&] { m_model->clearFilters(); }));
    QCOMPARE(m_model->count(), 5);
    QVERIFY(!m_model->isFiltered());
}

void TestAdminDeliveryLog::filters_timeRange_onCreation()
{
    // From half an hour after the first publish: the second one's jobs.
    QVERIFY(reloaded([&] { m_model->setFrom(m_t0.addSecs(1800)); }));
    QCOMPARE(m_model->range(), Admin::DeliveryLogModel::Range::Custom);
    QCOMPARE(column("messageId"), QStringList(3, m_m2));
    // Until then: the first one's.
    QVERIFY(reloaded([&] {
        m_model->setFrom({});
        m_model->setTo(m_t0.addSecs(1800));
    }));
    QCOMPARE(column("messageId"), QStringList(2, m_m1));
    // Both bounds, [from, to): exactly the first publish.
    QVERIFY(reloaded([&] {
        m_model->setFrom(m_t0);
        m_model->setTo(m_t0.addSecs(1));
    }));
    QCOMPARE(column("messageId"), QStringList(2, m_m1));
    // With the other filters.
    QVERIFY(reloaded([&] {
        m_model->setTo({});
        m_model->setFrom(m_t0.addSecs(1));
        m_model->setStatus(QStringLiteral("failed"));
    }));
    QCOMPARE(column("messageId"), QStringList {m_m2});
    QCOMPARE(column("userLabel"), QStringList {QStringLiteral("dave")});

    // The presets count back from now: both publishes are within 7 days, the last hour has none.
    QVERIFY(reloaded([&] {
        m_model->setStatus({});
        m_model->setRange(Admin::DeliveryLogModel::Range::Last7Days);
    }));
    QCOMPARE(m_model->count(), 5);
    QVERIFY(reloaded([&] { m_model->setRange(Admin::DeliveryLogModel::Range::LastHour); }));
    QCOMPARE(m_model->count(), 0);
    QVERIFY(reloaded([&] { m_model->setRange(Admin::DeliveryLogModel::Range::AnyTime); }));
    QCOMPARE(m_model->count(), 5);
    QVERIFY(!m_model->from().isValid());
}

void TestAdminDeliveryLog::customRange_invalidText_fieldErrorAndNoReload()
{
    // A wrong text names its field and leaves the range the list uses as it was.
    m_model->setCustomFrom(QStringLiteral("yesterday"));
    QCOMPARE(m_model->range(), Admin::DeliveryLogModel::Range::Custom);
    QCOMPARE(m_model->rangeErrorField(), QStringLiteral("from"));
    QVERIFY(!m_model->rangeError().isEmpty());
    QVERIFY(!m_model->from().isValid());
    m_model->setCustomFrom({});
    QVERIFY(m_model->rangeError().isEmpty());
    m_model->setCustomTo(QStringLiteral("2026-13-45 25:00"));
    QCOMPARE(m_model->rangeErrorField(), QStringLiteral("to"));
    m_model->setCustomFrom(Admin::DeliveryLogModel::formatInput(m_t0.addSecs(7200)));
    QCOMPARE(m_model->rangeErrorField(), QStringLiteral("to"));
    m_model->setCustomTo(Admin::DeliveryLogModel::formatInput(m_t0));
    QCOMPARE(m_model->rangeErrorField(), QStringLiteral("from")); // the start is after the end
    QVERIFY(!m_model->from().isValid());
    QVERIFY(!m_model->to().isValid());

    // Minutes in local time, as typed: from the first publish's minute to the next one.
    QVERIFY(reloaded([&] {
        m_model->setCustomFrom(Admin::DeliveryLogModel::formatInput(m_t0));
        m_model->setCustomTo(Admin::DeliveryLogModel::formatInput(m_t0.addSecs(60)));
    }));
    QVERIFY(m_model->rangeError().isEmpty());
    QCOMPARE(m_model->customFrom(), m_t0.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(column("messageId"), QStringList(2, m_m1));
}

void TestAdminDeliveryLog::details_showAttempts_retryPutsFailedBackToPending()
{
    QVERIFY(reloaded([&] { m_model->setStatus(QStringLiteral("failed")); }));
    const QString deadId = m_model->get(0).value(QStringLiteral("id")).toString();
    Admin::DeliveryDetails *details = m_model->details();
    QSignalSpy detailsChanged(details, &Admin::DeliveryDetails::detailsChanged);
    m_model->showDetails(deadId);
    QCOMPARE(details->jobId(), deadId);
    QTRY_VERIFY(details->isLoaded());
    QCOMPARE(details->delivery().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(details->delivery().value(QStringLiteral("userLabel")).toString(), QStringLiteral("dave"));
    QVERIFY(details->canRetry());
    QCOMPARE(details->attempts().size(), 1);
    const QVariantMap attempt = details->attempts().at(0).toMap();
    QCOMPARE(attempt.value(QStringLiteral("event")).toString(), QStringLiteral("failed"));
    QCOMPARE(attempt.value(QStringLiteral("providerCode")).toString(), QStringLiteral("550"));
    QVERIFY(!attempt.value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(!attempt.value(QStringLiteral("atText")).toString().isEmpty());

    // A delivery that did not fail is not retried (the console does not ask); an
    // unknown one is refused by the server.
    QSignalSpy failed(m_model.get(), &Admin::ApiListModel::actionFailed);
    QSignalSpy succeeded(m_model.get(), &Admin::ApiListModel::actionSucceeded);
    QVERIFY(reloaded([&] { m_model->setStatus(QStringLiteral("sent")); }));
    m_model->retry(m_model->get(0).value(QStringLiteral("id")).toString());
    QCOMPARE(failed.count(), 1);
    m_model->retry(QStringLiteral("no-such-job"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.count(), 2);
    QVERIFY(!failed.at(1).at(0).toString().isEmpty());

    // The dead letter goes back to pending; its row and the details say so.
    QVERIFY(reloaded([&] { m_model->setStatus(QStringLiteral("failed")); }));
    QCOMPARE(m_model->indexOf(deadId) >= 0, true);
    m_model->retry(deadId);
    QVERIFY(m_model->isBusy());
    QVERIFY(succeeded.wait(10000));
    QVERIFY(!m_model->isBusy());
    QCOMPARE(
        m_model->get(m_model->indexOf(deadId)).value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(details->delivery().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QVERIFY(!details->canRetry());
    QStringList events;
    for (const QVariant &a : details->attempts())
        events << a.toMap().value(QStringLiteral("event")).toString();
    QCOMPARE(events, (QStringList {QStringLiteral("failed"), QStringLiteral("retried")}));

    // dave's address is still refused: the retry ends as a dead letter again, which
    // the details (following a job that is due) and its row show by themselves.
    QTRY_COMPARE_WITH_TIMEOUT(details->attempts().size(), 3, 20000);
    QCOMPARE(details->attempts().at(2).toMap().value(QStringLiteral("event")).toString(), QStringLiteral("failed"));
    QCOMPARE(details->delivery().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(
        m_model->get(m_model->indexOf(deadId)).value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(details->canRetry());
    m_model->showDetails({});
    QVERIFY(details->jobId().isEmpty());
    QVERIFY(!details->isLoaded());
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminDeliveryLog)
#include "tst_admin_deliverylog.moc"
