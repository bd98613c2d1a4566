#include "auth/PasswordHasher.h"

#include "auth/TokenCrypto.h"

#include <QByteArrayView>
#include <QList>

#include <argon2.h>

namespace Tidings::Server {

namespace {

constexpr quint32 kSaltBytes = 16;
constexpr quint32 kHashBytes = 32;

// Reads "m=19456,t=2,p=1" out of "$argon2id$v=19$m=19456,t=2,p=1$salt$hash".
struct EncodedParams
{
    bool ok = false;
    quint32 version = 0;
    quint32 memoryKiB = 0;
    quint32 timeCost = 0;
    quint32 parallelism = 0;
};

EncodedParams parseEncoded(const QByteArray &encoded)
{
    EncodedParams out;
    // Leading '$' gives an empty first field: "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash.
    const QList<QByteArray> fields = encoded.split('$');
    if (fields.size() != 6 || !fields.at(0).isEmpty() || fields.at(1) != "argon2id")
        return out;
    if (!fields.at(2).startsWith("v="))
        return out;
    bool ok = false;
    out.version = fields.at(2).mid(2).toUInt(&ok);
    if (!ok)
        return out;
    bool haveM = false, haveT = false, haveP = false;
    for (const QByteArray &kv : fields.at(3).split(',')) {
        const qsizetype eq = kv.indexOf('=');
        if (eq <= 0)
            return out;
        const QByteArray key = kv.left(eq);
        const quint32 value = kv.mid(eq + 1).toUInt(&ok);
        if (!ok)
            return out;
        if (key == "m") {
            out.memoryKiB = value;
            haveM = true;
        } else if (key == "t") {
            out.timeCost = value;
            haveT = true;
        } else if (key == "p") {
            out.parallelism = value;
            haveP = true;
        }
    }
    out.ok = haveM && haveT && haveP;
    return out;
}

} // namespace

PasswordHasher::PasswordHasher()
    : m_params()
{
}

PasswordHasher::PasswordHasher(Params params)
    : m_params(params)
{
}

QByteArray PasswordHasher::hash(const QString &password) const
{
    const QByteArray pwd = password.toUtf8();
    const QByteArray salt = TokenCrypto::randomBytes(int(kSaltBytes));
    const size_t encodedLen = argon2_encodedlen(
        m_params.timeCost, m_params.memoryKiB, m_params.parallelism, kSaltBytes, kHashBytes, Argon2_id);
    QByteArray encoded(qsizetype(encodedLen), '\0');
    const int rc = argon2id_hash_encoded(m_params.timeCost, m_params.memoryKiB, m_params.parallelism, pwd.constData(),
        size_t(pwd.size()), salt.constData(), size_t(salt.size()), kHashBytes, encoded.data(), encodedLen);
    if (rc != ARGON2_OK)
        return {};
    // argon2_encodedlen() counts the terminating NUL and may overestimate; keep the C string only.
    encoded.truncate(qsizetype(qstrlen(encoded.constData())));
    return encoded;
}

bool PasswordHasher::verify(const QByteArray &encoded, const QString &password) const
{
    if (encoded.isEmpty())
        return false;
    const QByteArray pwd = password.toUtf8();
    // QByteArray keeps a NUL after its data, which argon2id_verify() relies on.
    return argon2id_verify(encoded.constData(), pwd.constData(), size_t(pwd.size())) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(const QByteArray &encoded) const
{
    const EncodedParams p = parseEncoded(encoded);
    if (!p.ok)
        return true;
    return p.version < ARGON2_VERSION_NUMBER || p.memoryKiB < m_params.memoryKiB || p.timeCost < m_params.timeCost
        || p.parallelism < m_params.parallelism;
}

} // namespace Tidings::Server
