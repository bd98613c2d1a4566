#pragma once

#include "protocol/Notification.h"
#include "protocol/StreamEvent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

// Conversions between the store's records and SQL column values, shared by the
// SqliteStore translation units (and usable by a PostgreSQL store: the column
// encodings are the same).
namespace Tidings::Server::SqlValues {

// Qt binds a null QString as SQL NULL, which NOT NULL text columns reject: bind
// through text() so "no value" is stored as ''.
[[nodiscard]] QVariant text(const QString &s);

// Times are BIGINT milliseconds since the epoch in UTC; a null QDateTime is NULL.
[[nodiscard]] QVariant timeMs(const QDateTime &t);
[[nodiscard]] QDateTime timeFrom(const QVariant &v);

// JSON text columns (compact UTF-8).
[[nodiscard]] QString json(const QJsonArray &a);
[[nodiscard]] QString json(const QJsonObject &o);
[[nodiscard]] QString json(const QStringList &l);
[[nodiscard]] QStringList stringListFrom(const QVariant &v);
[[nodiscard]] QStringList stringListFrom(const QJsonArray &a);
[[nodiscard]] QJsonObject objectFrom(const QVariant &v);
[[nodiscard]] QJsonArray arrayFrom(const QVariant &v);

// Actions are stored in the store's own encoding so reading old rows never depends
// on how the wire codec evolves.
[[nodiscard]] QString actionsJson(const QList<NotificationAction> &actions);
[[nodiscard]] QList<NotificationAction> actionsFrom(const QVariant &v);

[[nodiscard]] Priority priorityFrom(const QVariant &v);

// stream_events.kind. The same words as the wire event names, but owned by the store
// so stored rows never change meaning with the codec.
[[nodiscard]] QString eventKind(StreamEvent::Kind kind);
[[nodiscard]] std::optional<StreamEvent::Kind> eventKindFrom(const QString &kind);

// "%needle%" for LIKE ... ESCAPE '\', with the wildcards in `needle` taken literally.
[[nodiscard]] QString containsPattern(const QString &needle);

// Removes duplicates, keeping the first occurrence of each and the order.
[[nodiscard]] QStringList distinct(const QStringList &l);

// A random UUID without braces.
[[nodiscard]] QString newId();

} // namespace Tidings::Server::SqlValues
