#include "Dashboard.h"

#include "AdminLogging.h"
#include "AdminSession.h"

#include <QLocale>
#include <QTimeZone>
#include <QUrl>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QXYSeries>

#include <algorithm>
#include <cmath>

namespace Tidings::Admin {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

const QStringList &metrics()
{
    static const QStringList names = {QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read"),
        QStringLiteral("failed"), QStringLiteral("clicked"), QStringLiteral("dismissed")};
    return names;
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString encode(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// The system's IANA zone, which the server knows too; UTC when the system has none.
QString systemZone()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    if (id.isEmpty() || !QTimeZone(id).isValid())
        return QStringLiteral("UTC");
    return QString::fromUtf8(id);
}

} // namespace

Dashboard::Dashboard(QObject *parent)
    : ApiObject(parent)
    , m_timeZone(systemZone())
{
    computeRange(QDateTime::currentDateTimeUtc());
    connect(this, &ApiObject::sessionChanged, this, [this] { m_live.setSession(session()); });
    // Coming back to the page shows the period as it is now.
    connect(&m_live, &ServerStats::activeChanged, this, [this] {
        if (m_live.isActive() && m_loaded)
            refresh();
    });
}

Dashboard::~Dashboard() = default;

void Dashboard::sessionStateChanged(bool signedIn)
{
    if (signedIn)
        refresh();
}

void Dashboard::setPeriod(Period period)
{
    if (m_period == period)
        return;
    m_period = period;
    Q_EMIT periodChanged();
    computeRange(QDateTime::currentDateTimeUtc());
    Q_EMIT reportChanged();
    refresh();
}

QString Dashboard::bucket() const
{
    return m_period == Period::Last24Hours ? QStringLiteral("hour") : QStringLiteral("day");
}

void Dashboard::computeRange(const QDateTime &now)
{
    m_to = now.toUTC();
    if (m_period == Period::Last24Hours) {
        // The current hour and the 24 before it: 25 hourly buckets.
        const qint64 ms = m_to.toMSecsSinceEpoch();
        m_from = QDateTime::fromMSecsSinceEpoch(ms - ms % kHourMs - 24 * kHourMs, QTimeZone::utc());
        return;
    }
    // Today and the days before it, from local midnight.
    const QTimeZone zone(m_timeZone.toUtf8());
    const int days = m_period == Period::Last7Days ? 7 : 30;
    const QDate first = m_to.toTimeZone(zone).date().addDays(1 - days);
    m_from = QDateTime(first, QTime(0, 0), zone).toUTC();
}

void Dashboard::refresh()
{
    if (!isSignedIn())
        return;
    computeRange(QDateTime::currentDateTimeUtc());
    const quint64 generation = ++m_generation;
    const QString path = QStringLiteral("/api/analytics?from=%1&to=%2&bucket=%3&tz=%4")
                             .arg(encode(isoTime(m_from)), encode(isoTime(m_to)), bucket(), encode(m_timeZone));
    Q_EMIT reportChanged();
    fetch(path, [this, generation](const QJsonObject &report) {
        if (generation != m_generation)
            return; // a newer period or refresh replaced this one
        m_report = report;
        m_timelines.clear();
        const QJsonObject byChannel = report.value(QStringLiteral("byChannel")).toObject();
        for (auto it = byChannel.constBegin(); it != byChannel.constEnd(); ++it)
            m_timelines.insert(it.key(), it.value().toObject().value(QStringLiteral("timeline")).toArray());
        m_topTopics.setTopics(report.value(QStringLiteral("topTopics")).toArray());
        m_loaded = true;
        m_updatedAt = QDateTime::currentDateTimeUtc();
        Q_EMIT reportChanged();
        fillSeries();
        fillAxis();
        Q_EMIT timelineChanged();
    });
    m_live.refresh();
}

qint64 Dashboard::count(const char *key) const
{
    return m_report.value(QStringLiteral("totals")).toObject().value(QLatin1String(key)).toInteger();
}

double Dashboard::rate(const char *key) const
{
    return m_report.value(QStringLiteral("rates")).toObject().value(QLatin1String(key)).toDouble();
}

QString Dashboard::latency(const char *key) const
{
    const QJsonValue v = m_report.value(QStringLiteral("latencyMs")).toObject().value(QLatin1String(key));
    return v.isDouble() ? formatLatency(v.toDouble()) : QStringLiteral("—");
}

qint64 Dashboard::latencySamples() const
{
    return m_report.value(QStringLiteral("latencyMs")).toObject().value(QStringLiteral("samples")).toInteger();
}

QString Dashboard::formatLatency(double ms)
{
    const QLocale locale;
    if (ms < 10)
        return tr("%1 ms").arg(locale.toString(ms, 'f', 1));
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(std::round(ms), 'f', 0));
    if (ms < 60 * 1000)
        return tr("%1 s").arg(locale.toString(ms / 1000, 'f', 1));
    if (ms < 60 * 60 * 1000) {
        const double minutes = ms / 60000;
        return tr("%1 min").arg(locale.toString(minutes, 'f', minutes < 10 ? 1 : 0));
    }
    return tr("%1 h").arg(locale.toString(ms / 3600000, 'f', 1));
}

