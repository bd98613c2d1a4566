#include "DeliveryLogModel.h"

#include "AdminSession.h"

#include <QLocale>
#include <QTimeZone>

namespace Tidings::Admin {

namespace {

constexpr int PageSize = 50;
const QString InputFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QList<QByteArray> roles()
{
    return {"id", "messageId", "userId", "username", "userLabel", "channel", "status", "topic", "priority", "attempts",
        "reclaimed", "createdAt", "updatedAt", "sentAt", "nextAttemptAt", "createdText", "updatedText", "sentText",
        "nextAttemptText", "lastError", "reason", "providerCode"};
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

DeliveryLogModel::DeliveryLogModel(QObject *parent)
    : ApiListModel(roles(), parent)
{
    connect(this, &ApiListModel::sessionChanged, this, [this] { m_details.setSession(session()); });
    // The row of the job the details show follows what they learn.
    connect(&m_details, &DeliveryDetails::jobUpdated, this, [this](const QJsonObject &job) {
        if (indexOf(job.value(QStringLiteral("id")).toString()) >= 0)
            upsert(job);
    });
}

QString DeliveryLogModel::listPath(int page) const
{
    QString path = QStringLiteral("/api/admin/deliveries?page=%1&limit=%2").arg(page).arg(PageSize);
    if (!m_status.isEmpty())
        path += QLatin1String("&status=") + encode(m_status);
    if (!m_channel.isEmpty())
        path += QLatin1String("&channel=") + encode(m_channel);
    if (!m_user.trimmed().isEmpty())
        path += QLatin1String("&userId=") + encode(m_user.trimmed());
    const QDateTime start = from();
    const QDateTime end = to();
    if (start.isValid())
        path += QLatin1String("&from=") + encode(isoTime(start));
    if (end.isValid())
        path += QLatin1String("&to=") + encode(isoTime(end));
    return path;
}

QJsonArray DeliveryLogModel::rowsOf(const QJsonObject &reply) const
{
    QJsonArray rows;
    for (const QJsonValue &v : reply.value(QStringLiteral("deliveries")).toArray())
        rows.append(DeliveryDetails::decorated(v.toObject()));
    return rows;
}

void DeliveryLogModel::filterChanged(bool debounce)
{
    Q_EMIT filtersChanged();
    if (debounce)
        scheduleReload();
    else
        reload();
}

void DeliveryLogModel::setStatus(const QString &status)
{
    if (m_status == status)
        return;
    m_status = status;
    filterChanged();
}

void DeliveryLogModel::setChannel(const QString &channel)
{
    if (m_channel == channel)
        return;
    m_channel = channel;
    filterChanged();
}

void DeliveryLogModel::setUser(const QString &user)
{
    if (m_user == user)
        return;
    m_user = user;
    filterChanged(true);
}

void DeliveryLogModel::setRange(Range range)
{
    if (m_range == range)
        return;
    m_range = range;
    if (range == Range::Custom) {
        // The fields start from what the list shows; nothing to load until they change.
        if (!parseCustom()) {
            Q_EMIT filtersChanged();
            return;
        }
    } else {
        m_rangeError.clear();
        m_rangeErrorField.clear();
    }
    filterChanged();
}

void DeliveryLogModel::setCustomFrom(const QString &text)
{
    if (m_customFrom == text)
        return;
    m_customFrom = text;
    m_range = Range::Custom;
    if (parseCustom())
        filterChanged(true);
    else
        Q_EMIT filtersChanged();
}

void DeliveryLogModel::setCustomTo(const QString &text)
{
    if (m_customTo == text)
        return;
    m_customTo = text;
    m_range = Range::Custom;
    if (parseCustom())
        filterChanged(true);
    else
        Q_EMIT filtersChanged();
}

void DeliveryLogModel::setFrom(const QDateTime &from)
{
    m_customFrom = formatInput(from);
    m_customFromTime = from.isValid() ? from.toUTC() : QDateTime();
    m_range = Range::Custom;
    parseCustom();
    filterChanged();
}

void DeliveryLogModel::setTo(const QDateTime &to)
{
    m_customTo = formatInput(to);
    m_customToTime = to.isValid() ? to.toUTC() : QDateTime();
    m_range = Range::Custom;
    parseCustom();
    filterChanged();
}

bool DeliveryLogModel::parseCustom()
{
    const auto parse = [](const QString &text, const QDateTime &exact, QDateTime *out) {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty()) {
            *out = {};
            return true;
        }
        // A time set from C++ keeps its seconds; the text shows it to the minute.
        if (exact.isValid() && formatInput(exact) == trimmed) {
            *out = exact;
            return true;
        }
        QDateTime t = QDateTime::fromString(trimmed, InputFormat);
        if (!t.isValid())
            t = QDateTime::fromString(trimmed, QStringLiteral("yyyy-MM-dd"));
        if (!t.isValid())
            return false;
        *out = t.toUTC();
        return true;
    };
    QDateTime start;
    QDateTime end;
    QString error;
    QString field;
    if (!parse(m_customFrom, m_customFromTime, &start)) {
        error = tr("Enter a time as 2026-03-02 14:30.");
        field = QStringLiteral("from");
    } else if (!parse(m_customTo, m_customToTime, &end)) {
        error = tr("Enter a time as 2026-03-02 14:30.");
        field = QStringLiteral("to");
    } else if (start.isValid() && end.isValid() && start >= end) {
        error = tr("The start must be before the end.");
        field = QStringLiteral("from");
    }
    m_rangeError = error;
    m_rangeErrorField = field;
    if (!error.isEmpty())
        return false;
    m_customFromTime = start;
    m_customToTime = end;
    return true;
}

QDateTime DeliveryLogModel::from() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_range) {
    case Range::AnyTime:
        return {};
    case Range::LastHour:
        return now.addSecs(-3600);
    case Range::Last24Hours:
        return now.addDays(-1);
    case Range::Last7Days:
        return now.addDays(-7);
    case Range::Last30Days:
        return now.addDays(-30);
    case Range::Custom:
        return m_customFromTime;
    }
    return {};
}

