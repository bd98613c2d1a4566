#pragma once

#include <QColor>
#include <QIcon>

namespace Tidings::App {

// The app's icons: the desktop's icon theme where it has the name (Breeze,
// Adwaita...), else a line icon drawn here at any size, so the app never shows a
// blank button on a desktop without a theme. Drawn icons take the palette's text
// colour (highlighted text when selected) unless given a colour.
namespace Icons {

enum Id {
    Close,
    Information,
    Ok,
    Error,
    Offline,
    Search,
    MarkRead,
    MarkUnread,
    MarkAllRead,
    Delete,
    Open,
    Filter,
    Account,
    Topics,
    QuietHours,
    Digest,
    Toasts,
    General,
    Pending,
    Copy,
};

// `color` valid: always the drawn icon, in that colour.
[[nodiscard]] QIcon get(Id id, const QColor &color = {});
// Only the drawn icon (for places that must look the same everywhere).
[[nodiscard]] QIcon drawn(Id id, const QColor &color = {});
// Paints the drawn icon into `rect` (delegates and custom widgets).
void paint(QPainter &painter, Id id, const QRectF &rect, const QColor &color, qreal strokeWidth = 0);

} // namespace Icons

} // namespace Tidings::App
