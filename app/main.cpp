#include "core/AppSettings.h"
#include "core/TranslationLoader.h"
#include "ui/AppController.h"
#include "ui/SingleInstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QSystemTrayIcon>

#include <cstdio>

using namespace Tidings::App;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tidings"));
    QApplication::setApplicationName(QStringLiteral("tidings"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tidings"));
    QApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tidings"));
    // The app lives in the tray: closing its last window does not end it.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Tidings: notifications for your team, in the tray."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("main", "Sign in to the server at <url> (with --username and --password-file)."),
        QStringLiteral("url"));
    const QCommandLineOption username(
        QStringLiteral("username"), QApplication::translate("main", "Sign in as <name>."), QStringLiteral("name"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        QApplication::translate("main", "Read the password from the first line of <file>."), QStringLiteral("file"));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"), QApplication::translate("main", "Start in the tray without opening a window."));
    const QCommandLineOption reset(QStringLiteral("reset-local-data"),
        QApplication::translate("main", "Forget the notifications kept on this computer before starting."));
    parser.addOptions({server, username, passwordFile, minimized, reset});
    parser.process(app);

    AppController::Options options;
    options.minimized = parser.isSet(minimized);
    options.resetLocalData = parser.isSet(reset);
    if (parser.isSet(server) || parser.isSet(username) || parser.isSet(passwordFile)) {
        if (!parser.isSet(server) || !parser.isSet(username) || !parser.isSet(passwordFile)) {
            std::fprintf(stderr, "tidings: --server, --username and --password-file go together\n");
            return 2;
        }
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(
                stderr, "tidings: cannot read %s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 2;
        }
        options.server = QUrl::fromUserInput(parser.value(server));
        options.username = parser.value(username);
        options.password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    }

    SingleInstance instance;
    if (!instance.claim())
        return 0; // the running one raised its notification center

    if (!QSystemTrayIcon::isSystemTrayAvailable())
        qWarning("tidings: no system tray found; start tidings again to open the notification center");

    AppSettings settings;
    TranslationLoader translations;
    translations.install(TranslationLoader::pick(settings.language()));
    QObject::connect(&settings, &AppSettings::changed, &translations, [&] {
        if (const QString language = TranslationLoader::pick(settings.language()); language != translations.language())
            translations.install(language);
    });
    AppController controller(settings, options);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &controller, &AppController::showNotificationCenter);
    controller.start();
    return QApplication::exec();
}
