#include "protocol/JsonUtil.h"
#include "protocol/Limits.h"
#include "protocol/Notification.h"
#include "protocol/Preferences.h"
#include "protocol/Priority.h"
#include "protocol/ProtocolError.h"
#include "protocol/PublishRequest.h"
#include "protocol/StreamEvent.h"
#include "protocol/WsFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Tidings;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Tidings::Notification)
Q_DECLARE_METATYPE(Tidings::StreamEvent)

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test fixture is not a JSON object: %s", json);
    return doc.object();
}

// `base` with every member of `extra` set over it.
QJsonObject merge(QJsonObject base, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &v)
{
    o.insert(key, v);
    return o;
}

// Compact text of any JSON value, so QCOMPARE prints something readable on failure.
QByteArray text(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
}

// The value at a dotted path ("quietHours.start") inside `o`.
QJsonValue at(const QJsonObject &o, const QString &path)
{
    QJsonValue v = o;
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

// U+1F600: one character, two UTF-16 code units.
QString emoji(int count)
{
    return QString::fromUtf8("\xF0\x9F\x98\x80").repeated(count);
}

QStringList names(int count, const QString &prefix = u"id-"_s)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(prefix + QString::number(i));
    return list;
}

QJsonArray stringArray(int count, const QString &prefix = u"id-"_s)
{
    return QJsonArray::fromStringList(names(count, prefix));
}

// Lets the assertion macros take error codes and fields as literals or QStrings.
QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QString str(const QString &s)
{
    return s;
}

// {"blob":"xxx"} whose compact encoding is exactly `bytes` long.
QJsonObject dataOfEncodedSize(int bytes)
{
    const int overhead = int(QByteArrayLiteral(R"({"blob":""})").size());
    return QJsonObject {{u"blob"_s, QString(bytes - overhead, u'x')}};
}

QJsonObject actionJson(const QString &id)
{
    return QJsonObject {{u"id"_s, id}, {u"label"_s, u"Open"_s}, {u"url"_s, u"https://example.org/"_s}};
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

Notification sampleNotification()
{
    Notification n;
    n.id = u"3f2c8a4e-0b7d-4c1e-9a53-2f5d8c1b7e90"_s;
    n.seq = 1042;
    n.content.topic = u"orders"_s;
    n.content.type = u"order_status"_s;
    n.content.title = u"Order Updated"_s;
    n.content.message = u"Your order #12345 has been shipped"_s;
    n.content.priority = Priority::High;
    n.content.tags = QStringList {u"package"_s};
    n.content.click = u"https://shop.example/orders/12345"_s;
    n.content.actions = {NotificationAction {u"open"_s, u"Open"_s, u"view"_s, u"https://shop.example/o/1"_s}};
    n.content.data = QJsonObject {{u"orderId"_s, u"12345"_s}};
    n.status = QLatin1String(Status::Delivered);
    n.createdAt = utc(2024, 1, 15, 10, 30);
    n.deliveredAt = utc(2024, 1, 15, 10, 30, 1, 250);
    n.sender = Sender {u"token"_s, u"tok-1"_s, u"shop-backend"_s};
    return n;
}

} // namespace

// Failure messages carry the error, so a broken row says what went wrong.
#define EXPECT_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().message))

#define EXPECT_ERROR(result, expectedCode, expectedField, fragment)                                                    \
    do {                                                                                                               \
        QVERIFY2(!(result).ok(), "expected an error, got a value");                                                    \
        QCOMPARE((result).error().code, str(expectedCode));                                                            \
        QCOMPARE((result).error().field, str(expectedField));                                                          \
        QVERIFY2((result).error().message.contains(fragment), qPrintable((result).error().message));                   \
    } while (false)

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorCode_mapsToHttpStatus_data();
    void errorCode_mapsToHttpStatus();
    void errorJson_omitsFieldOnlyWhenEmpty();

    void priority_acceptsWordsAliasesAndLevels_data();
    void priority_acceptsWordsAliasesAndLevels();
    void priority_rejectsAnythingElse_data();
    void priority_rejectsAnythingElse();
    void priority_writesCanonicalWord();

    void utf8_validation_data();
    void utf8_validation();
    void parseObject_results_data();
    void parseObject_results();
    void fieldReaders_wrongTypeNamesTheField_data();
    void fieldReaders_wrongTypeNamesTheField();
    void fieldReaders_nullCountsAsAbsent();

    void formatTime_writesUtcWithMilliseconds_data();
    void formatTime_writesUtcWithMilliseconds();
    void parseTime_acceptsIsoFormsAndConvertsToUtc_data();
    void parseTime_acceptsIsoFormsAndConvertsToUtc();
    void parseTime_rejectsNonTimes_data();
    void parseTime_rejectsNonTimes();

    void topicName_matchesProtocolPattern_data();
    void topicName_matchesProtocolPattern();
    void content_acceptsValidInput_data();
    void content_acceptsValidInput();
    void content_rejectsInvalidInput_data();
    void content_rejectsInvalidInput();
    void notification_toJson_hasTheProtocolShape();
    void notification_roundTripsThroughJson_data();
    void notification_roundTripsThroughJson();
    void notification_fromJson_rejectsBadEnvelope_data();
    void notification_fromJson_rejectsBadEnvelope();

    void publish_acceptsEachKindOfTarget_data();
    void publish_acceptsEachKindOfTarget();
    void publish_rejectsInvalidTargeting_data();
    void publish_rejectsInvalidTargeting();
    void publish_channelsAreDeliveryMediaNormalised();
    void publish_checksTimes_data();
    void publish_checksTimes();
    void publish_templateAndIdempotency_data();
    void publish_templateAndIdempotency();

    void preferences_defaults_haveTheProtocolShape();
    void preferences_merge_changesOnlyGivenKeys_data();
    void preferences_merge_changesOnlyGivenKeys();
    void preferences_merge_keepsOtherSwitchesOfAnExistingTopic();
    void preferences_merge_nullTopicRemovesOverride();
    void preferences_merge_rejectsInvalidValuesWithDottedField_data();
    void preferences_merge_rejectsInvalidValuesWithDottedField();
    void preferences_roundTripThroughJson();

    void unreadCounts_omitZeroTopicsAndRoundTrip();
    void streamEvent_dataMatchesProtocolTable_data();
    void streamEvent_dataMatchesProtocolTable();
    void streamEvent_roundTripsThroughFrame_data();
    void streamEvent_roundTripsThroughFrame();
    void streamEvent_fromData_rejectsBadInput_data();
    void streamEvent_fromData_rejectsBadInput();

    void wsDecode_acceptsValidFrames_data();
    void wsDecode_acceptsValidFrames();
    void wsDecode_rejectsBadFrames_data();
    void wsDecode_rejectsBadFrames();
    void wsEncode_writesCompactFramesAndReplies();
    void wsResume_parsesBothFormsAndRejectsBadSeq_data();
    void wsResume_parsesBothFormsAndRejectsBadSeq();
    void wsTopics_acceptChannelsAliasAndValidateNames_data();
    void wsTopics_acceptChannelsAliasAndValidateNames();
    void wsIds_acceptNotificationIdAliasAndLimits_data();
    void wsIds_acceptNotificationIdAliasAndLimits();
    void wsReadAll_parsesOptionalTopicAndBound_data();
    void wsReadAll_parsesOptionalTopicAndBound();
};

// ---------------------------------------------------------------- errors

void TestProtocol::errorCode_mapsToHttpStatus_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("validation") << QString::fromLatin1(ErrorCode::Validation) << 400;
    QTest::newRow("malformed json") << QString::fromLatin1(ErrorCode::MalformedJson) << 400;
    QTest::newRow("unauthorized") << QString::fromLatin1(ErrorCode::Unauthorized) << 401;
    QTest::newRow("forbidden") << QString::fromLatin1(ErrorCode::Forbidden) << 403;
    QTest::newRow("not found") << QString::fromLatin1(ErrorCode::NotFound) << 404;
    QTest::newRow("method not allowed") << QString::fromLatin1(ErrorCode::MethodNotAllowed) << 405;
    QTest::newRow("conflict") << QString::fromLatin1(ErrorCode::Conflict) << 409;
    QTest::newRow("resync") << QString::fromLatin1(ErrorCode::Resync) << 409;
    QTest::newRow("payload too large") << QString::fromLatin1(ErrorCode::PayloadTooLarge) << 413;
    QTest::newRow("unsupported media type") << QString::fromLatin1(ErrorCode::UnsupportedMediaType) << 415;
    QTest::newRow("rate limited") << QString::fromLatin1(ErrorCode::RateLimited) << 429;
    QTest::newRow("internal") << QString::fromLatin1(ErrorCode::Internal) << 500;
    QTest::newRow("unavailable") << QString::fromLatin1(ErrorCode::Unavailable) << 503;
    QTest::newRow("unknown event") << QString::fromLatin1(ErrorCode::UnknownEvent) << 400;
    QTest::newRow("unlisted code falls back to 400") << u"SOMETHING_NEW"_s << 400;
}

void TestProtocol::errorCode_mapsToHttpStatus()
{
    QFETCH(QString, code);
    QFETCH(int, status);
    QCOMPARE((ProtocolError {code, u"x"_s, {}}.httpStatus()), status);
}

void TestProtocol::errorJson_omitsFieldOnlyWhenEmpty()
{
    const ProtocolError withField = ProtocolError::validation(u"title"_s, u"title is longer than 255 characters"_s);
    QCOMPARE(text(withField.toEnvelope()),
        text(obj(R"({"error":{"code":"VALIDATION_ERROR","message":"title is longer than 255 characters",)"
                 R"("field":"title"}})")));
    const ProtocolError noField = ProtocolError::make(ErrorCode::NotFound, u"no such notification"_s);
    QCOMPARE(text(noField.toJson()), text(obj(R"({"code":"NOT_FOUND","message":"no such notification"})")));
}

// ---------------------------------------------------------------- priority

