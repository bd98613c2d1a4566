#pragma once

#include "protocol/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Tidings {

namespace WsEvent {
// client -> server
inline constexpr char Auth[] = "auth";
inline constexpr char Resume[] = "resume";
inline constexpr char RequestMissed[] = "requestMissedNotifications";
inline constexpr char Subscribe[] = "subscribe";
inline constexpr char Unsubscribe[] = "unsubscribe";
inline constexpr char Ack[] = "ack";
inline constexpr char Dismiss[] = "dismiss";
inline constexpr char Read[] = "read";
inline constexpr char Unread[] = "unread";
inline constexpr char ReadAll[] = "readAll";
inline constexpr char Delete[] = "delete";
inline constexpr char UpdatePreferences[] = "updatePreferences";
inline constexpr char Ping[] = "ping";
// server -> client
inline constexpr char Welcome[] = "welcome";
inline constexpr char Notification[] = "notification";
inline constexpr char NotificationStatus[] = "notificationStatus";
inline constexpr char Deleted[] = "deleted";
inline constexpr char Badge[] = "badge";
inline constexpr char ReplayDone[] = "replayDone";
inline constexpr char Resync[] = "resync";
inline constexpr char Error[] = "error";
inline constexpr char Pong[] = "pong";
inline constexpr char Reply[] = "reply";
} // namespace WsEvent

// WebSocket close codes used by the server.
namespace WsClose {
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 PolicyViolation = 1008;
inline constexpr quint16 TooBig = 1009;
inline constexpr quint16 AuthTimeout = 4401;
inline constexpr quint16 OriginRejected = 4403;
} // namespace WsClose

// A decoded client frame: {"event": string, "data": object (optional), "ref": any (optional)}.
struct ClientFrame
{
    QString event;
    QJsonObject data;
    QJsonValue ref = QJsonValue::Undefined; // Undefined when the client sent none
    [[nodiscard]] bool hasRef() const { return !ref.isUndefined() && !ref.isNull(); }
};

// Invalid UTF-8 or JSON -> MALFORMED_JSON; not an object, `event` missing or not a
// string, `data` not an object -> VALIDATION_ERROR naming the field.
[[nodiscard]] Expected<ClientFrame> decodeClientFrame(const QByteArray &utf8);

// {"event":..., "data":...} compact.
[[nodiscard]] QByteArray encodeFrame(const QString &event, const QJsonObject &data);
// {"event":"reply","ref":...,"ok":true,"data":...}
[[nodiscard]] QByteArray encodeReplyOk(const QJsonValue &ref, const QJsonObject &data);
// {"event":"reply","ref":...,"ok":false,"error":{code,message,field?}}
[[nodiscard]] QByteArray encodeReplyError(const QJsonValue &ref, const ProtocolError &error);

// Request payloads, normalised over the aliases PROTOCOL.md accepts.
struct ResumeRequest
{
    QString epoch;
    qint64 sinceSeq = 0;
    QDateTime since; // set for requestMissedNotifications {since: ISO time}; then epoch is empty
};
// `resume {epoch, sinceSeq}` or `requestMissedNotifications {since}` (pass the event name).
[[nodiscard]] Expected<ResumeRequest> parseResume(const QString &event, const QJsonObject &data);
// `{topics:[...]}` or the alias `{channels:[...]}`; every name validated; `userId` ignored.
[[nodiscard]] Expected<QStringList> parseTopics(const QJsonObject &data);
// `{ids:[...]}` or the alias `{notificationId: "..."}`; 1..Limits::IdsPerEventMax ids.
[[nodiscard]] Expected<QStringList> parseIds(const QJsonObject &data);
// `{topic?, upToSeq?}`
struct ReadAllRequest
{
    QString topic;
    qint64 upToSeq = 0; // 0 = no bound
};
[[nodiscard]] Expected<ReadAllRequest> parseReadAll(const QJsonObject &data);

} // namespace Tidings
