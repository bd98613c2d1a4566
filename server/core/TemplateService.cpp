#include "core/TemplateService.h"

#include "auth/TokenCrypto.h"
#include "core/LocaleTag.h"
#include "protocol/JsonUtil.h"
#include "protocol/Limits.h"
#include "store/Store.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

Q_LOGGING_CATEGORY(lcTemplates, "tidings.server.templates")

namespace Tidings::Server {

using Delivery::TemplateVariable;

namespace {

constexpr int kNameMaxChars = 100;
constexpr int kDescriptionMaxChars = 500;
constexpr int kSubjectMaxChars = 1000;
constexpr int kBodyMaxChars = 65536;
constexpr int kContentsMax = 50;
constexpr int kVariablesMax = 100;

qsizetype codePoints(const QString &s)
{
    return s.toUcs4().size();
}

// Re-anchors an error about a nested object's field ("type must be a string") at its
// path in the body ("variables[1].type must be a string").
ProtocolError nested(ProtocolError e, const QString &prefix)
{
    if (e.message.startsWith(e.field))
        e.message = prefix + u'.' + e.message;
    e.field = e.field.isEmpty() ? prefix : prefix + u'.' + e.field;
    return e;
}

ProtocolError tooLong(const QString &field, int max)
{
    return ProtocolError::validation(field, field + QStringLiteral(" is longer than %1 characters").arg(max));
}

ProtocolError notFound()
{
    return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("template not found"));
}

ProtocolError unavailable()
{
    return ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available"));
}

ProtocolError nameTaken(const QString &name)
{
    return {QLatin1String(ErrorCode::Conflict), QStringLiteral("a template named '%1' already exists").arg(name),
        QStringLiteral("name")};
}

QJsonObject variableJson(const TemplateVariable &v)
{
    return QJsonObject {
        {QStringLiteral("name"), v.name},
        {QStringLiteral("type"), TemplateVariable::typeToString(v.type)},
        {QStringLiteral("required"), v.required},
        {QStringLiteral("default"), v.hasDefault() ? v.defaultValue : QJsonValue()},
    };
}

QJsonArray variablesJson(const QList<TemplateVariable> &variables)
{
    QJsonArray out;
    for (const TemplateVariable &v : variables)
        out.append(variableJson(v));
    return out;
}

// [{name, type?, required?, default?}]; `key` names the list in errors.
Expected<QList<TemplateVariable>> parseVariables(const QJsonValue &value, const QString &key)
{
    if (value.isUndefined() || value.isNull())
        return QList<TemplateVariable>();
    if (!value.isArray())
        return ProtocolError::validation(key, key + QStringLiteral(" must be a list of declarations"));
    const QJsonArray array = value.toArray();
    if (array.size() > kVariablesMax)
        return ProtocolError::validation(key, key + QStringLiteral(" has more than %1 entries").arg(kVariablesMax));
    QList<TemplateVariable> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = key + QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return ProtocolError::validation(
                path, path + QStringLiteral(" must be an object {name, type, required, default}"));
        const QJsonObject o = array.at(i).toObject();
        TemplateVariable v;
        Expected<std::optional<QString>> name = Json::optString(o, QStringLiteral("name"));
        if (!name)
            return nested(name.error(), path);
        if (!name->has_value())
            return ProtocolError::validation(
                path + QStringLiteral(".name"), path + QStringLiteral(".name is required"));
        v.name = name->value();
        Expected<std::optional<QString>> type = Json::optString(o, QStringLiteral("type"));
        if (!type)
            return nested(type.error(), path);
        if (type->has_value()) {
            const std::optional<TemplateVariable::Type> t = TemplateVariable::typeFromString(type->value());
            if (!t)
                return ProtocolError::validation(path + QStringLiteral(".type"),
                    path + QStringLiteral(".type must be string, number, boolean, date or url"));
            v.type = *t;
        }
        Expected<std::optional<bool>> required = Json::optBool(o, QStringLiteral("required"));
        if (!required)
            return nested(required.error(), path);
        v.required = required->value_or(false);
        const QJsonValue defaultValue = o.value(QLatin1String("default"));
        if (!defaultValue.isNull())
            v.defaultValue = defaultValue;
        out.append(v);
    }
    return out;
}