void TestProtocol::priority_acceptsWordsAliasesAndLevels_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<int>("expected");
    const int low = int(Priority::Low), normal = int(Priority::Normal), high = int(Priority::High),
              urgent = int(Priority::Urgent);
    QTest::newRow("low") << QJsonValue(u"low"_s) << low;
    QTest::newRow("normal") << QJsonValue(u"normal"_s) << normal;
    QTest::newRow("high") << QJsonValue(u"high"_s) << high;
    QTest::newRow("urgent") << QJsonValue(u"urgent"_s) << urgent;
    QTest::newRow("upper case word") << QJsonValue(u"HIGH"_s) << high;
    QTest::newRow("mixed case word") << QJsonValue(u"Urgent"_s) << urgent;
    QTest::newRow("word with spaces") << QJsonValue(u" low "_s) << low;
    QTest::newRow("medium is normal") << QJsonValue(u"medium"_s) << normal;
    QTest::newRow("critical is urgent") << QJsonValue(u"Critical"_s) << urgent;
    QTest::newRow("number 1 is low") << QJsonValue(1) << low;
    QTest::newRow("number 2 is low") << QJsonValue(2) << low;
    QTest::newRow("number 3 is normal") << QJsonValue(3) << normal;
    QTest::newRow("number 4 is high") << QJsonValue(4) << high;
    QTest::newRow("number 5 is urgent") << QJsonValue(5) << urgent;
    QTest::newRow("integral double 4.0") << QJsonValue(4.0) << high;
    QTest::newRow("string 1") << QJsonValue(u"1"_s) << low;
    QTest::newRow("string 2") << QJsonValue(u"2"_s) << low;
    QTest::newRow("string 3") << QJsonValue(u"3"_s) << normal;
    QTest::newRow("string 4") << QJsonValue(u"4"_s) << high;
    QTest::newRow("string 5") << QJsonValue(u"5"_s) << urgent;
}

void TestProtocol::priority_acceptsWordsAliasesAndLevels()
{
    QFETCH(QJsonValue, input);
    QFETCH(int, expected);
    const auto p = priorityFromJson(input);
    EXPECT_OK(p);
    QCOMPARE(int(p.value()), expected);
}

void TestProtocol::priority_rejectsAnythingElse_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::newRow("empty string") << QJsonValue(u""_s);
    QTest::newRow("unknown word") << QJsonValue(u"highest"_s);
    QTest::newRow("zero") << QJsonValue(0);
    QTest::newRow("six") << QJsonValue(6);
    QTest::newRow("negative") << QJsonValue(-1);
    QTest::newRow("fraction") << QJsonValue(3.5);
    QTest::newRow("fraction as string") << QJsonValue(u"3.5"_s);
    QTest::newRow("zero as string") << QJsonValue(u"0"_s);
    QTest::newRow("six as string") << QJsonValue(u"6"_s);
    QTest::newRow("boolean") << QJsonValue(true);
    QTest::newRow("array") << QJsonValue(QJsonArray {3});
    QTest::newRow("object") << QJsonValue(QJsonObject {{u"level"_s, 3}});
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
}

void TestProtocol::priority_rejectsAnythingElse()
{
    QFETCH(QJsonValue, input);
    EXPECT_ERROR(priorityFromJson(input), "VALIDATION_ERROR", "priority", u"priority must be"_s);
    EXPECT_ERROR(priorityFromJson(input, u"p"_s), "VALIDATION_ERROR", "p", u"p must be"_s);
}

void TestProtocol::priority_writesCanonicalWord()
{
    QCOMPARE(priorityToString(Priority::Low), u"low"_s);
    QCOMPARE(priorityToString(Priority::Normal), u"normal"_s);
    QCOMPARE(priorityToString(Priority::High), u"high"_s);
    QCOMPARE(priorityToString(Priority::Urgent), u"urgent"_s);
}

// ---------------------------------------------------------------- JSON utilities

void TestProtocol::utf8_validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii") << QByteArray("hello") << true;
    QTest::newRow("nul byte") << QByteArray("a\0b", 3) << true;
    QTest::newRow("two bytes e-acute") << QByteArray("\xC3\xA9") << true;
    QTest::newRow("three bytes euro") << QByteArray("\xE2\x82\xAC") << true;
    QTest::newRow("four bytes emoji") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("last before surrogates U+D7FF") << QByteArray("\xED\x9F\xBF") << true;
    QTest::newRow("first after surrogates U+E000") << QByteArray("\xEE\x80\x80") << true;
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true;
    QTest::newRow("highest code point U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("lone continuation byte") << QByteArray("\x80") << false;
    QTest::newRow("overlong slash C0 AF") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("overlong C1 BF") << QByteArray("\xC1\xBF") << false;
    QTest::newRow("overlong three bytes E0 80 AF") << QByteArray("\xE0\x80\xAF") << false;
    QTest::newRow("overlong four bytes F0 80 80 AF") << QByteArray("\xF0\x80\x80\xAF") << false;
    QTest::newRow("high surrogate ED A0 80") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("low surrogate ED BF BF") << QByteArray("\xED\xBF\xBF") << false;
    QTest::newRow("above U+10FFFF F4 90 80 80") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("lead byte F5") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("byte FF") << QByteArray("a\xFF") << false;
    QTest::newRow("truncated two bytes") << QByteArray("ab\xC3") << false;
    QTest::newRow("truncated three bytes") << QByteArray("\xE2\x82") << false;
    QTest::newRow("truncated four bytes") << QByteArray("\xF0\x9F\x98") << false;
    QTest::newRow("ascii where continuation expected") << QByteArray("\xE2(\xA1") << false;
    QTest::newRow("bad third byte") << QByteArray("\xE2\x82(") << false;
}

void TestProtocol::utf8_validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(Json::isValidUtf8(bytes), valid);
}

void TestProtocol::parseObject_results_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code"); // empty = success
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("keys");
    const QString malformed = QString::fromLatin1(ErrorCode::MalformedJson);
    const QString validation = QString::fromLatin1(ErrorCode::Validation);
    QTest::newRow("empty body is an empty object") << QByteArray() << QString() << QString() << 0;
    QTest::newRow("whitespace body is an empty object") << QByteArray(" \r\n") << QString() << QString() << 0;
    QTest::newRow("object") << QByteArray(R"({"title":"Hi","n":1})") << QString() << QString() << 2;
    QTest::newRow("non-ascii text") << QByteArray("{\"t\":\"gr\xC3\xBC\xC3\x9F\"}") << QString() << QString() << 1;
    QTest::newRow("invalid utf-8 inside a string")
        << QByteArray("{\"t\":\"\xC3\x28\"}") << malformed << u"request body is not valid UTF-8"_s << 0;
    QTest::newRow("surrogate encoded in utf-8")
        << QByteArray("{\"t\":\"\xED\xA0\x80\"}") << malformed << u"not valid UTF-8"_s << 0;
    QTest::newRow("unterminated object") << QByteArray(R"({"a":1)") << malformed << u"at offset"_s << 0;
    QTest::newRow("trailing garbage names the offset") << QByteArray(R"({"a":1}x)") << malformed << u"offset 7"_s << 0;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << malformed << u"not valid JSON"_s << 0;
    QTest::newRow("array top level") << QByteArray("[1,2]") << validation << u"body must be a JSON object"_s << 0;
    QTest::newRow("number top level") << QByteArray("42") << validation << u"body must be a JSON object"_s << 0;
    QTest::newRow("string top level") << QByteArray(R"("hi")") << validation << u"body must be a JSON object"_s << 0;
    QTest::newRow("null top level") << QByteArray("null") << validation << u"body must be a JSON object"_s << 0;
}

void TestProtocol::parseObject_results()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, fragment);
    QFETCH(int, keys);
    const auto result = Json::parseObject(body);
    if (code.isEmpty()) {
        EXPECT_OK(result);
        QCOMPARE(result->size(), keys);
    } else {
        EXPECT_ERROR(result, code, QString(), fragment);
        QCOMPARE(result.error().httpStatus(), 400);
    }
}

void TestProtocol::fieldReaders_wrongTypeNamesTheField_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("string given a number") << u"string"_s << obj(R"({"k":1})") << u"k"_s << u"k must be a string"_s;
    QTest::newRow("bool given a string") << u"bool"_s << obj(R"({"k":"true"})") << u"k"_s << u"k must be a boolean"_s;
    QTest::newRow("integer given a fraction")
        << u"integer"_s << obj(R"({"k":1.5})") << u"k"_s << u"k must be an integer"_s;
    QTest::newRow("integer given a string")
        << u"integer"_s << obj(R"({"k":"1"})") << u"k"_s << u"k must be an integer"_s;
    QTest::newRow("list given a string") << u"list"_s << obj(R"({"k":"a"})") << u"k"_s
                                         << u"k must be a list of strings"_s;
    QTest::newRow("list with a number names the index")
        << u"list"_s << obj(R"({"k":["a",2]})") << u"k[1]"_s << u"k[1] must be a string"_s;
}

void TestProtocol::fieldReaders_wrongTypeNamesTheField()
{
    QFETCH(QString, reader);
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    QFETCH(QString, message);
    ProtocolError error;
    if (reader == u"string")
        error = Json::optString(input, u"k"_s).error();
    else if (reader == u"bool")
        error = Json::optBool(input, u"k"_s).error();
    else if (reader == u"integer")
        error = Json::optInteger(input, u"k"_s).error();
    else
        error = Json::optStringList(input, u"k"_s).error();
    QCOMPARE(error.code, u"VALIDATION_ERROR"_s);
    QCOMPARE(error.field, field);
    QCOMPARE(error.message, message);
}

void TestProtocol::fieldReaders_nullCountsAsAbsent()
{
    const QJsonObject o = obj(R"({"k":null})");
    QVERIFY(!Json::optString(o, u"k"_s).value().has_value());
    QVERIFY(!Json::optBool(o, u"k"_s).value().has_value());
    QVERIFY(!Json::optInteger(o, u"k"_s).value().has_value());
    QVERIFY(!Json::optStringList(o, u"k"_s).value().has_value());
    QVERIFY(!Json::optString(o, u"missing"_s).value().has_value());
    QCOMPARE(Json::optInteger(obj(R"({"k":9007199254740993})"), u"k"_s).value(), 9007199254740993LL);
}

void TestProtocol::formatTime_writesUtcWithMilliseconds_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("utc") << utc(2024, 1, 15, 10, 30) << u"2024-01-15T10:30:00.000Z"_s;
    QTest::newRow("milliseconds") << utc(2024, 1, 15, 10, 30, 5, 7) << u"2024-01-15T10:30:05.007Z"_s;
    QTest::newRow("offset converted to utc")
        << QDateTime(QDate(2024, 1, 15), QTime(12, 30), Qt::OffsetFromUTC, 7200) << u"2024-01-15T10:30:00.000Z"_s;
    QTest::newRow("null is empty") << QDateTime() << QString();
}

