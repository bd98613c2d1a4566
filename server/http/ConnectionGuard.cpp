#include "http/ConnectionGuard.h"

#include "http/GuardedTcpServer.h"
#include "http/HttpLog.h"
#include "protocol/ProtocolError.h"

#include <QJsonDocument>
#include <QTcpSocket>

#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Tidings::Server {

namespace {

// After refusing, we keep reading (and dropping) what the peer had already
// sent, so that our close does not turn into a TCP reset that can destroy the
// error response in the peer's receive buffer. A peer that keeps sending past
// this much after our answer is not listening: it is cut off.
constexpr qint64 LingerDiscardBytes = 4 * 1024 * 1024;

constexpr char ExpectName[] = "expect";
constexpr char ContinueValue[] = "100-continue";
constexpr char UpgradeName[] = "upgrade";
constexpr char WebSocketValue[] = "websocket";

template<size_t N> constexpr quint8 lengthOf(const char (&)[N])
{
    return quint8(N - 1);
}

ConnectionGuard *guardOf(http_parser *parser)
{
    return static_cast<ConnectionGuard *>(parser->data);
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Advances an incremental case-insensitive match of `word` over `data`.
void matchMore(const char *word, quint8 wordLength, const char *data, size_t length, quint8 &index, bool &matching)
{
    for (size_t i = 0; matching && i < length; ++i) {
        if (index < wordLength && lower(data[i]) == word[index])
            ++index;
        else
            matching = false;
    }
}

} // namespace

const http_parser_settings ConnectionGuard::s_settings = [] {
    http_parser_settings s;
    http_parser_settings_init(&s);
    s.on_message_begin = &ConnectionGuard::onMessageBegin;
    s.on_header_field = &ConnectionGuard::onHeaderField;
    s.on_header_value = &ConnectionGuard::onHeaderValue;
    s.on_headers_complete = &ConnectionGuard::onHeadersComplete;
    s.on_chunk_header = &ConnectionGuard::onChunkHeader;
    s.on_body = &ConnectionGuard::onBody;
    s.on_message_complete = &ConnectionGuard::onMessageComplete;
    return s;
}();

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server)
    : QObject(socket)
    , m_server(server)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
}

QTcpSocket *ConnectionGuard::socket() const
{
    return static_cast<QTcpSocket *>(parent());
}

void ConnectionGuard::onReadyRead()
{
    if (m_pending != Refusal::None) {
        // New bytes before the deferred refusal ran: refuse now, before Qt sees them.
        refusePending();
        return;
    }
    QTcpSocket *s = socket();
    const qint64 available = s->bytesAvailable();
    if (available <= 0)
        return;
    // peek() leaves the bytes for QAbstractHttpServer's slot, which runs next
    // and reads all of them (inside its own read transaction).
    const QByteArray fresh = s->peek(available);
    m_inspected += fresh.size();
    inspect(fresh.constData(), fresh.size());
}