QJsonObject contentJson(const TemplateContentRecord &c)
{
    return QJsonObject {
        {QStringLiteral("channel"), c.channel},
        {QStringLiteral("locale"), c.locale},
        {QStringLiteral("subject"), c.subject},
        {QStringLiteral("textBody"), c.textBody},
        {QStringLiteral("htmlBody"), c.htmlBody},
    };
}

std::optional<QString> canonicalChannel(const QString &name)
{
    for (const QString &c : TemplateService::channels()) {
        if (c.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

// [{channel?, locale?, subject?, textBody?, htmlBody?}]
Expected<QList<TemplateContentRecord>> parseContents(const QJsonValue &value)
{
    const QString key = QStringLiteral("contents");
    if (!value.isArray())
        return ProtocolError::validation(key,
            QStringLiteral("contents must be a list of {channel, locale, subject, "
                           "textBody, htmlBody}"));
    const QJsonArray array = value.toArray();
    if (array.size() > kContentsMax)
        return ProtocolError::validation(key, QStringLiteral("contents has more than %1 entries").arg(kContentsMax));
    QList<TemplateContentRecord> out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = key + QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return ProtocolError::validation(path, path + QStringLiteral(" must be an object"));
        const QJsonObject o = array.at(i).toObject();
        TemplateContentRecord c;
        Expected<std::optional<QString>> channel = Json::optString(o, QStringLiteral("channel"));
        if (!channel)
            return nested(channel.error(), path);
        if (channel->has_value()) {
            const std::optional<QString> canonical = canonicalChannel(channel->value());
            if (!canonical)
                return ProtocolError::validation(path + QStringLiteral(".channel"),
                    path + QStringLiteral(".channel must be one of ")
                        + TemplateService::channels().join(QStringLiteral(", ")));
            c.channel = *canonical;
        }
        Expected<std::optional<QString>> locale = Json::optString(o, QStringLiteral("locale"));
        if (!locale)
            return nested(locale.error(), path);
        const std::optional<QString> tag = LocaleTag::canonical(locale->value_or(QString()).trimmed());
        if (!tag)
            return ProtocolError::validation(path + QStringLiteral(".locale"),
                path + QStringLiteral(".locale must be a language tag such as de or pt-BR, or empty for the default"));
        c.locale = *tag;
        for (const auto &[part, max, target] : {std::tuple {QStringLiteral("subject"), kSubjectMaxChars, &c.subject},
                 std::tuple {QStringLiteral("textBody"), kBodyMaxChars, &c.textBody},
                 std::tuple {QStringLiteral("htmlBody"), kBodyMaxChars, &c.htmlBody}}) {
            Expected<std::optional<QString>> text = Json::optString(o, part);
            if (!text)
                return nested(text.error(), path);
            *target = text->value_or(QString());
            if (codePoints(*target) > max)
                return tooLong(path + u'.' + part, max);
        }
        const QString keyOf = c.channel + u'\n' + c.locale;
        if (seen.contains(keyOf)) {
            return ProtocolError::validation(
                path, QStringLiteral("%1 repeats channel '%2' with locale '%3'").arg(path, c.channel, c.locale));
        }
        seen.insert(keyOf);
        out.append(c);
    }
    return out;
}

// The content for (channel, locale), falling back as the class comment says; nullptr
// only for a version without a (default, "") content, which saving never allows.
const TemplateContentRecord *pick(const TemplateVersionRecord &v, const QString &channel, const QString &locale)
{
    QStringList locales = LocaleTag::lookupChain(locale);
    locales.append(QString());
    QStringList channelOrder {channel};
    if (channel != QLatin1String(TemplateChannel::Default))
        channelOrder.append(QLatin1String(TemplateChannel::Default));
    for (const QString &ch : channelOrder) {
        for (const QString &l : locales) {
            for (const TemplateContentRecord &c : v.contents) {
                if (c.channel == ch && c.locale == l)
                    return &c;
            }
        }
    }
    return nullptr;
}

} // namespace

struct TemplateService::Draft
{
    TemplateRecord meta;
    QList<TemplateVariable> variables;
    QList<TemplateContentRecord> contents;
};

TemplateService::TemplateService(Store &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

const QStringList &TemplateService::channels()
{
    static const QStringList list = {
        QLatin1String(TemplateChannel::Default),
        QLatin1String(TemplateChannel::InApp),
        QLatin1String(TemplateChannel::Email),
        QLatin1String(TemplateChannel::Push),
        QLatin1String(TemplateChannel::Webhook),
    };
    return list;
}

// ---- JSON

QJsonObject TemplateService::summaryJson(const TemplateRecord &t)
{
    return QJsonObject {
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("type"), t.type},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("topic"), t.topic.isEmpty() ? QJsonValue() : QJsonValue(t.topic)},
        {QStringLiteral("version"), t.currentVersion},
        {QStringLiteral("createdBy"), t.createdBy},
        {QStringLiteral("createdAt"), Json::timeOrNull(t.createdAt)},
        {QStringLiteral("updatedAt"), Json::timeOrNull(t.updatedAt)},
    };
}

