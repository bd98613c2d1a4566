#include "MetricsSnapshot.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace Tidings::Bench {

namespace {

struct Sample
{
    QByteArray name;
    QHash<QByteArray, QString> labels;
    double value = 0;
};

// One sample line: `name{a="x",b="y"} value [timestamp]`. False for anything else.
bool parseSample(const QByteArray &line, Sample *out)
{
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && line.at(i) != '{' && line.at(i) != ' ')
        ++i;
    out->name = line.left(i);
    if (out->name.isEmpty())
        return false;
    if (i < n && line.at(i) == '{') {
        ++i;
        while (i < n && line.at(i) != '}') {
            const qsizetype eq = line.indexOf('=', i);
            if (eq < 0 || eq + 1 >= n || line.at(eq + 1) != '"')
                return false;
            const QByteArray key = line.mid(i, eq - i).trimmed();
            QByteArray value;
            qsizetype j = eq + 2;
            for (; j < n && line.at(j) != '"'; ++j) {
                if (line.at(j) == '\\' && j + 1 < n) {
                    ++j;
                    value += line.at(j) == 'n' ? '\n' : line.at(j);
                } else {
                    value += line.at(j);
                }
            }
            if (j >= n)
                return false;
            out->labels.insert(key, QString::fromUtf8(value));
            i = j + 1;
            if (i < n && line.at(i) == ',')
                ++i;
        }
        if (i >= n)
            return false;
        ++i; // '}'
    }
    const QList<QByteArray> rest = line.mid(i).simplified().split(' ');
    bool ok = false;
    const QByteArray v = rest.value(0);
    if (v == "+Inf")
        out->value = INFINITY;
    else
        out->value = v.toDouble(&ok);
    return ok || v == "+Inf";
}

} // namespace

Histogram Histogram::since(const Histogram &earlier) const
{
    Histogram d = *this;
    if (earlier.bounds != bounds)
        return d; // a different server (restarted?): nothing to subtract from
    for (int i = 0; i < d.cumulative.size(); ++i)
        d.cumulative[i] -= earlier.cumulative[i];
    d.count -= earlier.count;
    d.sum -= earlier.sum;
    return d;
}

std::optional<double> Histogram::quantile(double q) const
{
    if (count <= 0 || bounds.isEmpty())
        return std::nullopt;
    const double rank = std::clamp(q, 0.0, 1.0) * double(count);
    for (int i = 0; i < bounds.size(); ++i) {
        if (double(cumulative[i]) < rank)
            continue;
        const double lower = i == 0 ? 0.0 : bounds[i - 1];
        const double below = i == 0 ? 0.0 : double(cumulative[i - 1]);
        const double inBucket = double(cumulative[i]) - below;
        if (inBucket <= 0)
            return bounds[i];
        return lower + (bounds[i] - lower) * (rank - below) / inBucket;
    }
    // Above the highest finite bound: all that can be said is "more than that".
    return bounds.last();
}

std::optional<double> Histogram::mean() const
{
    if (count <= 0)
        return std::nullopt;
    return sum / double(count);
}

std::optional<MetricsSnapshot> MetricsSnapshot::parse(const QByteArray &text)
{
    MetricsSnapshot s;
    bool any = false;
    // Buckets arrive in any order in principle: collect, then sort by bound.
    QHash<QString, QList<QPair<double, qint64>>> buckets;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        Sample sample;
        if (!parseSample(line, &sample) || !sample.name.startsWith("tidings_"))
            continue;
        any = true;
        const QString channel = sample.labels.value("channel");
        if (sample.name == "tidings_deliveries_total") {
            s.m_deliveries.insert(channel + QLatin1Char('/') + sample.labels.value("status"), qint64(sample.value));
        } else if (sample.name == "tidings_queue_depth") {
            s.m_queueDepth = qint64(sample.value);
        } else if (sample.name == "tidings_delivery_latency_seconds_bucket") {
            const QString le = sample.labels.value("le");
            if (le == QLatin1String("+Inf")) {
                s.m_latency[channel].count = qint64(sample.value);
            } else {
                bool ok = false;
                const double bound = le.toDouble(&ok);
                if (ok)
                    buckets[channel].append({bound, qint64(sample.value)});
            }
        } else if (sample.name == "tidings_delivery_latency_seconds_sum") {
            s.m_latency[channel].sum = sample.value;
        } else if (sample.name == "tidings_delivery_latency_seconds_count") {
            s.m_latency[channel].count = qint64(sample.value);
        }
    }
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        Histogram &h = s.m_latency[it.key()];
        for (const auto &[bound, cumulative] : std::as_const(*it)) {
            h.bounds.append(bound);
            h.cumulative.append(cumulative);
        }
    }
    if (!any)
        return std::nullopt;
    return s;
}

qint64 MetricsSnapshot::deliveries(const QString &channel, const QString &status) const
{
    return m_deliveries.value(channel + QLatin1Char('/') + status);
}

Histogram MetricsSnapshot::latency(const QString &channel) const
{
    return m_latency.value(channel);
}

} // namespace Tidings::Bench