void ConnectionGuard::inspect(const char *data, qint64 size)
{
    const GuardedTcpServer::Limits &limits = m_server->limits();
    // Requests completed in this batch have not been answered yet: Qt's slot
    // runs after ours. A refusal must then wait for it (see refuseLater).
    int completed = 0;
    qint64 offset = 0;
    while (offset < size) {
        m_event = Event::None;
        const size_t parsed = http_parser_execute(&m_parser, &s_settings, data + offset, size_t(size - offset));
        if (m_phase == Phase::Headers)
            m_headerBytes += qint64(parsed);
        offset += qint64(parsed);

        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            // We pause at the end of the headers and of each message, so that
            // the limits are checked at exact message boundaries.
            http_parser_pause(&m_parser, 0);
            if (m_event == Event::HeadersComplete && !afterHeaders()) {
                if (completed > 0)
                    refuseLater(m_refusal, nullptr);
                else
                    refuse(m_refusal);
                return;
            }
            if (m_event == Event::MessageComplete) {
                m_phase = Phase::Idle;
                ++completed;
                if (m_parser.upgrade) {
                    if (m_upgradeWebSocket) {
                        // Qt hands this socket to its WebSocket server (or,
                        // if it does not, HttpServer answers and closes).
                        detach();
                        return;
                    }
                    // Qt 6.4 answers other upgrades (h2c, CONNECT) as plain
                    // requests and keeps reading HTTP; so do we, with a parser
                    // that has not stopped at the "protocol switch".
                    http_parser_init(&m_parser, HTTP_REQUEST);
                    m_parser.data = this;
                }
            }
            continue;
        }
        if (error != HPE_OK) {
            Refusal refusal = m_refusal;
            const char *detail = nullptr;
            if (refusal == Refusal::None && error == HPE_HEADER_OVERFLOW) {
                refusal = Refusal::HeadersTooLarge;
            } else if (refusal == Refusal::None) {
                refusal = Refusal::Malformed;
                detail = http_errno_description(error);
            }
            if (completed > 0)
                refuseLater(refusal, detail);
            else
                refuse(refusal, detail);
            return;
        }
        if (parsed == 0)
            break;
    }
    // Headers still arriving: refuse as soon as they are over the limit rather
    // than when (if ever) they end.
    if (m_phase == Phase::Headers && m_headerBytes > limits.maxHeaderBytes) {
        if (completed > 0)
            refuseLater(Refusal::HeadersTooLarge, nullptr);
        else
            refuse(Refusal::HeadersTooLarge);
    }
}

bool ConnectionGuard::afterHeaders()
{
    const GuardedTcpServer::Limits &limits = m_server->limits();
    m_phase = Phase::Body;
    if (m_headerBytes > limits.maxHeaderBytes) {
        m_refusal = Refusal::HeadersTooLarge;
        return false;
    }
    const bool hasLength = (m_parser.flags & F_CONTENTLENGTH) != 0;
    if (hasLength && m_parser.content_length > quint64(limits.maxBodyBytes)) {
        m_refusal = Refusal::BodyTooLarge;
        return false;
    }
    // Qt 6.4 never sends "100 Continue", so a client that waits for it (curl
    // 7.88 does for bodies over 1 MiB) would stall for a second before sending.
    // Refused requests never get here: they get their final answer instead, and
    // such a client then never sends the body at all.
    const bool expectsBody = (m_parser.flags & F_CHUNKED) || (hasLength && m_parser.content_length > 0);
    if (m_expectContinue && expectsBody && !m_parser.upgrade && m_parser.http_major == 1 && m_parser.http_minor >= 1)
        socket()->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    return true;
}