void TestProtocol::formatTime_writesUtcWithMilliseconds()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    QCOMPARE(Json::formatTime(time), expected);
    QCOMPARE(text(Json::timeOrNull(time)), expected.isEmpty() ? text(QJsonValue::Null) : text(expected));
}

void TestProtocol::parseTime_acceptsIsoFormsAndConvertsToUtc_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QString>("expected"); // formatTime of the result; "" = null (absent)
    QTest::newRow("with milliseconds and Z")
        << QJsonValue(u"2024-01-15T10:30:00.123Z"_s) << u"2024-01-15T10:30:00.123Z"_s;
    QTest::newRow("without fraction") << QJsonValue(u"2024-01-15T10:30:00Z"_s) << u"2024-01-15T10:30:00.000Z"_s;
    QTest::newRow("positive offset") << QJsonValue(u"2024-01-15T12:30:00+02:00"_s) << u"2024-01-15T10:30:00.000Z"_s;
    QTest::newRow("negative offset crosses midnight")
        << QJsonValue(u"2024-01-15T22:30:00-05:00"_s) << u"2024-01-16T03:30:00.000Z"_s;
    QTest::newRow("compact offset with fraction")
        << QJsonValue(u"2024-01-15T12:30:00.5+0200"_s) << u"2024-01-15T10:30:00.500Z"_s;
    QTest::newRow("no offset means utc") << QJsonValue(u"2024-01-15T10:30:00"_s) << u"2024-01-15T10:30:00.000Z"_s;
    QTest::newRow("null is absent") << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("undefined is absent") << QJsonValue(QJsonValue::Undefined) << QString();
}

void TestProtocol::parseTime_acceptsIsoFormsAndConvertsToUtc()
{
    QFETCH(QJsonValue, input);
    QFETCH(QString, expected);
    const auto t = Json::parseTime(input, u"at"_s);
    EXPECT_OK(t);
    QCOMPARE(Json::formatTime(t.value()), expected);
    if (t->isValid())
        QCOMPARE(t->timeSpec(), Qt::UTC);
}

void TestProtocol::parseTime_rejectsNonTimes_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("word") << QJsonValue(u"tomorrow"_s) << u"scheduledAt is not a valid ISO 8601 time"_s;
    QTest::newRow("empty string") << QJsonValue(u""_s) << u"not a valid ISO 8601 time"_s;
    QTest::newRow("month 13") << QJsonValue(u"2024-13-01T00:00:00Z"_s) << u"not a valid ISO 8601 time"_s;
    QTest::newRow("date without time") << QJsonValue(u"2024-01-15"_s) << u"not a valid ISO 8601 time"_s;
    QTest::newRow("unix seconds") << QJsonValue(1705314600) << u"scheduledAt must be an ISO 8601 time string"_s;
    QTest::newRow("boolean") << QJsonValue(true) << u"must be an ISO 8601 time string"_s;
}

void TestProtocol::parseTime_rejectsNonTimes()
{
    QFETCH(QJsonValue, input);
    QFETCH(QString, fragment);
    EXPECT_ERROR(Json::parseTime(input, u"scheduledAt"_s), "VALIDATION_ERROR", "scheduledAt", fragment);
}

// ---------------------------------------------------------------- notification content

void TestProtocol::topicName_matchesProtocolPattern_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letters") << u"orders"_s << true;
    QTest::newRow("all allowed characters") << u"A-z_0-9"_s << true;
    QTest::newRow("one character") << u"x"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"my orders"_s << false;
    QTest::newRow("dot") << u"orders.eu"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("non-ascii letter") << u"b\u00FCcher"_s << false;
    QTest::newRow("trailing newline") << u"orders\n"_s << false;
}

void TestProtocol::topicName_matchesProtocolPattern()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidTopicName(name), valid);
}

