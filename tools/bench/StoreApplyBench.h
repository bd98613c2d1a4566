#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace Tidings::Client {
class NotificationStore;
}

namespace Tidings::Bench {

// How fast the client's NotificationStore takes a stream: a replay of `events`
// events of the ClientEventMix applied to a fresh store file in batches, as
// StreamSync writes them (one transaction per batch), with the BadgeState a
// ClientSession keeps on the store attached. Then the same replay again, which
// must change nothing.
class StoreApplyBench
{
public:
    // Stores are created in fresh temporary directories under `baseDir` (empty:
    // the system's temporary directory).
    StoreApplyBench(QString baseDir, quint32 seed);

    // Applies the first `events` events of the mix in batches of `batchSize`:
    // {batchSize, events, batches, seconds, eventsPerSec, batchMs {...}, dbBytes,
    // walBytes, rows, lastSeq}; with `replayTwice` also {duplicates {...}}.
    // Failures are added to `problems`.
    [[nodiscard]] QJsonObject run(int batchSize, int events, bool replayTwice, QStringList *problems);

    // A fresh store at `path` positioned at the start of ClientEventMix::epoch().
    [[nodiscard]] static std::unique_ptr<Client::NotificationStore> openFreshStore(const QString &path, QString *error);
    // A temporary directory under `baseDir` (empty: the system's), removed with the result.
    [[nodiscard]] static std::unique_ptr<QTemporaryDir> makeTempDir(const QString &baseDir);

private:
    QJsonObject replayAgain(Client::NotificationStore &store, int batchSize, int events, QStringList *problems);

    QString m_baseDir;
    quint32 m_seed;
};

} // namespace Tidings::Bench
