#include "protocol/JsonUtil.h"

#include "protocol/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace Tidings::Json {

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

ProtocolError typeError(const QString &field, const char *what)
{
    return ProtocolError::validation(field, field + QLatin1String(" must be ") + QLatin1String(what));
}

// Qt reports a scalar top level ("3", "\"x\"") as "illegal value", which would
// send the client looking for a syntax error that is not there.
bool isJsonScalar(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson('[' + body + ']', &error);
    return error.error == QJsonParseError::NoError && doc.array().size() == 1;
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The lead byte fixes the length and the range of the first continuation
        // byte; the narrowed ranges are what exclude overlong forms (C0, C1, E0 80..9F,
        // F0 80..8F), UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..).
        int length = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (n - i < length)
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (int k = 2; k < length; ++k) {
            if (!isContinuation(p[i + k]))
                return false;
        }
        i += length;
    }
    return true;
}

Expected<QJsonObject> parseObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject {};
    if (!isValidUtf8(body))
        return ProtocolError::make(ErrorCode::MalformedJson, QStringLiteral("request body is not valid UTF-8"));
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        if (isJsonScalar(body))
            return ProtocolError::make(ErrorCode::Validation, QStringLiteral("body must be a JSON object"));
        return ProtocolError::make(ErrorCode::MalformedJson,
            QStringLiteral("request body is not valid JSON: %1 at offset %2")
                .arg(error.errorString())
                .arg(error.offset));
    }
    if (!doc.isObject())
        return ProtocolError::make(ErrorCode::Validation, QStringLiteral("body must be a JSON object"));
    return doc.object();
}

QString formatTime(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTime(t)) : QJsonValue(QJsonValue::Null);
}

Expected<QDateTime> parseTime(const QJsonValue &v, const QString &field)
{
    if (v.isNull() || v.isUndefined())
        return QDateTime();
    if (!v.isString())
        return typeError(field, "an ISO 8601 time string such as \"2024-01-15T10:30:00Z\"");
    const QString text = v.toString();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    // A bare date would silently mean midnight; a schedule needs a time of day.
    if (!t.isValid() || text.size() <= 10) {
        return ProtocolError::validation(
            field, field + QStringLiteral(" is not a valid ISO 8601 time (expected e.g. \"2024-01-15T10:30:00Z\")"));
    }
    // Without an offset Qt would use the server's local zone, which the client
    // cannot know; UTC makes the same string mean the same instant everywhere.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Qt::UTC);
    return t.toUTC();
}

Expected<std::optional<QString>> optString(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return typeError(key, "a string");
    return std::optional<QString>(v.toString());
}

Expected<std::optional<bool>> optBool(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>();
    if (!v.isBool())
        return typeError(key, "a boolean");
    return std::optional<bool>(v.toBool());
}

Expected<std::optional<qint64>> optInteger(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<qint64>();
    const double d = v.toDouble();
    // 9.2e18 keeps the conversion inside qint64; toInteger() keeps the exact
    // value when the parser stored one (doubles lose precision above 2^53).
    if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9.2e18)
        return typeError(key, "an integer");
    return std::optional<qint64>(v.toInteger());
}

Expected<std::optional<QStringList>> optStringList(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QStringList>();
    if (!v.isArray())
        return typeError(key, "a list of strings");
    const QJsonArray array = v.toArray();
    QStringList list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            return typeError(key + QStringLiteral("[%1]").arg(i), "a string");
        list.append(array.at(i).toString());
    }
    return std::optional<QStringList>(list);
}

Expected<QStringList> idList(const QJsonObject &o, const QString &listKey, const QString &singleKey)
{
    auto list = optStringList(o, listKey);
    if (!list)
        return list.error();
    QStringList ids;
    QString field = listKey;
    if (list.value()) {
        ids = *list.value();
    } else if (!singleKey.isEmpty()) {
        auto single = optString(o, singleKey);
        if (!single)
            return single.error();
        if (single.value()) {
            ids = QStringList {*single.value()};
            field = singleKey;
        }
    }
    if (ids.isEmpty()) {
        const QString options
            = singleKey.isEmpty() ? listKey : QString(listKey + QStringLiteral(" (or ") + singleKey + u')');
        return ProtocolError::validation(listKey, options + QStringLiteral(" must name at least one id"));
    }
    if (ids.size() > Limits::IdsPerEventMax) {
        return ProtocolError::validation(
            listKey, listKey + QStringLiteral(" has more than %1 ids").arg(Limits::IdsPerEventMax));
    }
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (ids.at(i).trimmed().isEmpty()) {
            const QString at = field == listKey ? QString(listKey + QStringLiteral("[%1]").arg(i)) : field;
            return ProtocolError::validation(at, at + QStringLiteral(" must not be empty"));
        }
    }
    ids.removeDuplicates();
    return ids;
}

} // namespace Tidings::Json
