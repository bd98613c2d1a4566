#pragma once

#include "ApiObject.h"

#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <chrono>

namespace Tidings::Admin {

// One delivery job of the log with its attempts (/api/admin/deliveries/:id), for
// the delivery log's details panel. The log model owns one as `details`. While the
// job is being sent or due within half a minute, it is asked for again every few
// seconds, so a retry's outcome shows up by itself.
class DeliveryDetails : public ApiObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The delivery log owns the details")
    // The job shown; empty when none is.
    Q_PROPERTY(QString jobId READ jobId NOTIFY jobIdChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY detailsChanged)
    // The job as the server has it, plus `userLabel` and the times as text
    // (`createdText`, `updatedText`, `sentText`, `nextAttemptText`).
    Q_PROPERTY(QVariantMap delivery READ delivery NOTIFY detailsChanged)
    // Oldest first: {event, attempt, error, providerCode, providerResponse, latencyMs,
    // at} and `atText`, `latencyText`.
    Q_PROPERTY(QVariantList attempts READ attempts NOTIFY detailsChanged)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY detailsChanged)

public:
    explicit DeliveryDetails(QObject *parent = nullptr);

    [[nodiscard]] QString jobId() const { return m_jobId; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QVariantMap delivery() const { return m_delivery; }
    [[nodiscard]] QVariantList attempts() const { return m_attempts; }
    [[nodiscard]] bool canRetry() const;

    // Shows the job `id` (and asks the server for it).
    Q_INVOKABLE void load(const QString &id);
    Q_INVOKABLE void reload();
    // Shows nothing.
    Q_INVOKABLE void clear();

    // Shows a {delivery, attempts} answer (of the details or of a retry) when it is
    // about the job shown.
    void apply(const QJsonObject &reply);

    // The job JSON with the roles the console adds (userLabel, *Text).
    [[nodiscard]] static QJsonObject decorated(const QJsonObject &job);

    // How often a job about to be sent is asked for again (default 2 s).
    void setFollowInterval(std::chrono::milliseconds interval) { m_followTimer.setInterval(interval); }

Q_SIGNALS:
    void jobIdChanged();
    void detailsChanged();
    // The server's answer about the job shown (decorated), for the list's row.
    void jobUpdated(const QJsonObject &job);

protected:
    void sessionStateChanged(bool signedIn) override;

private:
    QString m_jobId;
    bool m_loaded = false;
    QVariantMap m_delivery;
    QVariantList m_attempts;
    quint64 m_generation = 0;
    QTimer m_followTimer;
};

} // namespace Tidings::Admin
