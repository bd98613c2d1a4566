#pragma once

#include "protocol/Notification.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace Tidings::App {

// When one topic sends many notifications at once they collapse into one summary
// ("12 new in orders") instead of a pop-up each. This is the rule, shared by the
// built-in toasts (ToastQueue) and the desktop's own notifications
// (FreedesktopNotifier): `count` notifications of one topic within `windowMs` make a
// burst. Urgent ones and those without a topic always stand alone. What a backend
// does with a burst (which pop-ups make way, how a summary counts more) is its own.
class BurstRule
{
public:
    struct Options
    {
        int count = 3;
        qint64 windowMs = 10000;
    };

    BurstRule() = default;
    explicit BurstRule(Options options)
        : m_options(options)
    {
    }

    void setOptions(const Options &options) { m_options = options; }
    [[nodiscard]] const Options &options() const { return m_options; }

    // Whether `notification` can take part in a burst at all.
    [[nodiscard]] static bool applies(const Notification &notification);
    // Notes that `notification` arrived at `now`. True when it makes its topic's
    // arrivals within the window (itself included) reach the burst count. Does
    // nothing and returns false for one the rule does not apply to.
    bool arrive(const Notification &notification, const QDateTime &now);
    // Forgets every arrival.
    void clear() { m_recent.clear(); }

private:
    Options m_options;
    QList<QPair<QString, QDateTime>> m_recent; // (topic, arrival) within the window
};

} // namespace Tidings::App
