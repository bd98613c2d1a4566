#include "channels/EmailChannel.h"

#include "channels/MimeMessage.h"
#include "channels/SmtpSession.h"

#include <QLoggingCategory>
#include <QThread>

#include <curl/curl.h>

#include <mutex>

namespace Tidings::Server::Channels {

Q_LOGGING_CATEGORY(lcEmail, "tidings.server.email")

using Delivery::DeliveryResult;
using Delivery::Outcome;
using Delivery::OutgoingDelivery;

namespace {

// "Name <addr>" or "addr".
void splitMailbox(const QString &mailbox, QString *address, QString *name)
{
    const qsizetype open = mailbox.lastIndexOf(QLatin1Char('<'));
    const qsizetype close = mailbox.lastIndexOf(QLatin1Char('>'));
    if (open >= 0 && close > open) {
        *address = mailbox.mid(open + 1, close - open - 1).trimmed();
        QString display = mailbox.left(open).trimmed();
        if (display.size() >= 2 && display.startsWith(QLatin1Char('"')) && display.endsWith(QLatin1Char('"')))
            display = display.mid(1, display.size() - 2);
        *name = display;
    } else {
        *address = mailbox.trimmed();
        name->clear();
    }
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at >= 0 ? address.mid(at + 1) : QString();
}

} // namespace

// A batch as the worker sees it: copies only, nothing shared with the caller.
struct EmailChannel::Batch
{
    QList<OutgoingDelivery> deliveries;
    QDateTime date;
    std::shared_ptr<Done> done;
};

quint16 EmailChannel::Config::effectivePort() const
{
    if (port != 0)
        return port;
    switch (security) {
    case Security::None:
        return 25;
    case Security::StartTls:
        return 587;
    case Security::Smtps:
        return 465;
    }
    return 25;
}

QByteArray EmailChannel::Config::url() const
{
    // An IPv6 literal needs brackets in a URL.
    const QString h = host.contains(QLatin1Char(':')) ? QString(QLatin1Char('[') + host + QLatin1Char(']')) : host;
    const QLatin1String scheme(security == Security::Smtps ? "smtps" : "smtp");
    return QStringLiteral("%1://%2:%3").arg(scheme, h).arg(effectivePort()).toUtf8();
}

EmailChannel::Config EmailChannel::fromEnvironment(const QProcessEnvironment &env, QString *error)
{
    Config config;
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return Config {};
    };

    bool portGiven = false;
    if (const QString port = env.value(QStringLiteral("SMTP_PORT")).trimmed(); !port.isEmpty()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return fail(QStringLiteral("SMTP_PORT must be a port number, not \"%1\"").arg(port));
        config.port = quint16(p);
        portGiven = true;
    }

    const QString secure = env.value(QStringLiteral("SMTP_SECURE")).trimmed().toLower();
    if (secure.isEmpty()) {
        // Port 465 only ever speaks TLS from the first byte.
        config.security = portGiven && config.port == 465 ? Security::Smtps : Security::StartTls;
    } else if (secure == QLatin1String("true") || secure == QLatin1String("1") || secure == QLatin1String("yes")
        || secure == QLatin1String("smtps") || secure == QLatin1String("ssl") || secure == QLatin1String("tls")) {
        config.security = Security::Smtps;
    } else if (secure == QLatin1String("false") || secure == QLatin1String("0") || secure == QLatin1String("no")
        || secure == QLatin1String("starttls")) {
        // "false" as in nodemailer: no TLS on connect, upgrade with STARTTLS. Unlike
        // nodemailer, the upgrade is required, so a stripped STARTTLS cannot expose
        // the password.
        config.security = Security::StartTls;
    } else if (secure == QLatin1String("none") || secure == QLatin1String("plain")) {
        config.security = Security::None;
    } else {
        return fail(QStringLiteral("SMTP_SECURE must be true, false, starttls or none, not \"%1\"").arg(secure));
    }

    config.host = env.value(QStringLiteral("SMTP_HOST")).trimmed();
    config.user = env.value(QStringLiteral("SMTP_USER"));
    config.password = env.value(QStringLiteral("SMTP_PASSWORD"));
    config.caFile = env.value(QStringLiteral("SMTP_CA_FILE"));
    QString name;
    splitMailbox(env.value(QStringLiteral("FROM_EMAIL")), &config.from, &name);
    if (const QString fromName = env.value(QStringLiteral("FROM_NAME")); !fromName.isEmpty())
        name = fromName;
    if (!name.isEmpty())
        config.fromName = name;
    if (!config.host.isEmpty() && config.from.isEmpty())
        return fail(QStringLiteral("SMTP_HOST is set but FROM_EMAIL is not"));
    return config;
}

