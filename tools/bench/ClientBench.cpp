#include "ClientBench.h"

#include "BenchOptions.h"
#include "Console.h"
#include "ModelBench.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "StoreApplyBench.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace Tidings::Bench {

namespace {

constexpr quint32 Seed = 20260105; // the same stream on every run

QString sqliteVersion()
{
    const QString name = QStringLiteral("tidings-bench-version");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                version = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

ClientBench::ClientBench(const BenchOptions &options)
    : m_options(options)
{
}

QJsonObject ClientBench::config() const
{
    QJsonArray batchSizes;
    for (int b : m_options.clientBatches)
        batchSizes.append(b);
    return {{QStringLiteral("scenario"), BenchOptions::scenarioName(m_options.scenario)},
        {QStringLiteral("events"), m_options.clientEvents}, {QStringLiteral("batchSizes"), batchSizes},
        {QStringLiteral("liveBatchEvents"), LiveBatchEvents}, {QStringLiteral("rows"), m_options.clientRows},
        {QStringLiteral("liveModelEvents"), LiveModelEvents},
        {QStringLiteral("dir"),
            m_options.clientDir.isEmpty() ? QStringLiteral("(system temporary)") : m_options.clientDir},
        {QStringLiteral("seed"), double(Seed)}, {QStringLiteral("cpus"), QThread::idealThreadCount()},
        {QStringLiteral("sqlite"), sqliteVersion()}};
}

QStringList ClientBench::warnings(const QJsonArray &storeRuns, const QJsonObject &models)
{
    QStringList out;
    for (const QJsonValue &v : storeRuns) {
        const QJsonObject r = v.toObject();
        const double rate = r.value(QLatin1String("eventsPerSec")).toDouble();
        if (r.value(QLatin1String("batchSize")).toInt() == 2000 && rate < MinReplayEventsPerSec)
            out << QStringLiteral("store apply in batches of 2000: %1 events/s, below %2")
                       .arg(rate)
                       .arg(MinReplayEventsPerSec);
    }
    const int rows = models.value(QLatin1String("rows")).toInt();
    for (const char *key : {"liveInserts", "reads"}) {
        const double p50 = models.value(QLatin1String(key))
                               .toObject()
                               .value(QLatin1String("totalMs"))
                               .toObject()
                               .value(QLatin1String("p50"))
                               .toDouble();
        if (p50 > MaxLiveEventMs)
            out << QStringLiteral("%1 at %2 rows: p50 %3 ms per event, above %4 ms")
                       .arg(QLatin1String(key))
                       .arg(rows)
                       .arg(p50)
                       .arg(MaxLiveEventMs);
    }
    return out;
}

int ClientBench::run()
{
    const qint64 startedNs = monotonicNs();
    QJsonObject report {{QStringLiteral("tool"), QStringLiteral("tidings-bench")},
        {QStringLiteral("version"), QStringLiteral(TIDINGS_BENCH_VERSION)},
        {QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("config"), config()}};

    StoreApplyBench store(m_options.clientDir, Seed);
    const int events = m_options.clientEvents;
    QVector<int> batches = m_options.clientBatches;
    std::sort(batches.begin(), batches.end());
    QJsonArray runs;
    for (int batch : std::as_const(batches)) {
        // One transaction per event is slow by design: measure a sample and extrapolate.
        const int applied = batch == 1 ? qMin(events, LiveBatchEvents) : events;
        runs.append(store.run(batch, applied, batch == batches.last(), &m_problems));
    }

    ModelBench models(m_options.clientDir, Seed);
    const QJsonObject modelResults = models.run(m_options.clientRows, LiveModelEvents, &m_problems);

    report.insert(QStringLiteral("client"),
        QJsonObject {{QStringLiteral("storeApply"), runs}, {QStringLiteral("models"), modelResults}});
    report.insert(QStringLiteral("seconds"), std::round(nsToSec(monotonicNs() - startedNs) * 1000) / 1000);
    report.insert(QStringLiteral("problems"), QJsonArray::fromStringList(m_problems));
    report.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings(runs, modelResults)));
    report.insert(QStringLiteral("ok"), m_problems.isEmpty());

    return Report(report).publish(m_options.jsonPath);
}

} // namespace Tidings::Bench
