#include "protocol/StreamEvent.h"

#include "protocol/JsonUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tidings {

namespace {

constexpr QLatin1String SeqKey("seq");
constexpr QLatin1String IdsKey("ids");
constexpr QLatin1String ReadAtKey("readAt");
constexpr QLatin1String AtKey("at");
constexpr QLatin1String TopicKey("topic");
constexpr QLatin1String UpToSeqKey("upToSeq");

Expected<QDateTime> readTime(const QJsonObject &data, const QString &key)
{
    return Json::parseTime(data.value(key), key);
}

} // namespace

QJsonObject UnreadCounts::toJson() const
{
    QJsonObject topics;
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        if (!it.key().isEmpty() && it.value() != 0)
            topics.insert(it.key(), it.value());
    }
    return {{QStringLiteral("total"), total}, {QStringLiteral("byTopic"), topics}};
}

UnreadCounts UnreadCounts::fromJson(const QJsonObject &o)
{
    UnreadCounts counts;
    counts.total = o.value(QLatin1String("total")).toInteger();
    const QJsonObject topics = o.value(QLatin1String("byTopic")).toObject();
    for (auto it = topics.begin(); it != topics.end(); ++it) {
        const qint64 n = it.value().toInteger();
        if (!it.key().isEmpty() && n != 0)
            counts.byTopic.insert(it.key(), n);
    }
    return counts;
}

QString StreamEvent::kindName(Kind k)
{
    switch (k) {
    case Kind::Notification:
        break;
    case Kind::Read:
        return QStringLiteral("read");
    case Kind::Unread:
        return QStringLiteral("unread");
    case Kind::ReadAll:
        return QStringLiteral("readAll");
    case Kind::Deleted:
        return QStringLiteral("deleted");
    }
    return QStringLiteral("notification");
}

std::optional<StreamEvent::Kind> StreamEvent::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Notification, Kind::Read, Kind::Unread, Kind::ReadAll, Kind::Deleted}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QJsonObject StreamEvent::toData() const
{
    if (kind == Kind::Notification) {
        // The stream position is the event's, whatever the copy in `notification` says.
        QJsonObject data = notification.toJson();
        data.insert(SeqKey, seq);
        return data;
    }
    // `at` is beyond PROTOCOL.md's table: unread and deleted have no readAt, and a
    // replayed event should still say when it happened.
    QJsonObject data {{SeqKey, seq}, {AtKey, Json::timeOrNull(at)}};
    switch (kind) {
    case Kind::Read:
        data.insert(IdsKey, QJsonArray::fromStringList(ids));
        data.insert(ReadAtKey, Json::timeOrNull(at));
        break;
    case Kind::Unread:
        // The ids are unread again: a client that copies readAt gets it right.
        data.insert(IdsKey, QJsonArray::fromStringList(ids));
        data.insert(ReadAtKey, QJsonValue::Null);
        break;
    case Kind::ReadAll:
        data.insert(TopicKey, topic.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(topic));
        data.insert(UpToSeqKey, upToSeq);
        data.insert(ReadAtKey, Json::timeOrNull(at));
        break;
    case Kind::Deleted:
        data.insert(IdsKey, QJsonArray::fromStringList(ids));
        break;
    case Kind::Notification:
        break;
    }
    return data;
}

QByteArray StreamEvent::toFrame() const
{
    const QJsonObject frame {{QStringLiteral("event"), kindName(kind)}, {QStringLiteral("data"), toData()}};
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

Expected<StreamEvent> StreamEvent::fromData(const QString &event, const QJsonObject &data)
{
    const std::optional<Kind> kind = kindFromName(event);
    if (!kind) {
        return ProtocolError {QLatin1String(ErrorCode::UnknownEvent),
            QStringLiteral("\"%1\" is not a stream event").arg(event), QStringLiteral("event")};
    }
    StreamEvent e;
    e.kind = *kind;

    auto seq = Json::optInteger(data, SeqKey);
    if (!seq)
        return seq.error();
    if (!seq.value() || *seq.value() < 0)
        return ProtocolError::validation(SeqKey, QStringLiteral("seq is required and must not be negative"));
    e.seq = *seq.value();

    if (e.kind == Kind::Notification) {
        auto n = Notification::fromJson(data);
        if (!n)
            return n.error();
        e.notification = n.value();
        e.at = e.notification.createdAt;
        return e;
    }

    auto at = readTime(data, AtKey);
    if (!at)
        return at.error();
    e.at = at.value();
    if (e.kind == Kind::Read || e.kind == Kind::ReadAll) {
        auto readAt = readTime(data, ReadAtKey);
        if (!readAt)
            return readAt.error();
        if (readAt.value().isValid())
            e.at = readAt.value();
    }

    if (e.kind == Kind::ReadAll) {
        auto topic = Json::optString(data, TopicKey);
        if (!topic)
            return topic.error();
        e.topic = topic.value().value_or(QString());
        if (!e.topic.isEmpty() && !isValidTopicName(e.topic))
            return ProtocolError::validation(TopicKey, QStringLiteral("topic is not a valid topic name"));
        auto upTo = Json::optInteger(data, UpToSeqKey);
        if (!upTo)
            return upTo.error();
        e.upToSeq = upTo.value().value_or(0);
        if (e.upToSeq < 0)
            return ProtocolError::validation(UpToSeqKey, QStringLiteral("upToSeq must not be negative"));
        return e;
    }

    auto ids = Json::idList(data, IdsKey);
    if (!ids)
        return ids.error();
    e.ids = ids.value();
    return e;
}

} // namespace Tidings
