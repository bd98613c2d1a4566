#pragma once

#include "core/BurstRule.h"
#include "protocol/Notification.h"
#include "util/Clock.h"

#include <QList>
#include <QObject>

#include <optional>

namespace Tidings::App {

// One toast on screen or waiting for a place: a single notification, or the
// summary of a burst from one topic ("12 new in orders").
struct Toast
{
    enum class Kind { Single, Summary, WhileAway };

    int key = 0; // stable for the toast's life
    Kind kind = Kind::Single;
    Notification notification; // Single: the notification; Summary: the latest of the burst
    QString topic;
    int count = 1; // Summary / WhileAway: how many notifications it stands for
    QDateTime arrivedAt;
    qint64 durationMs = 0; // 0: stays until dismissed
    qint64 remainingMs = 0; // time left while visible (frozen while hovered)
    bool hovered = false;

    [[nodiscard]] Priority priority() const { return notification.content.priority; }
    [[nodiscard]] bool sticky() const { return durationMs == 0; }
};

// The policy behind the built-in toasts, with no widgets in it: which toasts are
// visible, which wait, for how long each stays, what a burst collapses into, and
// what Do Not Disturb holds back. The window code shows `visible()` and calls
// tick() from a timer; all timing comes from the injected clock.
class ToastQueue : public QObject
{
    Q_OBJECT

public:
    enum class CloseReason { Expired, Dismissed, Displaced, Collapsed, Clicked };
    Q_ENUM(CloseReason)

    struct Options
    {
        int maxVisible = 5;
        qint64 lowMs = 3000;
        qint64 normalMs = 5000;
        qint64 highMs = 7000;
        qint64 urgentMs = 0; // 0: until dismissed
        // A burst (BurstRule): this many notifications of one topic within the
        // window collapse into one summary toast.
        int burstCount = BurstRule::Options {}.count;
        qint64 burstWindowMs = BurstRule::Options {}.windowMs;
    };

    explicit ToastQueue(const Clock &clock, QObject *parent = nullptr);
    ToastQueue(const Clock &clock, Options options, QObject *parent = nullptr);

    void setOptions(const Options &options) { m_options = options; }
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] qint64 durationFor(Priority priority) const;

    // A notification arrived. Under Do Not Disturb or quiet hours only urgent ones
    // are shown; the others are counted for the summary when it ends.
    void push(const Notification &notification);
    // Local Do Not Disturb and the server's quiet hours both suppress; when the last
    // of them ends, one toast says how many arrived meanwhile.
    void setDoNotDisturb(bool on);
    void setQuietHours(bool on);
    [[nodiscard]] bool isSuppressing() const { return m_dnd || m_quiet; }
    [[nodiscard]] int heldBack() const { return m_heldBack; }

    void dismiss(int key, CloseReason reason = CloseReason::Dismissed);
    // The pointer is over the toast: its time stands still.
    void setHovered(int key, bool hovered);
    // Expires toasts whose time is up and moves waiting ones up.
    void tick();
    // Milliseconds until the next toast expires (-1: none will), for the window's timer.
    [[nodiscard]] qint64 msUntilNextExpiry() const;

    [[nodiscard]] const QList<Toast> &visible() const { return m_visible; }
    [[nodiscard]] const QList<Toast> &waiting() const { return m_waiting; }
    [[nodiscard]] std::optional<Toast> find(int key) const;

Q_SIGNALS:
    void shown(const Tidings::App::Toast &toast);
    void updated(const Tidings::App::Toast &toast); // a summary counted another one
    void closed(int key, Tidings::App::ToastQueue::CloseReason reason);

private:
    void enqueue(Toast toast);
    void fill();
    void advance();
    // Counts `n` into its topic's summary, or makes one when `burst`.
    bool collapseInto(const Notification &n, bool burst);
    void setSuppression(bool dnd, bool quiet);
    void endSuppression();
    [[nodiscard]] static bool outranks(const Toast &a, const Toast &b);

    const Clock &m_clock;
    Options m_options;
    QList<Toast> m_visible; // oldest first
    QList<Toast> m_waiting; // highest priority first, then oldest
    BurstRule m_burst;
    int m_nextKey = 1;
    qint64 m_lastTickMs = 0;
    bool m_dnd = false;
    bool m_quiet = false;
    int m_heldBack = 0;
};

} // namespace Tidings::App

Q_DECLARE_METATYPE(Tidings::App::Toast)