QJsonObject TemplateService::listJson(const TemplateDocument &d)
{
    QJsonObject o = summaryJson(d.meta);
    QJsonArray variants;
    for (const TemplateContentRecord &c : d.version.contents)
        variants.append(QJsonObject {{QStringLiteral("channel"), c.channel}, {QStringLiteral("locale"), c.locale}});
    o.insert(QStringLiteral("variants"), variants);
    return o;
}

QJsonObject TemplateService::documentJson(const TemplateDocument &d)
{
    QJsonObject o = summaryJson(d.meta);
    const QJsonObject v = versionJson(d.version, true);
    o.insert(QStringLiteral("version"), d.version.version);
    o.insert(QStringLiteral("variables"), v.value(QLatin1String("variables")));
    o.insert(QStringLiteral("contents"), v.value(QLatin1String("contents")));
    return o;
}

QJsonObject TemplateService::versionJson(const TemplateVersionRecord &v, bool withContents)
{
    QJsonObject o {
        {QStringLiteral("templateId"), v.templateId},
        {QStringLiteral("version"), v.version},
        {QStringLiteral("createdBy"), v.createdBy},
        {QStringLiteral("createdAt"), Json::timeOrNull(v.createdAt)},
        {QStringLiteral("variables"), v.variables},
    };
    if (withContents) {
        QJsonArray contents;
        for (const TemplateContentRecord &c : v.contents)
            contents.append(contentJson(c));
        o.insert(QStringLiteral("contents"), contents);
    }
    return o;
}

// ---- validation

