#pragma once

#include "auth/AuthService.h"
#include "protocol/Expected.h"
#include "store/BroadcastRecords.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class PublishService;
class Store;
class TemplateService;

// Broadcasts (/api/broadcasts): an admin's publish kept as a document and sent once
// (now, or as a scheduled message at its scheduledAt) or on a cron schedule read in a
// time zone, up to maxOccurrences times.
//
// Every run publishes through PublishService as the broadcast's creator, with the
// idempotency key "broadcast:<id>:<run>": a run stored just before the process died,
// but not yet counted, is not stored twice when the next process retries it.
//
// The scheduler looks every pollMs on the injected Clock. A run that is late (the
// server was down, or the clock jumped) is published once, not once per missed slot:
// the run after it is the first slot after now. A broadcast whose creator was disabled
// or is no longer an admin, or whose request can no longer be published, fails (state
// `failed` with a reason) instead of publishing.
class BroadcastService : public QObject
{
    Q_OBJECT
public:
    BroadcastService(Store &store, PublishService &publisher, TemplateService &templates, const Clock &clock,
        int pollMs, QObject *parent = nullptr);

    struct Created
    {
        QJsonObject broadcast;
        bool replayed = false; // an earlier create with the same idempotencyKey; nothing was created
    };
    using CreateDone = std::function<void(const Expected<Created> &)>;

    struct Page
    {
        QJsonArray broadcasts;
        qint64 total = 0;
    };

    // POST /api/broadcasts: a publish body plus `name` and `schedule`. A one-off is
    // answered once its message is stored; a recurring one at once.
    void create(const AuthContext &caller, const QJsonObject &body, CreateDone done);
    [[nodiscard]] Expected<QJsonObject> get(const QString &id);
    // Newest first, without per-run stats; `state` "" = any.
    [[nodiscard]] Expected<Page> list(const QString &state, int offset, int limit);
    // Stops what has not happened: future runs, a scheduled one-off's message, pending
    // external deliveries. CONFLICT once it has finished, failed or been cancelled.
    [[nodiscard]] Expected<QJsonObject> cancel(const QString &id);
    // How many users the body's audience reaches now; nothing is written.
    [[nodiscard]] Expected<qint64> estimate(const AuthContext &caller, const QJsonObject &body);

    void start();
    void stop();
    // One scheduler round (the timer runs it): starts the publish of every due run and
    // finishes scheduled one-offs that were released. Returns how many runs started.
    int runDue();

    [[nodiscard]] static const QStringList &states();

Q_SIGNALS:
    // A run was published and counted.
    void runRecorded(const QString &broadcastId, int occurrence);

private:
    struct Draft;
    using RunDone = std::function<void(const std::optional<ProtocolError> &)>;

    [[nodiscard]] Expected<Draft> parse(const AuthContext &caller, const QJsonObject &body, const QDateTime &now);
    // Publishes run occurrences + 1 of `b`; `done` gets the error if it was not stored.
    void publishRun(const BroadcastRecord &b, RunDone done);
    void recordRun(const BroadcastRecord &b, int occurrence, const QString &messageId, const QDateTime &scheduledAt,
        const RunDone &done);
    [[nodiscard]] Expected<QJsonObject> document(const QString &id);

    Store &m_store;
    PublishService &m_publisher;
    TemplateService &m_templates;
    const Clock &m_clock;
    QTimer m_timer;
    QSet<QString> m_inFlight; // broadcasts with a publish not stored yet
};

} // namespace Tidings::Server
