#include "protocol/Notification.h"

#include "protocol/JsonUtil.h"
#include "protocol/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <tuple>

namespace Tidings {

namespace {

using Json::optString;

// Limits are in characters as a user counts them: an emoji outside the BMP is one
// character even though QString stores it as a surrogate pair.
qsizetype codePointCount(const QString &s)
{
    return s.toUcs4().size();
}

ProtocolError tooLong(const QString &field, int max)
{
    return ProtocolError::validation(field, field + QStringLiteral(" is longer than %1 characters").arg(max));
}

// Re-anchors an error from a nested object's reader ("url must be a string") at
// its path in the request ("actions[1].url must be a string").
ProtocolError nested(ProtocolError e, const QString &prefix)
{
    if (e.message.startsWith(e.field))
        e.message = prefix + u'.' + e.message;
    e.field = prefix + u'.' + e.field;
    return e;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

std::optional<ProtocolError> checkUrl(const QString &field, const QString &url)
{
    if (codePointCount(url) > Limits::UrlMaxChars)
        return tooLong(field, Limits::UrlMaxChars);
    if (!isHttpUrl(url))
        return ProtocolError::validation(field, field + QStringLiteral(" must be an http or https URL"));
    return std::nullopt;
}

// An optional URL field: absent or null means none.
Expected<QString> readUrl(const QJsonObject &o, const QString &key)
{
    auto v = optString(o, key);
    if (!v)
        return v.error();
    if (!v.value())
        return QString();
    if (auto error = checkUrl(key, *v.value()))
        return *error;
    return *v.value();
}

// A free-form optional string with a length limit.
Expected<QString> readBounded(const QJsonObject &o, const QString &key, int max)
{
    auto v = optString(o, key);
    if (!v)
        return v.error();
    const QString value = v.value().value_or(QString());
    if (codePointCount(value) > max)
        return tooLong(key, max);
    return value;
}

Expected<QString> readTopic(const QJsonObject &o)
{
    const QString topicKey = QStringLiteral("topic");
    const QString channelKey = QStringLiteral("channel");
    auto topic = optString(o, topicKey);
    if (!topic)
        return topic.error();
    auto channel = optString(o, channelKey);
    if (!channel)
        return channel.error();
    if (topic.value() && channel.value() && *topic.value() != *channel.value()) {
        return ProtocolError::validation(
            channelKey, QStringLiteral("channel is an alias of topic and must not differ from it"));
    }
    const QString field = topic.value() ? topicKey : channelKey;
    const std::optional<QString> name = topic.value() ? topic.value() : channel.value();
    if (!name)
        return QString();
    if (!isValidTopicName(*name)) {
        return ProtocolError::validation(
            field, field + QStringLiteral(" must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'"));
    }
    return *name;
}

Expected<QStringList> readTags(const QJsonObject &o)
{
    const QString key = QStringLiteral("tags");
    auto list = Json::optStringList(o, key);
    if (!list)
        return list.error();
    QStringList tags = list.value().value_or(QStringList());
    if (tags.size() > Limits::TagsMax)
        return ProtocolError::validation(key, QStringLiteral("tags has more than %1 entries").arg(Limits::TagsMax));
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const QString field = QStringLiteral("tags[%1]").arg(i);
        tags[i] = tags.at(i).trimmed();
        if (tags.at(i).isEmpty())
            return ProtocolError::validation(field, field + QStringLiteral(" must not be empty"));
        if (codePointCount(tags.at(i)) > Limits::TagMaxChars)
            return tooLong(field, Limits::TagMaxChars);
    }
    tags.removeDuplicates();
    return tags;
}

Expected<NotificationAction> readAction(const QJsonValue &v, const QString &path)
{
    if (!v.isObject())
        return ProtocolError::validation(path, path + QStringLiteral(" must be an object"));
    const QJsonObject o = v.toObject();
    NotificationAction action;
    for (const auto &[key, max, target] : {std::tuple {QStringLiteral("id"), Limits::ActionIdMaxChars, &action.id},
             std::tuple {QStringLiteral("label"), Limits::ActionLabelMaxChars, &action.label}}) {
        auto value = readBounded(o, key, max);
        if (!value)
            return nested(value.error(), path);
        *target = value.value().trimmed();
        if (target->isEmpty())
            return nested(ProtocolError::validation(key, key + QStringLiteral(" is required")), path);
    }
    auto kind = optString(o, QStringLiteral("kind"));
    if (!kind)
        return nested(kind.error(), path);
    action.kind = kind.value().value_or(QStringLiteral("view")).toLower();
    if (action.kind != QLatin1String("view") && action.kind != QLatin1String("http")
        && action.kind != QLatin1String("dismiss")) {
        return ProtocolError::validation(
            path + QStringLiteral(".kind"), path + QStringLiteral(".kind must be view, http or dismiss"));
    }
    auto url = readUrl(o, QStringLiteral("url"));
    if (!url)
        return nested(url.error(), path);
    action.url = url.value();
    if (action.url.isEmpty() && action.kind != QLatin1String("dismiss")) {
        return ProtocolError::validation(path + QStringLiteral(".url"),
            path + QStringLiteral(".url is required for a ") + action.kind + QStringLiteral(" action"));
    }
    return action;
}

Expected<QList<NotificationAction>> readActions(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1String("actions"));
    if (v.isUndefined() || v.isNull())
        return QList<NotificationAction>();
    if (!v.isArray())
        return ProtocolError::validation(
            QStringLiteral("actions"), QStringLiteral("actions must be a list of objects"));
    const QJsonArray array = v.toArray();
    if (array.size() > Limits::ActionsMax) {
        return ProtocolError::validation(
            QStringLiteral("actions"), QStringLiteral("actions has more than %1 entries").arg(Limits::ActionsMax));
    }
    QList<NotificationAction> actions;
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("actions[%1]").arg(i);
        auto action = readAction(array.at(i), path);
        if (!action)
            return action.error();
        // The client reports which action was clicked by id, so ids must be unique.
        if (ids.contains(action->id)) {
            return ProtocolError::validation(
                path + QStringLiteral(".id"), path + QStringLiteral(".id repeats the id of an earlier action"));
        }
        ids.insert(action->id);
        actions.append(action.value());
    }
    return actions;
}

