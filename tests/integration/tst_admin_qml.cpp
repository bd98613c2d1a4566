// Every QML file of the admin console loads, lays out and renders with zero QML
// warnings: the window signed out and signed in, the pages against a real
// tidingsd (after their models answered), the components on their own, in the
// light and the dark theme. Any warning fails the test.

#include "AdminSettings.h"
#include "ApiListModel.h"
#include "ApiObject.h"
#include "core/TranslationLoader.h"
#include "support/AdminFixture.h"
#include "support/QuickTree.h"

#include <QDirIterator>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>

using namespace Tidings;
using namespace Tidings::Test;

namespace {

const QString ModuleRoot = QStringLiteral(":/qt/qml/Tidings/Admin/Ui/");

// Collects every warning Qt and QML print (our own tidings.* logging aside).
class WarningCollector
{
public:
    // After QTest::qExec() installed its own handler, which this one forwards to.
    void install()
    {
        s_self = this;
        m_previous = qInstallMessageHandler(&WarningCollector::handle);
    }
    ~WarningCollector()
    {
        if (s_self == this)
            qInstallMessageHandler(m_previous);
        s_self = nullptr;
    }
    [[nodiscard]] QStringList take() { return std::exchange(m_warnings, {}); }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        const bool ours = context.category && QByteArray(context.category).startsWith("tidings.");
        if (s_self && !ours && (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg))
            s_self->m_warnings << message;
        if (s_self && s_self->m_previous)
            s_self->m_previous(type, context, message);
    }

    static inline WarningCollector *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    QStringList m_warnings;
};

QStringList qmlFiles(const QString &under)
{
    QStringList files;
    QDirIterator it(ModuleRoot + under, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next().mid(ModuleRoot.size());
    files.sort();
    return files;
}

} // namespace

class TestAdminQml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void everyFileIsCovered();
    void mainWindow_data();
    void mainWindow();
    void page_data();
    void page();
    void component_data();
    void component();
    void indonesian();

private:
    // Creates `file` with `session`/`settings` set where it has such properties,
    // inside m_window; nullptr (and a failure) when it does not load.
    QObject *create(const QString &file, bool dark);
    void setDark(bool dark);
    void settle(QObject *root);

    std::unique_ptr<AdminFixture> m_fixture;
    Admin::AdminSettings m_settings;
    QQmlEngine m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    std::unique_ptr<QObject> m_singletons;
    WarningCollector m_collector;
};

void TestAdminQml::initTestCase()
{
    m_collector.install();
    m_fixture = std::make_unique<AdminFixture>();
    QVERIFY(m_fixture->signIn());
    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Theme and Notices are singletons: reach them through a small object.
    QQmlComponent singletons(&m_engine);
    singletons.setData("import QtQml\nimport Tidings.Admin.Ui\nQtObject { property QtObject theme: Theme; "
                       "property QtObject notices: Notices }",
        QUrl(QStringLiteral("qrc:/singletons.qml")));
    m_singletons.reset(singletons.create());
    QVERIFY2(m_singletons, qPrintable(singletons.errorString()));
}

void TestAdminQml::cleanupTestCase()
{
    // While Qt Test still logs: the server logs as it stops.
    m_singletons.reset();
    m_fixture.reset();
}

void TestAdminQml::init()
{
    const QStringList earlier = m_collector.take();
    QVERIFY2(earlier.isEmpty(), qPrintable(earlier.join(QLatin1Char('\n'))));
    m_window = std::make_unique<QQuickWindow>();
    m_window->resize(1024, 700);
    m_window->show();
}

void TestAdminQml::cleanup()
{
    m_window.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    const QStringList warnings = m_collector.take();
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
}

void TestAdminQml::setDark(bool dark)
{
    m_settings.setDarkMode(dark);
    m_singletons->property("theme").value<QObject *>()->setProperty("dark", dark);
}

QObject *TestAdminQml::create(const QString &file, bool dark)
{
    setDark(dark);
    QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/") + file));
    if (component.isError()) {
        qWarning("%s", qPrintable(component.errorString()));
        return nullptr;
    }
    QObject *object = component.beginCreate(m_engine.rootContext());
    if (!object) {
        qWarning("%s", qPrintable(component.errorString()));
        return nullptr;
    }
    QVariantMap properties;
    if (object->metaObject()->indexOfProperty("session") >= 0)
        properties.insert(QStringLiteral("session"), QVariant::fromValue(&m_fixture->session));
    if (object->metaObject()->indexOfProperty("settings") >= 0)
        properties.insert(QStringLiteral("settings"), QVariant::fromValue(&m_settings));
    component.setInitialProperties(object, properties);
    if (auto *item = qobject_cast<QQuickItem *>(object)) {
        item->setParentItem(m_window->contentItem());
        item->setSize(m_window->size());
    } else if (object->metaObject()->indexOfProperty("parent") >= 0 && !object->isWindowType()) {
        object->setProperty("parent", QVariant::fromValue(m_window->contentItem()));
    }
    object->setParent(m_window.get());
    component.completeCreate();
    return object;
}

