#include "store/SqliteStore.h"

#include "store/Migrations.h"
#include "store/SqlValues.h"
#include "store/StoreLogging.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Tidings::Server {

Q_LOGGING_CATEGORY(lcStore, "tidings.server.store")

using namespace SqlValues;

namespace {

const QLatin1String kUserColumns("id, username, display_name, email, role, disabled, created_at, locale");

User userFrom(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toString();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.email = q.value(3).toString();
    u.role = q.value(4).toString();
    u.disabled = q.value(5).toLongLong() != 0;
    u.createdAt = timeFrom(q.value(6));
    u.locale = q.value(7).toString();
    return u;
}

// Usernames compare without case in every script; the folded form is what is indexed.
QString usernameKey(const QString &username)
{
    return username.toCaseFolded();
}

} // namespace

// ---- statements and transactions

SqliteStore::Stmt::Stmt(Stmt &&other) noexcept
    : m_q(std::exchange(other.m_q, nullptr))
{
}

SqliteStore::Stmt::~Stmt()
{
    if (m_q)
        m_q->finish();
}

SqliteStore::Transaction::Transaction(SqliteStore &store)
    : m_store(store)
{
    m_active = static_cast<bool>(m_store.run(QStringLiteral("BEGIN IMMEDIATE")));
}

SqliteStore::Transaction::~Transaction()
{
    if (m_active)
        (void)m_store.run(QStringLiteral("ROLLBACK"));
}

bool SqliteStore::Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_store.run(QStringLiteral("COMMIT")))
        return true;
    // A failed COMMIT (SQLITE_BUSY, disk full) leaves the transaction open.
    const QString why = m_store.m_lastError;
    (void)m_store.run(QStringLiteral("ROLLBACK"));
    m_store.m_lastError = why;
    return false;
}

SqliteStore::Stmt SqliteStore::run(const QString &sql, const QVariant *values, qsizetype count)
{
    if (!m_db.isOpen()) {
        setError(QStringLiteral("the database is not open"));
        return {};
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            setError(QStringLiteral("cannot prepare [%1]").arg(sql), q->lastError());
            return {};
        }
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    QSqlQuery *q = it->second.get();
    for (qsizetype i = 0; i < count; ++i)
        q->bindValue(int(i), values[i]);
    if (!q->exec()) {
        setError(QStringLiteral("[%1]").arg(sql), q->lastError());
        q->finish();
        return {};
    }
    return Stmt(q);
}

qint64 SqliteStore::change(const QString &sql, std::initializer_list<QVariant> values)
{
    const Stmt s = run(sql, values);
    return s ? s->numRowsAffected() : -1;
}

std::optional<QVariant> SqliteStore::scalar(
    const QString &sql, std::initializer_list<QVariant> values, const QVariant &fallback)
{
    const Stmt s = run(sql, values);
    if (!s)
        return std::nullopt;
    return s->next() ? s->value(0) : fallback;
}

QStringList SqliteStore::column(const QString &sql, std::initializer_list<QVariant> values)
{
    QStringList out;
    const Stmt s = run(sql, values);
    if (s) {
        while (s->next())
            out.append(s->value(0).toString());
    }
    return out;
}

void SqliteStore::setError(const QString &context, const QSqlError &error)
{
    setError(context + QLatin1String(": ") + error.text());
}

void SqliteStore::setError(const QString &message)
{
    m_lastError = message;
    qCWarning(lcStore).noquote() << m_path << message;
}

// ---- lifetime

