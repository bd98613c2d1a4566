#include "channels/SmtpSession.h"

#include <QElapsedTimer>

#include <cstring>
#include <optional>

namespace Tidings::Server::Channels {

using Delivery::DeliveryResult;
using Delivery::Outcome;
using Delivery::TransportError;

namespace {

// A provider's reply is kept for the delivery log, not for a novel.
constexpr int MaxReplyLength = 200;

std::optional<TransportError> transportErrorFor(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        return TransportError::ConnectionRefused;
    case CURLE_OPERATION_TIMEDOUT:
        return TransportError::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return TransportError::HostNotFound;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return TransportError::ConnectionReset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED: // STARTTLS required but not offered
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CLIENTCERT:
        return TransportError::TlsHandshakeFailed;
    case CURLE_WEIRD_SERVER_REPLY:
        return TransportError::ProtocolViolation;
    default:
        return std::nullopt;
    }
}

} // namespace

SmtpSession::SmtpSession(const EmailChannel::Config &config, std::shared_ptr<const std::atomic_bool> cancelled)
    : m_config(config)
    , m_cancelled(std::move(cancelled))
    , m_curl(curl_easy_init())
    , m_url(config.url())
{
    if (m_curl)
        applyCommonOptions();
}

SmtpSession::~SmtpSession()
{
    // Sends QUIT on the connection libcurl still holds.
    if (m_curl)
        curl_easy_cleanup(m_curl);
}

void SmtpSession::applyCommonOptions()
{
    curl_easy_setopt(m_curl, CURLOPT_URL, m_url.constData());
    // Only SMTP, whatever a misconfigured URL says.
    curl_easy_setopt(m_curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    // Signals are process-wide; a worker thread must not use them for timeouts.
    curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT_MS, long(m_config.connectTimeoutMs));
    curl_easy_setopt(m_curl, CURLOPT_TIMEOUT_MS, long(m_config.messageTimeoutMs));
    if (m_config.security != EmailChannel::Security::None)
        curl_easy_setopt(m_curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!m_config.caFile.isEmpty())
        curl_easy_setopt(m_curl, CURLOPT_CAINFO, m_config.caFile.toLocal8Bit().constData());
    if (!m_config.user.isEmpty()) {
        curl_easy_setopt(m_curl, CURLOPT_USERNAME, m_config.user.toUtf8().constData());
        curl_easy_setopt(m_curl, CURLOPT_PASSWORD, m_config.password.toUtf8().constData());
    }
    curl_easy_setopt(m_curl, CURLOPT_ERRORBUFFER, m_errorBuffer);
    // libcurl hands SMTP reply lines to the header callback; the last one is what
    // the delivery log shows.
    curl_easy_setopt(m_curl, CURLOPT_HEADERFUNCTION, &SmtpSession::onReply);
    curl_easy_setopt(m_curl, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, &SmtpSession::onDiscard);
    curl_easy_setopt(m_curl, CURLOPT_READFUNCTION, &SmtpSession::onRead);
    curl_easy_setopt(m_curl, CURLOPT_READDATA, this);
    curl_easy_setopt(m_curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(m_curl, CURLOPT_XFERINFOFUNCTION, &SmtpSession::onProgress);
    curl_easy_setopt(m_curl, CURLOPT_XFERINFODATA, this);
}

DeliveryResult SmtpSession::send(const QString &from, const QString &to, const QByteArray &message)
{
    DeliveryResult result;
    m_lastFailureEndsSession = false;
    if (!m_curl) {
        result.outcome = Outcome::Retryable;
        result.providerCode = QStringLiteral("curl %1").arg(int(CURLE_FAILED_INIT));
        result.error = QStringLiteral("could not create a libcurl handle");
        m_lastFailureEndsSession = true;
        return result;
    }

    beginTransfer();
    m_upload = message;
    m_uploadPos = 0;
    const QByteArray mailFrom = '<' + from.toUtf8() + '>';
    curl_slist *recipients = curl_slist_append(nullptr, QByteArray('<' + to.toUtf8() + '>').constData());
    curl_easy_setopt(m_curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(m_curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(m_curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(m_curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));

    QElapsedTimer timer;
    timer.start();
    const CURLcode rc = curl_easy_perform(m_curl);
    result.latencyMs = timer.elapsed();

    // The list must not outlive its setting.
    curl_easy_setopt(m_curl, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(recipients);
    m_upload.clear();

    // libcurl resets the code for every transfer, so it belongs to this message.
    long code = 0;
    curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &code);
    result.providerResponse = QString::fromUtf8(replyLine(code)).left(MaxReplyLength);
    if (rc == CURLE_OK) {
        result.providerCode = QString::number(code > 0 ? code : 250);
        result.outcome = Delivery::classifySmtpReply(code > 0 ? int(code) : 250);
        return result;
    }
    result.error = describe(rc, code);
    if (code >= 400 && code <= 599) {
        // The server refused (550 no such user, 451 try later, 535 bad login).
        result.providerCode = QString::number(code);
        result.outcome = Delivery::classifySmtpReply(int(code));
        m_lastFailureEndsSession = rc == CURLE_LOGIN_DENIED || code == 421;
    } else {
        // Below SMTP: the last reply code (a 220 before a failed TLS handshake, say)
        // says nothing about the failure, libcurl's code does.
        result.providerCode = QStringLiteral("curl %1").arg(int(rc));
        result.outcome = classifyCurlError(rc);
        m_lastFailureEndsSession = true;
    }
    return result;
}

bool SmtpSession::noop(QString *error)
{
    if (!m_curl) {
        if (error)
            *error = QStringLiteral("could not create a libcurl handle");
        return false;
    }
    beginTransfer();
    // Without MAIL_RCPT or an upload, libcurl sends the custom command instead of a mail.
    curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, "NOOP");
    curl_easy_setopt(m_curl, CURLOPT_UPLOAD, 0L);
    const CURLcode rc = curl_easy_perform(m_curl);
    curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, nullptr);
    if (rc == CURLE_OK)
        return true;
    if (error) {
        long code = 0;
        curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &code);
        *error = describe(rc, code);
    }
    return false;
}

