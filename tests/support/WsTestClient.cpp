#include "support/WsTestClient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QtTest>

namespace Tidings::Test {

WsTestClient::WsTestClient()
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        m_frames.append({o.value(QStringLiteral("event")).toString(), o.value(QStringLiteral("data")).toObject(), o});
    });
}

WsTestClient::~WsTestClient()
{
    m_socket.abort();
}

bool WsTestClient::open(const QUrl &url, const QString &token, const QString &origin)
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8());
    if (!origin.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Origin"), origin.toUtf8());
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.open(request);
    (void)QTest::qWaitFor([&] { return !connected.isEmpty() || !disconnected.isEmpty(); }, 5000);
    return !connected.isEmpty();
}

void WsTestClient::sendFrame(const QString &event, const QJsonObject &data, const QString &ref)
{
    QJsonObject o {{QStringLiteral("event"), event}, {QStringLiteral("data"), data}};
    if (!ref.isEmpty())
        o.insert(QStringLiteral("ref"), ref);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

void WsTestClient::sendRaw(const QString &text)
{
    m_socket.sendTextMessage(text);
}

std::optional<QJsonObject> WsTestClient::request(const QString &event, const QJsonObject &data, int timeoutMs)
{
    const QString ref = QStringLiteral("r%1").arg(m_nextRef++);
    sendFrame(event, data, ref);
    QDeadlineTimer deadline(timeoutMs);
    int scanned = m_consumed;
    while (true) {
        for (; scanned < m_frames.size(); ++scanned) {
            const Frame &f = m_frames.at(scanned);
            if (f.event == QLatin1String("reply") && f.raw.value(QStringLiteral("ref")).toString() == ref) {
                const QJsonObject raw = f.raw;
                m_frames.removeAt(scanned);
                return raw;
            }
        }
        if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
            return std::nullopt;
        (void)QTest::qWaitFor(
            [&] { return m_frames.size() > scanned; }, int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

std::optional<WsTestClient::Frame> WsTestClient::next(int timeoutMs)
{
    if (m_consumed >= m_frames.size())
        (void)QTest::qWaitFor([this] { return m_consumed < m_frames.size(); }, timeoutMs);
    if (m_consumed >= m_frames.size())
        return std::nullopt;
    return m_frames.at(m_consumed++);
}

std::optional<WsTestClient::Frame> WsTestClient::waitFor(const QString &event, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        while (m_consumed < m_frames.size()) {
            const Frame &f = m_frames.at(m_consumed++);
            if (f.event == event)
                return f;
        }
        if (deadline.hasExpired())
            return std::nullopt;
        (void)QTest::qWaitFor(
            [this] { return m_consumed < m_frames.size(); }, int(qMax<qint64>(1, deadline.remainingTime())));
        if (m_consumed >= m_frames.size() && deadline.hasExpired())
            return std::nullopt;
    }
}

void WsTestClient::drain(int quietMs)
{
    int seen = int(m_frames.size());
    while (QTest::qWaitFor([&] { return m_frames.size() > seen; }, quietMs))
        seen = int(m_frames.size());
}

bool WsTestClient::waitClosed(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

} // namespace Tidings::Test
