#include "delivery/TemplateRenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Tidings::Server::Delivery::TemplateContent;
using Tidings::Server::Delivery::TemplateRenderer;
using Tidings::Server::Delivery::TemplateVariable;

// Declarations and variables are written as JSON in the tables:
// declarations [{"name", "type", "required", "default"}], variables {...}.
class TestTemplateRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_substitutesAndEscapesHtmlOnly_data();
    void render_substitutesAndEscapesHtmlOnly();
    void render_invalid_namesTheFieldOrPart_data();
    void render_invalid_namesTheFieldOrPart();
    void matchesType_data();
    void matchesType();
    void validateTemplate_data();
    void validateTemplate();
    void referencedVariables_topLevelNamesOnly_data();
    void referencedVariables_topLevelNamesOnly();
};

static QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

static QList<TemplateVariable> declarations(const QString &json)
{
    QList<TemplateVariable> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        TemplateVariable var;
        var.name = o.value(QStringLiteral("name")).toString();
        var.type = TemplateVariable::typeFromString(o.value(QStringLiteral("type")).toString(QStringLiteral("string")))
                       .value_or(TemplateVariable::Type::String);
        var.required = o.value(QStringLiteral("required")).toBool();
        var.defaultValue = o.value(QStringLiteral("default"));
        out.append(var);
    }
    return out;
}

static TemplateContent content(const QString &subject, const QString &text, const QString &html, const QString &decls)
{
    return {subject, text, html, declarations(decls)};
}