Outcome SmtpSession::classifyCurlError(CURLcode code)
{
    if (const auto transport = transportErrorFor(code))
        return Delivery::classifyTransportError(*transport);
    switch (code) {
    case CURLE_LOGIN_DENIED: // wrong SMTP_USER/SMTP_PASSWORD: an operator must fix it
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return Outcome::Permanent;
    default:
        return Outcome::Retryable;
    }
}

void SmtpSession::beginTransfer()
{
    m_replies.clear();
    m_errorBuffer[0] = '\0';
}

QByteArray SmtpSession::replyLine(long code) const
{
    const QByteArray prefix = QByteArray::number(code);
    for (auto it = m_replies.crbegin(); it != m_replies.crend(); ++it) {
        if (code <= 0 || it->startsWith(prefix))
            return *it;
    }
    return {};
}

QString SmtpSession::describe(CURLcode code, long replyCode) const
{
    QString text = QString::fromUtf8(curl_easy_strerror(code));
    if (m_errorBuffer[0] != '\0')
        text += QStringLiteral(": ") + QString::fromUtf8(m_errorBuffer);
    const QByteArray reply = replyLine(replyCode);
    if (!reply.isEmpty())
        text += QStringLiteral(" (server said \"%1\")").arg(QString::fromUtf8(reply).left(MaxReplyLength));
    return text;
}

size_t SmtpSession::onRead(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *self = static_cast<SmtpSession *>(userdata);
    const size_t left = size_t(self->m_upload.size() - self->m_uploadPos);
    const size_t n = qMin(left, size * count);
    std::memcpy(buffer, self->m_upload.constData() + self->m_uploadPos, n);
    self->m_uploadPos += qsizetype(n);
    return n;
}

size_t SmtpSession::onReply(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *self = static_cast<SmtpSession *>(userdata);
    const QByteArray line = QByteArray(buffer, qsizetype(size * count)).trimmed();
    if (!line.isEmpty())
        self->m_replies.append(line);
    return size * count;
}

size_t SmtpSession::onDiscard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

int SmtpSession::onProgress(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *self = static_cast<const SmtpSession *>(userdata);
    return self->m_cancelled && self->m_cancelled->load() ? 1 : 0;
}

} // namespace Tidings::Server::Channels
