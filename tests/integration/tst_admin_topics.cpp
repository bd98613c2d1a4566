// The console's Topics page backends (AdminTopicListModel, AdminTopicEditor)
// against a real tidingsd: topics are checked over REST as the server keeps them.

#include "support/AdminFixture.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"

#include "AdminTopicEditor.h"
#include "AdminTopicListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>

using namespace Tidings;
using namespace Tidings::Test;
using Admin::AdminTopicEditor;
using Admin::AdminTopicListModel;
using Admin::ApiListModel;

namespace {

QVariant roleOf(const QAbstractItemModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

} // namespace

class TestAdminTopics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void save_newTopic_isCreatedWithItsAclsAndUsernamesBecomeIds();
    void save_invalidAclEntry_namesTheField_data();
    void save_invalidAclEntry_namesTheField();
    void save_unknownUsername_namesTheFieldAndCreatesNothing();
    void subscriberCounts_followSubscriptionsMadeOverRest();
    void grouping_roundTripsThroughTheServer();
    void editor_addAndRemoveEntries_thenSave();
    void labels_nameTheUsersOfIdEntries();

private:
    std::unique_ptr<AdminTopicListModel> loadedModel();
    // The topic as GET /api/admin/topics lists it ({} when it does not).
    QJsonObject serverTopic(const QString &name);
    bool reload(AdminTopicListModel &model);

    std::unique_ptr<AdminFixture> m_f;
    std::unique_ptr<HttpTestClient> m_rest;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_aliceId;
};

