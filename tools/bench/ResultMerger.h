#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace Tidings::Bench {

// Turns the per-worker results of one phase into one report section. Counts add
// up; times combine as earliest start and latest end on the shared monotonic
// clock; latency samples are merged before percentiles are taken.
class ResultMerger
{
public:
    using Results = QVector<QJsonObject>;

    // Findings that make the run fail (exit status 1) or merely deserve a look.
    struct Findings
    {
        QStringList problems;
        QStringList warnings;
    };

    [[nodiscard]] static QJsonObject setup(const Results &results, Findings *findings);
    [[nodiscard]] static QJsonObject connect(const Results &results, Findings *findings);
    // latency and throughput phases; `label` names the measurement in messages.
    [[nodiscard]] static QJsonObject measurement(const Results &results, const QString &label, Findings *findings);
    [[nodiscard]] static QJsonObject broadcastRound(const Results &results, Findings *findings);
    [[nodiscard]] static QJsonObject broadcast(const QVector<QJsonObject> &rounds);
    [[nodiscard]] static QJsonObject restart(
        const QJsonObject &prepare, const Results &publish, const Results &reconnect, Findings *findings);

    [[nodiscard]] static double sum(const Results &results, const QString &key);
    [[nodiscard]] static double earliest(const Results &results, const QString &key); // smallest positive
    [[nodiscard]] static double latest(const Results &results, const QString &key);
    [[nodiscard]] static QJsonObject sumObjects(const Results &results, const QString &key);
    // Adds benchCpuSeconds and benchBusyPercent (the busiest worker's CPU time over the
    // phase's wall time) and warns when the bench, not the server, was the limit.
    static void addBenchLoad(QJsonObject *section, const Results &results, const QString &label, Findings *findings);
};

} // namespace Tidings::Bench
