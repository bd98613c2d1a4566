#include "support/ApiAssertions.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tidings::Test {

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString describe(const QJsonObject &o)
{
    return QString::fromUtf8(compactJson(o));
}

bool hasErrorShape(const QJsonObject &json, const QString &code)
{
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    if (error.value(QStringLiteral("code")).toString() != code
        || error.value(QStringLiteral("message")).toString().isEmpty())
        return false;
    for (auto it = error.begin(); it != error.end(); ++it) {
        const QString key = it.key();
        if (key != QLatin1String("code") && key != QLatin1String("message") && key != QLatin1String("field"))
            return false;
    }
    return !error.contains(QStringLiteral("field")) || error.value(QStringLiteral("field")).isString();
}

bool hasErrorShape(const HttpResult &r, const QString &code)
{
    return r.header("Content-Type").startsWith("application/json") && hasErrorShape(r.json, code);
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &e : a)
        out << e.toString();
    return out;
}

QJsonObject inboxSnapshot(HttpTestClient &client)
{
    const HttpResult r = client.get(QStringLiteral("/api/notifications?limit=100"));
    return {{QStringLiteral("status"), r.status},
        {QStringLiteral("notifications"), r.json.value(QStringLiteral("notifications"))},
        {QStringLiteral("unread"), r.json.value(QStringLiteral("unread"))},
        {QStringLiteral("headSeq"), r.json.value(QStringLiteral("headSeq"))}};
}

} // namespace Tidings::Test