void TestAdminTopics::init()
{
    m_f = std::make_unique<AdminFixture>();
    QVERIFY(m_f->signIn());
    m_rest = std::make_unique<HttpTestClient>(m_f->server.url());
    QCOMPARE(m_rest->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_rest->createUser(QStringLiteral("alice"));
    QVERIFY(!m_aliceId.isEmpty());
}

void TestAdminTopics::cleanup()
{
    m_tester.reset();
    m_rest.reset();
    m_f.reset();
}

std::unique_ptr<AdminTopicListModel> TestAdminTopics::loadedModel()
{
    auto model = std::make_unique<AdminTopicListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy done(model.get(), &ApiListModel::loadFinished);
    model->setSession(&m_f->session);
    if (!done.wait(10000))
        qWarning("the topics did not load: %s", qPrintable(model->errorMessage()));
    return model;
}

bool TestAdminTopics::reload(AdminTopicListModel &model)
{
    QSignalSpy done(&model, &ApiListModel::loadFinished);
    model.reload();
    return done.wait(10000);
}

QJsonObject TestAdminTopics::serverTopic(const QString &name)
{
    const HttpResult r = m_rest->get(QStringLiteral("/api/admin/topics"));
    for (const QJsonValue &v : r.json.value(QStringLiteral("topics")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

void TestAdminTopics::save_newTopic_isCreatedWithItsAclsAndUsernamesBecomeIds()
{
    auto topics = loadedModel();
    QVERIFY(topics->isLoaded());
    const int before = topics->count();

    QSignalSpy saved(topics.get(), &AdminTopicListModel::saved);
    QSignalSpy succeeded(topics.get(), &ApiListModel::actionSucceeded);
    QVERIFY(topics->save(QStringLiteral("orders"), QStringLiteral("Order updates"), {QStringLiteral("everyone")},
        {QStringLiteral("role:Publisher"), QStringLiteral("@alice"), QStringLiteral("user:ALICE")},
        QStringLiteral("replace"), 120));
    QVERIFY(topics->isSaving());
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("orders"));
    QCOMPARE(succeeded.at(0).at(0).toString(), QStringLiteral("Created the topic orders."));
    QTRY_VERIFY(!topics->isSaving());

    const QJsonObject stored = serverTopic(QStringLiteral("orders"));
    QCOMPARE(stored.value(QStringLiteral("description")).toString(), QStringLiteral("Order updates"));
    QCOMPARE(stringsOf(stored.value(QStringLiteral("read"))), QStringList {QStringLiteral("*")});
    QCOMPARE(stringsOf(stored.value(QStringLiteral("publish"))),
        (QStringList {QStringLiteral("role:publisher"), QStringLiteral("user:") + m_aliceId}));
    QCOMPARE(stored.value(QStringLiteral("groupingMode")).toString(), QStringLiteral("replace"));
    QCOMPARE(stored.value(QStringLiteral("groupWindowSec")).toInt(), 120);

    QCOMPARE(topics->count(), before + 1);
    const int row = topics->indexOf(QStringLiteral("orders"));
    QVERIFY(row >= 0);
    QCOMPARE(roleOf(*topics, row, "description").toString(), QStringLiteral("Order updates"));
    QCOMPARE(roleOf(*topics, row, "subscribers").toInt(), 0);
    QCOMPARE(roleOf(*topics, row, "grouping").toString(), QStringLiteral("replace"));
    QCOMPARE(roleOf(*topics, row, "readLabels").toStringList(), QStringList {QStringLiteral("Everyone")});
    QCOMPARE(roleOf(*topics, row, "publishLabels").toStringList(),
        (QStringList {QStringLiteral("Role: Publishers"), QStringLiteral("@alice")}));

    // Alice may publish to it now; a plain user who is not named may not.
    HttpTestClient alice(m_f->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const QJsonObject note {
        {QStringLiteral("topic"), QStringLiteral("orders")}, {QStringLiteral("title"), QStringLiteral("Hi")}};
    QCOMPARE(alice.post(QStringLiteral("/api/notifications"), note).status, 202);
    m_rest->createUser(QStringLiteral("bob"));
    HttpTestClient bob(m_f->server.url());
    QCOMPARE(bob.login(QStringLiteral("bob"), QStringLiteral("password-123")).status, 200);
    QCOMPARE(bob.post(QStringLiteral("/api/notifications"), note).status, 403);

    // Saving it again updates it.
    succeeded.clear();
    QVERIFY(topics->save(QStringLiteral("orders"), QStringLiteral("Orders and returns"), {QStringLiteral("role:user")},
        {}, QStringLiteral("count"), 60));
    QVERIFY(saved.wait(10000));
    QCOMPARE(succeeded.at(0).at(0).toString(), QStringLiteral("Saved the topic orders."));
    QCOMPARE(topics->count(), before + 1);
    QCOMPARE(serverTopic(QStringLiteral("orders")).value(QStringLiteral("description")).toString(),
        QStringLiteral("Orders and returns"));
    QCOMPARE(stringsOf(serverTopic(QStringLiteral("orders")).value(QStringLiteral("publish"))), QStringList());
}

void TestAdminTopics::save_invalidAclEntry_namesTheField_data()
{
    QTest::addColumn<QStringList>("read");
    QTest::addColumn<QStringList>("publish");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown role") << QStringList {QStringLiteral("role:owner")} << QStringList()
                                  << QStringLiteral("read")
                                  << QStringLiteral(
                                         "\"owner\" is not a role. Use role:admin, role:publisher or role:user.");
    QTest::newRow("no kind") << QStringList {QStringLiteral("*")} << QStringList {QStringLiteral("alice")}
                             << QStringLiteral("publish")
                             << QStringLiteral("\"alice\" is not an ACL entry. Use *, role:<role> or user:<name>.");
    QTest::newRow("empty user") << QStringList {QStringLiteral("user:")} << QStringList() << QStringLiteral("read")
                                << QStringLiteral("Name a user after user:, such as user:alice.");
    QTest::newRow("blank") << QStringList() << QStringList {QStringLiteral("  ")} << QStringLiteral("publish")
                           << QStringLiteral("Enter *, role:<role> or user:<name>.");
}

void TestAdminTopics::save_invalidAclEntry_namesTheField()
{
    QFETCH(QStringList, read);
    QFETCH(QStringList, publish);
    QFETCH(QString, field);
    QFETCH(QString, message);
    auto topics = loadedModel();
    QSignalSpy failed(topics.get(), &ApiListModel::actionFailed);
    QVERIFY(!topics->save(QStringLiteral("orders"), {}, read, publish, QStringLiteral("count"), 300));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(1).toString(), field);
    QCOMPARE(failed.at(0).at(0).toString(), message);
    QCOMPARE(topics->actionErrorField(), field);
    QVERIFY(!topics->isSaving());
    QVERIFY(serverTopic(QStringLiteral("orders")).isEmpty());
    QCOMPARE(AdminTopicListModel::aclEntryError((read + publish).constLast()), message);
}

void TestAdminTopics::save_unknownUsername_namesTheFieldAndCreatesNothing()
{
    auto topics = loadedModel();
    QSignalSpy failed(topics.get(), &ApiListModel::actionFailed);
    QVERIFY(topics->save(QStringLiteral("orders"), {}, {QStringLiteral("*")},
        {QStringLiteral("user:alice"), QStringLiteral("user:nobody")}, QStringLiteral("count"), 300));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("No user is called nobody."));
    QCOMPARE(topics->actionErrorField(), QStringLiteral("publish"));
    QTRY_VERIFY(!topics->isSaving());
    QVERIFY(serverTopic(QStringLiteral("orders")).isEmpty());

    // Other fields are checked too: a bad name and a window out of range.
    QVERIFY(!topics->save(QStringLiteral("not a topic"), {}, {}, {}, QStringLiteral("count"), 300));
    QCOMPARE(topics->actionErrorField(), QStringLiteral("name"));
    QVERIFY(!topics->save(QStringLiteral("orders"), {}, {}, {}, QStringLiteral("count"), 86401));
    QCOMPARE(topics->actionErrorField(), QStringLiteral("groupWindowSec"));
    QVERIFY(!topics->save(QStringLiteral("orders"), {}, {}, {}, QStringLiteral("merge"), 300));
    QCOMPARE(topics->actionErrorField(), QStringLiteral("groupingMode"));
    QVERIFY(!topics->save(QStringLiteral("orders"), QString(501, QLatin1Char('d')), {}, {}, QStringLiteral("off"), 0));
    QCOMPARE(topics->actionErrorField(), QStringLiteral("description"));
}

void TestAdminTopics::subscriberCounts_followSubscriptionsMadeOverRest()
{
    QCOMPARE(m_rest
                 ->put(QStringLiteral("/api/admin/topics/deploys"),
                     {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}}})
                 .status,
        201);
    auto topics = loadedModel();
    const int row = topics->indexOf(QStringLiteral("deploys"));
    QVERIFY(row >= 0);
    QCOMPARE(roleOf(*topics, row, "subscribers").toInt(), 0);

    m_rest->createUser(QStringLiteral("bob"));
    for (const char *name : {"alice", "bob"}) {
        HttpTestClient user(m_f->server.url());
        QCOMPARE(user.login(QLatin1String(name), QStringLiteral("password-123")).status, 200);
        QCOMPARE(user.put(QStringLiteral("/api/topics/deploys/subscription")).status, 200);
    }
    QVERIFY(reload(*topics));
    QCOMPARE(roleOf(*topics, topics->indexOf(QStringLiteral("deploys")), "subscribers").toInt(), 2);

    HttpTestClient bob(m_f->server.url());
    QCOMPARE(bob.login(QStringLiteral("bob"), QStringLiteral("password-123")).status, 200);
    QCOMPARE(bob.del(QStringLiteral("/api/topics/deploys/subscription")).status, 200);
    QVERIFY(reload(*topics));
    QCOMPARE(roleOf(*topics, topics->indexOf(QStringLiteral("deploys")), "subscribers").toInt(), 1);
}

