#include "DeliveryPhase.h"

#include "BenchOptions.h"
#include "Console.h"
#include "MonotonicClock.h"
#include "ServerControl.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cmath>

namespace Tidings::Bench {

namespace {
const QString Email = QStringLiteral("email");
const QString Webhook = QStringLiteral("webhook");

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

// Percentiles of the server's latency histogram, in ms.
QJsonObject histogramMs(const Histogram &h)
{
    auto ms = [&h](double q) -> QJsonValue {
        const std::optional<double> s = h.quantile(q);
        return s ? QJsonValue(rounded(*s * 1000, 1)) : QJsonValue();
    };
    const std::optional<double> mean = h.mean();
    return {{QStringLiteral("samples"), double(h.count)}, {QStringLiteral("p50"), ms(0.50)},
        {QStringLiteral("p95"), ms(0.95)}, {QStringLiteral("p99"), ms(0.99)},
        {QStringLiteral("mean"), mean ? QJsonValue(rounded(*mean * 1000, 1)) : QJsonValue()},
        {QStringLiteral("interpolated"), true}};
}

QJsonObject toJson(const QMap<QString, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
} // namespace

DeliveryPhase::DeliveryPhase(const BenchOptions &options, WebhookReceiver *receiver, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_receiver(receiver)
    , m_probe(options.server, 1, this)
    , m_publisher(options.server, options.concurrency, options.payloadBytes,
          // A fresh tag per run keeps nonces unique across runs against one server.
          QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36) + QStringLiteral("d"), this)
{
    m_poll.setInterval(PollMs);
    m_poll.setTimerType(Qt::PreciseTimer);
    connect(&m_poll, &QTimer::timeout, this, &DeliveryPhase::onPoll);
    m_duplicateWindow.setSingleShot(true);
    m_duplicateWindow.setInterval(DuplicateWindowMs);
    connect(&m_duplicateWindow, &QTimer::timeout, this, [this] {
        // The server's own figures once everything has settled.
        fetchMetrics([this](const std::optional<MetricsSnapshot> &snapshot, const HttpResponse &) {
            if (snapshot)
                m_latest = snapshot;
            complete();
        });
    });
    connect(&m_publisher, &Publisher::finished, this, &DeliveryPhase::onPublisherFinished);
}

void DeliveryPhase::run(const QString &channel, const QVector<Publisher::Target> &targets, const QByteArray &adminToken)
{
    m_channel = channel;
    m_kind = channel == Email ? QStringLiteral("em") : QStringLiteral("wh");
    m_targets = targets;
    m_active = true;
    m_publisher.setToken(adminToken);
    m_publisher.setChannels({channel});
    m_publisher.setAcceptedHandler([this](int, const QString &nonce) {
        m_accepted.insert(nonce);
        // The webhook may have come in before we read the 202.
        if (m_nonces.contains(nonce))
            ++m_matched;
    });
    if (channel == Webhook) {
        m_receiverBase = m_receiver->counters();
        m_receiver->setHandler([this](const HttpRequestParser::Request &request, qint64 monotonic, qint64 wall) {
            onWebhook(request, monotonic, wall);
        });
    }
    auto begin = [this] {
        fetchMetrics([this](const std::optional<MetricsSnapshot> &snapshot, const HttpResponse &response) {
            if (!snapshot) {
                stop(
                    QStringLiteral("cannot read %1/metrics: %2").arg(m_options.server.toString(), response.describe()));
                return;
            }
            m_baseline = snapshot;
            m_latest = snapshot;
            publish();
        });
    };
    if (channel == Email)
        checkSmtp(begin);
    else
        begin();
}

void DeliveryPhase::checkSmtp(std::function<void()> then)
{
    HttpRequest r;
    r.method = QByteArrayLiteral("GET");
    r.path = QByteArrayLiteral("/readyz");
    m_probe.request(
        r,
        [this, then](const HttpResponse &response) {
            const QString smtp
                = response.json().value(QLatin1String("checks")).toObject().value(QLatin1String("smtp")).toString();
            if (smtp == QLatin1String("ok")) {
                then();
            } else if (response.status == 0) {
                stop(QStringLiteral("email: cannot read /readyz: %1").arg(response.describe()));
            } else if (smtp == QLatin1String("not configured")) {
                stop(QStringLiteral(
                    "email: SMTP is not configured on the server (/readyz says checks.smtp \"not configured\"). Start "
                    "tidingsd with SMTP_HOST, SMTP_PORT, SMTP_SECURE=none and FROM_EMAIL pointing at an SMTP server; "
                    "scripts/bench --scenario delivery starts a local sink"));
            } else {
                stop(QStringLiteral("email: /readyz says checks.smtp \"%1\", so no email would go out")
                         .arg(smtp.isEmpty() ? response.describe() : smtp));
            }
        },
        HttpPool::patient(5));
}

void DeliveryPhase::fetchMetrics(MetricsHandler handler)
{
    HttpRequest r;
    r.method = QByteArrayLiteral("GET");
    r.path = QByteArrayLiteral("/metrics");
    m_probe.request(r, [handler](const HttpResponse &response) {
        handler(response.status == 200 ? MetricsSnapshot::parse(response.body) : std::nullopt, response);
    });
}

void DeliveryPhase::publish()
{
    Console::line(QStringLiteral("delivery %1: publishing %2 notifications over %3 users, %4 in flight")
                      .arg(m_channel)
                      .arg(m_options.deliveries)
                      .arg(m_targets.size())
                      .arg(m_options.concurrency));
    m_startNs = monotonicNs();
    m_progressNs = m_startNs;
    m_benchCpuStart = processCpuSeconds();
    m_serverCpuStart = ServerControl::cpuSeconds(m_options.serverPid);
    m_latency.reserve(size_t(m_options.deliveries));
    m_publishing = true;
    m_poll.start();
    m_publisher.runCount(m_targets, m_options.deliveries, m_kind, 0);
}

void DeliveryPhase::onPublisherFinished()
{
    if (!m_active)
        return;
    m_publishing = false;
    // For the rate at which the backlog drains once publishing no longer competes;
    // for email as of the last poll (at most PollMs old).
    m_deliveredAtLastPublish = m_channel == Email ? delta(QStringLiteral("sent")) : qint64(m_jobIds.size());
    const Publisher::Stats &s = m_publisher.stats();
    Console::line(QStringLiteral("delivery %1: %2 published in %3 s (%4 not accepted)")
                      .arg(m_channel)
                      .arg(s.accepted)
                      .arg(rounded(nsToSec(s.lastDoneNs - s.firstSendNs), 3))
                      .arg(s.failed));
    if (s.accepted == 0) {
        stop(QStringLiteral("%1: no publish was accepted").arg(m_channel));
        return;
    }
    checkDone();
}

void DeliveryPhase::onPoll()
{
    if (!m_active)
        return;
    const qint64 now = monotonicNs();
    if (now - m_progressNs > qint64(m_options.deliveryTimeoutSec * 1e9)) {
        const qint64 delivered = m_channel == Email ? delta(QStringLiteral("sent")) : qint64(m_jobIds.size());
        stop(QStringLiteral("%1: nothing moved for %2 s; %3 of %4 published notifications delivered (server: %5 "
                            "retried, %6 jobs pending)")
                 .arg(m_channel)
                 .arg(m_options.deliveryTimeoutSec)
                 .arg(delivered)
                 .arg(m_publisher.stats().accepted)
                 .arg(delta(QStringLiteral("retry")))
                 .arg(m_latest ? m_latest->queueDepth() : -1));
        return;
    }
    if (m_probe.pending() > 0)
        return; // the last scrape is still out: a slow server is not asked twice
    fetchMetrics([this](const std::optional<MetricsSnapshot> &snapshot, const HttpResponse &response) {
        if (!m_active)
            return;
        if (snapshot) {
            onMetrics(*snapshot, response.doneNs);
        } else if (!m_metricsWarned) {
            m_metricsWarned = true;
            m_warnings
                << QStringLiteral("%1: reading /metrics failed at least once: %2").arg(m_channel, response.describe());
        }
    });
}

qint64 DeliveryPhase::delta(const QString &status) const
{
    if (!m_latest || !m_baseline)
        return 0;
    return m_latest->deliveries(m_channel, status) - m_baseline->deliveries(m_channel, status);
}

void DeliveryPhase::onMetrics(const MetricsSnapshot &now, qint64 atNs)
{
    m_latest = now;
    m_latestNs = atNs;
    m_maxQueueDepth = std::max(m_maxQueueDepth, now.queueDepth());
    const qint64 sent = delta(QStringLiteral("sent"));
    const qint64 failed = delta(QStringLiteral("failed"));
    const qint64 skipped = delta(QStringLiteral("skipped"));
    Console::progress(QStringLiteral("delivery %1: published %2/%3, server sent %4, queue %5")
                          .arg(m_channel)
                          .arg(m_publisher.stats().accepted)
                          .arg(m_options.deliveries)
                          .arg(sent)
                          .arg(now.queueDepth()));
    if (failed > 0) {
        stop(QStringLiteral("%1: %2 deliveries failed (dead letters; GET /api/admin/deliveries?status=failed says why)")
                 .arg(m_channel)
                 .arg(failed));
        return;
    }
    if (skipped > 0) {
        stop(QStringLiteral("%1: %2 deliveries were skipped and will never be sent (a preference, a missing "
                            "address, an unconfigured channel; GET /api/admin/deliveries?status=skipped says which)")
                 .arg(m_channel)
                 .arg(skipped));
        return;
    }
    if (m_channel == Email) {
        noteProgress(sent + delta(QStringLiteral("retry")));
        checkDone();
    }
}

void DeliveryPhase::onWebhook(const HttpRequestParser::Request &request, qint64 monotonicNs, qint64 wallNs)
{
    if (!m_active)
        return;
    ++m_requests;
    const QByteArray jobId = request.header(QByteArrayLiteral("x-tidings-delivery"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject data = body.value(QLatin1String("data")).toObject();
    if (jobId.isEmpty() || data.value(QLatin1String("k")).toString() != m_kind) {
        ++m_foreign;
        return;
    }
    if (m_jobIds[jobId]++ > 0)
        return; // a duplicate: counted, not timed
    const QString nonce = data.value(QLatin1String("n")).toString();
    if (m_nonces[nonce]++ == 0 && m_accepted.contains(nonce))
        ++m_matched;
    const QDateTime created
        = QDateTime::fromString(body.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
    if (created.isValid()) {
        // createdAt has whole milliseconds, taken by the server's clock, which is ours.
        const qint64 latency = wallNs - created.toMSecsSinceEpoch() * 1000000;
        if (latency < 0)
            ++m_clockSkewed;
        m_latency.add(std::max<qint64>(latency, 0));
    }
    if (m_firstRecvNs == 0)
        m_firstRecvNs = monotonicNs;
    m_lastRecvNs = monotonicNs;
    noteProgress(qint64(m_jobIds.size()));
    checkDone();
}

void DeliveryPhase::noteProgress(qint64 done)
{
    if (done > m_progress) {
        m_progress = done;
        m_progressNs = monotonicNs();
    }
}

void DeliveryPhase::checkDone()
{
    if (!m_active || m_publishing || m_doneNs > 0)
        return;
    const qint64 accepted = m_publisher.stats().accepted;
    if (m_channel == Email) {
        if (delta(QStringLiteral("sent")) < accepted)
            return;
        // The poll that first showed them all; never before the last 202 was read.
        m_doneNs = std::max(m_latestNs, m_publisher.stats().lastDoneNs);
        complete();
        return;
    }
    if (m_matched < accepted)
        return;
    m_doneNs = m_lastRecvNs;
    Console::line(QStringLiteral("delivery webhook: all %1 received; %2 ms more for late duplicates")
                      .arg(accepted)
                      .arg(DuplicateWindowMs));
    m_duplicateWindow.start();
}

void DeliveryPhase::stop(const QString &problem)
{
    m_problems << problem;
    complete();
}

void DeliveryPhase::complete()
{
    if (!m_active)
        return;
    m_active = false;
    m_poll.stop();
    m_duplicateWindow.stop();
    // Stragglers of a failed phase must not go out during the next one.
    m_publisher.stop();
    if (m_channel == Webhook)
        m_receiver->setHandler({});
    const QJsonObject r = result();
    findProblems(r);
    // Queued: this may run inside a socket's readyRead.
    QMetaObject::invokeMethod(
        this, [this, r] { Q_EMIT finished(r, m_problems, m_warnings); }, Qt::QueuedConnection);
}

void DeliveryPhase::findProblems(const QJsonObject &r)
{
    auto count = [&r](const char *key) { return qint64(r.value(QLatin1String(key)).toDouble()); };
    if (count("notAccepted") > 0)
        m_warnings << QStringLiteral("%1: %2 publishes were not accepted (see publishFailures in the JSON)")
                          .arg(m_channel)
                          .arg(count("notAccepted"));
    if (count("retried") > 0)
        m_warnings << QStringLiteral("%1: the server retried %2 deliveries").arg(m_channel).arg(count("retried"));
    if (m_channel != Webhook)
        return;
    if (count("missing") > 0)
        m_problems << QStringLiteral("webhook: %1 accepted notifications never arrived").arg(count("missing"));
    if (count("duplicates") > 0)
        m_problems << QStringLiteral("webhook: %1 deliveries arrived again with a job id already received")
                          .arg(count("duplicates"));
    if (count("extraJobs") > 0)
        m_problems
            << QStringLiteral("webhook: %1 notifications arrived under more than one job id").arg(count("extraJobs"));
    if (count("badRequests") > 0)
        m_problems << QStringLiteral("webhook: the receiver could not parse %1 requests (last: %2)")
                          .arg(count("badRequests"))
                          .arg(m_receiver->counters().lastError);
    if (count("unexpected") > 0)
        m_warnings
            << QStringLiteral("webhook: %1 notifications arrived whose publish got no 202").arg(count("unexpected"));
    if (m_foreign > 0)
        m_warnings << QStringLiteral("webhook: %1 requests were not this run's notifications").arg(m_foreign);
    if (m_clockSkewed > 0)
        m_warnings << QStringLiteral("webhook: %1 arrived before their createdAt (clock step?); counted as 0 ms")
                          .arg(m_clockSkewed);
}

QJsonObject DeliveryPhase::result() const
{
    if (m_startNs == 0)
        return {{QStringLiteral("channel"), m_channel}, {QStringLiteral("deliveries"), m_options.deliveries},
            {QStringLiteral("notRun"), QStringLiteral("stopped before publishing; see the problems below")}};
    const Publisher::Stats &s = m_publisher.stats();
    const qint64 endNs = monotonicNs();
    LatencyRecorder http = s.http;
    QJsonObject r {{QStringLiteral("channel"), m_channel}, {QStringLiteral("deliveries"), m_options.deliveries},
        {QStringLiteral("users"), int(m_targets.size())}, {QStringLiteral("concurrency"), m_options.concurrency},
        {QStringLiteral("published"), double(s.accepted)}, {QStringLiteral("notAccepted"), double(s.failed)},
        {QStringLiteral("publishFailures"), toJson(s.failures)},
        {QStringLiteral("publishRequestMs"), http.summarize().toJsonMs()},
        {QStringLiteral("sent"), double(delta(QStringLiteral("sent")))},
        {QStringLiteral("failed"), double(delta(QStringLiteral("failed")))},
        {QStringLiteral("retried"), double(delta(QStringLiteral("retry")))},
        {QStringLiteral("skipped"), double(delta(QStringLiteral("skipped")))},
        {QStringLiteral("maxQueueDepth"), double(m_maxQueueDepth)}, {QStringLiteral("metricsPollMs"), PollMs}};
    if (s.accepted > 0 && s.lastDoneNs > s.firstSendNs) {
        const double publishSec = nsToSec(s.lastDoneNs - s.firstSendNs);
        r.insert(QStringLiteral("publishSeconds"), rounded(publishSec, 3));
        r.insert(QStringLiteral("publishesPerSec"), rounded(double(s.accepted) / publishSec, 1));
    }
    if (m_baseline && m_latest)
        r.insert(QStringLiteral("histogramLatencyMs"),
            histogramMs(m_latest->latency(m_channel).since(m_baseline->latency(m_channel))));
    const double wall = nsToSec(endNs - m_startNs);
    r.insert(QStringLiteral("benchBusyPercent"), rounded((processCpuSeconds() - m_benchCpuStart) / wall * 100, 1));
    const double serverCpu = ServerControl::cpuSeconds(m_options.serverPid);
    if (m_serverCpuStart >= 0 && serverCpu >= 0)
        r.insert(QStringLiteral("serverBusyPercent"), rounded((serverCpu - m_serverCpuStart) / wall * 100, 1));

    const qint64 delivered = m_channel == Email ? delta(QStringLiteral("sent")) : qint64(m_jobIds.size());
    if (m_doneNs > 0 && s.firstSendNs > 0 && m_doneNs > s.firstSendNs) {
        const double seconds = nsToSec(m_doneNs - s.firstSendNs);
        r.insert(QStringLiteral("seconds"), rounded(seconds, 3));
        r.insert(QStringLiteral("perSec"), rounded(double(delivered) / seconds, 1));
        r.insert(QStringLiteral("deliveredAtLastPublish"), double(m_deliveredAtLastPublish));
        if (m_doneNs > s.lastDoneNs && delivered > m_deliveredAtLastPublish)
            r.insert(QStringLiteral("afterPublishPerSec"),
                rounded(double(delivered - m_deliveredAtLastPublish) / nsToSec(m_doneNs - s.lastDoneNs), 1));
    }
    if (m_channel == Email)
        return r;

    qint64 duplicates = 0;
    for (int n : std::as_const(m_jobIds))
        duplicates += n - 1;
    qint64 missing = 0;
    for (const QString &nonce : std::as_const(m_accepted))
        missing += m_nonces.contains(nonce) ? 0 : 1;
    qint64 unexpected = 0;
    qint64 extraJobs = 0; // two jobs for one publish to one recipient
    for (auto it = m_nonces.constBegin(); it != m_nonces.constEnd(); ++it) {
        unexpected += m_accepted.contains(it.key()) ? 0 : 1;
        extraJobs += it.value() - 1;
    }
    LatencyRecorder latency = m_latency;
    const WebhookReceiver::Counters &c = m_receiver->counters();
    r.insert(QStringLiteral("requests"), double(m_requests));
    r.insert(QStringLiteral("jobs"), double(m_jobIds.size()));
    r.insert(QStringLiteral("duplicates"), double(duplicates));
    r.insert(QStringLiteral("missing"), double(missing));
    r.insert(QStringLiteral("unexpected"), double(unexpected));
    r.insert(QStringLiteral("extraJobs"), double(extraJobs));
    r.insert(QStringLiteral("foreign"), double(m_foreign));
    r.insert(QStringLiteral("receiverConnections"), double(c.connections - m_receiverBase.connections));
    r.insert(QStringLiteral("badRequests"), double(c.badRequests - m_receiverBase.badRequests));
    r.insert(QStringLiteral("clockSkewed"), double(m_clockSkewed));
    r.insert(QStringLiteral("receiveLatencyMs"), latency.summarize().toJsonMs());
    return r;
}

} // namespace Tidings::Bench
