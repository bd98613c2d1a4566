#include "store/Migrations.h"

#include "store/StoreLogging.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Tidings::Server {

namespace {

// v1: identity, topics, the message store, inboxes and the per-user event streams.
// Times are BIGINT milliseconds since the epoch (UTC); lists and documents are JSON text.
QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE meta ("
                       " key TEXT PRIMARY KEY,"
                       " value TEXT NOT NULL)"),

        // username_key is the case-folded username: uniqueness and lookups are
        // case-insensitive for every script, which SQLite's ASCII-only lower() is not.
        QStringLiteral("CREATE TABLE users ("
                       " id TEXT PRIMARY KEY,"
                       " username TEXT NOT NULL,"
                       " username_key TEXT NOT NULL,"
                       " display_name TEXT NOT NULL DEFAULT '',"
                       " email TEXT NOT NULL DEFAULT '',"
                       " role TEXT NOT NULL DEFAULT 'user',"
                       " disabled INTEGER NOT NULL DEFAULT 0,"
                       " password_hash BLOB,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX users_username_key ON users (username_key)"),

        // Device ids are chosen by clients, so they are only unique per user.
        QStringLiteral("CREATE TABLE devices ("
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " id TEXT NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " platform TEXT NOT NULL DEFAULT '',"
                       " push_subscription TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " last_seen_at BIGINT,"
                       " PRIMARY KEY (user_id, id))"),

        QStringLiteral("CREATE TABLE refresh_tokens ("
                       " token_hash TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " device_id TEXT NOT NULL DEFAULT '',"
                       " family_id TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " expires_at BIGINT NOT NULL,"
                       " used_at BIGINT,"
                       " revoked_at BIGINT)"),
        QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)"),
        QStringLiteral("CREATE INDEX refresh_tokens_user_device ON refresh_tokens (user_id, device_id)"),

        QStringLiteral("CREATE TABLE api_tokens ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " scopes TEXT NOT NULL DEFAULT '[]',"
                       " topic_globs TEXT NOT NULL DEFAULT '[]',"
                       " token_hash TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " last_used_at BIGINT)"),
        QStringLiteral("CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)"),
        QStringLiteral("CREATE INDEX api_tokens_user ON api_tokens (user_id)"),

        QStringLiteral("CREATE TABLE topics ("
                       " name TEXT PRIMARY KEY,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " read_acl TEXT NOT NULL DEFAULT '[\"*\"]',"
                       " publish_acl TEXT NOT NULL DEFAULT '[]',"
                       " grouping_mode TEXT NOT NULL DEFAULT 'count',"
                       " group_window_sec INTEGER NOT NULL DEFAULT 300,"
                       " created_at BIGINT NOT NULL)"),
        // No foreign key to topics: publishing to a topic nobody configured is allowed,
        // and so is subscribing to it.
        QStringLiteral("CREATE TABLE topic_subscriptions ("
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " topic TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (user_id, topic))"),
        QStringLiteral("CREATE INDEX topic_subscriptions_topic ON topic_subscriptions (topic, user_id)"),

        QStringLiteral("CREATE TABLE preferences ("
                       " user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
                       " document TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),

        QStringLiteral("CREATE TABLE messages ("
                       " id TEXT PRIMARY KEY,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " type TEXT NOT NULL DEFAULT '',"
                       " title TEXT NOT NULL DEFAULT '',"
                       " message TEXT NOT NULL DEFAULT '',"
                       " format TEXT NOT NULL DEFAULT 'text',"
                       " priority INTEGER NOT NULL DEFAULT 3,"
                       " tags TEXT NOT NULL DEFAULT '[]',"
                       " click TEXT NOT NULL DEFAULT '',"
                       " icon TEXT NOT NULL DEFAULT '',"
                       " actions TEXT NOT NULL DEFAULT '[]',"
                       " data TEXT NOT NULL DEFAULT '{}',"
                       " group_key TEXT NOT NULL DEFAULT '',"
                       " sender_kind TEXT NOT NULL DEFAULT '',"
                       " sender_id TEXT NOT NULL DEFAULT '',"
                       " sender_name TEXT NOT NULL DEFAULT '',"
                       " channels TEXT NOT NULL DEFAULT '[]',"
                       " created_at BIGINT NOT NULL,"
                       " scheduled_at BIGINT,"
                       " expires_at BIGINT,"
                       " template_id TEXT NOT NULL DEFAULT '')"),

        // One row per recipient. seq is the recipient's stream position; 0 while the
        // row is scheduled (it takes a seq when the delivery pipeline releases it).
        // topic and expires_at are copies of the message's, so unread counts never
        // touch the messages table.
        QStringLiteral("CREATE TABLE inbox ("
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
                       " seq BIGINT NOT NULL,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'pending',"
                       " delivered_at BIGINT,"
                       " read_at BIGINT,"
                       " deleted_at BIGINT,"
                       " created_at BIGINT NOT NULL,"
                       " expires_at BIGINT,"
                       " PRIMARY KEY (user_id, message_id))"),
        // Queries that use it must say "seq > 0" literally, or SQLite cannot prove the
        // partial index applies.
        QStringLiteral("CREATE UNIQUE INDEX inbox_user_seq ON inbox (user_id, seq) WHERE seq > 0"),
        QStringLiteral("CREATE INDEX inbox_unread ON inbox (user_id, topic, expires_at)"
                       " WHERE read_at IS NULL AND deleted_at IS NULL AND seq > 0"),

        // head_seq: the last seq handed out. pruned_below: the highest seq removed by
        // retention, so a client resuming from an older seq must resync.
        QStringLiteral("CREATE TABLE stream_heads ("
                       " user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
                       " head_seq BIGINT NOT NULL DEFAULT 0,"
                       " pruned_below BIGINT NOT NULL DEFAULT 0)"),

        // kind: notification | read | unread | readAll | deleted. Notification events
        // point at the message (rebuilt from messages + inbox on replay); the others
        // carry their JSON payload.
        QStringLiteral("CREATE TABLE stream_events ("
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " seq BIGINT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " message_id TEXT,"
                       " payload TEXT,"
                       " at BIGINT NOT NULL,"
                       " PRIMARY KEY (user_id, seq))"),
        QStringLiteral("CREATE INDEX stream_events_at ON stream_events (at)"),

        QStringLiteral("CREATE TABLE idempotency_keys ("
                       " sender_key TEXT NOT NULL,"
                       " idem_key TEXT NOT NULL,"
                       " message_id TEXT NOT NULL,"
                       " response TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (sender_key, idem_key))"),
    };
}