void TestAdminTopics::grouping_roundTripsThroughTheServer()
{
    auto topics = loadedModel();
    QSignalSpy saved(topics.get(), &AdminTopicListModel::saved);
    QVERIFY(topics->save(QStringLiteral("alerts"), {}, {QStringLiteral("*")}, {}, QStringLiteral("count"), 60));
    QVERIFY(saved.wait(10000));
    QCOMPARE(serverTopic(QStringLiteral("alerts")).value(QStringLiteral("groupingMode")).toString(),
        QStringLiteral("count"));
    QCOMPARE(serverTopic(QStringLiteral("alerts")).value(QStringLiteral("groupWindowSec")).toInt(), 60);

    // Off: a window of 0, the server's way of not grouping.
    QVERIFY(topics->save(QStringLiteral("alerts"), {}, {QStringLiteral("*")}, {}, QStringLiteral("off"), 60));
    QVERIFY(saved.wait(10000));
    QCOMPARE(serverTopic(QStringLiteral("alerts")).value(QStringLiteral("groupWindowSec")).toInt(), 0);
    QVERIFY(reload(*topics));
    const int row = topics->indexOf(QStringLiteral("alerts"));
    QCOMPARE(roleOf(*topics, row, "grouping").toString(), QStringLiteral("off"));
    QCOMPARE(roleOf(*topics, row, "groupingLabel").toString(), QStringLiteral("No grouping"));
    QCOMPARE(roleOf(*topics, row, "groupWindowText").toString(), QString());
    QCOMPARE(topics->groupWindowText(90), QStringLiteral("within 90 second(s)"));
    QCOMPARE(topics->groupWindowText(300), QStringLiteral("within 5 minute(s)"));
    QCOMPARE(topics->groupWindowText(7200), QStringLiteral("within 2 hour(s)"));

    // The editor shows it as off, and turning it on starts from the default window.
    AdminTopicEditor editor;
    editor.setTopics(topics.get());
    QVERIFY(editor.edit(QStringLiteral("alerts")));
    QVERIFY(!editor.isNew());
    QCOMPARE(editor.groupingMode(), QStringLiteral("off"));
    editor.setGroupingMode(QStringLiteral("replace"));
    QCOMPARE(editor.groupWindowSec(), AdminTopicListModel::DefaultGroupWindowSec);
    QSignalSpy editorSaved(&editor, &AdminTopicEditor::saved);
    QVERIFY(editor.save());
    QVERIFY(editorSaved.wait(10000));
    const QJsonObject stored = serverTopic(QStringLiteral("alerts"));
    QCOMPARE(stored.value(QStringLiteral("groupingMode")).toString(), QStringLiteral("replace"));
    QCOMPARE(stored.value(QStringLiteral("groupWindowSec")).toInt(), AdminTopicListModel::DefaultGroupWindowSec);
    QCOMPARE(
        roleOf(*topics, topics->indexOf(QStringLiteral("alerts")), "grouping").toString(), QStringLiteral("replace"));
}

