#pragma once

#include "store/BroadcastRecords.h"

#include <QJsonObject>
#include <QList>

// A broadcast as /api/broadcasts shows it (docs/protocol.md, Broadcasts).
namespace Tidings::Server::BroadcastJson {

// {id, name, state, ..., schedule, occurrences, stats}; `stats` totals `runs` (the
// broadcast's messages) and, with perOccurrence, lists them in `stats.byOccurrence`.
[[nodiscard]] QJsonObject toJson(const BroadcastRecord &b, const QList<BroadcastOccurrence> &runs, bool perOccurrence);

} // namespace Tidings::Server::BroadcastJson
