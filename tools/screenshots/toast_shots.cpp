// Renders a stack of built-in toasts (real ToastWindows placed by ToastNotifier) over
// a plain desktop background, once with a light and once with a dark palette.
#include "core/AppSettings.h"
#include "ui/ToastNotifier.h"
#include "ui/ToastWindow.h"
#include "ui/TrayIconPainter.h"

#include <QApplication>
#include <QDir>
#include <QLinearGradient>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace Tidings;
using namespace Tidings::App;

namespace {

Notification make(const QString &id, Priority priority, const QString &topic, const QString &title,
    const QString &message, const QDateTime &at, const QList<NotificationAction> &actions = {})
{
    Notification n;
    n.id = id;
    n.content.priority = priority;
    n.content.topic = topic;
    n.content.title = title;
    n.content.message = message;
    n.content.actions = actions;
    n.createdAt = at;
    return n;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2e, 0x32));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x77, 0x7d));
    return p;
}

QImage render(bool dark, const QString &iniPath)
{
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    const QDateTime t0(QDate(2024, 5, 14), QTime(9, 41), QTimeZone::systemTimeZone());
    ManualClock clock(t0.toUTC());
    AppSettings settings(iniPath);
    settings.setReducedMotion(true);
    settings.setToastCorner(AppSettings::Corner::BottomRight);
    ToastNotifier notifier(clock, settings);
    notifier.notify(
        make(QStringLiteral("1"), Priority::Normal, QStringLiteral("billing"), QStringLiteral("Invoice #1042 paid"),
            QStringLiteral("Acme GmbH paid 1,240.00 EUR by bank transfer."), t0.addSecs(-300)));
    notifier.notify(make(QStringLiteral("2"), Priority::High, QStringLiteral("deploys"),
        QStringLiteral("Deploy of api v2.3 finished"),
        QStringLiteral("All 6 instances are healthy. Rollout took 4 min 12 s."), t0.addSecs(-60),
        {{QStringLiteral("open"), QStringLiteral("View release"), QStringLiteral("view"),
            QStringLiteral("https://example.com")}}));
    notifier.notify(make(QStringLiteral("3"), Priority::Urgent, QStringLiteral("alerts"),
        QStringLiteral("Disk almost full on db-1"),
        QStringLiteral("/var/lib/postgresql is 93% full and growing 2% an hour."), t0,
        {{QStringLiteral("ack"), QStringLiteral("Acknowledge"), QStringLiteral("dismiss"), {}},
            {QStringLiteral("runbook"), QStringLiteral("Runbook"), QStringLiteral("view"),
                QStringLiteral("https://example.com")}}));
    QCoreApplication::processEvents();

    const QList<ToastWindow *> windows = notifier.windows();
    QRect bounds;
    for (ToastWindow *w : windows)
        bounds |= w->geometry();
    const QRect area = bounds.adjusted(-40, -40, ToastNotifier::Margin, ToastNotifier::Margin);
    QImage canvas(area.size() * 2, QImage::Format_ARGB32_Premultiplied);
    canvas.setDevicePixelRatio(2);
    QPainter p(&canvas);
    QLinearGradient wallpaper(0, 0, area.width(), area.height());
    wallpaper.setColorAt(0, dark ? QColor(0x1d, 0x2b, 0x3a) : QColor(0x9c, 0xc3, 0xe0));
    wallpaper.setColorAt(1, dark ? QColor(0x2c, 0x1f, 0x3d) : QColor(0xd6, 0xe4, 0xf0));
    p.fillRect(QRect(QPoint(0, 0), area.size()), wallpaper);
    for (ToastWindow *w : windows) {
        const QRect g = w->geometry().translated(-area.topLeft());
        w->render(&p, g.topLeft());
    }
    p.end();
    return canvas;
}

// The tray icon's looks side by side on a dark and a light panel strip, at 32 px and 2x.
QImage trayStates()
{
    using State = TrayIconPainter::State;
    const QList<QPair<State, qint64>> looks {{State::Online, 3}, {State::Online, 42}, {State::Online, 250},
        {State::DoNotDisturb, 5}, {State::Offline, 3}, {State::SignedOut, 0}};
    const int icon = 32;
    const int cell = 56;
    QImage canvas(QSize(cell * int(looks.size()), cell * 2) * 2, QImage::Format_ARGB32_Premultiplied);
    canvas.setDevicePixelRatio(2);
    QPainter p(&canvas);
    p.fillRect(QRect(0, 0, cell * int(looks.size()), cell), QColor(0x23, 0x26, 0x29));
    p.fillRect(QRect(0, cell, cell * int(looks.size()), cell), QColor(0xef, 0xf0, 0xf1));
    for (int row = 0; row < 2; ++row) {
        for (int i = 0; i < looks.size(); ++i) {
            const QImage image = TrayIconPainter::paint(looks[i].first, looks[i].second, icon, 2.0);
            p.drawImage(QPointF(i * cell + (cell - icon) / 2.0, row * cell + (cell - icon) / 2.0), image);
        }
    }
    p.end();
    return canvas;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("tidings.conf"));
    const bool ok = render(false, ini).save(out + QStringLiteral("/toasts-light.png"))
        && render(true, ini).save(out + QStringLiteral("/toasts-dark.png"))
        && trayStates().save(out + QStringLiteral("/tray-states.png"));
    return ok ? 0 : 1;
}
