// The admin console driven as a user drives it, through its QML with real mouse
// and key events against a real tidingsd: sign in, create a template with a
// variable, send a broadcast from it to everyone, and see it in the list with
// its figures, which follow when a recipient reads it.

#include "AdminSettings.h"
#include "BroadcastListModel.h"
#include "support/AdminFixture.h"
#include "support/HttpTestClient.h"
#include "support/QuickTree.h"

#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>

// A step that failed ends the scenario: the later ones would only fail after it.
#define STEP(statement)                                                                                                \
    do {                                                                                                               \
        statement;                                                                                                     \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

using namespace Tidings;
using namespace Tidings::Test;

namespace {

// Items of popups (dialogs, drawers) live under the window's overlay, which is
// under the content item's parent: search from the root of the scene.
QQuickItem *sceneItem(QQuickWindow *window, const QString &name)
{
    QQuickItem *item = findNamed(sceneRoot(window), name);
    return item && item->isVisible() && item->isEnabled() ? item : nullptr;
}

// The overlay popups live in.
QQuickItem *overlay(QQuickWindow *window)
{
    const QList<QQuickItem *> children = sceneRoot(window)->childItems();
    for (QQuickItem *child : children) {
        if (QByteArray(child->metaObject()->className()) == "QQuickOverlay")
            return child;
    }
    return nullptr;
}

// Whether a popup other than a tooltip (a dialog, a drawer, a menu: they take
// the clicks meant for the page) is open or still closing.
bool popupOpen(QQuickItem *overlay)
{
    const QList<QQuickItem *> children = overlay->childItems();
    return std::any_of(children.cbegin(), children.cend(), [](QQuickItem *item) {
        const QObject *popup = item->parent();
        return item->isVisible() && popup && !popup->inherits("QQuickToolTip");
    });
}

// Waits until the popup `item` is in (if any) has finished opening.
bool popupSettled(QQuickItem *item)
{
    for (QQuickItem *i = item; i; i = i->parentItem()) {
        if (QByteArray(i->metaObject()->className()) == "QQuickPopupItem")
            return i->parent() && i->parent()->property("opened").toBool();
    }
    return true;
}

bool inside(QQuickItem *item, QQuickItem *ancestor)
{
    for (; item; item = item->parentItem()) {
        if (item == ancestor)
            return true;
    }
    return false;
}

} // namespace

class TestAdminScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signIn_createTemplate_sendBroadcast_seeFigures();

private:
    // Waits for a visible, enabled item called `name`; nullptr after 10 s.
    QQuickItem *waitItem(const QString &name);
    void click(const QString &name);
    void type(const QString &name, const QString &text);

    std::unique_ptr<AdminFixture> m_fixture;
    Admin::AdminSession m_session; // signed out: the test signs in through the page
    Admin::AdminSettings m_settings;
    QQmlEngine m_engine;
    std::unique_ptr<QObject> m_root;
    QQuickWindow *m_window = nullptr;
};

void TestAdminScenario::initTestCase()
{
    m_fixture = std::make_unique<AdminFixture>();
    QVERIFY(m_fixture->server.isRunning());
    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/Main.qml")));
    m_root.reset(component.createWithInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&m_session)},
        {QStringLiteral("settings"), QVariant::fromValue(&m_settings)}}));
    QVERIFY2(m_root, qPrintable(component.errorString()));
    m_window = qobject_cast<QQuickWindow *>(m_root.get());
    QVERIFY(m_window);
    m_window->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestAdminScenario::cleanupTestCase()
{
    m_root.reset();
    m_fixture.reset();
}

QQuickItem *TestAdminScenario::waitItem(const QString &name)
{
    QQuickItem *item = nullptr;
    return QTest::qWaitFor([&] { return (item = sceneItem(m_window, name)) != nullptr && popupSettled(item); }, 10000)
        ? item
        : nullptr;
}

void TestAdminScenario::click(const QString &name)
{
    QQuickItem *item = waitItem(name);
    QVERIFY2(item, qPrintable(name + QStringLiteral(" is not there to click")));
    if (QQuickItem *popups = overlay(m_window); popups && !inside(item, popups))
        QTRY_VERIFY_WITH_TIMEOUT(!popupOpen(popups), 5000);
    // Let an opening drawer or dialog finish moving before aiming at it.
    QPointF at;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QPointF now = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
            const bool still = now == at && QRectF(QPointF(), m_window->size()).contains(now);
            at = now;
            return still;
        }(),
        5000);
    QTest::mouseClick(m_window, Qt::LeftButton, {}, at.toPoint());
}

void TestAdminScenario::type(const QString &name, const QString &text)
{
    QQuickItem *item = waitItem(name);
    QVERIFY2(item, qPrintable(name + QStringLiteral(" is not there to type in")));
    item->forceActiveFocus(Qt::TabFocusReason);
    QTRY_VERIFY(item->hasActiveFocus());
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier); // typing replaces what was there
    for (const QChar c : text)
        QTest::keyClick(m_window, c.toLatin1()); // QWindow has no keyClicks(); the texts are ASCII
    QCOMPARE(item->property("text").toString(), text);
}

