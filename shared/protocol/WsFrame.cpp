#include "protocol/WsFrame.h"

#include "protocol/JsonUtil.h"
#include "protocol/Notification.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Tidings {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ProtocolError badTopicName(const QString &field)
{
    return ProtocolError::validation(
        field, field + QStringLiteral(" is not a topic name (1-64 characters of A-Z, a-z, 0-9, '_' and '-')"));
}

Expected<qint64> readSeq(const QJsonObject &data, const QString &key, bool required)
{
    auto v = Json::optInteger(data, key);
    if (!v)
        return v.error();
    if (!v.value() && required)
        return ProtocolError::validation(key, key + QStringLiteral(" is required"));
    const qint64 seq = v.value().value_or(0);
    if (seq < 0)
        return ProtocolError::validation(key, key + QStringLiteral(" must not be negative"));
    return seq;
}

} // namespace

Expected<ClientFrame> decodeClientFrame(const QByteArray &utf8)
{
    // Checked first: QJsonDocument would turn bad bytes into U+FFFD and accept them.
    if (!Json::isValidUtf8(utf8))
        return ProtocolError::make(ErrorCode::MalformedJson, QStringLiteral("frame is not valid UTF-8"));
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        return ProtocolError::make(ErrorCode::MalformedJson,
            QStringLiteral("frame is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isObject())
        return ProtocolError::make(ErrorCode::Validation, QStringLiteral("frame must be a JSON object"));
    const QJsonObject o = doc.object();

    ClientFrame frame;
    const QString eventKey = QStringLiteral("event");
    auto event = Json::optString(o, eventKey);
    if (!event)
        return event.error();
    frame.event = event.value().value_or(QString());
    if (frame.event.isEmpty())
        return ProtocolError::validation(eventKey, QStringLiteral("event is required"));

    const QJsonValue data = o.value(QLatin1String("data"));
    if (data.isObject())
        frame.data = data.toObject();
    else if (!data.isUndefined() && !data.isNull())
        return ProtocolError::validation(QStringLiteral("data"), QStringLiteral("data must be an object"));

    frame.ref = o.value(QLatin1String("ref"));
    return frame;
}

QByteArray encodeFrame(const QString &event, const QJsonObject &data)
{
    return compact({{QStringLiteral("event"), event}, {QStringLiteral("data"), data}});
}

QByteArray encodeReplyOk(const QJsonValue &ref, const QJsonObject &data)
{
    // Inserting an undefined ref drops the key, which is what a frame without ref needs.
    QJsonObject o {{QStringLiteral("event"), QLatin1String(WsEvent::Reply)}, {QStringLiteral("ok"), true}};
    o.insert(QStringLiteral("ref"), ref);
    o.insert(QStringLiteral("data"), data);
    return compact(o);
}

QByteArray encodeReplyError(const QJsonValue &ref, const ProtocolError &error)
{
    QJsonObject o {{QStringLiteral("event"), QLatin1String(WsEvent::Reply)}, {QStringLiteral("ok"), false}};
    o.insert(QStringLiteral("ref"), ref);
    o.insert(QStringLiteral("error"), error.toJson());
    return compact(o);
}

Expected<ResumeRequest> parseResume(const QString &event, const QJsonObject &data)
{
    ResumeRequest r;
    if (event == QLatin1String(WsEvent::RequestMissed)) {
        const QString key = QStringLiteral("since");
        const QJsonValue since = data.value(key);
        if (since.isUndefined() || since.isNull())
            return ProtocolError::validation(key, QStringLiteral("since is required (an ISO 8601 time)"));
        auto t = Json::parseTime(since, key);
        if (!t)
            return t.error();
        r.since = t.value();
        return r;
    }
    if (event != QLatin1String(WsEvent::Resume)) {
        return ProtocolError {QLatin1String(ErrorCode::UnknownEvent),
            QStringLiteral("\"%1\" is not a resume event").arg(event), QStringLiteral("event")};
    }
    // A client that never connected has no epoch yet; the server answers resync.
    auto epoch = Json::optString(data, QStringLiteral("epoch"));
    if (!epoch)
        return epoch.error();
    r.epoch = epoch.value().value_or(QString());
    auto seq = readSeq(data, QStringLiteral("sinceSeq"), true);
    if (!seq)
        return seq.error();
    r.sinceSeq = seq.value();
    return r;
}

Expected<QStringList> parseTopics(const QJsonObject &data)
{
    const QString topicsKey = QStringLiteral("topics");
    const QString aliasKey = QStringLiteral("channels");
    auto topics = Json::optStringList(data, topicsKey);
    if (!topics)
        return topics.error();
    auto alias = Json::optStringList(data, aliasKey);
    if (!alias)
        return alias.error();
    if (topics.value() && alias.value() && *topics.value() != *alias.value())
        return ProtocolError::validation(aliasKey, QStringLiteral("channels is an alias of topics; send only one"));

    const QString key = topics.value() ? topicsKey : aliasKey;
    QStringList names = topics.value().value_or(alias.value().value_or(QStringList()));
    if (names.isEmpty())
        return ProtocolError::validation(
            topicsKey, QStringLiteral("topics (or channels) must name at least one topic"));
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (!isValidTopicName(names.at(i)))
            return badTopicName(key + QStringLiteral("[%1]").arg(i));
    }
    names.removeDuplicates();
    return names;
}

Expected<QStringList> parseIds(const QJsonObject &data)
{
    return Json::idList(data, QStringLiteral("ids"), QStringLiteral("notificationId"));
}

Expected<ReadAllRequest> parseReadAll(const QJsonObject &data)
{
    ReadAllRequest r;
    const QString topicKey = QStringLiteral("topic");
    const QString aliasKey = QStringLiteral("channel");
    auto topic = Json::optString(data, topicKey);
    if (!topic)
        return topic.error();
    auto alias = Json::optString(data, aliasKey);
    if (!alias)
        return alias.error();
    if (topic.value() && alias.value() && *topic.value() != *alias.value())
        return ProtocolError::validation(aliasKey, QStringLiteral("channel is an alias of topic and must not differ"));
    // "" means every topic, as an empty `topic=` filter does in the REST query.
    r.topic = topic.value().value_or(alias.value().value_or(QString()));
    if (!r.topic.isEmpty() && !isValidTopicName(r.topic))
        return badTopicName(topic.value() ? topicKey : aliasKey);
    auto upTo = readSeq(data, QStringLiteral("upToSeq"), false);
    if (!upTo)
        return upTo.error();
    r.upToSeq = upTo.value();
    return r;
}

} // namespace Tidings