void TestTemplateRenderer::render_substitutesAndEscapesHtmlOnly_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("decls");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("expSubject");
    QTest::addColumn<QString>("expText");
    QTest::addColumn<QString>("expHtml");

    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    QTest::newRow("plain substitution") << S("Order {{orderId}}") << S("Hi {{name}}") << S("<p>{{name}}</p>")
                                        << S(R"([{"name":"orderId","required":true},{"name":"name"}])")
                                        << S(R"({"orderId":"A-1","name":"Ann"})") << S("Order A-1") << S("Hi Ann")
                                        << S("<p>Ann</p>");
    QTest::newRow("HTML escaped only in the HTML body")
        << S("{{v}}") << S("{{v}}") << S("<p>{{v}}</p>") << S("[]") << S(R"({"v":"<b>Tom & \"Jerry's\"</b>"})")
        << S("<b>Tom & \"Jerry's\"</b>") << S("<b>Tom & \"Jerry's\"</b>")
        << S("<p>&lt;b&gt;Tom &amp; &quot;Jerry&apos;s&quot;&lt;/b&gt;</p>");
    QTest::newRow("triple mustache is raw in HTML")
        << S("") << S("") << S("{{{v}}}|{{&v}}") << S("[]") << S(R"({"v":"<i>x</i>"})") << S("") << S("")
        << S("<i>x</i>|<i>x</i>");
    QTest::newRow("default applied") << S("{{greeting}}, {{name}}") << S("") << S("")
                                     << S(R"([{"name":"greeting","default":"Hello"},{"name":"name"}])")
                                     << S(R"({"name":"Bo"})") << S("Hello, Bo") << S("") << S("");
    QTest::newRow("null takes the default")
        << S("{{n}}") << S("") << S("") << S(R"([{"name":"n","type":"number","default":7}])") << S(R"({"n":null})")
        << S("7") << S("") << S("");
    QTest::newRow("given value beats default")
        << S("{{greeting}}") << S("") << S("") << S(R"([{"name":"greeting","default":"Hello"}])")
        << S(R"({"greeting":"Hey"})") << S("Hey") << S("") << S("");
    QTest::newRow("required with default may be omitted")
        << S("{{n}}") << S("") << S("") << S(R"([{"name":"n","required":true,"default":"x"}])") << S("{}") << S("x")
        << S("") << S("");
    QTest::newRow("numbers print naturally")
        << S("{{a}} {{b}} {{c}} {{d}}") << S("") << S("")
        << S(R"([{"name":"a","type":"number"},{"name":"b","type":"number"}])")
        << S(R"({"a":3,"b":2.5,"c":-0.1,"d":1e21})") << S("3 2.5 -0.1 1e+21") << S("") << S("");
    QTest::newRow("boolean sections") << S("{{#vip}}VIP {{/vip}}{{^late}}on time{{/late}}") << S("{{vip}}") << S("")
                                      << S(R"([{"name":"vip","type":"boolean"},{"name":"late","type":"boolean"}])")
                                      << S(R"({"vip":true,"late":false})") << S("VIP on time") << S("") << S("");
    QTest::newRow("list section from an undeclared variable")
        << S("") << S("{{#items}}{{name}} x{{qty}};{{/items}}") << S("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>")
        << S("[]") << S(R"({"items":[{"name":"A&B","qty":2},{"name":"C","qty":1}]})") << S("") << S("A&B x2;C x1;")
        << S("<ul><li>A&amp;B</li><li>C</li></ul>");
    QTest::newRow("empty list and missing optional render nothing")
        << S("[{{missing}}]") << S("{{#items}}x{{/items}}{{^items}}none{{/items}}") << S("")
        << S(R"([{"name":"missing"}])") << S(R"({"items":[]})") << S("[]") << S("none") << S("");
    QTest::newRow("dotted names") << S("{{order.id}} for {{order.customer.name}}") << S("") << S("") << S("[]")
                                  << S(R"({"order":{"id":"7","customer":{"name":"Kim"}}})") << S("7 for Kim") << S("")
                                  << S("");
    QTest::newRow("date and url values printed as given")
        << S("") << S("Due {{due}}: {{link}}") << S(R"(<a href="{{link}}">{{due}}</a>)")
        << S(R"([{"name":"due","type":"date"},{"name":"link","type":"url"}])")
        << S(R"({"due":"2026-03-29","link":"https://example.com/o?a=1&b=2"})") << S("")
        << S("Due 2026-03-29: https://example.com/o?a=1&b=2")
        << S(R"(<a href="https://example.com/o?a=1&amp;b=2">2026-03-29</a>)");
    QTest::newRow("subject folded onto one line")
        << S("Hello\r\n{{name}}\n") << S("a\nb") << S("") << S("[]") << S(R"({"name":"Bcc: evil@example.com"})")
        << S("Hello Bcc: evil@example.com") << S("a\nb") << S("");
    QTest::newRow("variables are data, never template code")
        << S("{{v}}") << S("{{> v}}") << S("") << S("[]") << S(R"({"v":"{{secret}}","secret":"s3"})") << S("{{secret}}")
        << S("") << S("");
    QTest::newRow("comments dropped") << S("a{{! note }}b") << S("") << S("") << S("[]") << S("{}") << S("ab") << S("")
                                      << S("");
}

void TestTemplateRenderer::render_substitutesAndEscapesHtmlOnly()
{
    QFETCH(QString, subject);
    QFETCH(QString, text);
    QFETCH(QString, html);
    QFETCH(QString, decls);
    QFETCH(QString, variables);
    QFETCH(QString, expSubject);
    QFETCH(QString, expText);
    QFETCH(QString, expHtml);

    const auto rendered = TemplateRenderer().render(content(subject, text, html, decls), object(variables));
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().message));
    QCOMPARE(rendered->subject, expSubject);
    QCOMPARE(rendered->text, expText);
    QCOMPARE(rendered->html, expHtml);
}

