#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Tidings::Bench {

struct BenchOptions;

// Refresh tokens of the bench devices, kept between runs (mode 0600).
//
// Why: a login costs the server an Argon2id hash (tens of ms with the default
// parameters), so logging 10,000 devices in again takes minutes on every run. A
// refresh costs a SHA-256. Refresh tokens are single-use, so the file is rewritten
// with the new ones at the end of each run; a stale entry only costs a fallback
// to a normal login.
class SessionCache
{
public:
    struct Entry
    {
        QString refreshToken;
        QString deviceId;
    };

    // ~/.cache/tidings-bench/sessions-<host>-<port>-<prefix>.json
    [[nodiscard]] static QString defaultPath(const BenchOptions &options);
    [[nodiscard]] static QString key(const QString &username, int connection);

    bool load(const QString &path);
    bool save(const QString &path, QString *error) const;

    [[nodiscard]] bool contains(const QString &key) const { return m_entries.contains(key); }
    [[nodiscard]] Entry value(const QString &key) const { return m_entries.value(key); }
    void insert(const QString &key, const Entry &entry) { m_entries.insert(key, entry); }
    [[nodiscard]] int size() const { return int(m_entries.size()); }

    [[nodiscard]] QJsonObject toJson() const;
    void mergeJson(const QJsonObject &entries);

private:
    QHash<QString, Entry> m_entries;
};

} // namespace Tidings::Bench
