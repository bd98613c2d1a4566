#pragma once

#include "ApiObject.h"
#include "ServerStats.h"
#include "TopTopicsModel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QPointF>
#include <QPointer>

namespace Tidings::Admin {

// The dashboard: what was sent, delivered, read, failed and clicked in a period
// (/api/analytics), the timeline of one of those figures per delivery channel for
// Qt Charts, latency percentiles, the busiest topics, and the server's live load
// (`live`). Periods end now: the last 24 hours by the hour, the last 7 or 30 days
// (today included) by the day, days beginning at midnight in the system's zone.
class Dashboard : public ApiObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Period period READ period WRITE setPeriod NOTIFY periodChanged)
    // True once a report was answered (the figures are 0 before).
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY reportChanged)
    // The range and bucket of the report shown (the one asked for before it answers).
    Q_PROPERTY(QDateTime from READ from NOTIFY reportChanged)
    Q_PROPERTY(QDateTime to READ to NOTIFY reportChanged)
    Q_PROPERTY(QString bucket READ bucket NOTIFY reportChanged)
    // The IANA zone days begin in (the system's).
    Q_PROPERTY(QString timeZone READ timeZone CONSTANT)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt NOTIFY reportChanged)

    Q_PROPERTY(qint64 sent READ sent NOTIFY reportChanged)
    Q_PROPERTY(qint64 delivered READ delivered NOTIFY reportChanged)
    Q_PROPERTY(qint64 read READ read NOTIFY reportChanged)
    Q_PROPERTY(qint64 failed READ failed NOTIFY reportChanged)
    Q_PROPERTY(qint64 clicked READ clicked NOTIFY reportChanged)
    Q_PROPERTY(qint64 dismissed READ dismissed NOTIFY reportChanged)
    // Fractions 0..1, as the server defines them (docs/protocol.md).
    Q_PROPERTY(double deliveryRate READ deliveryRate NOTIFY reportChanged)
    Q_PROPERTY(double readRate READ readRate NOTIFY reportChanged)
    Q_PROPERTY(double clickRate READ clickRate NOTIFY reportChanged)
    // Latency percentiles as text ("4.4 ms", "1.3 s", "21 min"), "—" without samples.
    Q_PROPERTY(QString latencyP50 READ latencyP50 NOTIFY reportChanged)
    Q_PROPERTY(QString latencyP95 READ latencyP95 NOTIFY reportChanged)
    Q_PROPERTY(QString latencyP99 READ latencyP99 NOTIFY reportChanged)
    Q_PROPERTY(qint64 latencySamples READ latencySamples NOTIFY reportChanged)

    // The delivery channels, in the order the chart shows them.
    Q_PROPERTY(QStringList channels READ channels CONSTANT)
    // The figure the timeline shows: sent, delivered, read, failed or clicked.
    Q_PROPERTY(QString timelineMetric READ timelineMetric WRITE setTimelineMetric NOTIFY timelineChanged)
    // The chart's axes: the first bucket's start, the end of the range, the largest
    // value of any channel's timeline (0 without activity).
    Q_PROPERTY(QDateTime timelineStart READ timelineStart NOTIFY timelineChanged)
    Q_PROPERTY(QDateTime timelineEnd READ timelineEnd NOTIFY timelineChanged)
    Q_PROPERTY(double timelineMax READ timelineMax NOTIFY timelineChanged)
    // A round value axis maximum above timelineMax (at least 4), in 4 even steps.
    Q_PROPERTY(double axisMax READ axisMax NOTIFY timelineChanged)
    Q_PROPERTY(int bucketCount READ bucketCount NOTIFY timelineChanged)

    Q_PROPERTY(Tidings::Admin::TopTopicsModel *topTopics READ topTopics CONSTANT)
    Q_PROPERTY(Tidings::Admin::ServerStats *live READ live CONSTANT)

