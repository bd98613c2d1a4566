#include "support/ClientFixtures.h"
#include "support/HttpTestClient.h"
#include "support/TestMain.h"
#include "support/TestServer.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Tidings;
using namespace Tidings::Test;

// The real `tidings` program on a real X server (Xvfb) with a real XEmbed tray
// (trayer) and a real notification daemon (dunst), in a private D-Bus session,
// signed in to a real tidingsd: toasts appear as X windows titled with the
// notification's title, the tray badge follows the server's unread count, a read
// on another device clears it, and the native backend goes through dunst and back.
class TestTrayE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void builtIn_toastWindowAppears_andBadgeFollowsReads();
    void secondLaunch_raisesTheCenter_andExitsZero();
    void native_reachesDunst_andItsActionCallsBack();
    void native_burstFromOneTopic_collapsesIntoOneSummary();

private:
    QString tool(const QString &name);
    // Starts a helper and reads the first line it prints (Xvfb's display, the bus address).
    QString startAndReadLine(QProcess &process, const QString &program, const QStringList &args);
    void startApp();
    void stopApp();
    QString run(const QString &program, const QStringList &args, int *exitCode = nullptr);
    QVariant status(const char *property);
    QString publish(const QJsonObject &body);
    qint64 serverUnread();
    QStringList windowsNamed(const QString &title);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestServer> m_server;
    QProcessEnvironment m_env;
    QProcess m_xvfb;
    QProcess m_bus;
    QProcess m_dunst;
    QProcess m_trayer;
    QProcess m_app;
    QString m_busAddress;
    QString m_passwordFile;
    QString m_dunstLog;
    QString m_aliceId;
    std::unique_ptr<QDBusConnection> m_dbus;
};

QString TestTrayE2e::tool(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s is not installed (scripts/setup-deps installs it)", qPrintable(name));
    return path;
}

QString TestTrayE2e::startAndReadLine(QProcess &process, const QString &program, const QStringList &args)
{
    process.setProcessEnvironment(m_env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return {};
    for (int i = 0; i < 100 && !process.canReadLine(); ++i)
        process.waitForReadyRead(100);
    return QString::fromUtf8(process.readLine()).trimmed();
}

void TestTrayE2e::initTestCase()
{
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xvfb.isEmpty())
        QSKIP("Xvfb is not installed (apt-get install xvfb, or scripts/setup-deps): the desktop end-to-end test needs "
              "an X server");
    for (const char *name : {"dbus-daemon", "dunst", "dunstctl", "trayer", "xdotool", "xwininfo"})
        QVERIFY2(!tool(QLatin1String(name)).isEmpty(), name);

    m_dir = makeTempDir(QStringLiteral("tray-e2e"));
    QVERIFY(m_dir->isValid());
    const QDir root(m_dir->path());
    for (const char *sub : {"home", "config", "data", "cache", "runtime"})
        QVERIFY(root.mkpath(QLatin1String(sub)));
    QFile::setPermissions(
        root.filePath(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("runtime")));
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    m_env.remove(QStringLiteral("WAYLAND_DISPLAY"));

    const QString display = startAndReadLine(m_xvfb, xvfb,
        {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
            QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    QVERIFY2(!display.isEmpty(), "Xvfb did not start");
    m_env.insert(QStringLiteral("DISPLAY"), QLatin1Char(':') + display);

    m_busAddress = startAndReadLine(m_bus, tool(QStringLiteral("dbus-daemon")),
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    QVERIFY2(!m_busAddress.isEmpty(), "dbus-daemon did not start");
    m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    m_dbus = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(m_busAddress, QStringLiteral("tray-e2e")));
    QVERIFY(m_dbus->isConnected());

    // dunst runs a script for every notification from Tidings: the log shows what reached it.
    m_dunstLog = root.filePath(QStringLiteral("dunst.log"));
    const QString script = root.filePath(QStringLiteral("record.sh"));
    {
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nprintf '%s|%s|%s\\n' \"$1\" \"$2\" \"$5\" >> '" + m_dunstLog.toUtf8() + "'\n");
    }
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString dunstrc = root.filePath(QStringLiteral("dunstrc"));
    {
        QFile f(dunstrc);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[global]\n    idle_threshold = 0\n    show_age_threshold = -1\n"
                "[tidings]\n    appname = Tidings\n    script = "
            + script.toUtf8() + "\n");
    }
    m_dunst.setProcessEnvironment(m_env);
    m_dunst.start(tool(QStringLiteral("dunst")), {QStringLiteral("-config"), dunstrc});
    QVERIFY(m_dunst.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_dbus->interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value(), 10000);

    m_trayer.setProcessEnvironment(m_env);
    m_trayer.start(tool(QStringLiteral("trayer")),
        {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"), QStringLiteral("right"),
            QStringLiteral("--widthtype"), QStringLiteral("request"), QStringLiteral("--height"), QStringLiteral("32"),
            QStringLiteral("--transparent"), QStringLiteral("false"), QStringLiteral("--tint"),
            QStringLiteral("0x31363b")});
    QVERIFY(m_trayer.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        !run(QStringLiteral("xdotool"), {QStringLiteral("search"), QStringLiteral("--class"), QStringLiteral("trayer")})
             .isEmpty(),
        10000);

    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    HttpTestClient admin(m_server->url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    m_aliceId = admin.createUser(QStringLiteral("alice"), QStringLiteral("user"), QStringLiteral("alice-password-1"));
    QVERIFY(!m_aliceId.isEmpty());
    m_passwordFile = root.filePath(QStringLiteral("password"));
    QFile f(m_passwordFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("alice-password-1\n");
}

void TestTrayE2e::cleanupTestCase()
{
    stopApp();
    for (QProcess *p : {&m_trayer, &m_dunst, &m_bus, &m_xvfb}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(3000))
                p->kill();
            p->waitForFinished(3000);
        }
    }
}

