#pragma once

// For the admin console's tests (tst_admin_*): a real tidingsd on port 0 and an
// AdminSession signed in to it as the server's admin, and a main() that sets the
// console up as the program does (QApplication for Qt Charts, the Material style,
// QSettings in Qt's test location).

#include "AdminSession.h"
#include "TestServer.h"

#include <QApplication>
#include <QFileInfo>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Tidings_AdminPlugin)
Q_IMPORT_QML_PLUGIN(Tidings_Admin_UiPlugin)

namespace Tidings::Test {

struct AdminFixture
{
    TestServer server;
    Admin::AdminSession session;

    AdminFixture() = default;
    // A server whose configuration `tweak` changes (an SMTP server...) and whose time
    // `clock` drives (see TestServer).
    explicit AdminFixture(
        const std::function<void(Server::ServerConfig &)> &tweak, const Clock &clock = Clock::system())
        : server(tweak, clock)
    {
    }

    // Signs in as the server's admin; false (with a QWARN of why) when it fails.
    [[nodiscard]] bool signIn(const QString &username = QStringLiteral("admin"),
        const QString &password = QLatin1String(TestServer::AdminPassword))
    {
        if (!server.isRunning()) {
            qWarning("tidingsd did not start: %s", qPrintable(server.errorString()));
            return false;
        }
        QSignalSpy spy(&session, &Admin::AdminSession::stateChanged);
        session.signIn(server.url().toString(), username, password);
        if (!QTest::qWaitFor([&] { return !session.isBusy(); }, 10000) || !session.isSignedIn()) {
            qWarning("sign-in failed: %s", qPrintable(session.errorMessage()));
            return false;
        }
        return true;
    }
};

} // namespace Tidings::Test

#define TIDINGS_ADMIN_TEST_MAIN(TestObject)                                                                            \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QApplication app(argc, argv);                                                                                  \
        QApplication::setOrganizationName(QStringLiteral("Tidings"));                                                  \
        /* Each test its own QSettings (the last server and account are kept there). */                                \
        QApplication::setApplicationName(QFileInfo(QString::fromLocal8Bit(argv[0])).baseName());                       \
        QStandardPaths::setTestModeEnabled(true);                                                                      \
        QQuickStyle::setStyle(QStringLiteral("Material"));                                                             \
        /* The offscreen platform has no GPU: render with the software scene graph. */                                 \
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);                                                  \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
