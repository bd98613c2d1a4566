#include "ModelBench.h"

#include "Console.h"
#include "MonotonicClock.h"
#include "ServerControl.h"
#include "StoreApplyBench.h"
#include "client/BadgeState.h"
#include "client/NotificationStore.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>
#include <malloc.h>

namespace Tidings::Bench {

using namespace Tidings::Client;

namespace {

constexpr int FillBatch = 2000; // StreamSync's largest batch

double ms(qint64 ns)
{
    return std::round(double(ns) / 1e3) / 1e3;
}

// VmRSS after giving freed heap back to the kernel, so that memory the fill phase
// freed neither hides nor inflates what the model holds.
qint64 trimmedRssKiB()
{
    malloc_trim(0);
    return ServerControl::rssKiB(QStringLiteral("self"));
}

} // namespace

QJsonObject ModelBench::Phases::toJson()
{
    return {{QStringLiteral("totalMs"), total.summarize().toJsonMs()},
        {QStringLiteral("storeMs"), store.summarize().toJsonMs()},
        {QStringLiteral("modelsMs"), models.summarize().toJsonMs()},
        {QStringLiteral("badgeMs"), badge.summarize().toJsonMs()}};
}

ModelBench::ModelBench(QString baseDir, quint32 seed)
    : m_baseDir(std::move(baseDir))
    , m_mix(seed)
{
}

// The members go in reverse order: the filter, BadgeState and the list model
// before the store they listen to, the store before its directory.
ModelBench::~ModelBench() = default;

QJsonObject ModelBench::run(int rows, int liveEvents, QStringList *problems)
{
    QJsonObject result {{QStringLiteral("rows"), rows}};
    if (!fill(rows, &result, problems) || !load(rows, &result, problems))
        return result;
    result.insert(QStringLiteral("liveInserts"), liveInserts(liveEvents, QStringLiteral("live inserts"), problems));
    result.insert(QStringLiteral("reads"), reads(liveEvents, QStringLiteral("reads"), problems));
    result.insert(QStringLiteral("filter"), filters());
    // The inbox window's "Unread" tab: the same events through the proxy too.
    m_filter->setUnreadOnly(true);
    result.insert(QStringLiteral("withFilter"),
        QJsonObject {{QStringLiteral("liveInserts"),
                         liveInserts(liveEvents, QStringLiteral("live inserts under the unread filter"), problems)},
            {QStringLiteral("reads"), reads(liveEvents, QStringLiteral("reads under the unread filter"), problems)}});
    return result;
}

bool ModelBench::fill(int rows, QJsonObject *out, QStringList *problems)
{
    m_dir = StoreApplyBench::makeTempDir(m_baseDir);
    if (!m_dir->isValid()) {
        *problems << QStringLiteral("models: cannot create a temporary directory: %1").arg(m_dir->errorString());
        return false;
    }
    const QString path = m_dir->filePath(QStringLiteral("inbox.sqlite"));
    QString error;
    m_store = StoreApplyBench::openFreshStore(path, &error);
    if (!m_store) {
        *problems << QStringLiteral("models: cannot open %1: %2").arg(path, error);
        return false;
    }
    // Connected before any model: it runs first when the store announces a change.
    QObject::connect(
        m_store.get(), &NotificationStore::changed, m_store.get(), [this] { m_storeDoneNs = monotonicNs(); });

    Console::line(QStringLiteral("client: filling a store with %1 notifications").arg(rows));
    QRandomGenerator readDice(7);
    qint64 applyNs = 0;
    for (int done = 0; done < rows;) {
        QList<StreamEvent> batch;
        for (int i = 0; i < FillBatch && done + i < rows; ++i)
            batch.append(m_mix.nextNotification(readDice.bounded(2) == 0));
        const qint64 start = monotonicNs();
        if (!m_store->apply(ClientEventMix::epoch(), batch)) {
            *problems << QStringLiteral("models: filling the store failed: %1").arg(m_store->errorString());
            return false;
        }
        applyNs += monotonicNs() - start;
        done += int(batch.size());
    }
    out->insert(QStringLiteral("fill"),
        QJsonObject {{QStringLiteral("seconds"), std::round(nsToSec(applyNs) * 1000) / 1000},
            {QStringLiteral("notificationsPerSec"), std::round(rows / nsToSec(applyNs))},
            {QStringLiteral("dbBytes"), double(QFileInfo(path).size())}});
    return true;
}

bool ModelBench::load(int rows, QJsonObject *out, QStringList *problems)
{
    Console::line(QStringLiteral("client: loading %1 rows into a NotificationListModel").arg(rows));
    {
        // As a view scrolling to the end would: fetchMore in the model's default pages.
        const qint64 start = monotonicNs();
        NotificationListModel paged(*m_store);
        while (paged.canFetchMore({}))
            paged.fetchMore({});
        out->insert(QStringLiteral("loadPaged"),
            QJsonObject {
                {QStringLiteral("ms"), ms(monotonicNs() - start)}, {QStringLiteral("rows"), paged.rowCount()}});
    }

    const qint64 rssBefore = trimmedRssKiB();
    const qint64 start = monotonicNs();
    m_model = std::make_unique<NotificationListModel>(*m_store);
    m_model->setPageSize(rows + 1); // the constructor loaded the first page; one more fetch loads the rest
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    const qint64 loadNs = monotonicNs() - start;
    const qint64 rssAfter = trimmedRssKiB();
    if (m_model->rowCount() != rows) {
        *problems << QStringLiteral("models: loaded %1 rows, expected %2").arg(m_model->rowCount()).arg(rows);
        return false;
    }
    out->insert(
        QStringLiteral("load"), QJsonObject {{QStringLiteral("ms"), ms(loadNs)}, {QStringLiteral("rows"), rows}});
    QJsonObject memory {
        {QStringLiteral("rssBeforeKiB"), double(rssBefore)}, {QStringLiteral("rssAfterKiB"), double(rssAfter)}};
    if (rssBefore > 0 && rssAfter > 0)
        memory.insert(QStringLiteral("bytesPerRow"), std::round(double(rssAfter - rssBefore) * 1024 / rows));
    out->insert(QStringLiteral("memory"), memory);

    QObject::connect(m_model.get(), &QAbstractItemModel::dataChanged, m_model.get(), [this] { ++m_dataChanged; });
    QObject::connect(
        m_store.get(), &NotificationStore::changed, m_store.get(), [this] { m_modelsDoneNs = monotonicNs(); });
    m_badge = std::make_unique<BadgeState>(*m_store);
    QObject::connect(
        m_store.get(), &NotificationStore::changed, m_store.get(), [this] { m_badgeDoneNs = monotonicNs(); });
    return true;
}

bool ModelBench::applyEach(
    int count, const std::function<StreamEvent(int)> &make, Phases *phases, QStringList *problems)
{
    for (int i = 0; i < count; ++i) {
        const StreamEvent e = make(i);
        m_storeDoneNs = m_modelsDoneNs = m_badgeDoneNs = 0;
        const qint64 start = monotonicNs();
        const bool ok = m_store->apply(ClientEventMix::epoch(), {e});
        const qint64 end = monotonicNs();
        if (!ok) {
            *problems << QStringLiteral("models: apply failed: %1").arg(m_store->errorString());
            return false;
        }
        phases->total.add(end - start);
        if (m_storeDoneNs > 0) {
            phases->store.add(m_storeDoneNs - start);
            phases->models.add(m_modelsDoneNs - m_storeDoneNs);
            phases->badge.add(m_badgeDoneNs - m_modelsDoneNs);
        }
    }
    return true;
}

QJsonObject ModelBench::liveInserts(int count, const QString &label, QStringList *problems)
{
    Console::line(QStringLiteral("client: %1 %2 at %3 rows").arg(count).arg(label).arg(m_model->rowCount()));
    const int before = m_model->rowCount();
    QString lastId;
    Phases phases;
    const bool ok = applyEach(
        count,
        [this, &lastId](int) {
            StreamEvent e = m_mix.nextNotification();
            lastId = e.notification.id;
            return e;
        },
        &phases, problems);
    if (ok && (m_model->rowCount() != before + count || m_model->idAt(0) != lastId))
        *problems << QStringLiteral("models: %1: %2 rows after %3 inserts into %4, newest on top: %5")
                         .arg(label)
                         .arg(m_model->rowCount())
                         .arg(count)
                         .arg(before)
                         .arg(m_model->idAt(0) == lastId ? QStringLiteral("yes") : QStringLiteral("no"));
    QJsonObject result = phases.toJson();
    result.insert(QStringLiteral("count"), count);
    result.insert(QStringLiteral("rowsAfter"), m_model->rowCount());
    if (m_filter)
        result.insert(QStringLiteral("filteredRowsAfter"), m_filter->rowCount());
    return result;
}

QStringList ModelBench::unreadIds(int count)
{
    QRandomGenerator pick(quint32(count + m_model->rowCount()));
    QSet<QString> seen;
    QStringList ids;
    for (int attempt = 0; ids.size() < count && attempt < 100 * count; ++attempt) {
        const InboxEntry *e = m_model->entryAt(pick.bounded(m_model->rowCount()));
        if (e && !e->isRead() && !seen.contains(e->notification.id)) {
            seen.insert(e->notification.id);
            ids << e->notification.id;
        }
    }
    return ids;
}

QJsonObject ModelBench::reads(int count, const QString &label, QStringList *problems)
{
    Console::line(QStringLiteral("client: %1 %2 of random unread rows").arg(count).arg(label));
    const QStringList ids = unreadIds(count);
    if (ids.size() < count)
        *problems << QStringLiteral("models: %1: only %2 unread rows to read").arg(label).arg(ids.size());
    m_dataChanged = 0;
    const int filteredBefore = m_filter ? m_filter->rowCount() : 0;
    Phases phases;
    applyEach(
        int(ids.size()), [this, &ids](int i) { return m_mix.nextRead({ids.at(i)}); }, &phases, problems);
    if (m_dataChanged != ids.size())
        *problems
            << QStringLiteral("models: %1: %2 dataChanged for %3 reads").arg(label).arg(m_dataChanged).arg(ids.size());
    QJsonObject result = phases.toJson();
    result.insert(QStringLiteral("count"), int(ids.size()));
    result.insert(QStringLiteral("dataChanged"), m_dataChanged);
    if (m_filter && m_filter->unreadOnly())
        result.insert(QStringLiteral("filteredRowsLeft"), filteredBefore - m_filter->rowCount());
    return result;
}

QJsonObject ModelBench::filters()
{
    Console::line(QStringLiteral("client: filtering %1 rows").arg(m_model->rowCount()));
    m_filter = std::make_unique<NotificationFilterModel>();
    QJsonArray steps;
    auto step = [this, &steps](const QString &name, const std::function<void()> &change) {
        const qint64 start = monotonicNs();
        change();
        const int rows = m_filter->rowCount();
        steps.append(QJsonObject {{QStringLiteral("step"), name}, {QStringLiteral("ms"), ms(monotonicNs() - start)},
            {QStringLiteral("rows"), rows}});
    };
    NotificationFilterModel &f = *m_filter;
    step(QStringLiteral("attach to the list model"), [&] { f.setSourceModel(m_model.get()); });
    step(QStringLiteral("unreadOnly on"), [&] { f.setUnreadOnly(true); });
    step(QStringLiteral("unreadOnly off"), [&] { f.setUnreadOnly(false); });
    step(QStringLiteral("topic 'orders'"), [&] { f.setTopic(QStringLiteral("orders")); });
    step(QStringLiteral("topic cleared"), [&] { f.setTopic(QString()); });
    step(QStringLiteral("search 'order 12'"), [&] { f.setSearchText(QStringLiteral("order 12")); });
    step(QStringLiteral("search cleared"), [&] { f.setSearchText(QString()); });
    step(QStringLiteral("unreadOnly + topic + search, set in turn"), [&] {
        f.setUnreadOnly(true);
        f.setTopic(QStringLiteral("orders"));
        f.setSearchText(QStringLiteral("order 12"));
    });
    step(QStringLiteral("all cleared"), [&] {
        f.setSearchText(QString());
        f.setTopic(QString());
        f.setUnreadOnly(false);
    });
    return {{QStringLiteral("steps"), steps}};
}

} // namespace Tidings::Bench
