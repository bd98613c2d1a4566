#include "channels/MimeMessage.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using Tidings::Server::Channels::MimeMessage;

namespace {

// Undoes RFC 5322 folding and RFC 2047 encoded-words (UTF-8, base64), as a mail
// client does; whitespace between two adjacent encoded-words is dropped.
QString decodeHeaderValue(const QByteArray &folded)
{
    QByteArray value = folded;
    value.replace("\r\n", "");
    static const QRegularExpression word(
        QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=(\\s+(?==\\?UTF-8\\?B\\?))?"));
    QString text = QString::fromLatin1(value);
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += QString::fromUtf8(QByteArray::fromBase64(m.captured(1).toLatin1()));
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QByteArray decodeQuotedPrintable(const QByteArray &qp)
{
    QByteArray out;
    for (qsizetype i = 0; i < qp.size(); ++i) {
        if (qp.at(i) != '=') {
            out += qp.at(i);
        } else if (qp.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else {
            out += char(qp.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        }
    }
    return out;
}

QList<QByteArray> splitOn(const QByteArray &bytes, const QByteArray &separator)
{
    QList<QByteArray> pieces;
    qsizetype from = 0;
    for (qsizetype at; (at = bytes.indexOf(separator, from)) >= 0; from = at + separator.size())
        pieces.append(bytes.mid(from, at - from));
    pieces.append(bytes.mid(from));
    return pieces;
}

// Header lines up to the blank line, unfolded, keyed by lower-case name.
QMultiMap<QByteArray, QByteArray> parseHeaders(const QByteArray &message, QByteArray *body = nullptr)
{
    const qsizetype end = message.indexOf("\r\n\r\n");
    QByteArray head = message.left(end);
    head.replace("\r\n ", " ");
    head.replace("\r\n\t", "\t");
    QMultiMap<QByteArray, QByteArray> headers;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        const qsizetype colon = l.indexOf(':');
        headers.insert(l.left(colon).toLower(), l.mid(colon + 1).trimmed());
    }
    if (body)
        *body = message.mid(end + 4);
    return headers;
}

} // namespace

// The RFC 5322/2045/2047 message the email channel sends.
class TestMimeMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unstructuredHeader_encodesFoldsAndStrips_data();
    void unstructuredHeader_encodesFoldsAndStrips();
    void unstructuredHeader_longValues_roundTripWithinLineLimits_data();
    void unstructuredHeader_longValues_roundTripWithinLineLimits();
    void formatAddress_quotesOrEncodes_data();
    void formatAddress_quotesOrEncodes();
    void quotedPrintable_encodes_data();
    void quotedPrintable_encodes();
    void quotedPrintable_longMixedText_roundTrips();
    void formatDate_isRfc5322InUtc();
    void toByteArray_exactMessage();
    void toByteArray_isWellFormed_data();
    void toByteArray_isWellFormed();
};

void TestMimeMessage::unstructuredHeader_encodesFoldsAndStrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("ascii") << QStringLiteral("Order Updated") << QByteArray("Subject: Order Updated\r\n");
    QTest::newRow("empty") << QString() << QByteArray("Subject: \r\n");
    QTest::newRow("non-ascii: encoded-word")
        << QStringLiteral("Grüße") << QByteArray("Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n");
    QTest::newRow("emoji") << QStringLiteral("📦 shipped") << QByteArray("Subject: =?UTF-8?B?8J+TpiBzaGlwcGVk?=\r\n");
    QTest::newRow("CRLF injection stripped")
        << QStringLiteral("Hi\r\nBcc: evil@example.com") << QByteArray("Subject: HiBcc: evil@example.com\r\n");
    QTest::newRow("bare LF stripped") << QStringLiteral("a\nb") << QByteArray("Subject: ab\r\n");
    QTest::newRow("tab becomes space") << QStringLiteral("a\tb") << QByteArray("Subject: a b\r\n");
    QTest::newRow("NUL and DEL stripped")
        << QStringLiteral("a") + QChar(0) + QStringLiteral("b\x7f") << QByteArray("Subject: ab\r\n");
    QTest::newRow("U+2028 stripped") << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b")
                                     << QByteArray("Subject: ab\r\n");
    QTest::newRow("encoded-word lookalike is encoded")
        << QStringLiteral("=?UTF-8?B?QQ==?=") << QByteArray("Subject: =?UTF-8?B?PT9VVEYtOD9CP1FRPT0/PQ==?=\r\n");
    QTest::newRow("folds at 78 before a word")
        << QStringLiteral("Your order 12345 has been shipped and will arrive tomorrow between nine and noon")
        << QByteArray("Subject: Your order 12345 has been shipped and will arrive tomorrow between\r\n"
                      " nine and noon\r\n");
}

void TestMimeMessage::unstructuredHeader_encodesFoldsAndStrips()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(MimeMessage::unstructuredHeader("Subject", value), expected);
}