void TestAdminTopics::editor_addAndRemoveEntries_thenSave()
{
    auto topics = loadedModel();
    AdminTopicEditor editor;
    editor.setTopics(topics.get());
    editor.startNew();
    QVERIFY(editor.isNew());
    // The server's defaults for a new topic.
    QCOMPARE(editor.readAcl(), QStringList {QStringLiteral("*")});
    QCOMPARE(editor.publishAcl(), (QStringList {QStringLiteral("role:admin"), QStringLiteral("role:publisher")}));
    QCOMPARE(editor.readEntries().constFirst().toMap().value(QStringLiteral("label")).toString(),
        QStringLiteral("Everyone"));

    QSignalSpy aclChanged(&editor, &AdminTopicEditor::aclChanged);
    QVERIFY(!editor.addEntry(QStringLiteral("read"), QStringLiteral("role:owner")));
    QCOMPARE(editor.errorField(), QStringLiteral("read"));
    QCOMPARE(aclChanged.size(), 0);
    QVERIFY(!editor.addEntry(QStringLiteral("publish"), QStringLiteral("role:admin")));
    QCOMPARE(editor.errorField(), QStringLiteral("publish"));
    QCOMPARE(editor.errorMessage(), QStringLiteral("Role: Admins is in the list already."));
    QVERIFY(editor.addEntry(QStringLiteral("publish"), QStringLiteral("@alice")));
    QVERIFY(editor.errorField().isEmpty());
    QCOMPARE(editor.publishEntries().constLast().toMap().value(QStringLiteral("label")).toString(),
        QStringLiteral("@alice"));
    editor.removeEntry(QStringLiteral("publish"), 0); // role:admin
    editor.removeEntry(QStringLiteral("read"), 0);
    QVERIFY(editor.addEntry(QStringLiteral("read"), QStringLiteral(" role:USER ")));
    QCOMPARE(editor.readAcl(), QStringList {QStringLiteral("role:user")});
    QCOMPARE(editor.publishAcl(), (QStringList {QStringLiteral("role:publisher"), QStringLiteral("user:alice")}));

    // A bad name is the name's error, from the list's check.
    editor.setName(QStringLiteral("no spaces allowed"));
    QVERIFY(!editor.save());
    QCOMPARE(editor.errorField(), QStringLiteral("name"));
    editor.setName(QStringLiteral("billing"));
    QVERIFY(editor.errorField().isEmpty());
    editor.setDescription(QStringLiteral("Invoices"));
    QSignalSpy saved(&editor, &AdminTopicEditor::saved);
    QVERIFY(editor.save());
    QVERIFY(saved.wait(10000));
    QVERIFY(!editor.isNew());
    const QJsonObject stored = serverTopic(QStringLiteral("billing"));
    QCOMPARE(stored.value(QStringLiteral("description")).toString(), QStringLiteral("Invoices"));
    QCOMPARE(stringsOf(stored.value(QStringLiteral("read"))), QStringList {QStringLiteral("role:user")});
    QCOMPARE(stringsOf(stored.value(QStringLiteral("publish"))),
        (QStringList {QStringLiteral("role:publisher"), QStringLiteral("user:") + m_aliceId}));

    // A refusal of the server's arrives on the editor's field too.
    editor.startNew();
    editor.setName(QStringLiteral("later"));
    QVERIFY(editor.addEntry(QStringLiteral("read"), QStringLiteral("user:ghost")));
    QVERIFY(editor.save());
    QTRY_COMPARE(editor.errorField(), QStringLiteral("read"));
    QCOMPARE(editor.errorMessage(), QStringLiteral("No user is called ghost."));
}

void TestAdminTopics::labels_nameTheUsersOfIdEntries()
{
    QCOMPARE(m_rest
                 ->put(QStringLiteral("/api/admin/topics/private"),
                     {{QStringLiteral("read"), QJsonArray {QString(QStringLiteral("user:") + m_aliceId)}}})
                 .status,
        201);
    auto topics = loadedModel();
    const int row = topics->indexOf(QStringLiteral("private"));
    QVERIFY(row >= 0);
    // Until the username is known the label shows the id's start; then the name.
    QTRY_COMPARE(roleOf(*topics, row, "readLabels").toStringList(), QStringList {QStringLiteral("@alice")});
    QCOMPARE(topics->aclLabel(QStringLiteral("user:") + m_aliceId), QStringLiteral("@alice"));
    QCOMPARE(topics->aclLabel(QStringLiteral("role:user")), QStringLiteral("Role: Users"));
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminTopics)

#include "tst_admin_topics.moc"