QString EmailChannel::securityToString(Security security)
{
    switch (security) {
    case Security::None:
        return QStringLiteral("none");
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::Smtps:
        return QStringLiteral("smtps");
    }
    return {};
}

EmailChannel::EmailChannel(Config config, const Clock &clock, QObject *parent)
    : Channel(parent)
    , m_config(std::move(config))
    , m_clock(clock)
{
    // curl_global_init is not thread-safe; the first channel runs it on the thread
    // that creates it, before any worker can touch libcurl.
    static std::once_flag curlInit;
    std::call_once(curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_pool.setMaxThreadCount(qMax(1, m_config.maxConnections));
    m_pool.setObjectName(QStringLiteral("EmailChannel"));
}

EmailChannel::~EmailChannel()
{
    m_cancelled->store(true);
    m_pool.waitForDone();
}

bool EmailChannel::isConfigured() const
{
    return !m_config.host.isEmpty() && !m_config.from.isEmpty();
}

void EmailChannel::deliver(const QList<OutgoingDelivery> &batch, Done done)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "EmailChannel::deliver", "call it on the channel's thread");
    Batch job {batch, m_clock.now(), std::make_shared<Done>(std::move(done))};
    // `this` outlives the job: the destructor waits for the pool.
    m_pool.start([this, job = std::move(job)] { runBatch(job); });
}

void EmailChannel::runBatch(const Batch &batch)
{
    const auto post = [this, &batch](int index, const DeliveryResult &result) {
        QMetaObject::invokeMethod(
            this, [done = batch.done, index, result] { (*done)(index, result); }, Qt::QueuedConnection);
    };

    SmtpSession session(m_config, m_cancelled);
    const QString host = domainOf(m_config.from);
    std::optional<DeliveryResult> batchFailure;
    int sent = 0;
    for (int i = 0; i < batch.deliveries.size(); ++i) {
        const OutgoingDelivery &d = batch.deliveries.at(i);
        if (batchFailure) {
            post(i, *batchFailure);
            continue;
        }
        const QString to = MimeMessage::sanitizeAddress(d.recipient.email);
        if (to.isEmpty() || !to.contains(QLatin1Char('@'))) {
            DeliveryResult r;
            r.outcome = Outcome::Permanent;
            r.error = QStringLiteral("recipient %1 has no usable email address").arg(d.recipient.userId);
            post(i, r);
            continue;
        }

        MimeMessage message;
        message.setFrom(m_config.from, m_config.fromName);
        message.setTo(to, d.recipient.displayName.isEmpty() ? d.recipient.username : d.recipient.displayName);
        message.setSubject(d.content.subject.isEmpty() ? d.notification.content.title : d.content.subject);
        message.setDate(batch.date);
        message.setMessageId(d.jobId, host);
        message.setTextBody(d.content.text.isEmpty() ? d.notification.content.message : d.content.text);
        message.setHtmlBody(d.content.html);
        message.setUnsubscribeUrl(d.unsubscribeUrl);
        message.setNotificationId(d.notification.id);

        DeliveryResult r = session.send(m_config.from, to, message.toByteArray());
        if (m_cancelled->load())
            return; // the channel is going away; nobody is left to tell
        if (r.outcome == Outcome::Sent) {
            ++sent;
            qCDebug(lcEmail) << "sent" << d.jobId << "to" << to << r.providerResponse;
        } else {
            qCWarning(lcEmail).noquote() << "delivery" << d.jobId << "to" << to
                                         << "failed:" << Delivery::outcomeToString(r.outcome) << r.providerCode
                                         << r.error;
        }
        if (r.outcome != Outcome::Sent && session.lastFailureEndsSession()) {
            // The server is unreachable, the session broke or the login was refused:
            // the rest would only wait for the same timeout or refusal.
            DeliveryResult rest = r;
            rest.latencyMs = 0;
            rest.error = QStringLiteral("not attempted: ") + r.error;
            batchFailure = rest;
        }
        post(i, r);
    }
    qCDebug(lcEmail) << "batch done:" << sent << "of" << batch.deliveries.size() << "sent";
}

bool EmailChannel::checkConnection(QString *error) const
{
    if (!isConfigured()) {
        if (error)
            *error = QStringLiteral("SMTP_HOST or FROM_EMAIL is not set");
        return false;
    }
    SmtpSession session(m_config, nullptr);
    return session.noop(error);
}

} // namespace Tidings::Server::Channels
