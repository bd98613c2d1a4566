// Notification templates end to end: /api/templates against a real in-process
// tidingsd, publishing with a template, and the versions messages record.
#include "core/TemplateService.h"
#include "store/Store.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"
#include "support/TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Tidings::Test;
using namespace Qt::Literals::StringLiterals;
using Tidings::Server::MessageRecord;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s: %s", qPrintable(error.errorString()), json);
    return doc.object();
}

// An order template: a required orderId, a number, a URL with no default and a
// name with one; default and German contents, and an email content.
QJsonObject orderTemplate(const QString &name = QStringLiteral("order_shipped"))
{
    QJsonObject t = obj(R"({
        "type": "order_status",
        "description": "Sent when an order leaves the warehouse",
        "variables": [
            {"name": "orderId", "type": "string", "required": true},
            {"name": "items", "type": "number"},
            {"name": "trackingUrl", "type": "url"},
            {"name": "customer", "type": "string", "default": "customer"}
        ],
        "contents": [
            {"channel": "default", "subject": "Order {{orderId}} shipped",
             "textBody": "Hello {{customer}}, {{items}} items are on their way.",
             "htmlBody": "<p>Hello {{customer}}, <b>{{items}}</b> items</p>"},
            {"channel": "default", "locale": "de", "subject": "Bestellung {{orderId}} versandt",
             "textBody": "Hallo {{customer}}", "htmlBody": "<p>Hallo {{customer}}</p>"},
            {"channel": "email", "subject": "[Shop] Order {{orderId}}",
             "textBody": "Track it: {{trackingUrl}}", "htmlBody": "<a href='{{trackingUrl}}'>Track</a>"}
        ]
    })");
    t.insert(QStringLiteral("name"), name);
    return t;
}

QStringList versionNumbers(const HttpResult &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json.value(QStringLiteral("versions")).toArray())
        out << QString::number(v.toObject().value(QStringLiteral("version")).toInt());
    return out;
}

QJsonArray notificationsOf(const HttpResult &r)
{
    return r.json.value(QStringLiteral("notifications")).toArray();
}

} // namespace

class TestTemplatesApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void crud_createGetListAndDelete();
    void create_isAdminOnly();
    void create_duplicateLiveName_is409();
    void create_invalid_namesTheField_data();
    void create_invalid_namesTheField();
    void update_everyEdit_addsAVersionAndCarriesTheRestOver();
    void update_invalid_leavesThePreviousVersionCurrent();
    void update_renameToATakenName_is409AndChangesNothing();
    void list_showsTheVariantsOfTheCurrentVersion();
    void restore_savesTheOldVersionAsTheNewestOne();

    void preview_rendersEachPart_data();
    void preview_rendersEachPart();
    void preview_missingOrMistypedVariable_namesIt_data();
    void preview_missingOrMistypedVariable_namesIt();
    void preview_localeFallback_data();
    void preview_localeFallback();
    void preview_badLocaleChannelOrVersion_namesTheField_data();
    void preview_badLocaleChannelOrVersion_namesTheField();
    void preview_ofAnEarlierVersion_usesItsText();
    void previewDraft_rendersWhatIsNotSaved();
    void previewDraft_errors_nameTheDraftsField_data();
    void previewDraft_errors_nameTheDraftsField();

    void publish_withTemplateName_rendersTitleAndMessageIntoTheInbox();
    void publish_explicitTitleAndMessage_winOverTheTemplates();
    void publish_missingVariable_isRefusedAndStoresNothing();
    void publish_withDeletedTemplate_isRefused();
    void publish_recordsTheVersion_anEarlierMessageRendersWithItsOwn();

    void adminUsers_locale_isValidatedCanonicalAndStored();

private:
    HttpResult createTemplate(const QJsonObject &body);
    HttpResult preview(const QString &id, const QJsonObject &body);
    std::unique_ptr<HttpTestClient> signIn(const QString &username);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpTestClient> m_admin;
    QString m_aliceId;
};

void TestTemplatesApi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_admin = std::make_unique<HttpTestClient>(m_server->url());
    QCOMPARE(m_admin->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = m_admin->createUser(QStringLiteral("alice"));
    QVERIFY(!m_aliceId.isEmpty());
}

void TestTemplatesApi::cleanup()
{
    m_admin.reset();
    m_server.reset();
}

HttpResult TestTemplatesApi::createTemplate(const QJsonObject &body)
{
    return m_admin->post(QStringLiteral("/api/templates"), body);
}

HttpResult TestTemplatesApi::preview(const QString &id, const QJsonObject &body)
{
    return m_admin->post(QStringLiteral("/api/templates/%1/preview").arg(id), body);
}

std::unique_ptr<HttpTestClient> TestTemplatesApi::signIn(const QString &username)
{
    auto client = std::make_unique<HttpTestClient>(m_server->url());
    const HttpResult r = client->login(username, QStringLiteral("password-123"));
    if (r.status != 200)
        qWarning("login of %s failed: %d %s", qPrintable(username), r.status, r.body.constData());
    return client;
}

// ---- CRUD and versions

