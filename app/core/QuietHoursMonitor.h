#pragma once

#include "delivery/QuietHours.h"
#include "util/Clock.h"

#include <QObject>
#include <QTimer>

namespace Tidings::App {

// Whether the user's quiet hours (the server's preferences) are on right now, with
// the same rules the server's delivery pipeline applies (delivery/QuietHours), and
// a signal at each window's start and end so the toasts follow without polling.
class QuietHoursMonitor : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool quiet READ isQuiet NOTIFY quietChanged)

public:
    explicit QuietHoursMonitor(const Clock &clock, QObject *parent = nullptr);

    void setRules(const Tidings::QuietHours &rules);
    [[nodiscard]] bool isQuiet() const { return m_quiet; }

    // Re-evaluates at the clock's time (the timer calls this at each boundary).
    void check();
    // When the next check is due (ms from now; -1 when quiet hours are off).
    [[nodiscard]] qint64 msUntilNextCheck() const;

Q_SIGNALS:
    void quietChanged(bool quiet);

private:
    const Clock &m_clock;
    Server::Delivery::QuietHours m_rules;
    QTimer m_timer;
    bool m_quiet = false;
};

} // namespace Tidings::App