// v2: what the delivery pipeline, templates and analytics need, and the index that
// makes "all recipients of a message" cheap (idempotent replays, broadcast stats).
QStringList schemaV2()
{
    return {
        QStringLiteral("CREATE TABLE templates ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " current_version INTEGER NOT NULL DEFAULT 0,"
                       " created_by TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " deleted_at BIGINT)"),
        QStringLiteral("CREATE UNIQUE INDEX templates_name ON templates (name) WHERE deleted_at IS NULL"),
        // Every edit is a new version, so a message can always be traced to the text it used.
        QStringLiteral("CREATE TABLE template_versions ("
                       " template_id TEXT NOT NULL REFERENCES templates (id) ON DELETE CASCADE,"
                       " version INTEGER NOT NULL,"
                       " locale TEXT NOT NULL DEFAULT '',"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " body TEXT NOT NULL DEFAULT '',"
                       " html TEXT NOT NULL DEFAULT '',"
                       " variables TEXT NOT NULL DEFAULT '[]',"
                       " created_by TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (template_id, version, locale))"),

        // One job per recipient and out-of-app channel. Workers claim due pending jobs
        // (locked_by/locked_until, FOR UPDATE SKIP LOCKED on PostgreSQL); a job left in
        // `sending` past locked_until belongs to a crashed worker and is reclaimed.
        QStringLiteral("CREATE TABLE delivery_jobs ("
                       " id TEXT PRIMARY KEY,"
                       " message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
                       " user_id TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'pending'"
                       "  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at BIGINT NOT NULL,"
                       " locked_by TEXT,"
                       " locked_until BIGINT,"
                       " last_error TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX delivery_jobs_due ON delivery_jobs (next_attempt_at) WHERE state = 'pending'"),
        QStringLiteral("CREATE INDEX delivery_jobs_stale ON delivery_jobs (locked_until) WHERE state = 'sending'"),
        QStringLiteral("CREATE INDEX delivery_jobs_message ON delivery_jobs (message_id)"),

        // Append-only: every attempt and every receipt (delivered, read, clicked), which
        // analytics aggregates by time, topic and channel. Kept when messages are pruned.
        QStringLiteral("CREATE TABLE delivery_log ("
                       " id TEXT PRIMARY KEY,"
                       " job_id TEXT,"
                       " message_id TEXT NOT NULL,"
                       " user_id TEXT NOT NULL,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " channel TEXT NOT NULL,"
                       " event TEXT NOT NULL,"
                       " attempt INTEGER NOT NULL DEFAULT 0,"
                       " error TEXT,"
                       " latency_ms BIGINT,"
                       " at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX delivery_log_at ON delivery_log (at)"),
        QStringLiteral("CREATE INDEX delivery_log_message ON delivery_log (message_id)"),

        QStringLiteral("CREATE TABLE client_operations ("
                       " user_id TEXT NOT NULL,"
                       " op_id TEXT NOT NULL,"
                       " at BIGINT NOT NULL,"
                       " PRIMARY KEY (user_id, op_id))"),
        QStringLiteral("CREATE INDEX client_operations_at ON client_operations (at)"),

        QStringLiteral("CREATE INDEX inbox_message ON inbox (message_id)"),
    };
}

