// The client -> server events of PROTOCOL.md's WebSocket table.
#include "ws/WsHub.h"

#include "core/AnalyticsService.h"
#include "core/PreferencesService.h"
#include "core/StreamService.h"
#include "core/TopicService.h"
#include "protocol/JsonUtil.h"
#include "store/Store.h"
#include "util/Clock.h"
#include "ws/WsSession.h"

#include <QJsonArray>
#include <QWebSocket>

namespace Tidings::Server {

namespace {

QJsonObject changeJson(const StreamChange &change)
{
    return {
        {QStringLiteral("seq"), change.event ? change.event->seq : change.headSeq},
        {QStringLiteral("changed"), change.event.has_value()},
        {QStringLiteral("unread"), change.unread.toJson()},
    };
}

} // namespace

void WsHub::reply(Session &s, const ClientFrame &frame, const QJsonObject &data)
{
    if (frame.hasRef())
        send(s, QString::fromUtf8(encodeReplyOk(frame.ref, data)));
}

void WsHub::replyError(Session &s, const ClientFrame &frame, const ProtocolError &error)
{
    if (frame.hasRef())
        send(s, QString::fromUtf8(encodeReplyError(frame.ref, error)));
    else
        send(s, QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Error), error.toJson())));
}

void WsHub::reauthenticate(Session &s, const ClientFrame &frame)
{
    const QByteArray token = frame.data.value(QStringLiteral("token")).toString().toUtf8();
    Expected<AuthContext> ctx = m_services.auth.authenticate(token);
    if (!ctx) {
        replyError(s, frame, ctx.error());
        return;
    }
    if (ctx->user.id != s.auth->user.id || ctx->deviceId != s.auth->deviceId) {
        replyError(s, frame,
            ProtocolError::make(ErrorCode::Conflict, QStringLiteral("the token belongs to another user or device")));
        return;
    }
    if (!ctx->canRead()) {
        replyError(s, frame, ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("the token cannot read")));
        return;
    }
    s.auth = std::move(ctx).value();
    reply(s, frame,
        {{QStringLiteral("userId"), s.auth->user.id},
            {QStringLiteral("expiresAt"), Json::timeOrNull(s.auth->expiresAt)}});
}

void WsHub::dispatch(Session &s, const ClientFrame &frame)
{
    const QString &event = frame.event;
    auto is = [&event](const char *name) { return event == QLatin1String(name); };

    if (!s.auth) {
        if (!is(WsEvent::Auth)) {
            close(s, WsClose::AuthTimeout,
                QStringLiteral("authenticate first with {\"event\":\"auth\",\"data\":{\"token\":...}}"));
            return;
        }
        const QByteArray token = frame.data.value(QStringLiteral("token")).toString().toUtf8();
        if (!authenticate(s, token))
            close(s, WsClose::AuthTimeout, QStringLiteral("invalid or expired token"));
        else
            reply(s, frame, {{QStringLiteral("userId"), s.auth->user.id}});
        return;
    }

    const User &user = s.auth->user;
    StreamService &streams = m_services.streams;
    // Operations that change the stream may carry an op id; a repeated one is skipped
    // so that a client replaying its offline queue never applies an operation twice.
    const QString opId = frame.data.value(QStringLiteral("opId")).toString();
    auto duplicateOp = [&] {
        if (streams.claimOperation(user.id, opId))
            return false;
        reply(s, frame, {{QStringLiteral("duplicate"), true}, {QStringLiteral("opId"), opId}});
        return true;
    };
    auto finishChange = [&](const Expected<StreamChange> &change) {
        if (change)
            reply(s, frame, changeJson(change.value()));
        else
            replyError(s, frame, change.error());
    };

    if (s.tokenExpired(m_services.clock.nowMs())) {
        closeExpired(s);
        return;
    }
    if (is(WsEvent::Auth)) {
        reauthenticate(s, frame);
    } else if (is(WsEvent::Resume) || is(WsEvent::RequestMissed)) {
        if (s.replaying())
            replyError(
                s, frame, ProtocolError::make(ErrorCode::Conflict, QStringLiteral("a replay is already in progress")));
        else
            startReplay(s, frame);
    } else if (is(WsEvent::Subscribe) || is(WsEvent::Unsubscribe)) {
        Expected<QStringList> topics = parseTopics(frame.data);
        if (!topics) {
            replyError(s, frame, topics.error());
            return;
        }
        Expected<QStringList> now = is(WsEvent::Subscribe) ? m_services.topics.subscribe(user, topics.value())
                                                           : m_services.topics.unsubscribe(user, topics.value());
        if (now)
            reply(s, frame, {{QStringLiteral("topics"), QJsonArray::fromStringList(now.value())}});
        else
            replyError(s, frame, now.error());
    } else if (is(WsEvent::Ack)) {
        Expected<QStringList> ids = parseIds(frame.data);
        if (!ids) {
            replyError(s, frame, ids.error());
            return;
        }
        const QStringList changed = streams.acknowledge(user.id, ids.value());
        reply(s, frame, {{QStringLiteral("ids"), QJsonArray::fromStringList(changed)}});
    } else if (is(WsEvent::Dismiss)) {
        Expected<DismissRequest> req = AnalyticsService::parseDismiss(frame.data);
        if (!req) {
            replyError(s, frame, req.error());
            return;
        }
        const std::optional<EngagementOutcome> out = m_services.store.recordEngagement(
            Engagement::Dismissed, user.id, req->ids, req->channel, m_services.clock.now());
        if (out)
            reply(s, frame, {{QStringLiteral("ids"), QJsonArray::fromStringList(out->recorded)}});
        else
            replyError(
                s, frame, ProtocolError::make(ErrorCode::Unavailable, QStringLiteral("the database is not available")));
    } else if (is(WsEvent::Read) || is(WsEvent::Unread) || is(WsEvent::Delete)) {
        Expected<QStringList> ids = parseIds(frame.data);
        if (!ids) {
            replyError(s, frame, ids.error());
            return;
        }
        if (duplicateOp())
            return;
        if (is(WsEvent::Read))
            finishChange(streams.markRead(user.id, ids.value()));
        else if (is(WsEvent::Unread))
            finishChange(streams.markUnread(user.id, ids.value()));
        else
            finishChange(streams.remove(user.id, ids.value()));
    } else if (is(WsEvent::ReadAll)) {
        Expected<ReadAllRequest> req = parseReadAll(frame.data);
        if (!req) {
            replyError(s, frame, req.error());
            return;
        }
        if (duplicateOp())
            return;
        finishChange(streams.markAllRead(user.id, req->topic, req->upToSeq));
    } else if (is(WsEvent::UpdatePreferences)) {
        QJsonObject partial = frame.data;
        partial.remove(QStringLiteral("opId"));
        if (duplicateOp())
            return;
        Expected<Preferences> prefs = m_services.preferences.update(user.id, partial);
        if (prefs)
            reply(s, frame, prefs->toJson());
        else
            replyError(s, frame, prefs.error());
    } else if (is(WsEvent::Ping)) {
        const QJsonObject data {{QStringLiteral("serverTime"), Json::formatTime(m_services.clock.now())}};
        if (frame.hasRef())
            reply(s, frame, data);
        else
            send(s, QString::fromUtf8(encodeFrame(QLatin1String(WsEvent::Pong), data)));
    } else {
        replyError(s, frame,
            ProtocolError {QLatin1String(ErrorCode::UnknownEvent), QStringLiteral("unknown event '%1'").arg(event),
                QStringLiteral("event")});
    }
}

} // namespace Tidings::Server
