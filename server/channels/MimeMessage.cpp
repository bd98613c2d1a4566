#include "channels/MimeMessage.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QUuid>

namespace Tidings::Server::Channels {

namespace {

// RFC 5322 2.1.1: 78 is what a line should stay within, 998 is the hard limit.
constexpr int FoldAt = 78;
constexpr int MaxLine = 998;
// An encoded-word is at most 75 characters; "=?UTF-8?B?" and "?=" take 12 of them,
// leaving 60 base64 characters (a multiple of 4) = 45 bytes of UTF-8.
constexpr int EncodedWordOverhead = 12;
constexpr int MaxEncodedWordBytes = 45;
// RFC 2045 6.7: encoded lines are at most 76 characters, the soft-break '=' included.
constexpr int QpLine = 76;

bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Bytes of UTF-8 that may be cut before `i` without splitting a character.
bool isUtf8Boundary(const QByteArray &bytes, int i)
{
    return i >= bytes.size() || (uchar(bytes.at(i)) & 0xc0) != 0x80;
}

// dot-atom characters for a Message-ID: letters, digits and a few safe symbols.
QString messageIdAtom(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-')
            || c == QLatin1Char('_') || c == QLatin1Char('+'))
            out += c;
    }
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')))
        out.chop(1);
    return out;
}

} // namespace

void MimeMessage::setFrom(const QString &address, const QString &displayName)
{
    m_fromAddress = sanitizeAddress(address);
    m_fromName = sanitizeHeaderValue(displayName).trimmed();
}

void MimeMessage::setTo(const QString &address, const QString &displayName)
{
    m_toAddress = sanitizeAddress(address);
    m_toName = sanitizeHeaderValue(displayName).trimmed();
}

void MimeMessage::setMessageId(const QString &id, const QString &host)
{
    QString left = messageIdAtom(id);
    QString right = messageIdAtom(host);
    // An empty side would make the header invalid; a random one is still unique.
    if (left.isEmpty())
        left = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (right.isEmpty())
        right = QStringLiteral("tidings.invalid");
    m_messageId = left + QLatin1Char('@') + right;
}

QString MimeMessage::sanitizeHeaderValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\t'))
            out += QLatin1Char(' ');
        else if (c.category() != QChar::Other_Control && c != QChar::LineSeparator && c != QChar::ParagraphSeparator)
            out += c;
    }
    return out;
}

QString MimeMessage::sanitizeAddress(const QString &address)
{
    // Addresses are validated where users are created; this only guarantees that a bad
    // one cannot close the <...> or add a second recipient to the header.
    QString out;
    for (const QChar c : address) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('"'))
            continue;
        out += c;
    }
    return out;
}

QByteArray MimeMessage::encodeWords(const QString &text, int firstLineUsed)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    int pos = 0;
    // The first word shares its line with the header name, so it gets less room.
    int room = qBound(3, (FoldAt - firstLineUsed - EncodedWordOverhead) / 4 * 3, MaxEncodedWordBytes);
    do {
        int end = qMin(int(utf8.size()), pos + room);
        while (end > pos && !isUtf8Boundary(utf8, end))
            --end;
        if (end == pos) // a character longer than the room: cannot happen with room >= 4
            end = qMin(int(utf8.size()), pos + 4);
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + utf8.mid(pos, end - pos).toBase64() + "?=";
        pos = end;
        room = MaxEncodedWordBytes;
    } while (pos < utf8.size());
    return out;
}

QByteArray MimeMessage::unstructuredHeader(const QByteArray &name, const QString &value)
{
    const QString clean = sanitizeHeaderValue(value);
    const int prefix = int(name.size()) + 2;
    const QStringList words = clean.split(QLatin1Char(' '));
    const auto encoded = [&]() -> QByteArray { return name + ": " + encodeWords(clean, prefix) + "\r\n"; };
    if (!isAscii(clean) || clean.contains(QLatin1String("=?")))
        return encoded();

    // Each word goes out with the run of spaces before it; a fold goes in front of
    // that run, so no line ends in whitespace beyond 78 and none is only whitespace.
    QByteArray out = name + ": ";
    int lineLength = prefix;
    bool lineHasWord = false;
    QByteArray spaces;
    for (int i = 0; i < words.size(); ++i) {
        if (i > 0)
            spaces += ' ';
        const QByteArray w = words.at(i).toLatin1();
        if (w.isEmpty())
            continue;
        if (lineHasWord && lineLength + spaces.size() + w.size() > FoldAt) {
            out += "\r\n";
            lineLength = 0;
        }
        out += spaces + w;
        lineLength += int(spaces.size() + w.size());
        lineHasWord = true;
        spaces.clear();
    }
    out += spaces;
    // A word (or a run of spaces) too long for any line: encoded-words can be split
    // anywhere, so they always fit.
    for (const QByteArray &line : out.split('\n')) {
        if (line.size() > MaxLine)
            return encoded();
    }
    return out + "\r\n";
}

