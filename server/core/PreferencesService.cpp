#include "core/PreferencesService.h"

#include "store/Store.h"

namespace Tidings::Server {

PreferencesService::PreferencesService(Store &store)
    : m_store(store)
{
}

Expected<Preferences> PreferencesService::get(const QString &userId)
{
    const std::optional<QJsonObject> stored = m_store.preferences(userId);
    if (!stored)
        return Preferences {};
    // A stored document was valid when written; if a later version tightened a rule,
    // the defaults are merged with what still validates rather than failing the read.
    Expected<Preferences> prefs = Preferences {}.merged(*stored);
    return prefs.ok() ? prefs : Expected<Preferences>(Preferences {});
}

Expected<Preferences> PreferencesService::update(const QString &userId, const QJsonObject &partial)
{
    Expected<Preferences> current = get(userId);
    Expected<Preferences> next = current->merged(partial);
    if (!next)
        return next.error();
    if (!m_store.savePreferences(userId, next->toJson()))
        return ProtocolError::make(
            ErrorCode::Unavailable, QStringLiteral("the database is not available; preferences were not changed"));
    return next;
}

} // namespace Tidings::Server