void TestMimeMessage::unstructuredHeader_longValues_roundTripWithinLineLimits_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("maxLine");

    QTest::newRow("long ascii words") << QStringLiteral("word ").repeated(100).trimmed() << 78;
    QTest::newRow("long non-ascii") << QStringLiteral("Bestellung über Größe ").repeated(30).trimmed() << 78;
    QTest::newRow("4-byte characters never split") << QStringLiteral("📦🚚✅").repeated(40) << 78;
    QTest::newRow("one 2000-char word: encoded to fit") << QStringLiteral("x").repeated(2000) << 78;
    QTest::newRow("900-char word fits unencoded") << QStringLiteral("y").repeated(900) << 998;
    QTest::newRow("1000 spaces between words: encoded")
        << QStringLiteral("a") + QString(1000, QLatin1Char(' ')) + QStringLiteral("b") << 78;
    QTest::newRow("double spaces kept") << QStringLiteral("a  b").repeated(40) << 78;
    QTest::newRow("leading and trailing spaces kept")
        << QStringLiteral("  lead ") + QStringLiteral("w ").repeated(60) << 78;
}

void TestMimeMessage::unstructuredHeader_longValues_roundTripWithinLineLimits()
{
    QFETCH(QString, value);
    QFETCH(int, maxLine);
    const QByteArray header = MimeMessage::unstructuredHeader("Subject", value);
    QVERIFY(header.endsWith("\r\n"));
    const QList<QByteArray> lines = header.chopped(2).split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        QVERIFY2(l.size() <= maxLine, l.constData());
        QVERIFY2(!l.trimmed().isEmpty(), "a folded line of only whitespace");
        for (const char c : l)
            QVERIFY(uchar(c) < 0x80 && c != '\r' && c != '\n');
    }
    QCOMPARE(decodeHeaderValue(header.mid(9).chopped(2)), value);
}

void TestMimeMessage::formatAddress_quotesOrEncodes_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("bare") << QStringLiteral("a@example.com") << QString() << QByteArray("a@example.com");
    QTest::newRow("name") << QStringLiteral("a@example.com") << QStringLiteral("Alice Smith")
                          << QByteArray("\"Alice Smith\" <a@example.com>");
    QTest::newRow("quotes escaped") << QStringLiteral("a@example.com") << QStringLiteral("Al \"Bo\" \\ C")
                                    << QByteArray("\"Al \\\"Bo\\\" \\\\ C\" <a@example.com>");
    QTest::newRow("comma in name stays quoted") << QStringLiteral("a@example.com") << QStringLiteral("Smith, Alice")
                                                << QByteArray("\"Smith, Alice\" <a@example.com>");
    QTest::newRow("non-ascii name") << QStringLiteral("j@example.com") << QStringLiteral("Jürgen")
                                    << QByteArray("=?UTF-8?B?SsO8cmdlbg==?= <j@example.com>");
    QTest::newRow("injection in name") << QStringLiteral("a@example.com") << QStringLiteral("A\r\nBcc: x@evil")
                                       << QByteArray("\"ABcc: x@evil\" <a@example.com>");
    QTest::newRow("injection in address") << QStringLiteral("a@example.com>\r\nBcc: <x@evil") << QStringLiteral("A")
                                          << QByteArray("\"A\" <a@example.comBcc:x@evil>");
    QTest::newRow("second recipient in address")
        << QStringLiteral("a@example.com, b@evil") << QString() << QByteArray("a@example.comb@evil");
}