void ConnectionGuard::refuse(Refusal refusal, const char *detail)
{
    m_refusal = refusal;
    const GuardedTcpServer::Limits &limits = m_server->limits();
    int status = 400;
    QByteArray statusLine;
    ProtocolError error;
    switch (refusal) {
    case Refusal::BodyTooLarge:
        status = 413;
        statusLine = QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\n");
        error = ProtocolError::make(ErrorCode::PayloadTooLarge,
            QStringLiteral("request body exceeds the %1-byte limit").arg(limits.maxBodyBytes));
        break;
    case Refusal::HeadersTooLarge:
        status = 431;
        statusLine = QByteArrayLiteral("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        error = ProtocolError::make(ErrorCode::PayloadTooLarge,
            QStringLiteral("request headers exceed the %1-byte limit").arg(limits.maxHeaderBytes));
        break;
    case Refusal::None:
    case Refusal::Malformed:
        statusLine = QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\n");
        error = ProtocolError::make(ErrorCode::Validation,
            QStringLiteral("malformed HTTP request: %1").arg(QLatin1String(detail ? detail : "invalid syntax")));
        break;
    }

    m_pending = Refusal::None;
    QTcpSocket *s = socket();
    qCInfo(lcHttp).nospace() << "refused request from " << s->peerAddress().toString() << ": " << status << ' '
                             << error.message << " (" << m_inspected << " bytes inspected)";
    m_server->noteRejected(status, m_inspected);

    // From here on QAbstractHttpServer must not see another byte of this
    // connection (it would keep buffering the body). Qt itself detaches the
    // same way when it hands a socket to its WebSocket server.
    QObject::disconnect(s, &QTcpSocket::readyRead, nullptr, nullptr);
    // Qt's own disconnected->deleteLater stays connected, unless Qt's parser
    // failed first and disconnected everything (a pipelined, deferred refusal):
    // make sure the socket is freed either way.
    connect(s, &QAbstractSocket::disconnected, s, &QObject::deleteLater, Qt::UniqueConnection);
    // Already closing (e.g. an earlier pipelined request said "Connection:
    // close"): let its answer flush; nothing more will be read.
    if (s->state() != QAbstractSocket::ConnectedState)
        return;
    // Qt reads inside a transaction that keeps the partial request in the
    // socket's buffer; ending it lets what we drop actually be freed.
    if (s->isTransactionStarted())
        s->commitTransaction();
    drain();
    connect(s, &QTcpSocket::readyRead, this, &ConnectionGuard::onLingerReadyRead);

    const QByteArray body = QJsonDocument(error.toEnvelope()).toJson(QJsonDocument::Compact);
    m_refusalResponse = statusLine + QByteArrayLiteral("Content-Type: application/json\r\nContent-Length: ")
        + QByteArray::number(body.size()) + QByteArrayLiteral("\r\nConnection: close\r\n\r\n") + body;
    // An earlier request's deferred answer (a publish waiting for its commit) goes
    // first; meanwhile input is discarded as above.
    if (m_repliesOwed == 0)
        sendRefusal();
}

void ConnectionGuard::releaseReply()
{
    if (m_repliesOwed > 0)
        --m_repliesOwed;
    if (m_repliesOwed == 0 && !m_refusalResponse.isEmpty())
        sendRefusal();
}

void ConnectionGuard::sendRefusal()
{
    QTcpSocket *s = socket();
    const QByteArray response = std::exchange(m_refusalResponse, {});
    if (s->state() != QAbstractSocket::ConnectedState)
        return;
    s->write(response);
    s->flush();
    if (s->bytesToWrite() == 0)
        onLingerBytesWritten();
    else
        connect(s, &QTcpSocket::bytesWritten, this, &ConnectionGuard::onLingerBytesWritten);
}

void ConnectionGuard::refuseLater(Refusal refusal, const char *detail)
{
    // Requests that completed earlier in the same batch of bytes are still to
    // be answered by Qt's slot, which runs after ours; answering this one first
    // would put our error ahead of their responses. Qt buffers at most the rest
    // of this batch meanwhile, and we refuse before it sees any more.
    m_pending = refusal;
    m_pendingDetail = detail;
    QMetaObject::invokeMethod(this, &ConnectionGuard::refusePending, Qt::QueuedConnection);
}

void ConnectionGuard::refusePending()
{
    if (m_pending != Refusal::None)
        refuse(m_pending, m_pendingDetail);
}

void ConnectionGuard::drain()
{
    QTcpSocket *s = socket();
    m_discarded += s->skip(s->bytesAvailable());
}

void ConnectionGuard::onLingerBytesWritten()
{
    QTcpSocket *s = socket();
    if (s->bytesToWrite() > 0)
        return;
    disconnect(s, &QTcpSocket::bytesWritten, this, &ConnectionGuard::onLingerBytesWritten);
#ifdef Q_OS_UNIX
    // Half-close: the peer sees the end of our answer (FIN) while we keep
    // draining its unread request; it closes its side once it has read the
    // answer, and QAbstractSocket then reports the disconnect and frees the
    // socket. A full close with unread input would send a reset instead.
    if (::shutdown(int(s->socketDescriptor()), SHUT_WR) == 0)
        return;
#endif
    s->disconnectFromHost();
}

void ConnectionGuard::onLingerReadyRead()
{
    drain();
    if (m_discarded > LingerDiscardBytes) {
        qCInfo(lcHttp) << "peer kept sending after a refusal; aborting the connection";
        socket()->abort();
    }
}

