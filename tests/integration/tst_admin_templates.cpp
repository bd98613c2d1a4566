// The admin console's templates page backend against a real in-process tidingsd: the
// list (search, create, delete), the editor (load, edit, save, validation errors on
// their field), the live preview of the unsaved draft, and versions with restore.
#include "TemplateEditor.h"
#include "TemplateListModel.h"
#include "TemplateVariablesModel.h"
#include "TemplateVersionsModel.h"
#include "support/AdminFixture.h"
#include "support/ApiAssertions.h"
#include "support/HttpTestClient.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

using namespace Tidings::Test;
using namespace Tidings::Admin;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s: %s", qPrintable(error.errorString()), json);
    return doc.object();
}

// A required orderId and a number with a default; a default and a German content.
QJsonObject orderTemplate(const QString &name)
{
    QJsonObject t = obj(R"({
        "type": "order_status",
        "description": "Sent when an order leaves the warehouse",
        "variables": [
            {"name": "orderId", "type": "string", "required": true},
            {"name": "items", "type": "number", "default": 1}
        ],
        "contents": [
            {"channel": "default", "subject": "Order {{orderId}} shipped",
             "textBody": "{{items}} items are on their way", "htmlBody": "<p>{{items}} items</p>"},
            {"channel": "email", "locale": "de", "subject": "Bestellung {{orderId}}"}
        ]
    })");
    t.insert(u"name"_s, name);
    return t;
}

// The warnings Qt and QML print while it lives (our own tidings.* logging aside).
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
    [[nodiscard]] const QStringList &warnings() const { return m_warnings; }

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

QString subjectOf(const QJsonObject &document, int content = 0)
{
    return document.value(u"contents"_s).toArray().at(content).toObject().value(u"subject"_s).toString();
}

} // namespace

class TestAdminTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void list_loadsTheSummariesWithTheirChannelsAndLanguages();
    void list_search_filtersOnTheServer();
    void list_createAndDelete_roundTrip();
    void list_createWithAnEmptyOrTakenName_namesTheNameField();

    void editor_loadEditAndSave_makesANewVersion();
    void editor_variantsAddAndRemove_areSavedAsContents();
    void editor_duplicateVariables_areRefusedBeforeSending();
    void editor_serverRefusal_landsOnTheFieldItNames();
    void editor_switchingTemplates_dropsTheDraft();

    void preview_rendersTheUnsavedDraftWithTheSampleValues();
    void preview_missingRequiredVariable_namesIt();
    void preview_syntaxError_namesThePart();

    void versions_restore_savesTheOldContentAsANewVersion();

    void page_withTemplates_opensTheFirstAndGuardsUnsavedChanges();

    void relativeTime_data();
    void relativeTime();

private:
    QString createTemplate(const QJsonObject &body);
    QJsonObject fetchTemplate(const QString &id);
    // An editor showing `id`, loaded, with an immediate preview.
    std::unique_ptr<TemplateEditor> openEditor(const QString &id);

    std::unique_ptr<AdminFixture> m_f;
    std::unique_ptr<HttpTestClient> m_http;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestAdminTemplates::init()
{
    m_f = std::make_unique<AdminFixture>();
    QVERIFY(m_f->signIn());
    m_http = std::make_unique<HttpTestClient>(m_f->server.url());
    QCOMPARE(m_http->login(u"admin"_s, QLatin1String(TestServer::AdminPassword)).status, 200);
}

void TestAdminTemplates::cleanup()
{
    m_testers.clear();
    m_http.reset();
    m_f.reset();
}

QString TestAdminTemplates::createTemplate(const QJsonObject &body)
{
    const HttpResult r = m_http->post(u"/api/templates"_s, body);
    if (r.status != 201)
        qWarning("creating a template failed: %d %s", r.status, r.body.constData());
    return r.json.value(u"id"_s).toString();
}

QJsonObject TestAdminTemplates::fetchTemplate(const QString &id)
{
    return m_http->get(u"/api/templates/"_s + id).json;
}

