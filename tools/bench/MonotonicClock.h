#pragma once

#include <QtGlobal>

#include <ctime>
#include <sys/resource.h>

namespace Tidings::Bench {

// Nanoseconds on CLOCK_MONOTONIC. It is one clock for every process on the host,
// so a send time stamped by one worker process can be subtracted from a receive
// time taken in another; unlike CLOCK_REALTIME it never jumps when NTP adjusts.
inline qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Nanoseconds since the Unix epoch (CLOCK_REALTIME): only to compare with a
// timestamp another process wrote, such as the server's createdAt.
inline qint64 wallClockNs()
{
    timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// CPU seconds this process has used, user + system.
inline double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

inline double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}

inline double nsToSec(qint64 ns)
{
    return double(ns) / 1e9;
}

} // namespace Tidings::Bench
