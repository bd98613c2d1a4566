#pragma once

#include "ApiListModel.h"
#include "DeliveryDetails.h"

#include <QDateTime>

namespace Tidings::Admin {

// The delivery log (/api/admin/deliveries): one row per delivery job (a
// notification to one user over one external channel), newest first, filtered by
// status, channel, user (id or username) and creation time. Retries dead letters;
// `details` shows one job with its attempts.
class DeliveryLogModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    // "" = any; else pending, sending, sent, failed, skipped or cancelled.
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filtersChanged)
    // "" = any; else email, push or webhook.
    Q_PROPERTY(QString channel READ channel WRITE setChannel NOTIFY filtersChanged)
    // A user id or username, as typed (reloads after a pause).
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY filtersChanged)
    Q_PROPERTY(Range range READ range WRITE setRange NOTIFY filtersChanged)
    // The custom range as typed, local time "yyyy-MM-dd HH:mm" (either may be empty).
    Q_PROPERTY(QString customFrom READ customFrom WRITE setCustomFrom NOTIFY filtersChanged)
    Q_PROPERTY(QString customTo READ customTo WRITE setCustomTo NOTIFY filtersChanged)
    // The creation times the list is limited to, [from, to); invalid = open. Writing
    // one chooses the custom range.
    Q_PROPERTY(QDateTime from READ from WRITE setFrom NOTIFY filtersChanged)
    Q_PROPERTY(QDateTime to READ to WRITE setTo NOTIFY filtersChanged)
    // Why the custom range is not used, and which field ("from" or "to") it is about.
    Q_PROPERTY(QString rangeError READ rangeError NOTIFY filtersChanged)
    Q_PROPERTY(QString rangeErrorField READ rangeErrorField NOTIFY filtersChanged)
    // Any filter is set (the empty state says so).
    Q_PROPERTY(bool filtered READ isFiltered NOTIFY filtersChanged)
    Q_PROPERTY(Tidings::Admin::DeliveryDetails *details READ details CONSTANT)

public:
    enum class Range { AnyTime, LastHour, Last24Hours, Last7Days, Last30Days, Custom };
    Q_ENUM(Range)

    explicit DeliveryLogModel(QObject *parent = nullptr);

    [[nodiscard]] QString status() const { return m_status; }
    void setStatus(const QString &status);
    [[nodiscard]] QString channel() const { return m_channel; }
    void setChannel(const QString &channel);
    [[nodiscard]] QString user() const { return m_user; }
    void setUser(const QString &user);
    [[nodiscard]] Range range() const { return m_range; }
    void setRange(Range range);
    [[nodiscard]] QString customFrom() const { return m_customFrom; }
    void setCustomFrom(const QString &text);
    [[nodiscard]] QString customTo() const { return m_customTo; }
    void setCustomTo(const QString &text);
    [[nodiscard]] QDateTime from() const;
    void setFrom(const QDateTime &from);
    [[nodiscard]] QDateTime to() const;
    void setTo(const QDateTime &to);
    [[nodiscard]] QString rangeError() const { return m_rangeError; }
    [[nodiscard]] QString rangeErrorField() const { return m_rangeErrorField; }
    [[nodiscard]] bool isFiltered() const;
    [[nodiscard]] DeliveryDetails *details() { return &m_details; }

    // Puts a failed delivery back in the queue; the row (and the details, when they
    // show it) take the server's answer.
    Q_INVOKABLE void retry(const QString &id);
    // Shows the job in `details`.
    Q_INVOKABLE void showDetails(const QString &id);
    Q_INVOKABLE void clearFilters();

    // Words for the server's names, translated: a job status ("failed"), a delivery
    // channel ("email" -> "Email"), an attempt's event ("retried").
    Q_INVOKABLE QString statusName(const QString &status) const;
    Q_INVOKABLE QString channelName(const QString &channel) const;
    Q_INVOKABLE QString eventName(const QString &event) const;

    // A time as the log shows it, in local time: "14:03:12" today, "2 Mar 14:03"
    // this year, "2 Mar 2025 14:03" before; "" for an invalid time.
    [[nodiscard]] static QString formatTime(const QDateTime &time);
    // "yyyy-MM-dd HH:mm" in local time, as the custom range fields take it.
    [[nodiscard]] static QString formatInput(const QDateTime &time);

Q_SIGNALS:
    void filtersChanged();

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QJsonArray rowsOf(const QJsonObject &reply) const override;

private:
    // Parses the custom texts into m_customFromTime/m_customToTime (or sets the
    // range error); true when they are usable.
    bool parseCustom();
    void filterChanged(bool debounce = false);

    QString m_status;
    QString m_channel;
    QString m_user;
    Range m_range = Range::AnyTime;
    QString m_customFrom;
    QString m_customTo;
    QDateTime m_customFromTime;
    QDateTime m_customToTime;
    QString m_rangeError;
    QString m_rangeErrorField;
    DeliveryDetails m_details;
};

} // namespace Tidings::Admin
