#include "BroadcastListModel.h"

#include "AdminSession.h"
#include "BroadcastTiming.h"

#include <QLocale>
#include <QTimeZone>

namespace Tidings::Admin {

using namespace std::chrono_literals;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime timeOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// Delivery jobs not sent yet, over every external channel.
qint64 pendingJobs(const QJsonObject &stats)
{
    qint64 pending = 0;
    const QJsonObject channels = stats.value(QStringLiteral("channels")).toObject();
    for (auto it = channels.constBegin(); it != channels.constEnd(); ++it)
        pending += it.value().toObject().value(QStringLiteral("pending")).toInteger();
    return pending;
}

double rate(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : -1.0;
}

} // namespace

BroadcastListModel::BroadcastListModel(QObject *parent)
    : ApiListModel({"id", "name", "state", "status", "statusText", "recurring", "cancellable", "scheduleText",
                       "nextRunText", "recipients", "delivered", "read", "deliveredRate", "readRate",
                       "failedDeliveries", "createdAt", "createdText", "failureReason"},
        parent)
{
    m_refreshTimer.setInterval(5s);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BroadcastListModel::refresh);
    connect(this, &QAbstractItemModel::modelReset, this, &BroadcastListModel::updateLive);
    connect(this, &QAbstractItemModel::rowsInserted, this, &BroadcastListModel::updateLive);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &BroadcastListModel::updateLive);
    connect(this, &QAbstractItemModel::dataChanged, this, &BroadcastListModel::updateLive);
    connect(this, &ApiListModel::sessionChanged, this, &BroadcastListModel::updateLive);
}

void BroadcastListModel::setStateFilter(const QString &state)
{
    if (m_stateFilter == state)
        return;
    m_stateFilter = state;
    Q_EMIT stateFilterChanged();
    reload();
}

QVariantList BroadcastListModel::stateFilters()
{
    const auto entry = [](const QString &value, const QString &label) {
        return QVariantMap {{QStringLiteral("value"), value}, {QStringLiteral("label"), label}};
    };
    return {
        entry({}, tr("All broadcasts")),
        entry(QStringLiteral("scheduled"), tr("Scheduled")),
        entry(QStringLiteral("active"), tr("Recurring")),
        entry(QStringLiteral("finished"), tr("Sent")),
        entry(QStringLiteral("cancelled"), tr("Cancelled")),
        entry(QStringLiteral("failed"), tr("Failed")),
    };
}

QString BroadcastListModel::listPath(int page) const
{
    QString path = QStringLiteral("/api/broadcasts?page=%1&limit=%2").arg(page).arg(PageSize);
    if (!m_stateFilter.isEmpty())
        path += QStringLiteral("&state=") + encode(m_stateFilter);
    return path;
}

QString BroadcastListModel::statusOf(const QJsonObject &broadcast)
{
    const QString state = str(broadcast, "state");
    if (state == QLatin1String("cancelled") || state == QLatin1String("failed") || state == QLatin1String("scheduled"))
        return state;
    const bool sending = pendingJobs(broadcast.value(QStringLiteral("stats")).toObject()) > 0;
    if (state == QLatin1String("active"))
        return sending ? QStringLiteral("sending") : QStringLiteral("recurring");
    return sending ? QStringLiteral("sending") : QStringLiteral("sent");
}