// v3, delivery: what the pipeline records on its jobs and messages, webhooks, and the
// release of scheduled messages.
QStringList schemaV3Delivery()
{
    return {
        // topic and priority are copies of the message's, so a worker deciding quiet
        // hours or a dashboard filtering by topic never joins messages.
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN topic TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 3"),
        // Why a job was skipped or cancelled ("preference off", "expired", "digest").
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN reason TEXT"),
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN provider_code TEXT"),
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN sent_at BIGINT"),
        // How often a crash left it in flight: each may have been sent once more.
        QStringLiteral("ALTER TABLE delivery_jobs ADD COLUMN reclaimed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX delivery_jobs_state ON delivery_jobs (state, updated_at)"),
        // Each round claims per channel: a channel with nothing due must not walk the
        // others' pending jobs, and a busy one reads its due jobs in order.
        QStringLiteral("CREATE INDEX delivery_jobs_channel_due ON delivery_jobs (channel, next_attempt_at)"
                       " WHERE state = 'pending'"),

        QStringLiteral("ALTER TABLE delivery_log ADD COLUMN provider_code TEXT"),
        QStringLiteral("ALTER TABLE delivery_log ADD COLUMN provider_response TEXT"),
        QStringLiteral("CREATE INDEX delivery_log_job ON delivery_log (job_id)"),

        // The template version that rendered a message and the values it was given,
        // so external channels render the same text in each recipient's locale.
        QStringLiteral("ALTER TABLE messages ADD COLUMN template_version INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN variables TEXT NOT NULL DEFAULT '{}'"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN recipient_count INTEGER NOT NULL DEFAULT 0"),
        // Set when the recipients' inbox rows got their seqs: at publish for immediate
        // messages, by the pipeline for scheduled ones. NULL = still scheduled.
        QStringLiteral("ALTER TABLE messages ADD COLUMN released_at BIGINT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN cancelled_at BIGINT"),
        QStringLiteral("UPDATE messages SET released_at = created_at"
                       " WHERE scheduled_at IS NULL OR scheduled_at <= created_at"),
        QStringLiteral("CREATE INDEX messages_unreleased ON messages (scheduled_at)"
                       " WHERE released_at IS NULL AND cancelled_at IS NULL"),
        // Grouping and dedup by groupKey: who sent it (as idempotency keys name senders),
        // a hash of what it says, and how many publishes a group entry stands for.
        QStringLiteral("ALTER TABLE messages ADD COLUMN sender_key TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN group_count INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN grouped_at BIGINT"),
        QStringLiteral("CREATE INDEX messages_group ON messages (topic, group_key, created_at) WHERE group_key <> ''"),

        // A URL per user (topic '') or per topic subscription; secret is the HMAC key.
        QStringLiteral("CREATE TABLE webhooks ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " url TEXT NOT NULL,"
                       " secret TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX webhooks_user_topic ON webhooks (user_id, topic)"),

        // The scheduled run each user's last email digest covered up to.
        QStringLiteral("CREATE TABLE digest_state ("
                       " user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
                       " last_run BIGINT NOT NULL)"),
    };
}

// v3, analytics: hourly rollups kept current in the transactions that change the
// counted things, so a 30-day dashboard reads at most 720 rows per topic and channel.
QStringList schemaV3Analytics()
{
    return {
        QStringLiteral("CREATE TABLE analytics_hourly ("
                       " hour BIGINT NOT NULL," // ms since the epoch at the start of the UTC hour
                       " topic TEXT NOT NULL DEFAULT '',"
                       " channel TEXT NOT NULL,"
                       " sent BIGINT NOT NULL DEFAULT 0,"
                       " delivered BIGINT NOT NULL DEFAULT 0,"
                       " read BIGINT NOT NULL DEFAULT 0,"
                       " failed BIGINT NOT NULL DEFAULT 0,"
                       " clicked BIGINT NOT NULL DEFAULT 0,"
                       " dismissed BIGINT NOT NULL DEFAULT 0,"
                       // Clustered by hour, then channel: a dashboard reads one contiguous
                       // range and groups by (hour, channel) without sorting.
                       " PRIMARY KEY (hour, channel, topic)) WITHOUT ROWID"),
        // Delivery latency (created -> sent for external channels, -> delivered for
        // inApp) as a histogram: bucket i counts latencies <= LatencyBuckets::BoundsMs[i].
        QStringLiteral("CREATE TABLE analytics_latency ("
                       " hour BIGINT NOT NULL,"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " channel TEXT NOT NULL,"
                       " bucket INTEGER NOT NULL,"
                       " count BIGINT NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (hour, channel, topic, bucket)) WITHOUT ROWID"),
        // A dashboard filtered by topic reads only that topic's hours.
        QStringLiteral("CREATE INDEX analytics_hourly_topic ON analytics_hourly (topic, hour)"),
        QStringLiteral("CREATE INDEX analytics_latency_topic ON analytics_latency (topic, hour)"),
        // The delivery log in the admin console: newest first, all or one user's.
        QStringLiteral("CREATE INDEX delivery_jobs_created ON delivery_jobs (created_at)"),
        QStringLiteral("CREATE INDEX delivery_jobs_user ON delivery_jobs (user_id, created_at)"),
    };
}

// v3, templates: contents per (channel, locale) of a version, and the users' locales.
QStringList schemaV3Templates()
{
    return {
        // Migration 2's tables had no channel and were never written (no API used them
        // before this version), so no deployment has rows in them: they are recreated
        // rather than altered.
        QStringLiteral("DROP TABLE template_versions"),
        QStringLiteral("DROP TABLE templates"),
        QStringLiteral("CREATE TABLE templates ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " type TEXT NOT NULL DEFAULT '',"
                       " description TEXT NOT NULL DEFAULT '',"
                       " topic TEXT NOT NULL DEFAULT '',"
                       " current_version INTEGER NOT NULL DEFAULT 0,"
                       " created_by TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " deleted_at BIGINT)"),
        // A deleted template's name can be used again; its versions stay, because
        // messages it rendered still render their email, push and webhook text from them.
        QStringLiteral("CREATE UNIQUE INDEX templates_name ON templates (name) WHERE deleted_at IS NULL"),
        // Every edit is a new version, so a message can always be traced to the text it used.
        QStringLiteral("CREATE TABLE template_versions ("
                       " template_id TEXT NOT NULL REFERENCES templates (id) ON DELETE CASCADE,"
                       " version INTEGER NOT NULL,"
                       " variables TEXT NOT NULL DEFAULT '[]',"
                       " created_by TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (template_id, version))"),
        // channel: default | inApp | email | push | webhook; locale '' = the default locale.
        QStringLiteral("CREATE TABLE template_contents ("
                       " template_id TEXT NOT NULL,"
                       " version INTEGER NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " locale TEXT NOT NULL DEFAULT '',"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " text_body TEXT NOT NULL DEFAULT '',"
                       " html_body TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (template_id, version, channel, locale),"
                       " FOREIGN KEY (template_id, version) REFERENCES template_versions (template_id, version)"
                       "  ON DELETE CASCADE)"),

        // A BCP 47 tag ("de", "pt-BR"); '' = the default locale.
        QStringLiteral("ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT ''"),
    };
}

// v3, broadcasts: an admin's publish kept as a document, sent once or on a cron
// schedule; every message it publishes points back to it.
QStringList schemaV3Broadcasts()
{
    return {
        // request: the publish body as JSON, parsed again for every run. cron NULL =
        // a one-off. next_run_at: when the scheduler publishes next (a one-off: its
        // creation), or, in state scheduled, when its one message is released.
        // max_occurrences NULL = until cancelled. state scheduled: a one-off stored as
        // a scheduled message that the delivery pipeline has not released yet.
        QStringLiteral("CREATE TABLE broadcasts ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " created_by TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL,"
                       " request TEXT NOT NULL,"
                       " cron TEXT,"
                       " timezone TEXT,"
                       " max_occurrences INTEGER,"
                       " occurrences INTEGER NOT NULL DEFAULT 0,"
                       " next_run_at BIGINT,"
                       " state TEXT NOT NULL DEFAULT 'active'"
                       "  CHECK (state IN ('active', 'scheduled', 'finished', 'cancelled', 'failed')),"
                       " last_message_id TEXT,"
                       " cancelled_at BIGINT,"
                       " failure_reason TEXT,"
                       " idempotency_key TEXT,"
                       " updated_at BIGINT NOT NULL)"),
        // The scheduler's questions: active ones due, scheduled ones whose time came.
        QStringLiteral("CREATE INDEX broadcasts_due ON broadcasts (state, next_run_at)"),
        QStringLiteral("CREATE INDEX broadcasts_created ON broadcasts (created_at)"),
        QStringLiteral("CREATE INDEX broadcasts_idempotency ON broadcasts (created_by, idempotency_key)"
                       " WHERE idempotency_key IS NOT NULL"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN broadcast_id TEXT"),
        QStringLiteral("CREATE INDEX messages_broadcast ON messages (broadcast_id, created_at)"
                       " WHERE broadcast_id IS NOT NULL"),
    };
}

QStringList schemaV3()
{
    return schemaV3Delivery() + schemaV3Analytics() + schemaV3Templates() + schemaV3Broadcasts();
}

// v4: API tokens that expire (NULL = never), set by the admin console when they are made.
QStringList schemaV4()
{
    return {
        QStringLiteral("ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT"),
    };
}

bool execOne(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

const QList<Migrations::Migration> &Migrations::all()
{
    static const QList<Migration> migrations = {
        {1, QStringLiteral("core: users, tokens, topics, messages, inboxes, streams"), schemaV1()},
        {2, QStringLiteral("delivery: templates, jobs, log, client operations"), schemaV2()},
        {3,
            QStringLiteral("pipeline: job details, webhooks, scheduled release, digests, grouping, analytics, "
                           "template channels, broadcasts"),
            schemaV3()},
        {4, QStringLiteral("tokens: expiry"), schemaV4()},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().constLast().version;
}

int Migrations::currentVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))) {
        setError(error, q.lastError().text());
        return -1;
    }
    if (!q.next())
        return 0;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next()) {
        setError(error, q.lastError().text());
        return -1;
    }
    return q.value(0).toInt();
}

