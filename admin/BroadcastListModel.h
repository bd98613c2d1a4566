#pragma once

#include "ApiListModel.h"

#include <QTimer>

#include <chrono>

namespace Tidings::Admin {

// The broadcasts (`GET /api/broadcasts`), newest first, with what the page shows
// of each: its status (scheduled, recurring, sending, sent, cancelled, failed),
// when it runs, and its figures (recipients, delivered, read). While one is
// scheduled, recurring or still sending, the list refreshes itself (every 5 s by
// default) in place, so the figures climb without the view being reset.
class BroadcastListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    // "" for every broadcast, else one of the server's states (`stateFilters`).
    Q_PROPERTY(QString stateFilter READ stateFilter WRITE setStateFilter NOTIFY stateFilterChanged)
    // [{value, label}] for a filter picker; "" first ("All").
    Q_PROPERTY(QVariantList stateFilters READ stateFilters CONSTANT)
    // True while a row is scheduled, recurring or sending (the list refreshes itself).
    Q_PROPERTY(bool live READ isLive NOTIFY liveChanged)

public:
    static constexpr int PageSize = 20;

    explicit BroadcastListModel(QObject *parent = nullptr);

    [[nodiscard]] QString stateFilter() const { return m_stateFilter; }
    void setStateFilter(const QString &state);
    [[nodiscard]] static QVariantList stateFilters();
    [[nodiscard]] bool isLive() const { return m_live; }

    // Cancels a scheduled or recurring broadcast; the row takes the answer.
    Q_INVOKABLE void cancel(const QString &id);
    // Puts a broadcast the composer created at the top (or updates its row).
    Q_INVOKABLE void prepend(const QVariantMap &broadcast);
    // Fetches the first page again and updates the rows in place.
    Q_INVOKABLE void refresh();

    // How often the list refreshes while `live` (default 5 s; tests set less).
    void setRefreshInterval(std::chrono::milliseconds interval) { m_refreshTimer.setInterval(interval); }

    // The page's word for a broadcast: scheduled, recurring, sending, sent,
    // cancelled or failed ("sending" while delivery jobs are pending).
    [[nodiscard]] static QString statusOf(const QJsonObject &broadcast);
    [[nodiscard]] static QString statusText(const QString &status);

Q_SIGNALS:
    void stateFilterChanged();
    void liveChanged();

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;

private:
    void updateLive();

    QString m_stateFilter;
    QTimer m_refreshTimer;
    bool m_live = false;
    quint64 m_refreshGeneration = 0;
};

} // namespace Tidings::Admin
