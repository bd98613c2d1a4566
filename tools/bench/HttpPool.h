#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <memory>
#include <vector>

namespace Tidings::Bench {

class HttpConnection;

// Which failures of a request are worth another attempt. Stale keep-alive
// connections are always retried once, transparently.
struct HttpRetry
{
    int maxAttempts = 1;
    bool networkErrors = false; // status 0
    bool rateLimited = false; // 429, after Retry-After
    bool unavailable = false; // 502/503/504
};

// A fixed number of keep-alive connections and a FIFO of requests: the number of
// connections is the concurrency bound (32 logins in flight, 64 publishes, ...).
class HttpPool : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    using Retry = HttpRetry;
    static Retry patient(int attempts = 30) { return Retry {attempts, true, true, true}; }

    // A request unanswered for this long fails like a dropped connection (and is
    // retried if its policy retries network errors).
    static constexpr qint64 RequestTimeoutNs = 60'000'000'000;

    HttpPool(const QUrl &server, int connections, QObject *parent = nullptr);
    ~HttpPool() override;

    void request(HttpRequest request, Callback callback, Retry retry = Retry());
    [[nodiscard]] int pending() const { return int(m_queue.size()) + m_active + m_waitingRetry; }
    [[nodiscard]] int queued() const { return int(m_queue.size()); }
    [[nodiscard]] int size() const { return int(m_connections.size()); }

Q_SIGNALS:
    void drained(); // nothing queued, in flight or waiting to retry

private:
    struct Job
    {
        HttpRequest request;
        Callback callback;
        Retry retry;
        int attempts = 0;
        bool staleRetried = false;
    };

    void pump();
    void onDone(int connection, HttpResponse &&response);
    void retryLater(Job job, int delayMs);
    void sweep();

    QString m_host;
    quint16 m_port;
    std::vector<std::unique_ptr<HttpConnection>> m_connections;
    std::vector<Job> m_jobs; // the job in flight on connection i
    std::vector<int> m_idle;
    std::deque<Job> m_queue;
    int m_active = 0;
    int m_waitingRetry = 0;
    QTimer m_sweep; // one per pool: fails requests the server never answers
};

} // namespace Tidings::Bench