Expected<QJsonObject> readData(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1String("data"));
    if (v.isUndefined() || v.isNull())
        return QJsonObject();
    if (!v.isObject())
        return ProtocolError::validation(QStringLiteral("data"), QStringLiteral("data must be an object"));
    const QJsonObject data = v.toObject();
    if (QJsonDocument(data).toJson(QJsonDocument::Compact).size() > Limits::DataMaxEncodedBytes) {
        return ProtocolError::validation(QStringLiteral("data"),
            QStringLiteral("data is larger than %1 bytes when encoded as JSON").arg(Limits::DataMaxEncodedBytes));
    }
    return data;
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

const QStringList &statuses()
{
    static const QStringList list = {
        QLatin1String(Status::Scheduled),
        QLatin1String(Status::Pending),
        QLatin1String(Status::Delivered),
        QLatin1String(Status::Read),
        QLatin1String(Status::Failed),
        QLatin1String(Status::Expired),
        QLatin1String(Status::Cancelled),
    };
    return list;
}

} // namespace

bool isValidTopicName(const QString &topic)
{
    if (topic.isEmpty() || topic.size() > Limits::TopicMaxChars)
        return false;
    for (const QChar c : topic) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QJsonObject NotificationAction::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("label"), label}, {QStringLiteral("kind"), kind}};
    if (!url.isEmpty())
        o.insert(QStringLiteral("url"), url);
    return o;
}

QJsonObject Sender::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

Expected<NotificationContent> NotificationContent::fromJson(const QJsonObject &o)
{
    NotificationContent c;

    auto topic = readTopic(o);
    if (!topic)
        return topic.error();
    c.topic = topic.value();

    auto type = readBounded(o, QStringLiteral("type"), Limits::TypeMaxChars);
    if (!type)
        return type.error();
    c.type = type.value();

    const QString titleKey = QStringLiteral("title");
    auto title = optString(o, titleKey);
    if (!title)
        return title.error();
    // Surrounding whitespace is a client artefact; the limit applies to what is shown.
    c.title = title.value().value_or(QString()).trimmed();
    if (c.title.isEmpty())
        return ProtocolError::validation(titleKey, QStringLiteral("title is required and must not be empty"));
    if (codePointCount(c.title) > Limits::TitleMaxChars)
        return tooLong(titleKey, Limits::TitleMaxChars);

    // The message keeps its whitespace: it may be Markdown, where indentation matters.
    auto message = readBounded(o, QStringLiteral("message"), Limits::MessageMaxChars);
    if (!message)
        return message.error();
    c.message = message.value();

    auto format = optString(o, QStringLiteral("format"));
    if (!format)
        return format.error();
    c.format = format.value().value_or(QStringLiteral("text")).toLower();
    if (c.format != QLatin1String("text") && c.format != QLatin1String("markdown"))
        return ProtocolError::validation(QStringLiteral("format"), QStringLiteral("format must be text or markdown"));

    const QJsonValue priority = o.value(QLatin1String("priority"));
    if (!priority.isUndefined() && !priority.isNull()) {
        auto p = priorityFromJson(priority);
        if (!p)
            return p.error();
        c.priority = p.value();
    }

    auto tags = readTags(o);
    if (!tags)
        return tags.error();
    c.tags = tags.value();

    auto click = readUrl(o, QStringLiteral("click"));
    if (!click)
        return click.error();
    c.click = click.value();

    auto icon = readUrl(o, QStringLiteral("icon"));
    if (!icon)
        return icon.error();
    c.icon = icon.value();

    auto actions = readActions(o);
    if (!actions)
        return actions.error();
    c.actions = actions.value();

    auto data = readData(o);
    if (!data)
        return data.error();
    c.data = data.value();

    auto groupKey = readBounded(o, QStringLiteral("groupKey"), Limits::GroupKeyMaxChars);
    if (!groupKey)
        return groupKey.error();
    c.groupKey = groupKey.value();

    return c;
}

