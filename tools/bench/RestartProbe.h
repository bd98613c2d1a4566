#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringView>
#include <QVector>

namespace Tidings::Bench {

// The restart scenario's bookkeeping: which notifications each user must get
// (published while its devices were away) and which each device got after it
// reconnected. Every device of a user must receive each of them exactly once.
class RestartProbe
{
public:
    // Starts a new check over `clients` (client index -> user); only these are verified.
    void reset(const QHash<int, int> &clients);
    void expect(int user, const QString &nonce);
    void received(int client, QStringView nonce);

    struct Result
    {
        qint64 devices = 0;
        qint64 expected = 0; // sum over devices of their user's expected notifications
        qint64 received = 0; // distinct expected notifications that arrived
        qint64 missed = 0; // expected but never arrived
        qint64 duplicated = 0; // the same notification (nonce) arrived more than once
        qint64 extra = 0; // arrived, tagged for this phase, but never confirmed by a 202
    };
    [[nodiscard]] Result verify() const;

private:
    QHash<int, int> m_userOfClient;
    QHash<int, QSet<QString>> m_expectedByUser;
    QHash<int, QHash<QString, int>> m_receivedByClient;
};

} // namespace Tidings::Bench