// Waits until every backend object under `root` has answered, then lets the
// scene lay out and render once.
void TestAdminQml::settle(QObject *root)
{
    const auto idle = [root] {
        const auto lists = root->findChildren<Admin::ApiListModel *>();
        const auto objects = root->findChildren<Admin::ApiObject *>();
        return std::none_of(lists.cbegin(), lists.cend(), [](auto *m) { return m->isLoading() || m->isBusy(); })
            && std::none_of(objects.cbegin(), objects.cend(), [](auto *o) { return o->isLoading() || o->isBusy(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(idle(), 10000);
    auto *window = qobject_cast<QQuickWindow *>(root);
    if (!window)
        window = m_window.get();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(!window->grabWindow().isNull());
}

void TestAdminQml::everyFileIsCovered()
{
    // Main, ConsoleView and SignInPage are loaded by mainWindow; singletons by
    // initTestCase; pages and components by their own rows.
    const QStringList all = qmlFiles({});
    QStringList covered {QStringLiteral("Main.qml"), QStringLiteral("ConsoleView.qml"),
        QStringLiteral("SignInPage.qml"), QStringLiteral("Theme.qml"), QStringLiteral("Notices.qml")};
    covered << qmlFiles(QStringLiteral("pages")) << qmlFiles(QStringLiteral("components"));
    for (const QString &file : all)
        QVERIFY2(covered.contains(file), qPrintable(file + QStringLiteral(" is not loaded by any test row")));
    QVERIFY(all.size() >= 15);
}

void TestAdminQml::mainWindow_data()
{
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<bool>("dark");
    QTest::newRow("signed out, light") << false << false;
    QTest::newRow("signed out, dark") << false << true;
    QTest::newRow("signed in, light") << true << false;
    QTest::newRow("signed in, dark") << true << true;
}

void TestAdminQml::mainWindow()
{
    QFETCH(bool, signedIn);
    QFETCH(bool, dark);
    Admin::AdminSession signedOut;
    QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/Main.qml")));
    setDark(dark);
    std::unique_ptr<QObject> window(component.createWithInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(signedIn ? &m_fixture->session : &signedOut)},
        {QStringLiteral("settings"), QVariant::fromValue(&m_settings)},
    }));
    QVERIFY2(window, qPrintable(component.errorString()));
    settle(window.get());
    if (signedIn) {
        // Visit every page through the navigation, as a user would.
        auto *quickWindow = qobject_cast<QQuickWindow *>(window.get());
        QVERIFY(quickWindow);
        QStringList visited;
        for (QQuickItem *item : itemsNamed(quickWindow->contentItem(), QStringLiteral("nav-"))) {
            QVERIFY(QMetaObject::invokeMethod(item, "clicked"));
            visited << item->objectName();
            settle(window.get());
        }
        QCOMPARE(visited.size(), 6);
    }
}

void TestAdminQml::page_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("dark");
    for (const QString &file : qmlFiles(QStringLiteral("pages"))) {
        QTest::newRow(qPrintable(file + QStringLiteral(", light"))) << file << false;
        QTest::newRow(qPrintable(file + QStringLiteral(", dark"))) << file << true;
    }
}

void TestAdminQml::page()
{
    QFETCH(QString, file);
    QFETCH(bool, dark);
    QObject *page = create(file, dark);
    QVERIFY(page);
    settle(page);
    // Narrow and wide: the smallest supported window and a 4K one.
    for (const QSize size : {QSize(1024 - 220, 700), QSize(3840 - 220, 2160)}) {
        m_window->resize(size);
        qobject_cast<QQuickItem *>(page)->setSize(size);
        settle(page);
    }
}

void TestAdminQml::component_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : qmlFiles(QStringLiteral("components")))
        QTest::newRow(qPrintable(file)) << file;
}

void TestAdminQml::component()
{
    QFETCH(QString, file);
    QObject *object = create(file, false);
    QVERIFY(object);
    settle(object);
}

// The Indonesian catalogue is embedded, and a language change retranslates the
// window that is already open.
void TestAdminQml::indonesian()
{
    Admin::AdminSession signedOut;
    QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/Main.qml")));
    std::unique_ptr<QObject> window(component.createWithInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(&signedOut)},
        {QStringLiteral("settings"), QVariant::fromValue(&m_settings)},
    }));
    QVERIFY2(window, qPrintable(component.errorString()));
    auto *quickWindow = qobject_cast<QQuickWindow *>(window.get());
    const QList<QQuickItem *> buttons = itemsNamed(quickWindow->contentItem(), QStringLiteral("signInButton"));
    QCOMPARE(buttons.size(), 1);
    QCOMPARE(buttons.first()->property("text").toString(), QStringLiteral("Sign in"));
    App::TranslationLoader translations(QStringLiteral("tidings-admin"));
    QVERIFY(translations.install(QStringLiteral("id")));
    m_engine.retranslate();
    QCOMPARE(buttons.first()->property("text").toString(), QStringLiteral("Masuk"));
    QVERIFY(translations.install(QStringLiteral("en")));
    m_engine.retranslate();
    QCOMPARE(buttons.first()->property("text").toString(), QStringLiteral("Sign in"));
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminQml)

#include "tst_admin_qml.moc"
