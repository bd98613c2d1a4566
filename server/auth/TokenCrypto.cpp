#include "auth/TokenCrypto.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

#include <cstring>
#include <vector>

namespace Tidings::Server::TokenCrypto {

QByteArray randomBytes(int bytes)
{
    if (bytes <= 0)
        return {};
    // QRandomGenerator::system() hands out 32-bit words from the OS CSPRNG.
    std::vector<quint32> words((size_t(bytes) + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    QByteArray out(bytes, Qt::Uninitialized);
    std::memcpy(out.data(), words.data(), size_t(bytes));
    return out;
}

QByteArray base64Url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString newToken(const char *prefix, int bytes)
{
    return QString::fromLatin1(prefix) + QString::fromLatin1(base64Url(randomBytes(bytes)));
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    // The length is not secret (signatures and hashes have fixed sizes); the
    // content is, so every byte is compared whatever the first difference.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Tidings::Server::TokenCrypto
