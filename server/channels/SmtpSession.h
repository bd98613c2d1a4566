#pragma once

#include "channels/EmailChannel.h"

#include <QByteArray>
#include <QString>

#include <curl/curl.h>

#include <atomic>
#include <memory>

namespace Tidings::Server::Channels {

// One libcurl easy handle talking SMTP, used by one thread at a time. Successive
// send() calls reuse the handle, and with it libcurl's open connection, so a batch
// costs one connect, one TLS handshake and one AUTH. After a failed transaction
// libcurl drops the connection and the next send() opens a new one.
class SmtpSession
{
public:
    // `cancelled` aborts a transfer in progress when it turns true (the channel is
    // being destroyed).
    SmtpSession(const EmailChannel::Config &config, std::shared_ptr<const std::atomic_bool> cancelled);
    ~SmtpSession();
    SmtpSession(const SmtpSession &) = delete;
    SmtpSession &operator=(const SmtpSession &) = delete;

    // One message to one recipient: MAIL FROM, RCPT TO, DATA. The result carries the
    // final SMTP reply code as providerCode ("curl <n>" when there was none).
    [[nodiscard]] Delivery::DeliveryResult send(const QString &from, const QString &to, const QByteArray &message);
    // True when the last send() failed for a reason that is not about the message:
    // the server is unreachable, the session broke below SMTP, the login was refused
    // or the server is closing (421). Every further message would fail the same way.
    [[nodiscard]] bool lastFailureEndsSession() const { return m_lastFailureEndsSession; }

    // Connect (with STARTTLS and AUTH as configured) and NOOP.
    [[nodiscard]] bool noop(QString *error);

    // How a libcurl failure counts when no SMTP reply explains it.
    [[nodiscard]] static Delivery::Outcome classifyCurlError(CURLcode code);

private:
    void applyCommonOptions();
    void beginTransfer();
    // The last line of the reply with `code` (not, say, the "221 Bye" that follows
    // when libcurl closes the connection after a failure); any last line for 0.
    [[nodiscard]] QByteArray replyLine(long code) const;
    [[nodiscard]] QString describe(CURLcode code, long replyCode) const;

    static size_t onRead(char *buffer, size_t size, size_t count, void *userdata);
    static size_t onReply(char *buffer, size_t size, size_t count, void *userdata);
    static size_t onDiscard(char *buffer, size_t size, size_t count, void *userdata);
    static int onProgress(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

    const EmailChannel::Config &m_config;
    std::shared_ptr<const std::atomic_bool> m_cancelled;
    CURL *m_curl = nullptr;
    QByteArray m_url;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    QByteArrayList m_replies; // the reply lines of the current transfer
    QByteArray m_upload;
    qsizetype m_uploadPos = 0;
    bool m_lastFailureEndsSession = false;
};

} // namespace Tidings::Server::Channels