std::unique_ptr<TemplateEditor> TestAdminTemplates::openEditor(const QString &id)
{
    auto editor = std::make_unique<TemplateEditor>();
    editor->setPreviewDelay(std::chrono::milliseconds(0));
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        editor->variables(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        editor->versions(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    editor->setSession(&m_f->session);
    editor->setTemplateId(id);
    if (!QTest::qWaitFor([&] { return editor->hasTemplate(); }, 10000))
        qWarning("the editor did not load %s: %s", qPrintable(id), qPrintable(editor->errorMessage()));
    return editor;
}

// ---- the list

void TestAdminTemplates::list_loadsTheSummariesWithTheirChannelsAndLanguages()
{
    createTemplate(orderTemplate(u"order_shipped"_s));
    createTemplate(orderTemplate(u"account_welcome"_s));

    TemplateListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setSession(&m_f->session);
    QTRY_VERIFY(list.isLoaded());
    QCOMPARE(list.count(), 2);
    const QModelIndex first = list.index(0);
    QCOMPARE(first.data(TemplateListModel::NameRole).toString(), u"account_welcome"_s);
    QCOMPARE(first.data(TemplateListModel::TypeRole).toString(), u"order_status"_s);
    QCOMPARE(first.data(TemplateListModel::VersionRole).toInt(), 1);
    QCOMPARE(first.data(TemplateListModel::ChannelsRole).toStringList(), (QStringList {u"default"_s, u"email"_s}));
    QCOMPARE(first.data(TemplateListModel::LocalesRole).toStringList(), QStringList {u"de"_s});
    QVERIFY(first.data(TemplateListModel::UpdatedAtRole).toDateTime().isValid());
    QCOMPARE(first.data(TemplateListModel::UpdatedTextRole).toString(), u"just now"_s);
    QCOMPARE(first.data(TemplateListModel::TopicRole).toString(), QString());
}

void TestAdminTemplates::list_search_filtersOnTheServer()
{
    createTemplate(orderTemplate(u"order_shipped"_s));
    QJsonObject welcome = orderTemplate(u"welcome"_s);
    welcome.insert(u"description"_s, u"First mail after sign-up"_s);
    createTemplate(welcome);

    TemplateListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setReloadDelay(std::chrono::milliseconds(0));
    list.setSession(&m_f->session);
    QTRY_COMPARE(list.count(), 2);

    QSignalSpy loads(&list, &TemplateListModel::loadFinished);
    list.setSearch(u"SIGN-UP"_s); // the description, case-insensitively
    QVERIFY(loads.wait());
    QCOMPARE(list.count(), 1);
    QCOMPARE(list.index(0).data(TemplateListModel::NameRole).toString(), u"welcome"_s);

    list.setSearch(u"nothing like it"_s);
    QVERIFY(loads.wait());
    QCOMPARE(list.count(), 0);
    QVERIFY(list.isLoaded());

    list.setSearch(QString());
    QVERIFY(loads.wait());
    QCOMPARE(list.count(), 2);
}

void TestAdminTemplates::list_createAndDelete_roundTrip()
{
    createTemplate(orderTemplate(u"b_second"_s));
    TemplateListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setSession(&m_f->session);
    QTRY_VERIFY(list.isLoaded());

    QSignalSpy created(&list, &TemplateListModel::created);
    QSignalSpy succeeded(&list, &TemplateListModel::actionSucceeded);
    list.create(u"a_first"_s, u"account"_s, u"Sent first"_s);
    QVERIFY(created.wait());
    const QString id = created.at(0).at(0).toString();
    QCOMPARE(succeeded.count(), 1);
    // In the list at its place by name, and on the server with an empty default content.
    QCOMPARE(list.count(), 2);
    QCOMPARE(list.index(0).data(TemplateListModel::TemplateIdRole).toString(), id);
    const QJsonObject stored = fetchTemplate(id);
    QCOMPARE(stored.value(u"name"_s).toString(), u"a_first"_s);
    QCOMPARE(stored.value(u"type"_s).toString(), u"account"_s);
    QCOMPARE(stored.value(u"description"_s).toString(), u"Sent first"_s);
    QCOMPARE(stored.value(u"contents"_s).toArray().size(), 1);

    QSignalSpy removed(&list, &TemplateListModel::removed);
    list.remove(id);
    QVERIFY(removed.wait());
    QCOMPARE(list.count(), 1);
    QCOMPARE(list.nameOf(id), QString());
    QCOMPARE(m_http->get(u"/api/templates/"_s + id).status, 404);
}

void TestAdminTemplates::list_createWithAnEmptyOrTakenName_namesTheNameField()
{
    createTemplate(orderTemplate(u"taken"_s));
    TemplateListModel list;
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    list.setSession(&m_f->session);
    QTRY_VERIFY(list.isLoaded());
    QSignalSpy failed(&list, &TemplateListModel::actionFailed);

    list.create(u"  "_s, {}, {});
    QCOMPARE(failed.count(), 1); // refused before sending
    QCOMPARE(failed.at(0).at(1).toString(), u"name"_s);

    list.create(u"taken"_s, {}, {});
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(1).at(1).toString(), u"name"_s);
    QVERIFY2(failed.at(1).at(0).toString().contains(u"already exists"_s), qPrintable(failed.at(1).at(0).toString()));
    QCOMPARE(list.count(), 1);
}

// ---- the editor

void TestAdminTemplates::editor_loadEditAndSave_makesANewVersion()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    QCOMPARE(editor->name(), u"order_shipped"_s);
    QCOMPARE(editor->type(), u"order_status"_s);
    QCOMPARE(editor->version(), 1);
    QCOMPARE(editor->variants().size(), 2);
    QCOMPARE(editor->currentChannel(), u"default"_s);
    QCOMPARE(editor->subject(), u"Order {{orderId}} shipped"_s);
    QCOMPARE(editor->variables()->count(), 2);
    QCOMPARE(editor->variables()->index(1).data(TemplateVariablesModel::DefaultValueRole).toString(), u"1"_s);
    QVERIFY(!editor->isDirty());

    QSignalSpy dirty(editor.get(), &TemplateEditor::dirtyChanged);
    editor->setSubject(u"Order {{orderId}} is on its way"_s);
    QVERIFY(editor->isDirty());
    // Back to what is saved: nothing to save.
    editor->setSubject(u"Order {{orderId}} shipped"_s);
    QVERIFY(!editor->isDirty());
    QCOMPARE(dirty.count(), 2);

    editor->setSubject(u"Order {{orderId}} is on its way"_s);
    editor->setDescription(u"Changed"_s);
    editor->setTopic(u"orders"_s);
    TemplateVariablesModel *vars = editor->variables();
    const int row = vars->add();
    QVERIFY(vars->setData(vars->index(row), u"carrier"_s, TemplateVariablesModel::NameRole));
    QVERIFY(vars->setData(vars->index(row), u"url"_s, TemplateVariablesModel::TypeRole));
    QVERIFY(vars->setData(vars->index(row), true, TemplateVariablesModel::RequiredRole));
    QVERIFY(vars->setData(vars->index(1), u"3"_s, TemplateVariablesModel::DefaultValueRole));
    // A sample value is not part of the template.
    const bool dirtyBefore = editor->isDirty();
    QVERIFY(vars->setData(vars->index(0), u"A-1"_s, TemplateVariablesModel::SampleRole));
    QCOMPARE(editor->isDirty(), dirtyBefore);

    QSignalSpy saved(editor.get(), &TemplateEditor::saved);
    QSignalSpy succeeded(editor.get(), &TemplateEditor::actionSucceeded);
    editor->save();
    QVERIFY(saved.wait());
    QCOMPARE(succeeded.count(), 1);
    QCOMPARE(editor->version(), 2);
    QVERIFY(!editor->isDirty());
    QCOMPARE(saved.at(0).at(0).toMap().value(u"version"_s).toInt(), 2);

    const QJsonObject stored = fetchTemplate(id);
    QCOMPARE(stored.value(u"version"_s).toInt(), 2);
    QCOMPARE(subjectOf(stored), u"Order {{orderId}} is on its way"_s);
    QCOMPARE(stored.value(u"description"_s).toString(), u"Changed"_s);
    QCOMPARE(stored.value(u"topic"_s).toString(), u"orders"_s);
    QCOMPARE(stored.value(u"variables"_s).toArray(),
        QJsonArray({obj(R"({"name": "orderId", "type": "string", "required": true, "default": null})"),
            obj(R"({"name": "items", "type": "number", "required": false, "default": 3})"),
            obj(R"({"name": "carrier", "type": "url", "required": true, "default": null})")}));
    // The untouched German email text is kept.
    QCOMPARE(subjectOf(stored, 1), u"Bestellung {{orderId}}"_s);
    // The sample survives the save.
    QCOMPARE(vars->index(0).data(TemplateVariablesModel::SampleRole).toString(), u"A-1"_s);
}

