#include "StoreApplyBench.h"

#include "ClientEventMix.h"
#include "Console.h"
#include "LatencyRecorder.h"
#include "MonotonicClock.h"
#include "client/BadgeState.h"
#include "client/NotificationStore.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>

namespace Tidings::Bench {

using Client::NotificationStore;

namespace {

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

} // namespace

StoreApplyBench::StoreApplyBench(QString baseDir, quint32 seed)
    : m_baseDir(std::move(baseDir))
    , m_seed(seed)
{
}

std::unique_ptr<QTemporaryDir> StoreApplyBench::makeTempDir(const QString &baseDir)
{
    if (baseDir.isEmpty())
        return std::make_unique<QTemporaryDir>();
    QDir().mkpath(baseDir);
    return std::make_unique<QTemporaryDir>(baseDir + QStringLiteral("/tidings-bench-client-XXXXXX"));
}

std::unique_ptr<NotificationStore> StoreApplyBench::openFreshStore(const QString &path, QString *error)
{
    auto store = std::make_unique<NotificationStore>(path);
    // An empty inbox at seq 0, as after the first inbox load of a new account.
    if (!store->open() || !store->reset(ClientEventMix::epoch(), 0, {}, true)) {
        *error = store->errorString();
        return nullptr;
    }
    return store;
}

QJsonObject StoreApplyBench::run(int batchSize, int events, bool replayTwice, QStringList *problems)
{
    QJsonObject result {{QStringLiteral("batchSize"), batchSize}, {QStringLiteral("events"), events}};
    const std::unique_ptr<QTemporaryDir> dir = makeTempDir(m_baseDir);
    if (!dir->isValid()) {
        *problems << QStringLiteral("store apply: cannot create a temporary directory: %1").arg(dir->errorString());
        return result;
    }
    const QString path = dir->filePath(QStringLiteral("inbox.sqlite"));
    QString error;
    const std::unique_ptr<NotificationStore> store = openFreshStore(path, &error);
    if (!store) {
        *problems << QStringLiteral("store apply: cannot open %1: %2").arg(path, error);
        return result;
    }
    // Every ClientSession keeps one on its store; it re-reads the overlay on each change.
    const Client::BadgeState badge(*store);

    Console::line(QStringLiteral("client: applying %1 events in batches of %2").arg(events).arg(batchSize));
    ClientEventMix mix(m_seed);
    LatencyRecorder batchNs;
    batchNs.reserve(size_t(events / batchSize + 1));
    qint64 applyNs = 0;
    for (int done = 0; done < events;) {
        const QList<StreamEvent> batch = mix.next(qMin(batchSize, events - done));
        const qint64 start = monotonicNs();
        const bool ok = store->apply(ClientEventMix::epoch(), batch);
        const qint64 took = monotonicNs() - start;
        if (!ok) {
            *problems << QStringLiteral("store apply (batches of %1): apply failed after %2 events: %3")
                             .arg(batchSize)
                             .arg(done)
                             .arg(store->errorString());
            return result;
        }
        batchNs.add(took);
        applyNs += took;
        done += int(batch.size());
        Console::progress(QStringLiteral("client: %1 of %2 events applied").arg(done).arg(events));
    }

    const LatencyRecorder::Summary summary = batchNs.summarize();
    result.insert(QStringLiteral("batches"), double(summary.count));
    result.insert(QStringLiteral("seconds"), rounded(nsToSec(applyNs), 3));
    result.insert(QStringLiteral("eventsPerSec"), rounded(events / nsToSec(applyNs), 0));
    result.insert(QStringLiteral("batchMs"), summary.toJsonMs());
    result.insert(QStringLiteral("dbBytes"), double(fileSize(path)));
    result.insert(QStringLiteral("walBytes"), double(fileSize(path + QStringLiteral("-wal"))));
    result.insert(QStringLiteral("rows"), store->count());
    result.insert(QStringLiteral("lastSeq"), double(store->position().lastSeq));
    if (replayTwice)
        result.insert(QStringLiteral("duplicates"), replayAgain(*store, batchSize, events, problems));
    return result;
}

QJsonObject StoreApplyBench::replayAgain(NotificationStore &store, int batchSize, int events, QStringList *problems)
{
    Console::line(QStringLiteral("client: applying the same %1 events again").arg(events));
    const int rowsBefore = store.count();
    const qint64 lastSeqBefore = store.position().lastSeq;
    int changes = 0;
    const QMetaObject::Connection counter
        = QObject::connect(&store, &NotificationStore::changed, &store, [&changes] { ++changes; });

    ClientEventMix mix(m_seed); // the same seed: the same events
    qint64 applyNs = 0;
    bool ok = true;
    for (int done = 0; done < events && ok;) {
        const QList<StreamEvent> batch = mix.next(qMin(batchSize, events - done));
        const qint64 start = monotonicNs();
        ok = store.apply(ClientEventMix::epoch(), batch);
        applyNs += monotonicNs() - start;
        done += int(batch.size());
    }
    QObject::disconnect(counter);

    const int rowsAfter = store.count();
    const qint64 lastSeqAfter = store.position().lastSeq;
    const bool unchanged = ok && changes == 0 && rowsAfter == rowsBefore && lastSeqAfter == lastSeqBefore;
    if (!unchanged)
        *problems << QStringLiteral("store apply: re-applying %1 events changed the store (rows %2 -> %3, lastSeq "
                                    "%4 -> %5, %6 change signals%7)")
                         .arg(events)
                         .arg(rowsBefore)
                         .arg(rowsAfter)
                         .arg(lastSeqBefore)
                         .arg(lastSeqAfter)
                         .arg(changes)
                         .arg(ok ? QString() : QStringLiteral(", apply failed: ") + store.errorString());
    return {{QStringLiteral("events"), events}, {QStringLiteral("seconds"), rounded(nsToSec(applyNs), 3)},
        {QStringLiteral("eventsPerSec"), rounded(events / nsToSec(applyNs), 0)},
        {QStringLiteral("rowsBefore"), rowsBefore}, {QStringLiteral("rowsAfter"), rowsAfter},
        {QStringLiteral("lastSeqBefore"), double(lastSeqBefore)},
        {QStringLiteral("lastSeqAfter"), double(lastSeqAfter)}, {QStringLiteral("changeSignals"), changes},
        {QStringLiteral("unchanged"), unchanged}};
}

} // namespace Tidings::Bench