void TestTemplatesApi::crud_createGetListAndDelete()
{
    const HttpResult created = createTemplate(orderTemplate());
    QCOMPARE(created.status, 201);
    const QString id = created.json.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.json.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(created.json.value(QStringLiteral("name")).toString(), QStringLiteral("order_shipped"));
    QCOMPARE(created.json.value(QStringLiteral("type")).toString(), QStringLiteral("order_status"));
    QVERIFY(created.json.value(QStringLiteral("topic")).isNull());
    QCOMPARE(created.json.value(QStringLiteral("variables")).toArray().size(), 4);
    QCOMPARE(created.json.value(QStringLiteral("contents")).toArray().size(), 3);
    const QJsonObject customer = created.json.value(QStringLiteral("variables")).toArray().at(3).toObject();
    QCOMPARE(customer, obj(R"({"name": "customer", "type": "string", "required": false, "default": "customer"})"));

    // By id and by name.
    const HttpResult byId = m_admin->get(QStringLiteral("/api/templates/") + id);
    QCOMPARE(byId.status, 200);
    QCOMPARE(byId.json, created.json);
    const HttpResult byName = m_admin->get(QStringLiteral("/api/templates/order_shipped"));
    QCOMPARE(byName.status, 200);
    QCOMPARE(byName.json.value(QStringLiteral("id")).toString(), id);

    QJsonObject other = orderTemplate(QStringLiteral("welcome"));
    other.insert(QStringLiteral("type"), QStringLiteral("account"));
    other.insert(QStringLiteral("description"), QStringLiteral("First mail after sign-up"));
    QCOMPARE(createTemplate(other).status, 201);

    const HttpResult all = m_admin->get(QStringLiteral("/api/templates"));
    QCOMPARE(all.status, 200);
    const QJsonArray listed = all.json.value(QStringLiteral("templates")).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("order_shipped"));
    QVERIFY2(!listed.at(0).toObject().contains(QStringLiteral("contents")), "the list holds summaries");
    QCOMPARE(all.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("total")).toInt(), 2);

    const HttpResult byType = m_admin->get(QStringLiteral("/api/templates?type=account"));
    QCOMPARE(byType.json.value(QStringLiteral("templates")).toArray().size(), 1);
    QCOMPARE(byType.json.value(QStringLiteral("templates")).toArray().at(0).toObject().value(QStringLiteral("name")),
        QJsonValue(QStringLiteral("welcome")));
    const HttpResult bySearch = m_admin->get(QStringLiteral("/api/templates?q=SIGN-UP"));
    QCOMPARE(bySearch.json.value(QStringLiteral("templates")).toArray().size(), 1);
    const HttpResult paged = m_admin->get(QStringLiteral("/api/templates?limit=1&page=2"));
    QCOMPARE(paged.json.value(QStringLiteral("templates")).toArray().at(0).toObject().value(QStringLiteral("name")),
        QJsonValue(QStringLiteral("welcome")));
    QCOMPARE(
        paged.json.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasNext")).toBool(true), false);

    QCOMPARE(m_admin->del(QStringLiteral("/api/templates/") + id).status, 204);
    QVERIFY(hasErrorShape(m_admin->get(QStringLiteral("/api/templates/") + id), QStringLiteral("NOT_FOUND")));
    QCOMPARE(m_admin->get(QStringLiteral("/api/templates/order_shipped")).status, 404);
    QCOMPARE(m_admin->del(QStringLiteral("/api/templates/") + id).status, 404);
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/templates")).json.value(QStringLiteral("templates")).toArray().size(), 1);
    // A deleted template's name is free again.
    const HttpResult again = createTemplate(orderTemplate());
    QCOMPARE(again.status, 201);
    QVERIFY(again.json.value(QStringLiteral("id")).toString() != id);
}

void TestTemplatesApi::create_isAdminOnly()
{
    m_admin->createUser(QStringLiteral("pub"), QStringLiteral("publisher"));
    auto publisher = signIn(QStringLiteral("pub"));
    QVERIFY(
        hasErrorShape(publisher->post(QStringLiteral("/api/templates"), orderTemplate()), QStringLiteral("FORBIDDEN")));
    QVERIFY(hasErrorShape(publisher->get(QStringLiteral("/api/templates")), QStringLiteral("FORBIDDEN")));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/templates")).json.value(QStringLiteral("templates")).toArray().size(), 0);
}

void TestTemplatesApi::create_duplicateLiveName_is409()
{
    QCOMPARE(createTemplate(orderTemplate()).status, 201);
    const HttpResult dup = createTemplate(orderTemplate());
    QVERIFY2(hasErrorShape(dup, QStringLiteral("CONFLICT")), dup.body.constData());
    QCOMPARE(dup.errorField(), QStringLiteral("name"));
}

