#include "LatencyRecorder.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Tidings::Bench {

qint64 LatencyRecorder::nearestRank(const std::vector<qint64> &sorted, double percent)
{
    if (sorted.empty())
        return 0;
    const auto n = double(sorted.size());
    auto rank = size_t(std::ceil(percent / 100.0 * n));
    rank = std::clamp<size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

LatencyRecorder::Summary LatencyRecorder::summarize()
{
    Summary s;
    if (m_samples.empty())
        return s;
    std::sort(m_samples.begin(), m_samples.end());
    s.count = qint64(m_samples.size());
    s.min = m_samples.front();
    s.max = m_samples.back();
    s.p50 = nearestRank(m_samples, 50);
    s.p95 = nearestRank(m_samples, 95);
    s.p99 = nearestRank(m_samples, 99);
    long double sum = 0;
    for (qint64 v : m_samples)
        sum += v;
    s.mean = double(sum / m_samples.size());
    return s;
}

QJsonObject LatencyRecorder::Summary::toJsonMs() const
{
    auto ms = [](double ns) { return std::round(ns / 1e3) / 1e3; }; // ms with µs resolution
    return {{QStringLiteral("samples"), double(count)}, {QStringLiteral("min"), ms(double(min))},
        {QStringLiteral("p50"), ms(double(p50))}, {QStringLiteral("p95"), ms(double(p95))},
        {QStringLiteral("p99"), ms(double(p99))}, {QStringLiteral("max"), ms(double(max))},
        {QStringLiteral("mean"), ms(mean)}};
}

bool LatencyRecorder::save(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const auto bytes = qint64(m_samples.size() * sizeof(qint64));
    return f.write(reinterpret_cast<const char *>(m_samples.data()), bytes) == bytes;
}

bool LatencyRecorder::appendFrom(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray raw = f.readAll();
    const size_t n = size_t(raw.size()) / sizeof(qint64);
    const size_t old = m_samples.size();
    m_samples.resize(old + n);
    std::memcpy(m_samples.data() + old, raw.constData(), n * sizeof(qint64));
    return true;
}

} // namespace Tidings::Bench
