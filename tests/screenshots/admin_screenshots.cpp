// Fills a real in-process tidingsd with a small team's week (users, topics,
// templates, broadcasts, notifications read and unread, emails sent and bounced)
// and saves every page of the admin console as PNGs in both themes: the README's
// screenshots (docs/images/admin-<page>-<light|dark>.png). Run under Xvfb for the
// desktop's fonts:
//   xvfb-run -s "-screen 0 1600x1000x24" tidings_admin_screenshots --out docs/images [--lang id]
#include "AdminSession.h"
#include "AdminSettings.h"
#include "ApiListModel.h"
#include "ApiObject.h"
#include "core/TranslationLoader.h"
#include "support/HttpTestClient.h"
#include "support/QuickTree.h"
#include "support/SeededInbox.h"
#include "support/SmtpSink.h"
#include "support/TestServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Tidings_AdminPlugin)
Q_IMPORT_QML_PLUGIN(Tidings_Admin_UiPlugin)

using namespace Tidings;
using namespace Tidings::Test;

namespace {

bool waitFor(const std::function<bool()> &done, int ms = 15000)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

QJsonObject content(const QString &channel, const QString &subject, const QString &text, const QString &html = {},
    const QString &locale = {})
{
    QJsonObject c {{QStringLiteral("channel"), channel}, {QStringLiteral("locale"), locale},
        {QStringLiteral("subject"), subject}, {QStringLiteral("textBody"), text}};
    if (!html.isEmpty())
        c.insert(QStringLiteral("htmlBody"), html);
    return c;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// The team, their topics and a week of notifications, templates and broadcasts.
bool seed(TestServer &server, ManualClock &clock)
{
    HttpTestClient admin(server.url());
    if (admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status != 200)
        return false;
    admin.patch(QStringLiteral("/api/admin/users/")
            + admin.get(QStringLiteral("/api/auth/me")).json.value(QStringLiteral("id")).toString(),
        {{QStringLiteral("displayName"), QStringLiteral("Rina Admin")}});
    const QList<QPair<QString, QString>> people {{QStringLiteral("dewi"), QStringLiteral("Dewi Lestari")},
        {QStringLiteral("budi"), QStringLiteral("Budi Santoso")},
        {QStringLiteral("sari"), QStringLiteral("Sari Wulandari")},
        {QStringLiteral("chen"), QStringLiteral("Chen Wei")}, {QStringLiteral("maria"), QStringLiteral("Maria Garcia")},
        {QStringLiteral("tom"), QStringLiteral("Tom Becker")}};
    QStringList ids;
    for (const auto &[username, name] : people) {
        const QString id = admin.createUser(
            username, username == QLatin1String("budi") ? QStringLiteral("publisher") : QStringLiteral("user"));
        ids << id;
        // Tom's mailbox is gone: his emails bounce (the sink refuses the address).
        const QString email = username == QLatin1String("tom") ? QStringLiteral("tom.old@example.com")
                                                               : username + QStringLiteral("@example.com");
        admin.patch(QStringLiteral("/api/admin/users/") + id,
            {{QStringLiteral("displayName"), name}, {QStringLiteral("email"), email}});
    }
    admin.patch(QStringLiteral("/api/admin/users/") + ids.last(), {{QStringLiteral("disabled"), true}});
    for (const SeedTopic &t : seedTopics()) {
        admin.put(QStringLiteral("/api/admin/topics/") + t.name,
            {{QStringLiteral("description"), t.description}, {QStringLiteral("read"), strings({QStringLiteral("*")})},
                {QStringLiteral("publish"), strings({QStringLiteral("role:publisher"), QStringLiteral("role:admin")})},
                {QStringLiteral("groupingMode"),
                    t.name == QLatin1String("deploys") ? QStringLiteral("replace") : QStringLiteral("count")}});
    }
    for (const auto &[username, name] : people) {
        HttpTestClient user(server.url());
        user.login(username, QStringLiteral("password-123"));
        for (const SeedTopic &t : seedTopics()) {
            if (t.subscribed || username == QLatin1String("dewi"))
                user.put(QStringLiteral("/api/topics/%1/subscription").arg(t.name));
        }
        user.put(QStringLiteral("/api/notifications/preferences"), {{QStringLiteral("email"), true}});
    }

    admin.post(QStringLiteral("/api/templates"),
        {{QStringLiteral("name"), QStringLiteral("order-shipped")},
            {QStringLiteral("description"), QStringLiteral("Sent when a parcel leaves the warehouse")},
            {QStringLiteral("type"), QStringLiteral("order_status")},
            {QStringLiteral("topic"), QStringLiteral("orders")},
            {QStringLiteral("contents"),
                QJsonArray {content(QStringLiteral("default"), QStringLiteral("Order #{{order}} is on its way"),
                                QStringLiteral("Hi {{name}}, your order #{{order}} shipped with {{carrier}}. Tracking: "
                                               "{{tracking}}.")),
                    content(QStringLiteral("email"), QStringLiteral("Your order #{{order}} has shipped"),
                        QStringLiteral("Hi {{name}},\n\nyour order #{{order}} is on its way with {{carrier}}."),
                        QStringLiteral("<p>Hi {{name}},</p><p>your order <b>#{{order}}</b> is on its way with "
                                       "{{carrier}}.</p>")),
                    content(QStringLiteral("default"), QStringLiteral("Pesanan #{{order}} sedang dikirim"),
                        QStringLiteral("Hai {{name}}, pesanan #{{order}} dikirim lewat {{carrier}}."), {},
                        QStringLiteral("id"))}},
            {QStringLiteral("variables"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("name")},
                                {QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("required"), true}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("order")},
                        {QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("required"), true}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("carrier")},
                        {QStringLiteral("type"), QStringLiteral("string")},
                        {QStringLiteral("default"), QStringLiteral("UPS")}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("tracking")},
                        {QStringLiteral("type"), QStringLiteral("string")}}}}});
    admin.post(QStringLiteral("/api/templates"),
        {{QStringLiteral("name"), QStringLiteral("deploy-failed")},
            {QStringLiteral("description"), QStringLiteral("A production deploy failed its health checks")},
            {QStringLiteral("type"), QStringLiteral("deploy")}, {QStringLiteral("topic"), QStringLiteral("deploys")},
            {QStringLiteral("contents"),
                QJsonArray {content(QStringLiteral("default"), QStringLiteral("Deploy of {{service}} failed"),
                    QStringLiteral("{{service}} {{version}} failed in {{region}} and was rolled back."))}},
            {QStringLiteral("variables"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("service")},
                                {QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("required"), true}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("version")},
                        {QStringLiteral("type"), QStringLiteral("string")}},
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("region")},
                        {QStringLiteral("type"), QStringLiteral("string")},
                        {QStringLiteral("default"), QStringLiteral("eu-west-1")}}}}});
    admin.post(QStringLiteral("/api/templates"),
        {{QStringLiteral("name"), QStringLiteral("weekly-summary")},
            {QStringLiteral("description"), QStringLiteral("Monday's summary for the whole team")},
            {QStringLiteral("type"), QStringLiteral("summary")},
            {QStringLiteral("variables"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("count")},
                    {QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("default"), 0}}}},
            {QStringLiteral("contents"),
                QJsonArray {content(QStringLiteral("default"), QStringLiteral("Your week in Tidings"),
                    QStringLiteral("{{count}} updates this week."))}}});

    // A week of notifications: each seed item to every user, at its age, some read.
    HttpTestClient publisher(server.url());
    publisher.login(QStringLiteral("budi"), QStringLiteral("password-123"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (int day = 6; day >= 0; --day) {
        for (const SeedNotification &item : seedNotifications()) {
            if ((n++ + day) % 3 == 0)
                continue;
            clock.set(now.addSecs(-86400LL * day - 60LL * (item.minutesAgo % 600)));
            admin.post(QStringLiteral("/api/notifications"),
                {{QStringLiteral("topic"), item.topic}, {QStringLiteral("title"), item.title},
                    {QStringLiteral("message"), item.message}, {QStringLiteral("priority"), item.priority},
                    {QStringLiteral("format"), item.format}});
        }
        for (const auto &[username, name] : people) {
            if (username == QLatin1String("tom") || (username == QLatin1String("chen") && day % 2))
                continue;
            HttpTestClient reader(server.url());
            reader.login(username, QStringLiteral("password-123"));
            reader.put(QStringLiteral("/api/notifications/read-all"), {});
        }
    }
    clock.set(now.addSecs(-3600));
    admin.post(QStringLiteral("/api/broadcasts"),
        {{QStringLiteral("title"), QStringLiteral("Office closed on Friday")},
            {QStringLiteral("message"),
                QStringLiteral("The office is closed for the public holiday. Enjoy the long weekend!")},
            {QStringLiteral("broadcast"), true}});
    clock.set(now);
    admin.post(QStringLiteral("/api/broadcasts"),
        {{QStringLiteral("title"), QStringLiteral("Maintenance window tonight")},
            {QStringLiteral("message"), QStringLiteral("The API is read-only from 22:00 to 22:30 UTC.")},
            {QStringLiteral("broadcast"), true},
            {QStringLiteral("scheduledAt"), now.addSecs(8 * 3600).toString(Qt::ISODateWithMs)}});
    admin.post(QStringLiteral("/api/broadcasts"),
        {{QStringLiteral("name"), QStringLiteral("Weekly summary")},
            {QStringLiteral("templateId"), QStringLiteral("weekly-summary")},
            {QStringLiteral("variables"), QJsonObject {{QStringLiteral("count"), 42}}},
            {QStringLiteral("broadcast"), true},
            {QStringLiteral("schedule"),
                QJsonObject {{QStringLiteral("cron"), QStringLiteral("0 9 * * 1")},
                    {QStringLiteral("timezone"), QStringLiteral("Asia/Jakarta")}}}});
    return true;
}

// Waits until no backend object under the window is loading, then a little for
// animations and charts.
void settleWindow(QQuickWindow *window)
{
    waitFor([window] {
        const auto lists = window->findChildren<Admin::ApiListModel *>();
        const auto objects = window->findChildren<Admin::ApiObject *>();
        return std::none_of(lists.cbegin(), lists.cend(), [](auto *m) { return m->isLoading(); })
            && std::none_of(objects.cbegin(), objects.cend(), [](auto *o) { return o->isLoading(); });
    });
    settle(700);
}

bool save(QQuickWindow *window, const QString &path)
{
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        std::fprintf(stderr, "admin_screenshots: could not save %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tidings"));
    QApplication::setApplicationName(QStringLiteral("tidings-admin-screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Directory for the PNGs."), QStringLiteral("dir"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language (en, id)."), QStringLiteral("code"));
    parser.addOptions({out, lang});
    parser.process(app);
    const QString dir = parser.value(out).isEmpty() ? QStringLiteral(".") : parser.value(out);
    QDir().mkpath(dir);
    const QString language = parser.value(lang).isEmpty() ? QStringLiteral("en") : parser.value(lang);
    const QString suffix = language == QLatin1String("en") ? QString() : QLatin1Char('-') + language;

    QTemporaryDir sinkDir;
    SmtpSink::Options sinkOptions;
    sinkOptions.rejectRecipients = {QStringLiteral("tom.old@example.com")};
    SmtpSink sink(sinkDir.path(), sinkOptions);
    QString error;
    if (!sink.start(&error)) {
        std::fprintf(stderr, "admin_screenshots: the SMTP sink did not start: %s\n", qPrintable(error));
        return 1;
    }
    ManualClock clock(QDateTime::currentDateTimeUtc());
    TestServer server(
        [&](Server::ServerConfig &config) {
            config.email.host = QStringLiteral("127.0.0.1");
            config.email.port = sink.port();
            config.email.security = Server::Channels::EmailChannel::Security::None;
            config.email.from = QStringLiteral("tidings@example.com");
            config.deliveryPollMs = 50;
        },
        clock);
    if (!server.isRunning() || !seed(server, clock)) {
        std::fprintf(stderr, "admin_screenshots: seeding failed %s\n", qPrintable(server.errorString()));
        return 1;
    }
    settle(3000); // let the pipeline send and bounce the emails

    App::TranslationLoader translations(QStringLiteral("tidings-admin"));
    translations.install(language);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    int failures = 0;
    for (const bool dark : {false, true}) {
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        Admin::AdminSettings settings;
        settings.setDarkMode(dark);
        Admin::AdminSession session;
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)},
            {QStringLiteral("settings"), QVariant::fromValue(&settings)}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/Main.qml")));
        auto *window
            = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        if (!window)
            return 1;
        window->resize(1280, 800);
        session.probe(server.url().toString());
        if (auto *field = findNamed(window->contentItem(), QStringLiteral("serverField")))
            field->setProperty("text", server.url().toString());
        if (auto *field = findNamed(window->contentItem(), QStringLiteral("usernameField")))
            field->setProperty("text", QStringLiteral("admin"));
        settleWindow(window);
        failures += !save(window, QStringLiteral("%1/admin-signin-%2%3.png").arg(dir, theme, suffix));

        session.signIn(server.url().toString(), QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
        if (!waitFor([&] { return session.isSignedIn(); })) {
            std::fprintf(stderr, "admin_screenshots: sign-in failed: %s\n", qPrintable(session.errorMessage()));
            return 1;
        }
        QQuickItem *console = findNamed(window->contentItem(), QStringLiteral("console"));
        for (const QString &page :
            {QStringLiteral("dashboard"), QStringLiteral("templates"), QStringLiteral("broadcasts"),
                QStringLiteral("users"), QStringLiteral("topics"), QStringLiteral("deliveries")}) {
            QMetaObject::invokeMethod(console, "show", Q_ARG(QVariant, page));
            settleWindow(window);
            failures += !save(window, QStringLiteral("%1/admin-%2-%3%4.png").arg(dir, page, theme, suffix));
        }
    }
    return failures == 0 ? 0 : 1;
}