void TestMimeMessage::formatAddress_quotesOrEncodes()
{
    QFETCH(QString, address);
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    QCOMPARE(MimeMessage::formatAddress(address, name), expected);
}

void TestMimeMessage::quotedPrintable_encodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QStringLiteral("Hello") << QByteArray("Hello");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("equals sign") << QStringLiteral("a=b") << QByteArray("a=3Db");
    QTest::newRow("utf-8") << QStringLiteral("é") << QByteArray("=C3=A9");
    QTest::newRow("LF becomes CRLF") << QStringLiteral("a\nb") << QByteArray("a\r\nb");
    QTest::newRow("CRLF kept") << QStringLiteral("a\r\nb") << QByteArray("a\r\nb");
    QTest::newRow("bare CR becomes CRLF") << QStringLiteral("a\rb") << QByteArray("a\r\nb");
    QTest::newRow("trailing space encoded") << QStringLiteral("a \nb ") << QByteArray("a=20\r\nb=20");
    QTest::newRow("trailing tab encoded") << QStringLiteral("a\t") << QByteArray("a=09");
    QTest::newRow("inner spaces literal") << QStringLiteral("a b\tc") << QByteArray("a b\tc");
    QTest::newRow("leading dot escaped") << QStringLiteral(".\n.x") << QByteArray("=2E\r\n=2Ex");
    QTest::newRow("control characters escaped") << QStringLiteral("a\x01\x7f") << QByteArray("a=01=7F");
    QTest::newRow("soft break at 76") << QStringLiteral("a").repeated(100)
                                      << QByteArray(QByteArray(75, 'a') + "=\r\n" + QByteArray(25, 'a'));
    QTest::newRow("escape never split") << QStringLiteral("a").repeated(74) + QStringLiteral("é")
                                        << QByteArray(QByteArray(74, 'a') + "=\r\n=C3=A9");
    QTest::newRow("dot after soft break escaped")
        << QStringLiteral("a").repeated(75) + QStringLiteral(".") << QByteArray(QByteArray(75, 'a') + "=\r\n=2E");
}

void TestMimeMessage::quotedPrintable_encodes()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(MimeMessage::encodeQuotedPrintable(text), expected);
}

void TestMimeMessage::quotedPrintable_longMixedText_roundTrips()
{
    QString text;
    for (int i = 0; i < 200; ++i)
        text += QStringLiteral("Zeile %1: Größe = %2 €, <b>html</b>\t \n").arg(i).arg(i * 7)
            + QStringLiteral("x").repeated(i);
    const QByteArray qp = MimeMessage::encodeQuotedPrintable(text);
    for (const QByteArray &line : qp.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        QVERIFY(l.size() <= 76);
        QVERIFY(!l.contains('\r'));
        QVERIFY(!l.endsWith(' ') && !l.endsWith('\t'));
        for (const char c : l)
            QVERIFY(uchar(c) < 0x80);
    }
    QString expected = text;
    expected.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(qp)), expected);
}

void TestMimeMessage::formatDate_isRfc5322InUtc()
{
    QCOMPARE(MimeMessage::formatDate(QDateTime(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc())),
        QByteArray("Mon, 15 Jan 2024 10:30:00 +0000"));
    QCOMPARE(MimeMessage::formatDate(QDateTime(QDate(2024, 3, 1), QTime(1, 5, 9), QTimeZone(7200))),
        QByteArray("Thu, 29 Feb 2024 23:05:09 +0000"));
}

