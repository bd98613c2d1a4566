#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Tidings::App {

// "just now", "5 min ago", "3 h ago", "yesterday", "Tuesday", then a short date:
// how the notification center says when something arrived. `now` is passed in so
// the view (a timer ticking every minute) and the tests decide what time it is.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    [[nodiscard]] static QString format(const QDateTime &when, const QDateTime &now);
    // The full date and time, for tooltips and accessible descriptions.
    [[nodiscard]] static QString exact(const QDateTime &when);
};

} // namespace Tidings::App
