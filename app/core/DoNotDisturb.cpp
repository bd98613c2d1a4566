#include "core/DoNotDisturb.h"

#include "core/AppSettings.h"

namespace Tidings::App {

namespace {

const QString Indefinite = QStringLiteral("on");

// QTimer takes an int; a far end is reached in steps (check() re-arms it).
constexpr qint64 MaxTimerMs = 60LL * 60 * 1000;

} // namespace

DoNotDisturb::DoNotDisturb(const Clock &clock, AppSettings *settings, QTimeZone zone, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_settings(settings)
    , m_zone(std::move(zone))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DoNotDisturb::check);
    load();
}

void DoNotDisturb::load()
{
    if (!m_settings)
        return;
    const QString state = m_settings->doNotDisturbState();
    if (state == Indefinite) {
        m_indefinite = true;
    } else if (!state.isEmpty()) {
        const QDateTime until = QDateTime::fromString(state, Qt::ISODateWithMs);
        if (until.isValid() && until > m_clock.now())
            m_until = until.toUTC();
        else
            m_settings->setDoNotDisturbState({});
    }
    schedule();
}

void DoNotDisturb::enableFor(qint64 ms)
{
    set(false, m_clock.now().addMSecs(qMax<qint64>(ms, 1)).toUTC());
}

void DoNotDisturb::enableUntilTomorrowMorning()
{
    set(false, nextMorning(m_clock.now(), m_zone));
}

void DoNotDisturb::enableIndefinitely()
{
    set(true, {});
}

void DoNotDisturb::disable()
{
    set(false, {});
}

void DoNotDisturb::check()
{
    if (m_until.isValid() && m_clock.now() >= m_until)
        set(false, {});
    else
        schedule();
}

QDateTime DoNotDisturb::nextMorning(const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime local = now.toTimeZone(zone);
    QDateTime morning(local.date(), QTime(MorningHour, 0), zone);
    if (morning <= now)
        morning = QDateTime(local.date().addDays(1), QTime(MorningHour, 0), zone);
    return morning.toUTC();
}

void DoNotDisturb::set(bool indefinite, const QDateTime &until)
{
    const bool wasActive = isActive();
    const bool same = indefinite == m_indefinite && until == m_until;
    m_indefinite = indefinite;
    m_until = until;
    if (m_settings) {
        m_settings->setDoNotDisturbState(
            indefinite ? Indefinite : (until.isValid() ? until.toString(Qt::ISODateWithMs) : QString()));
    }
    schedule();
    if (!same || wasActive != isActive())
        Q_EMIT changed(isActive());
}

void DoNotDisturb::schedule()
{
    m_timer.stop();
    if (!m_until.isValid())
        return;
    const qint64 left = m_clock.now().msecsTo(m_until);
    m_timer.start(int(qBound<qint64>(0, left, MaxTimerMs)));
}

} // namespace Tidings::App
