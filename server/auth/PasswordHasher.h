#pragma once

#include <QByteArray>
#include <QString>

namespace Tidings::Server {

// Argon2id (libargon2) in the PHC string format ("$argon2id$v=19$m=...,t=...,p=...$salt$hash").
class PasswordHasher
{
public:
    struct Params
    {
        quint32 timeCost = 2;
        quint32 memoryKiB = 19 * 1024; // OWASP's minimum for Argon2id
        quint32 parallelism = 1;
    };

    // Two constructors rather than `Params params = {}`: a nested struct's default
    // member initializers cannot be used in a default argument of its enclosing
    // class (CWG 1397), which GCC rejects.
    PasswordHasher();
    explicit PasswordHasher(Params params);

    // A fresh random 16-byte salt each call. Empty on failure (out of memory).
    [[nodiscard]] QByteArray hash(const QString &password) const;
    // Constant-time; the parameters come from the encoded string, so hashes made with
    // older parameters keep verifying.
    [[nodiscard]] bool verify(const QByteArray &encoded, const QString &password) const;
    // True when `encoded` was made with weaker parameters than the current ones.
    [[nodiscard]] bool needsRehash(const QByteArray &encoded) const;

    [[nodiscard]] const Params &params() const { return m_params; }

private:
    Params m_params;
};

} // namespace Tidings::Server