void TestAdminTemplates::editor_variantsAddAndRemove_areSavedAsContents()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);

    QVERIFY(editor->addVariant(u"push"_s, u"pt_br"_s));
    QCOMPARE(editor->currentChannel(), u"push"_s);
    QCOMPARE(editor->currentLocale(), u"pt-BR"_s); // as the server spells it
    // It starts from the default text.
    QCOMPARE(editor->subject(), u"Order {{orderId}} shipped"_s);
    editor->setSubject(u"Pedido {{orderId}}"_s);

    // Refused: the same pair again, a locale that is not a tag, a channel that is not one.
    QVERIFY(!editor->addVariant(u"push"_s, u"PT-br"_s));
    QVERIFY(!editor->fieldErrors().value(u"variant"_s).toString().isEmpty());
    QVERIFY(!editor->addVariant(u"email"_s, u"not a tag"_s));
    QVERIFY(!editor->addVariant(u"sms"_s, QString()));
    QCOMPARE(editor->variants().size(), 3);

    // The default content cannot go; the German email one can.
    editor->removeVariant(0);
    QCOMPARE(editor->variants().size(), 3);
    editor->removeVariant(1);
    QCOMPARE(editor->variants().size(), 2);
    QCOMPARE(editor->currentChannel(), u"push"_s);

    QSignalSpy saved(editor.get(), &TemplateEditor::saved);
    editor->save();
    QVERIFY(saved.wait());
    const QJsonArray contents = fetchTemplate(id).value(u"contents"_s).toArray();
    QCOMPARE(contents.size(), 2);
    QCOMPARE(contents.at(1).toObject().value(u"channel"_s).toString(), u"push"_s);
    QCOMPARE(contents.at(1).toObject().value(u"locale"_s).toString(), u"pt-BR"_s);
    QCOMPARE(contents.at(1).toObject().value(u"subject"_s).toString(), u"Pedido {{orderId}}"_s);
    QCOMPARE(editor->currentChannel(), u"push"_s); // still on the variant being edited
}