void ConnectionGuard::detach()
{
    // The rest of this connection is WebSocket frames, not HTTP.
    disconnect(socket(), nullptr, this, nullptr);
    deleteLater();
}

void ConnectionGuard::finishHeaderValue()
{
    if (!m_inValue || !m_valueMatches)
        return;
    if (m_field == Field::Expect && m_matchIndex == lengthOf(ContinueValue))
        m_expectContinue = true;
    else if (m_field == Field::Upgrade && m_matchIndex == lengthOf(WebSocketValue))
        m_upgradeWebSocket = true;
}

int ConnectionGuard::onMessageBegin(http_parser *parser)
{
    ConnectionGuard *g = guardOf(parser);
    g->m_phase = Phase::Headers;
    g->m_headerBytes = 0;
    g->m_bodyBytes = 0;
    g->m_inValue = true; // so that the first header name starts a new match
    g->m_valueMatches = false;
    g->m_expectContinue = false;
    g->m_upgradeWebSocket = false;
    return 0;
}

int ConnectionGuard::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    ConnectionGuard *g = guardOf(parser);
    if (g->m_inValue) {
        // A new header name: the previous value is complete.
        g->finishHeaderValue();
        g->m_inValue = false;
        g->m_matchIndex = 0;
        g->m_nameCandidates = 0b11;
    }
    for (size_t i = 0; g->m_nameCandidates && i < length; ++i) {
        const char c = lower(at[i]);
        const quint8 n = g->m_matchIndex;
        if (n >= lengthOf(ExpectName) || c != ExpectName[n])
            g->m_nameCandidates &= ~0b01;
        if (n >= lengthOf(UpgradeName) || c != UpgradeName[n])
            g->m_nameCandidates &= ~0b10;
        ++g->m_matchIndex;
    }
    return 0;
}

int ConnectionGuard::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    ConnectionGuard *g = guardOf(parser);
    if (!g->m_inValue) {
        if ((g->m_nameCandidates & 0b01) && g->m_matchIndex == lengthOf(ExpectName))
            g->m_field = Field::Expect;
        else if ((g->m_nameCandidates & 0b10) && g->m_matchIndex == lengthOf(UpgradeName))
            g->m_field = Field::Upgrade;
        else
            g->m_field = Field::Other;
        g->m_inValue = true;
        g->m_matchIndex = 0;
        g->m_valueMatches = g->m_field != Field::Other;
    }
    if (g->m_field == Field::Expect)
        matchMore(ContinueValue, lengthOf(ContinueValue), at, length, g->m_matchIndex, g->m_valueMatches);
    else if (g->m_field == Field::Upgrade)
        matchMore(WebSocketValue, lengthOf(WebSocketValue), at, length, g->m_matchIndex, g->m_valueMatches);
    return 0;
}

int ConnectionGuard::onHeadersComplete(http_parser *parser)
{
    ConnectionGuard *g = guardOf(parser);
    g->finishHeaderValue();
    g->m_event = Event::HeadersComplete;
    http_parser_pause(parser, 1);
    return 0;
}

int ConnectionGuard::onChunkHeader(http_parser *parser)
{
    // content_length holds the announced chunk size here: refuse before the
    // chunk arrives rather than after.
    ConnectionGuard *g = guardOf(parser);
    const quint64 room = quint64(g->m_server->limits().maxBodyBytes - g->m_bodyBytes);
    if (parser->content_length > room) {
        g->m_refusal = Refusal::BodyTooLarge;
        return -1;
    }
    return 0;
}

int ConnectionGuard::onBody(http_parser *parser, const char *, size_t length)
{
    ConnectionGuard *g = guardOf(parser);
    g->m_bodyBytes += qint64(length);
    if (g->m_bodyBytes > g->m_server->limits().maxBodyBytes) {
        g->m_refusal = Refusal::BodyTooLarge;
        return -1;
    }
    return 0;
}

int ConnectionGuard::onMessageComplete(http_parser *parser)
{
    ConnectionGuard *g = guardOf(parser);
    g->m_event = Event::MessageComplete;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace Tidings::Server
