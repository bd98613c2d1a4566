#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace Tidings::Test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json; // body parsed, {} when not a JSON object
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] QString errorCode() const; // json.error.code
    [[nodiscard]] QString errorField() const;
};

// A real HTTP client for tests: each call runs the event loop until the reply is
// finished (or 10 s pass), so the in-process server serves it meanwhile.
class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl base);

    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] const QString &token() const { return m_token; }

    HttpResult get(const QString &path);
    HttpResult del(const QString &path);
    HttpResult post(const QString &path, const QJsonObject &body = {});
    HttpResult put(const QString &path, const QJsonObject &body = {});
    HttpResult patch(const QString &path, const QJsonObject &body = {});
    // Any method with a raw body and content type (for malformed input tests).
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("application/json"),
        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

    // POST /api/auth/login; on success the access token becomes this client's token.
    HttpResult login(const QString &username, const QString &password, const QString &deviceId = {});
    // Creates a user as the current (admin) caller and returns its id.
    QString createUser(const QString &username, const QString &role = QStringLiteral("user"),
        const QString &password = QStringLiteral("password-123"));

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_nam;
};

} // namespace Tidings::Test
