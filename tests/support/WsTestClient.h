#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace Tidings::Test {

// A real WebSocket client that records every frame it receives. Frames are
// consumed in order by waitFor(), so a test can assert exact sequences.
class WsTestClient : public QObject
{
    Q_OBJECT
public:
    struct Frame
    {
        QString event;
        QJsonObject data;
        QJsonObject raw;
    };

    WsTestClient();
    ~WsTestClient() override;

    // Opens with `Authorization: Bearer token` (unless empty) and an optional Origin;
    // returns once connected (or the socket failed).
    bool open(const QUrl &url, const QString &token, const QString &origin = {});
    void sendFrame(const QString &event, const QJsonObject &data = {}, const QString &ref = {});
    void sendRaw(const QString &text);
    // Sends with a ref and waits for the matching reply; nullopt on timeout.
    std::optional<QJsonObject> request(const QString &event, const QJsonObject &data = {}, int timeoutMs = 5000);

    // The next not yet consumed frame named `event` (earlier frames of other names are
    // skipped and consumed too). nullopt on timeout.
    std::optional<Frame> waitFor(const QString &event, int timeoutMs = 5000);
    // The next not yet consumed frame of any name.
    std::optional<Frame> next(int timeoutMs = 5000);
    // Frames received so far and not consumed.
    [[nodiscard]] QList<Frame> pending() const { return m_frames.mid(m_consumed); }
    // Waits until no frame arrives for `quietMs` (used only to prove that nothing more comes).
    void drain(int quietMs = 200);

    bool waitClosed(int timeoutMs = 5000);
    [[nodiscard]] bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    [[nodiscard]] int closeCode() const { return int(m_socket.closeCode()); }
    [[nodiscard]] QString closeReason() const { return m_socket.closeReason(); }
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<Frame> m_frames;
    int m_consumed = 0;
    int m_nextRef = 1;
};

} // namespace Tidings::Test
