#include "BroadcastTiming.h"

#include "delivery/CronSchedule.h"
#include "delivery/LocalTime.h"
#include "util/Clock.h"

#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings::Admin {

using Server::Delivery::CronSchedule;
namespace LocalTime = Server::Delivery::LocalTime;

namespace {

const QString kDefaultCron = QStringLiteral("0 9 * * MON-FRI");

QString systemZoneId()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return !id.isEmpty() && QTimeZone(id).isValid() ? QString::fromLatin1(id) : QStringLiteral("UTC");
}

} // namespace

BroadcastTiming::BroadcastTiming(QObject *parent)
    : QObject(parent)
    , m_clock(&Clock::system())
    , m_timeZone(systemZoneId())
    , m_cron(kDefaultCron)
{
    connect(this, &BroadcastTiming::modeChanged, this, &BroadcastTiming::changed);
    connect(this, &BroadcastTiming::timeZoneChanged, this, &BroadcastTiming::changed);
    connect(this, &BroadcastTiming::dateTextChanged, this, &BroadcastTiming::changed);
    connect(this, &BroadcastTiming::cronChanged, this, &BroadcastTiming::changed);
    connect(this, &BroadcastTiming::maxOccurrencesChanged, this, &BroadcastTiming::changed);
    suggestDate();
    evaluate();
}

void BroadcastTiming::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged();
    evaluate();
}

void BroadcastTiming::setTimeZone(const QString &timeZone)
{
    const QString id = timeZone.trimmed();
    if (m_timeZone == id)
        return;
    m_timeZone = id;
    Q_EMIT timeZoneChanged();
    evaluate();
}

QStringList BroadcastTiming::timeZones()
{
    static const QStringList ids = [] {
        QStringList list;
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            list << QString::fromLatin1(id);
        // The system's own id (say Etc/UTC) may be an alias the list leaves out.
        for (const QString &id : {systemZoneId(), QStringLiteral("UTC")}) {
            if (!list.contains(id))
                list << id;
        }
        list.sort();
        return list;
    }();
    return ids;
}

void BroadcastTiming::setDateText(const QString &text)
{
    if (m_dateText == text)
        return;
    m_dateText = text;
    Q_EMIT dateTextChanged();
    evaluate();
}

void BroadcastTiming::setCron(const QString &cron)
{
    if (m_cron == cron)
        return;
    m_cron = cron;
    Q_EMIT cronChanged();
    evaluate();
}

void BroadcastTiming::setMaxOccurrences(int max)
{
    max = std::max(0, max);
    if (m_maxOccurrences == max)
        return;
    m_maxOccurrences = max;
    Q_EMIT maxOccurrencesChanged();
    evaluate();
}

void BroadcastTiming::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    evaluate();
}

void BroadcastTiming::refresh()
{
    evaluate();
}

