#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace Tidings::Bench {

struct BenchOptions;

// `--scenario client`: benchmarks the client core (libtidings' tidings_client)
// in this process, without a server: the NotificationStore applying a replay in
// StreamSync's batch sizes (StoreApplyBench), then the inbox models over a big
// store (ModelBench). Prints the table and writes the JSON as the server
// scenarios do.
class ClientBench
{
public:
    explicit ClientBench(const BenchOptions &options);

    // Runs everything synchronously; returns the process exit code.
    [[nodiscard]] int run();

    // Events of the batch-size-1 run (one transaction per live event): the rate
    // is measured on these and extrapolated.
    static constexpr int LiveBatchEvents = 5000;
    // Live notifications and reads applied one at a time in the model phases.
    static constexpr int LiveModelEvents = 1000;

    // Below these a figure is reported as a warning (not a failure): the client
    // would fall behind a replay, or a live event would cost a visible frame.
    // A busy user's 30 days (about 10,000 events) replayed in under 2 s.
    static constexpr double MinReplayEventsPerSec = 5000; // in batches of 2,000
    static constexpr double MaxLiveEventMs = 1; // p50 of one live insert or read at --client-rows

private:
    [[nodiscard]] QJsonObject config() const;
    [[nodiscard]] static QStringList warnings(const QJsonArray &storeRuns, const QJsonObject &models);

    const BenchOptions &m_options;
    QStringList m_problems;
};

} // namespace Tidings::Bench
