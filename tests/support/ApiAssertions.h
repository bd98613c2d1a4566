#pragma once

#include "support/HttpTestClient.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// Small checks and conversions shared by the integration tests.
namespace Tidings::Test {

// Compact JSON, for request bodies and failure messages.
[[nodiscard]] QByteArray compactJson(const QJsonObject &o);
[[nodiscard]] QString describe(const QJsonObject &o);

// PROTOCOL.md's error shape: {"error": {"code", "message", "field"?}} and nothing else.
[[nodiscard]] bool hasErrorShape(const QJsonObject &json, const QString &code);
// ... served as JSON.
[[nodiscard]] bool hasErrorShape(const HttpResult &r, const QString &code);

// The strings of a JSON array (ids, topics).
[[nodiscard]] QStringList stringsOf(const QJsonValue &v);

// What a user's inbox looks like over REST (notifications, unread counts, head), to
// prove that a refused request changed nothing.
[[nodiscard]] QJsonObject inboxSnapshot(HttpTestClient &client);

} // namespace Tidings::Test
