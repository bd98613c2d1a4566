#pragma once

#include "HttpPool.h"
#include "LatencyRecorder.h"
#include "MetricsSnapshot.h"
#include "Publisher.h"
#include "WebhookReceiver.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace Tidings::Bench {

struct BenchOptions;

// One measured phase of `--scenario delivery`: publishes --deliveries notifications
// with `channels: [channel]` over the targets, --concurrency in flight, and follows
// them through the delivery pipeline until every one is delivered.
//
// - email: done when /metrics (polled every PollMs) counts that many more
//   `tidings_deliveries_total{channel="email",status="sent"}`; the latency
//   percentiles come from the server's histogram (bucket deltas, interpolated).
// - webhook: done when the WebhookReceiver got every job; per-request latency is
//   receive time - the payload's createdAt, and every X-Tidings-Delivery id must
//   arrive exactly once. /metrics is still polled, to see failures early.
//
// A `failed` or `skipped` delivery ends the phase at once as a problem (neither
// will ever be `sent`), as does --delivery-timeout seconds without progress.
class DeliveryPhase : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollMs = 50;
    // After the last expected webhook: time for a duplicate to show up (the first
    // retry of the pipeline comes after 1 s).
    static constexpr int DuplicateWindowMs = 1500;

    DeliveryPhase(const BenchOptions &options, WebhookReceiver *receiver, QObject *parent = nullptr);

    // `channel` is "email" or "webhook"; `adminToken` publishes.
    void run(const QString &channel, const QVector<Publisher::Target> &targets, const QByteArray &adminToken);

Q_SIGNALS:
    // {channel, ok, figures...}; problems make the run fail, warnings do not.
    void finished(const QJsonObject &result, const QStringList &problems, const QStringList &warnings);

private:
    using MetricsHandler = std::function<void(const std::optional<MetricsSnapshot> &, const HttpResponse &)>;

    void checkSmtp(std::function<void()> then);
    void fetchMetrics(MetricsHandler handler);
    void publish();
    void onPoll();
    void onMetrics(const MetricsSnapshot &now, qint64 atNs);
    void onWebhook(const HttpRequestParser::Request &request, qint64 monotonicNs, qint64 wallNs);
    void onPublisherFinished();
    void checkDone();
    void noteProgress(qint64 done);
    void stop(const QString &problem);
    void complete();
    [[nodiscard]] QJsonObject result() const;
    void findProblems(const QJsonObject &result);
    [[nodiscard]] qint64 delta(const QString &status) const;

    const BenchOptions &m_options;
    WebhookReceiver *m_receiver;
    HttpPool m_probe; // /metrics and /readyz, never queued behind publishes
    Publisher m_publisher;
    QTimer m_poll;
    QTimer m_duplicateWindow;

    QString m_channel;
    QVector<Publisher::Target> m_targets;
    QString m_kind; // data.k of this phase's notifications
    bool m_active = false;
    bool m_publishing = false;
    QStringList m_problems;
    QStringList m_warnings;

    std::optional<MetricsSnapshot> m_baseline;
    std::optional<MetricsSnapshot> m_latest;
    qint64 m_latestNs = 0; // when m_latest was read
    qint64 m_doneNs = 0; // email: the poll that showed every one sent; webhook: the last one received
    bool m_metricsWarned = false;
    qint64 m_deliveredAtLastPublish = 0;
    qint64 m_maxQueueDepth = 0;
    qint64 m_progress = -1;
    qint64 m_progressNs = 0;
    qint64 m_startNs = 0;
    double m_benchCpuStart = 0;
    double m_serverCpuStart = -1;

    // webhook
    QSet<QString> m_accepted; // nonces (data.n) of the 202s
    QHash<QString, int> m_nonces; // nonce -> webhooks received for it
    QHash<QByteArray, int> m_jobIds; // X-Tidings-Delivery -> times received
    qint64 m_matched = 0; // accepted nonces received
    WebhookReceiver::Counters m_receiverBase;
    qint64 m_requests = 0;
    qint64 m_foreign = 0; // not this phase's, or unreadable
    qint64 m_firstRecvNs = 0;
    qint64 m_lastRecvNs = 0;
    qint64 m_clockSkewed = 0; // received "before" createdAt
    LatencyRecorder m_latency;
};

} // namespace Tidings::Bench