void TestAdminScenario::signIn_createTemplate_sendBroadcast_seeFigures()
{
    HttpTestClient admin(m_fixture->server.url());
    QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
    admin.createUser(QStringLiteral("alice"));
    admin.createUser(QStringLiteral("bob"));

    // Sign in through the page: the server's version shows once the address answers.
    STEP(type(QStringLiteral("serverField"), m_fixture->server.url().toString()););
    const auto shown = [this](const QString &name, const QString &part) {
        const QQuickItem *item = sceneItem(m_window, name);
        return item && item->property("text").toString().contains(part);
    };
    QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("serverInfo"), QStringLiteral("tidingsd 0.")), 10000);
    STEP(type(QStringLiteral("usernameField"), QStringLiteral("admin")););
    STEP(type(QStringLiteral("passwordField"), QLatin1String(TestServer::AdminPassword)););
    STEP(click(QStringLiteral("signInButton")););
    QTRY_VERIFY_WITH_TIMEOUT(m_session.isSignedIn(), 10000);

    // A template with one required variable.
    STEP(click(QStringLiteral("nav-templates")););
    STEP(click(QStringLiteral("newTemplateButton")););
    STEP(type(QStringLiteral("newTemplateName"), QStringLiteral("release-notes")););
    STEP(click(QStringLiteral("createTemplateButton")););
    QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("editorTitle"), QStringLiteral("release-notes")), 10000);
    STEP(type(QStringLiteral("subjectField"), QStringLiteral("Version {{version}} is out")););
    STEP(type(QStringLiteral("textBodyField"), QStringLiteral("Tidings {{version}} is ready to install.")););
    STEP(click(QStringLiteral("variablesTab")););
    STEP(click(QStringLiteral("addVariableButton")););
    STEP(type(QStringLiteral("variableName-0"), QStringLiteral("version")););
    STEP(click(QStringLiteral("saveButton")););
    const auto saved = [&] {
        const HttpResult t = admin.get(QStringLiteral("/api/templates/release-notes"));
        return t.status == 200 && t.json.value(QStringLiteral("version")).toInt() >= 2
            && t.json.value(QStringLiteral("variables")).toArray().size() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saved(), 10000);

    // A broadcast from it, to everyone, now.
    STEP(click(QStringLiteral("nav-broadcasts")););
    STEP(click(QStringLiteral("newBroadcastButton")););
    STEP(click(QStringLiteral("fromTemplateTab")););
    QQuickItem *templateBox = waitItem(QStringLiteral("templateBox"));
    QVERIFY(templateBox);
    QTRY_VERIFY(templateBox->property("count").toInt() >= 1);
    // Keyboard on the combo box, as a user without a mouse would: open, pick, accept.
    templateBox->forceActiveFocus(Qt::TabFocusReason);
    const int wanted = [&] {
        for (int i = 0; i < templateBox->property("count").toInt(); ++i) {
            QString text;
            QMetaObject::invokeMethod(templateBox, "textAt", Q_RETURN_ARG(QString, text), Q_ARG(int, i));
            if (text == QLatin1String("release-notes"))
                return i;
        }
        return -1;
    }();
    QVERIFY(wanted >= 0);
    QTest::keyClick(m_window, Qt::Key_Space);
    for (int i = 0; i <= wanted; ++i)
        QTest::keyClick(m_window, i == 0 ? Qt::Key_Home : Qt::Key_Down);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE(templateBox->property("currentText").toString(), QStringLiteral("release-notes"));
    STEP(type(QStringLiteral("variableValue-version"), QStringLiteral("1.4")););
    QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("estimateLabel"), QStringLiteral("3")), 10000);
    STEP(click(QStringLiteral("reviewBroadcastButton")););
    QTRY_VERIFY(m_window->activeFocusItem());
    QTRY_VERIFY(m_window->activeFocusItem()->property("text").toString().contains(QLatin1String("Send now")));
    QTest::keyClick(m_window, Qt::Key_Return); // the confirmation's default button

    // It is in the list (named after its template), sent to the 3 users, and its
    // figures follow a read.
    QQuickItem *listView = waitItem(QStringLiteral("broadcastList"));
    QVERIFY(listView);
    auto *list = qobject_cast<Admin::BroadcastListModel *>(listView->property("model").value<QObject *>());
    QVERIFY(list);
    const auto row = [list] {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i).value(QStringLiteral("name")).toString() == QLatin1String("release-notes"))
                return i;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(row() >= 0, 10000);
    const auto value = [&](const char *role) { return list->data(list->index(row()), list->roleNames().key(role)); };
    QTRY_COMPARE(value("status").toString(), QStringLiteral("sent"));
    QCOMPARE(value("recipients").toInt(), 3);
    QCOMPARE(value("read").toInt(), 0);

    HttpTestClient alice(m_fixture->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    const HttpResult inbox = alice.get(QStringLiteral("/api/notifications"));
    const QJsonObject first = inbox.json.value(QStringLiteral("notifications")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Version 1.4 is out"));
    QCOMPARE(first.value(QStringLiteral("message")).toString(), QStringLiteral("Tidings 1.4 is ready to install."));
    QCOMPARE(alice.put(QStringLiteral("/api/notifications/%1/read").arg(first.value(QStringLiteral("id")).toString()))
                 .status,
        200);
    // A sent broadcast no longer refreshes itself: the admin refreshes the list.
    STEP(click(QStringLiteral("refreshBroadcastsButton")));
    QTRY_COMPARE_WITH_TIMEOUT(value("read").toInt(), 1, 10000);
    QCOMPARE(value("recipients").toInt(), 3);
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminScenario)

#include "tst_admin_scenario.moc"