std::optional<ProtocolError> TemplateService::applyBody(Draft &draft, const QJsonObject &body, bool creating)
{
    TemplateRecord &meta = draft.meta;
    Expected<std::optional<QString>> name = Json::optString(body, QStringLiteral("name"));
    if (!name)
        return name.error();
    if (name->has_value()) {
        static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
        const QString n = name->value().trimmed();
        if (n.isEmpty() || n.size() > kNameMaxChars || !shape.match(n).hasMatch())
            return ProtocolError::validation(QStringLiteral("name"),
                QStringLiteral("name must be 1-%1 of A-Z a-z 0-9 _ . - (starting with a letter or digit)")
                    .arg(kNameMaxChars));
        // Publishing takes an id or a name: a name shaped like an id could shadow one.
        if (!QUuid::fromString(n).isNull())
            return ProtocolError::validation(QStringLiteral("name"), QStringLiteral("name must not look like an id"));
        meta.name = n;
    } else if (creating) {
        return ProtocolError::validation(QStringLiteral("name"), QStringLiteral("name is required"));
    }

    Expected<std::optional<QString>> type = Json::optString(body, QStringLiteral("type"));
    if (!type)
        return type.error();
    if (type->has_value()) {
        if (codePoints(type->value().trimmed()) > Limits::TypeMaxChars)
            return tooLong(QStringLiteral("type"), Limits::TypeMaxChars);
        meta.type = type->value().trimmed();
    }

    Expected<std::optional<QString>> description = Json::optString(body, QStringLiteral("description"));
    if (!description)
        return description.error();
    if (description->has_value()) {
        if (codePoints(description->value()) > kDescriptionMaxChars)
            return tooLong(QStringLiteral("description"), kDescriptionMaxChars);
        meta.description = description->value();
    }

    // null or "" clears the topic.
    if (body.contains(QLatin1String("topic"))) {
        Expected<std::optional<QString>> topic = Json::optString(body, QStringLiteral("topic"));
        if (!topic)
            return topic.error();
        const QString t = topic->value_or(QString());
        if (!t.isEmpty() && !isValidTopicName(t))
            return ProtocolError::validation(
                QStringLiteral("topic"), QStringLiteral("topic must match ^[A-Za-z0-9_-]{1,64}$"));
        meta.topic = t;
    }

    const QJsonValue variables = body.value(QLatin1String("variables"));
    if (!variables.isUndefined()) {
        Expected<QList<TemplateVariable>> parsed = parseVariables(variables, QStringLiteral("variables"));
        if (!parsed)
            return parsed.error();
        draft.variables = parsed.value();
    }

    const QJsonValue contents = body.value(QLatin1String("contents"));
    if (!contents.isUndefined() && !contents.isNull()) {
        Expected<QList<TemplateContentRecord>> parsed = parseContents(contents);
        if (!parsed)
            return parsed.error();
        draft.contents = parsed.value();
    } else if (creating) {
        return ProtocolError::validation(QStringLiteral("contents"),
            QStringLiteral("contents is required: at least [{channel: \"default\", subject, textBody, htmlBody}]"));
    }
    return std::nullopt;
}

std::optional<ProtocolError> TemplateService::validate(const Draft &draft)
{
    // Declarations first, on their own, so their errors are not blamed on a content.
    if (auto err = Delivery::TemplateRenderer::validateTemplate({QString(), QString(), QString(), draft.variables}))
        return err;
    bool hasDefault = false;
    for (qsizetype i = 0; i < draft.contents.size(); ++i) {
        const TemplateContentRecord &c = draft.contents.at(i);
        hasDefault = hasDefault || (c.channel == QLatin1String(TemplateChannel::Default) && c.locale.isEmpty());
        if (auto err
            = Delivery::TemplateRenderer::validateTemplate({c.subject, c.textBody, c.htmlBody, draft.variables})) {
            // "htmlBody: unclosed section 'items'" -> "contents[1].htmlBody: unclosed section 'items'"
            return nested(*err, QStringLiteral("contents[%1]").arg(i));
        }
    }
    if (!hasDefault) {
        return ProtocolError::validation(QStringLiteral("contents"),
            QStringLiteral("contents needs an entry for channel 'default' in the default locale (locale \"\"): "
                           "it is what every other channel and locale falls back to"));
    }
    return std::nullopt;
}

// ---- the admin API

Expected<TemplateRecord> TemplateService::findLive(const QString &idOrName, const QString &field)
{
    std::optional<TemplateRecord> t = m_store.templateById(idOrName);
    if (t && !t->deletedAt.isValid())
        return *t;
    t = m_store.templateByName(idOrName);
    if (t)
        return *t;
    if (field.isEmpty())
        return notFound();
    const bool deleted = m_store.templateById(idOrName).has_value();
    return ProtocolError::validation(field,
        deleted ? QStringLiteral("template '%1' was deleted").arg(idOrName)
                : QStringLiteral("template '%1' does not exist").arg(idOrName));
}