void TestProtocol::content_acceptsValidInput_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("expected"); // the value writeJson() gives `key`
    const QJsonObject base = obj(R"({"title":"Hi"})");
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("title only: no topic") << base << u"topic"_s << null;
    QTest::newRow("topic") << with(base, u"topic"_s, u"orders"_s) << u"topic"_s << QJsonValue(u"orders"_s);
    QTest::newRow("channel is an alias of topic")
        << with(base, u"channel"_s, u"orders"_s) << u"topic"_s << QJsonValue(u"orders"_s);
    QTest::newRow("topic and equal channel")
        << merge(base, obj(R"({"topic":"orders","channel":"orders"})")) << u"topic"_s << QJsonValue(u"orders"_s);
    QTest::newRow("title is trimmed") << obj(R"({"title":"  Hi  "})") << u"title"_s << QJsonValue(u"Hi"_s);
    QTest::newRow("title of 255 characters")
        << with(base, u"title"_s, QString(255, u't')) << u"title"_s << QJsonValue(QString(255, u't'));
    QTest::newRow("title of 255 non-BMP characters")
        << with(base, u"title"_s, emoji(255)) << u"title"_s << QJsonValue(emoji(255));
    QTest::newRow("message defaults to empty") << base << u"message"_s << QJsonValue(u""_s);
    QTest::newRow("message of 4096 characters")
        << with(base, u"message"_s, QString(4096, u'm')) << u"message"_s << QJsonValue(QString(4096, u'm'));
    QTest::newRow("message of 4096 non-BMP characters")
        << with(base, u"message"_s, emoji(4096)) << u"message"_s << QJsonValue(emoji(4096));
    QTest::newRow("message keeps whitespace")
        << with(base, u"message"_s, u"  - item\n"_s) << u"message"_s << QJsonValue(u"  - item\n"_s);
    QTest::newRow("format defaults to text") << base << u"format"_s << QJsonValue(u"text"_s);
    QTest::newRow("format markdown any case")
        << with(base, u"format"_s, u"Markdown"_s) << u"format"_s << QJsonValue(u"markdown"_s);
    QTest::newRow("priority defaults to normal") << base << u"priority"_s << QJsonValue(u"normal"_s);
    QTest::newRow("priority number") << with(base, u"priority"_s, 5) << u"priority"_s << QJsonValue(u"urgent"_s);
    QTest::newRow("priority alias") << with(base, u"priority"_s, u"medium"_s) << u"priority"_s
                                    << QJsonValue(u"normal"_s);
    QTest::newRow("tags trimmed and deduplicated") << with(base, u"tags"_s, QJsonArray {u" a "_s, u"b"_s, u"a"_s})
                                                   << u"tags"_s << QJsonValue(QJsonArray {u"a"_s, u"b"_s});
    QTest::newRow("ten tags") << with(base, u"tags"_s, stringArray(Limits::TagsMax, u"t"_s)) << u"tags"_s
                              << QJsonValue(stringArray(Limits::TagsMax, u"t"_s));
    QTest::newRow("https click") << with(base, u"click"_s, u"https://shop.example/o/1?x=1#y"_s) << u"click"_s
                                 << QJsonValue(u"https://shop.example/o/1?x=1#y"_s);
    QTest::newRow("http icon") << with(base, u"icon"_s, u"http://cdn.example/i.png"_s) << u"icon"_s
                               << QJsonValue(u"http://cdn.example/i.png"_s);
    QTest::newRow("absent click is null") << base << u"click"_s << null;
    QTest::newRow("null icon is null") << with(base, u"icon"_s, null) << u"icon"_s << null;
    QTest::newRow("data of exactly 16 KiB encoded")
        << with(base, u"data"_s, dataOfEncodedSize(Limits::DataMaxEncodedBytes)) << u"data"_s
        << QJsonValue(dataOfEncodedSize(Limits::DataMaxEncodedBytes));
    QTest::newRow("absent data is an empty object") << base << u"data"_s << QJsonValue(QJsonObject());
    QTest::newRow("three actions, kind defaults to view")
        << with(base, u"actions"_s, QJsonArray {actionJson(u"a"_s), actionJson(u"b"_s), actionJson(u"c"_s)})
        << u"actions"_s
        << QJsonValue(QJsonArray {merge(actionJson(u"a"_s), obj(R"({"kind":"view"})")),
               merge(actionJson(u"b"_s), obj(R"({"kind":"view"})")),
               merge(actionJson(u"c"_s), obj(R"({"kind":"view"})"))});
    QTest::newRow("dismiss action needs no url")
        << with(base, u"actions"_s, QJsonArray {obj(R"({"id":"x","label":"Dismiss","kind":"dismiss"})")})
        << u"actions"_s << QJsonValue(QJsonArray {obj(R"({"id":"x","label":"Dismiss","kind":"dismiss"})")});
    QTest::newRow("http action with url")
        << with(base, u"actions"_s,
               QJsonArray {obj(R"({"id":"ack","label":"Ack","kind":"HTTP","url":"https://api.example/ack"})")})
        << u"actions"_s
        << QJsonValue(QJsonArray {obj(R"({"id":"ack","label":"Ack","kind":"http","url":"https://api.example/ack"})")});
    QTest::newRow("group key") << with(base, u"groupKey"_s, u"order-1"_s) << u"groupKey"_s << QJsonValue(u"order-1"_s);
    QTest::newRow("type") << with(base, u"type"_s, u"order_status"_s) << u"type"_s << QJsonValue(u"order_status"_s);
    QTest::newRow("null values count as absent") << merge(base,
        obj(R"({"topic":null,"channel":null,"tags":null,"priority":null,"data":null,"actions":null,)"
            R"("format":null,"message":null,"groupKey":null})"))
                                                 << u"priority"_s << QJsonValue(u"normal"_s);
    QTest::newRow("unknown fields are ignored")
        << merge(base, obj(R"({"color":"red","ttl":5})")) << u"title"_s << QJsonValue(u"Hi"_s);
}

void TestProtocol::content_acceptsValidInput()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, key);
    QFETCH(QJsonValue, expected);
    const auto content = NotificationContent::fromJson(input);
    EXPECT_OK(content);
    QJsonObject written;
    content->writeJson(written);
    QCOMPARE(text(written.value(key)), text(expected));
}

void TestProtocol::content_rejectsInvalidInput_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");
    const QJsonObject base = obj(R"({"title":"Hi"})");
    const auto actions = [&base](const QJsonArray &a) { return with(base, u"actions"_s, a); };

    QTest::newRow("title missing") << obj(R"({"message":"m"})") << u"title"_s << u"title is required"_s;
    QTest::newRow("title null") << obj(R"({"title":null})") << u"title"_s << u"title is required"_s;
    QTest::newRow("title blank") << obj(R"({"title":"  \t"})") << u"title"_s << u"must not be empty"_s;
    QTest::newRow("title a number") << obj(R"({"title":5})") << u"title"_s << u"title must be a string"_s;
    QTest::newRow("title of 256 characters")
        << with(base, u"title"_s, QString(256, u't')) << u"title"_s << u"title is longer than 255 characters"_s;
    QTest::newRow("title of 256 non-BMP characters")
        << with(base, u"title"_s, emoji(256)) << u"title"_s << u"title is longer than 255 characters"_s;
    QTest::newRow("message of 4097 characters")
        << with(base, u"message"_s, QString(4097, u'm')) << u"message"_s << u"message is longer than 4096 characters"_s;
    QTest::newRow("message of 4097 non-BMP characters")
        << with(base, u"message"_s, emoji(4097)) << u"message"_s << u"message is longer than 4096 characters"_s;
    QTest::newRow("message an object") << merge(base, obj(R"({"message":{}})")) << u"message"_s
                                       << u"message must be a string"_s;
    QTest::newRow("topic with a space") << with(base, u"topic"_s, u"my orders"_s) << u"topic"_s
                                        << u"topic must be 1-64 characters"_s;
    QTest::newRow("topic empty") << with(base, u"topic"_s, u""_s) << u"topic"_s << u"topic must be"_s;
    QTest::newRow("topic of 65 characters")
        << with(base, u"topic"_s, QString(65, u'a')) << u"topic"_s << u"topic must be"_s;
    QTest::newRow("topic a number") << with(base, u"topic"_s, 7) << u"topic"_s << u"topic must be a string"_s;
    QTest::newRow("channel alias invalid names channel")
        << with(base, u"channel"_s, u"a.b"_s) << u"channel"_s << u"channel must be"_s;
    QTest::newRow("channel a list") << with(base, u"channel"_s, QJsonArray {u"orders"_s}) << u"channel"_s
                                    << u"channel must be a string"_s;
    QTest::newRow("topic and channel differ")
        << merge(base, obj(R"({"topic":"orders","channel":"deploys"})")) << u"channel"_s << u"alias of topic"_s;
    QTest::newRow("type of 65 characters")
        << with(base, u"type"_s, QString(65, u'y')) << u"type"_s << u"type is longer than 64 characters"_s;
    QTest::newRow("format html") << with(base, u"format"_s, u"html"_s) << u"format"_s
                                 << u"format must be text or markdown"_s;
    QTest::newRow("priority unknown") << with(base, u"priority"_s, u"max"_s) << u"priority"_s << u"priority must be"_s;
    QTest::newRow("tags a string") << with(base, u"tags"_s, u"a,b"_s) << u"tags"_s << u"tags must be a list"_s;
    QTest::newRow("tag a number") << with(base, u"tags"_s, QJsonArray {1}) << u"tags[0]"_s
                                  << u"tags[0] must be a string"_s;
    QTest::newRow("eleven tags") << with(base, u"tags"_s, stringArray(11, u"t"_s)) << u"tags"_s << u"more than 10"_s;
    QTest::newRow("empty tag") << with(base, u"tags"_s, QJsonArray {u"a"_s, u" "_s}) << u"tags[1]"_s
                               << u"must not be empty"_s;
    QTest::newRow("tag of 65 characters")
        << with(base, u"tags"_s, QJsonArray {QString(65, u'g')}) << u"tags[0]"_s << u"longer than 64"_s;
    QTest::newRow("click ftp url") << with(base, u"click"_s, u"ftp://example.org/f"_s) << u"click"_s
                                   << u"click must be an http or https URL"_s;
    QTest::newRow("click not a url") << with(base, u"click"_s, u"not a url"_s) << u"click"_s << u"http or https URL"_s;
    QTest::newRow("click without host") << with(base, u"click"_s, u"https://"_s) << u"click"_s
                                        << u"http or https URL"_s;
    QTest::newRow("click empty string") << with(base, u"click"_s, u""_s) << u"click"_s << u"http or https URL"_s;
    QTest::newRow("click too long") << with(base, u"click"_s, QString(u"https://example.org/"_s + QString(2030, u'p')))
                                    << u"click"_s << u"click is longer than 2048 characters"_s;
    QTest::newRow("click a number") << with(base, u"click"_s, 42) << u"click"_s << u"click must be a string"_s;
    QTest::newRow("icon javascript url") << with(base, u"icon"_s, u"javascript:alert(1)"_s) << u"icon"_s
                                         << u"icon must be an http or https URL"_s;
    QTest::newRow("data an array") << with(base, u"data"_s, QJsonArray {1}) << u"data"_s << u"data must be an object"_s;
    QTest::newRow("data a string") << with(base, u"data"_s, u"{}"_s) << u"data"_s << u"data must be an object"_s;
    QTest::newRow("data one byte over 16 KiB")
        << with(base, u"data"_s, dataOfEncodedSize(Limits::DataMaxEncodedBytes + 1)) << u"data"_s
        << u"data is larger than 16384 bytes"_s;
    QTest::newRow("actions an object") << with(base, u"actions"_s, actionJson(u"a"_s)) << u"actions"_s
                                       << u"actions must be a list"_s;
    QTest::newRow("four actions") << actions(
        {actionJson(u"a"_s), actionJson(u"b"_s), actionJson(u"c"_s), actionJson(u"d"_s)})
                                  << u"actions"_s << u"more than 3"_s;
    QTest::newRow("action a string") << actions({u"open"_s}) << u"actions[0]"_s << u"actions[0] must be an object"_s;
    QTest::newRow("action without id") << actions({obj(R"({"label":"L","url":"https://e.org"})")}) << u"actions[0].id"_s
                                       << u"actions[0].id is required"_s;
    QTest::newRow("second action without label")
        << actions({actionJson(u"a"_s), obj(R"({"id":"b","url":"https://e.org"})")}) << u"actions[1].label"_s
        << u"actions[1].label is required"_s;
    QTest::newRow("action label of 65 characters") << actions({with(actionJson(u"a"_s), u"label"_s, QString(65, u'l'))})
                                                   << u"actions[0].label"_s << u"actions[0].label is longer than 64"_s;
    QTest::newRow("action kind unknown") << actions({with(actionJson(u"a"_s), u"kind"_s, u"post"_s)})
                                         << u"actions[0].kind"_s << u"view, http or dismiss"_s;
    QTest::newRow("view action without url") << actions({obj(R"({"id":"a","label":"L"})")}) << u"actions[0].url"_s
                                             << u"actions[0].url is required for a view action"_s;
    QTest::newRow("http action with ftp url") << actions(
        {actionJson(u"a"_s), actionJson(u"b"_s), obj(R"({"id":"c","label":"L","kind":"http","url":"ftp://e.org"})")})
                                              << u"actions[2].url"_s
                                              << u"actions[2].url must be an http or https URL"_s;
    QTest::newRow("action url a number") << actions({with(actionJson(u"a"_s), u"url"_s, 1)}) << u"actions[0].url"_s
                                         << u"actions[0].url must be a string"_s;
    QTest::newRow("duplicate action ids")
        << actions({actionJson(u"a"_s), actionJson(u"a"_s)}) << u"actions[1].id"_s << u"repeats"_s;
    QTest::newRow("group key of 256 characters")
        << with(base, u"groupKey"_s, QString(256, u'k')) << u"groupKey"_s << u"groupKey is longer than 255"_s;
}

void TestProtocol::content_rejectsInvalidInput()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    EXPECT_ERROR(NotificationContent::fromJson(input), "VALIDATION_ERROR", field, fragment);
}

void TestProtocol::notification_toJson_hasTheProtocolShape()
{
    const QJsonObject expected = obj(R"({
        "id": "3f2c8a4e-0b7d-4c1e-9a53-2f5d8c1b7e90", "seq": 1042, "topic": "orders", "type": "order_status",
        "title": "Order Updated", "message": "Your order #12345 has been shipped",
        "format": "text", "priority": "high", "tags": ["package"],
        "click": "https://shop.example/orders/12345", "icon": null,
        "actions": [{"id": "open", "label": "Open", "kind": "view", "url": "https://shop.example/o/1"}],
        "data": {"orderId": "12345"}, "groupKey": null,
        "status": "delivered", "createdAt": "2024-01-15T10:30:00.000Z",
        "scheduledAt": null, "expiresAt": null, "deliveredAt": "2024-01-15T10:30:01.250Z", "readAt": null,
        "sender": {"kind": "token", "id": "tok-1", "name": "shop-backend"}
    })");
    QCOMPARE(text(sampleNotification().toJson()), text(expected));
}

void TestProtocol::notification_roundTripsThroughJson_data()
{
    QTest::addColumn<Notification>("notification");
    QTest::newRow("protocol example") << sampleNotification();

    Notification direct;
    direct.id = u"n-2"_s;
    direct.content.title = u"Direct"_s;
    direct.sender = Sender {u"system"_s, QString(), u"tidingsd"_s};
    QTest::newRow("direct notification without topic") << direct;

    Notification full = sampleNotification();
    full.content.format = u"markdown"_s;
    full.content.priority = Priority::Urgent;
    full.content.icon = u"https://cdn.example/i.png"_s;
    full.content.groupKey = u"order-12345"_s;
    full.content.message = emoji(3);
    full.content.actions.append(NotificationAction {u"dismiss"_s, u"Dismiss"_s, u"dismiss"_s, QString()});
    full.status = QLatin1String(Status::Read);
    full.scheduledAt = utc(2024, 1, 15, 10, 0);
    full.expiresAt = utc(2024, 1, 16, 10, 0);
    full.readAt = utc(2024, 1, 15, 11, 0, 0, 999);
    QTest::newRow("every optional field set") << full;
}

void TestProtocol::notification_roundTripsThroughJson()
{
    QFETCH(Notification, notification);
    const QJsonObject json = notification.toJson();
    const auto decoded = Notification::fromJson(json);
    EXPECT_OK(decoded);
    QCOMPARE(text(decoded->toJson()), text(json));
    QCOMPARE(decoded->content.actions, notification.content.actions);
    QCOMPARE(decoded->sender, notification.sender);
    QCOMPARE(decoded->readAt, notification.readAt);
    QCOMPARE(decoded->seq, notification.seq);
}

void TestProtocol::notification_fromJson_rejectsBadEnvelope_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");
    const QJsonObject good = sampleNotification().toJson();
    QTest::newRow("id missing") << with(good, u"id"_s, QJsonValue::Null) << u"id"_s;
    QTest::newRow("seq negative") << with(good, u"seq"_s, -1) << u"seq"_s;
    QTest::newRow("seq a string") << with(good, u"seq"_s, u"5"_s) << u"seq"_s;
    QTest::newRow("status unknown") << with(good, u"status"_s, u"bogus"_s) << u"status"_s;
    QTest::newRow("createdAt not a time") << with(good, u"createdAt"_s, u"yesterday"_s) << u"createdAt"_s;
    QTest::newRow("sender a string") << with(good, u"sender"_s, u"me"_s) << u"sender"_s;
    QTest::newRow("sender name a number") << with(good, u"sender"_s, obj(R"({"name":5})")) << u"sender.name"_s;
    QTest::newRow("content rule still applies") << with(good, u"title"_s, QString(256, u't')) << u"title"_s;
}

void TestProtocol::notification_fromJson_rejectsBadEnvelope()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    EXPECT_ERROR(Notification::fromJson(input), "VALIDATION_ERROR", field, field);
}

// ---------------------------------------------------------------- publish

void TestProtocol::publish_acceptsEachKindOfTarget_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<bool>("broadcast");
    const QJsonObject base = obj(R"({"title":"Hi"})");
    QTest::newRow("recipients trimmed and deduplicated")
        << merge(base, obj(R"({"recipients":["alice"," bob","alice"]})")) << QStringList {u"alice"_s, u"bob"_s}
        << QString() << QStringList() << false;
    QTest::newRow("topic") << with(base, u"topic"_s, u"orders"_s) << QStringList() << u"orders"_s << QStringList()
                           << false;
    QTest::newRow("channel alias of topic")
        << with(base, u"channel"_s, u"deploys"_s) << QStringList() << u"deploys"_s << QStringList() << false;
    QTest::newRow("roles any case") << merge(base, obj(R"({"roles":["Admin","user"]})")) << QStringList() << QString()
                                    << QStringList {u"admin"_s, u"user"_s} << false;
    QTest::newRow("broadcast") << merge(base, obj(R"({"broadcast":true})")) << QStringList() << QString()
                               << QStringList() << true;
    QTest::newRow("empty recipients with a topic") << merge(base, obj(R"({"recipients":[],"topic":"orders"})"))
                                                   << QStringList() << u"orders"_s << QStringList() << false;
    QTest::newRow("10000 recipients") << with(base, u"recipients"_s, stringArray(Limits::RecipientsMax, u"u"_s))
                                      << names(Limits::RecipientsMax, u"u"_s) << QString() << QStringList() << false;
}

void TestProtocol::publish_acceptsEachKindOfTarget()
{
    QFETCH(QJsonObject, input);
    QFETCH(QStringList, recipients);
    QFETCH(QString, topic);
    QFETCH(QStringList, roles);
    QFETCH(bool, broadcast);
    const auto r = PublishRequest::fromJson(input, utc(2024, 1, 15, 10, 0));
    EXPECT_OK(r);
    QCOMPARE(r->recipients, recipients);
    QCOMPARE(r->content.topic, topic);
    QCOMPARE(r->roles, roles);
    QCOMPARE(r->broadcast, broadcast);
}

void TestProtocol::publish_rejectsInvalidTargeting_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");
    const QJsonObject base = obj(R"({"title":"Hi"})");
    const QJsonObject broadcast = merge(base, obj(R"({"broadcast":true})"));
    const QString noTarget = u"at least one target: recipients"_s;
    QTest::newRow("no target at all") << base << u"recipients"_s << noTarget;
    QTest::newRow("empty recipients only") << with(base, u"recipients"_s, QJsonArray()) << u"recipients"_s << noTarget;
    QTest::newRow("broadcast false only") << with(base, u"broadcast"_s, false) << u"recipients"_s << noTarget;
    QTest::newRow("topics list is not a target")
        << with(base, u"topics"_s, QJsonArray {u"orders"_s}) << u"recipients"_s << noTarget;
    QTest::newRow("recipients a string") << with(base, u"recipients"_s, u"alice"_s) << u"recipients"_s
                                         << u"recipients must be a list of strings"_s;
    QTest::newRow("recipient a number") << with(base, u"recipients"_s, QJsonArray {1}) << u"recipients[0]"_s
                                        << u"must be a string"_s;
    QTest::newRow("recipient empty") << with(base, u"recipients"_s, QJsonArray {u"a"_s, u""_s}) << u"recipients[1]"_s
                                     << u"must not be empty"_s;
    QTest::newRow("10001 recipients") << with(base, u"recipients"_s, stringArray(Limits::RecipientsMax + 1))
                                      << u"recipients"_s << u"more than 10000"_s;
    QTest::newRow("unknown role") << with(base, u"roles"_s, QJsonArray {u"user"_s, u"root"_s}) << u"roles[1]"_s
                                  << u"is not one of admin, publisher, user"_s;
    QTest::newRow("broadcast a string") << with(base, u"broadcast"_s, u"yes"_s) << u"broadcast"_s
                                        << u"broadcast must be a boolean"_s;
    QTest::newRow("excludeUsers a string")
        << with(broadcast, u"excludeUsers"_s, u"bob"_s) << u"excludeUsers"_s << u"must be a list"_s;
    QTest::newRow("excludeUsers empty entry")
        << with(broadcast, u"excludeUsers"_s, QJsonArray {u""_s}) << u"excludeUsers[0]"_s << u"must not be empty"_s;
    QTest::newRow("channels holding a topic name")
        << with(broadcast, u"channels"_s, QJsonArray {u"email"_s, u"orders"_s}) << u"channels[1]"_s
        << u"delivery media; use topic"_s;
    QTest::newRow("channels a string") << with(broadcast, u"channels"_s, u"email"_s) << u"channels"_s
                                       << u"channels must be a list"_s;
    QTest::newRow("content error comes first") << obj(R"({"broadcast":true})") << u"title"_s << u"title"_s;
}

void TestProtocol::publish_rejectsInvalidTargeting()
{
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    EXPECT_ERROR(PublishRequest::fromJson(input, utc(2024, 1, 15, 10, 0)), "VALIDATION_ERROR", field, fragment);
}

void TestProtocol::publish_channelsAreDeliveryMediaNormalised()
{
    const auto r = PublishRequest::fromJson(
        obj(R"({"title":"Hi","topic":"orders","channels":["Email","inapp","push","email","WEBHOOK","desktop"]})"),
        utc(2024, 1, 15, 10, 0));
    EXPECT_OK(r);
    QCOMPARE(r->channels, (QStringList {u"email"_s, u"inApp"_s, u"push"_s, u"webhook"_s, u"desktop"_s}));
    QCOMPARE(r->content.topic, u"orders"_s);
    QCOMPARE(deliveryChannels().size(), 5);
    QCOMPARE(userRoles(), (QStringList {u"admin"_s, u"publisher"_s, u"user"_s}));
}

void TestProtocol::publish_checksTimes_data()
{
    QTest::addColumn<QJsonObject>("times");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::addColumn<QString>("scheduledAt");
    QTest::addColumn<QString>("expiresAt");
    // now = 2024-01-15T10:00:00Z
    QTest::newRow("no times") << QJsonObject() << QString() << QString() << QString();
    QTest::newRow("expiresAt in the future") << obj(R"({"expiresAt":"2024-01-15T10:00:00.001Z"})") << QString()
                                             << QString() << u"2024-01-15T10:00:00.001Z"_s;
    QTest::newRow("expiresAt equal to now")
        << obj(R"({"expiresAt":"2024-01-15T10:00:00Z"})") << u"expiresAt"_s << QString() << QString();
    QTest::newRow("expiresAt in the past")
        << obj(R"({"expiresAt":"2024-01-14T10:00:00Z"})") << u"expiresAt"_s << QString() << QString();
    QTest::newRow("scheduledAt with offset converted")
        << obj(R"({"scheduledAt":"2024-01-16T12:00:00+02:00","expiresAt":"2024-01-16T11:00:00Z"})") << QString()
        << u"2024-01-16T10:00:00.000Z"_s << u"2024-01-16T11:00:00.000Z"_s;
    QTest::newRow("scheduledAt in the past is allowed")
        << obj(R"({"scheduledAt":"2020-01-01T00:00:00Z"})") << QString() << u"2020-01-01T00:00:00.000Z"_s << QString();
    QTest::newRow("expiresAt before scheduledAt")
        << obj(R"({"scheduledAt":"2024-01-17T00:00:00Z","expiresAt":"2024-01-16T00:00:00Z"})") << u"expiresAt"_s
        << QString() << QString();
    QTest::newRow("expiresAt equal to scheduledAt")
        << obj(R"({"scheduledAt":"2024-01-17T00:00:00Z","expiresAt":"2024-01-17T00:00:00Z"})") << u"expiresAt"_s
        << QString() << QString();
    QTest::newRow("scheduledAt not a time")
        << obj(R"({"scheduledAt":"soon"})") << u"scheduledAt"_s << QString() << QString();
    QTest::newRow("expiresAt a number") << obj(R"({"expiresAt":1705312800})") << u"expiresAt"_s << QString()
                                        << QString();
}

void TestProtocol::publish_checksTimes()
{
    QFETCH(QJsonObject, times);
    QFETCH(QString, field);
    QFETCH(QString, scheduledAt);
    QFETCH(QString, expiresAt);
    const auto r
        = PublishRequest::fromJson(merge(obj(R"({"title":"Hi","broadcast":true})"), times), utc(2024, 1, 15, 10, 0));
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    QCOMPARE(Json::formatTime(r->scheduledAt), scheduledAt);
    QCOMPARE(Json::formatTime(r->expiresAt), expiresAt);
}

void TestProtocol::publish_templateAndIdempotency_data()
{
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::newRow("template without title")
        << obj(R"({"templateId":"welcome","variables":{"name":"Ada"},"title":null})") << QString();
    QTest::newRow("variables without template") << obj(R"({"variables":{"name":"Ada"}})") << u"variables"_s;
    QTest::newRow("variables a list") << obj(R"({"templateId":"t","variables":["Ada"]})") << u"variables"_s;
    QTest::newRow("templateId a number") << obj(R"({"templateId":5})") << u"templateId"_s;
    QTest::newRow("idempotency key of 255 characters")
        << QJsonObject {{u"idempotencyKey"_s, QString(255, u'k')}} << QString();
    QTest::newRow("idempotency key of 256 characters")
        << QJsonObject {{u"idempotencyKey"_s, QString(256, u'k')}} << u"idempotencyKey"_s;
    QTest::newRow("idempotency key empty") << obj(R"({"idempotencyKey":""})") << u"idempotencyKey"_s;
    QTest::newRow("idempotency key a number") << obj(R"({"idempotencyKey":7})") << u"idempotencyKey"_s;
}

void TestProtocol::publish_templateAndIdempotency()
{
    QFETCH(QJsonObject, extra);
    QFETCH(QString, field);
    const auto r = PublishRequest::fromJson(
        merge(obj(R"({"title":"Hi","recipients":["ada"]})"), extra), utc(2024, 1, 15, 10, 0));
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    if (extra.contains(u"templateId"_s)) {
        QCOMPARE(r->templateId, u"welcome"_s);
        QVERIFY(r->content.title.isEmpty());
        QCOMPARE(r->variables.value(u"name"_s).toString(), u"Ada"_s);
    }
}

// ---------------------------------------------------------------- preferences

void TestProtocol::preferences_defaults_haveTheProtocolShape()
{
    const QJsonObject expected = obj(R"({"email":true,"push":true,"inApp":true,"desktop":true,
        "quietHours":{"enabled":false,"start":"22:00","end":"07:00","timezone":"UTC","days":[1,2,3,4,5,6,7],
                      "allowUrgent":true},
        "digest":{"enabled":false,"frequency":"daily","time":"09:00"},
        "topics":{}})");
    QCOMPARE(text(Preferences().toJson()), text(expected));
}

void TestProtocol::preferences_merge_changesOnlyGivenKeys_data()
{
    QTest::addColumn<QJsonObject>("partial");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("global switch changes") << obj(R"({"email":false})") << u"email"_s << QJsonValue(false);
    QTest::newRow("other global switch stays") << obj(R"({"email":false})") << u"push"_s << QJsonValue(true);
    QTest::newRow("null switch is ignored") << obj(R"({"email":null})") << u"email"_s << QJsonValue(true);
    QTest::newRow("quiet hours enabled") << obj(R"({"quietHours":{"enabled":true}})") << u"quietHours.enabled"_s
                                         << QJsonValue(true);
    QTest::newRow("quiet hours start kept on partial")
        << obj(R"({"quietHours":{"enabled":true}})") << u"quietHours.start"_s << QJsonValue(u"22:00"_s);
    QTest::newRow("quiet hours start") << obj(R"({"quietHours":{"start":"23:30"}})") << u"quietHours.start"_s
                                       << QJsonValue(u"23:30"_s);
    QTest::newRow("quiet hours end midnight")
        << obj(R"({"quietHours":{"end":"00:00"}})") << u"quietHours.end"_s << QJsonValue(u"00:00"_s);
    QTest::newRow("timezone Europe/Berlin") << obj(R"({"quietHours":{"timezone":"Europe/Berlin"}})")
                                            << u"quietHours.timezone"_s << QJsonValue(u"Europe/Berlin"_s);
    QTest::newRow("timezone UTC") << obj(R"({"quietHours":{"timezone":"UTC"}})") << u"quietHours.timezone"_s
                                  << QJsonValue(u"UTC"_s);
    QTest::newRow("days sorted") << obj(R"({"quietHours":{"days":[7,1,3]}})") << u"quietHours.days"_s
                                 << QJsonValue(QJsonArray {1, 3, 7});
    QTest::newRow("days empty") << obj(R"({"quietHours":{"days":[]}})") << u"quietHours.days"_s
                                << QJsonValue(QJsonArray());
    QTest::newRow("allow urgent off") << obj(R"({"quietHours":{"allowUrgent":false}})") << u"quietHours.allowUrgent"_s
                                      << QJsonValue(false);
    QTest::newRow("digest frequency any case")
        << obj(R"({"digest":{"frequency":"Weekly"}})") << u"digest.frequency"_s << QJsonValue(u"weekly"_s);
    QTest::newRow("digest time") << obj(R"({"digest":{"time":"08:15"}})") << u"digest.time"_s << QJsonValue(u"08:15"_s);
    QTest::newRow("digest enabled kept frequency")
        << obj(R"({"digest":{"enabled":true}})") << u"digest.frequency"_s << QJsonValue(u"daily"_s);
    QTest::newRow("new topic switch") << obj(R"({"topics":{"orders":{"email":false}}})") << u"topics.orders.email"_s
                                      << QJsonValue(false);
    QTest::newRow("new topic takes the other switches from global")
        << obj(R"({"topics":{"orders":{"email":false}}})") << u"topics.orders.push"_s << QJsonValue(true);
    QTest::newRow("new topic defaults to the new global")
        << obj(R"({"push":false,"topics":{"orders":{"email":false}}})") << u"topics.orders.push"_s << QJsonValue(false);
    QTest::newRow("channels is an alias of topics")
        << obj(R"({"channels":{"deploys":{"desktop":false}}})") << u"topics.deploys.desktop"_s << QJsonValue(false);
    QTest::newRow("topics and equal channels")
        << obj(R"({"topics":{"a":{"push":false}},"channels":{"a":{"push":false}}})") << u"topics.a.push"_s
        << QJsonValue(false);
    QTest::newRow("null quiet hours ignored")
        << obj(R"({"quietHours":null})") << u"quietHours.enabled"_s << QJsonValue(false);
    QTest::newRow("unknown keys ignored")
        << obj(R"({"sound":"ding","email":false})") << u"email"_s << QJsonValue(false);
}

void TestProtocol::preferences_merge_changesOnlyGivenKeys()
{
    QFETCH(QJsonObject, partial);
    QFETCH(QString, path);
    QFETCH(QJsonValue, expected);
    const auto merged = Preferences().merged(partial);
    EXPECT_OK(merged);
    QCOMPARE(text(at(merged->toJson(), path)), text(expected));
}

void TestProtocol::preferences_merge_keepsOtherSwitchesOfAnExistingTopic()
{
    Preferences base;
    base.global.desktop = false;
    base.topics.insert(u"orders"_s, ChannelSwitches {false, false, true, true});
    const auto merged = base.merged(obj(R"({"topics":{"orders":{"push":true}}})"));
    EXPECT_OK(merged);
    QCOMPARE(merged->topics.value(u"orders"_s), (ChannelSwitches {false, true, true, true}));
    QCOMPARE(merged->global.desktop, false);
}

void TestProtocol::preferences_merge_nullTopicRemovesOverride()
{
    Preferences base;
    base.topics.insert(u"orders"_s, ChannelSwitches {false, false, false, false});
    base.topics.insert(u"deploys"_s, ChannelSwitches {});
    const auto merged = base.merged(obj(R"({"topics":{"orders":null}})"));
    EXPECT_OK(merged);
    QCOMPARE(merged->topics.keys(), QStringList {u"deploys"_s});
}

void TestProtocol::preferences_merge_rejectsInvalidValuesWithDottedField_data()
{
    QTest::addColumn<QJsonObject>("partial");
    QTest::addColumn<QString>("field");
    QTest::newRow("switch a string") << obj(R"({"email":"yes"})") << u"email"_s;
    QTest::newRow("quiet hours a string") << obj(R"({"quietHours":"22:00-07:00"})") << u"quietHours"_s;
    QTest::newRow("start hour 25") << obj(R"({"quietHours":{"start":"25:00"}})") << u"quietHours.start"_s;
    QTest::newRow("start without leading zero") << obj(R"({"quietHours":{"start":"7:00"}})") << u"quietHours.start"_s;
    QTest::newRow("start with seconds") << obj(R"({"quietHours":{"start":"22:00:00"}})") << u"quietHours.start"_s;
    QTest::newRow("start a number") << obj(R"({"quietHours":{"start":2200}})") << u"quietHours.start"_s;
    QTest::newRow("end letters") << obj(R"({"quietHours":{"end":"ab:cd"}})") << u"quietHours.end"_s;
    QTest::newRow("unknown timezone") << obj(R"({"quietHours":{"timezone":"Mars/Olympus_Mons"}})")
                                      << u"quietHours.timezone"_s;
    QTest::newRow("empty timezone") << obj(R"({"quietHours":{"timezone":""}})") << u"quietHours.timezone"_s;
    QTest::newRow("timezone a number") << obj(R"({"quietHours":{"timezone":1}})") << u"quietHours.timezone"_s;
    QTest::newRow("day 0") << obj(R"({"quietHours":{"days":[0]}})") << u"quietHours.days[0]"_s;
    QTest::newRow("day 8") << obj(R"({"quietHours":{"days":[1,8]}})") << u"quietHours.days[1]"_s;
    QTest::newRow("repeated day") << obj(R"({"quietHours":{"days":[1,1]}})") << u"quietHours.days[1]"_s;
    QTest::newRow("day as string") << obj(R"({"quietHours":{"days":["1"]}})") << u"quietHours.days[0]"_s;
    QTest::newRow("fractional day") << obj(R"({"quietHours":{"days":[1.5]}})") << u"quietHours.days[0]"_s;
    QTest::newRow("days a word") << obj(R"({"quietHours":{"days":"weekdays"}})") << u"quietHours.days"_s;
    QTest::newRow("allowUrgent a string")
        << obj(R"({"quietHours":{"allowUrgent":"true"}})") << u"quietHours.allowUrgent"_s;
    QTest::newRow("digest frequency monthly") << obj(R"({"digest":{"frequency":"monthly"}})") << u"digest.frequency"_s;
    QTest::newRow("digest time 9am") << obj(R"({"digest":{"time":"9am"}})") << u"digest.time"_s;
    QTest::newRow("digest enabled a number") << obj(R"({"digest":{"enabled":1}})") << u"digest.enabled"_s;
    QTest::newRow("topics a list") << obj(R"({"topics":["orders"]})") << u"topics"_s;
    QTest::newRow("invalid topic name") << obj(R"({"topics":{"my orders":{}}})") << u"topics.my orders"_s;
    QTest::newRow("topic a boolean") << obj(R"({"topics":{"orders":true}})") << u"topics.orders"_s;
    QTest::newRow("topic switch a string")
        << obj(R"({"topics":{"orders":{"email":"no"}}})") << u"topics.orders.email"_s;
    QTest::newRow("alias path names channels")
        << obj(R"({"channels":{"orders":{"push":0}}})") << u"channels.orders.push"_s;
    QTest::newRow("topics and channels differ")
        << obj(R"({"topics":{"a":{"push":false}},"channels":{"b":{"push":false}}})") << u"channels"_s;
}

void TestProtocol::preferences_merge_rejectsInvalidValuesWithDottedField()
{
    QFETCH(QJsonObject, partial);
    QFETCH(QString, field);
    EXPECT_ERROR(Preferences().merged(partial), "VALIDATION_ERROR", field, field);
}

void TestProtocol::preferences_roundTripThroughJson()
{
    const auto p = Preferences().merged(obj(R"({"push":false,
        "quietHours":{"enabled":true,"start":"21:45","end":"06:30","timezone":"Europe/Berlin","days":[1,2,3,4,5],
                      "allowUrgent":false},
        "digest":{"enabled":true,"frequency":"hourly","time":"07:05"},
        "topics":{"orders":{"email":false},"deploys":{"desktop":false}}})"));
    EXPECT_OK(p);
    const auto decoded = Preferences::fromJson(p->toJson());
    EXPECT_OK(decoded);
    QVERIFY(decoded.value() == p.value());
    QCOMPARE(decoded->quietHours.start, QTime(21, 45));
    QCOMPARE(decoded->topics.value(u"orders"_s), (ChannelSwitches {false, false, true, true}));
}

// ---------------------------------------------------------------- stream events

void TestProtocol::unreadCounts_omitZeroTopicsAndRoundTrip()
{
    UnreadCounts counts;
    counts.total = 5;
    counts.byTopic = {{u"orders"_s, 3}, {u"deploys"_s, 0}, {QString(), 2}};
    QCOMPARE(text(counts.toJson()), text(obj(R"({"total":5,"byTopic":{"orders":3}})")));
    const UnreadCounts decoded = UnreadCounts::fromJson(counts.toJson());
    QCOMPARE(decoded.total, qint64(5));
    QCOMPARE(decoded.byTopic, (QMap<QString, qint64> {{u"orders"_s, 3}}));
    QVERIFY(UnreadCounts::fromJson(obj(R"({"total":0,"byTopic":{"a":0}})")) == UnreadCounts());
}

void TestProtocol::streamEvent_dataMatchesProtocolTable_data()
{
    QTest::addColumn<StreamEvent>("event");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("data");
    const QDateTime t = utc(2024, 1, 15, 10, 30);

    StreamEvent notification;
    notification.seq = 2000;
    notification.notification = sampleNotification();
    notification.at = t;
    QTest::newRow("notification carries the event seq")
        << notification << u"notification"_s << with(sampleNotification().toJson(), u"seq"_s, 2000);

    StreamEvent read;
    read.kind = StreamEvent::Kind::Read;
    read.seq = 7;
    read.at = t;
    read.ids = QStringList {u"a"_s, u"b"_s};
    QTest::newRow("read") << read << u"read"_s
                          << obj(R"({"ids":["a","b"],"readAt":"2024-01-15T10:30:00.000Z","seq":7,)"
                                 R"("at":"2024-01-15T10:30:00.000Z"})");

    StreamEvent unread = read;
    unread.kind = StreamEvent::Kind::Unread;
    unread.seq = 8;
    QTest::newRow("unread has a null readAt")
        << unread << u"unread"_s << obj(R"({"ids":["a","b"],"readAt":null,"seq":8,"at":"2024-01-15T10:30:00.000Z"})");

    StreamEvent readAll;
    readAll.kind = StreamEvent::Kind::ReadAll;
    readAll.seq = 9;
    readAll.at = t;
    readAll.topic = u"orders"_s;
    readAll.upToSeq = 5;
    QTest::newRow("readAll of a topic")
        << readAll << u"readAll"_s
        << obj(R"({"topic":"orders","upToSeq":5,"readAt":"2024-01-15T10:30:00.000Z","seq":9,)"
               R"("at":"2024-01-15T10:30:00.000Z"})");
    readAll.topic.clear();
    readAll.upToSeq = 0;
    QTest::newRow("readAll of everything has a null topic")
        << readAll << u"readAll"_s
        << obj(R"({"topic":null,"upToSeq":0,"readAt":"2024-01-15T10:30:00.000Z","seq":9,)"
               R"("at":"2024-01-15T10:30:00.000Z"})");

    StreamEvent deleted;
    deleted.kind = StreamEvent::Kind::Deleted;
    deleted.seq = 10;
    deleted.at = t;
    deleted.ids = QStringList {u"a"_s};
    QTest::newRow("deleted") << deleted << u"deleted"_s
                             << obj(R"({"ids":["a"],"seq":10,"at":"2024-01-15T10:30:00.000Z"})");
}

void TestProtocol::streamEvent_dataMatchesProtocolTable()
{
    QFETCH(StreamEvent, event);
    QFETCH(QString, name);
    QFETCH(QJsonObject, data);
    QCOMPARE(StreamEvent::kindName(event.kind), name);
    QVERIFY(StreamEvent::kindFromName(name) == std::optional<StreamEvent::Kind>(event.kind));
    QCOMPARE(text(event.toData()), text(data));
    const QByteArray frame = event.toFrame();
    QVERIFY(!frame.contains('\n'));
    QCOMPARE(text(QJsonDocument::fromJson(frame).object()), text(QJsonObject {{u"event"_s, name}, {u"data"_s, data}}));
}

void TestProtocol::streamEvent_roundTripsThroughFrame_data()
{
    streamEvent_dataMatchesProtocolTable_data();
}

void TestProtocol::streamEvent_roundTripsThroughFrame()
{
    QFETCH(StreamEvent, event);
    const QJsonObject frame = QJsonDocument::fromJson(event.toFrame()).object();
    const auto decoded = StreamEvent::fromData(frame.value(u"event"_s).toString(), frame.value(u"data"_s).toObject());
    EXPECT_OK(decoded);
    QCOMPARE(decoded->kind, event.kind);
    QCOMPARE(decoded->seq, event.seq);
    QCOMPARE(decoded->ids, event.ids);
    QCOMPARE(decoded->topic, event.topic);
    QCOMPARE(decoded->upToSeq, event.upToSeq);
    QCOMPARE(text(decoded->toData()), text(event.toData()));
    if (event.kind == StreamEvent::Kind::Notification)
        QCOMPARE(decoded->notification.seq, event.seq);
    else
        QCOMPARE(decoded->at, event.at);
}

void TestProtocol::streamEvent_fromData_rejectsBadInput_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QString validation = QString::fromLatin1(ErrorCode::Validation);
    QTest::newRow("unknown event") << u"badge"_s << obj(R"({"seq":1})") << QString::fromLatin1(ErrorCode::UnknownEvent)
                                   << u"event"_s;
    QTest::newRow("seq missing") << u"read"_s << obj(R"({"ids":["a"]})") << validation << u"seq"_s;
    QTest::newRow("seq negative") << u"deleted"_s << obj(R"({"ids":["a"],"seq":-2})") << validation << u"seq"_s;
    QTest::newRow("ids missing") << u"unread"_s << obj(R"({"seq":1})") << validation << u"ids"_s;
    QTest::newRow("ids empty") << u"read"_s << obj(R"({"seq":1,"ids":[]})") << validation << u"ids"_s;
    QTest::newRow("readAt not a time") << u"read"_s << obj(R"({"seq":1,"ids":["a"],"readAt":"x"})") << validation
                                       << u"readAt"_s;
    QTest::newRow("readAll invalid topic")
        << u"readAll"_s << obj(R"({"seq":1,"topic":"a b"})") << validation << u"topic"_s;
    QTest::newRow("readAll negative bound")
        << u"readAll"_s << obj(R"({"seq":1,"upToSeq":-1})") << validation << u"upToSeq"_s;
    QTest::newRow("notification without title")
        << u"notification"_s << obj(R"({"seq":1,"id":"n"})") << validation << u"title"_s;
}

void TestProtocol::streamEvent_fromData_rejectsBadInput()
{
    QFETCH(QString, event);
    QFETCH(QJsonObject, data);
    QFETCH(QString, code);
    QFETCH(QString, field);
    EXPECT_ERROR(StreamEvent::fromData(event, data), code, field, QString());
}

// ---------------------------------------------------------------- WebSocket frames

void TestProtocol::wsDecode_acceptsValidFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<bool>("hasRef");
    QTest::addColumn<QJsonValue>("ref");
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("ping without data") << QByteArray(R"({"event":"ping"})") << u"ping"_s << QJsonObject() << false
                                       << none;
    QTest::newRow("ack with string ref") << QByteArray(R"({"event":"ack","data":{"ids":["a"]},"ref":"r1"})") << u"ack"_s
                                         << obj(R"({"ids":["a"]})") << true << QJsonValue(u"r1"_s);
    QTest::newRow("numeric ref") << QByteArray(R"({"event":"read","data":{},"ref":7})") << u"read"_s << QJsonObject()
                                 << true << QJsonValue(7);
    QTest::newRow("null data is empty") << QByteArray(R"({"event":"ping","data":null})") << u"ping"_s << QJsonObject()
                                        << false << none;
    QTest::newRow("null ref is no ref") << QByteArray(R"({"event":"ping","ref":null})") << u"ping"_s << QJsonObject()
                                        << false << QJsonValue(QJsonValue::Null);
    QTest::newRow("unknown event still decodes")
        << QByteArray(R"({"event":"fly","extra":1})") << u"fly"_s << QJsonObject() << false << none;
}

void TestProtocol::wsDecode_acceptsValidFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, event);
    QFETCH(QJsonObject, data);
    QFETCH(bool, hasRef);
    QFETCH(QJsonValue, ref);
    const auto decoded = decodeClientFrame(frame);
    EXPECT_OK(decoded);
    QCOMPARE(decoded->event, event);
    QCOMPARE(text(decoded->data), text(data));
    QCOMPARE(decoded->hasRef(), hasRef);
    QCOMPARE(decoded->ref.type(), ref.type());
    QCOMPARE(text(decoded->ref), text(ref));
}

