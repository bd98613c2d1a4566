#include "channels/VapidKeys.h"

#include "channels/PushLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace Tidings::Server::Channels {

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

VapidKeys::VapidKeys(P256Key key)
    : m_key(std::move(key))
{
}

Expected<VapidKeys> VapidKeys::loadOrCreate(const QString &path)
{
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return ProtocolError::make(ErrorCode::Internal,
                QStringLiteral("cannot read the VAPID key '%1': %2").arg(path, existing.errorString()));
        auto keys = fromPem(existing.readAll());
        if (!keys)
            return ProtocolError::make(ErrorCode::Internal,
                QStringLiteral("the VAPID key '%1' is unusable (%2); move it away to generate a new one, which "
                               "invalidates every push subscription")
                    .arg(path, keys.error().message));
        if (existing.permissions() & GroupOrOther)
            qCWarning(lcPush) << "the VAPID private key" << path << "is readable by other users; chmod 600 it";
        return keys;
    }

    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return ProtocolError::make(ErrorCode::Internal, QStringLiteral("cannot create the directory '%1'").arg(dir));
    auto keys = generate();
    if (!keys)
        return keys;
    const QByteArray pem = keys->privateKeyPem();
    // QSaveFile: a crash mid-write must not leave a truncated key that the next start
    // would refuse (or, worse, a half-written one it would replace, orphaning every
    // subscription). The permissions are set before any key material is written.
    QSaveFile file(path);
    if (pem.isEmpty() || !file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly)
        || file.write(pem) != pem.size() || !file.commit())
        return ProtocolError::make(
            ErrorCode::Internal, QStringLiteral("cannot write the VAPID key '%1': %2").arg(path, file.errorString()));
    qCInfo(lcPush) << "generated a VAPID key pair in" << path;
    return keys;
}

Expected<VapidKeys> VapidKeys::fromPem(const QByteArray &pem)
{
    auto key = P256Key::fromPem(pem);
    if (!key)
        return key.error();
    return VapidKeys(std::move(key).value());
}

Expected<VapidKeys> VapidKeys::generate()
{
    auto key = P256Key::generate();
    if (!key)
        return key.error();
    return VapidKeys(std::move(key).value());
}

QString VapidKeys::publicKeyBase64Url() const
{
    return QString::fromLatin1(base64Url(publicKey()));
}

Expected<QByteArray> VapidKeys::signJwt(
    const QString &audience, const QString &subject, const QDateTime &expiry, const QDateTime &now) const
{
    const QUrl origin(audience, QUrl::StrictMode);
    if (!origin.isValid() || origin.host().isEmpty() || !origin.path().isEmpty()
        || (origin.scheme() != QLatin1String("https") && origin.scheme() != QLatin1String("http")))
        return ProtocolError::validation(
            QStringLiteral("aud"), QStringLiteral("the audience must be an origin such as https://push.example"));
    if (subject.isEmpty())
        return ProtocolError::validation(QStringLiteral("sub"), QStringLiteral("the subject must not be empty"));
    const qint64 lifetime = now.secsTo(expiry);
    if (lifetime <= 0 || lifetime > MaxTokenLifetimeSecs)
        return ProtocolError::validation(
            QStringLiteral("exp"), QStringLiteral("the expiry must be in the next 24 hours"));

    // Written out rather than built with QJsonObject, whose sorted keys would put "alg"
    // first; this is the header RFC 8292's examples show.
    static const QByteArray header = QByteArrayLiteral(R"({"typ":"JWT","alg":"ES256"})");
    const QJsonObject claims {
        {QStringLiteral("aud"), audience},
        {QStringLiteral("exp"), expiry.toSecsSinceEpoch()},
        {QStringLiteral("sub"), subject},
    };
    const QByteArray signingInput
        = base64Url(header) + '.' + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const auto signature = m_key.signEs256(signingInput);
    if (!signature)
        return signature.error();
    return QByteArray(signingInput + '.' + base64Url(signature.value()));
}

Expected<QByteArray> VapidKeys::signJwt(const QString &audience, const QString &subject, const QDateTime &expiry) const
{
    return signJwt(audience, subject, expiry, QDateTime::currentDateTimeUtc());
}

QByteArray VapidKeys::authorizationHeader(const QByteArray &jwt) const
{
    return QByteArrayLiteral("vapid t=") + jwt + QByteArrayLiteral(", k=") + base64Url(publicKey());
}

QString VapidKeys::subjectFor(const QString &fromEmail, const QString &serverUrl)
{
    QString email = fromEmail.trimmed();
    // FROM_EMAIL may be a display form ("Tidings <noreply@example.com>"); a mailto:
    // URI takes only the address.
    const qsizetype open = email.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = email.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open)
        email = email.mid(open + 1, close - open - 1).trimmed();
    if (!email.isEmpty())
        return email.startsWith(QLatin1String("mailto:")) ? email : QStringLiteral("mailto:") + email;
    return serverUrl.trimmed();
}

} // namespace Tidings::Server::Channels