void TestAdminTemplates::editor_duplicateVariables_areRefusedBeforeSending()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    TemplateVariablesModel *vars = editor->variables();
    const int dup = vars->add();
    vars->setData(vars->index(dup), u"orderId"_s, TemplateVariablesModel::NameRole);
    const int unnamed = vars->add();
    const int badDefault = vars->add();
    vars->setData(vars->index(badDefault), u"count"_s, TemplateVariablesModel::NameRole);
    vars->setData(vars->index(badDefault), u"number"_s, TemplateVariablesModel::TypeRole);
    vars->setData(vars->index(badDefault), u"many"_s, TemplateVariablesModel::DefaultValueRole);

    QSignalSpy failed(editor.get(), &TemplateEditor::actionFailed);
    QSignalSpy busy(editor.get(), &TemplateEditor::busyChanged);
    editor->save();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(1).toString(), u"variables"_s);
    QCOMPARE(busy.count(), 0); // nothing was sent
    QVERIFY(!editor->fieldErrors().value(u"variables"_s).toString().isEmpty());
    QCOMPARE(vars->index(0).data(TemplateVariablesModel::ErrorRole).toString(), QString());
    QVERIFY(vars->index(dup).data(TemplateVariablesModel::ErrorRole).toString().contains(u"twice"_s));
    QVERIFY(!vars->index(unnamed).data(TemplateVariablesModel::ErrorRole).toString().isEmpty());
    QVERIFY(!vars->index(badDefault).data(TemplateVariablesModel::ErrorRole).toString().isEmpty());
    QCOMPARE(fetchTemplate(id).value(u"version"_s).toInt(), 1);

    // Editing a row clears its mark.
    vars->setData(vars->index(dup), u"orderRef"_s, TemplateVariablesModel::NameRole);
    QCOMPARE(vars->index(dup).data(TemplateVariablesModel::ErrorRole).toString(), QString());
}