TemplateService::Page TemplateService::list(const QString &search, const QString &type, int offset, int limit)
{
    Page page;
    for (const TemplateRecord &t : m_store.listTemplates(search, type, offset, limit)) {
        // A page is at most a few hundred rows; one lookup each keeps the Store interface small.
        std::optional<TemplateVersionRecord> v = m_store.templateVersion(t.id, t.currentVersion);
        page.templates.append(TemplateDocument {t, v.value_or(TemplateVersionRecord {})});
    }
    page.total = m_store.countTemplates(search, type);
    return page;
}

Expected<TemplateDocument> TemplateService::reload(const QString &id, int version)
{
    std::optional<TemplateRecord> t = m_store.templateById(id);
    std::optional<TemplateVersionRecord> v = m_store.templateVersion(id, version);
    if (!t || !v)
        return unavailable();
    return TemplateDocument {*t, *v};
}

Expected<TemplateDocument> TemplateService::create(const QJsonObject &body, const QString &userId)
{
    const QDateTime now = m_clock.now();
    Draft draft;
    if (auto err = applyBody(draft, body, true))
        return *err;
    if (auto err = validate(draft))
        return *err;
    if (m_store.templateByName(draft.meta.name))
        return nameTaken(draft.meta.name);

    draft.meta.id = TokenCrypto::newId();
    draft.meta.createdBy = userId;
    draft.meta.createdAt = now;
    draft.meta.updatedAt = now;
    TemplateVersionRecord first;
    first.templateId = draft.meta.id;
    first.version = 1;
    first.variables = variablesJson(draft.variables);
    first.contents = draft.contents;
    first.createdBy = userId;
    first.createdAt = now;
    if (!m_store.createTemplate(draft.meta, first)) {
        // Also false on a duplicate name, so look again before calling it a failure.
        if (m_store.templateByName(draft.meta.name))
            return nameTaken(draft.meta.name);
        qCWarning(lcTemplates) << "could not create template" << draft.meta.name << m_store.lastError();
        return unavailable();
    }
    qCInfo(lcTemplates) << "created template" << draft.meta.id << draft.meta.name;
    return reload(draft.meta.id, 1);
}

Expected<TemplateDocument> TemplateService::update(
    const QString &idOrName, const QJsonObject &body, const QString &userId)
{
    Expected<TemplateRecord> found = findLive(idOrName, {});
    if (!found)
        return found.error();
    const TemplateRecord &current = found.value();
    std::optional<TemplateVersionRecord> currentVersion = m_store.templateVersion(current.id, current.currentVersion);
    if (!currentVersion)
        return unavailable();

    // Everything the body leaves out is carried over from the current version.
    Draft draft;
    draft.meta = current;
    Expected<QList<TemplateVariable>> variables
        = parseVariables(currentVersion->variables, QStringLiteral("variables"));
    if (!variables)
        return variables.error();
    draft.variables = variables.value();
    draft.contents = currentVersion->contents;
    if (auto err = applyBody(draft, body, false))
        return *err;
    if (auto err = validate(draft))
        return *err;
    if (const std::optional<TemplateRecord> other = m_store.templateByName(draft.meta.name);
        other && other->id != current.id)
        return nameTaken(draft.meta.name);

    const QDateTime now = m_clock.now();
    draft.meta.updatedAt = now;
    TemplateVersionRecord next;
    next.templateId = current.id;
    next.variables = variablesJson(draft.variables);
    next.contents = draft.contents;
    next.createdBy = userId;
    next.createdAt = now;
    const std::optional<int> number = m_store.addTemplateVersion(draft.meta, next);
    if (!number) {
        if (const std::optional<TemplateRecord> other = m_store.templateByName(draft.meta.name);
            other && other->id != current.id)
            return nameTaken(draft.meta.name);
        if (const std::optional<TemplateRecord> again = m_store.templateById(current.id);
            again && again->deletedAt.isValid())
            return notFound();
        qCWarning(lcTemplates) << "could not save template" << current.id << m_store.lastError();
        return unavailable();
    }
    return reload(current.id, *number);
}

