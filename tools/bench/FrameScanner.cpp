#include "FrameScanner.h"

namespace Tidings::Bench {

namespace {
bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}
} // namespace

QStringView FrameScanner::value(QStringView frame, QLatin1String key)
{
    const qsizetype n = frame.size();
    qsizetype from = 0;
    for (;;) {
        qsizetype at = frame.indexOf(key, from);
        if (at < 0)
            return {};
        from = at + key.size();
        // A key is "key" followed by optional blanks and a colon; anything else is
        // the same letters inside some other string.
        if (at == 0 || frame[at - 1] != QLatin1Char('"') || from >= n || frame[from] != QLatin1Char('"'))
            continue;
        qsizetype i = from + 1;
        while (i < n && isSpace(frame[i]))
            ++i;
        if (i >= n || frame[i] != QLatin1Char(':'))
            continue;
        ++i;
        while (i < n && isSpace(frame[i]))
            ++i;
        if (i >= n)
            return {};
        if (frame[i] == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n && frame[j] != QLatin1Char('"')) {
                if (frame[j] == QLatin1Char('\\'))
                    ++j;
                ++j;
            }
            return frame.mid(i + 1, std::min(j, n) - i - 1);
        }
        qsizetype j = i;
        while (j < n && frame[j] != QLatin1Char(',') && frame[j] != QLatin1Char('}') && frame[j] != QLatin1Char(']')
            && !isSpace(frame[j]))
            ++j;
        return frame.mid(i, j - i);
    }
}

FrameScanner::Notification FrameScanner::notification(QStringView frame)
{
    Notification n;
    bool ok = false;
    const qint64 seq = value(frame, QLatin1String("seq")).toLongLong(&ok);
    if (ok)
        n.seq = seq;
    n.sentNs = value(frame, QLatin1String("t")).toLongLong(&ok);
    if (!ok)
        n.sentNs = 0;
    n.kind = value(frame, QLatin1String("k"));
    const int round = value(frame, QLatin1String("r")).toInt(&ok);
    if (ok)
        n.round = round;
    n.nonce = value(frame, QLatin1String("n"));
    return n;
}

} // namespace Tidings::Bench