void TestTemplatesApi::create_invalid_namesTheField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    const QJsonObject good = orderTemplate();
    auto with = [&good](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(key, value);
        return o;
    };
    auto without = [&good](const QString &key) {
        QJsonObject o = good;
        o.remove(key);
        return o;
    };
    auto contents = [&with](const char *json) {
        return with(QStringLiteral("contents"), QJsonDocument::fromJson(QByteArray(json)).array());
    };

    QTest::newRow("no name") << without(QStringLiteral("name")) << u"name"_s << u"name is required"_s;
    QTest::newRow("name with spaces") << with(QStringLiteral("name"), QStringLiteral("order shipped")) << u"name"_s
                                      << u"A-Z"_s;
    QTest::newRow("name like an id") << with(
        QStringLiteral("name"), QStringLiteral("3f2b8a9e-0c8f-4b6e-9d61-2a4d6f0e1b7c"))
                                     << u"name"_s << u"id"_s;
    QTest::newRow("bad topic") << with(QStringLiteral("topic"), QStringLiteral("a b")) << u"topic"_s << u"topic"_s;
    QTest::newRow("no contents") << without(QStringLiteral("contents")) << u"contents"_s << u"required"_s;
    QTest::newRow("no default content") << contents(R"([{"channel": "email", "subject": "s"}])") << u"contents"_s
                                        << u"'default'"_s;
    QTest::newRow("only a localized default") << contents(R"([{"channel": "default", "locale": "de", "subject": "s"}])")
                                              << u"contents"_s << u"default locale"_s;
    QTest::newRow("unknown channel") << contents(R"([{"channel": "sms", "subject": "s"}])") << u"contents[0].channel"_s
                                     << u"must be one of"_s;
    QTest::newRow("bad locale") << contents(R"([{"subject": "s"}, {"locale": "english!", "subject": "s"}])")
                                << u"contents[1].locale"_s << u"language tag"_s;
    QTest::newRow("repeated channel and locale")
        << contents(R"([{"subject": "a"}, {"channel": "email", "locale": "de"}, {"channel": "EMAIL", "locale": "DE"}])")
        << u"contents[2]"_s << u"repeats channel 'email' with locale 'de'"_s;
    QTest::newRow("unclosed section in html")
        << contents(R"([{"subject": "s", "htmlBody": "{{#items}}<li>{{name}}</li>"}])") << u"contents[0].htmlBody"_s
        << u"contents[0].htmlBody: unclosed section 'items'"_s;
    QTest::newRow("subject not a string") << contents(R"([{"subject": 3}])") << u"contents[0].subject"_s << u"string"_s;
    QTest::newRow("unknown variable type")
        << with(QStringLiteral("variables"), QJsonDocument::fromJson(R"([{"name": "n", "type": "money"}])").array())
        << u"variables[0].type"_s << u"string, number, boolean, date or url"_s;
    QTest::newRow("default of the wrong type") << with(QStringLiteral("variables"),
        QJsonDocument::fromJson(R"([{"name": "count", "type": "number", "default": "three"}])").array())
                                               << u"variables.count"_s << u"must be a number"_s;
    QTest::newRow("variable declared twice")
        << with(QStringLiteral("variables"), QJsonDocument::fromJson(R"([{"name": "a"}, {"name": "a"}])").array())
        << u"variables.a"_s << u"declared twice"_s;
    QTest::newRow("variables not a list")
        << with(QStringLiteral("variables"), QStringLiteral("orderId")) << u"variables"_s << u"list"_s;
}

void TestTemplatesApi::create_invalid_namesTheField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    const HttpResult r = createTemplate(body);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    const QString message
        = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/templates")).json.value(QStringLiteral("templates")).toArray().size(), 0);
}

void TestTemplatesApi::update_everyEdit_addsAVersionAndCarriesTheRestOver()
{
    const HttpResult created = createTemplate(orderTemplate());
    const QString id = created.json.value(QStringLiteral("id")).toString();

    // Only the description: a new version with the same variables and contents.
    const HttpResult v2 = m_admin->put(
        QStringLiteral("/api/templates/") + id, {{QStringLiteral("description"), QStringLiteral("changed")}});
    QCOMPARE(v2.status, 200);
    QCOMPARE(v2.json.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(v2.json.value(QStringLiteral("description")).toString(), QStringLiteral("changed"));
    QCOMPARE(v2.json.value(QStringLiteral("variables")), created.json.value(QStringLiteral("variables")));
    QCOMPARE(v2.json.value(QStringLiteral("contents")), created.json.value(QStringLiteral("contents")));
    QCOMPARE(v2.json.value(QStringLiteral("type")), created.json.value(QStringLiteral("type")));

    // New contents (by name this time): the variables are carried over.
    const HttpResult v3 = m_admin->put(QStringLiteral("/api/templates/order_shipped"),
        obj(R"({"contents": [{"subject": "Shipped: {{orderId}}", "textBody": "v3"}], "topic": "orders"})"));
    QCOMPARE(v3.status, 200);
    QCOMPARE(v3.json.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(v3.json.value(QStringLiteral("contents")).toArray().size(), 1);
    QCOMPARE(v3.json.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
    QCOMPARE(v3.json.value(QStringLiteral("variables")), created.json.value(QStringLiteral("variables")));

    // Even an empty edit is an edit.
    QCOMPARE(m_admin->put(QStringLiteral("/api/templates/") + id, {}).json.value(QStringLiteral("version")).toInt(), 4);

    const HttpResult versions = m_admin->get(QStringLiteral("/api/templates/%1/versions").arg(id));
    QCOMPARE(versions.status, 200);
    QCOMPARE(versionNumbers(versions), (QStringList {u"4"_s, u"3"_s, u"2"_s, u"1"_s}));

    const HttpResult first = m_admin->get(QStringLiteral("/api/templates/%1/versions/1").arg(id));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(QStringLiteral("contents")), created.json.value(QStringLiteral("contents")));
    const HttpResult third = m_admin->get(QStringLiteral("/api/templates/%1/versions/3").arg(id));
    QCOMPARE(third.json.value(QStringLiteral("contents")).toArray().at(0).toObject().value(QStringLiteral("textBody")),
        QJsonValue(QStringLiteral("v3")));
    QCOMPARE(m_admin->get(QStringLiteral("/api/templates/%1/versions/9").arg(id)).status, 404);
    QCOMPARE(m_admin->get(QStringLiteral("/api/templates/%1/versions/x").arg(id)).status, 400);
}

void TestTemplatesApi::update_invalid_leavesThePreviousVersionCurrent()
{
    const HttpResult created = createTemplate(orderTemplate());
    const QString id = created.json.value(QStringLiteral("id")).toString();

    const HttpResult bad = m_admin->put(QStringLiteral("/api/templates/") + id,
        obj(R"({"description": "lost", "contents": [{"subject": "{{#x}}unclosed"}]})"));
    QVERIFY2(hasErrorShape(bad, QStringLiteral("VALIDATION_ERROR")), bad.body.constData());
    QCOMPARE(bad.errorField(), QStringLiteral("contents[0].subject"));

    // New declarations are checked against the contents carried over, too.
    const HttpResult badDefault = m_admin->put(QStringLiteral("/api/templates/") + id,
        obj(R"({"variables": [{"name": "items", "type": "number", "default": "many"}]})"));
    QCOMPARE(badDefault.errorField(), QStringLiteral("variables.items"));

    const HttpResult after = m_admin->get(QStringLiteral("/api/templates/") + id);
    QCOMPARE(after.json, created.json);
    QCOMPARE(versionNumbers(m_admin->get(QStringLiteral("/api/templates/%1/versions").arg(id))), QStringList {u"1"_s});
}

void TestTemplatesApi::update_renameToATakenName_is409AndChangesNothing()
{
    QCOMPARE(createTemplate(orderTemplate(QStringLiteral("first"))).status, 201);
    const HttpResult second = createTemplate(orderTemplate(QStringLiteral("second")));
    const QString id = second.json.value(QStringLiteral("id")).toString();
    const HttpResult r
        = m_admin->put(QStringLiteral("/api/templates/") + id, {{QStringLiteral("name"), QStringLiteral("first")}});
    QVERIFY2(hasErrorShape(r, QStringLiteral("CONFLICT")), r.body.constData());
    QCOMPARE(m_admin->get(QStringLiteral("/api/templates/") + id).json, second.json);
    // Renaming to a free name works and keeps the id.
    const HttpResult renamed
        = m_admin->put(QStringLiteral("/api/templates/") + id, {{QStringLiteral("name"), QStringLiteral("third")}});
    QCOMPARE(renamed.status, 200);
    QCOMPARE(m_admin->get(QStringLiteral("/api/templates/third")).json.value(QStringLiteral("id")).toString(), id);
}

void TestTemplatesApi::list_showsTheVariantsOfTheCurrentVersion()
{
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    const QJsonArray v1 = m_admin->get(QStringLiteral("/api/templates"))
                              .json.value(QStringLiteral("templates"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("variants"))
                              .toArray();
    QCOMPARE(v1,
        QJsonArray({obj(R"({"channel": "default", "locale": ""})"), obj(R"({"channel": "default", "locale": "de"})"),
            obj(R"({"channel": "email", "locale": ""})")}));
    QCOMPARE(
        m_admin->put(QStringLiteral("/api/templates/") + id, obj(R"({"contents": [{"locale": ""}]})")).status, 200);
    const QJsonArray v2 = m_admin->get(QStringLiteral("/api/templates"))
                              .json.value(QStringLiteral("templates"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("variants"))
                              .toArray();
    QCOMPARE(v2, QJsonArray({obj(R"({"channel": "default", "locale": ""})")}));
}

void TestTemplatesApi::restore_savesTheOldVersionAsTheNewestOne()
{
    const HttpResult created = createTemplate(orderTemplate());
    const QString id = created.json.value(QStringLiteral("id")).toString();
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/templates/") + id, obj(R"({"description": "kept", "variables": [],
                             "contents": [{"subject": "v2"}]})"))
                 .status,
        200);

    const HttpResult restored = m_admin->post(QStringLiteral("/api/templates/%1/versions/1/restore").arg(id));
    QVERIFY2(restored.status == 200, restored.body.constData());
    QCOMPARE(restored.json.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(restored.json.value(QStringLiteral("contents")), created.json.value(QStringLiteral("contents")));
    QCOMPARE(restored.json.value(QStringLiteral("variables")), created.json.value(QStringLiteral("variables")));
    // What is not versioned stays as it is now.
    QCOMPARE(restored.json.value(QStringLiteral("description")).toString(), QStringLiteral("kept"));
    QCOMPARE(versionNumbers(m_admin->get(QStringLiteral("/api/templates/%1/versions").arg(id))),
        (QStringList {u"3"_s, u"2"_s, u"1"_s}));

    QVERIFY(hasErrorShape(
        m_admin->post(QStringLiteral("/api/templates/%1/versions/9/restore").arg(id)), QStringLiteral("NOT_FOUND")));
    QCOMPARE(m_admin->post(QStringLiteral("/api/templates/%1/versions/x/restore").arg(id)).errorField(),
        QStringLiteral("version"));
    QCOMPARE(m_admin->post(QStringLiteral("/api/templates/no-such/versions/1/restore")).status, 404);
}

// ---- preview

void TestTemplatesApi::preview_rendersEachPart_data()
{
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("html");

    QTest::newRow("defaults and numbers")
        << obj(R"({"orderId": "A-1", "items": 3})") << u"Order A-1 shipped"_s
        << u"Hello customer, 3 items are on their way."_s << u"<p>Hello customer, <b>3</b> items</p>"_s;
    QTest::newRow("html escaped only in the html body")
        << obj(R"({"orderId": "<1>", "items": 2.5, "customer": "Tom & 'Jerry'"})") << u"Order <1> shipped"_s
        << u"Hello Tom & 'Jerry', 2.5 items are on their way."_s
        << u"<p>Hello Tom &amp; &apos;Jerry&apos;, <b>2.5</b> items</p>"_s;
    QTest::newRow("double quotes escaped in html")
        << QJsonObject {{u"orderId"_s, u"q"_s}, {u"customer"_s, u"\"Q\""_s}} << u"Order q shipped"_s
        << u"Hello \"Q\",  items are on their way."_s << u"<p>Hello &quot;Q&quot;, <b></b> items</p>"_s;
    QTest::newRow("script tags in a value stay inert in html")
        << obj(R"({"orderId": "x", "customer": "<script>alert(1)</script>"})") << u"Order x shipped"_s
        << u"Hello <script>alert(1)</script>,  items are on their way."_s
        << u"<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;, <b></b> items</p>"_s;
    QTest::newRow("null counts as absent: the default")
        << obj(R"({"orderId": "7", "customer": null})") << u"Order 7 shipped"_s
        << u"Hello customer,  items are on their way."_s << u"<p>Hello customer, <b></b> items</p>"_s;
}

void TestTemplatesApi::preview_rendersEachPart()
{
    QFETCH(QJsonObject, variables);
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(QString, html);
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    const HttpResult r = preview(id, {{QStringLiteral("variables"), variables}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), subject);
    QCOMPARE(r.json.value(QStringLiteral("body")).toString(), body);
    QCOMPARE(r.json.value(QStringLiteral("html")).toString(), html);
    QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(r.json.value(QStringLiteral("channel")).toString(), QStringLiteral("default"));
    QCOMPARE(r.json.value(QStringLiteral("locale")).toString(), QString());
}

void TestTemplatesApi::preview_missingOrMistypedVariable_namesIt_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing required") << obj(R"({"variables": {"items": 1}})") << u"variables.orderId"_s
                                      << u"variable 'orderId' is required"_s;
    QTest::newRow("no variables at all") << obj(R"({})") << u"variables.orderId"_s
                                         << u"variable 'orderId' is required"_s;
    QTest::newRow("number given as a string") << obj(R"({"variables": {"orderId": "1", "items": "3"}})")
                                              << u"variables.items"_s << u"variable 'items' must be a number"_s;
    QTest::newRow("javascript url") << obj(R"j({"channel": "email", "variables": {"orderId": "1",
                                            "trackingUrl": "javascript:alert(1)"}})j")
                                    << u"variables.trackingUrl"_s
                                    << u"variable 'trackingUrl' must be an http, https or mailto URL"_s;
    QTest::newRow("variables not an object")
        << obj(R"({"variables": ["orderId"]})") << u"variables"_s << u"variables must be an object"_s;
}

void TestTemplatesApi::preview_missingOrMistypedVariable_namesIt()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    const HttpResult r = preview(id, body);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(), message);
}

void TestTemplatesApi::preview_localeFallback_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("usedChannel");
    QTest::addColumn<QString>("usedLocale");

    // Contents: default/"", default/de, email/"", email/pt-BR, push/fr.
    QTest::newRow("exact channel and locale") << u"email"_s << u"pt-BR"_s << u"email"_s << u"pt-BR"_s;
    QTest::newRow("tags compare canonically") << u"EMAIL"_s << u"pt_br"_s << u"email"_s << u"pt-BR"_s;
    QTest::newRow("channel in the default locale before default in the locale")
        << u"email"_s << u"de"_s << u"email"_s << QString();
    QTest::newRow("a region falls back to its language") << u"push"_s << u"fr-CA"_s << u"push"_s << u"fr"_s;
    QTest::newRow("a language does not fall forward to a region") << u"email"_s << u"pt"_s << u"email"_s << QString();
    QTest::newRow("no channel content: default in the locale") << u"push"_s << u"de"_s << u"default"_s << u"de"_s;
    QTest::newRow("no channel content: default in its language")
        << u"webhook"_s << u"de-AT"_s << u"default"_s << u"de"_s;
    QTest::newRow("nothing matches: default, default locale") << u"webhook"_s << u"ja"_s << u"default"_s << QString();
    QTest::newRow("no channel given: default") << QString() << u"de"_s << u"default"_s << u"de"_s;
}

void TestTemplatesApi::preview_localeFallback()
{
    QFETCH(QString, channel);
    QFETCH(QString, locale);
    QFETCH(QString, usedChannel);
    QFETCH(QString, usedLocale);
    const HttpResult created = createTemplate(obj(R"({
        "name": "locales",
        "contents": [
            {"subject": "default/"},
            {"locale": "de", "subject": "default/de"},
            {"channel": "email", "subject": "email/"},
            {"channel": "email", "locale": "pt-BR", "subject": "email/pt-BR"},
            {"channel": "push", "locale": "fr", "subject": "push/fr"}
        ]
    })"));
    QCOMPARE(created.status, 201);
    QJsonObject body {{QStringLiteral("locale"), locale}};
    if (!channel.isEmpty())
        body.insert(QStringLiteral("channel"), channel);
    const HttpResult r = preview(QStringLiteral("locales"), body);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json.value(QStringLiteral("channel")).toString(), usedChannel);
    QCOMPARE(r.json.value(QStringLiteral("locale")).toString(), usedLocale);
    QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), usedChannel + u'/' + usedLocale);
}

