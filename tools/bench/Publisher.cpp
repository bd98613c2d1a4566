#include "Publisher.h"

#include "MonotonicClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Tidings::Bench {

namespace {
const QByteArray PublishPath = QByteArrayLiteral("/api/notifications");
}

Publisher::Publisher(const QUrl &server, int concurrency, int payloadBytes, QString nonceTag, QObject *parent)
    : QObject(parent)
    , m_pool(server, concurrency, this)
    , m_nonceTag(std::move(nonceTag))
{
    // The payload is plain ASCII, so it needs no escaping inside the JSON string.
    m_message = QByteArray(payloadBytes, 'x');
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(1);
    connect(&m_tick, &QTimer::timeout, this, &Publisher::onTick);
}

QByteArray Publisher::body(const QByteArray &targeting, const QString &nonce, int round, bool idempotent) const
{
    const QByteArray n = nonce.toLatin1();
    // Built by hand rather than with QJsonDocument: this runs thousands of times a
    // second in the process whose timing we report, and the send time must be taken
    // as late as possible, right before the bytes go out.
    QByteArray out;
    out.reserve(160 + targeting.size() + m_message.size() + m_channels.size());
    out += '{' + targeting + ",\"title\":\"tidings-bench\",\"message\":\"" + m_message
        + "\",\"priority\":\"normal\",\"data\":{\"t\":\"" + QByteArray::number(monotonicNs()) + "\",\"k\":\"" + m_kind
        + "\",\"r\":" + QByteArray::number(round) + ",\"n\":\"" + n + "\"}" + m_channels;
    if (idempotent)
        out += ",\"idempotencyKey\":\"" + n + '"';
    out += '}';
    return out;
}

void Publisher::setChannels(const QStringList &channels)
{
    m_channels = channels.isEmpty() ? QByteArray()
                                    : QByteArrayLiteral(",\"channels\":")
            + QJsonDocument(QJsonArray::fromStringList(channels)).toJson(QJsonDocument::Compact);
}

void Publisher::start(Mode mode, const QVector<Target> &targets, qint64 durationNs, const QString &kind, int round)
{
    m_round = round;
    m_mode = mode;
    m_running = true;
    m_stats = Stats();
    m_targets = targets;
    m_targeting.clear();
    m_targeting.reserve(targets.size());
    for (const Target &t : targets) {
        m_targeting.push_back(
            QByteArrayLiteral("\"recipients\":") + QJsonDocument(QJsonArray {t.userId}).toJson(QJsonDocument::Compact));
    }
    m_kind = kind.toLatin1();
    m_next = 0;
    m_startNs = monotonicNs();
    m_endNs = m_startNs + durationNs;
}

void Publisher::runPaced(const QVector<Target> &targets, double rate, qint64 durationNs, const QString &kind, int round)
{
    start(Mode::Paced, targets, durationNs, kind, round);
    m_rate = rate;
    if (targets.isEmpty()) {
        maybeFinish();
        return;
    }
    m_tick.start();
    onTick();
}

void Publisher::runClosedLoop(const QVector<Target> &targets, qint64 durationNs, const QString &kind, int round)
{
    start(Mode::ClosedLoop, targets, durationNs, kind, round);
    if (targets.isEmpty()) {
        maybeFinish();
        return;
    }
    for (int i = 0; i < m_pool.size(); ++i)
        issue(&m_targets[m_next++ % m_targets.size()], m_round, false);
}

void Publisher::runCount(const QVector<Target> &targets, qint64 total, const QString &kind, int round)
{
    start(Mode::Count, targets, 0, kind, round);
    m_total = targets.isEmpty() ? 0 : total;
    while (m_stats.sent < std::min<qint64>(m_total, m_pool.size()))
        issue(&m_targets[m_next++ % m_targets.size()], m_round, false);
    maybeFinish();
}

void Publisher::runSet(const QVector<Target> &targets, int perTarget, const QString &kind)
{
    start(Mode::Once, targets, 0, kind, 0);
    for (int round = 0; round < perTarget; ++round) {
        for (const Target &t : m_targets)
            issue(&t, round, true);
    }
    maybeFinish();
}

void Publisher::broadcast(int round)
{
    start(Mode::Once, {}, 0, QStringLiteral("bc"), round);
    issue(nullptr, round, true);
}

void Publisher::stop()
{
    m_tick.stop();
    m_running = false;
    m_mode = Mode::Idle;
}

void Publisher::onTick()
{
    const qint64 now = monotonicNs();
    const auto total = qint64(std::llround(double(m_endNs - m_startNs) / 1e9 * m_rate));
    const qint64 elapsed = std::min(now, m_endNs) - m_startNs;
    // Open loop: notification k is due at k/rate, whether or not earlier ones were
    // answered, so a slow server shows up as latency instead of a lower rate.
    const qint64 due = std::min(total, qint64(double(elapsed) / 1e9 * m_rate) + 1);
    while (m_stats.sent < due)
        issue(&m_targets[m_next++ % m_targets.size()], m_round, false);
    m_stats.maxQueued = std::max(m_stats.maxQueued, m_pool.queued());
    if (now >= m_endNs || m_stats.sent >= total) {
        m_tick.stop();
        maybeFinish();
    }
}

void Publisher::issue(const Target *target, int round, bool reliable)
{
    const QString nonce = m_nonceTag + QLatin1Char('-') + QString::number(++m_nonce);
    const int user = target ? target->user : -1;
    const QByteArray targeting
        = target ? m_targeting[int(target - m_targets.constData())] : QByteArrayLiteral("\"broadcast\":true");
    HttpRequest request;
    request.path = PublishPath;
    request.bearer = m_token;
    request.makeBody = [this, targeting, nonce, round, reliable] { return body(targeting, nonce, round, reliable); };
    ++m_stats.sent;
    if (m_stats.firstSendNs == 0)
        m_stats.firstSendNs = monotonicNs();
    m_pool.request(
        std::move(request), [this, user, nonce](const HttpResponse &response) { onResponse(response, user, nonce); },
        reliable ? HttpPool::patient(60) : HttpPool::Retry());
}

void Publisher::onResponse(const HttpResponse &response, int user, const QString &nonce)
{
    m_stats.lastDoneNs = std::max(m_stats.lastDoneNs, response.doneNs);
    if (response.status == 202) {
        ++m_stats.accepted;
        m_stats.http.add(response.doneNs - response.sentNs);
        if (m_onAccepted)
            m_onAccepted(user, nonce);
    } else {
        ++m_stats.failed;
        ++m_stats.failures[response.describe()];
    }
    if (m_mode == Mode::ClosedLoop && m_running && monotonicNs() < m_endNs)
        issue(&m_targets[m_next++ % m_targets.size()], m_round, false);
    else if (m_mode == Mode::Count && m_running && m_stats.sent < m_total)
        issue(&m_targets[m_next++ % m_targets.size()], m_round, false);
    maybeFinish();
}

void Publisher::maybeFinish()
{
    if (!m_running || m_pool.pending() > 0)
        return;
    if (m_mode == Mode::Paced && m_tick.isActive())
        return;
    if (m_mode == Mode::ClosedLoop && monotonicNs() < m_endNs)
        return;
    if (m_mode == Mode::Count && m_stats.sent < m_total)
        return;
    m_running = false;
    m_mode = Mode::Idle;
    // Queued, so whoever reacts does not run inside a socket's readyRead.
    QMetaObject::invokeMethod(this, &Publisher::finished, Qt::QueuedConnection);
}

} // namespace Tidings::Bench