SqliteStore::SqliteStore(QString path, Options options)
    : m_path(std::move(path))
    , m_options(options)
    , m_connectionName(QStringLiteral("tidings-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
}

SqliteStore::~SqliteStore()
{
    // Every QSqlQuery must be gone before the connection is removed, or Qt keeps it alive
    // and warns that it is still in use.
    m_statements.clear();
    if (m_db.isOpen()) {
        {
            QSqlQuery q(m_db);
            (void)q.exec(QStringLiteral("PRAGMA optimize"));
        }
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqliteStore::open()
{
    if (m_db.isOpen())
        return true;
    if (!m_db.isValid()) {
        setError(QStringLiteral("the QSQLITE driver is not available"));
        return false;
    }
    if (m_path != QLatin1String(":memory:")) {
        const QFileInfo info(m_path);
        if (!QDir().mkpath(info.absolutePath())) {
            setError(QStringLiteral("cannot create the directory of ") + m_path);
            return false;
        }
    }
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        setError(QStringLiteral("cannot open ") + m_path, m_db.lastError());
        return false;
    }

    const auto fail = [this](const QString &message) {
        setError(message);
        m_statements.clear();
        m_db.close();
        return false;
    };
    if (!applyPragmas())
        return fail(m_lastError);

    QString why;
    const int found = Migrations::currentVersion(m_db, &why);
    if (found < 0)
        return fail(QStringLiteral("cannot read the schema version: ") + why);
    if (found > Migrations::latestVersion()) {
        return fail(QStringLiteral("the database is at schema version %1, newer than this tidingsd knows (%2)")
                        .arg(found)
                        .arg(Migrations::latestVersion()));
    }
    if (!Migrations::apply(m_db, -1, &why))
        return fail(why);
    m_schemaVersion = Migrations::currentVersion(m_db, &why);
    if (m_schemaVersion < 0)
        return fail(QStringLiteral("cannot read the schema version: ") + why);
    if (!ensureEpoch())
        return fail(m_lastError);
    qCDebug(lcStore).noquote() << "opened" << m_path << "schema" << m_schemaVersion << "epoch" << m_epoch;
    return true;
}

bool SqliteStore::applyPragmas()
{
    QSqlQuery q(m_db);
    const auto pragma = [&](const QString &sql) {
        if (q.exec(sql))
            return true;
        setError(sql, q.lastError());
        return false;
    };
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    if (!pragma(QStringLiteral("PRAGMA busy_timeout = %1").arg(qMax(0, m_options.busyTimeoutMs))))
        return false;
    if (!pragma(QStringLiteral("PRAGMA journal_mode = WAL")))
        return false;
    // An in-memory database answers "memory"; that is fine for it.
    if (q.next() && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCInfo(lcStore).noquote() << m_path << "is not in WAL mode:" << q.value(0).toString();
    q.finish();
    if (!pragma(m_options.synchronousFull ? QStringLiteral("PRAGMA synchronous = FULL")
                                          : QStringLiteral("PRAGMA synchronous = NORMAL")))
        return false;
    // A broadcast touches a leaf page per recipient in each per-user index; the default
    // 2 MiB cache would spill them to the WAL mid-transaction and read them back.
    if (!pragma(QStringLiteral("PRAGMA cache_size = -32768")) || !pragma(QStringLiteral("PRAGMA temp_store = MEMORY")))
        return false;
    return pragma(QStringLiteral("PRAGMA foreign_keys = ON"));
}

bool SqliteStore::ensureEpoch()
{
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    const auto stored = scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'epoch'"), {});
    if (!stored)
        return false;
    QString epoch = stored->toString();
    if (epoch.isEmpty()) {
        epoch = newId();
        if (change(QStringLiteral("INSERT INTO meta (key, value) VALUES ('epoch', ?)"), {epoch}) < 0)
            return false;
    }
    if (!tx.commit())
        return false;
    m_epoch = epoch;
    return true;
}

bool SqliteStore::ping()
{
    const auto one = scalar(QStringLiteral("SELECT 1"), {});
    return one && one->toInt() == 1;
}

// ---- users

bool SqliteStore::createUser(const User &user, const QByteArray &passwordHash)
{
    if (user.id.isEmpty() || user.username.isEmpty()) {
        setError(QStringLiteral("a user needs an id and a username"));
        return false;
    }
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    const QString key = usernameKey(user.username);
    const auto taken = scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username_key = ?"), {key});
    if (!taken)
        return false;
    if (taken->toLongLong() > 0) {
        m_lastError = QStringLiteral("username already exists");
        return false;
    }
    const QDateTime createdAt = user.createdAt.isValid() ? user.createdAt : QDateTime::currentDateTimeUtc();
    if (change(QStringLiteral("INSERT INTO users (id, username, username_key, display_name, email, role, disabled,"
                              " password_hash, created_at, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {user.id, user.username, key, text(user.displayName), text(user.email), text(user.role),
                user.disabled ? 1 : 0, passwordHash, timeMs(createdAt), text(user.locale)})
        < 0)
        return false;
    return tx.commit();
}

bool SqliteStore::updateUser(const User &user)
{
    const qint64 n = change(
        QStringLiteral("UPDATE users SET display_name = ?, email = ?, role = ?, disabled = ?, locale = ?"
                       " WHERE id = ?"),
        {text(user.displayName), text(user.email), text(user.role), user.disabled ? 1 : 0, text(user.locale), user.id});
    if (n == 0)
        m_lastError = QStringLiteral("no such user");
    return n > 0;
}

bool SqliteStore::setPasswordHash(const QString &userId, const QByteArray &passwordHash)
{
    const qint64 n = change(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {passwordHash, userId});
    if (n == 0)
        m_lastError = QStringLiteral("no such user");
    return n > 0;
}

std::optional<User> SqliteStore::userById(const QString &id)
{
    static const QString sql = QLatin1String("SELECT ") + kUserColumns + QLatin1String(" FROM users WHERE id = ?");
    const Stmt s = run(sql, {id});
    if (!s || !s->next())
        return std::nullopt;
    return userFrom(*s);
}

std::optional<User> SqliteStore::userByUsername(const QString &username)
{
    static const QString sql
        = QLatin1String("SELECT ") + kUserColumns + QLatin1String(" FROM users WHERE username_key = ?");
    const Stmt s = run(sql, {usernameKey(username)});
    if (!s || !s->next())
        return std::nullopt;
    return userFrom(*s);
}

QByteArray SqliteStore::passwordHash(const QString &userId)
{
    const auto hash = scalar(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {userId});
    return hash ? hash->toByteArray() : QByteArray();
}

QList<User> SqliteStore::listUsers(const QString &search, int offset, int limit)
{
    static const QString all = QLatin1String("SELECT ") + kUserColumns
        + QLatin1String(" FROM users ORDER BY username_key, id LIMIT ? OFFSET ?");
    // LIKE folds ASCII only; the username side compares folded forms, so it is exact.
    static const QString matching = QLatin1String("SELECT ") + kUserColumns
        + QLatin1String(" FROM users WHERE username_key LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\'"
                        " OR email LIKE ? ESCAPE '\\' ORDER BY username_key, id LIMIT ? OFFSET ?");
    const qint64 lim = limit > 0 ? limit : -1;
    const qint64 off = qMax(0, offset);
    const QString pattern = containsPattern(search);
    const Stmt s = search.isEmpty() ? run(all, {lim, off})
                                    : run(matching, {containsPattern(usernameKey(search)), pattern, pattern, lim, off});
    QList<User> out;
    if (s) {
        while (s->next())
            out.append(userFrom(*s));
    }
    return out;
}

qint64 SqliteStore::countUsers(const QString &search)
{
    if (search.isEmpty()) {
        const auto n = scalar(QStringLiteral("SELECT COUNT(*) FROM users"), {});
        return n ? n->toLongLong() : 0;
    }
    const QString pattern = containsPattern(search);
    const auto n = scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username_key LIKE ? ESCAPE '\\'"
                                         " OR display_name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'"),
        {containsPattern(usernameKey(search)), pattern, pattern});
    return n ? n->toLongLong() : 0;
}

QStringList SqliteStore::resolveUserRefs(const QStringList &idsOrUsernames)
{
    if (idsOrUsernames.isEmpty())
        return {};
    QStringList keys;
    keys.reserve(idsOrUsernames.size());
    for (const QString &ref : idsOrUsernames)
        keys.append(usernameKey(ref));
    const Stmt s = run(QStringLiteral("SELECT id, username_key FROM users"
                                      " WHERE id IN (SELECT value FROM json_each(?))"
                                      " OR username_key IN (SELECT value FROM json_each(?))"),
        {json(idsOrUsernames), json(keys)});
    if (!s)
        return {};
    QSet<QString> ids;
    QHash<QString, QString> idByKey;
    while (s->next()) {
        const QString id = s->value(0).toString();
        ids.insert(id);
        idByKey.insert(s->value(1).toString(), id);
    }
    QStringList out;
    out.reserve(idsOrUsernames.size());
    for (int i = 0; i < idsOrUsernames.size(); ++i) {
        // An id wins over a username that happens to look like one.
        const QString &ref = idsOrUsernames.at(i);
        const QString id = ids.contains(ref) ? ref : idByKey.value(keys.at(i));
        if (!id.isEmpty())
            out.append(id);
    }
    return distinct(out);
}

QStringList SqliteStore::userIdsWithRoles(const QStringList &roles)
{
    return column(QStringLiteral("SELECT id FROM users WHERE disabled = 0"
                                 " AND role IN (SELECT value FROM json_each(?)) ORDER BY username_key"),
        {json(roles)});
}

QStringList SqliteStore::allUserIds()
{
    return column(QStringLiteral("SELECT id FROM users WHERE disabled = 0 ORDER BY username_key"), {});
}

} // namespace Tidings::Server