void TestTemplateRenderer::render_invalid_namesTheFieldOrPart_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("decls");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    const QString ok = S("ok");
    QTest::newRow("missing required") << ok << ok << ok << S(R"([{"name":"orderId","required":true}])") << S("{}")
                                      << S("variables.orderId") << S("variable 'orderId' is required");
    QTest::newRow("null for required") << ok << ok << ok << S(R"([{"name":"orderId","required":true}])")
                                       << S(R"({"orderId":null})") << S("variables.orderId")
                                       << S("variable 'orderId' is required");
    QTest::newRow("string for number") << ok << ok << ok << S(R"([{"name":"count","type":"number"}])")
                                       << S(R"({"count":"3"})") << S("variables.count")
                                       << S("variable 'count' must be a number");
    QTest::newRow("number for string") << ok << ok << ok << S(R"([{"name":"name"}])") << S(R"({"name":3})")
                                       << S("variables.name") << S("variable 'name' must be a string");
    QTest::newRow("string for boolean") << ok << ok << ok << S(R"([{"name":"vip","type":"boolean"}])")
                                        << S(R"({"vip":"yes"})") << S("variables.vip")
                                        << S("variable 'vip' must be a boolean");
    QTest::newRow("bad date") << ok << ok << ok << S(R"([{"name":"due","type":"date"}])") << S(R"({"due":"tomorrow"})")
                              << S("variables.due") << S("variable 'due' must be an ISO 8601 date");
    QTest::newRow("javascript url") << ok << ok << ok << S(R"([{"name":"link","type":"url"}])")
                                    << S("{\"link\":\"javascript:alert(1)\"}") << S("variables.link")
                                    << S("variable 'link' must be an http, https or mailto URL");
    QTest::newRow("list for string") << ok << ok << ok << S(R"([{"name":"name"}])") << S(R"({"name":["a"]})")
                                     << S("variables.name") << S("variable 'name' must be a string");
    QTest::newRow("unclosed section in HTML") << ok << ok << S("<ul>{{#items}}<li>{{name}}</li></ul>") << S("[]")
                                              << S("{}") << S("htmlBody") << S("htmlBody: unclosed section 'items'");
    QTest::newRow("unclosed section in subject")
        << S("{{#x}}") << ok << ok << S("[]") << S("{}") << S("subject") << S("subject: unclosed section 'x'");
    QTest::newRow("unopened section in text") << ok << S("a{{/x}}") << ok << S("[]") << S("{}") << S("textBody")
                                              << S("textBody: section 'x' is closed but never opened");
    QTest::newRow("mismatched nesting") << ok << ok << S("{{#a}}{{#b}}{{/a}}{{/b}}") << S("[]") << S("{}")
                                        << S("htmlBody") << S("htmlBody: unclosed section 'a'");
    QTest::newRow("unclosed tag") << ok << S("Hi {{name") << ok << S("[]") << S("{}") << S("textBody")
                                  << S("textBody: unclosed tag at offset 3");
    QTest::newRow("variables are checked before syntax")
        << S("{{#x}}") << ok << ok << S(R"([{"name":"id","required":true}])") << S("{}") << S("variables.id")
        << S("variable 'id' is required");
}

void TestTemplateRenderer::render_invalid_namesTheFieldOrPart()
{
    QFETCH(QString, subject);
    QFETCH(QString, text);
    QFETCH(QString, html);
    QFETCH(QString, decls);
    QFETCH(QString, variables);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const auto rendered = TemplateRenderer().render(content(subject, text, html, decls), object(variables));
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().code, QStringLiteral("VALIDATION_ERROR"));
    QCOMPARE(rendered.error().field, field);
    QCOMPARE(rendered.error().message, message);
}

