#pragma once

// A Web Push service played by a local HTTP server, for the channel and pipeline
// tests. It does what a real one does before it accepts a message: it checks the
// VAPID token (signature with the server's public key, aud = its own origin, exp in
// the future), requires TTL and aes128gcm, and decrypts the body with the
// subscription's private key and auth secret, as the browser will.

#include "channels/P256Key.h"
#include "channels/WebPushEncryption.h"
#include "delivery/Channel.h"
#include "support/VapidVerifier.h"

#include <QDateTime>
#include <QHash>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Tidings::Test {

// A push service for any number of subscriptions, each answering with a status the
// test chooses (201 unless told otherwise).
class FakePushService
{
public:
    struct Received
    {
        QString subscription;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        int bodySize = 0;
        QString problem; // why a real push service would have refused it; empty when fine
        QJsonObject payload; // the decrypted JSON
    };

    explicit FakePushService(QByteArray vapidPublicKey)
        : m_vapidPublicKey(std::move(vapidPublicKey))
    {
        m_server.route(QStringLiteral("/push/<arg>"),
            [this](const QString &id, const QHttpServerRequest &request) { return handle(id, request); });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // A browser's subscription: a fresh key pair and auth secret, kept to decrypt with.
    Server::Delivery::PushSubscription subscribe(const QString &id)
    {
        Subscriber subscriber {Server::Channels::P256Key::generate().value(), QByteArray(16, Qt::Uninitialized)};
        for (char &c : subscriber.auth)
            c = char(QRandomGenerator::global()->bounded(256));
        m_subscribers.insert(id, subscriber);
        return Server::Delivery::PushSubscription {
            QStringLiteral("device-") + id, endpointOf(id), subscriber.key.publicPoint(), subscriber.auth};
    }
    [[nodiscard]] QString endpointOf(const QString &id) const { return origin() + QStringLiteral("/push/") + id; }

    void answer(const QString &id, int status, const QByteArray &retryAfter = {})
    {
        m_answers.insert(id, {status, retryAfter});
    }

    QList<Received> received;

private:
    static QByteArray base64Url(const QByteArray &data);

    struct Subscriber
    {
        Server::Channels::P256Key key;
        QByteArray auth;
    };
    struct Answer
    {
        int status = 201;
        QByteArray retryAfter;
    };

    QHttpServerResponse handle(const QString &id, const QHttpServerRequest &request)
    {
        Received r;
        r.subscription = id;
        for (const auto &[name, value] : request.headers())
            r.headers.insert(name.toLower(), value);
        r.bodySize = int(request.body().size());
        r.problem = check(id, request, r);
        received.append(r);
        if (!r.problem.isEmpty())
            return QHttpServerResponse(
                QByteArrayLiteral("text/plain"), r.problem.toUtf8(), QHttpServerResponse::StatusCode::BadRequest);

        const Answer answer = m_answers.value(id);
        QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArrayLiteral("answer from the test"),
            QHttpServerResponse::StatusCode(answer.status));
        if (!answer.retryAfter.isEmpty())
            response.setHeader(QByteArrayLiteral("Retry-After"), answer.retryAfter);
        return response;
    }

    QString check(const QString &id, const QHttpServerRequest &request, Received &r)
    {
        if (request.method() != QHttpServerRequest::Method::Post)
            return QStringLiteral("not a POST");
        if (!m_subscribers.contains(id))
            return QStringLiteral("unknown subscription");
        if (!r.headers.contains("ttl"))
            return QStringLiteral("no TTL header (RFC 8030 §5.2 requires it)");
        if (r.headers.value("content-encoding") != "aes128gcm")
            return QStringLiteral("Content-Encoding is not aes128gcm");

        const VapidAuthorization authorization = parseVapidAuthorization(r.headers.value("authorization"));
        if (authorization.key != base64Url(m_vapidPublicKey))
            return QStringLiteral("k= is not the server's VAPID public key");
        const VerifiedJwt jwt = verifyEs256Jwt(authorization.token, m_vapidPublicKey);
        if (!jwt.signatureValid)
            return QStringLiteral("the VAPID signature does not verify");
        if (jwt.claims.value(QStringLiteral("aud")).toString() != origin())
            return QStringLiteral("aud is not this push service's origin");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 exp = jwt.claims.value(QStringLiteral("exp")).toInteger();
        if (exp <= now || exp > now + 24 * 3600)
            return QStringLiteral("exp is not within the next 24 hours");
        // RFC 8292 §2.1: a mailto: or an https: URI to contact the application server.
        const QString sub = jwt.claims.value(QStringLiteral("sub")).toString();
        if (!sub.startsWith(QLatin1String("mailto:")) && !sub.startsWith(QLatin1String("https://")))
            return QStringLiteral("sub is neither a mailto: nor an https: URI");

        const Subscriber subscriber = m_subscribers.value(id);
        const auto plaintext
            = Server::Channels::WebPushEncryption::decrypt(request.body(), subscriber.key, subscriber.auth);
        if (!plaintext)
            return QStringLiteral("cannot decrypt: ") + plaintext.error().message;
        r.payload = QJsonDocument::fromJson(plaintext.value()).object();
        if (r.payload.isEmpty())
            return QStringLiteral("the payload is not a JSON object");
        return {};
    }

    QByteArray m_vapidPublicKey;
    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QString, Subscriber> m_subscribers;
    QHash<QString, Answer> m_answers;
};

inline QByteArray FakePushService::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace Tidings::Test
