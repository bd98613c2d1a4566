#include "AdminSession.h"
#include "AdminSettings.h"
#include "core/TranslationLoader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Tidings_AdminPlugin)
Q_IMPORT_QML_PLUGIN(Tidings_Admin_UiPlugin)

using namespace Tidings;

int main(int argc, char *argv[])
{
    // Qt Charts draws with QGraphicsView: the console needs a QApplication.
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tidings"));
    QApplication::setApplicationName(QStringLiteral("tidings-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tidings Admin"));
    QApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tidings-admin"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Tidings Admin: the console of a tidingsd server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("main", "Sign in to the server at <url> (with --username and --password-file)."),
        QStringLiteral("url"));
    const QCommandLineOption username(
        QStringLiteral("username"), QApplication::translate("main", "Sign in as <name>."), QStringLiteral("name"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        QApplication::translate("main", "Read the password from the first line of <file>."), QStringLiteral("file"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        QApplication::translate("main", "Start with the <light|dark> theme (and keep it)."), QStringLiteral("theme"));
    const QCommandLineOption language(QStringLiteral("language"),
        QApplication::translate("main", "Show the console in <code> (en, id) and keep it."), QStringLiteral("code"));
    parser.addOptions({server, username, passwordFile, theme, language});
    parser.process(app);

    QString password;
    if (parser.isSet(server) || parser.isSet(username) || parser.isSet(passwordFile)) {
        if (!parser.isSet(server) || !parser.isSet(username) || !parser.isSet(passwordFile)) {
            std::fprintf(stderr, "tidings-admin: --server, --username and --password-file go together\n");
            return 2;
        }
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "tidings-admin: cannot read %s: %s\n", qPrintable(file.fileName()),
                qPrintable(file.errorString()));
            return 2;
        }
        password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    }

    Admin::AdminSettings settings;
    if (parser.isSet(theme))
        settings.setDarkMode(parser.value(theme) == QLatin1String("dark"));
    if (parser.isSet(language))
        settings.setLanguage(parser.value(language));

    QQmlApplicationEngine engine;
    App::TranslationLoader translations(QStringLiteral("tidings-admin"));
    translations.install(App::TranslationLoader::pick(settings.language()));
    QObject::connect(&settings, &Admin::AdminSettings::languageChanged, &engine, [&] {
        translations.install(App::TranslationLoader::pick(settings.language()));
        engine.retranslate();
    });

    Admin::AdminSession session;
    QQuickStyle::setStyle(QStringLiteral("Material"));
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({
        {QStringLiteral("session"), QVariant::fromValue(&session)},
        {QStringLiteral("settings"), QVariant::fromValue(&settings)},
    });
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Tidings/Admin/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (parser.isSet(server))
        session.signIn(parser.value(server), parser.value(username), password);
    else if (!settings.lastServer().isEmpty() && !settings.lastUsername().isEmpty())
        session.restore(settings.lastServer(), settings.lastUsername());
    return QApplication::exec();
}
