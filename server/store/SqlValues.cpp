#include "store/SqlValues.h"

#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace Tidings::Server::SqlValues {

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant timeMs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

QString json(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString json(const QStringList &l)
{
    return json(QJsonArray::fromStringList(l));
}

QJsonArray arrayFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}

QJsonObject objectFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QStringList stringListFrom(const QVariant &v)
{
    return stringListFrom(arrayFrom(v));
}

QStringList stringListFrom(const QJsonArray &a)
{
    QStringList out;
    out.reserve(a.size());
    for (const QJsonValue &e : a)
        out.append(e.toString());
    return out;
}

QString actionsJson(const QList<NotificationAction> &actions)
{
    QJsonArray a;
    for (const NotificationAction &action : actions) {
        a.append(QJsonObject {
            {QStringLiteral("id"), action.id},
            {QStringLiteral("label"), action.label},
            {QStringLiteral("kind"), action.kind},
            {QStringLiteral("url"), action.url},
        });
    }
    return json(a);
}

QList<NotificationAction> actionsFrom(const QVariant &v)
{
    QList<NotificationAction> out;
    const QJsonArray a = arrayFrom(v);
    out.reserve(a.size());
    for (const QJsonValue &e : a) {
        const QJsonObject o = e.toObject();
        NotificationAction action;
        action.id = o.value(QLatin1String("id")).toString();
        action.label = o.value(QLatin1String("label")).toString();
        action.kind = o.value(QLatin1String("kind")).toString(action.kind);
        action.url = o.value(QLatin1String("url")).toString();
        out.append(action);
    }
    return out;
}

Priority priorityFrom(const QVariant &v)
{
    switch (v.toInt()) {
    case 1:
    case 2:
        return Priority::Low;
    case 4:
        return Priority::High;
    case 5:
        return Priority::Urgent;
    default:
        return Priority::Normal;
    }
}

QString eventKind(StreamEvent::Kind kind)
{
    switch (kind) {
    case StreamEvent::Kind::Notification:
        return QStringLiteral("notification");
    case StreamEvent::Kind::Read:
        return QStringLiteral("read");
    case StreamEvent::Kind::Unread:
        return QStringLiteral("unread");
    case StreamEvent::Kind::ReadAll:
        return QStringLiteral("readAll");
    case StreamEvent::Kind::Deleted:
        return QStringLiteral("deleted");
    }
    return {};
}

std::optional<StreamEvent::Kind> eventKindFrom(const QString &kind)
{
    for (const auto k : {StreamEvent::Kind::Notification, StreamEvent::Kind::Read, StreamEvent::Kind::Unread,
             StreamEvent::Kind::ReadAll, StreamEvent::Kind::Deleted}) {
        if (eventKind(k) == kind)
            return k;
    }
    return std::nullopt;
}

QString containsPattern(const QString &needle)
{
    QString escaped;
    escaped.reserve(needle.size() + 2);
    escaped.append(QLatin1Char('%'));
    for (const QChar c : needle) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    escaped.append(QLatin1Char('%'));
    return escaped;
}

QStringList distinct(const QStringList &l)
{
    QStringList out;
    out.reserve(l.size());
    QSet<QString> seen;
    seen.reserve(l.size());
    for (const QString &s : l) {
        if (!seen.contains(s)) {
            seen.insert(s);
            out.append(s);
        }
    }
    return out;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Tidings::Server::SqlValues
