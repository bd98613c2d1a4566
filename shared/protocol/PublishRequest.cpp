#include "protocol/PublishRequest.h"

#include "protocol/JsonUtil.h"
#include "protocol/Limits.h"

#include <algorithm>

namespace Tidings {

namespace {

ProtocolError invalid(const QString &field, const QString &message)
{
    return ProtocolError::validation(field, message);
}

// A list of non-empty names (user ids, usernames), trimmed and without repeats.
Expected<QStringList> readNames(const QJsonObject &o, const QString &key, int max)
{
    auto list = Json::optStringList(o, key);
    if (!list)
        return list.error();
    QStringList names = list.value().value_or(QStringList());
    if (names.size() > max)
        return invalid(key, key + QStringLiteral(" has more than %1 entries").arg(max));
    for (qsizetype i = 0; i < names.size(); ++i) {
        names[i] = names.at(i).trimmed();
        if (names.at(i).isEmpty()) {
            const QString field = key + QStringLiteral("[%1]").arg(i);
            return invalid(field, field + QStringLiteral(" must not be empty"));
        }
    }
    names.removeDuplicates();
    return names;
}

// Maps each entry to its canonical spelling in `allowed` (case-insensitively), so
// "InApp" and "inapp" both mean inApp.
Expected<QStringList> readEnumList(
    const QJsonObject &o, const QString &key, const QStringList &allowed, const QString &hint)
{
    auto list = Json::optStringList(o, key);
    if (!list)
        return list.error();
    QStringList result;
    const QStringList given = list.value().value_or(QStringList());
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QString name = given.at(i).trimmed();
        const auto match = std::find_if(allowed.cbegin(), allowed.cend(),
            [&name](const QString &candidate) { return candidate.compare(name, Qt::CaseInsensitive) == 0; });
        const qsizetype at = match == allowed.cend() ? -1 : match - allowed.cbegin();
        if (at < 0) {
            const QString field = key + QStringLiteral("[%1]").arg(i);
            return invalid(field,
                field + QStringLiteral(" \"") + given.at(i) + QStringLiteral("\" is not one of ")
                    + allowed.join(QStringLiteral(", ")) + hint);
        }
        result.append(allowed.at(at));
    }
    result.removeDuplicates();
    return result;
}

} // namespace

const QStringList &deliveryChannels()
{
    static const QStringList list = {
        QLatin1String(DeliveryChannel::InApp),
        QLatin1String(DeliveryChannel::Desktop),
        QLatin1String(DeliveryChannel::Email),
        QLatin1String(DeliveryChannel::Push),
        QLatin1String(DeliveryChannel::Webhook),
    };
    return list;
}

const QStringList &userRoles()
{
    static const QStringList list = {QStringLiteral("admin"), QStringLiteral("publisher"), QStringLiteral("user")};
    return list;
}

Expected<PublishRequest> PublishRequest::fromJson(const QJsonObject &o, const QDateTime &now)
{
    PublishRequest r;

    auto templateId = Json::optString(o, QStringLiteral("templateId"));
    if (!templateId)
        return templateId.error();
    r.templateId = templateId.value().value_or(QString()).trimmed();

    // A template renders the title at delivery time, so a templated publish may
    // leave it out; every other content rule still applies to what was sent.
    QJsonObject contentJson = o;
    const QJsonValue title = o.value(QLatin1String("title"));
    const bool titleFromTemplate = !r.templateId.isEmpty() && (title.isUndefined() || title.isNull());
    if (titleFromTemplate)
        contentJson.insert(QStringLiteral("title"), QStringLiteral("template"));
    auto content = NotificationContent::fromJson(contentJson);
    if (!content)
        return content.error();
    r.content = content.value();
    if (titleFromTemplate)
        r.content.title.clear();

    auto recipients = readNames(o, QStringLiteral("recipients"), Limits::RecipientsMax);
    if (!recipients)
        return recipients.error();
    r.recipients = recipients.value();

    auto roles = readEnumList(o, QStringLiteral("roles"), userRoles(), {});
    if (!roles)
        return roles.error();
    r.roles = roles.value();

    auto broadcast = Json::optBool(o, QStringLiteral("broadcast"));
    if (!broadcast)
        return broadcast.error();
    r.broadcast = broadcast.value().value_or(false);

    if (r.recipients.isEmpty() && r.content.topic.isEmpty() && r.roles.isEmpty() && !r.broadcast) {
        return invalid(QStringLiteral("recipients"),
            QStringLiteral("a notification needs at least one target: recipients (a list of user ids or "
                           "usernames), topic (or channel), roles, or broadcast: true"));
    }

    auto excluded = readNames(o, QStringLiteral("excludeUsers"), Limits::RecipientsMax);
    if (!excluded)
        return excluded.error();
    r.excludeUsers = excluded.value();

    // The seed card calls topics "channels"; here the key means delivery media, so
    // a topic name in it gets a hint instead of a bare "unknown".
    auto channels = readEnumList(o, QStringLiteral("channels"), deliveryChannels(),
        QStringLiteral(" (channels are delivery media; use topic to name a topic)"));
    if (!channels)
        return channels.error();
    r.channels = channels.value();

    auto scheduledAt = Json::parseTime(o.value(QLatin1String("scheduledAt")), QStringLiteral("scheduledAt"));
    if (!scheduledAt)
        return scheduledAt.error();
    r.scheduledAt = scheduledAt.value();

    auto expiresAt = Json::parseTime(o.value(QLatin1String("expiresAt")), QStringLiteral("expiresAt"));
    if (!expiresAt)
        return expiresAt.error();
    r.expiresAt = expiresAt.value();
    if (r.expiresAt.isValid() && r.expiresAt <= now)
        return invalid(QStringLiteral("expiresAt"), QStringLiteral("expiresAt must be in the future"));
    if (r.expiresAt.isValid() && r.scheduledAt.isValid() && r.expiresAt <= r.scheduledAt)
        return invalid(QStringLiteral("expiresAt"), QStringLiteral("expiresAt must be after scheduledAt"));

    const QJsonValue variables = o.value(QLatin1String("variables"));
    if (!variables.isUndefined() && !variables.isNull()) {
        if (!variables.isObject())
            return invalid(QStringLiteral("variables"), QStringLiteral("variables must be an object"));
        if (r.templateId.isEmpty())
            return invalid(QStringLiteral("variables"), QStringLiteral("variables needs a templateId"));
        r.variables = variables.toObject();
    }

    auto key = Json::optString(o, QStringLiteral("idempotencyKey"));
    if (!key)
        return key.error();
    if (key.value()) {
        r.idempotencyKey = *key.value();
        if (r.idempotencyKey.isEmpty()) {
            return invalid(QStringLiteral("idempotencyKey"), QStringLiteral("idempotencyKey must not be empty"));
        }
        if (r.idempotencyKey.toUcs4().size() > Limits::IdempotencyKeyMaxChars) {
            return invalid(QStringLiteral("idempotencyKey"),
                QStringLiteral("idempotencyKey is longer than %1 characters").arg(Limits::IdempotencyKeyMaxChars));
        }
    }
    return r;
}

} // namespace Tidings