void TestProtocol::wsDecode_rejectsBadFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QString malformed = QString::fromLatin1(ErrorCode::MalformedJson);
    const QString validation = QString::fromLatin1(ErrorCode::Validation);
    QTest::newRow("invalid utf-8") << QByteArray("{\"event\":\"p\xC0\xAF\"}") << malformed << QString();
    QTest::newRow("truncated json") << QByteArray(R"({"event":"ping")") << malformed << QString();
    QTest::newRow("empty frame") << QByteArray() << malformed << QString();
    QTest::newRow("array") << QByteArray(R"([{"event":"ping"}])") << validation << QString();
    QTest::newRow("event missing") << QByteArray(R"({"data":{}})") << validation << u"event"_s;
    QTest::newRow("event a number") << QByteArray(R"({"event":5})") << validation << u"event"_s;
    QTest::newRow("event empty") << QByteArray(R"({"event":""})") << validation << u"event"_s;
    QTest::newRow("data a list") << QByteArray(R"({"event":"ack","data":["a"]})") << validation << u"data"_s;
    QTest::newRow("data a string") << QByteArray(R"({"event":"ack","data":"a"})") << validation << u"data"_s;
}

void TestProtocol::wsDecode_rejectsBadFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, field);
    EXPECT_ERROR(decodeClientFrame(frame), code, field, QString());
}

