#pragma once

#include <QString>

namespace Tidings::Bench {

// Progress and warnings go to stderr, one line each, so stdout stays free for the
// result table (and, in a worker process, for the line protocol to the coordinator).
class Console
{
public:
    // Prefix for every line, e.g. "[w2] " in worker 2 of several; empty otherwise.
    static void setTag(const QString &tag);
    static void line(const QString &text);

    // Rate-limited progress: prints only if a second has passed since the last
    // progress line (or `force`), so a 10,000-user setup does not flood the terminal.
    static void progress(const QString &text, bool force = false);
};

} // namespace Tidings::Bench