void TestAdminTemplates::editor_serverRefusal_landsOnTheFieldItNames()
{
    createTemplate(orderTemplate(u"taken"_s));
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    QSignalSpy failed(editor.get(), &TemplateEditor::actionFailed);

    // A syntax error in the German email text, while the default text is shown: the
    // editor moves to the variant and marks the part.
    editor->setCurrentVariant(1);
    editor->setHtmlBody(u"<p>{{#items}}</p>"_s);
    editor->setCurrentVariant(0);
    editor->save();
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(1).toString(), u"contents[1].htmlBody"_s);
    QCOMPARE(editor->errorField(), u"contents[1].htmlBody"_s);
    QCOMPARE(editor->currentVariant(), 1);
    // Under the field, without the server's path to it.
    QCOMPARE(editor->fieldErrors().value(u"htmlBody"_s).toString(), u"unclosed section 'items'"_s);
    QVERIFY(editor->variants().at(1).toMap().value(u"hasError"_s).toBool());
    QVERIFY(!editor->variants().at(0).toMap().value(u"hasError"_s).toBool());
    // Not shown on the other variant's fields.
    editor->setCurrentVariant(0);
    QVERIFY(!editor->fieldErrors().contains(u"htmlBody"_s));
    editor->setCurrentVariant(1);
    editor->setHtmlBody(u"<p>fixed</p>"_s);
    QVERIFY(!editor->fieldErrors().contains(u"htmlBody"_s));
    QVERIFY(!editor->variants().at(1).toMap().value(u"hasError"_s).toBool());

    // A name in use (409) lands on the name.
    editor->setName(u"taken"_s);
    editor->save();
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(1).at(1).toString(), u"name"_s);
    QVERIFY(editor->fieldErrors().value(u"name"_s).toString().contains(u"already exists"_s));

    // A URL default the server refuses lands on its variable's row.
    editor->setName(u"order_shipped"_s);
    TemplateVariablesModel *vars = editor->variables();
    const int row = vars->add();
    vars->setData(vars->index(row), u"link"_s, TemplateVariablesModel::NameRole);
    vars->setData(vars->index(row), u"url"_s, TemplateVariablesModel::TypeRole);
    vars->setData(vars->index(row), u"javascript:alert(1)"_s, TemplateVariablesModel::DefaultValueRole);
    editor->save();
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(2).at(1).toString(), u"variables.link"_s);
    QVERIFY(vars->index(row).data(TemplateVariablesModel::ErrorRole).toString().contains(u"'link'"_s));
    QCOMPARE(fetchTemplate(id).value(u"version"_s).toInt(), 1);
}

void TestAdminTemplates::editor_switchingTemplates_dropsTheDraft()
{
    const QString first = createTemplate(orderTemplate(u"first"_s));
    const QString second = createTemplate(orderTemplate(u"second"_s));
    auto editor = openEditor(first);
    editor->setSubject(u"edited"_s);
    QVERIFY(editor->isDirty());
    editor->setTemplateId(second);
    QVERIFY(!editor->isDirty());
    QVERIFY(!editor->hasTemplate());
    QTRY_VERIFY(editor->hasTemplate());
    QCOMPARE(editor->name(), u"second"_s);
    QCOMPARE(editor->subject(), u"Order {{orderId}} shipped"_s);
    QTRY_COMPARE(editor->versions()->count(), 1);
    QCOMPARE(editor->versions()->templateId(), second);

    editor->setTemplateId(QString());
    QVERIFY(!editor->hasTemplate());
    QCOMPARE(editor->versions()->count(), 0);
    QCOMPARE(fetchTemplate(first).value(u"version"_s).toInt(), 1);
}

// ---- the preview

void TestAdminTemplates::preview_rendersTheUnsavedDraftWithTheSampleValues()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    TemplateVariablesModel *vars = editor->variables();
    QSignalSpy preview(editor.get(), &TemplateEditor::previewChanged);
    vars->setData(vars->index(0), u"A-7"_s, TemplateVariablesModel::SampleRole);
    QTRY_COMPARE(editor->previewSubject(), u"Order A-7 shipped"_s);
    QCOMPARE(editor->previewText(), u"1 items are on their way"_s); // the default
    QCOMPARE(editor->previewHtml(), u"<p>1 items</p>"_s);
    QCOMPARE(editor->previewError(), QString());
    QCOMPARE(editor->previewChannel(), u"default"_s);

    // Typing changes the preview, before anything is saved; samples are typed values.
    vars->setData(vars->index(1), u"4"_s, TemplateVariablesModel::SampleRole);
    editor->setHtmlBody(u"<b>{{items}}</b> for <i>{{orderId}}</i> & co"_s);
    QTRY_COMPARE(editor->previewHtml(), u"<b>4</b> for <i>A-7</i> & co"_s);
    QTRY_VERIFY(!editor->isPreviewPending());

    // The current variant is what is rendered.
    editor->setCurrentVariant(1);
    QTRY_COMPARE(editor->previewSubject(), u"Bestellung A-7"_s);
    QCOMPARE(editor->previewChannel(), u"email"_s);
    QCOMPARE(editor->previewLocale(), u"de"_s);
    QCOMPARE(fetchTemplate(id).value(u"version"_s).toInt(), 1);
}