std::optional<ProtocolError> TemplateService::remove(const QString &idOrName)
{
    Expected<TemplateRecord> found = findLive(idOrName, {});
    if (!found)
        return found.error();
    if (!m_store.deleteTemplate(found->id, m_clock.now()))
        return notFound();
    qCInfo(lcTemplates) << "deleted template" << found->id << found->name;
    return std::nullopt;
}

Expected<TemplateDocument> TemplateService::get(const QString &idOrName, int version)
{
    Expected<TemplateRecord> found = findLive(idOrName, {});
    if (!found)
        return found.error();
    const int n = version > 0 ? version : found->currentVersion;
    std::optional<TemplateVersionRecord> v = m_store.templateVersion(found->id, n);
    if (!v)
        return ProtocolError::make(
            ErrorCode::NotFound, QStringLiteral("template '%1' has no version %2").arg(found->name).arg(n));
    return TemplateDocument {found.value(), *v};
}

Expected<QList<TemplateVersionRecord>> TemplateService::versions(const QString &idOrName)
{
    Expected<TemplateRecord> found = findLive(idOrName, {});
    if (!found)
        return found.error();
    return m_store.templateVersions(found->id);
}

Expected<TemplateService::Preview> TemplateService::preview(
    const QString &idOrName, const QJsonObject &variables, const QString &locale, const QString &channel, int version)
{
    Expected<TemplateRecord> found = findLive(idOrName, {});
    if (!found)
        return found.error();
    const Expected<std::pair<QString, QString>> target = previewTarget(channel, locale);
    if (!target)
        return target.error();
    const int n = version > 0 ? version : found->currentVersion;
    std::optional<TemplateVersionRecord> v = m_store.templateVersion(found->id, n);
    if (!v)
        return ProtocolError::validation(
            QStringLiteral("version"), QStringLiteral("template '%1' has no version %2").arg(found->name).arg(n));
    return render(*v, target->first, target->second, variables);
}

Expected<TemplateService::Preview> TemplateService::previewDraft(
    const QJsonObject &draft, const QJsonObject &variables, const QString &locale, const QString &channel)
{
    // Only what a version holds: the name, type and topic do not change the text.
    const QJsonObject body {
        {QStringLiteral("variables"), draft.value(QLatin1String("variables"))},
        {QStringLiteral("contents"), draft.value(QLatin1String("contents"))},
    };
    const auto underTemplate = [](ProtocolError e) {
        e.field = e.field.isEmpty() ? QStringLiteral("template") : QStringLiteral("template.") + e.field;
        return e;
    };
    Draft d;
    if (auto err = applyBody(d, body, false))
        return underTemplate(*err);
    if (auto err = validate(d))
        return underTemplate(*err);
    const Expected<std::pair<QString, QString>> target = previewTarget(channel, locale);
    if (!target)
        return target.error();
    TemplateVersionRecord version;
    version.variables = variablesJson(d.variables);
    version.contents = d.contents;
    return render(version, target->first, target->second, variables);
}

Expected<TemplateDocument> TemplateService::restore(const QString &idOrName, int version, const QString &userId)
{
    Expected<TemplateDocument> old = get(idOrName, version);
    if (!old)
        return old.error();
    const QJsonObject v = versionJson(old->version, true);
    return update(old->meta.id,
        {{QStringLiteral("variables"), v.value(QLatin1String("variables"))},
            {QStringLiteral("contents"), v.value(QLatin1String("contents"))}},
        userId);
}

Expected<std::pair<QString, QString>> TemplateService::previewTarget(const QString &channel, const QString &locale)
{
    const std::optional<QString> tag = LocaleTag::canonical(locale.trimmed());
    if (!tag)
        return ProtocolError::validation(QStringLiteral("locale"),
            QStringLiteral("locale must be a language tag such as de or pt-BR, or empty for the default"));
    const std::optional<QString> ch
        = channel.isEmpty() ? QString(QLatin1String(TemplateChannel::Default)) : canonicalChannel(channel);
    if (!ch)
        return ProtocolError::validation(QStringLiteral("channel"),
            QStringLiteral("channel must be one of ") + channels().join(QStringLiteral(", ")));
    return std::pair {*ch, *tag};
}

