#include "RestartProbe.h"

namespace Tidings::Bench {

void RestartProbe::reset(const QHash<int, int> &clients)
{
    m_userOfClient = clients;
    m_expectedByUser.clear();
    m_receivedByClient.clear();
}

void RestartProbe::expect(int user, const QString &nonce)
{
    m_expectedByUser[user].insert(nonce);
}

void RestartProbe::received(int client, QStringView nonce)
{
    if (!m_userOfClient.contains(client))
        return;
    ++m_receivedByClient[client][nonce.toString()];
}

RestartProbe::Result RestartProbe::verify() const
{
    Result r;
    for (auto it = m_userOfClient.constBegin(); it != m_userOfClient.constEnd(); ++it) {
        ++r.devices;
        const QSet<QString> expected = m_expectedByUser.value(it.value());
        const QHash<QString, int> got = m_receivedByClient.value(it.key());
        r.expected += expected.size();
        for (const QString &nonce : expected) {
            const int times = got.value(nonce);
            if (times == 0) {
                ++r.missed;
            } else {
                ++r.received;
                r.duplicated += times - 1;
            }
        }
        for (auto g = got.constBegin(); g != got.constEnd(); ++g) {
            if (!expected.contains(g.key())) {
                ++r.extra;
                r.duplicated += g.value() - 1;
            }
        }
    }
    return r;
}

} // namespace Tidings::Bench
