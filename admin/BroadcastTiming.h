#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <QtQml/qqmlregistration.h>

namespace Tidings {
class Clock;
}

namespace Tidings::Admin {

// When a broadcast goes out: now, once at a wall-clock date and time in a chosen
// IANA zone, or on a cron schedule read in that zone. It parses what the admin
// types and previews the next runs with the server's own CronSchedule, so the
// preview follows the rules the scheduler will apply (DST gaps, Vixie's day rule).
// The composer owns one (`BroadcastComposer.timing`).
class BroadcastTiming : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The broadcast composer owns its timing")
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    // The zone `dateText` and `cron` are read in (an IANA id; the system's at first).
    Q_PROPERTY(QString timeZone READ timeZone WRITE setTimeZone NOTIFY timeZoneChanged)
    // Every IANA id this system knows, for the zone picker.
    Q_PROPERTY(QStringList timeZones READ timeZones CONSTANT)
    // "YYYY-MM-DD HH:MM" on the wall clock of `timeZone` (mode At).
    Q_PROPERTY(QString dateText READ dateText WRITE setDateText NOTIFY dateTextChanged)
    // The instant `dateText` names, in UTC; invalid when it does not parse.
    Q_PROPERTY(QDateTime scheduledAt READ scheduledAt NOTIFY previewChanged)
    // `scheduledAt` for display, with the zone ("Fri 1 May 2026 09:00 CEST").
    Q_PROPERTY(QString scheduledAtText READ scheduledAtText NOTIFY previewChanged)
    // Why `dateText` is not usable (format, or in the past); empty when it is.
    Q_PROPERTY(QString dateError READ dateError NOTIFY previewChanged)
    Q_PROPERTY(QString cron READ cron WRITE setCron NOTIFY cronChanged)
    // 0 for no limit.
    Q_PROPERTY(int maxOccurrences READ maxOccurrences WRITE setMaxOccurrences NOTIFY maxOccurrencesChanged)
    Q_PROPERTY(bool cronValid READ isCronValid NOTIFY previewChanged)
    Q_PROPERTY(QString cronError READ cronError NOTIFY previewChanged)
    // The server's English description ("at 09:00 on Monday to Friday").
    Q_PROPERTY(QString cronDescription READ cronDescription NOTIFY previewChanged)
    // The next runs (up to 5, within maxOccurrences) formatted with the zone.
    Q_PROPERTY(QStringList nextRuns READ nextRuns NOTIFY previewChanged)

public:
    enum class Mode { Now, At, Recurring };
    Q_ENUM(Mode)

    static constexpr int PreviewRuns = 5;
    static constexpr int MaxOccurrencesLimit = 100000; // the server's bound

    explicit BroadcastTiming(QObject *parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    [[nodiscard]] QString timeZone() const { return m_timeZone; }
    void setTimeZone(const QString &timeZone);
    [[nodiscard]] static QStringList timeZones();
    [[nodiscard]] QString dateText() const { return m_dateText; }
    void setDateText(const QString &text);
    [[nodiscard]] QDateTime scheduledAt() const { return m_scheduledAt; }
    [[nodiscard]] QString scheduledAtText() const;
    [[nodiscard]] QString dateError() const { return m_dateError; }
    [[nodiscard]] QString cron() const { return m_cron; }
    void setCron(const QString &cron);
    [[nodiscard]] int maxOccurrences() const { return m_maxOccurrences; }
    void setMaxOccurrences(int max);
    [[nodiscard]] bool isCronValid() const { return m_cronError.isEmpty(); }
    [[nodiscard]] QString cronError() const { return m_cronError; }
    [[nodiscard]] QString cronDescription() const { return m_cronDescription; }
    [[nodiscard]] QStringList nextRuns() const;
    // The same runs as instants (UTC), for tests and the summary.
    [[nodiscard]] const QList<QDateTime> &nextRunTimes() const { return m_nextRuns; }

    // The clock "now" comes from for the preview and the past-date check (the
    // system clock by default); it must outlive this object. Re-evaluates.
    void setClock(const Clock *clock);
    // Recomputes the preview against the clock's current time.
    Q_INVOKABLE void refresh();
    // The next whole hour, in `timeZone`, as `dateText` (a sensible default).
    Q_INVOKABLE void suggestDate();
    // Back to "now" in the system zone, with a default cron and no limit.
    void reset();

    // Per-field complaints of the current mode: "scheduledAt", "cron",
    // "timezone", "maxOccurrences" -> message. Empty when usable.
    [[nodiscard]] QHash<QString, QString> errors() const;
    // The body keys of POST /api/broadcasts for this timing: `scheduledAt` for At,
    // `schedule` for Recurring, nothing for Now.
    [[nodiscard]] QJsonObject toJson() const;
    // "now", "on Fri 1 May 2026 09:00 CEST", "at 09:00 on Monday to Friday
    // (Europe/Berlin), first on ...": the end of the composer's summary.
    [[nodiscard]] QString describe() const;

    // `utc` on the wall clock of `zone`, with the zone's abbreviation.
    [[nodiscard]] static QString format(const QDateTime &utc, const QTimeZone &zone);

Q_SIGNALS:
    void modeChanged();
    void timeZoneChanged();
    void dateTextChanged();
    void cronChanged();
    void maxOccurrencesChanged();
    void previewChanged();
    // Anything that changes what would be sent.
    void changed();

private:
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QTimeZone zone() const;
    void evaluate();

    const Clock *m_clock;
    Mode m_mode = Mode::Now;
    QString m_timeZone;
    QString m_dateText;
    QDateTime m_scheduledAt;
    QString m_dateError;
    QString m_cron;
    int m_maxOccurrences = 0;
    QString m_cronError;
    QString m_cronDescription;
    QList<QDateTime> m_nextRuns;
};

} // namespace Tidings::Admin
