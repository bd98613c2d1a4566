#include "core/TrackingLinks.h"

#include "auth/TokenCrypto.h"
#include "protocol/Notification.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace Tidings::Server {

namespace {

const QString kClick = QStringLiteral("c");
const QString kUnsubscribe = QStringLiteral("u");
constexpr qsizetype kMaxTokenChars = 8192;

QByteArray mac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

bool isPreferenceChannel(const QString &channel)
{
    for (const char *name : {"email", "push", "inApp", "desktop"}) {
        if (channel == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

TrackingLinks::TrackingLinks(QByteArray key, QUrl publicBaseUrl)
    : m_key(std::move(key))
    , m_base(std::move(publicBaseUrl))
{
}

QString TrackingLinks::clickUrl(
    const QString &messageId, const QString &userId, const QString &channel, const QString &target) const
{
    if (!isWebUrl(QUrl(target, QUrl::StrictMode)))
        return target;
    return urlFor(ClickPath, tokenFor(QJsonArray {kClick, messageId, userId, channel, target}));
}

QString TrackingLinks::unsubscribeUrl(const QString &userId, const QString &topic, const QString &channel) const
{
    return urlFor(UnsubscribePath, tokenFor(QJsonArray {kUnsubscribe, userId, topic, channel}));
}

std::optional<TrackingLinks::Click> TrackingLinks::verifyClick(const QString &token) const
{
    const std::optional<QJsonArray> f = fieldsOf(token, kClick, 5);
    if (!f)
        return std::nullopt;
    Click c {
        f->at(1).toString(), f->at(2).toString(), f->at(3).toString(), QUrl(f->at(4).toString(), QUrl::StrictMode)};
    // Only http(s) targets were ever signed; checked again so that no key mix-up can
    // turn this route into a redirect to javascript: or file:.
    if (c.messageId.isEmpty() || c.userId.isEmpty() || c.channel.isEmpty() || !isWebUrl(c.target))
        return std::nullopt;
    return c;
}

std::optional<TrackingLinks::Unsubscribe> TrackingLinks::verifyUnsubscribe(const QString &token) const
{
    const std::optional<QJsonArray> f = fieldsOf(token, kUnsubscribe, 4);
    if (!f)
        return std::nullopt;
    Unsubscribe u {f->at(1).toString(), f->at(2).toString(), f->at(3).toString()};
    if (u.userId.isEmpty() || !isPreferenceChannel(u.channel) || (!u.topic.isEmpty() && !isValidTopicName(u.topic)))
        return std::nullopt;
    return u;
}

QString TrackingLinks::tokenFor(const QJsonArray &fields) const
{
    const QByteArray payload = TokenCrypto::base64Url(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(payload + '.' + TokenCrypto::base64Url(mac(m_key, payload)));
}

std::optional<QJsonArray> TrackingLinks::fieldsOf(const QString &token, const QString &kind, int count) const
{
    if (token.size() > kMaxTokenChars)
        return std::nullopt;
    const QByteArray raw = token.toLatin1();
    const qsizetype dot = raw.indexOf('.');
    if (dot <= 0 || raw.indexOf('.', dot + 1) >= 0)
        return std::nullopt;
    const QByteArray payload = raw.left(dot);
    // The MAC is over the payload exactly as sent, so any change to it fails here.
    if (!TokenCrypto::equalConstantTime(raw.mid(dot + 1), TokenCrypto::base64Url(mac(m_key, payload))))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(payload,
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    const QJsonArray fields = doc.array();
    if (!doc.isArray() || fields.size() != count || fields.at(0).toString() != kind)
        return std::nullopt;
    for (const QJsonValue &v : fields) {
        if (!v.isString())
            return std::nullopt;
    }
    return fields;
}

QString TrackingLinks::urlFor(const char *path, const QString &token) const
{
    QString base = m_base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QLatin1String(path) + token;
}

} // namespace Tidings::Server