QByteArray MimeMessage::formatAddress(const QString &address, const QString &displayName)
{
    const QByteArray addr = sanitizeAddress(address).toUtf8();
    const QString name = sanitizeHeaderValue(displayName).trimmed();
    if (name.isEmpty())
        return addr;
    if (!isAscii(name) || name.contains(QLatin1String("=?")) || name.size() > 200)
        return encodeWords(name, int(sizeof("From: ")) - 1) + " <" + addr + '>';
    QByteArray quoted = name.toLatin1();
    quoted.replace('\\', "\\\\");
    quoted.replace('"', "\\\"");
    return '"' + quoted + "\" <" + addr + '>';
}

QByteArray MimeMessage::formatDate(const QDateTime &date)
{
    // The C locale: English day and month names whatever the server's locale is.
    const QDateTime utc = date.toUTC();
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000";
}

QByteArray MimeMessage::encodeQuotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QList<QByteArray> lines = normalized.toUtf8().split('\n');

    static constexpr char Hex[] = "0123456789ABCDEF";
    const auto escaped = [](uchar c) {
        QByteArray e("=");
        e += Hex[c >> 4];
        e += Hex[c & 0x0f];
        return e;
    };

    QByteArray out;
    for (int li = 0; li < lines.size(); ++li) {
        const QByteArray &line = lines.at(li);
        QByteArray current;
        for (int i = 0; i < line.size(); ++i) {
            const uchar c = uchar(line.at(i));
            const bool lastOfLine = i == line.size() - 1;
            const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lastOfLine);
            QByteArray token = literal ? QByteArray(1, char(c)) : escaped(c);
            if (current.size() + token.size() > QpLine - 1) {
                out += current + "=\r\n";
                current.clear();
            }
            // A '.' opening a line is escaped so that no relay that gets SMTP
            // dot-stuffing wrong can eat it.
            if (current.isEmpty() && c == '.')
                token = escaped(c);
            current += token;
        }
        out += current;
        if (li != lines.size() - 1)
            out += "\r\n";
    }
    return out;
}

QByteArray MimeMessage::textPart(const QByteArray &subtype, const QString &body)
{
    return "Content-Type: text/" + subtype
        + "; charset=UTF-8\r\n"
          "Content-Transfer-Encoding: quoted-printable\r\n"
          "\r\n"
        + encodeQuotedPrintable(body) + "\r\n";
}

QByteArray MimeMessage::headers() const
{
    QByteArray h;
    h += "From: " + formatAddress(m_fromAddress, m_fromName) + "\r\n";
    h += "To: " + formatAddress(m_toAddress, m_toName) + "\r\n";
    h += unstructuredHeader("Subject", m_subject);
    h += "Date: " + formatDate(m_date.isValid() ? m_date : QDateTime::currentDateTimeUtc()) + "\r\n";
    if (!m_messageId.isEmpty())
        h += "Message-ID: <" + m_messageId.toLatin1() + ">\r\n";
    h += "MIME-Version: 1.0\r\n";

    // An over-long URL would need folding inside the <...>, which not every client
    // undoes; the link in the body still works without the header.
    const QByteArray url = sanitizeAddress(m_unsubscribeUrl).toUtf8();
    if (!url.isEmpty() && url.size() < MaxLine - 32) {
        h += "List-Unsubscribe: <" + url + ">\r\n";
        // RFC 8058 one-click needs an HTTPS URI that accepts the POST.
        if (url.startsWith("https://"))
            h += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    if (!m_notificationId.isEmpty())
        h += unstructuredHeader("X-Tidings-Notification", m_notificationId);
    // RFC 3834: vacation responders must not answer machine-sent mail.
    h += "Auto-Submitted: auto-generated\r\n";
    return h;
}

QByteArray MimeMessage::toByteArray() const
{
    QByteArray message = headers();
    if (m_html.isEmpty())
        return message + textPart("plain", m_text);

    // "=_" cannot occur in quoted-printable output ('=' is always followed by hex
    // digits or a line break), so the boundary can never collide with the content.
    QByteArray boundary = m_boundary;
    if (boundary.isEmpty()) {
        const quint64 a = QRandomGenerator::global()->generate64();
        const quint64 b = QRandomGenerator::global()->generate64();
        boundary = "=_tidings_" + QByteArray::number(a, 16) + QByteArray::number(b, 16);
    }
    message += "Content-Type: multipart/alternative; boundary=\"" + boundary
        + "\"\r\n"
          "\r\n"
          "This is a multi-part message in MIME format.\r\n";
    message += "--" + boundary + "\r\n" + textPart("plain", m_text);
    message += "--" + boundary + "\r\n" + textPart("html", m_html);
    message += "--" + boundary + "--\r\n";
    return message;
}

} // namespace Tidings::Server::Channels