QDateTime DeliveryLogModel::to() const
{
    return m_range == Range::Custom ? m_customToTime : QDateTime();
}

bool DeliveryLogModel::isFiltered() const
{
    return !m_status.isEmpty() || !m_channel.isEmpty() || !m_user.trimmed().isEmpty() || from().isValid()
        || to().isValid();
}

void DeliveryLogModel::clearFilters()
{
    m_status.clear();
    m_channel.clear();
    m_user.clear();
    m_range = Range::AnyTime;
    m_customFrom.clear();
    m_customTo.clear();
    m_customFromTime = {};
    m_customToTime = {};
    m_rangeError.clear();
    m_rangeErrorField.clear();
    filterChanged();
}

void DeliveryLogModel::retry(const QString &id)
{
    const int row = indexOf(id);
    if (row >= 0 && item(row).value(QStringLiteral("status")).toString() != QLatin1String("failed")) {
        Q_EMIT actionFailed(tr("Only failed deliveries can be retried."), {});
        return;
    }
    mutate("POST", QStringLiteral("/api/admin/deliveries/%1/retry").arg(encode(id)), {},
        [this, id](const QJsonObject &reply) {
            if (indexOf(id) >= 0)
                upsert(DeliveryDetails::decorated(reply.value(QStringLiteral("delivery")).toObject()));
            m_details.apply(reply);
            Q_EMIT actionSucceeded(tr("The delivery is queued again."));
        });
}

void DeliveryLogModel::showDetails(const QString &id)
{
    if (id.isEmpty())
        m_details.clear();
    else
        m_details.load(id);
}

QString DeliveryLogModel::statusName(const QString &status) const
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("pending"), QT_TR_NOOP("pending")},
        {QStringLiteral("sending"), QT_TR_NOOP("sending")},
        {QStringLiteral("sent"), QT_TR_NOOP("sent")},
        {QStringLiteral("failed"), QT_TR_NOOP("failed")},
        {QStringLiteral("skipped"), QT_TR_NOOP("skipped")},
        {QStringLiteral("cancelled"), QT_TR_NOOP("cancelled")},
    };
    const char *name = names.value(status);
    return name ? tr(name) : status;
}

QString DeliveryLogModel::channelName(const QString &channel) const
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("inApp"), QT_TR_NOOP("In-app")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("push"), QT_TR_NOOP("Push")},
        {QStringLiteral("webhook"), QT_TR_NOOP("Webhook")},
    };
    const char *name = names.value(channel);
    return name ? tr(name) : channel;
}

QString DeliveryLogModel::eventName(const QString &event) const
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("sent"), QT_TR_NOOP("Sent")},
        {QStringLiteral("retry"), QT_TR_NOOP("Will retry")},
        {QStringLiteral("failed"), QT_TR_NOOP("Failed")},
        {QStringLiteral("skipped"), QT_TR_NOOP("Skipped")},
        {QStringLiteral("deferred"), QT_TR_NOOP("Deferred")},
        {QStringLiteral("cancelled"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("reclaimed"), QT_TR_NOOP("Reclaimed after a crash")},
        {QStringLiteral("retried"), QT_TR_NOOP("Retried by an admin")},
        {QStringLiteral("clicked"), QT_TR_NOOP("Clicked")},
    };
    const char *name = names.value(event);
    return name ? tr(name) : event;
}

QString DeliveryLogModel::formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
    if (local.date().year() == today.year())
        return locale.toString(local, QStringLiteral("d MMM HH:mm"));
    return locale.toString(local, QStringLiteral("d MMM yyyy HH:mm"));
}

QString DeliveryLogModel::formatInput(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(InputFormat) : QString();
}

} // namespace Tidings::Admin