void TestTemplatesApi::preview_badLocaleChannelOrVersion_namesTheField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("locale") << obj(R"({"variables": {"orderId": "1"}, "locale": "not a tag"})") << u"locale"_s;
    QTest::newRow("channel") << obj(R"({"variables": {"orderId": "1"}, "channel": "sms"})") << u"channel"_s;
    QTest::newRow("version that does not exist")
        << obj(R"({"variables": {"orderId": "1"}, "version": 2})") << u"version"_s;
    QTest::newRow("version zero") << obj(R"({"variables": {"orderId": "1"}, "version": 0})") << u"version"_s;
}

void TestTemplatesApi::preview_badLocaleChannelOrVersion_namesTheField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    const HttpResult r = preview(id, body);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    QVERIFY(hasErrorShape(preview(QStringLiteral("no-such-template"), {}), QStringLiteral("NOT_FOUND")));
}

void TestTemplatesApi::preview_ofAnEarlierVersion_usesItsText()
{
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    QCOMPARE(
        m_admin->put(QStringLiteral("/api/templates/") + id, obj(R"({"contents": [{"subject": "v2 {{orderId}}"}]})"))
            .status,
        200);
    const QJsonObject vars = obj(R"({"orderId": "9"})");
    const HttpResult current = preview(id, {{QStringLiteral("variables"), vars}});
    QCOMPARE(current.json.value(QStringLiteral("subject")).toString(), QStringLiteral("v2 9"));
    QCOMPARE(current.json.value(QStringLiteral("version")).toInt(), 2);
    const HttpResult first = preview(id, {{QStringLiteral("variables"), vars}, {QStringLiteral("version"), 1}});
    QCOMPARE(first.json.value(QStringLiteral("subject")).toString(), QStringLiteral("Order 9 shipped"));
    QCOMPARE(first.json.value(QStringLiteral("version")).toInt(), 1);
}

