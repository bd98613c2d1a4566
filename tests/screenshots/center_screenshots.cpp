// Fills a real in-process tidingsd with a realistic inbox, signs a ClientSession in
// and saves the notification center and the preferences dialog as PNGs (the
// README's screenshots), and the center once more offline with a change waiting to
// be sent (center-offline-*.png). Run under Xvfb for real fonts and window decorations:
//   xvfb-run -s "-screen 0 1600x1000x24" tidings_center_screenshots --out docs/images [--dark] [--lang id]
// --hold keeps the windows open for a full-screen capture.
#include "client/ClientSession.h"
#include "client/NotificationStore.h"
#include "core/AppSettings.h"
#include "core/TranslationLoader.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"
#include "support/SeededInbox.h"
#include "support/TcpProxy.h"
#include "support/TestServer.h"
#include "ui/MessageBanner.h"
#include "ui/NotificationCenter.h"
#include "ui/PreferencesDialog.h"
#include "ui/QuietHoursPage.h"
#include "ui/ServerPreferences.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QListView>
#include <QPalette>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>

using namespace Tidings;
using namespace Tidings::App;

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
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Breeze's colours, so light and dark look like a KDE desktop's.
QPalette breeze(bool dark)
{
    QPalette p;
    const auto set = [&p](QPalette::ColorRole role, const QColor &c, const QColor &disabled = {}) {
        p.setColor(QPalette::All, role, c);
        if (disabled.isValid())
            p.setColor(QPalette::Disabled, role, disabled);
    };
    if (dark) {
        set(QPalette::Window, QColor(0x20, 0x23, 0x26));
        set(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x70, 0x72));
        set(QPalette::Base, QColor(0x14, 0x16, 0x18));
        set(QPalette::AlternateBase, QColor(0x1d, 0x1f, 0x22));
        set(QPalette::Text, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x70, 0x72));
        set(QPalette::Button, QColor(0x29, 0x2c, 0x30));
        set(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x70, 0x72));
        set(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        set(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
        set(QPalette::ToolTipBase, QColor(0x29, 0x2c, 0x30));
        set(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc));
        set(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
        set(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
        set(QPalette::Light, QColor(0x40, 0x44, 0x48));
        set(QPalette::Midlight, QColor(0x33, 0x36, 0x3a));
        set(QPalette::Mid, QColor(0x1b, 0x1d, 0x20));
        set(QPalette::Dark, QColor(0x10, 0x11, 0x12));
        set(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    } else {
        set(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
        set(QPalette::WindowText, QColor(0x23, 0x26, 0x29), QColor(0xa0, 0xa1, 0xa3));
        set(QPalette::Base, QColor(0xff, 0xff, 0xff));
        set(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
        set(QPalette::Text, QColor(0x23, 0x26, 0x29), QColor(0xa0, 0xa1, 0xa3));
        set(QPalette::Button, QColor(0xfc, 0xfc, 0xfc));
        set(QPalette::ButtonText, QColor(0x23, 0x26, 0x29), QColor(0xa0, 0xa1, 0xa3));
        set(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        set(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
        set(QPalette::ToolTipBase, QColor(0xf7, 0xf7, 0xf7));
        set(QPalette::ToolTipText, QColor(0x23, 0x26, 0x29));
        set(QPalette::PlaceholderText, QColor(0x70, 0x7d, 0x8a));
        set(QPalette::Link, QColor(0x29, 0x80, 0xb9));
        set(QPalette::Light, QColor(0xff, 0xff, 0xff));
        set(QPalette::Midlight, QColor(0xf6, 0xf7, 0xf7));
        set(QPalette::Mid, QColor(0xc4, 0xc9, 0xcd));
        set(QPalette::Dark, QColor(0x88, 0x8e, 0x93));
        set(QPalette::Shadow, QColor(0x47, 0x4a, 0x4c));
    }
    return p;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Folder for the PNGs."), QStringLiteral("dir"), QStringLiteral(".")});
    parser.addOption({QStringLiteral("dark"), QStringLiteral("Use a dark palette.")});
    parser.addOption(
        {QStringLiteral("lang"), QStringLiteral("Language (en, id)."), QStringLiteral("code"), QStringLiteral("en")});
    parser.addOption({QStringLiteral("hold"), QStringLiteral("Keep the windows open (ms)."), QStringLiteral("ms"),
        QStringLiteral("0")});
    parser.addHelpOption();
    parser.process(app);
    const bool dark = parser.isSet(QStringLiteral("dark"));
    const QString lang = parser.value(QStringLiteral("lang"));
    const QString suffix = (lang == QLatin1String("en") ? QString() : QLatin1Char('-') + lang)
        + (dark ? QStringLiteral("-dark") : QStringLiteral("-light"));

    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(breeze(dark));
    QFont font(QStringLiteral("Noto Sans"));
    font.setPointSizeF(10);
    QApplication::setFont(font);
    TranslationLoader translations;
    translations.install(lang);

    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    ManualClock clock;
    Test::TestServer server({}, clock);
    if (!server.isRunning())
        qFatal("the server did not start: %s", qPrintable(server.errorString()));
    const bool indonesian = lang == QLatin1String("id");
    const QString username = indonesian ? QStringLiteral("dewi") : QStringLiteral("alex");
    const QString password = QStringLiteral("password-123");
    Test::seedInbox(
        server, clock, username, password, Test::seedTopics(indonesian), Test::seedNotifications(indonesian));

    // The session goes through a relay the tool can cut, as a network would.
    Test::TcpProxy proxy(server.port());
    Client::ClientSession::Options options;
    options.server = proxy.url();
    options.deviceName = QStringLiteral("Laptop");
    options.storePath = dir.filePath(QStringLiteral("store.sqlite"));
    Client::ClientSession session(options);
    session.signIn(username, password);
    if (!waitFor([&] { return session.isSignedIn() && session.isSynced(); }))
        qFatal("sign-in did not complete");
    AppSettings settings(dir.filePath(QStringLiteral("tidings.conf")));
    settings.setServerUrl(server.url().toString());
    settings.setUsername(username);

    const QString out = parser.value(QStringLiteral("out"));
    QDir().mkpath(out);
    NotificationCenter center(session, settings);
    center.resize(720, 800);
    center.showAndRaise();
    waitFor([&] { return center.filterModel()->rowCount() >= 9; });
    center.view()->setCurrentIndex(center.view()->model()->index(2, 0));
    settle(800);
    center.grab().save(out + QStringLiteral("/center") + suffix + QStringLiteral(".png"));

    // Offline: "Order #10432 needs review" marked read waits to be sent; its row says
    // so and the banner counts it.
    proxy.setOnline(false);
    if (!waitFor([&] { return center.offlineBanner()->isVisibleTo(&center); }))
        qFatal("the offline banner did not show");
    const QModelIndex order = center.view()->model()->index(1, 0);
    session.markRead({order.data(Client::NotificationListModel::IdRole).toString()});
    if (!waitFor([&] { return order.data(Client::NotificationListModel::SyncPendingRole).toBool(); }))
        qFatal("the read did not wait for the server");
    settle(500);
    center.grab().save(out + QStringLiteral("/center-offline") + suffix + QStringLiteral(".png"));
    proxy.setOnline(true);
    if (!waitFor([&] { return session.isSynced() && session.pendingOperations() == 0; }))
        qFatal("the session did not come back online");

    PreferencesDialog prefs(session, settings);
    prefs.show();
    waitFor([&] { return prefs.serverPreferences().isLoaded(); });
    // Quiet hours on, weekdays only: a change that goes to the server and back.
    prefs.quietHoursPage()->enabledBox()->setChecked(true);
    for (int day : {6, 7})
        prefs.quietHoursPage()->dayButton(day)->setChecked(false);
    prefs.quietHoursPage()->commit();
    waitFor([&] { return prefs.serverPreferences().accepted().quietHours.enabled; });
    const QList<QPair<PreferencesDialog::Page, QString>> pages = {
        {PreferencesDialog::Page::Topics, QStringLiteral("topics")},
        {PreferencesDialog::Page::QuietHours, QStringLiteral("quiet-hours")},
        {PreferencesDialog::Page::Toasts, QStringLiteral("popups")},
    };
    for (const auto &[page, name] : pages) {
        prefs.setCurrentPage(page);
        settle(500);
        prefs.grab().save(out + QStringLiteral("/preferences-") + name + suffix + QStringLiteral(".png"));
    }
    const int hold = parser.value(QStringLiteral("hold")).toInt();
    if (hold > 0) {
        prefs.setCurrentPage(PreferencesDialog::Page::QuietHours);
        prefs.move(760, 120);
        center.move(20, 60);
        settle(hold);
    }
    return 0;
}