// ---- rendering

Expected<TemplateService::Preview> TemplateService::render(const TemplateVersionRecord &version, const QString &channel,
    const QString &locale, const QJsonObject &variables) const
{
    const TemplateContentRecord *content = pick(version, channel, locale);
    if (!content) {
        return ProtocolError::make(ErrorCode::Internal,
            QStringLiteral("template version %1 has no content for channel 'default'").arg(version.version));
    }
    Expected<QList<TemplateVariable>> declared = parseVariables(version.variables, QStringLiteral("variables"));
    if (!declared)
        return declared.error();
    Expected<Delivery::TemplateRenderer::Rendered> rendered
        = m_renderer.render({content->subject, content->textBody, content->htmlBody, declared.value()}, variables);
    if (!rendered)
        return rendered.error();
    Preview out;
    out.content = {rendered->subject, rendered->text, rendered->html};
    out.version = version.version;
    out.channel = content->channel;
    out.locale = content->locale;
    return out;
}

Expected<TemplateService::Applied> TemplateService::applyToPublish(
    const QString &idOrName, const QJsonObject &variables, NotificationContent content)
{
    Expected<TemplateRecord> found = findLive(idOrName, QStringLiteral("templateId"));
    if (!found)
        return found.error();
    std::optional<TemplateVersionRecord> version = m_store.templateVersion(found->id, found->currentVersion);
    if (!version)
        return unavailable();
    // The inbox shows one text to everyone, so it is rendered in the default locale;
    // the external channels render per recipient (renderFor).
    Expected<Preview> rendered = render(*version, QLatin1String(TemplateChannel::InApp), QString(), variables);
    if (!rendered)
        return rendered.error();

    if (content.title.isEmpty()) {
        content.title = rendered->content.subject.trimmed();
        if (content.title.isEmpty())
            return ProtocolError::validation(QStringLiteral("title"),
                QStringLiteral("template '%1' rendered an empty title; give a title or fix its subject")
                    .arg(found->name));
        if (codePoints(content.title) > Limits::TitleMaxChars)
            return ProtocolError::validation(QStringLiteral("title"),
                QStringLiteral("the title template '%1' rendered is longer than %2 characters")
                    .arg(found->name)
                    .arg(Limits::TitleMaxChars));
    }
    if (content.message.isEmpty()) {
        content.message = rendered->content.text;
        if (codePoints(content.message) > Limits::MessageMaxChars)
            return ProtocolError::validation(QStringLiteral("message"),
                QStringLiteral("the message template '%1' rendered is longer than %2 characters")
                    .arg(found->name)
                    .arg(Limits::MessageMaxChars));
    }
    if (content.type.isEmpty())
        content.type = found->type;
    if (content.topic.isEmpty())
        content.topic = found->topic;
    return Applied {std::move(content), found->id, version->version};
}

Expected<Delivery::RenderedContent> TemplateService::renderFor(
    const MessageRecord &message, const QString &channel, const QString &locale)
{
    if (message.templateId.isEmpty())
        return Delivery::RenderedContent {message.content.title, message.content.message, QString()};
    const std::optional<TemplateVersionRecord> version
        = m_store.templateVersion(message.templateId, message.templateVersion);
    if (!version) {
        return ProtocolError::make(ErrorCode::NotFound,
            QStringLiteral("template %1 has no version %2").arg(message.templateId).arg(message.templateVersion));
    }
    // A locale the user somehow stored unnormalised still finds its contents.
    const QString tag = LocaleTag::canonical(locale.trimmed()).value_or(QString());
    Expected<Preview> rendered = render(*version, channel, tag, message.variables);
    if (!rendered)
        return rendered.error();
    return rendered->content;
}

} // namespace Tidings::Server