void TestMimeMessage::toByteArray_exactMessage()
{
    MimeMessage m;
    m.setFrom(QStringLiteral("noreply@tidings.example"), QStringLiteral("Tidings"));
    m.setTo(QStringLiteral("alice@example.com"), QStringLiteral("Alice"));
    m.setSubject(QStringLiteral("Order Updated"));
    m.setDate(QDateTime(QDate(2024, 1, 15), QTime(10, 30), QTimeZone::utc()));
    m.setMessageId(QStringLiteral("job-1"), QStringLiteral("tidings.example"));
    m.setTextBody(QStringLiteral("Shipped.\nThanks"));
    m.setHtmlBody(QStringLiteral("<p>Shipped.</p>"));
    m.setUnsubscribeUrl(QStringLiteral("https://tidings.example/u/abc"));
    m.setNotificationId(QStringLiteral("n-1"));
    m.setBoundary("=_b");
    QCOMPARE(m.toByteArray(),
        QByteArray("From: \"Tidings\" <noreply@tidings.example>\r\n"
                   "To: \"Alice\" <alice@example.com>\r\n"
                   "Subject: Order Updated\r\n"
                   "Date: Mon, 15 Jan 2024 10:30:00 +0000\r\n"
                   "Message-ID: <job-1@tidings.example>\r\n"
                   "MIME-Version: 1.0\r\n"
                   "List-Unsubscribe: <https://tidings.example/u/abc>\r\n"
                   "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                   "X-Tidings-Notification: n-1\r\n"
                   "Auto-Submitted: auto-generated\r\n"
                   "Content-Type: multipart/alternative; boundary=\"=_b\"\r\n"
                   "\r\n"
                   "This is a multi-part message in MIME format.\r\n"
                   "--=_b\r\n"
                   "Content-Type: text/plain; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n"
                   "\r\n"
                   "Shipped.\r\n"
                   "Thanks\r\n"
                   "--=_b\r\n"
                   "Content-Type: text/html; charset=UTF-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n"
                   "\r\n"
                   "<p>Shipped.</p>\r\n"
                   "--=_b--\r\n"));
}

void TestMimeMessage::toByteArray_isWellFormed_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("toName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("unsubscribeUrl");
    QTest::addColumn<bool>("oneClick");

    const QString https = QStringLiteral("https://t.example/unsubscribe?token=abc");
    QTest::newRow("text only") << QStringLiteral("Hi") << QString() << QStringLiteral("Body") << QString() << https
                               << true;
    QTest::newRow("alternative") << QStringLiteral("Hi") << QStringLiteral("Al") << QStringLiteral("Body")
                                 << QStringLiteral("<b>Body</b>") << https << true;
    QTest::newRow("non-ascii everywhere")
        << QStringLiteral("Ihre Bestellung über 12 € ist unterwegs 📦") << QStringLiteral("Jürgen Groß")
        << QStringLiteral("Grüße\naus Köln") << QStringLiteral("<p>Grüße</p>") << https << true;
    QTest::newRow("injection attempts") << QStringLiteral("x\r\nBcc: evil@x\r\n\r\nfake body")
                                        << QStringLiteral("n\r\nCc: evil@x") << QStringLiteral("t") << QString()
                                        << QStringLiteral("https://a\r\nBcc: evil@x") << true;
    QTest::newRow("very long subject, no spaces")
        << QStringLiteral("s").repeated(1200) << QString() << QStringLiteral("t") << QString() << https << true;
    QTest::newRow("very long body lines")
        << QStringLiteral("Hi") << QString() << QStringLiteral("w").repeated(5000)
        << QStringLiteral("<p>") + QStringLiteral("h").repeated(5000) + QStringLiteral("</p>") << https << true;
    QTest::newRow("http unsubscribe: no one-click") << QStringLiteral("Hi") << QString() << QStringLiteral("t")
                                                    << QString() << QStringLiteral("http://localhost/u") << false;
    QTest::newRow("no unsubscribe") << QStringLiteral("Hi") << QString() << QStringLiteral("t") << QString()
                                    << QString() << false;
}