QString TestTrayE2e::run(const QString &program, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(program, args);
    p.waitForFinished(10000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void TestTrayE2e::startApp()
{
    m_app.setProcessEnvironment(m_env);
    m_app.setProcessChannelMode(QProcess::ForwardedChannels);
    m_app.start(QStringLiteral(TIDINGS_APP_BINARY),
        {QStringLiteral("--server"), m_server->url().toString(), QStringLiteral("--username"), QStringLiteral("alice"),
            QStringLiteral("--password-file"), m_passwordFile, QStringLiteral("--minimized")});
    QVERIFY(m_app.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(status("Synced").toBool(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(status("IconState").toString(), QStringLiteral("online"), 10000);
}

void TestTrayE2e::stopApp()
{
    if (m_app.state() == QProcess::NotRunning)
        return;
    m_app.terminate();
    if (!m_app.waitForFinished(5000))
        m_app.kill();
    m_app.waitForFinished(3000);
    // Until the bus name is gone, a new instance could not take it.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_dbus->interface()->isServiceRegistered(QStringLiteral("org.tidings.Tidings")).value(), 5000);
}

QVariant TestTrayE2e::status(const char *property)
{
    QDBusInterface iface(QStringLiteral("org.tidings.Tidings"), QStringLiteral("/Tidings"),
        QStringLiteral("org.tidings.Tidings"), *m_dbus);
    return iface.isValid() ? iface.property(property) : QVariant();
}

QString TestTrayE2e::publish(const QJsonObject &body)
{
    HttpTestClient admin(m_server->url());
    admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword));
    QJsonObject b = body;
    b.insert(QStringLiteral("recipients"), QJsonArray {m_aliceId});
    const HttpResult r = admin.post(QStringLiteral("/api/notifications"), b);
    return r.status == 202 ? r.json.value(QStringLiteral("id")).toString() : QString();
}

qint64 TestTrayE2e::serverUnread()
{
    HttpTestClient alice(m_server->url());
    alice.login(QStringLiteral("alice"), QStringLiteral("alice-password-1"));
    const HttpResult r = alice.get(QStringLiteral("/api/notifications?limit=1"));
    return r.json.value(QStringLiteral("unread")).toObject().value(QStringLiteral("total")).toInteger(-1);
}

QStringList TestTrayE2e::windowsNamed(const QString &title)
{
    const QString out = run(QStringLiteral("xdotool"),
        {QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
            QRegularExpression::escape(title)});
    return out.isEmpty() ? QStringList() : out.split(QLatin1Char('\n'));
}

void TestTrayE2e::builtIn_toastWindowAppears_andBadgeFollowsReads()
{
    startApp();
    if (QTest::currentTestFailed())
        return;
    // The tray icon is embedded (XEmbed) in trayer's panel window.
    const auto embedded = [this] {
        const QStringList windows = run(
            QStringLiteral("xdotool"), {QStringLiteral("search"), QStringLiteral("--class"), QStringLiteral("trayer")})
                                        .split(QLatin1Char('\n'));
        for (const QString &window : windows) {
            if (run(QStringLiteral("xwininfo"), {QStringLiteral("-tree"), QStringLiteral("-id"), window})
                    .contains(QLatin1String("(\"tidings\" \"tidings\")")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(embedded(), 10000);
    QCOMPARE(status("UnreadCount").toInt(), 0);

    const QString first = publish({{QStringLiteral("title"), QStringLiteral("Deploy finished e2e")},
        {QStringLiteral("message"), QStringLiteral("api v2.3 is live")},
        {QStringLiteral("priority"), QStringLiteral("high")}});
    const QString second = publish({{QStringLiteral("title"), QStringLiteral("Invoice paid e2e")},
        {QStringLiteral("message"), QStringLiteral("#1042, 120 EUR")}});
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // Real X windows with the notifications' titles.
    QTRY_COMPARE_WITH_TIMEOUT(windowsNamed(QStringLiteral("Deploy finished e2e")).size(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(windowsNamed(QStringLiteral("Invoice paid e2e")).size(), 1, 15000);
    QVERIFY(status("ShownNotifications").toStringList().contains(QStringLiteral("Deploy finished e2e")));

    // The badge equals the server's unread count.
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), 2, 10000);
    QCOMPARE(serverUnread(), 2);
    QVERIFY(status("ToolTip").toString().contains(QLatin1String("2 unread")));
    // TIDINGS_SCREENSHOT_DIR=docs/images: the README's panel crop, zoomed 4x.
    if (const QString shots = qEnvironmentVariable("TIDINGS_SCREENSHOT_DIR"); !shots.isEmpty()) {
        const QString screen = m_dir->filePath(QStringLiteral("screen.png"));
        run(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), screen});
        run(QStringLiteral("convert"),
            {screen, QStringLiteral("-crop"), QStringLiteral("24x32+1256+0"), QStringLiteral("+repage"),
                QStringLiteral("-filter"), QStringLiteral("point"), QStringLiteral("-resize"), QStringLiteral("800%"),
                QDir(shots).absoluteFilePath(QStringLiteral("tray-badge.png"))});
    }

    // Alice reads both on her phone.
    HttpTestClient phone(m_server->url());
    QCOMPARE(phone.login(QStringLiteral("alice"), QStringLiteral("alice-password-1")).status, 200);
    QCOMPARE(phone.send("PUT", QStringLiteral("/api/notifications/read-all"), "{}").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), 0, 10000);
    QCOMPARE(serverUnread(), 0);
    // Read elsewhere, its toast goes away at once (a high one would stay 7 s).
    QTRY_VERIFY_WITH_TIMEOUT(windowsNamed(QStringLiteral("Deploy finished e2e")).isEmpty(), 2500);
}

void TestTrayE2e::secondLaunch_raisesTheCenter_andExitsZero()
{
    if (m_app.state() == QProcess::NotRunning)
        startApp();
    QCOMPARE(status("CenterVisible").toBool(), false);
    int exitCode = -1;
    run(QStringLiteral(TIDINGS_APP_BINARY), {}, &exitCode);
    QCOMPARE(exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(status("CenterVisible").toBool(), 10000);
    QCOMPARE(m_app.state(), QProcess::Running);
}

void TestTrayE2e::native_reachesDunst_andItsActionCallsBack()
{
    stopApp();
    {
        QSettings settings(m_env.value(QStringLiteral("XDG_CONFIG_HOME")) + QStringLiteral("/Tidings/tidings.conf"),
            QSettings::IniFormat);
        settings.setValue(QStringLiteral("toasts/backend"), QStringLiteral("native"));
    }
    startApp();
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), 0, 10000);

    const QString id = publish({{QStringLiteral("title"), QStringLiteral("Disk almost full e2e")},
        {QStringLiteral("message"), QStringLiteral("db-1 at 93%")},
        {QStringLiteral("priority"), QStringLiteral("urgent")}});
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), 1, 10000);

    // dunst got it, as Tidings, with the title and critical urgency.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dunstLog), 10000);
    QFile log(m_dunstLog);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            log.open(QIODevice::ReadOnly);
            const QByteArray all = log.readAll();
            log.close();
            return all.contains("Tidings|Disk almost full e2e|CRITICAL");
        }(),
        10000);
    QVERIFY(windowsNamed(QStringLiteral("Disk almost full e2e")).isEmpty()); // no built-in toast
    QTRY_COMPARE_WITH_TIMEOUT(
        run(tool(QStringLiteral("dunstctl")), {QStringLiteral("count"), QStringLiteral("displayed")}),
        QStringLiteral("1"), 10000);

    // Clicking it in dunst (its default action) comes back to the app, which reads it.
    run(tool(QStringLiteral("dunstctl")), {QStringLiteral("action"), QStringLiteral("0")});
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), 0, 10000);
    QCOMPARE(serverUnread(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(status("CenterVisible").toBool(), 10000);
}

void TestTrayE2e::native_burstFromOneTopic_collapsesIntoOneSummary()
{
    if (m_app.state() == QProcess::NotRunning)
        QSKIP("needs the native backend's app from the previous test");
    HttpTestClient admin(m_server->url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    admin.put(QStringLiteral("/api/admin/topics/orders"),
        {{QStringLiteral("read"), QJsonArray {QStringLiteral("*")}},
            {QStringLiteral("publish"), QJsonArray {QStringLiteral("*")}}});
    const QString dunstctl = tool(QStringLiteral("dunstctl"));
    run(dunstctl, {QStringLiteral("close-all")});
    QTRY_COMPARE_WITH_TIMEOUT(
        run(dunstctl, {QStringLiteral("count"), QStringLiteral("displayed")}), QStringLiteral("0"), 5000);
    const qint64 before = status("UnreadCount").toInt();

    // Five orders at once: the first two pop up, the third makes a burst, and from
    // then on one summary stands for all of them.
    for (int i = 1; i <= 5; ++i) {
        QVERIFY(!publish({{QStringLiteral("topic"), QStringLiteral("orders")},
                             {QStringLiteral("title"), QStringLiteral("Order #%1 placed e2e").arg(20000 + i)},
                             {QStringLiteral("message"), QStringLiteral("Paid by card.")}})
                     .isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(status("UnreadCount").toInt(), before + 5, 10000);
    const auto logged = [this] {
        QFile log(m_dunstLog);
        log.open(QIODevice::ReadOnly);
        return QString::fromUtf8(log.readAll());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(
        logged().contains(QLatin1String("Tidings|5 new in orders|")), qPrintable(logged()), 10000);
    // dunst shows the one summary, nothing else of the burst.
    QTRY_COMPARE_WITH_TIMEOUT(
        run(dunstctl, {QStringLiteral("count"), QStringLiteral("displayed")}), QStringLiteral("1"), 5000);
    QCOMPARE(run(dunstctl, {QStringLiteral("count"), QStringLiteral("waiting")}), QStringLiteral("0"));
    QTest::qWait(500);
    QCOMPARE(run(dunstctl, {QStringLiteral("count"), QStringLiteral("displayed")}), QStringLiteral("1"));
    // The later ones never popped up on their own.
    for (int i = 3; i <= 5; ++i)
        QVERIFY(!logged().contains(QStringLiteral("Order #%1 placed e2e").arg(20000 + i) + QLatin1Char('|')));
}

TIDINGS_TEST_MAIN(TestTrayE2e)
#include "tst_tray_e2e.moc"