QString BroadcastListModel::statusText(const QString &status)
{
    if (status == QLatin1String("scheduled"))
        return tr("Scheduled");
    if (status == QLatin1String("recurring"))
        return tr("Recurring");
    if (status == QLatin1String("sending"))
        return tr("Sending");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

QVariant BroadcastListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    const QJsonObject stats = item.value(QStringLiteral("stats")).toObject();
    const QJsonObject schedule = item.value(QStringLiteral("schedule")).toObject();
    const qint64 recipients = stats.value(QStringLiteral("recipients")).toInteger();
    if (role == "status")
        return statusOf(item);
    if (role == "statusText")
        return statusText(statusOf(item));
    if (role == "recurring")
        return !schedule.isEmpty();
    if (role == "cancellable") {
        const QString state = str(item, "state");
        return state == QLatin1String("active") || state == QLatin1String("scheduled");
    }
    if (role == "scheduleText") {
        if (!schedule.isEmpty())
            return tr("%1 (%2)").arg(str(schedule, "description"), str(schedule, "timezone"));
        const QDateTime at = timeOf(item.value(QStringLiteral("scheduledAt")));
        if (at.isValid())
            return tr("Once, %1").arg(BroadcastTiming::format(at, QTimeZone::systemTimeZone()));
        return tr("Sent at once");
    }
    if (role == "nextRunText") {
        const QDateTime next = timeOf(schedule.value(QStringLiteral("nextRunAt")));
        const int runs = item.value(QStringLiteral("occurrences")).toInt();
        if (str(item, "state") == QLatin1String("active") && next.isValid()) {
            const QTimeZone zone(str(schedule, "timezone").toUtf8());
            return tr("Next %1").arg(BroadcastTiming::format(next, zone.isValid() ? zone : QTimeZone::utc()));
        }
        return schedule.isEmpty() ? QString() : tr("Ran %n time(s)", "", runs);
    }
    if (role == "recipients" || role == "delivered" || role == "read")
        return stats.value(QLatin1String(role)).toInteger();
    if (role == "deliveredRate")
        return rate(stats.value(QStringLiteral("delivered")).toInteger(), recipients);
    if (role == "readRate")
        return rate(stats.value(QStringLiteral("read")).toInteger(), recipients);
    if (role == "failedDeliveries") {
        qint64 failed = 0;
        const QJsonObject channels = stats.value(QStringLiteral("channels")).toObject();
        for (auto it = channels.constBegin(); it != channels.constEnd(); ++it)
            failed += it.value().toObject().value(QStringLiteral("failed")).toInteger();
        return failed;
    }
    if (role == "createdText") {
        const QDateTime created = timeOf(item.value(QStringLiteral("createdAt")));
        return QLocale().toString(created.toLocalTime(), QLocale::ShortFormat);
    }
    // Strings, never null, so QML can bind them to text.
    return item.value(QLatin1String(role)).toString();
}

void BroadcastListModel::cancel(const QString &id)
{
    const int row = indexOf(id);
    const QString name = row >= 0 ? str(item(row), "name") : id;
    mutate(
        "POST", QStringLiteral("/api/broadcasts/%1/cancel").arg(id), {},
        [this, name](const QJsonObject &broadcast) {
            upsert(broadcast);
            Q_EMIT actionSucceeded(tr("“%1” is cancelled.").arg(name));
        },
        // Already finished or cancelled elsewhere: show what it is now.
        [this](const ProtocolError &) { refresh(); });
}

void BroadcastListModel::prepend(const QVariantMap &broadcast)
{
    const QJsonObject o = QJsonObject::fromVariantMap(broadcast);
    if (!m_stateFilter.isEmpty() && str(o, "state") != m_stateFilter)
        return;
    upsert(o, 0);
}

void BroadcastListModel::refresh()
{
    if (!session() || !session()->isSignedIn() || isLoading())
        return;
    const quint64 generation = ++m_refreshGeneration;
    const int limit = std::clamp(count(), PageSize, 100);
    QString path = QStringLiteral("/api/broadcasts?page=1&limit=%1").arg(limit);
    if (!m_stateFilter.isEmpty())
        path += QStringLiteral("&state=") + encode(m_stateFilter);
    request("GET", path, {},
        [this, generation, filter = m_stateFilter](const QJsonObject &reply) {
            if (generation != m_refreshGeneration || filter != m_stateFilter || isLoading())
                return;
            const QJsonArray rows = reply.value(QStringLiteral("broadcasts")).toArray();
            for (int i = 0; i < rows.size(); ++i)
                upsert(rows.at(i).toObject(), i);
        },
        {});
}

void BroadcastListModel::updateLive()
{
    bool live = false;
    for (const QJsonObject &b : items()) {
        const QString status = statusOf(b);
        if (status == QLatin1String("scheduled") || status == QLatin1String("recurring")
            || status == QLatin1String("sending")) {
            live = true;
            break;
        }
    }
    live = live && session() && session()->isSignedIn();
    if (live && !m_refreshTimer.isActive())
        m_refreshTimer.start();
    else if (!live)
        m_refreshTimer.stop();
    if (m_live != live) {
        m_live = live;
        Q_EMIT liveChanged();
    }
}

} // namespace Tidings::Admin
