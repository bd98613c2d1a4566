#pragma once

#include "delivery/Channel.h"
#include "delivery/CircuitBreaker.h"
#include "delivery/RetryPolicy.h"
#include "protocol/Expected.h"
#include "store/Records.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Fanout;
class Metrics;
class PreferencesService;
class Store;
class TemplateService;
class TrackingLinks;

// Delivers what publishing stored: releases scheduled messages when their time comes
// and runs the delivery jobs (one per notification, recipient and external channel).
//
// A round, on every wake-up (a publish, an admin retry) and every pollMs:
// 1. release scheduled messages that are due (inbox events + fan-out);
// 2. per channel, unless its circuit breaker is open or enough is in flight, claim a
//    batch of due jobs, decide each (preference off, expired, digest -> skipped; quiet
//    hours -> deferred to the window's end) and hand the rest to the channel as one
//    batch;
// 3. as results come back, record each attempt and move the job to sent, to a retry
//    after RetryPolicy's delay, or to failed (a dead letter an admin can retry).
//
// Durability: a claimed job is `sending` in the database before anything goes out.
// On start every job a previous process left in `sending` is put back to pending and
// counted in `reclaimed`, so after kill -9 each job still ends in exactly one terminal
// state and may have been sent at most once more, which the delivery log records.
//
// All timing reads the injected Clock, so tests move time instead of sleeping; pollMs
// is only how often it looks.
class DeliveryPipeline : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int pollMs = 500;
        int batchSize = 100; // jobs claimed per channel per round
        int maxInFlightPerChannel = 500;
        qint64 leaseMs = 10 * 60 * 1000; // a job in flight longer than this is presumed lost
        QList<qint64> retryScheduleMs = Delivery::RetryPolicy::defaultSchedule();
        int breakerFailureThreshold = Delivery::CircuitBreaker::DefaultFailureThreshold;
        qint64 breakerOpenMs = Delivery::CircuitBreaker::DefaultOpenDurationMs;
        int releaseBatch = 100; // scheduled messages released per round
    };

    struct Services
    {
        Store &store;
        Fanout &fanout;
        PreferencesService &preferences;
        TemplateService &templates;
        const TrackingLinks &links;
        Metrics &metrics;
        const Clock &clock;
    };

    DeliveryPipeline(Services services, Options options, QObject *parent = nullptr);
    ~DeliveryPipeline() override;

    // Takes ownership. One channel per name; a second one with the same name replaces it.
    void addChannel(std::unique_ptr<Delivery::Channel> channel);
    [[nodiscard]] Delivery::Channel *channel(const QString &name) const;
    // The external channels publishing creates jobs for by default: the configured ones.
    [[nodiscard]] QStringList configuredChannels() const;

    // Reclaims what a previous process left in flight, then starts the rounds.
    void start();
    // No new claims; results of batches in flight are still recorded when they arrive.
    void stop();
    // Runs a round soon (coalesced): new jobs, a retry, a moved clock in tests.
    void wake();

    // An admin's retry of a dead letter (POST /api/admin/deliveries/:id/retry): the job
    // goes back to pending, due now. NOT_FOUND for an unknown id, CONFLICT unless failed.
    [[nodiscard]] Expected<DeliveryJob> retry(const QString &jobId);

    [[nodiscard]] Delivery::CircuitBreaker::State breakerState(const QString &channel) const;
    [[nodiscard]] int inFlight() const { return m_inFlightTotal; }

private:
    struct ChannelState;
    // messages.type of a digest email (no inbox rows; its content is composed, not templated).
    static constexpr char kDigestType[] = "digest";

    void round();
    void releaseDue();
    // Collects the email jobs held for users' digests into one email per user and run.
    void runDigests(const QDateTime &now);
    void dispatch(ChannelState &state);
    // A batch handed to a channel, until its last result is recorded.
    struct InFlightBatch : std::enable_shared_from_this<InFlightBatch>
    {
        ChannelState *state = nullptr;
        QList<DeliveryJob> jobs;
        QList<Delivery::OutgoingDelivery> deliveries;
        QList<bool> answered;
        int remaining = 0;
        QList<JobCompletion> unrecorded;
        bool recordQueued = false;
    };
    static constexpr int kRecordEvery = 32;
    static constexpr int kRecordWithinMs = 50;

    void onResult(InFlightBatch &batch, int index, const Delivery::DeliveryResult &result);
    void record(InFlightBatch &batch);

    Services m_services;
    Options m_options;
    Delivery::RetryPolicy m_retry;
    QString m_workerId;
    std::map<QString, std::unique_ptr<ChannelState>> m_channels;
    QTimer m_poll;
    QDateTime m_lastDigestCheck;
    bool m_running = false;
    bool m_roundQueued = false;
    int m_inFlightTotal = 0;
};

} // namespace Tidings::Server