bool Migrations::apply(QSqlDatabase &db, int targetVersion, QString *error)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();

    QString why;
    if (!execOne(db,
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                           " version INTEGER PRIMARY KEY,"
                           " description TEXT NOT NULL,"
                           " applied_at BIGINT NOT NULL)"),
            &why)) {
        setError(error, QStringLiteral("cannot create schema_migrations: ") + why);
        return false;
    }

    for (const Migration &m : all()) {
        if (m.version > targetVersion)
            break;
        // IMMEDIATE takes the write lock up front, so two processes opening the same
        // file cannot both apply a version: the second one waits, then sees it applied.
        if (!execOne(db, QStringLiteral("BEGIN IMMEDIATE"), &why)) {
            setError(error, QStringLiteral("cannot start migration %1: %2").arg(m.version).arg(why));
            return false;
        }
        QSqlQuery check(db);
        if (!check.prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"))) {
            why = check.lastError().text();
            execOne(db, QStringLiteral("ROLLBACK"), nullptr);
            setError(error, QStringLiteral("cannot read schema_migrations: ") + why);
            return false;
        }
        check.addBindValue(m.version);
        if (!check.exec()) {
            why = check.lastError().text();
            execOne(db, QStringLiteral("ROLLBACK"), nullptr);
            setError(error, QStringLiteral("cannot read schema_migrations: ") + why);
            return false;
        }
        const bool applied = check.next();
        check.finish();
        if (applied) {
            execOne(db, QStringLiteral("ROLLBACK"), nullptr);
            continue;
        }

        bool ok = true;
        for (const QString &sql : m.statements) {
            if (!execOne(db, sql, &why)) {
                why = QStringLiteral("migration %1 failed: %2 (in: %3)").arg(m.version).arg(why, sql.left(120));
                ok = false;
                break;
            }
        }
        if (ok) {
            QSqlQuery record(db);
            ok = record.prepare(
                QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"));
            record.addBindValue(m.version);
            record.addBindValue(m.description);
            record.addBindValue(QDateTime::currentMSecsSinceEpoch());
            ok = ok && record.exec();
            if (!ok)
                why = QStringLiteral("cannot record migration %1: %2").arg(m.version).arg(record.lastError().text());
        }
        if (ok && !execOne(db, QStringLiteral("COMMIT"), &why)) {
            why = QStringLiteral("cannot commit migration %1: %2").arg(m.version).arg(why);
            ok = false;
        }
        if (!ok) {
            execOne(db, QStringLiteral("ROLLBACK"), nullptr);
            qCWarning(lcStore).noquote() << why;
            setError(error, why);
            return false;
        }
        qCInfo(lcStore).noquote() << "applied schema migration" << m.version << "-" << m.description;
    }
    return true;
}

} // namespace Tidings::Server
