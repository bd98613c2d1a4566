#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tidings::Server {

// broadcasts.state.
namespace BroadcastState {
inline constexpr char Active[] = "active"; // more runs to come
// A one-off stored as a scheduled message the delivery pipeline has not released yet.
inline constexpr char Scheduled[] = "scheduled";
inline constexpr char Finished[] = "finished"; // every run published
inline constexpr char Cancelled[] = "cancelled"; // by an admin
inline constexpr char Failed[] = "failed"; // a run could not be published (failureReason says why)
} // namespace BroadcastState

// An admin's publish kept as a document (broadcasts): sent once, or on a cron schedule.
struct BroadcastRecord
{
    QString id;
    QString name;
    QString createdBy; // user id; every run publishes as this user
    QDateTime createdAt;
    QJsonObject request; // the publish body (PublishRequest JSON), parsed again for every run
    QString cron; // "" = a one-off
    QString timeZone; // IANA id the cron expression is read in
    int maxOccurrences = 0; // 0 = until cancelled
    int occurrences = 0; // runs published so far
    QDateTime nextRunAt; // when the scheduler publishes next (state scheduled: the release); null = never
    QString state = QLatin1String(BroadcastState::Active);
    QString lastMessageId;
    QDateTime cancelledAt;
    QString failureReason;
    QString idempotencyKey; // the creator's, for 24 h
    QDateTime updatedAt;

    [[nodiscard]] bool isRecurring() const { return !cron.isEmpty(); }
};

// A run that was published: Store::recordBroadcastRun links the message and moves the
// broadcast on, in one transaction.
struct BroadcastRun
{
    QString broadcastId;
    QString messageId;
    int occurrence = 0; // 1 for the first run; a run recorded twice counts once
    QDateTime nextRunAt; // null: none
    QString state = QLatin1String(BroadcastState::Active); // scheduled or finished after a one-off's run
    QDateTime at;
};

// One published message of a broadcast with its delivery counts.
struct BroadcastOccurrence
{
    QString broadcastId;
    QString messageId;
    QDateTime createdAt;
    QDateTime scheduledAt;
    QDateTime releasedAt; // null while scheduled
    QDateTime cancelledAt;
    qint64 recipients = 0; // inbox rows
    qint64 delivered = 0; // inbox rows with delivered_at
    qint64 read = 0; // inbox rows with read_at
    QHash<QString, QHash<QString, qint64>> jobs; // channel -> job state -> count
};

} // namespace Tidings::Server