public:
    enum class Period { Last24Hours, Last7Days, Last30Days };
    Q_ENUM(Period)

    explicit Dashboard(QObject *parent = nullptr);
    ~Dashboard() override;

    [[nodiscard]] Period period() const { return m_period; }
    void setPeriod(Period period);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QDateTime from() const { return m_from; }
    [[nodiscard]] QDateTime to() const { return m_to; }
    [[nodiscard]] QString bucket() const;
    [[nodiscard]] QString timeZone() const { return m_timeZone; }
    [[nodiscard]] QDateTime updatedAt() const { return m_updatedAt; }

    [[nodiscard]] qint64 sent() const { return count("sent"); }
    [[nodiscard]] qint64 delivered() const { return count("delivered"); }
    [[nodiscard]] qint64 read() const { return count("read"); }
    [[nodiscard]] qint64 failed() const { return count("failed"); }
    [[nodiscard]] qint64 clicked() const { return count("clicked"); }
    [[nodiscard]] qint64 dismissed() const { return count("dismissed"); }
    [[nodiscard]] double deliveryRate() const { return rate("delivery"); }
    [[nodiscard]] double readRate() const { return rate("read"); }
    [[nodiscard]] double clickRate() const { return rate("click"); }
    [[nodiscard]] QString latencyP50() const { return latency("p50"); }
    [[nodiscard]] QString latencyP95() const { return latency("p95"); }
    [[nodiscard]] QString latencyP99() const { return latency("p99"); }
    [[nodiscard]] qint64 latencySamples() const;

    [[nodiscard]] QStringList channels() const;
    [[nodiscard]] QString timelineMetric() const { return m_metric; }
    void setTimelineMetric(const QString &metric);
    [[nodiscard]] QDateTime timelineStart() const;
    [[nodiscard]] QDateTime timelineEnd() const { return m_to; }
    [[nodiscard]] double timelineMax() const;
    [[nodiscard]] double axisMax() const;
    [[nodiscard]] int bucketCount() const;

    [[nodiscard]] TopTopicsModel *topTopics() { return &m_topTopics; }
    [[nodiscard]] ServerStats *live() { return &m_live; }

    // Asks for the report of the period again, and for the live figures.
    Q_INVOKABLE void refresh();
    // Keeps `series` (a Qt Charts LineSeries or any QXYSeries) showing `channel`'s
    // timeline of the chosen metric, points at the buckets' starts; until the
    // series is destroyed or another one is attached for the channel.
    Q_INVOKABLE void attachSeries(const QString &channel, QObject *series);
    // Keeps `axis` (a Qt Charts CategoryAxis) spanning the timeline, labelled at
    // round times: every 3 hours for the last 24 hours, every day for 7 days, every
    // 5 days for 30 days.
    Q_INVOKABLE void attachAxis(QObject *axis);
    // `channel`'s timeline of the chosen metric, [{t, value}] (for tests and the
    // chart's accessible summary).
    Q_INVOKABLE QVariantList timeline(const QString &channel) const;

    // A latency in milliseconds as text: "4.4 ms", "850 ms", "1.3 s", "21 min".
    [[nodiscard]] static QString formatLatency(double ms);

Q_SIGNALS:
    void periodChanged();
    void reportChanged();
    void timelineChanged();

protected:
    void sessionStateChanged(bool signedIn) override;

private:
    [[nodiscard]] qint64 count(const char *key) const;
    [[nodiscard]] double rate(const char *key) const;
    [[nodiscard]] QString latency(const char *key) const;
    [[nodiscard]] QList<QPointF> points(const QString &channel) const;
    // The range and bucket of the period, ending at `now`.
    void computeRange(const QDateTime &now);
    void fillSeries();
    void fillAxis();
    // The bucket starts (ms since the epoch) of the report shown.
    [[nodiscard]] QList<qint64> bucketStarts() const;

    Period m_period = Period::Last7Days;
    QString m_timeZone;
    QDateTime m_from;
    QDateTime m_to;
    QDateTime m_updatedAt;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QJsonObject m_report;
    QHash<QString, QJsonArray> m_timelines; // channel -> byChannel.<channel>.timeline
    QString m_metric = QStringLiteral("sent");
    QHash<QString, QPointer<QObject>> m_series; // channel -> QXYSeries
    QPointer<QObject> m_axis; // QCategoryAxis
    TopTopicsModel m_topTopics;
    ServerStats m_live;
};

} // namespace Tidings::Admin
