#pragma once

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QImage>
#include <QRectF>

namespace Tidings::App {

// Draws the tray icon: a bell whose look says the state, with the unread count on
// a badge in the top-right corner. Everything is painted at the requested device
// pixel size, so it stays crisp from 16 to 64 px and on HiDPI screens.
class TrayIconPainter
{
public:
    enum class State { Online, Offline, SignedOut, DoNotDisturb };

    // "" for 0, the number up to 99, "99+" above.
    [[nodiscard]] static QString badgeText(qint64 count);

    // The icon at `size` logical pixels and device pixel ratio `dpr`.
    [[nodiscard]] static QImage paint(State state, qint64 count, int size, qreal dpr = 1.0);
    // Every size a tray host may ask for, at 1x and 2x.
    [[nodiscard]] static QIcon icon(State state, qint64 count);

    // The badge's rectangle and font for `text` at `size` logical pixels (public so
    // tests can check that the text fits).
    [[nodiscard]] static QRectF badgeRect(const QString &text, int size);
    [[nodiscard]] static QFont badgeFont(const QString &text, int size);

    [[nodiscard]] static QColor badgeColor() { return QColor(0xda, 0x44, 0x53); }
    [[nodiscard]] static QColor bellColor(State state);
};

} // namespace Tidings::App
