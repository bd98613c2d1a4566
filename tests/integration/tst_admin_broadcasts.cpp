// The console's Broadcasts page backend against a real in-process tidingsd: the
// composer (recipient estimates, validation, template values, the cron preview),
// and the list (status, figures, scheduling and cancelling).
#include "BroadcastAudience.h"
#include "BroadcastComposer.h"
#include "BroadcastListModel.h"
#include "BroadcastTiming.h"
#include "BroadcastUserSearchModel.h"
#include "BroadcastVariableModel.h"
#include "support/AdminFixture.h"
#include "support/HttpTestClient.h"
#include "util/Clock.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Tidings;
using namespace Tidings::Admin;
using namespace Tidings::Test;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("password-123");

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

QVariant roleOf(const QAbstractItemModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

int rowOf(const QAbstractItemModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (roleOf(model, row, "id").toString() == id)
            return row;
    }
    return -1;
}

int variableRow(const BroadcastVariableModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.data(model.index(row), BroadcastVariableModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

// Warnings Qt and QML print while it lives (the console's own logging aside).
class WarningCollector
{
public:
    WarningCollector()
    {
        s_self = this;
        m_previous = qInstallMessageHandler(&WarningCollector::handle);
    }
    ~WarningCollector()
    {
        qInstallMessageHandler(m_previous);
        s_self = nullptr;
    }
    [[nodiscard]] QStringList warnings() const { return m_warnings; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        const bool ours = context.category && QByteArray(context.category).startsWith("tidings.");
        if (s_self && !ours && type != QtDebugMsg && type != QtInfoMsg)
            s_self->m_warnings << message;
        if (s_self && s_self->m_previous)
            s_self->m_previous(type, context, message);
    }

    static inline WarningCollector *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_warnings;
};

} // namespace

class TestAdminBroadcasts : public QObject
{
    Q_OBJECT

private:
    // A signed-in console, an admin REST client and users alice, bob (role user),
    // carol (publisher) and dave (user, disabled), with alice and bob subscribed
    // to the topic "deploys".
    struct World
    {
        AdminFixture f;
        HttpTestClient admin {f.server.url()};
        QHash<QString, QString> ids;
    };
    std::unique_ptr<World> m_world;

    World &world() { return *m_world; }
    QString id(const char *username) { return m_world->ids.value(QLatin1String(username)); }

    bool setUp()
    {
        m_world = std::make_unique<World>();
        World &w = *m_world;
        if (!w.f.signIn())
            return false;
        if (w.admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status != 200)
            return false;
        w.ids.insert(QStringLiteral("admin"), w.f.session.userId());
        for (const auto &[name, role] : {std::pair {"alice", "user"}, std::pair {"bob", "user"},
                 std::pair {"carol", "publisher"}, std::pair {"dave", "user"}}) {
            const QString userId = w.admin.createUser(QLatin1String(name), QLatin1String(role), kPassword);
            if (userId.isEmpty())
                return false;
            w.ids.insert(QLatin1String(name), userId);
        }
        if (w.admin.patch(QStringLiteral("/api/admin/users/") + id("dave"), {{QStringLiteral("disabled"), true}}).status
            != 200)
            return false;
        if (w.admin.put(QStringLiteral("/api/admin/topics/deploys"), {}).status >= 300)
            return false;
        for (const char *name : {"alice", "bob"}) {
            HttpTestClient user(w.f.server.url());
            if (user.login(QLatin1String(name), kPassword).status != 200
                || user.put(QStringLiteral("/api/topics/deploys/subscription")).status >= 300)
                return false;
        }
        return true;
    }

    // Waits for the composer's estimate of its current audience.
    static int estimateOf(BroadcastComposer &composer)
    {
        if (!QTest::qWaitFor([&] { return !composer.isEstimating(); }, 5000))
            return -2;
        return composer.estimatedRecipients();
    }

    std::unique_ptr<BroadcastComposer> newComposer()
    {
        auto composer = std::make_unique<BroadcastComposer>();
        composer->setEstimateDelay(0ms);
        composer->setSession(&world().f.session);
        return composer;
    }

    // Sends what the composer holds; the server's document of the broadcast.
    static QVariantMap sendAndWait(BroadcastComposer &composer)
    {
        QSignalSpy sent(&composer, &BroadcastComposer::sent);
        QSignalSpy failed(&composer, &BroadcastComposer::actionFailed);
        composer.send();
        if (!QTest::qWaitFor([&] { return sent.count() > 0 || failed.count() > 0; }, 10000)) {
            qWarning("send() was not answered");
            return {};
        }
        if (!failed.isEmpty()) {
            qWarning("send() failed: %s", qPrintable(failed.first().first().toString()));
            return {};
        }
        return sent.first().first().toMap();
    }

private Q_SLOTS:
    void init() { QVERIFY(setUp()); }
    void cleanup() { m_world.reset(); }

    void estimate_forEachAudienceKind_countsWhomTheServerWouldReach()
    {
        auto composer = newComposer();
        BroadcastAudience &audience = *composer->audience();

        // Everyone: the admin, alice, bob and carol; dave is disabled.
        QCOMPARE(estimateOf(*composer), 4);

        audience.setKind(BroadcastAudience::Kind::Roles);
        QVERIFY(!audience.isComplete());
        QCOMPARE(estimateOf(*composer), -1); // nothing asked without a role
        audience.setRole(QStringLiteral("user"), true);
        QCOMPARE(estimateOf(*composer), 2);
        audience.setRole(QStringLiteral("publisher"), true);
        QCOMPARE(estimateOf(*composer), 3);

        audience.setKind(BroadcastAudience::Kind::Topic);
        audience.setTopic(QStringLiteral("deploys"));
        QCOMPARE(estimateOf(*composer), 2);
        audience.setTopic(QStringLiteral("nobody-reads-this"));
        QCOMPARE(estimateOf(*composer), 0);

        audience.setTopic({});
        audience.setKind(BroadcastAudience::Kind::Users);
        QCOMPARE(estimateOf(*composer), -1);
        audience.addRecipient(id("alice"), QStringLiteral("alice"), {});
        QCOMPARE(estimateOf(*composer), 1);
        audience.addRecipient(id("carol"), QStringLiteral("carol"), QStringLiteral("Carol"));
        QCOMPARE(estimateOf(*composer), 2);

        // Excluded users are left out of every kind; excluding a chosen user unchooses her.
        audience.addExcluded(id("carol"), QStringLiteral("carol"), {});
        QCOMPARE(audience.recipients().size(), 1);
        QCOMPARE(estimateOf(*composer), 1);
        audience.setKind(BroadcastAudience::Kind::Everyone);
        audience.addExcluded(id("bob"), QStringLiteral("bob"), {});
        QCOMPARE(estimateOf(*composer), 2);
        QVERIFY(composer->estimateError().isEmpty());
    }

    void estimate_unknownUser_showsTheServersError()
    {
        auto composer = newComposer();
        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        composer->audience()->addRecipient(QStringLiteral("no-such-user"), QStringLiteral("ghost"), {});
        QCOMPARE(estimateOf(*composer), -1);
        QVERIFY2(
            composer->estimateError().contains(QStringLiteral("no-such-user")), qPrintable(composer->estimateError()));
    }

    void validate_reportsEachFieldItsOwnError()
    {
        auto composer = newComposer();
        const auto errorOf
            = [&](const char *field) { return composer->fieldErrors().value(QLatin1String(field)).toString(); };
        // Every field is present, empty when fine.
        QCOMPARE(composer->fieldErrors().size(), 15);

        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("title").isEmpty());
        QVERIFY(errorOf("audience").isEmpty());

        composer->setTitle(QStringLiteral("Maintenance"));
        QVERIFY(errorOf("title").isEmpty()); // editing a field answers its complaint
        composer->setUrl(QStringLiteral("ftp://example.org/x"));
        composer->audience()->setKind(BroadcastAudience::Kind::Roles);
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("url").isEmpty());
        QVERIFY(!errorOf("audience").isEmpty());

        composer->setUrl(QStringLiteral("https://status.example.org"));
        composer->audience()->setKind(BroadcastAudience::Kind::Topic);
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("topic").isEmpty());
        composer->audience()->setTopic(QStringLiteral("not a topic!"));
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("topic").isEmpty());
        composer->audience()->setTopic(QStringLiteral("deploys"));

        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("audience").isEmpty());
        composer->audience()->addRecipient(id("alice"), QStringLiteral("alice"), {});

        BroadcastTiming &timing = *composer->timing();
        timing.setMode(BroadcastTiming::Mode::At);
        timing.setDateText(QStringLiteral("next tuesday"));
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("scheduledAt").isEmpty());
        timing.setDateText(QStringLiteral("2020-01-01 09:00"));
        QVERIFY(!composer->validate());
        QVERIFY(errorOf("scheduledAt").contains(QStringLiteral("passed")));
        timing.setTimeZone(QStringLiteral("Mars/Olympus_Mons"));
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("timezone").isEmpty());
        timing.setTimeZone(QStringLiteral("Asia/Jakarta"));
        timing.suggestDate();
        QVERIFY(timing.dateError().isEmpty());

        timing.setMode(BroadcastTiming::Mode::Recurring);
        timing.setCron(QStringLiteral("0 9 31 2 *"));
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("cron").isEmpty());
        timing.setCron(QStringLiteral("*/30 * * * *"));

        composer->setMode(BroadcastComposer::Mode::FromTemplate);
        QVERIFY(!composer->validate());
        QVERIFY(!errorOf("templateId").isEmpty());
        composer->setMode(BroadcastComposer::Mode::FreeText);

        QVERIFY(composer->validate());
        for (const QVariant &message : composer->fieldErrors())
            QVERIFY(message.toString().isEmpty());
    }

    void send_refusedByTheServer_showsTheErrorAtItsField()
    {
        auto composer = newComposer();
        composer->setTitle(QStringLiteral("To a ghost"));
        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        composer->audience()->addRecipient(QStringLiteral("ghost"), QStringLiteral("ghost"), {});
        QSignalSpy failed(composer.get(), &BroadcastComposer::actionFailed);
        composer->send();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(1).toString().startsWith(QStringLiteral("recipients")));
        QVERIFY2(composer->fieldErrors().value(QStringLiteral("audience")).toString().contains(QStringLiteral("ghost")),
            qPrintable(composer->fieldErrors().value(QStringLiteral("audience")).toString()));
        QCOMPARE(composer->title(), QStringLiteral("To a ghost")); // the draft stays
        QCOMPARE(world()
                     .admin.get(QStringLiteral("/api/broadcasts"))
                     .json.value(QStringLiteral("broadcasts"))
                     .toArray()
                     .size(),
            0);
    }

    void sendNow_appearsInTheListAsSentWithItsFigures()
    {
        BroadcastListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setRefreshInterval(50ms);
        list.setSession(&world().f.session);
        QTRY_VERIFY(list.isLoaded());
        QCOMPARE(list.count(), 0);

        auto composer = newComposer();
        composer->setTitle(QStringLiteral("Maintenance"));
        composer->setMessage(QStringLiteral("The service is down from 22:00."));
        composer->setUseChannelPreferences(false);
        composer->setChannel(QStringLiteral("email"), true);
        composer->setPriority(QStringLiteral("high"));
        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        composer->audience()->addRecipient(id("alice"), QStringLiteral("alice"), {});
        composer->audience()->addRecipient(id("bob"), QStringLiteral("bob"), {});
        QCOMPARE(estimateOf(*composer), 2);
        const QString summary = composer->summary();
        QVERIFY2(summary.contains(QStringLiteral("“Maintenance”")) && summary.contains(QStringLiteral("2 user"))
                && summary.contains(QStringLiteral("email")) && summary.contains(QStringLiteral("now")),
            qPrintable(summary));

        const QVariantMap created = sendAndWait(*composer);
        QVERIFY(!created.isEmpty());
        const QString broadcastId = created.value(QStringLiteral("id")).toString();
        const QVariantMap request = created.value(QStringLiteral("request")).toMap();
        QCOMPARE(request.value(QStringLiteral("channels")).toStringList(),
            (QStringList {QStringLiteral("inApp"), QStringLiteral("email")}));
        QCOMPARE(request.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
        // A fresh draft follows.
        QVERIFY(composer->title().isEmpty());
        QCOMPARE(composer->audience()->kind(), BroadcastAudience::Kind::Everyone);

        list.prepend(created);
        QCOMPARE(list.count(), 1);
        list.reload();
        QTRY_VERIFY(!list.isLoading());
        QCOMPARE(list.count(), 1);
        const int row = rowOf(list, broadcastId);
        QCOMPARE(row, 0);
        QCOMPARE(roleOf(list, row, "name").toString(), QStringLiteral("Maintenance"));
        QCOMPARE(roleOf(list, row, "recipients").toInt(), 2);
        QCOMPARE(roleOf(list, row, "read").toInt(), 0);
        QCOMPARE(roleOf(list, row, "cancellable").toBool(), false);
        // Neither has an email address: their jobs end at once. While any is pending
        // the row says "sending" and the list refreshes itself.
        QTRY_COMPARE_WITH_TIMEOUT(roleOf(list, row, "status").toString(), QStringLiteral("sent"), 10000);
        QVERIFY(!list.isLive());

        // Alice reads it: the figures follow.
        HttpTestClient alice(world().f.server.url());
        QCOMPARE(alice.login(QStringLiteral("alice"), kPassword).status, 200);
        const QJsonArray inbox
            = alice.get(QStringLiteral("/api/notifications")).json.value(QStringLiteral("notifications")).toArray();
        QCOMPARE(inbox.size(), 1);
        QCOMPARE(inbox.first().toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Maintenance"));
        QCOMPARE(alice
                     .put(QStringLiteral("/api/notifications/%1/read")
                              .arg(inbox.first().toObject().value(QStringLiteral("id")).toString()))
                     .status,
            200);
        list.refresh();
        QTRY_COMPARE(roleOf(list, row, "read").toInt(), 1);
        QCOMPARE(roleOf(list, row, "delivered").toInt(), 1);
        QCOMPARE(roleOf(list, row, "readRate").toDouble(), 0.5);
    }

    void scheduleAt_thenCancel_isCancelled()
    {
        BroadcastListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setRefreshInterval(50ms);
        list.setSession(&world().f.session);
        QTRY_VERIFY(list.isLoaded());

        auto composer = newComposer();
        composer->setTitle(QStringLiteral("Tomorrow's release"));
        BroadcastTiming &timing = *composer->timing();
        timing.setMode(BroadcastTiming::Mode::At);
        timing.setTimeZone(QStringLiteral("Europe/Berlin"));
        const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1).toTimeZone(QTimeZone("Europe/Berlin"));
        timing.setDateText(tomorrow.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 10:30"));
        QVERIFY2(timing.dateError().isEmpty(), qPrintable(timing.dateError()));
        QVERIFY(timing.scheduledAtText().contains(QStringLiteral("10:30")));
        QVERIFY(composer->summary().contains(timing.scheduledAtText()));

        const QDateTime at = timing.scheduledAt();
        const QVariantMap created = sendAndWait(*composer);
        QVERIFY(!created.isEmpty());
        const QString broadcastId = created.value(QStringLiteral("id")).toString();
        QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(QDateTime::fromString(created.value(QStringLiteral("scheduledAt")).toString(), Qt::ISODateWithMs), at);

        // The list picks it up by itself while it is live (a scheduled row makes it live).
        list.prepend(created);
        QTRY_VERIFY(list.isLive());
        int row = rowOf(list, broadcastId);
        QCOMPARE(roleOf(list, row, "status").toString(), QStringLiteral("scheduled"));
        QVERIFY(roleOf(list, row, "cancellable").toBool());
        QVERIFY(roleOf(list, row, "scheduleText").toString().contains(QStringLiteral(":30")));

        QSignalSpy done(&list, &ApiListModel::actionSucceeded);
        list.cancel(broadcastId);
        QVERIFY(done.wait(10000));
        row = rowOf(list, broadcastId);
        QCOMPARE(roleOf(list, row, "status").toString(), QStringLiteral("cancelled"));
        QVERIFY(!roleOf(list, row, "cancellable").toBool());
        QTRY_VERIFY(!list.isLive());
        const HttpResult server = world().admin.get(QStringLiteral("/api/broadcasts/") + broadcastId);
        QCOMPARE(server.json.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));

        // Cancelling again is refused, and the row stays as the server has it.
        QSignalSpy failed(&list, &ApiListModel::actionFailed);
        list.cancel(broadcastId);
        QVERIFY(failed.wait(10000));
        QCOMPARE(roleOf(list, rowOf(list, broadcastId), "status").toString(), QStringLiteral("cancelled"));
    }

    void recurring_previewsTheNextRunsInTheChosenZone()
    {
        // Friday 27 March 2026, 13:00 in Berlin; summer time starts on Sunday the 29th.
        ManualClock clock(utc(2026, 3, 27, 12, 0));
        auto composer = newComposer();
        BroadcastTiming &timing = *composer->timing();
        timing.setClock(&clock);
        timing.setMode(BroadcastTiming::Mode::Recurring);
        timing.setTimeZone(QStringLiteral("Europe/Berlin"));
        timing.setCron(QStringLiteral("0 9 * * MON-FRI"));
        QVERIFY(timing.isCronValid());
        QCOMPARE(timing.cronDescription(), QStringLiteral("at 09:00 on Monday to Friday"));
        const QList<QDateTime> expected = {utc(2026, 3, 30, 7, 0), utc(2026, 3, 31, 7, 0), utc(2026, 4, 1, 7, 0),
            utc(2026, 4, 2, 7, 0), utc(2026, 4, 3, 7, 0)};
        QCOMPARE(timing.nextRunTimes(), expected);
        QCOMPARE(timing.nextRuns().size(), 5);
        for (const QString &run : timing.nextRuns())
            QVERIFY2(run.contains(QStringLiteral("09:00")), qPrintable(run));

        // The same wall time in another zone is another instant.
        timing.setTimeZone(QStringLiteral("Asia/Jakarta"));
        QCOMPARE(timing.nextRunTimes().first(), utc(2026, 3, 30, 2, 0));
        // A limit shortens the preview.
        timing.setMaxOccurrences(2);
        QCOMPARE(timing.nextRunTimes().size(), 2);
        QVERIFY(composer->summary().contains(QStringLiteral("Asia/Jakarta")));

        // Invalid: no runs, and the server's complaint naming the cron field.
        timing.setCron(QStringLiteral("0 25 * * *"));
        QVERIFY(!timing.isCronValid());
        QVERIFY2(timing.cronError().startsWith(QStringLiteral("hour")), qPrintable(timing.cronError()));
        QVERIFY(timing.nextRuns().isEmpty());

        // Moving the clock moves the preview.
        timing.setCron(QStringLiteral("*/15 * * * *"));
        clock.set(utc(2026, 6, 1, 10, 7));
        timing.refresh();
        QCOMPARE(timing.nextRunTimes().first(), utc(2026, 6, 1, 10, 15));
    }

    void recurring_sent_theServerPlansTheRunsThePreviewShowed()
    {
        auto composer = newComposer();
        composer->setTitle(QStringLiteral("Stand-up"));
        composer->audience()->setKind(BroadcastAudience::Kind::Topic);
        composer->audience()->setTopic(QStringLiteral("deploys"));
        BroadcastTiming &timing = *composer->timing();
        timing.setMode(BroadcastTiming::Mode::Recurring);
        timing.setTimeZone(QStringLiteral("America/New_York"));
        timing.setCron(QStringLiteral("30 8 * * MON-FRI"));
        timing.setMaxOccurrences(3);
        const QList<QDateTime> preview = timing.nextRunTimes();
        QCOMPARE(preview.size(), 3);

        const QVariantMap created = sendAndWait(*composer);
        QVERIFY(!created.isEmpty());
        QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        const QVariantMap schedule = created.value(QStringLiteral("schedule")).toMap();
        QCOMPARE(schedule.value(QStringLiteral("cron")).toString(), QStringLiteral("30 8 * * MON-FRI"));
        QCOMPARE(schedule.value(QStringLiteral("timezone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(schedule.value(QStringLiteral("maxOccurrences")).toInt(), 3);
        QList<QDateTime> upcoming;
        for (const QVariant &t : schedule.value(QStringLiteral("upcoming")).toList())
            upcoming << QDateTime::fromString(t.toString(), Qt::ISODateWithMs).toUTC();
        QCOMPARE(upcoming, preview);

        BroadcastListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setSession(&world().f.session);
        QTRY_COMPARE(list.count(), 1);
        QCOMPARE(roleOf(list, 0, "status").toString(), QStringLiteral("recurring"));
        QVERIFY(roleOf(list, 0, "recurring").toBool());
        QVERIFY(roleOf(list, 0, "scheduleText").toString().contains(QStringLiteral("America/New_York")));
        QVERIFY(roleOf(list, 0, "nextRunText").toString().contains(QStringLiteral("08:30")));
        QVERIFY(list.isLive());

        // The state filter asks the server for that state only.
        list.setStateFilter(QStringLiteral("finished"));
        QTRY_VERIFY(list.isLoaded() && !list.isLoading());
        QCOMPARE(list.count(), 0);
        list.setStateFilter(QStringLiteral("active"));
        QTRY_COMPARE(list.count(), 1);
    }

    void templateMode_sendsTheTemplateAndItsValues()
    {
        const HttpResult t = world().admin.post(QStringLiteral("/api/templates"),
            {{QStringLiteral("name"), QStringLiteral("maintenance")},
                {QStringLiteral("description"), QStringLiteral("Planned downtime")},
                {QStringLiteral("variables"),
                    QJsonArray {
                        QJsonObject {
                            {QStringLiteral("name"), QStringLiteral("window")}, {QStringLiteral("required"), true}},
                        QJsonObject {{QStringLiteral("name"), QStringLiteral("minutes")},
                            {QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("default"), 30}},
                        QJsonObject {{QStringLiteral("name"), QStringLiteral("details")},
                            {QStringLiteral("type"), QStringLiteral("url")}},
                    }},
                {QStringLiteral("contents"),
                    QJsonArray {QJsonObject {{QStringLiteral("channel"), QStringLiteral("default")},
                        {QStringLiteral("subject"), QStringLiteral("Maintenance {{window}}")},
                        {QStringLiteral("textBody"), QStringLiteral("Down for {{minutes}} minutes")}}}}});
        QCOMPARE(t.status, 201);
        const QString templateId = t.json.value(QStringLiteral("id")).toString();

        auto composer = newComposer();
        QTRY_COMPARE(composer->templates().size(), 1);
        composer->setMode(BroadcastComposer::Mode::FromTemplate);
        composer->setTemplateId(templateId);
        QCOMPARE(composer->templateName(), QStringLiteral("maintenance"));
        BroadcastVariableModel &variables = *composer->variables();
        QAbstractItemModelTester tester(&variables, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(variables.count(), 3);
        const int window = variableRow(variables, QStringLiteral("window"));
        const int minutes = variableRow(variables, QStringLiteral("minutes"));
        const int details = variableRow(variables, QStringLiteral("details"));
        QVERIFY(variables.data(variables.index(window), BroadcastVariableModel::RequiredRole).toBool());
        QCOMPARE(variables.data(variables.index(minutes), BroadcastVariableModel::DefaultValueRole).toString(),
            QStringLiteral("30"));

        // A required value is missing, a number is not one.
        variables.setValue(minutes, QStringLiteral("soon"));
        QVERIFY(!composer->validate());
        QVERIFY(!composer->fieldErrors().value(QStringLiteral("variables")).toString().isEmpty());
        QVERIFY(!variables.data(variables.index(window), BroadcastVariableModel::ErrorRole).toString().isEmpty());
        QVERIFY(!variables.data(variables.index(minutes), BroadcastVariableModel::ErrorRole).toString().isEmpty());
        QVERIFY(variables.data(variables.index(details), BroadcastVariableModel::ErrorRole).toString().isEmpty());

        // The server checks what only it knows (a URL's shape) and names the variable.
        variables.setValue(window, QStringLiteral("tonight"));
        variables.setValue(minutes, QStringLiteral("45"));
        variables.setValue(details, QStringLiteral("not a url"));
        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        composer->audience()->addRecipient(id("alice"), QStringLiteral("alice"), {});
        QSignalSpy failed(composer.get(), &BroadcastComposer::actionFailed);
        composer->send();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("variables.details"));
        QVERIFY(!variables.data(variables.index(details), BroadcastVariableModel::ErrorRole).toString().isEmpty());
        QVERIFY(!composer->fieldErrors().value(QStringLiteral("variables")).toString().isEmpty());

        variables.setValue(details, {});
        QVERIFY(composer->summary().contains(QStringLiteral("maintenance")));
        const QVariantMap created = sendAndWait(*composer);
        QVERIFY(!created.isEmpty());
        QCOMPARE(created.value(QStringLiteral("name")).toString(), QStringLiteral("maintenance"));
        const QVariantMap request = created.value(QStringLiteral("request")).toMap();
        QCOMPARE(request.value(QStringLiteral("templateId")).toString(), templateId);
        QVERIFY(!request.contains(QStringLiteral("title")));
        const QVariantMap values = request.value(QStringLiteral("variables")).toMap();
        QCOMPARE(values.value(QStringLiteral("window")).toString(), QStringLiteral("tonight"));
        QCOMPARE(values.value(QStringLiteral("minutes")).toDouble(), 45.0);
        QVERIFY(!values.contains(QStringLiteral("details"))); // empty: left to the template

        HttpTestClient alice(world().f.server.url());
        QCOMPARE(alice.login(QStringLiteral("alice"), kPassword).status, 200);
        const QJsonObject first = alice.get(QStringLiteral("/api/notifications"))
                                      .json.value(QStringLiteral("notifications"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Maintenance tonight"));
        QCOMPARE(first.value(QStringLiteral("message")).toString(), QStringLiteral("Down for 45 minutes"));
    }

    void page_composerInEveryState_rendersWithoutWarnings()
    {
        QCOMPARE(world()
                     .admin
                     .post(QStringLiteral("/api/templates"),
                         {{QStringLiteral("name"), QStringLiteral("digest")},
                             {QStringLiteral("variables"),
                                 QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("urgent")},
                                                 {QStringLiteral("type"), QStringLiteral("boolean")}},
                                     QJsonObject {{QStringLiteral("name"), QStringLiteral("count")},
                                         {QStringLiteral("type"), QStringLiteral("number")},
                                         {QStringLiteral("required"), true}}}},
                             {QStringLiteral("contents"),
                                 QJsonArray {QJsonObject {{QStringLiteral("channel"), QStringLiteral("default")},
                                     {QStringLiteral("subject"), QStringLiteral("{{count}} updates")}}}}})
                     .status,
            201);
        QVERIFY(world()
                    .admin
                    .post(QStringLiteral("/api/broadcasts"),
                        {{QStringLiteral("title"), QStringLiteral("Weekly")}, {QStringLiteral("broadcast"), true},
                            {QStringLiteral("schedule"),
                                QJsonObject {{QStringLiteral("cron"), QStringLiteral("@weekly")}}}})
                    .status
            == 201);

        WarningCollector collector;
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQuickWindow window;
        window.resize(1024, 700);
        window.show();
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/pages/BroadcastsPage.qml")));
        std::unique_ptr<QObject> object(component.createWithInitialProperties(
            {{QStringLiteral("session"), QVariant::fromValue(&world().f.session)}}));
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *page = qobject_cast<QQuickItem *>(object.get());
        page->setParentItem(window.contentItem());
        page->setSize(window.size());
        auto *list = page->findChild<BroadcastListModel *>();
        auto *composer = page->findChild<BroadcastComposer *>();
        QVERIFY(list && composer);
        QTRY_COMPARE(list->count(), 1);

        QVERIFY(QMetaObject::invokeMethod(page, "openComposer"));
        QTRY_COMPARE(composer->templates().size(), 1);
        const auto render = [&] {
            QCoreApplication::processEvents();
            return !window.grabWindow().isNull();
        };
        QVERIFY(render());
        composer->setTitle(QStringLiteral("Hello"));
        composer->setUrl(QStringLiteral("nope"));
        composer->audience()->setKind(BroadcastAudience::Kind::Users);
        QVERIFY(!composer->validate());
        QVERIFY(render());
        composer->audience()->addRecipient(id("alice"), QStringLiteral("alice"), QStringLiteral("Alice Liddell"));
        composer->audience()->addExcluded(id("bob"), QStringLiteral("bob"), {});
        composer->audience()->setKind(BroadcastAudience::Kind::Roles);
        composer->audience()->setRole(QStringLiteral("user"), true);
        composer->audience()->setKind(BroadcastAudience::Kind::Topic);
        composer->setUseChannelPreferences(false);
        composer->setChannel(QStringLiteral("push"), true);
        QVERIFY(render());
        composer->timing()->setMode(BroadcastTiming::Mode::At);
        QVERIFY(render());
        composer->timing()->setDateText(QStringLiteral("tomorrow"));
        QVERIFY(render());
        composer->timing()->setMode(BroadcastTiming::Mode::Recurring);
        composer->timing()->setMaxOccurrences(3);
        QVERIFY(render());
        composer->timing()->setCron(QStringLiteral("61 * * * *"));
        QVERIFY(render());
        composer->setMode(BroadcastComposer::Mode::FromTemplate);
        composer->setTemplateId(composer->templates().first().toMap().value(QStringLiteral("id")).toString());
        QTRY_COMPARE(composer->variables()->count(), 2);
        QVERIFY(!composer->validate());
        QVERIFY(render());
        QVERIFY(QMetaObject::invokeMethod(page, "review"));
        QVERIFY(render());
        window.resize(1920, 1080);
        page->setSize(window.size());
        QVERIFY(render());
        QVERIFY2(collector.warnings().isEmpty(), qPrintable(collector.warnings().join(QLatin1Char('\n'))));
    }

    void userSearch_findsUsersByWhatIsTyped()
    {
        BroadcastUserSearchModel users;
        QAbstractItemModelTester tester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setReloadDelay(0ms);
        users.setSession(&world().f.session);
        QTRY_COMPARE(users.count(), 5);
        users.setQuery(QStringLiteral("car"));
        QTRY_COMPARE(users.count(), 1);
        QCOMPARE(roleOf(users, 0, "username").toString(), QStringLiteral("carol"));
        QCOMPARE(roleOf(users, 0, "displayName").toString(), QStringLiteral("carol"));
        QCOMPARE(roleOf(users, 0, "id").toString(), id("carol"));
    }
};

TIDINGS_ADMIN_TEST_MAIN(TestAdminBroadcasts)
#include "tst_admin_broadcasts.moc"
