#include "HttpRequestParser.h"

#include <algorithm>

namespace Tidings::Bench {

namespace {
bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    // RFC 9110 tchar: refuses whitespace, separators and control bytes.
    static const QByteArray punctuation = QByteArrayLiteral("!#$%&'*+-.^_`|~");
    for (const char c : s) {
        const bool ok
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || punctuation.contains(c);
        if (!ok)
            return false;
    }
    return true;
}
} // namespace

QByteArray HttpRequestParser::Request::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return QByteArray();
}

bool HttpRequestParser::Request::keepAlive() const
{
    const QByteArray connection = header(QByteArrayLiteral("connection")).toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

void HttpRequestParser::append(const QByteArray &bytes)
{
    if (!m_error.isEmpty())
        return;
    // Drop what was handed out once it is most of the buffer: amortised O(1) per byte
    // however many requests a connection pipelines.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer += bytes;
}

HttpRequestParser::Status HttpRequestParser::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
    m_offset = 0;
    return Status::Error;
}

HttpRequestParser::Status HttpRequestParser::next(Request *out)
{
    if (!m_error.isEmpty())
        return Status::Error;
    if (!m_haveHead) {
        // A server should ignore empty lines before a request line (RFC 9112 2.2).
        while (m_buffer.size() - m_offset >= 2 && m_buffer.at(m_offset) == '\r' && m_buffer.at(m_offset + 1) == '\n')
            m_offset += 2;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_offset);
        if (end < 0) {
            if (buffered() > MaxHeadBytes)
                return fail(QStringLiteral("request head larger than %1 bytes").arg(MaxHeadBytes));
            return Status::NeedMore;
        }
        if (end - m_offset > MaxHeadBytes)
            return fail(QStringLiteral("request head larger than %1 bytes").arg(MaxHeadBytes));
        if (!parseHead(end))
            return Status::Error;
        m_offset = end + 4;
        m_haveHead = true;
    }
    if (buffered() < m_bodyLength)
        return Status::NeedMore;
    m_current.body = m_buffer.mid(m_offset, m_bodyLength);
    m_offset += m_bodyLength;
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    *out = std::move(m_current);
    m_current = Request();
    m_haveHead = false;
    m_bodyLength = 0;
    return Status::Ready;
}

bool HttpRequestParser::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.mid(m_offset, headEnd - m_offset).split('\n');
    // The head ends at CR LF CR LF, so every line but the last still ends in CR.
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).endsWith('\r')) {
            fail(QStringLiteral("a line of the request head ends in a bare LF"));
            return false;
        }
    }
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty()
        || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(QStringLiteral("bad request line '%1'").arg(QString::fromLatin1(lines.first().trimmed().left(100))));
        return false;
    }
    m_current.method = requestLine.at(0);
    m_current.target = requestLine.at(1);
    m_current.version = requestLine.at(2);

    qint64 length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).toLower() : QByteArray();
        if (!isToken(name)) {
            // Also refuses obsolete line folding (a line starting with whitespace).
            fail(QStringLiteral("bad header line '%1'").arg(QString::fromLatin1(line.left(100))));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        m_current.headers.append({name, value});
        if (name == "transfer-encoding") {
            fail(QStringLiteral("Transfer-Encoding '%1' in a request is not supported; send Content-Length")
                     .arg(QString::fromLatin1(value)));
            return false;
        }
        if (name == "content-length") {
            bool ok = !value.isEmpty();
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 n = ok ? value.toLongLong(&ok) : -1;
            // Two different lengths are the classic request-smuggling ambiguity.
            if (!ok || (length >= 0 && n != length)) {
                fail(QStringLiteral("bad Content-Length '%1'").arg(QString::fromLatin1(value)));
                return false;
            }
            length = n;
        }
    }
    if (length > MaxBodyBytes) {
        fail(QStringLiteral("a body of %1 bytes is more than %2").arg(length).arg(MaxBodyBytes));
        return false;
    }
    m_bodyLength = std::max<qint64>(length, 0);
    return true;
}

} // namespace Tidings::Bench