void TestTemplatesApi::previewDraft_rendersWhatIsNotSaved()
{
    QJsonObject draft = orderTemplate();
    draft.remove(QStringLiteral("name"));
    const HttpResult r = m_admin->post(QStringLiteral("/api/templates/preview"),
        {{QStringLiteral("template"), draft}, {QStringLiteral("channel"), QStringLiteral("email")},
            {QStringLiteral("variables"), obj(R"({"orderId": "A-1", "trackingUrl": "https://t.example/1"})")}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json.value(QStringLiteral("subject")).toString(), QStringLiteral("[Shop] Order A-1"));
    QCOMPARE(r.json.value(QStringLiteral("body")).toString(), QStringLiteral("Track it: https://t.example/1"));
    QCOMPARE(r.json.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 0);

    const HttpResult german = m_admin->post(QStringLiteral("/api/templates/preview"),
        {{QStringLiteral("template"), draft}, {QStringLiteral("locale"), QStringLiteral("de_AT")},
            {QStringLiteral("variables"), obj(R"({"orderId": "7"})")}});
    QCOMPARE(german.json.value(QStringLiteral("subject")).toString(), QStringLiteral("Bestellung 7 versandt"));
    QCOMPARE(german.json.value(QStringLiteral("locale")).toString(), QStringLiteral("de"));
    // Nothing was saved.
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/templates")).json.value(QStringLiteral("templates")).toArray().size(), 0);
}

void TestTemplatesApi::previewDraft_errors_nameTheDraftsField_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("syntax error in a part")
        << obj(R"({"template": {"contents": [{"subject": "ok"}, {"channel": "push", "htmlBody": "{{#items}}"}]}})")
        << u"template.contents[1].htmlBody"_s << u"contents[1].htmlBody: unclosed section 'items'"_s;
    QTest::newRow("no default content") << obj(R"({"template": {"contents": [{"channel": "email"}]}})")
                                        << u"template.contents"_s << QString();
    QTest::newRow("bad declaration") << obj(R"({"template": {"variables": [{"name": "n", "type": "colour"}],
                                                             "contents": [{}]}})")
                                     << u"template.variables[0].type"_s << QString();
    QTest::newRow("default of the wrong type")
        << obj(R"({"template": {"variables": [{"name": "n", "type": "number", "default": "x"}], "contents": [{}]}})")
        << u"template.variables.n"_s << u"default of variable 'n' must be a number"_s;
    QTest::newRow("missing required value")
        << obj(R"({"template": {"variables": [{"name": "orderId", "required": true}], "contents": [{}]}})")
        << u"variables.orderId"_s << u"variable 'orderId' is required"_s;
    QTest::newRow("no template") << obj(R"({"variables": {}})") << u"template"_s << QString();
    QTest::newRow("bad channel") << obj(R"({"template": {"contents": [{}]}, "channel": "sms"})") << u"channel"_s
                                 << QString();
}

void TestTemplatesApi::previewDraft_errors_nameTheDraftsField()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const HttpResult r = m_admin->post(QStringLiteral("/api/templates/preview"), body);
    QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
    QCOMPARE(r.errorField(), field);
    if (!message.isEmpty())
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(), message);
}

// ---- publishing

void TestTemplatesApi::publish_withTemplateName_rendersTitleAndMessageIntoTheInbox()
{
    QJsonObject body = orderTemplate();
    // The inbox uses the inApp content when there is one.
    QJsonArray contents = body.value(QStringLiteral("contents")).toArray();
    contents.append(obj(R"({"channel": "inApp", "subject": "📦 {{orderId}} is on its way",
                            "textBody": "{{items}} items for {{customer}} <3"})"));
    body.insert(QStringLiteral("contents"), contents);
    body.insert(QStringLiteral("topic"), QStringLiteral("orders"));
    QCOMPARE(createTemplate(body).status, 201);

    const HttpResult published = m_admin->post(
        QStringLiteral("/api/notifications"), obj(R"({"recipients": ["alice"], "templateId": "order_shipped",
                "variables": {"orderId": "A-17", "items": 2, "customer": "Alice"}})"));
    QVERIFY2(published.status == 202, published.body.constData());

    auto alice = signIn(QStringLiteral("alice"));
    const HttpResult inbox = alice->get(QStringLiteral("/api/notifications"));
    QCOMPARE(notificationsOf(inbox).size(), 1);
    const QJsonObject n = notificationsOf(inbox).at(0).toObject();
    QCOMPARE(n.value(QStringLiteral("id")).toString(), published.json.value(QStringLiteral("id")).toString());
    QCOMPARE(n.value(QStringLiteral("title")).toString(), QStringLiteral("📦 A-17 is on its way"));
    QCOMPARE(n.value(QStringLiteral("message")).toString(), QStringLiteral("2 items for Alice <3"));
    QCOMPARE(n.value(QStringLiteral("type")).toString(), QStringLiteral("order_status"));
    // The template's topic labels a notification that named none.
    QCOMPARE(n.value(QStringLiteral("topic")).toString(), QStringLiteral("orders"));
}

void TestTemplatesApi::publish_explicitTitleAndMessage_winOverTheTemplates()
{
    QCOMPARE(createTemplate(orderTemplate()).status, 201);
    const QString id = m_admin->get(QStringLiteral("/api/templates/order_shipped")).json.value(u"id"_s).toString();
    QJsonObject request = obj(R"({"recipients": ["alice"], "title": "Custom title", "type": "custom",
                                  "variables": {"orderId": "5", "items": 1}})");
    request.insert(QStringLiteral("templateId"), id);
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), request).status, 202);
    request.insert(QStringLiteral("title"), QJsonValue::Null);
    request.insert(QStringLiteral("message"), QStringLiteral("Custom message"));
    QCOMPARE(m_admin->post(QStringLiteral("/api/notifications"), request).status, 202);

    auto alice = signIn(QStringLiteral("alice"));
    const QJsonArray items = notificationsOf(alice->get(QStringLiteral("/api/notifications")));
    QCOMPARE(items.size(), 2);
    const QJsonObject second = items.at(0).toObject(); // newest first
    const QJsonObject first = items.at(1).toObject();
    QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Custom title"));
    QCOMPARE(
        first.value(QStringLiteral("message")).toString(), QStringLiteral("Hello customer, 1 items are on their way."));
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("custom"));
    QCOMPARE(second.value(QStringLiteral("title")).toString(), QStringLiteral("Order 5 shipped"));
    QCOMPARE(second.value(QStringLiteral("message")).toString(), QStringLiteral("Custom message"));
}