void TestMimeMessage::toByteArray_isWellFormed()
{
    QFETCH(QString, subject);
    QFETCH(QString, toName);
    QFETCH(QString, text);
    QFETCH(QString, html);
    QFETCH(QString, unsubscribeUrl);
    QFETCH(bool, oneClick);

    MimeMessage m;
    m.setFrom(QStringLiteral("noreply@t.example"), QStringLiteral("Tidings"));
    m.setTo(QStringLiteral("a@example.com"), toName);
    m.setSubject(subject);
    m.setMessageId(QStringLiteral("7f1c2d3e-job"), QStringLiteral("t.example"));
    m.setTextBody(text);
    m.setHtmlBody(html);
    m.setUnsubscribeUrl(unsubscribeUrl);
    m.setNotificationId(QStringLiteral("n-42"));
    const QByteArray bytes = m.toByteArray();

    // CRLF only, no line above 998, 7-bit clean.
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n')
            QVERIFY2(i > 0 && bytes.at(i - 1) == '\r', "bare LF");
        if (bytes.at(i) == '\r')
            QVERIFY2(i + 1 < bytes.size() && bytes.at(i + 1) == '\n', "bare CR");
        QVERIFY(uchar(bytes.at(i)) < 0x80);
    }
    for (const QByteArray &line : bytes.split('\n'))
        QVERIFY(line.size() <= 999);

    QByteArray body;
    const auto headers = parseHeaders(bytes, &body);
    for (const char *name : {"from", "to", "subject", "date", "message-id", "mime-version", "content-type"})
        QCOMPARE(headers.count(name), 1);
    QCOMPARE(headers.count("bcc"), 0);
    QCOMPARE(headers.count("cc"), 0);
    QCOMPARE(headers.value("message-id"), QByteArray("<7f1c2d3e-job@t.example>"));
    QCOMPARE(headers.value("x-tidings-notification"), QByteArray("n-42"));
    QCOMPARE(decodeHeaderValue(headers.value("subject")), MimeMessage::sanitizeHeaderValue(subject));
    QCOMPARE(headers.count("list-unsubscribe"), unsubscribeUrl.isEmpty() ? 0 : 1);
    QCOMPARE(headers.count("list-unsubscribe-post"), oneClick ? 1 : 0);
    if (oneClick)
        QCOMPARE(headers.value("list-unsubscribe-post"), QByteArray("List-Unsubscribe=One-Click"));

    const QByteArray contentType = headers.value("content-type");
    if (html.isEmpty()) {
        QCOMPARE(contentType, QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(headers.value("content-transfer-encoding"), QByteArray("quoted-printable"));
        QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(body.chopped(2))),
            QString(text).replace(QLatin1Char('\n'), QLatin1String("\r\n")));
        return;
    }
    QVERIFY(contentType.startsWith("multipart/alternative; boundary=\""));
    const QByteArray boundary = contentType.mid(contentType.indexOf('"') + 1).chopped(1);
    const QList<QByteArray> parts = splitOn(body, "--" + boundary);
    QCOMPARE(parts.size(), 4); // preamble, text, html, "--" epilogue
    QCOMPARE(parts.at(3), QByteArray("--\r\n"));
    const QList<std::pair<QByteArray, QString>> expected {{"text/plain", text}, {"text/html", html}};
    for (int i = 0; i < 2; ++i) {
        QByteArray partBody;
        const auto partHeaders = parseHeaders(parts.at(i + 1).mid(2), &partBody);
        QCOMPARE(partHeaders.value("content-type"), expected.at(i).first + "; charset=UTF-8");
        QCOMPARE(partHeaders.value("content-transfer-encoding"), QByteArray("quoted-printable"));
        QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(partBody.chopped(2))),
            QString(expected.at(i).second).replace(QLatin1Char('\n'), QLatin1String("\r\n")));
    }
}

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "tst_mimemessage.moc"