void TestTemplateRenderer::matchesType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("valueJson"); // wrapped as {"v": ...}
    QTest::addColumn<bool>("matches");

    const auto row = [](const char *type, const char *value, bool matches) {
        QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(type), QLatin1String(value))))
            << QString::fromLatin1(type) << QString::fromLatin1(value) << matches;
    };
    row("string", R"("x")", true);
    row("string", R"("")", true);
    row("string", "1", false);
    row("number", "0", true);
    row("number", "-2.5", true);
    row("number", R"("2")", false);
    row("number", "true", false);
    row("boolean", "false", true);
    row("boolean", "0", false);
    row("date", R"("2026-03-29")", true);
    row("date", R"("2026-03-29T02:30:00Z")", true);
    row("date", R"("2026-03-29T02:30:00.123+02:00")", true);
    row("date", R"("2026-02-30")", false);
    row("date", R"("29/03/2026")", false);
    row("date", "20260329", false);
    row("url", R"("https://example.com/a?b=1")", true);
    row("url", R"("HTTP://EXAMPLE.COM")", true);
    row("url", R"("mailto:ops@example.com")", true);
    row("url", R"("ftp://example.com")", false);
    row("url", "\"javascript:alert(1)\"", false);
    row("url", R"("https://")", false);
    row("url", R"("/relative/path")", false);
    row("url", R"("not a url")", false);
}

void TestTemplateRenderer::matchesType()
{
    QFETCH(QString, type);
    QFETCH(QString, valueJson);
    QFETCH(bool, matches);

    const QJsonValue value
        = object(QStringLiteral("{\"v\":") + valueJson + QLatin1Char('}')).value(QStringLiteral("v"));
    QVERIFY(!value.isUndefined());
    const auto t = TemplateVariable::typeFromString(type);
    QVERIFY(t);
    QCOMPARE(TemplateVariable::typeToString(*t), type);
    QCOMPARE(TemplateRenderer::matchesType(value, *t), matches);
}

void TestTemplateRenderer::validateTemplate_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("decls");
    QTest::addColumn<QString>("field"); // empty = valid
    QTest::addColumn<QString>("message");

    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    QTest::newRow("valid") << S("{{#items}}{{.}}{{/items}}") << S(R"([{"name":"a_1","type":"number","default":1}])")
                           << QString() << QString();
    QTest::newRow("bad name") << S("") << S(R"([{"name":"order-id"}])") << S("variables")
                              << S("'order-id' is not a valid variable name (letters, digits, _)");
    QTest::newRow("empty name") << S("") << S(R"([{"name":""}])") << S("variables")
                                << S("'' is not a valid variable name (letters, digits, _)");
    QTest::newRow("declared twice") << S("") << S(R"([{"name":"a"},{"name":"a","type":"number"}])") << S("variables.a")
                                    << S("variable 'a' is declared twice");
    QTest::newRow("default of the wrong type") << S("") << S(R"([{"name":"n","type":"number","default":"5"}])")
                                               << S("variables.n") << S("default of variable 'n' must be a number");
    QTest::newRow("syntax error") << S("{{#a}}") << S("[]") << S("htmlBody") << S("htmlBody: unclosed section 'a'");
}

void TestTemplateRenderer::validateTemplate()
{
    QFETCH(QString, html);
    QFETCH(QString, decls);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const auto error = TemplateRenderer::validateTemplate(content(QString(), QString(), html, decls));
    QCOMPARE(error.has_value(), !field.isEmpty());
    if (error) {
        QCOMPARE(error->field, field);
        QCOMPARE(error->message, message);
    }
}

void TestTemplateRenderer::referencedVariables_topLevelNamesOnly_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("names");

    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    QTest::newRow("plain") << S("{{ b }} {{a}}") << S("{{{c}}} {{& d}} {{a}}")
                           << QStringList {S("a"), S("b"), S("c"), S("d")};
    QTest::newRow("sections hide item fields") << S("{{#items}}{{name}}{{/items}}{{^none}}{{x}}{{/none}}{{y}}") << S("")
                                               << QStringList {S("items"), S("none"), S("y")};
    QTest::newRow("dotted uses the root") << S("{{order.id}}") << S("") << QStringList {S("order")};
    QTest::newRow("comments and partials ignored") << S("{{! c }}{{> p}}{{z}}") << S("") << QStringList {S("z")};
    QTest::newRow("stops at set delimiter") << S("{{a}}{{=<% %>=}}<%b%>") << S("") << QStringList {S("a")};
    QTest::newRow("none") << S("plain") << S("") << QStringList();
}

void TestTemplateRenderer::referencedVariables_topLevelNamesOnly()
{
    QFETCH(QString, subject);
    QFETCH(QString, html);
    QFETCH(QStringList, names);
    QCOMPARE(TemplateRenderer::referencedVariables(content(subject, QString(), html, QStringLiteral("[]"))), names);
}

QTEST_GUILESS_MAIN(TestTemplateRenderer)
#include "tst_templaterenderer.moc"
