#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

class QJsonArray;

namespace Tidings::Server {

// Signed links for emails and pushes: a click that is counted and then redirected, and
// an unsubscribe that needs no sign-in. The link's token is its own authority:
// base64url of a compact JSON array, ".", and base64url of the array's HMAC-SHA256.
// TidingsServer derives the key from the JWT secret with a label of its own, so a link
// never passes for an access token and rotating JWT_SECRET invalidates both. Links do
// not expire: mail is read late, and RFC 8058 wants unsubscribe links to keep working.
class TrackingLinks
{
public:
    struct Click
    {
        QString messageId;
        QString userId;
        QString channel;
        QUrl target; // always an absolute http or https URL
    };
    struct Unsubscribe
    {
        QString userId;
        QString topic; // "" = every topic (the global switch)
        QString channel; // a preference switch: email, push, inApp or desktop
    };

    // `key` is the HMAC key (at least 32 bytes); links point at `publicBaseUrl`
    // (PUBLIC_URL), which may have a path ("https://example.com/tidings").
    TrackingLinks(QByteArray key, QUrl publicBaseUrl);

    // For a server without PUBLIC_URL, whose address is known only once it listens.
    void setPublicBaseUrl(QUrl url) { m_base = std::move(url); }
    [[nodiscard]] QUrl publicBaseUrl() const { return m_base; }

    // A URL that records a click of `messageId` by `userId` on `channel`, then redirects to
    // `target`. Returns `target` unchanged when it is not an absolute http(s) URL: the
    // redirect only ever goes to the web, so such a link is left as it is, untracked.
    [[nodiscard]] QString clickUrl(
        const QString &messageId, const QString &userId, const QString &channel, const QString &target) const;
    // A URL that turns `channel` off for `topic` in `userId`'s preferences (all topics when
    // topic is empty): shows a confirmation page on GET, unsubscribes on POST (RFC 8058).
    [[nodiscard]] QString unsubscribeUrl(const QString &userId, const QString &topic, const QString &channel) const;

    // What a token of clickUrl() / unsubscribeUrl() says; nullopt unless it is one of
    // ours, of that kind, unaltered and well-formed.
    [[nodiscard]] std::optional<Click> verifyClick(const QString &token) const;
    [[nodiscard]] std::optional<Unsubscribe> verifyUnsubscribe(const QString &token) const;

    // The routes (TrackingApi): the token follows as the last path segment.
    static constexpr char ClickPath[] = "/t/click/";
    static constexpr char UnsubscribePath[] = "/t/unsubscribe/";

private:
    [[nodiscard]] QString tokenFor(const QJsonArray &fields) const;
    [[nodiscard]] std::optional<QJsonArray> fieldsOf(const QString &token, const QString &kind, int count) const;
    [[nodiscard]] QString urlFor(const char *path, const QString &token) const;

    QByteArray m_key;
    QUrl m_base;
};

} // namespace Tidings::Server
