#pragma once

#include <QLatin1String>
#include <QStringView>

namespace Tidings::Bench {

// Pulls a few fields out of a server frame without building a QJsonDocument.
//
// Why: one broadcast to 10,000 connections is 10,000 frames (plus as many badge
// frames) read by this one thread, and the figure is "time until the last one got
// it". A full JSON parse per frame would put the bench's own cost into that
// figure. The keys scanned for are ours (the notification's data: t, k, r, n) or
// unique in a notification ("event", "seq"); rare frames (welcome, replayDone,
// resync) are still parsed properly.
class FrameScanner
{
public:
    // What the bench put into a notification's `data`, plus its stream position.
    struct Notification
    {
        qint64 seq = -1;
        qint64 sentNs = 0; // data.t: the publisher's monotonic send time
        QStringView kind; // data.k: lat | tp | bc | rs (which phase published it)
        int round = -1; // data.r: broadcast round
        QStringView nonce; // data.n: unique per publish, to check missed/duplicated
    };

    // The text of `"key": <value>`'s value: a string without its quotes (escapes are
    // left as they are) or a bare number/literal. Null when the key is absent.
    [[nodiscard]] static QStringView value(QStringView frame, QLatin1String key);
    [[nodiscard]] static QStringView event(QStringView frame) { return value(frame, QLatin1String("event")); }
    [[nodiscard]] static Notification notification(QStringView frame);
};

} // namespace Tidings::Bench
