#pragma once

#include <QtGlobal>

#include <ctime>

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

inline double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}

inline double nsToSec(qint64 ns)
{
    return double(ns) / 1e9;
}

} // namespace Tidings::Bench
