#pragma once

// Hand-made notifications and stream events for the client core's unit tests.
#include "protocol/StreamEvent.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

namespace Tidings::Test {

inline const QDateTime T0(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc());

// A temporary directory under TIDINGS_TEST_TMP (the build tree) when CTest sets it.
inline std::unique_ptr<QTemporaryDir> makeTempDir(const QString &prefix)
{
    const QString base = qEnvironmentVariable("TIDINGS_TEST_TMP");
    if (base.isEmpty())
        return std::make_unique<QTemporaryDir>();
    QDir().mkpath(base);
    return std::make_unique<QTemporaryDir>(base + QLatin1Char('/') + prefix + QStringLiteral("-XXXXXX"));
}

// A delivered notification created `seq` minutes after T0 (so older rows are older in time too).
inline Notification makeNotification(const QString &id, qint64 seq, const QString &topic, const QString &title = {},
    const QString &message = {}, const QStringList &tags = {})
{
    Notification n;
    n.id = id;
    n.seq = seq;
    n.content.topic = topic;
    n.content.title = title.isEmpty() ? QStringLiteral("Title of ") + id : title;
    n.content.message = message.isEmpty() ? QStringLiteral("Message of ") + id : message;
    n.content.tags = tags;
    n.status = QLatin1String(Status::Delivered);
    n.createdAt = T0.addSecs(60 * seq);
    n.deliveredAt = n.createdAt;
    n.sender = Sender {QStringLiteral("user"), QStringLiteral("u-1"), QStringLiteral("Alice")};
    return n;
}

inline StreamEvent notificationEvent(const Notification &n)
{
    StreamEvent e;
    e.kind = StreamEvent::Kind::Notification;
    e.seq = n.seq;
    e.at = n.createdAt;
    e.notification = n;
    return e;
}

inline StreamEvent notificationEvent(
    const QString &id, qint64 seq, const QString &topic = QStringLiteral("a"), const QString &title = {})
{
    return notificationEvent(makeNotification(id, seq, topic, title));
}

inline StreamEvent idsEvent(StreamEvent::Kind kind, qint64 seq, const QStringList &ids)
{
    StreamEvent e;
    e.kind = kind;
    e.seq = seq;
    e.at = T0.addSecs(60 * seq);
    e.ids = ids;
    return e;
}

inline StreamEvent readEvent(qint64 seq, const QStringList &ids)
{
    return idsEvent(StreamEvent::Kind::Read, seq, ids);
}

inline StreamEvent unreadEvent(qint64 seq, const QStringList &ids)
{
    return idsEvent(StreamEvent::Kind::Unread, seq, ids);
}

inline StreamEvent deletedEvent(qint64 seq, const QStringList &ids)
{
    return idsEvent(StreamEvent::Kind::Deleted, seq, ids);
}

inline StreamEvent readAllEvent(qint64 seq, const QString &topic, qint64 upToSeq)
{
    StreamEvent e;
    e.kind = StreamEvent::Kind::ReadAll;
    e.seq = seq;
    e.at = T0.addSecs(60 * seq);
    e.topic = topic;
    e.upToSeq = upToSeq;
    return e;
}

} // namespace Tidings::Test
