#pragma once

#include "util/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <QTimer>

namespace Tidings::App {

class AppSettings;

// The user's local Do Not Disturb: off, on until an instant (for an hour, until
// tomorrow morning) or on until turned off. It ends by itself when its time comes
// (checked against the injected clock) and is kept in AppSettings, so a restart in
// the middle of it keeps it on and one after its end finds it off.
class DoNotDisturb : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive NOTIFY changed)

public:
    // The hour "until tomorrow morning" means, in the user's local time.
    static constexpr int MorningHour = 8;

    // `settings` may be null (nothing is persisted); `zone` is the user's local zone.
    DoNotDisturb(const Clock &clock, AppSettings *settings, QTimeZone zone = QTimeZone::systemTimeZone(),
        QObject *parent = nullptr);

    [[nodiscard]] bool isActive() const { return m_indefinite || m_until.isValid(); }
    [[nodiscard]] bool isIndefinite() const { return m_indefinite; }
    // When it ends (UTC); invalid when off or on until turned off.
    [[nodiscard]] QDateTime until() const { return m_until; }

    void enableFor(qint64 ms);
    void enableUntilTomorrowMorning();
    void enableIndefinitely();
    void disable();

    // Ends it if its time has come. The internal timer calls this; tests call it
    // after moving their clock.
    void check();

    // The first MorningHour:00 in `zone` strictly after `now`.
    [[nodiscard]] static QDateTime nextMorning(const QDateTime &now, const QTimeZone &zone);

Q_SIGNALS:
    void changed(bool active);

private:
    void set(bool indefinite, const QDateTime &until);
    void schedule();
    void load();

    const Clock &m_clock;
    AppSettings *m_settings;
    QTimeZone m_zone;
    QTimer m_timer;
    bool m_indefinite = false;
    QDateTime m_until;
};

} // namespace Tidings::App
