#pragma once

#include "protocol/Expected.h"
#include "protocol/Preferences.h"

namespace Tidings::Server {

class Store;

// A user's delivery preferences: defaults until first changed, partial updates
// validated by the protocol layer, stored as one document.
class PreferencesService
{
public:
    explicit PreferencesService(Store &store);

    [[nodiscard]] Expected<Preferences> get(const QString &userId);
    [[nodiscard]] Expected<Preferences> update(const QString &userId, const QJsonObject &partial);

private:
    Store &m_store;
};

} // namespace Tidings::Server