void TestProtocol::wsEncode_writesCompactFramesAndReplies()
{
    const QJsonObject data = obj(R"({"serverTime":"2024-01-15T10:30:00.000Z"})");
    QCOMPARE(encodeFrame(u"pong"_s, data),
        QByteArray(R"({"data":{"serverTime":"2024-01-15T10:30:00.000Z"},)"
                   R"("event":"pong"})"));
    QCOMPARE(encodeReplyOk(QJsonValue(u"r1"_s), QJsonObject {{u"count"_s, 2}}),
        QByteArray(R"({"data":{"count":2},"event":"reply","ok":true,"ref":"r1"})"));
    QCOMPARE(encodeReplyOk(QJsonValue(QJsonValue::Undefined), QJsonObject()),
        QByteArray(R"({"data":{},"event":"reply","ok":true})"));
    QCOMPARE(encodeReplyError(QJsonValue(3), ProtocolError::validation(u"ids"_s, u"ids must name at least one id"_s)),
        QByteArray(R"({"error":{"code":"VALIDATION_ERROR","field":"ids","message":"ids must name at least one )"
                   R"(id"},"event":"reply","ok":false,"ref":3})"));
}

void TestProtocol::wsResume_parsesBothFormsAndRejectsBadSeq_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::addColumn<QString>("epoch");
    QTest::addColumn<qint64>("sinceSeq");
    QTest::addColumn<QString>("since");
    const QString resume = u"resume"_s;
    const QString missed = u"requestMissedNotifications"_s;
    QTest::newRow("resume") << resume << obj(R"({"epoch":"e1","sinceSeq":42})") << QString() << u"e1"_s << qint64(42)
                            << QString();
    QTest::newRow("resume without epoch")
        << resume << obj(R"({"sinceSeq":0})") << QString() << QString() << qint64(0) << QString();
    QTest::newRow("resume beyond 2^53") << resume << obj(R"({"epoch":"e","sinceSeq":9007199254740993})") << QString()
                                        << u"e"_s << qint64(9007199254740993LL) << QString();
    QTest::newRow("resume without sinceSeq")
        << resume << obj(R"({"epoch":"e1"})") << u"sinceSeq"_s << QString() << qint64(0) << QString();
    QTest::newRow("negative sinceSeq") << resume << obj(R"({"sinceSeq":-1})") << u"sinceSeq"_s << QString() << qint64(0)
                                       << QString();
    QTest::newRow("fractional sinceSeq") << resume << obj(R"({"sinceSeq":1.5})") << u"sinceSeq"_s << QString()
                                         << qint64(0) << QString();
    QTest::newRow("sinceSeq a string") << resume << obj(R"({"sinceSeq":"42"})") << u"sinceSeq"_s << QString()
                                       << qint64(0) << QString();
    QTest::newRow("epoch a number") << resume << obj(R"({"epoch":5,"sinceSeq":1})") << u"epoch"_s << QString()
                                    << qint64(0) << QString();
    QTest::newRow("missed notifications since a time")
        << missed << obj(R"({"since":"2024-01-15T10:30:00+01:00"})") << QString() << QString() << qint64(0)
        << u"2024-01-15T09:30:00.000Z"_s;
    QTest::newRow("missed notifications without since")
        << missed << QJsonObject() << u"since"_s << QString() << qint64(0) << QString();
    QTest::newRow("missed notifications bad since")
        << missed << obj(R"({"since":"soon"})") << u"since"_s << QString() << qint64(0) << QString();
}