void TestAdminTemplates::preview_missingRequiredVariable_namesIt()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    // No sample for the required orderId.
    QTRY_COMPARE(editor->previewErrorVariable(), u"orderId"_s);
    QCOMPARE(editor->previewError(), u"variable 'orderId' is required"_s);
    QVERIFY(editor->previewWantsSample());

    TemplateVariablesModel *vars = editor->variables();
    vars->setData(vars->index(0), u"A-1"_s, TemplateVariablesModel::SampleRole);
    QTRY_COMPARE(editor->previewSubject(), u"Order A-1 shipped"_s);
    QCOMPARE(editor->previewErrorVariable(), QString());
    QCOMPARE(editor->previewError(), QString());

    // A sample of the wrong type names its variable too.
    vars->setData(vars->index(1), u"several"_s, TemplateVariablesModel::SampleRole);
    QTRY_COMPARE(editor->previewErrorVariable(), u"items"_s);
    // So does a default the server refuses, by its declaration.
    vars->setData(vars->index(1), QString(), TemplateVariablesModel::SampleRole);
    vars->setData(vars->index(1), u"date"_s, TemplateVariablesModel::TypeRole);
    vars->setData(vars->index(1), u"yesterday"_s, TemplateVariablesModel::DefaultValueRole);
    QTRY_VERIFY(editor->previewError().contains(u"default of variable 'items'"_s));
    QCOMPARE(editor->previewErrorVariable(), u"items"_s);
    QVERIFY(!editor->previewWantsSample()); // the template is wrong, not the sample
    // A row still being named does not break the preview.
    vars->setData(vars->index(1), QString(), TemplateVariablesModel::DefaultValueRole);
    vars->add();
    QTRY_COMPARE(editor->previewError(), QString());
}

void TestAdminTemplates::preview_syntaxError_namesThePart()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    TemplateVariablesModel *vars = editor->variables();
    vars->setData(vars->index(0), u"A-1"_s, TemplateVariablesModel::SampleRole);
    QTRY_COMPARE(editor->previewSubject(), u"Order A-1 shipped"_s);

    editor->setHtmlBody(u"<p>{{#items}}</p>"_s);
    QTRY_COMPARE(editor->previewErrorPart(), u"htmlBody"_s);
    QCOMPARE(editor->previewError(), u"HTML of Default: unclosed section 'items'"_s);
    QVERIFY(!editor->previewWantsSample());
    QCOMPARE(editor->previewErrorVariable(), QString());
    // The last good rendering stays under the error.
    QCOMPARE(editor->previewSubject(), u"Order A-1 shipped"_s);
}

// ---- versions

void TestAdminTemplates::versions_restore_savesTheOldContentAsANewVersion()
{
    const QString id = createTemplate(orderTemplate(u"order_shipped"_s));
    auto editor = openEditor(id);
    TemplateVersionsModel *versions = editor->versions();
    QTRY_COMPARE(versions->count(), 1);

    QSignalSpy saved(editor.get(), &TemplateEditor::saved);
    editor->setSubject(u"second"_s);
    editor->save();
    QVERIFY(saved.wait());
    editor->setSubject(u"third"_s);
    editor->variables()->remove(1);
    editor->save();
    QVERIFY(saved.wait());
    QTRY_COMPARE(versions->count(), 3);
    QCOMPARE(versions->index(0).data(TemplateVersionsModel::VersionRole).toInt(), 3);
    QVERIFY(versions->index(0).data(TemplateVersionsModel::CurrentRole).toBool());
    QVERIFY(!versions->index(2).data(TemplateVersionsModel::CurrentRole).toBool());
    QCOMPARE(versions->index(2).data(TemplateVersionsModel::VariableCountRole).toInt(), 2);
    QCOMPARE(versions->index(0).data(TemplateVersionsModel::VariableCountRole).toInt(), 1);
    QVERIFY(versions->index(0).data(TemplateVersionsModel::ByMeRole).toBool());

    QSignalSpy restored(versions, &TemplateVersionsModel::restored);
    versions->restore(1);
    QVERIFY(restored.wait());
    QCOMPARE(saved.count(), 3); // the list hears of it as of a save
    QCOMPARE(editor->version(), 4);
    QCOMPARE(editor->subject(), u"Order {{orderId}} shipped"_s);
    QCOMPARE(editor->variables()->count(), 2);
    QVERIFY(!editor->isDirty());
    QTRY_COMPARE(versions->count(), 4);
    const QJsonObject stored = fetchTemplate(id);
    QCOMPARE(stored.value(u"version"_s).toInt(), 4);
    QCOMPARE(subjectOf(stored), u"Order {{orderId}} shipped"_s);
}

