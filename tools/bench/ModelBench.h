#pragma once

#include "ClientEventMix.h"
#include "LatencyRecorder.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace Tidings::Client {
class BadgeState;
class NotificationFilterModel;
class NotificationListModel;
class NotificationStore;
} // namespace Tidings::Client

namespace Tidings::Bench {

// The inbox models over a big local store: a NotificationStore holding `rows`
// notifications (about half of them read), a NotificationListModel that loads
// them all, the BadgeState a ClientSession keeps, and later a
// NotificationFilterModel. Measures the load (time and RSS per row), live
// notifications and reads applied one event at a time, and each refilter. Every
// live event's time is split at the store's changed() signal into the store's
// part (SQL and reading the rows back), the models' part and BadgeState's part.
class ModelBench
{
public:
    ModelBench(QString baseDir, quint32 seed);
    ~ModelBench();

    // {rows, fill, load, loadPaged, memory, liveInserts, reads, filter, withFilter};
    // failures are added to `problems`.
    [[nodiscard]] QJsonObject run(int rows, int liveEvents, QStringList *problems);

private:
    // Per event: the whole apply() and its parts.
    struct Phases
    {
        LatencyRecorder total, store, models, badge;
        [[nodiscard]] QJsonObject toJson();
    };

    bool fill(int rows, QJsonObject *out, QStringList *problems);
    bool load(int rows, QJsonObject *out, QStringList *problems);
    // Applies one event at a time; `make(i)` builds the i-th.
    bool applyEach(int count, const std::function<StreamEvent(int)> &make, Phases *phases, QStringList *problems);
    QJsonObject liveInserts(int count, const QString &label, QStringList *problems);
    QJsonObject reads(int count, const QString &label, QStringList *problems);
    QJsonObject filters();
    [[nodiscard]] QStringList unreadIds(int count);

    QString m_baseDir;
    ClientEventMix m_mix;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Client::NotificationStore> m_store;
    std::unique_ptr<Client::NotificationListModel> m_model;
    std::unique_ptr<Client::BadgeState> m_badge;
    std::unique_ptr<Client::NotificationFilterModel> m_filter;
    // Set by slots connected around the models' and BadgeState's slots.
    qint64 m_storeDoneNs = 0;
    qint64 m_modelsDoneNs = 0;
    qint64 m_badgeDoneNs = 0;
    int m_dataChanged = 0;
};

} // namespace Tidings::Bench
