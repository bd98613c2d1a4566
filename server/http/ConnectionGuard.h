#pragma once

#include <QObject>

#include <http_parser.h>

class QTcpSocket;

namespace Tidings::Server {

class GuardedTcpServer;

// Watches the bytes of one HTTP/1.1 connection before QHttpServer sees them and
// refuses oversized or malformed requests itself, because Qt 6.4 buffers a whole
// request (body included) before any handler can look at it.
//
// It is a child of its socket and must be connected to readyRead before Qt's
// own slot, so that it runs first on every batch of bytes. Qt 6.4 reads all
// available bytes on each readyRead (measured in tst_httpserver), so the bytes
// available when our slot runs are exactly the ones not yet inspected; we peek
// at them and leave them for Qt.
//
// One small object per socket, no timers: an http_parser (32 bytes) and a few
// counters on top of QObject.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server);

    // Bytes inspected on this connection so far.
    [[nodiscard]] qint64 bytesInspected() const { return m_inspected; }

    // A reply to an earlier request on this connection is still owed (a deferred
    // reply). A refusal waits for it, so answers stay in request order.
    void holdReply() { ++m_repliesOwed; }
    // That reply was written (or will never be): a waiting refusal may go out.
    void releaseReply();

private:
    enum class Phase : quint8 { Idle, Headers, Body };
    enum class Event : quint8 { None, HeadersComplete, MessageComplete };
    enum class Refusal : quint8 { None, BodyTooLarge, HeadersTooLarge, Malformed };
    enum class Field : quint8 { Other, Expect, Upgrade };

    [[nodiscard]] QTcpSocket *socket() const;
    void onReadyRead();
    void inspect(const char *data, qint64 size);
    [[nodiscard]] bool afterHeaders();
    void refuse(Refusal refusal, const char *detail = nullptr);
    void refuseLater(Refusal refusal, const char *detail);
    void refusePending();
    void drain();
    void onLingerBytesWritten();
    void onLingerReadyRead();
    void sendRefusal();
    void detach();
    void finishHeaderValue();

    static int onMessageBegin(http_parser *parser);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onChunkHeader(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings s_settings;

    http_parser m_parser;
    GuardedTcpServer *m_server;
    const char *m_pendingDetail = nullptr; // static strings only (http_errno_description)
    qint64 m_inspected = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_headerBytes = 0;
    qint64 m_discarded = 0;
    QByteArray m_refusalResponse; // written once no reply is owed
    int m_repliesOwed = 0;
    Phase m_phase = Phase::Idle;
    Event m_event = Event::None;
    Refusal m_refusal = Refusal::None;
    Refusal m_pending = Refusal::None;
    // Allocation-free, incremental recognition of "Expect: 100-continue" and
    // "Upgrade: websocket", whose names and values http_parser may hand over
    // in pieces split anywhere.
    Field m_field = Field::Other;
    quint8 m_matchIndex = 0;
    quint8 m_nameCandidates = 0; // bit 0: may still be "expect", bit 1: "upgrade"
    bool m_valueMatches = false;
    bool m_inValue = false;
    bool m_expectContinue = false;
    bool m_upgradeWebSocket = false;
};

} // namespace Tidings::Server