void BroadcastTiming::suggestDate()
{
    const QDateTime local = now().toTimeZone(zone()).addSecs(3600);
    const QDateTime hour(local.date(), QTime(local.time().hour(), 0), zone());
    setDateText(hour.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

void BroadcastTiming::reset()
{
    setMode(Mode::Now);
    setTimeZone(systemZoneId());
    setCron(kDefaultCron);
    setMaxOccurrences(0);
    suggestDate();
}

QDateTime BroadcastTiming::now() const
{
    return m_clock->now().toUTC();
}

QTimeZone BroadcastTiming::zone() const
{
    const QTimeZone tz(m_timeZone.toUtf8());
    return tz.isValid() ? tz : QTimeZone::utc();
}

QString BroadcastTiming::format(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toTimeZone(zone);
    return QLocale().toString(local, QStringLiteral("ddd d MMM yyyy HH:mm")) + QLatin1Char(' ')
        + zone.abbreviation(utc);
}

QString BroadcastTiming::scheduledAtText() const
{
    return format(m_scheduledAt, zone());
}

QStringList BroadcastTiming::nextRuns() const
{
    QStringList list;
    const QTimeZone tz = zone();
    for (const QDateTime &t : m_nextRuns)
        list << format(t, tz);
    return list;
}

void BroadcastTiming::evaluate()
{
    const QDateTime current = now();
    const bool zoneValid = QTimeZone(m_timeZone.toUtf8()).isValid();

    // The date: a wall time in the zone, resolved by the scheduler's DST rule.
    m_scheduledAt = {};
    m_dateError.clear();
    static const QRegularExpression shape(QStringLiteral("^\\s*(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})\\s*$"));
    const QRegularExpressionMatch m = shape.match(m_dateText);
    const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), QStringLiteral("yyyy-MM-dd")) : QDate();
    const QTime time = m.hasMatch() ? QTime::fromString(m.captured(2), QStringLiteral("H:mm")) : QTime();
    if (!date.isValid() || !time.isValid()) {
        m_dateError = tr("Enter a date and time as YYYY-MM-DD HH:MM, such as 2026-05-01 09:00.");
    } else if (zoneValid) {
        m_scheduledAt = LocalTime::toUtc(date, time, zone());
        if (m_scheduledAt <= current)
            m_dateError = tr("This time has already passed in %1.").arg(m_timeZone);
    }

    // The cron preview, with the server's parser.
    m_cronError.clear();
    m_cronDescription.clear();
    m_nextRuns.clear();
    if (m_cron.trimmed().isEmpty()) {
        m_cronError = tr("Enter a cron expression, such as 0 9 * * MON-FRI.");
    } else if (zoneValid) {
        const Expected<CronSchedule> cron = CronSchedule::parse(m_cron.trimmed(), zone());
        if (!cron) {
            m_cronError = cron.error().message;
        } else {
            m_cronDescription = cron->describe();
            const int count = m_maxOccurrences > 0 ? std::min(PreviewRuns, m_maxOccurrences) : PreviewRuns;
            // A run exactly now counts, as it does on the server.
            m_nextRuns = cron->nextRuns(current.addMSecs(-1), count);
            if (m_nextRuns.isEmpty())
                m_cronError = tr("This schedule has no run in the next ten years.");
        }
    }
    Q_EMIT previewChanged();
}

QHash<QString, QString> BroadcastTiming::errors() const
{
    QHash<QString, QString> errors;
    if (m_mode == Mode::Now)
        return errors;
    if (!QTimeZone(m_timeZone.toUtf8()).isValid())
        errors.insert(QStringLiteral("timezone"), tr("Choose a time zone from the list, such as Europe/Berlin."));
    if (m_mode == Mode::At && !m_dateError.isEmpty())
        errors.insert(QStringLiteral("scheduledAt"), m_dateError);
    if (m_mode == Mode::Recurring) {
        if (!m_cronError.isEmpty())
            errors.insert(QStringLiteral("cron"), m_cronError);
        if (m_maxOccurrences > MaxOccurrencesLimit)
            errors.insert(QStringLiteral("maxOccurrences"),
                tr("At most %1 runs; leave the limit off to run without one.").arg(MaxOccurrencesLimit));
    }
    return errors;
}

QJsonObject BroadcastTiming::toJson() const
{
    switch (m_mode) {
    case Mode::Now:
        return {};
    case Mode::At:
        return {{QStringLiteral("scheduledAt"), m_scheduledAt.toUTC().toString(Qt::ISODateWithMs)}};
    case Mode::Recurring:
        break;
    }
    return {{QStringLiteral("schedule"),
        QJsonObject {
            {QStringLiteral("cron"), m_cron.trimmed()},
            {QStringLiteral("timezone"), m_timeZone},
            {QStringLiteral("maxOccurrences"), m_maxOccurrences > 0 ? QJsonValue(m_maxOccurrences) : QJsonValue()},
        }}};
}

QString BroadcastTiming::describe() const
{
    switch (m_mode) {
    case Mode::Now:
        return tr("now");
    case Mode::At:
        return tr("on %1").arg(scheduledAtText());
    case Mode::Recurring:
        break;
    }
    const QString first = m_nextRuns.isEmpty() ? QString() : format(m_nextRuns.first(), zone());
    if (m_maxOccurrences > 0)
        return tr("%1 (%2), %n time(s), first on %3", "", m_maxOccurrences).arg(m_cronDescription, m_timeZone, first);
    return tr("%1 (%2), first on %3").arg(m_cronDescription, m_timeZone, first);
}

} // namespace Tidings::Admin
