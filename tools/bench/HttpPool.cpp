#include "HttpPool.h"

#include "HttpConnection.h"
#include "MonotonicClock.h"

#include <QRandomGenerator>
#include <QTimer>

namespace Tidings::Bench {

HttpPool::HttpPool(const QUrl &server, int connections, QObject *parent)
    : QObject(parent)
    , m_host(server.host())
    , m_port(quint16(server.port(80)))
{
    m_jobs.resize(size_t(connections));
    for (int i = connections - 1; i >= 0; --i) {
        m_connections.push_back(nullptr);
        m_idle.push_back(i);
    }
    // Connections are created on first use, so a pool sized for the worst case
    // costs no sockets until the load needs them.
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &HttpPool::sweep);
}

void HttpPool::sweep()
{
    if (m_active == 0) {
        m_sweep.stop();
        return;
    }
    const qint64 now = monotonicNs();
    for (const auto &connection : m_connections) {
        if (connection && connection->busy() && now - connection->sentNs() > RequestTimeoutNs)
            connection->close(QStringLiteral("no answer within %1 s").arg(RequestTimeoutNs / 1000000000));
    }
}

HttpPool::~HttpPool() = default;

void HttpPool::request(HttpRequest request, Callback callback, Retry retry)
{
    m_queue.push_back(Job {std::move(request), std::move(callback), retry, 0, false});
    pump();
}

void HttpPool::pump()
{
    while (!m_queue.empty() && !m_idle.empty()) {
        const int i = m_idle.back();
        m_idle.pop_back();
        auto &connection = m_connections[size_t(i)];
        if (!connection) {
            connection = std::make_unique<HttpConnection>(
                m_host, m_port, [this, i](HttpConnection *, HttpResponse &&r) { onDone(i, std::move(r)); }, this);
        }
        m_jobs[size_t(i)] = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_active;
        ++m_jobs[size_t(i)].attempts;
        connection->send(m_jobs[size_t(i)].request);
    }
    if (m_active > 0 && !m_sweep.isActive())
        m_sweep.start();
}

void HttpPool::onDone(int i, HttpResponse &&response)
{
    Job job = std::move(m_jobs[size_t(i)]);
    m_jobs[size_t(i)] = Job();
    --m_active;
    m_idle.push_back(i);

    if (response.status == 0 && response.staleConnection && !job.staleRetried) {
        job.staleRetried = true;
        --job.attempts;
        m_queue.push_front(std::move(job));
        pump();
        return;
    }
    const bool again = job.attempts < job.retry.maxAttempts
        && ((response.status == 0 && job.retry.networkErrors) || (response.status == 429 && job.retry.rateLimited)
            || ((response.status == 502 || response.status == 503 || response.status == 504) && job.retry.unavailable));
    if (again) {
        int delayMs = 0;
        if (response.retryAfterSec >= 0)
            delayMs = response.retryAfterSec * 1000;
        else
            delayMs = std::min(100 << std::min(job.attempts, 5), 2000);
        // Jitter, so that a batch that failed together does not retry together.
        delayMs += int(QRandomGenerator::global()->bounded(std::max(delayMs / 4, 1) + 1));
        retryLater(std::move(job), delayMs);
    } else {
        job.callback(response);
    }
    pump();
    if (pending() == 0)
        Q_EMIT drained();
}

void HttpPool::retryLater(Job job, int delayMs)
{
    ++m_waitingRetry;
    // Retries are rare (rate limits, a restarting server), so one single-shot timer
    // per retry is fine here, unlike per-connection timers on the hot path.
    auto shared = std::make_shared<Job>(std::move(job));
    QTimer::singleShot(delayMs, this, [this, shared] {
        --m_waitingRetry;
        m_queue.push_back(std::move(*shared));
        pump();
    });
}

} // namespace Tidings::Bench
