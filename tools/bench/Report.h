#pragma once

#include <QJsonObject>
#include <QString>

namespace Tidings::Bench {

// Presents the merged results: a table for people on stdout, the same figures as
// JSON for scripts and docs/benchmarks.md.
class Report
{
public:
    explicit Report(QJsonObject results);

    [[nodiscard]] QString table() const;
    void print() const;
    bool writeJson(const QString &path, QString *error) const;
    // 0 when nothing failed; 1 for failed connections, missed or duplicated
    // notifications, or a phase that could not complete.
    [[nodiscard]] int exitCode() const;
    // Prints the table, writes the JSON to `jsonPath` when it is set, and returns the
    // exit code (1 also when the JSON could not be written, which is said on stderr).
    [[nodiscard]] int publish(const QString &jsonPath) const;

private:
    QJsonObject m_results;
};

} // namespace Tidings::Bench