QStringList Dashboard::channels() const
{
    return {QStringLiteral("inApp"), QStringLiteral("email"), QStringLiteral("push"), QStringLiteral("webhook")};
}

void Dashboard::setTimelineMetric(const QString &metric)
{
    if (m_metric == metric || !metrics().contains(metric))
        return;
    m_metric = metric;
    fillSeries();
    Q_EMIT timelineChanged();
}

QList<qint64> Dashboard::bucketStarts() const
{
    QList<qint64> starts;
    const QJsonArray any = m_timelines.isEmpty() ? QJsonArray() : m_timelines.constBegin().value();
    for (const QJsonValue &v : any) {
        const QDateTime t
            = QDateTime::fromString(v.toObject().value(QStringLiteral("t")).toString(), Qt::ISODateWithMs);
        if (t.isValid())
            starts << t.toMSecsSinceEpoch();
    }
    return starts;
}

int Dashboard::bucketCount() const
{
    return m_timelines.isEmpty() ? 0 : int(m_timelines.constBegin().value().size());
}

QDateTime Dashboard::timelineStart() const
{
    const QList<qint64> starts = bucketStarts();
    return starts.isEmpty() ? m_from : QDateTime::fromMSecsSinceEpoch(starts.constFirst(), QTimeZone::utc());
}

double Dashboard::timelineMax() const
{
    double max = 0;
    for (auto it = m_timelines.constBegin(); it != m_timelines.constEnd(); ++it) {
        for (const QPointF &p : points(it.key()))
            max = std::max(max, p.y());
    }
    return max;
}

double Dashboard::axisMax() const
{
    // Four steps of 1, 2 or 5 times a power of ten.
    const double step = std::max(1.0, timelineMax() / 4);
    const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
    for (const double nice : {1.0, 2.0, 5.0, 10.0}) {
        if (nice * magnitude >= step)
            return 4 * nice * magnitude;
    }
    return 4 * 10 * magnitude;
}

QList<QPointF> Dashboard::points(const QString &channel) const
{
    QList<QPointF> out;
    const QLatin1String tKey("t");
    for (const QJsonValue &v : m_timelines.value(channel)) {
        const QJsonObject bucket = v.toObject();
        const QDateTime t = QDateTime::fromString(bucket.value(tKey).toString(), Qt::ISODateWithMs);
        if (t.isValid())
            out << QPointF(double(t.toMSecsSinceEpoch()), bucket.value(m_metric).toDouble());
    }
    return out;
}

QVariantList Dashboard::timeline(const QString &channel) const
{
    QVariantList out;
    for (const QPointF &p : points(channel)) {
        out << QVariantMap {
            {QStringLiteral("t"), QDateTime::fromMSecsSinceEpoch(qint64(p.x()), QTimeZone::utc())},
            {QStringLiteral("value"), p.y()},
        };
    }
    return out;
}

void Dashboard::attachSeries(const QString &channel, QObject *series)
{
    if (!qobject_cast<QXYSeries *>(series)) {
        qCWarning(lcAdmin) << "Dashboard.attachSeries needs a LineSeries (or another XY series), not" << series;
        return;
    }
    m_series.insert(channel, series);
    fillSeries();
}

void Dashboard::attachAxis(QObject *axis)
{
    if (!qobject_cast<QCategoryAxis *>(axis)) {
        qCWarning(lcAdmin) << "Dashboard.attachAxis needs a CategoryAxis, not" << axis;
        return;
    }
    m_axis = axis;
    fillAxis();
}

void Dashboard::fillSeries()
{
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
        if (auto *series = qobject_cast<QXYSeries *>(it.value().data()))
            series->replace(points(it.key()));
    }
}

void Dashboard::fillAxis()
{
    auto *axis = qobject_cast<QCategoryAxis *>(m_axis.data());
    if (!axis)
        return;
    const QList<qint64> starts = bucketStarts();
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    if (starts.isEmpty()) {
        axis->setRange(double(m_from.toMSecsSinceEpoch()), double(m_to.toMSecsSinceEpoch()));
        return;
    }
    const qint64 first = starts.constFirst();
    const qint64 last = std::max(starts.constLast(), first + kHourMs);
    // A category must end after it starts: begin the first just before the first bucket.
    axis->setStartValue(double(first - 1));
    axis->setRange(double(first), double(last));

    const QLocale locale;
    const QTimeZone zone(m_timeZone.toUtf8());
    QStringList used;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(starts[i], QTimeZone::utc()).toTimeZone(zone);
        QString label;
        switch (m_period) {
        case Period::Last24Hours:
            if (local.time().hour() % 3 != 0)
                continue;
            label = local.time().hour() == 0 ? locale.toString(local.date(), QStringLiteral("d MMM"))
                                             : locale.toString(local.time(), QLocale::ShortFormat);
            break;
        case Period::Last7Days:
            label = locale.toString(local.date(), QStringLiteral("ddd d"));
            break;
        case Period::Last30Days:
            // Every fifth day, counted back from today so that today is labelled.
            if ((starts.size() - 1 - i) % 5 != 0)
                continue;
            label = locale.toString(local.date(), QStringLiteral("d MMM"));
            break;
        }
        if (label.isEmpty() || used.contains(label))
            continue;
        used << label;
        axis->append(label, double(starts[i]));
    }
}

} // namespace Tidings::Admin