void TestTemplatesApi::publish_missingVariable_isRefusedAndStoresNothing()
{
    QCOMPARE(createTemplate(orderTemplate()).status, 201);
    const HttpResult missing = m_admin->post(QStringLiteral("/api/notifications"),
        obj(R"({"recipients": ["alice"], "templateId": "order_shipped", "variables": {"items": 1}})"));
    QVERIFY2(hasErrorShape(missing, QStringLiteral("VALIDATION_ERROR")), missing.body.constData());
    QCOMPARE(missing.errorField(), QStringLiteral("variables.orderId"));
    const HttpResult mistyped = m_admin->post(QStringLiteral("/api/notifications"),
        obj(R"({"recipients": ["alice"], "templateId": "order_shipped", "variables": {"orderId": 12}})"));
    QCOMPARE(mistyped.errorField(), QStringLiteral("variables.orderId"));
    QCOMPARE(mistyped.json.value(u"error"_s).toObject().value(u"message"_s).toString(),
        QStringLiteral("variable 'orderId' must be a string"));

    auto alice = signIn(QStringLiteral("alice"));
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications"))).size(), 0);
}

void TestTemplatesApi::publish_withDeletedTemplate_isRefused()
{
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    QCOMPARE(m_admin->del(QStringLiteral("/api/templates/") + id).status, 204);
    for (const QString &ref : {id, QStringLiteral("order_shipped")}) {
        QJsonObject request = obj(R"({"recipients": ["alice"], "variables": {"orderId": "1"}})");
        request.insert(QStringLiteral("templateId"), ref);
        const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), request);
        QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), r.body.constData());
        QCOMPARE(r.errorField(), QStringLiteral("templateId"));
    }
    auto alice = signIn(QStringLiteral("alice"));
    QCOMPARE(notificationsOf(alice->get(QStringLiteral("/api/notifications"))).size(), 0);
}

