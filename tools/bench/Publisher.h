#pragma once

#include "HttpPool.h"
#include "LatencyRecorder.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <functional>

namespace Tidings::Bench {

// Publishes notifications over REST: paced (open loop, a fixed rate), closed loop
// (K requests always in flight, for a time or a count) or one fixed set. Every
// notification's `data` carries {t: send time (monotonic ns, as a string), k: kind,
// r: round, n: nonce}, which the receiving side reads back.
class Publisher : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        int user = 0;
        QString userId;
    };
    struct Stats
    {
        qint64 sent = 0;
        qint64 accepted = 0; // 202
        qint64 failed = 0;
        QMap<QString, int> failures; // "HTTP 429 RATE_LIMITED" -> count
        qint64 firstSendNs = 0;
        qint64 lastDoneNs = 0;
        int maxQueued = 0; // requests waiting for a free connection (the bench fell behind)
        LatencyRecorder http; // request written -> 202 read
    };
    // Called for every 202 with the target user and the notification's nonce.
    using AcceptedHandler = std::function<void(int user, const QString &nonce)>;

    Publisher(const QUrl &server, int concurrency, int payloadBytes, QString nonceTag, QObject *parent = nullptr);

    void setToken(const QByteArray &token) { m_token = token; }
    void setAcceptedHandler(AcceptedHandler handler) { m_onAccepted = std::move(handler); }
    // The publish's `channels` (delivery media, e.g. {"email"}); empty: the field is
    // left out and the server uses every channel it can send on.
    void setChannels(const QStringList &channels);

    // `rate` per second over `targets` round-robin for `durationNs`. `round` goes into
    // data.r, so late deliveries of an earlier run are not counted in this one.
    void runPaced(const QVector<Target> &targets, double rate, qint64 durationNs, const QString &kind, int round);
    // Keeps every connection busy for `durationNs`.
    void runClosedLoop(const QVector<Target> &targets, qint64 durationNs, const QString &kind, int round);
    // Keeps every connection busy until `total` requests went out (not retried: a
    // failure counts in stats().failed).
    void runCount(const QVector<Target> &targets, qint64 total, const QString &kind, int round);
    // `perTarget` notifications to each target, with idempotency keys and patient
    // retries: used while the server restarts, where nothing may be lost or doubled.
    void runSet(const QVector<Target> &targets, int perTarget, const QString &kind);
    // One broadcast to all users, tagged with `round`.
    void broadcast(int round);
    // Issues no new request (queued ones still go out and are counted); no finished() follows.
    void stop();

    [[nodiscard]] const Stats &stats() const { return m_stats; }

Q_SIGNALS:
    void finished(); // the run ended and every response is in

private:
    enum class Mode { Idle, Paced, ClosedLoop, Count, Once };

    void start(Mode mode, const QVector<Target> &targets, qint64 durationNs, const QString &kind, int round);
    void onTick();
    void issue(const Target *target, int round, bool reliable);
    void onResponse(const HttpResponse &response, int user, const QString &nonce);
    void maybeFinish();
    [[nodiscard]] QByteArray body(const QByteArray &targeting, const QString &nonce, int round, bool idempotent) const;

    HttpPool m_pool;
    QByteArray m_token;
    QByteArray m_message; // the payload, JSON-escaped once
    QByteArray m_channels; // `,"channels":[...]` or empty
    QString m_nonceTag;
    AcceptedHandler m_onAccepted;

    Mode m_mode = Mode::Idle;
    bool m_running = false;
    QVector<Target> m_targets;
    QVector<QByteArray> m_targeting; // `"recipients":["<id>"]` per target, encoded once
    QByteArray m_kind;
    int m_next = 0;
    int m_round = 0;
    double m_rate = 0;
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    qint64 m_total = 0; // Mode::Count
    qint64 m_nonce = 0;
    QTimer m_tick;
    Stats m_stats;
};

} // namespace Tidings::Bench