void TestProtocol::wsResume_parsesBothFormsAndRejectsBadSeq()
{
    QFETCH(QString, event);
    QFETCH(QJsonObject, data);
    QFETCH(QString, field);
    QFETCH(QString, epoch);
    QFETCH(qint64, sinceSeq);
    QFETCH(QString, since);
    const auto r = parseResume(event, data);
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    QCOMPARE(r->epoch, epoch);
    QCOMPARE(r->sinceSeq, sinceSeq);
    QCOMPARE(Json::formatTime(r->since), since);
    EXPECT_ERROR(parseResume(u"subscribe"_s, data), "UNKNOWN_EVENT", "event", u"subscribe"_s);
}

void TestProtocol::wsTopics_acceptChannelsAliasAndValidateNames_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::addColumn<QStringList>("topics");
    QTest::newRow("topics") << obj(R"({"topics":["orders","deploys"]})") << QString()
                            << QStringList {u"orders"_s, u"deploys"_s};
    QTest::newRow("channels alias") << obj(R"({"channels":["orders"]})") << QString() << QStringList {u"orders"_s};
    QTest::newRow("userId is ignored") << obj(R"({"channels":["orders"],"userId":"someone-else"})") << QString()
                                       << QStringList {u"orders"_s};
    QTest::newRow("duplicates removed") << obj(R"({"topics":["a","a"]})") << QString() << QStringList {u"a"_s};
    QTest::newRow("both keys equal") << obj(R"({"topics":["a"],"channels":["a"]})") << QString()
                                     << QStringList {u"a"_s};
    QTest::newRow("both keys differ") << obj(R"({"topics":["a"],"channels":["b"]})") << u"channels"_s << QStringList();
    QTest::newRow("missing") << QJsonObject() << u"topics"_s << QStringList();
    QTest::newRow("empty list") << obj(R"({"topics":[]})") << u"topics"_s << QStringList();
    QTest::newRow("a string instead of a list") << obj(R"({"topics":"orders"})") << u"topics"_s << QStringList();
    QTest::newRow("invalid second name") << obj(R"({"topics":["orders","a b"]})") << u"topics[1]"_s << QStringList();
    QTest::newRow("invalid name through alias")
        << obj(R"({"channels":["#general"]})") << u"channels[0]"_s << QStringList();
}

