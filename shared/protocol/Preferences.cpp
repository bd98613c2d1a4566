#include "protocol/Preferences.h"

#include "protocol/JsonUtil.h"
#include "protocol/Notification.h"

#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Tidings {

namespace {

using MaybeError = std::optional<ProtocolError>;

constexpr QLatin1String TimeFormat("HH:mm");

// Re-anchors an error from a nested reader ("start must be ...") at its dotted path
// in the document ("quietHours.start must be ...").
ProtocolError nested(ProtocolError e, const QString &prefix)
{
    if (prefix.isEmpty())
        return e;
    if (e.message.startsWith(e.field))
        e.message = prefix + u'.' + e.message;
    e.field = prefix + u'.' + e.field;
    return e;
}

// A present, non-null member that must be an object: nullopt when absent or null.
Expected<std::optional<QJsonObject>> optObject(const QJsonObject &o, const QString &key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QJsonObject>();
    if (!v.isObject())
        return ProtocolError::validation(path, path + QStringLiteral(" must be an object"));
    return std::optional<QJsonObject>(v.toObject());
}

MaybeError applyBool(const QJsonObject &o, const QString &key, bool &target)
{
    auto v = Json::optBool(o, key);
    if (!v)
        return v.error();
    if (v.value())
        target = *v.value();
    return std::nullopt;
}

MaybeError applySwitches(const QJsonObject &o, ChannelSwitches &s, const QString &path)
{
    for (const auto &[key, target] :
        {std::pair {QStringLiteral("email"), &s.email}, std::pair {QStringLiteral("push"), &s.push},
            std::pair {QStringLiteral("inApp"), &s.inApp}, std::pair {QStringLiteral("desktop"), &s.desktop}}) {
        if (auto error = applyBool(o, key, *target))
            return nested(*error, path);
    }
    return std::nullopt;
}

// Exactly "HH:mm": QTime's own parser also takes "7:5", which would round-trip differently.
MaybeError applyTime(const QJsonObject &o, const QString &key, QTime &target)
{
    auto v = Json::optString(o, key);
    if (!v)
        return v.error();
    if (!v.value())
        return std::nullopt;
    const QString text = *v.value();
    const QTime t = text.size() == 5 ? QTime::fromString(text, TimeFormat) : QTime();
    if (!t.isValid())
        return ProtocolError::validation(
            key, key + QStringLiteral(" must be a time of day as \"HH:mm\", e.g. \"22:00\""));
    target = t;
    return std::nullopt;
}

MaybeError applyDays(const QJsonObject &o, QList<int> &target)
{
    const QString key = QStringLiteral("days");
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray())
        return ProtocolError::validation(key, QStringLiteral("days must be a list of ISO weekdays 1-7 (Monday = 1)"));
    const QJsonArray array = v.toArray();
    QList<int> days;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = key + QStringLiteral("[%1]").arg(i);
        const double d = array.at(i).toDouble(0);
        if (!array.at(i).isDouble() || std::trunc(d) != d || d < 1 || d > 7)
            return ProtocolError::validation(field, field + QStringLiteral(" must be an ISO weekday 1-7 (Monday = 1)"));
        if (days.contains(int(d)))
            return ProtocolError::validation(field, field + QStringLiteral(" repeats day %1").arg(int(d)));
        days.append(int(d));
    }
    std::sort(days.begin(), days.end());
    target = days;
    return std::nullopt;
}

MaybeError applyQuietHours(const QJsonObject &o, QuietHours &q)
{
    if (auto e = applyBool(o, QStringLiteral("enabled"), q.enabled))
        return e;
    if (auto e = applyTime(o, QStringLiteral("start"), q.start))
        return e;
    if (auto e = applyTime(o, QStringLiteral("end"), q.end))
        return e;
    auto timezone = Json::optString(o, QStringLiteral("timezone"));
    if (!timezone)
        return timezone.error();
    if (timezone.value()) {
        const QString id = timezone.value()->trimmed();
        if (id != QLatin1String("UTC") && !QTimeZone::isTimeZoneIdAvailable(id.toUtf8())) {
            return ProtocolError::validation(QStringLiteral("timezone"),
                QStringLiteral("timezone must be an IANA time zone such as \"Europe/Berlin\" or \"UTC\""));
        }
        q.timezone = id;
    }
    if (auto e = applyDays(o, q.days))
        return e;
    return applyBool(o, QStringLiteral("allowUrgent"), q.allowUrgent);
}