void TestTemplatesApi::publish_recordsTheVersion_anEarlierMessageRendersWithItsOwn()
{
    const QString id = createTemplate(orderTemplate()).json.value(QStringLiteral("id")).toString();
    auto publish = [this, &id](const char *orderId) {
        QJsonObject request = obj(R"({"recipients": ["alice"]})");
        request.insert(QStringLiteral("templateId"), id);
        request.insert(QStringLiteral("variables"),
            QJsonObject {{QStringLiteral("orderId"), QLatin1String(orderId)},
                {QStringLiteral("trackingUrl"),
                    QString(QStringLiteral("https://track.example/") + QLatin1String(orderId))}});
        const HttpResult r = m_admin->post(QStringLiteral("/api/notifications"), request);
        if (r.status != 202)
            qWarning("publish failed: %d %s", r.status, r.body.constData());
        return r.json.value(QStringLiteral("id")).toString();
    };
    const QString firstId = publish("A");
    QVERIFY(!firstId.isEmpty());
    QCOMPARE(m_admin
                 ->put(QStringLiteral("/api/templates/") + id,
                     obj(R"({"contents": [{"subject": "v2 {{orderId}}", "textBody": "v2 text"},
                                          {"channel": "email", "locale": "de", "subject": "v2 de {{orderId}}",
                                           "htmlBody": "<i>{{trackingUrl}}</i>"}]})"))
                 .status,
        200);
    const QString secondId = publish("B");
    QVERIFY(!secondId.isEmpty());

    Tidings::Server::Store &store = m_server->server().store();
    const std::optional<MessageRecord> first = store.message(firstId);
    const std::optional<MessageRecord> second = store.message(secondId);
    QVERIFY(first && second);
    QCOMPARE(first->templateId, id);
    QCOMPARE(first->templateVersion, 1);
    QCOMPARE(second->templateVersion, 2);
    QCOMPARE(first->variables.value(QStringLiteral("orderId")).toString(), QStringLiteral("A"));

    Tidings::Server::TemplateService &templates = m_server->server().templates();
    const auto firstEmail = templates.renderFor(*first, QStringLiteral("email"), QStringLiteral("de"));
    QVERIFY2(firstEmail, qPrintable(firstEmail ? QString() : firstEmail.error().message));
    QCOMPARE(firstEmail->subject, QStringLiteral("[Shop] Order A"));
    QCOMPARE(firstEmail->text, QStringLiteral("Track it: https://track.example/A"));
    QCOMPARE(firstEmail->html, QStringLiteral("<a href='https://track.example/A'>Track</a>"));
    // Push has no content of its own: German falls back to the default German text.
    const auto firstPush = templates.renderFor(*first, QStringLiteral("push"), QStringLiteral("de-DE"));
    QVERIFY(firstPush);
    QCOMPARE(firstPush->subject, QStringLiteral("Bestellung A versandt"));

    const auto secondEmail = templates.renderFor(*second, QStringLiteral("email"), QStringLiteral("de"));
    QVERIFY(secondEmail);
    QCOMPARE(secondEmail->subject, QStringLiteral("v2 de B"));
    QCOMPARE(secondEmail->html, QStringLiteral("<i>https://track.example/B</i>"));
    const auto secondWebhook = templates.renderFor(*second, QStringLiteral("webhook"), QString());
    QVERIFY(secondWebhook);
    QCOMPARE(secondWebhook->subject, QStringLiteral("v2 B"));
    QCOMPARE(secondWebhook->text, QStringLiteral("v2 text"));

    // Deleting the template keeps the versions its messages rendered with.
    QCOMPARE(m_admin->del(QStringLiteral("/api/templates/") + id).status, 204);
    const auto afterDelete = templates.renderFor(*first, QStringLiteral("email"), QString());
    QVERIFY(afterDelete);
    QCOMPARE(afterDelete->subject, QStringLiteral("[Shop] Order A"));

    // Without a template the title and message are the text.
    MessageRecord plain = *first;
    plain.templateId.clear();
    plain.content.title = QStringLiteral("T");
    plain.content.message = QStringLiteral("M");
    const auto plainText = templates.renderFor(plain, QStringLiteral("email"), QStringLiteral("de"));
    QVERIFY(plainText);
    QCOMPARE(plainText->subject, QStringLiteral("T"));
    QCOMPARE(plainText->text, QStringLiteral("M"));
    QVERIFY(plainText->html.isEmpty());

    // A render error is returned: a message whose variables lack a required one.
    MessageRecord broken = *second;
    broken.variables = {};
    const auto error = templates.renderFor(broken, QStringLiteral("email"), QString());
    QVERIFY(!error);
    QCOMPARE(error.error().field, QStringLiteral("variables.orderId"));
}

