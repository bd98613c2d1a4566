#include "channels/WebPushPayload.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Tidings::Server::Channels {

namespace {

// How much of the message a shortened payload keeps before it gives up other fields.
constexpr qsizetype BodyPreviewChars = 256;

QByteArray encode(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void insertIfSet(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

// Shortens the string at `key` to the longest prefix (in whole code points, marked
// with an ellipsis) with which the whole object fits; empty if even that does not fit.
// A binary search, because how many bytes a character costs in JSON varies (1 to 6).
QByteArray shorten(QJsonObject &o, const QString &key, int maxBytes)
{
    const QString original = o.value(key).toString();
    const auto encodeWith = [&](qsizetype keep) {
        if (keep > 0 && keep < original.size() && original.at(keep - 1).isHighSurrogate())
            --keep;
        o.insert(key, keep >= original.size() ? original : keep > 0 ? original.left(keep) + QChar(0x2026) : QString());
        return encode(o);
    };
    QByteArray json = encodeWith(original.size());
    if (json.size() <= maxBytes)
        return json;
    qsizetype fits = 0; // the longest prefix known to fit (0: possibly none does)
    qsizetype tooLong = original.size();
    while (tooLong - fits > 1) {
        const qsizetype middle = fits + (tooLong - fits) / 2;
        if (encodeWith(middle).size() <= maxBytes)
            fits = middle;
        else
            tooLong = middle;
    }
    return encodeWith(fits);
}

} // namespace

QByteArray WebPushPayload::build(const Delivery::OutgoingDelivery &delivery, int maxBytes)
{
    const Notification &n = delivery.notification;
    const NotificationContent &c = n.content;

    QJsonObject o;
    o.insert(QStringLiteral("id"), n.id);
    insertIfSet(o, QStringLiteral("topic"), c.topic);
    o.insert(QStringLiteral("title"), delivery.content.subject.isEmpty() ? c.title : delivery.content.subject);
    o.insert(QStringLiteral("body"), delivery.content.text.isEmpty() ? c.message : delivery.content.text);
    insertIfSet(o, QStringLiteral("icon"), c.icon);
    // The signed redirect records the click before it goes to the publisher's URL.
    insertIfSet(o, QStringLiteral("click"), delivery.clickUrl.isEmpty() ? c.click : delivery.clickUrl);
    o.insert(QStringLiteral("tag"), c.groupKey.isEmpty() ? n.id : c.groupKey);
    o.insert(QStringLiteral("priority"), priorityToString(c.priority));
    if (n.createdAt.isValid())
        o.insert(QStringLiteral("timestamp"), n.createdAt.toMSecsSinceEpoch());
    if (!c.data.isEmpty())
        o.insert(QStringLiteral("data"), c.data);
    if (!c.actions.isEmpty()) {
        QJsonArray actions;
        for (const NotificationAction &action : c.actions)
            actions.append(action.toJson());
        o.insert(QStringLiteral("actions"), actions);
    }

    QByteArray json = encode(o);
    if (json.size() <= maxBytes)
        return json;

    // The body is what the user reads, so it keeps at least a preview: the optional
    // parts go one by one (least useful first) until a shortened body of that length
    // fits. The worker can fetch everything by id.
    o.insert(QStringLiteral("truncated"), true);
    const QString body = o.value(QStringLiteral("body")).toString();
    const qsizetype preview = qMin<qsizetype>(body.size(), BodyPreviewChars);
    const QString droppable[] = {
        QString(), QStringLiteral("data"), QStringLiteral("actions"), QStringLiteral("icon"), QStringLiteral("click")};
    for (const QString &key : droppable) {
        if (!key.isEmpty())
            o.remove(key);
        o.insert(QStringLiteral("body"), body);
        json = shorten(o, QStringLiteral("body"), maxBytes);
        if (json.size() <= maxBytes && o.value(QStringLiteral("body")).toString().size() >= preview)
            return json;
    }
    return shorten(o, QStringLiteral("title"), maxBytes);
}

int WebPushPayload::ttlSeconds(Priority priority, const QDateTime &expiresAt, const QDateTime &now)
{
    int ttl = 0;
    switch (priority) {
    case Priority::Low:
        ttl = 3600;
        break;
    case Priority::Normal:
        ttl = 6 * 3600;
        break;
    case Priority::High:
        ttl = 12 * 3600;
        break;
    case Priority::Urgent:
        ttl = 24 * 3600;
        break;
    }
    if (expiresAt.isValid())
        ttl = int(qBound(qint64(0), now.secsTo(expiresAt), qint64(ttl)));
    return ttl;
}

QByteArray WebPushPayload::urgency(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QByteArrayLiteral("low");
    case Priority::Normal:
        return QByteArrayLiteral("normal");
    case Priority::High:
    case Priority::Urgent:
        return QByteArrayLiteral("high");
    }
    return QByteArrayLiteral("normal");
}

QByteArray WebPushPayload::topic(const QString &groupKey)
{
    if (groupKey.isEmpty())
        return {};
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    if (plain.match(groupKey).hasMatch())
        return groupKey.toLatin1();
    const QByteArray digest = QCryptographicHash::hash(groupKey.toUtf8(), QCryptographicHash::Sha256);
    return digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).left(32);
}

} // namespace Tidings::Server::Channels
