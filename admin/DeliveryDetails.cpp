#include "DeliveryDetails.h"

#include "AdminSession.h"
#include "DeliveryLogModel.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

#include <cmath>

namespace Tidings::Admin {

namespace {

QString timeText(const QJsonValue &v)
{
    return DeliveryLogModel::formatTime(QDateTime::fromString(v.toString(), Qt::ISODateWithMs));
}

} // namespace

using namespace std::chrono_literals;

namespace {
constexpr auto DefaultFollowInterval = 2s;
constexpr qint64 FollowWithinMs = 30 * 1000;
} // namespace

DeliveryDetails::DeliveryDetails(QObject *parent)
    : ApiObject(parent)
{
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(DefaultFollowInterval);
    connect(&m_followTimer, &QTimer::timeout, this, &DeliveryDetails::reload);
}

bool DeliveryDetails::canRetry() const
{
    return m_delivery.value(QStringLiteral("status")).toString() == QLatin1String("failed");
}

QJsonObject DeliveryDetails::decorated(const QJsonObject &job)
{
    QJsonObject o = job;
    const QString username = job.value(QStringLiteral("username")).toString();
    o.insert(
        QStringLiteral("userLabel"), username.isEmpty() ? job.value(QStringLiteral("userId")).toString() : username);
    for (const auto &[key, textKey] : {std::pair {"createdAt", "createdText"}, std::pair {"updatedAt", "updatedText"},
             std::pair {"sentAt", "sentText"}, std::pair {"nextAttemptAt", "nextAttemptText"}})
        o.insert(QLatin1String(textKey), timeText(job.value(QLatin1String(key))));
    return o;
}

void DeliveryDetails::load(const QString &id)
{
    if (m_jobId != id) {
        m_jobId = id;
        m_loaded = false;
        m_delivery.clear();
        m_attempts.clear();
        Q_EMIT jobIdChanged();
        Q_EMIT detailsChanged();
    }
    reload();
}

void DeliveryDetails::reload()
{
    if (m_jobId.isEmpty() || !isSignedIn())
        return;
    const quint64 generation = ++m_generation;
    fetch(QStringLiteral("/api/admin/deliveries/") + QString::fromLatin1(QUrl::toPercentEncoding(m_jobId)),
        [this, generation](const QJsonObject &reply) {
            if (generation == m_generation)
                apply(reply);
        });
}

void DeliveryDetails::clear()
{
    ++m_generation;
    m_followTimer.stop();
    if (m_jobId.isEmpty())
        return;
    m_jobId.clear();
    m_loaded = false;
    m_delivery.clear();
    m_attempts.clear();
    clearError();
    Q_EMIT jobIdChanged();
    Q_EMIT detailsChanged();
}

void DeliveryDetails::apply(const QJsonObject &reply)
{
    const QJsonObject job = decorated(reply.value(QStringLiteral("delivery")).toObject());
    if (job.value(QStringLiteral("id")).toString() != m_jobId)
        return;
    m_delivery = job.toVariantMap();
    m_attempts.clear();
    const QLocale locale;
    for (const QJsonValue &v : reply.value(QStringLiteral("attempts")).toArray()) {
        QJsonObject entry = v.toObject();
        entry.insert(QStringLiteral("atText"), timeText(entry.value(QStringLiteral("at"))));
        const QJsonValue latency = entry.value(QStringLiteral("latencyMs"));
        entry.insert(QStringLiteral("latencyText"),
            latency.isDouble() ? tr("%1 ms").arg(locale.toString(std::round(latency.toDouble()), 'f', 0)) : QString());
        m_attempts << entry.toVariantMap();
    }
    m_loaded = true;
    Q_EMIT detailsChanged();
    Q_EMIT jobUpdated(job);

    // Follow a job that is about to change: being sent, or due soon.
    const QString status = job.value(QStringLiteral("status")).toString();
    const QDateTime next
        = QDateTime::fromString(job.value(QStringLiteral("nextAttemptAt")).toString(), Qt::ISODateWithMs);
    const bool soon = status == QLatin1String("sending")
        || (status == QLatin1String("pending") && next.isValid()
            && QDateTime::currentDateTimeUtc().msecsTo(next) < FollowWithinMs);
    if (soon)
        m_followTimer.start();
    else
        m_followTimer.stop();
}

void DeliveryDetails::sessionStateChanged(bool signedIn)
{
    if (signedIn)
        reload();
    else
        clear();
}

} // namespace Tidings::Admin
