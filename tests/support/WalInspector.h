#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// Reads SQLite's write-ahead log to count commits, so tests can prove that a batch
// of publishes was stored in one transaction.
namespace Tidings::Test {

inline quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    const auto b = [&](qsizetype i) { return quint32(quint8(bytes.at(at + i))); };
    return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

// The number of transactions committed to the write-ahead log since it was last
// reset: its commit frames (a non-zero "database size after commit") of the current
// generation (the header's salts), read straight from the -wal file.
// See https://www.sqlite.org/fileformat2.html#the_write_ahead_log.
inline int walCommits(const QString &dbPath)
{
    QFile wal(dbPath + QStringLiteral("-wal"));
    if (!wal.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray bytes = wal.readAll();
    constexpr qsizetype headerSize = 32;
    constexpr qsizetype frameHeaderSize = 24;
    if (bytes.size() < headerSize)
        return 0;
    const qsizetype pageSize = bigEndian32(bytes, 8);
    const quint32 salt1 = bigEndian32(bytes, 16);
    const quint32 salt2 = bigEndian32(bytes, 20);
    int commits = 0;
    for (qsizetype at = headerSize; at + frameHeaderSize + pageSize <= bytes.size(); at += frameHeaderSize + pageSize) {
        if (bigEndian32(bytes, at + 8) != salt1 || bigEndian32(bytes, at + 12) != salt2)
            break; // a frame of an earlier generation: the log ends here
        if (bigEndian32(bytes, at + 4) != 0)
            ++commits;
    }
    return commits;
}

} // namespace Tidings::Test