// ---- users' locales

void TestTemplatesApi::adminUsers_locale_isValidatedCanonicalAndStored()
{
    const QString path = QStringLiteral("/api/admin/users/") + m_aliceId;
    QCOMPARE(m_admin->get(path).json.value(QStringLiteral("locale")).toString(QStringLiteral("absent")), QString());

    const HttpResult set = m_admin->patch(path, {{QStringLiteral("locale"), QStringLiteral("pt_br")}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QStringLiteral("locale")).toString(), QStringLiteral("pt-BR"));
    QCOMPARE(m_admin->get(path).json.value(QStringLiteral("locale")).toString(), QStringLiteral("pt-BR"));
    QCOMPARE(m_server->server().store().userById(m_aliceId)->locale, QStringLiteral("pt-BR"));

    for (const QString &bad : {u"english!"_s, u"e"_s, u"de-"_s, u"12"_s}) {
        const HttpResult r = m_admin->patch(path, {{QStringLiteral("locale"), bad}});
        QVERIFY2(hasErrorShape(r, QStringLiteral("VALIDATION_ERROR")), qPrintable(bad));
        QCOMPARE(r.errorField(), QStringLiteral("locale"));
    }
    QCOMPARE(m_admin->get(path).json.value(QStringLiteral("locale")).toString(), QStringLiteral("pt-BR"));

    // Other edits keep it; "" sets the default again.
    QCOMPARE(m_admin->patch(path, {{QStringLiteral("displayName"), QStringLiteral("Alice")}})
                 .json.value(QStringLiteral("locale"))
                 .toString(),
        QStringLiteral("pt-BR"));
    QCOMPARE(m_admin->patch(path, {{QStringLiteral("locale"), QStringLiteral("")}})
                 .json.value(QStringLiteral("locale"))
                 .toString(QStringLiteral("absent")),
        QString());

    const HttpResult created = m_admin->post(QStringLiteral("/api/admin/users"),
        obj(R"({"username": "dora", "password": "password-123", "locale": "zh-hant-tw"})"));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QStringLiteral("locale")).toString(), QStringLiteral("zh-Hant-TW"));
}

QTEST_GUILESS_MAIN(TestTemplatesApi)
#include "tst_templates_api.moc"
