#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace Tidings::Server {

// The versioned schema. Each migration is a list of SQL statements applied in one
// transaction and recorded in `schema_migrations`, so a crash mid-upgrade leaves the
// database at the previous version, never half-way. Migrations are append-only:
// a released one is never edited, a change is a new version.
//
// The SQL is SQLite's, written to stay close to PostgreSQL (TEXT ids, BIGINT
// milliseconds since the epoch in UTC, no AUTOINCREMENT, no WITHOUT ROWID) so the
// PostgreSQL store can follow the same versions.
class Migrations
{
public:
    struct Migration
    {
        int version = 0;
        QString description;
        QStringList statements;
    };

    // Every migration, ascending by version.
    [[nodiscard]] static const QList<Migration> &all();
    [[nodiscard]] static int latestVersion();

    // The highest applied version (0 for an empty database), or -1 when it cannot be read.
    [[nodiscard]] static int currentVersion(QSqlDatabase &db, QString *error = nullptr);

    // Applies the pending migrations up to `targetVersion` (-1 = latest), each in its
    // own transaction. A database newer than `targetVersion` is left alone and is not
    // an error here; SqliteStore::open() refuses a database newer than the code.
    // Tests use a lower target to build databases as older releases left them.
    [[nodiscard]] static bool apply(QSqlDatabase &db, int targetVersion = -1, QString *error = nullptr);
};

} // namespace Tidings::Server