void TestProtocol::wsTopics_acceptChannelsAliasAndValidateNames()
{
    QFETCH(QJsonObject, data);
    QFETCH(QString, field);
    QFETCH(QStringList, topics);
    const auto r = parseTopics(data);
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    QCOMPARE(r.value(), topics);
}

void TestProtocol::wsIds_acceptNotificationIdAliasAndLimits_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::addColumn<int>("count");
    QTest::newRow("ids") << obj(R"({"ids":["a","b"]})") << QString() << 2;
    QTest::newRow("notificationId alias") << obj(R"({"notificationId":"a"})") << QString() << 1;
    QTest::newRow("1000 ids") << QJsonObject {{u"ids"_s, stringArray(Limits::IdsPerEventMax)}} << QString() << 1000;
    QTest::newRow("1001 ids") << QJsonObject {{u"ids"_s, stringArray(Limits::IdsPerEventMax + 1)}} << u"ids"_s << 0;
    QTest::newRow("missing") << QJsonObject() << u"ids"_s << 0;
    QTest::newRow("empty list") << obj(R"({"ids":[]})") << u"ids"_s << 0;
    QTest::newRow("empty id") << obj(R"({"ids":["a",""]})") << u"ids[1]"_s << 0;
    QTest::newRow("id a number") << obj(R"({"ids":[1]})") << u"ids[0]"_s << 0;
    QTest::newRow("notificationId a number") << obj(R"({"notificationId":5})") << u"notificationId"_s << 0;
    QTest::newRow("notificationId empty") << obj(R"({"notificationId":""})") << u"notificationId"_s << 0;
}

void TestProtocol::wsIds_acceptNotificationIdAliasAndLimits()
{
    QFETCH(QJsonObject, data);
    QFETCH(QString, field);
    QFETCH(int, count);
    const auto r = parseIds(data);
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    QCOMPARE(r->size(), count);
}

void TestProtocol::wsReadAll_parsesOptionalTopicAndBound_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("field"); // empty = accepted
    QTest::addColumn<QString>("topic");
    QTest::addColumn<qint64>("upToSeq");
    QTest::newRow("everything") << QJsonObject() << QString() << QString() << qint64(0);
    QTest::newRow("one topic up to a seq")
        << obj(R"({"topic":"orders","upToSeq":10})") << QString() << u"orders"_s << qint64(10);
    QTest::newRow("channel alias") << obj(R"({"channel":"orders"})") << QString() << u"orders"_s << qint64(0);
    QTest::newRow("empty topic means every topic") << obj(R"({"topic":""})") << QString() << QString() << qint64(0);
    QTest::newRow("null topic") << obj(R"({"topic":null})") << QString() << QString() << qint64(0);
    QTest::newRow("invalid topic") << obj(R"({"topic":"a b"})") << u"topic"_s << QString() << qint64(0);
    QTest::newRow("topic a number") << obj(R"({"topic":3})") << u"topic"_s << QString() << qint64(0);
    QTest::newRow("negative bound") << obj(R"({"upToSeq":-3})") << u"upToSeq"_s << QString() << qint64(0);
    QTest::newRow("bound a string") << obj(R"({"upToSeq":"3"})") << u"upToSeq"_s << QString() << qint64(0);
}

void TestProtocol::wsReadAll_parsesOptionalTopicAndBound()
{
    QFETCH(QJsonObject, data);
    QFETCH(QString, field);
    QFETCH(QString, topic);
    QFETCH(qint64, upToSeq);
    const auto r = parseReadAll(data);
    if (!field.isEmpty()) {
        EXPECT_ERROR(r, "VALIDATION_ERROR", field, field);
        return;
    }
    EXPECT_OK(r);
    QCOMPARE(r->topic, topic);
    QCOMPARE(r->upToSeq, upToSeq);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