void NotificationContent::writeJson(QJsonObject &o) const
{
    QJsonArray actionArray;
    for (const NotificationAction &a : actions)
        actionArray.append(a.toJson());
    o.insert(QStringLiteral("topic"), stringOrNull(topic));
    o.insert(QStringLiteral("type"), stringOrNull(type));
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("format"), format);
    o.insert(QStringLiteral("priority"), priorityToString(priority));
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    o.insert(QStringLiteral("click"), stringOrNull(click));
    o.insert(QStringLiteral("icon"), stringOrNull(icon));
    o.insert(QStringLiteral("actions"), actionArray);
    o.insert(QStringLiteral("data"), data);
    o.insert(QStringLiteral("groupKey"), stringOrNull(groupKey));
}

QJsonObject Notification::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("seq"), seq}};
    content.writeJson(o);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("createdAt"), Json::timeOrNull(createdAt));
    o.insert(QStringLiteral("scheduledAt"), Json::timeOrNull(scheduledAt));
    o.insert(QStringLiteral("expiresAt"), Json::timeOrNull(expiresAt));
    o.insert(QStringLiteral("deliveredAt"), Json::timeOrNull(deliveredAt));
    o.insert(QStringLiteral("readAt"), Json::timeOrNull(readAt));
    o.insert(QStringLiteral("sender"), sender.toJson());
    return o;
}

Expected<Notification> Notification::fromJson(const QJsonObject &o)
{
    auto content = NotificationContent::fromJson(o);
    if (!content)
        return content.error();
    Notification n;
    n.content = content.value();

    auto id = optString(o, QStringLiteral("id"));
    if (!id)
        return id.error();
    n.id = id.value().value_or(QString());
    if (n.id.isEmpty())
        return ProtocolError::validation(QStringLiteral("id"), QStringLiteral("id is required"));

    auto seq = Json::optInteger(o, QStringLiteral("seq"));
    if (!seq)
        return seq.error();
    n.seq = seq.value().value_or(0);
    if (n.seq < 0)
        return ProtocolError::validation(QStringLiteral("seq"), QStringLiteral("seq must not be negative"));

    auto status = optString(o, QStringLiteral("status"));
    if (!status)
        return status.error();
    n.status = status.value().value_or(QLatin1String(Status::Pending));
    if (!statuses().contains(n.status)) {
        return ProtocolError::validation(
            QStringLiteral("status"), QStringLiteral("status must be one of ") + statuses().join(QStringLiteral(", ")));
    }

    for (const auto &[key, target] : {std::pair {QStringLiteral("createdAt"), &n.createdAt},
             std::pair {QStringLiteral("scheduledAt"), &n.scheduledAt},
             std::pair {QStringLiteral("expiresAt"), &n.expiresAt},
             std::pair {QStringLiteral("deliveredAt"), &n.deliveredAt},
             std::pair {QStringLiteral("readAt"), &n.readAt}}) {
        auto t = Json::parseTime(o.value(key), key);
        if (!t)
            return t.error();
        *target = t.value();
    }

    const QJsonValue sender = o.value(QLatin1String("sender"));
    if (!sender.isUndefined() && !sender.isNull()) {
        if (!sender.isObject())
            return ProtocolError::validation(QStringLiteral("sender"), QStringLiteral("sender must be an object"));
        const QJsonObject so = sender.toObject();
        for (const auto &[key, target] : {std::pair {QStringLiteral("kind"), &n.sender.kind},
                 std::pair {QStringLiteral("id"), &n.sender.id}, std::pair {QStringLiteral("name"), &n.sender.name}}) {
            auto value = optString(so, key);
            if (!value)
                return nested(value.error(), QStringLiteral("sender"));
            *target = value.value().value_or(QString());
        }
    }
    return n;
}

} // namespace Tidings
