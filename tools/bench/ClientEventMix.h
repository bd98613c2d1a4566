#pragma once

#include "protocol/StreamEvent.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <vector>

namespace Tidings::Bench {

// A user's stream as the client replays it, reproducible from a seed: about 70%
// notifications (distinct ids, five topics, ~60-character titles, ~200-character
// messages, some with actions and data), 20% reads of 1-3 earlier notifications,
// 5% unreads, 3% deletes and 2% readAll on one topic. Two mixes with the same seed
// produce the same events, so a replay can be applied a second time.
class ClientEventMix
{
public:
    explicit ClientEventMix(quint32 seed, qint64 firstSeq = 1);

    // The next `count` events of the mix, seqs consecutive.
    [[nodiscard]] QList<StreamEvent> next(int count);
    // The next event, a notification; `read` fills readAt and the status as a
    // replayed, already-read notification carries them.
    [[nodiscard]] StreamEvent nextNotification(bool read = false);
    // A read event for `ids` at the next seq.
    [[nodiscard]] StreamEvent nextRead(const QStringList &ids);

    [[nodiscard]] qint64 nextSeq() const { return m_seq; }
    [[nodiscard]] static const QStringList &topics();
    [[nodiscard]] static QString epoch() { return QStringLiteral("bench-epoch"); }

private:
    [[nodiscard]] StreamEvent nextEvent();
    [[nodiscard]] Notification makeNotification(qint64 seq, bool read);
    [[nodiscard]] QString makeId();
    [[nodiscard]] QString text(int targetChars, const QString &head);
    [[nodiscard]] QStringList earlierIds(int count);
    void forget(const QString &id);

    QRandomGenerator m_random;
    qint64 m_seq;
    // Notifications not deleted yet, for read/unread/delete events to refer to.
    std::vector<QString> m_live;
    QHash<QString, size_t> m_liveIndex;
};

} // namespace Tidings::Bench
