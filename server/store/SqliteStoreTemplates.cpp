// SqliteStore: notification templates, their versions and their contents per
// (channel, locale).

#include "store/SqliteStore.h"

#include "store/SqlValues.h"

#include <QSqlQuery>

namespace Tidings::Server {

using namespace SqlValues;

namespace {

const QLatin1String kTemplateColumns(
    "id, name, type, description, topic, current_version, created_by, created_at, updated_at, deleted_at");

TemplateRecord templateFrom(const QSqlQuery &q)
{
    TemplateRecord t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.type = q.value(2).toString();
    t.description = q.value(3).toString();
    t.topic = q.value(4).toString();
    t.currentVersion = q.value(5).toInt();
    t.createdBy = q.value(6).toString();
    t.createdAt = timeFrom(q.value(7));
    t.updatedAt = timeFrom(q.value(8));
    t.deletedAt = timeFrom(q.value(9));
    return t;
}

QDateTime orNow(const QDateTime &t)
{
    return t.isValid() ? t : QDateTime::currentDateTimeUtc();
}

} // namespace

bool SqliteStore::insertTemplateVersion(const TemplateVersionRecord &version, int number, const QDateTime &at)
{
    if (change(QStringLiteral("INSERT INTO template_versions (template_id, version, variables, created_by, created_at)"
                              " VALUES (?, ?, ?, ?, ?)"),
            {version.templateId, number, json(version.variables), text(version.createdBy), timeMs(at)})
        < 0)
        return false;
    for (const TemplateContentRecord &c : version.contents) {
        if (change(QStringLiteral("INSERT INTO template_contents (template_id, version, channel, locale, subject,"
                                  " text_body, html_body) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {version.templateId, number, text(c.channel), text(c.locale), text(c.subject), text(c.textBody),
                    text(c.htmlBody)})
            < 0)
            return false;
    }
    return true;
}

bool SqliteStore::createTemplate(const TemplateRecord &t, const TemplateVersionRecord &first)
{
    if (t.id.isEmpty() || t.name.isEmpty()) {
        setError(QStringLiteral("a template needs an id and a name"));
        return false;
    }
    Transaction tx(*this);
    if (!tx.ok())
        return false;
    const auto taken
        = scalar(QStringLiteral("SELECT COUNT(*) FROM templates WHERE name = ? AND deleted_at IS NULL"), {t.name});
    if (!taken)
        return false;
    if (taken->toLongLong() > 0) {
        m_lastError = QStringLiteral("a template with this name already exists");
        return false;
    }
    const QDateTime createdAt = orNow(t.createdAt);
    if (change(QStringLiteral("INSERT INTO templates (id, name, type, description, topic, current_version,"
                              " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"),
            {t.id, t.name, text(t.type), text(t.description), text(t.topic), text(t.createdBy), timeMs(createdAt),
                timeMs(createdAt)})
        < 0)
        return false;
    TemplateVersionRecord version = first;
    version.templateId = t.id;
    if (!insertTemplateVersion(version, 1, orNow(first.createdAt.isValid() ? first.createdAt : createdAt)))
        return false;
    return tx.commit();
}

std::optional<int> SqliteStore::addTemplateVersion(const TemplateRecord &t, const TemplateVersionRecord &version)
{
    Transaction tx(*this);
    if (!tx.ok())
        return std::nullopt;
    // Read inside the write transaction, so two edits racing from two processes get
    // different numbers.
    const auto current = scalar(
        QStringLiteral("SELECT current_version FROM templates WHERE id = ? AND deleted_at IS NULL"), {t.id}, -1);
    if (!current)
        return std::nullopt;
    if (current->toInt() < 0) {
        m_lastError = QStringLiteral("no such template");
        return std::nullopt;
    }
    const auto taken
        = scalar(QStringLiteral("SELECT COUNT(*) FROM templates WHERE name = ? AND deleted_at IS NULL AND id <> ?"),
            {t.name, t.id});
    if (!taken)
        return std::nullopt;
    if (taken->toLongLong() > 0) {
        m_lastError = QStringLiteral("a template with this name already exists");
        return std::nullopt;
    }
    const int number = current->toInt() + 1;
    const QDateTime at = orNow(t.updatedAt);
    TemplateVersionRecord v = version;
    v.templateId = t.id;
    if (!insertTemplateVersion(v, number, orNow(version.createdAt.isValid() ? version.createdAt : at)))
        return std::nullopt;
    if (change(QStringLiteral("UPDATE templates SET name = ?, type = ?, description = ?, topic = ?,"
                              " current_version = ?, updated_at = ? WHERE id = ?"),
            {t.name, text(t.type), text(t.description), text(t.topic), number, timeMs(at), t.id})
        <= 0)
        return std::nullopt;
    if (!tx.commit())
        return std::nullopt;
    return number;
}

std::optional<TemplateRecord> SqliteStore::templateById(const QString &id)
{
    static const QString sql
        = QLatin1String("SELECT ") + kTemplateColumns + QLatin1String(" FROM templates WHERE id = ?");
    const Stmt s = run(sql, {id});
    if (!s || !s->next())
        return std::nullopt;
    return templateFrom(*s);
}

std::optional<TemplateRecord> SqliteStore::templateByName(const QString &name)
{
    static const QString sql = QLatin1String("SELECT ") + kTemplateColumns
        + QLatin1String(" FROM templates WHERE name = ? AND deleted_at IS NULL");
    const Stmt s = run(sql, {name});
    if (!s || !s->next())
        return std::nullopt;
    return templateFrom(*s);
}

QList<TemplateRecord> SqliteStore::listTemplates(const QString &search, const QString &type, int offset, int limit)
{
    // One statement for every filter combination: an empty filter matches everything.
    static const QString sql = QLatin1String("SELECT ") + kTemplateColumns
        + QLatin1String(" FROM templates WHERE deleted_at IS NULL"
                        " AND (? = '' OR name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')"
                        " AND (? = '' OR type = ?) ORDER BY name, id LIMIT ? OFFSET ?");
    const QString pattern = containsPattern(search);
    const Stmt s = run(sql,
        {text(search), pattern, pattern, text(type), text(type), qint64(limit > 0 ? limit : -1),
            qint64(qMax(0, offset))});
    QList<TemplateRecord> out;
    if (s) {
        while (s->next())
            out.append(templateFrom(*s));
    }
    return out;
}

qint64 SqliteStore::countTemplates(const QString &search, const QString &type)
{
    const QString pattern = containsPattern(search);
    const auto n = scalar(QStringLiteral("SELECT COUNT(*) FROM templates WHERE deleted_at IS NULL"
                                         " AND (? = '' OR name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')"
                                         " AND (? = '' OR type = ?)"),
        {text(search), pattern, pattern, text(type), text(type)});
    return n ? n->toLongLong() : 0;
}

std::optional<TemplateVersionRecord> SqliteStore::templateVersion(const QString &templateId, int version)
{
    TemplateVersionRecord v;
    {
        const Stmt s = run(QStringLiteral("SELECT variables, created_by, created_at FROM template_versions"
                                          " WHERE template_id = ? AND version = ?"),
            {templateId, version});
        if (!s || !s->next())
            return std::nullopt;
        v.templateId = templateId;
        v.version = version;
        v.variables = arrayFrom(s->value(0));
        v.createdBy = s->value(1).toString();
        v.createdAt = timeFrom(s->value(2));
    }
    const Stmt s = run(QStringLiteral("SELECT channel, locale, subject, text_body, html_body FROM template_contents"
                                      " WHERE template_id = ? AND version = ? ORDER BY channel, locale"),
        {templateId, version});
    if (!s)
        return std::nullopt;
    while (s->next()) {
        TemplateContentRecord c;
        c.channel = s->value(0).toString();
        c.locale = s->value(1).toString();
        c.subject = s->value(2).toString();
        c.textBody = s->value(3).toString();
        c.htmlBody = s->value(4).toString();
        v.contents.append(c);
    }
    return v;
}

QList<TemplateVersionRecord> SqliteStore::templateVersions(const QString &templateId)
{
    QList<TemplateVersionRecord> out;
    const Stmt s = run(QStringLiteral("SELECT version, variables, created_by, created_at FROM template_versions"
                                      " WHERE template_id = ? ORDER BY version DESC"),
        {templateId});
    if (s) {
        while (s->next()) {
            TemplateVersionRecord v;
            v.templateId = templateId;
            v.version = s->value(0).toInt();
            v.variables = arrayFrom(s->value(1));
            v.createdBy = s->value(2).toString();
            v.createdAt = timeFrom(s->value(3));
            out.append(v);
        }
    }
    return out;
}

bool SqliteStore::deleteTemplate(const QString &id, const QDateTime &at)
{
    return change(QStringLiteral(
                      "UPDATE templates SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
               {timeMs(orNow(at)), timeMs(orNow(at)), id})
        > 0;
}

} // namespace Tidings::Server
