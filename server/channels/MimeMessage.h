#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tidings::Server::Channels {

// One notification email as RFC 5322 bytes, ready for SMTP DATA: a text/plain part
// and, when there is HTML, a text/html alternative, both UTF-8 and quoted-printable.
//
// Everything the caller passes in is treated as untrusted: CR, LF and other control
// characters are removed from header values, so a title cannot add headers or
// recipients. Lines end in CRLF and never exceed 998 characters; headers are folded
// at 78 where the text allows it.
class MimeMessage
{
public:
    MimeMessage() = default;

    void setFrom(const QString &address, const QString &displayName = {});
    void setTo(const QString &address, const QString &displayName = {});
    void setSubject(const QString &subject) { m_subject = subject; }
    void setDate(const QDateTime &date) { m_date = date; }
    // Message-ID: <id@host>. Characters that are not allowed there are dropped.
    void setMessageId(const QString &id, const QString &host);
    void setTextBody(const QString &text) { m_text = text; }
    // Empty: a single text/plain part instead of multipart/alternative.
    void setHtmlBody(const QString &html) { m_html = html; }
    // Adds List-Unsubscribe and the RFC 8058 one-click List-Unsubscribe-Post, which
    // mail providers show as an "Unsubscribe" button.
    void setUnsubscribeUrl(const QString &url) { m_unsubscribeUrl = url; }
    // X-Tidings-Notification, so a bounce or a user's forwarded mail can be traced.
    void setNotificationId(const QString &id) { m_notificationId = id; }
    // The multipart boundary; random unless a test fixes it.
    void setBoundary(const QByteArray &boundary) { m_boundary = boundary; }

    [[nodiscard]] QString fromAddress() const { return m_fromAddress; }
    [[nodiscard]] QString toAddress() const { return m_toAddress; }

    // The whole message, headers and body.
    [[nodiscard]] QByteArray toByteArray() const;

    // The building blocks, public so the unit test can check each against the RFCs.

    // Removes CR, LF and every other control character (tab becomes a space).
    [[nodiscard]] static QString sanitizeHeaderValue(const QString &value);
    // An address without anything that could end the <...> it goes into.
    [[nodiscard]] static QString sanitizeAddress(const QString &address);
    // `Name: value` folded to lines of at most 78 characters where it has spaces.
    // Non-ASCII text, text that looks like an encoded-word, or a word too long for a
    // line becomes RFC 2047 encoded-words (UTF-8, base64), each at most 75 characters.
    [[nodiscard]] static QByteArray unstructuredHeader(const QByteArray &name, const QString &value);
    // `"Display Name" <addr>`, or `=?UTF-8?B?...?= <addr>` for a non-ASCII name.
    [[nodiscard]] static QByteArray formatAddress(const QString &address, const QString &displayName);
    // RFC 5322 date-time in UTC: "Mon, 15 Jan 2024 10:30:00 +0000".
    [[nodiscard]] static QByteArray formatDate(const QDateTime &date);
    // RFC 2045 quoted-printable of the UTF-8 text, with every line break as CRLF and
    // encoded lines of at most 76 characters.
    [[nodiscard]] static QByteArray encodeQuotedPrintable(const QString &text);
    // RFC 2047 encoded-words for `text`, separated by CRLF SP; `firstLineUsed` is how
    // much of the first line the header name already takes.
    [[nodiscard]] static QByteArray encodeWords(const QString &text, int firstLineUsed = 0);

private:
    [[nodiscard]] QByteArray headers() const;
    [[nodiscard]] static QByteArray textPart(const QByteArray &subtype, const QString &body);

    QString m_fromAddress;
    QString m_fromName;
    QString m_toAddress;
    QString m_toName;
    QString m_subject;
    QDateTime m_date;
    QString m_messageId;
    QString m_text;
    QString m_html;
    QString m_unsubscribeUrl;
    QString m_notificationId;
    QByteArray m_boundary;
};

} // namespace Tidings::Server::Channels
