#include "Console.h"

#include "MonotonicClock.h"

#include <cstdio>

namespace Tidings::Bench {

namespace {
QString &tag()
{
    static QString value;
    return value;
}
qint64 &lastProgressNs()
{
    static qint64 value = 0;
    return value;
}
} // namespace

void Console::setTag(const QString &value)
{
    tag() = value;
}

void Console::line(const QString &text)
{
    const QByteArray utf8 = (tag() + text).toUtf8();
    std::fprintf(stderr, "%s\n", utf8.constData());
    std::fflush(stderr);
}

void Console::progress(const QString &text, bool force)
{
    const qint64 now = monotonicNs();
    if (!force && now - lastProgressNs() < 1000000000)
        return;
    lastProgressNs() = now;
    line(text);
}

} // namespace Tidings::Bench
