#pragma once

#include "protocol/Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace Tidings::Json {

// Parses a request body that must be one JSON object. Invalid UTF-8 and syntax
// errors are MALFORMED_JSON (with the offset); a non-object top level is a
// VALIDATION_ERROR. An empty body is an empty object.
[[nodiscard]] Expected<QJsonObject> parseObject(const QByteArray &body);

// True when `bytes` is well-formed UTF-8 (QJsonDocument silently replaces bad bytes).
[[nodiscard]] bool isValidUtf8(const QByteArray &bytes);

// ISO 8601 with milliseconds and a Z suffix: "2024-01-15T10:30:00.000Z". Null -> "".
[[nodiscard]] QString formatTime(const QDateTime &t);
// Null QDateTime -> JSON null.
[[nodiscard]] QJsonValue timeOrNull(const QDateTime &t);
// Accepts ISO 8601 with or without fraction/offset; returns a UTC QDateTime or an error naming `field`.
[[nodiscard]] Expected<QDateTime> parseTime(const QJsonValue &v, const QString &field);

// Field readers: the field may be absent (-> fallback/nullopt) but, when present with
// the wrong type, they return a VALIDATION_ERROR such as "title must be a string".
[[nodiscard]] Expected<std::optional<QString>> optString(const QJsonObject &o, const QString &key);
[[nodiscard]] Expected<std::optional<bool>> optBool(const QJsonObject &o, const QString &key);
[[nodiscard]] Expected<std::optional<qint64>> optInteger(const QJsonObject &o, const QString &key);
[[nodiscard]] Expected<std::optional<QStringList>> optStringList(const QJsonObject &o, const QString &key);

// A list of ids given either as `listKey: [..]` or, for the aliases PROTOCOL.md allows,
// `singleKey: ".."`. Both absent -> error naming listKey.
[[nodiscard]] Expected<QStringList> idList(const QJsonObject &o, const QString &listKey, const QString &singleKey = {});

} // namespace Tidings::Json