MaybeError applyDigest(const QJsonObject &o, Digest &d)
{
    if (auto e = applyBool(o, QStringLiteral("enabled"), d.enabled))
        return e;
    auto frequency = Json::optString(o, QStringLiteral("frequency"));
    if (!frequency)
        return frequency.error();
    if (frequency.value()) {
        const QString f = frequency.value()->toLower();
        if (f != QLatin1String("hourly") && f != QLatin1String("daily") && f != QLatin1String("weekly")) {
            return ProtocolError::validation(
                QStringLiteral("frequency"), QStringLiteral("frequency must be hourly, daily or weekly"));
        }
        d.frequency = f;
    }
    return applyTime(o, QStringLiteral("time"), d.time);
}

// `key` is the member the client used ("topics" or its alias "channels"), so the
// error path points at what the client actually sent.
MaybeError applyTopics(const QJsonObject &o, const QString &key, Preferences &p)
{
    auto topics = optObject(o, key, key);
    if (!topics)
        return topics.error();
    if (!topics.value())
        return std::nullopt;
    const QJsonObject &changes = *topics.value();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString path = key + u'.' + it.key();
        if (!isValidTopicName(it.key())) {
            return ProtocolError::validation(
                path, path + QStringLiteral(" is not a topic name (1-64 characters of A-Z, a-z, 0-9, '_' and '-')"));
        }
        if (it.value().isNull()) {
            p.topics.remove(it.key());
            continue;
        }
        if (!it.value().isObject())
            return ProtocolError::validation(path, path + QStringLiteral(" must be an object or null"));
        // A new override starts from the global switches, so {email:false} only turns email off.
        ChannelSwitches s = p.topics.value(it.key(), p.global);
        if (auto e = applySwitches(it.value().toObject(), s, path))
            return e;
        p.topics.insert(it.key(), s);
    }
    return std::nullopt;
}

} // namespace

QJsonObject ChannelSwitches::toJson() const
{
    return {{QStringLiteral("email"), email}, {QStringLiteral("push"), push}, {QStringLiteral("inApp"), inApp},
        {QStringLiteral("desktop"), desktop}};
}

QJsonObject QuietHours::toJson() const
{
    QJsonArray dayArray;
    for (int d : days)
        dayArray.append(d);
    return {{QStringLiteral("enabled"), enabled}, {QStringLiteral("start"), start.toString(TimeFormat)},
        {QStringLiteral("end"), end.toString(TimeFormat)}, {QStringLiteral("timezone"), timezone},
        {QStringLiteral("days"), dayArray}, {QStringLiteral("allowUrgent"), allowUrgent}};
}

QJsonObject Digest::toJson() const
{
    return {{QStringLiteral("enabled"), enabled}, {QStringLiteral("frequency"), frequency},
        {QStringLiteral("time"), time.toString(TimeFormat)}};
}

QJsonObject Preferences::toJson() const
{
    QJsonObject o = global.toJson();
    QJsonObject topicObject;
    for (auto it = topics.cbegin(); it != topics.cend(); ++it)
        topicObject.insert(it.key(), it.value().toJson());
    o.insert(QStringLiteral("quietHours"), quietHours.toJson());
    o.insert(QStringLiteral("digest"), digest.toJson());
    o.insert(QStringLiteral("topics"), topicObject);
    return o;
}

Expected<Preferences> Preferences::fromJson(const QJsonObject &o)
{
    // A stored document is a complete partial: the defaults fill what an older
    // version did not write.
    return Preferences().merged(o);
}

Expected<Preferences> Preferences::merged(const QJsonObject &partial) const
{
    Preferences p = *this;
    if (auto e = applySwitches(partial, p.global, {}))
        return *e;

    const QString quietKey = QStringLiteral("quietHours");
    auto quiet = optObject(partial, quietKey, quietKey);
    if (!quiet)
        return quiet.error();
    if (quiet.value()) {
        if (auto e = applyQuietHours(*quiet.value(), p.quietHours))
            return nested(*e, quietKey);
    }

    const QString digestKey = QStringLiteral("digest");
    auto digest = optObject(partial, digestKey, digestKey);
    if (!digest)
        return digest.error();
    if (digest.value()) {
        if (auto e = applyDigest(*digest.value(), p.digest))
            return nested(*e, digestKey);
    }

    const QString topicsKey = QStringLiteral("topics");
    const QString aliasKey = QStringLiteral("channels");
    const QJsonValue topics = partial.value(topicsKey);
    const QJsonValue alias = partial.value(aliasKey);
    const bool hasTopics = !topics.isUndefined() && !topics.isNull();
    const bool hasAlias = !alias.isUndefined() && !alias.isNull();
    if (hasTopics && hasAlias && topics != alias) {
        return ProtocolError::validation(
            aliasKey, QStringLiteral("channels is an alias of topics; send only one of them"));
    }
    if (auto e = applyTopics(partial, hasTopics ? topicsKey : aliasKey, p))
        return *e;
    return p;
}

} // namespace Tidings