// ---- the page

void TestAdminTemplates::page_withTemplates_opensTheFirstAndGuardsUnsavedChanges()
{
    const QString first = createTemplate(orderTemplate(u"a_first"_s));
    const QString second = createTemplate(orderTemplate(u"b_second"_s));
    WarningCollector collector;
    QQmlEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    QQuickWindow window;
    window.resize(1280 - 220, 800);
    window.show();
    QQmlComponent component(&engine, QUrl(u"qrc:/qt/qml/Tidings/Admin/Ui/pages/TemplatesPage.qml"_s));
    std::unique_ptr<QObject> page(
        component.createWithInitialProperties({{u"session"_s, QVariant::fromValue(&m_f->session)}}));
    QVERIFY2(page, qPrintable(component.errorString()));
    auto *item = qobject_cast<QQuickItem *>(page.get());
    item->setParentItem(window.contentItem());
    item->setSize(window.size());
    auto *editor = page->findChild<TemplateEditor *>();
    QVERIFY(editor);

    // The first template opens by itself, with its preview.
    QTRY_COMPARE(editor->templateId(), first);
    QTRY_VERIFY(editor->hasTemplate());
    QTRY_VERIFY(!editor->previewError().isEmpty()); // orderId has no sample yet
    QVERIFY(editor->previewWantsSample());

    // Unsaved changes: opening another template waits for the user to agree.
    editor->setSubject(u"changed"_s);
    QVERIFY(QMetaObject::invokeMethod(page.get(), "open", Q_ARG(QVariant, second)));
    QCOMPARE(editor->templateId(), first);
    QCOMPARE(page->property("pendingId").toString(), second);
    editor->revert();
    QTRY_VERIFY(!editor->isDirty());
    QVERIFY(QMetaObject::invokeMethod(page.get(), "open", Q_ARG(QVariant, second)));
    QCOMPARE(editor->templateId(), second);
    QTRY_VERIFY(editor->hasTemplate());

    // Every layout, from the smallest window to 4K, without a warning.
    for (const QSize size : {QSize(1024 - 220, 700), QSize(1600 - 220, 900), QSize(3840 - 220, 2160)}) {
        window.resize(size);
        item->setSize(size);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.grabWindow().isNull());
    }
    QVERIFY2(collector.warnings().isEmpty(), qPrintable(collector.warnings().join(u'\n')));
}

// ---- formatting

void TestAdminTemplates::relativeTime_data()
{
    // Plural forms come from the English catalogue, which this test does not load:
    // only the start of those texts is compared.
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("start");
    const QDateTime now(QDate(2025, 3, 12), QTime(15, 0), Qt::UTC);
    QTest::newRow("seconds") << now.addSecs(-20) << u"just now"_s;
    QTest::newRow("one minute") << now.addSecs(-61) << u"1 minute"_s;
    QTest::newRow("minutes") << now.addSecs(-59 * 60) << u"59 minute"_s;
    QTest::newRow("hours") << now.addSecs(-5 * 3600) << u"5 hour"_s;
    QTest::newRow("yesterday") << QDateTime(now.toLocalTime().date().addDays(-1), QTime(0, 0), Qt::LocalTime)
                               << u"yesterday"_s;
    QTest::newRow("older: the date") << QDateTime(QDate(2025, 1, 2), QTime(9, 0), Qt::UTC)
                                     << QLocale().toString(QDate(2025, 1, 2), QLocale::ShortFormat);
}

void TestAdminTemplates::relativeTime()
{
    QFETCH(QDateTime, at);
    QFETCH(QString, start);
    const QDateTime now(QDate(2025, 3, 12), QTime(15, 0), Qt::UTC);
    const QString text = TemplateListModel::relativeTime(at, now);
    QVERIFY2(text.startsWith(start), qPrintable(text));
    QCOMPARE(TemplateListModel::relativeTime(QDateTime(), now), QString());
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminTemplates)

#include "tst_admin_templates.moc"
