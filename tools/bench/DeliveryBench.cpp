#include "DeliveryBench.h"

#include "Console.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "SessionCache.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace Tidings::Bench {

namespace {
const QString Email = QStringLiteral("email");
const QString Webhook = QStringLiteral("webhook");
constexpr qint64 SessionMarginNs = 120'000'000'000; // a session must outlive the next step

// The 1-minute load average: on a small machine shared with other work it says how
// much the figures were disturbed.
double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

BenchOptions userOptions(const BenchOptions &options)
{
    BenchOptions o = options;
    o.users = options.deliveryUsers;
    o.connections = options.deliveryUsers;
    return o;
}
} // namespace

DeliveryBench::DeliveryBench(const BenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_userOptions(userOptions(options))
    , m_provisioner(m_userOptions, this)
    , m_pool(options.server, options.setupConcurrency, this)
{
}

DeliveryBench::~DeliveryBench() = default;

void DeliveryBench::run()
{
    m_startedNs = monotonicNs();
    m_report.insert(QStringLiteral("tool"), QStringLiteral("tidings-bench"));
    m_report.insert(QStringLiteral("version"), QStringLiteral(TIDINGS_BENCH_VERSION));
    m_report.insert(QStringLiteral("startedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    m_report.insert(QStringLiteral("config"),
        QJsonObject {{QStringLiteral("server"), m_options.server.toString()},
            {QStringLiteral("scenario"), BenchOptions::scenarioName(m_options.scenario)},
            {QStringLiteral("deliveries"), m_options.deliveries}, {QStringLiteral("users"), m_options.deliveryUsers},
            {QStringLiteral("channels"), QJsonArray::fromStringList(m_options.deliveryChannels)},
            {QStringLiteral("concurrency"), m_options.concurrency},
            {QStringLiteral("payloadBytes"), m_options.payloadBytes},
            {QStringLiteral("timeoutSec"), m_options.deliveryTimeoutSec},
            {QStringLiteral("loadAverageAtStart"), loadAverage()},
            {QStringLiteral("cpus"), QThread::idealThreadCount()}});

    m_steps.push_back([this] { setupStep(); });
    for (const QString &channel : m_options.deliveryChannels) {
        if (channel == Webhook)
            m_steps.push_back([this] { registerWebhooksStep(); });
        m_steps.push_back([this, channel] { phaseStep(channel); });
        if (channel == Webhook)
            m_steps.push_back([this] { removeWebhooksStep(); });
    }
    m_steps.push_back([this] { saveSessionsStep(); });
    next();
}

void DeliveryBench::next()
{
    if (m_finished)
        return;
    if (m_steps.empty()) {
        finish();
        return;
    }
    auto step = std::move(m_steps.front());
    m_steps.pop_front();
    step();
}

void DeliveryBench::abort(const QString &why)
{
    m_problems << why;
    m_steps.clear();
    QTimer::singleShot(0, this, &DeliveryBench::finish);
}

void DeliveryBench::whenDrained(std::function<void()> then)
{
    if (m_pool.pending() == 0) {
        then();
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_pool, &HttpPool::drained, this, [connection, then] {
        QObject::disconnect(*connection);
        then();
    });
}

// --- setup ----------------------------------------------------------------------

void DeliveryBench::setupStep()
{
    m_setupStartNs = monotonicNs();
    Console::line(
        QStringLiteral("setup: %1 users with email addresses, one session each").arg(m_options.deliveryUsers));
    m_provisioner.loginAdmin(QStringLiteral("delivery"), [this](bool ok, const QString &error) {
        if (!ok) {
            abort(error);
            return;
        }
        QVector<int> users;
        QVector<UserProvisioner::Device> devices;
        for (int u = 0; u < m_options.deliveryUsers; ++u) {
            users << u;
            devices.push_back({u, u}); // the device a one-connection-per-user run uses too
        }
        m_provisioner.createUsers(users, [this, devices] {
            SessionCache cache;
            if (!m_options.freshLogins)
                cache.load(m_options.sessionCache);
            m_provisioner.loginDevices(
                devices, m_options.freshLogins ? nullptr : &cache, [this] { giveEmailAddresses(); });
        });
    });
}

void DeliveryBench::giveEmailAddresses()
{
    const QVector<UserProvisioner::Session> &sessions = m_provisioner.sessions();
    for (int k = 0; k < sessions.size(); ++k) {
        if (sessions[k].ok && !sessions[k].userId.isEmpty()) {
            m_sessionOfUser.insert(k, k);
            m_targets.push_back({k, sessions[k].userId});
        }
    }
    // Users an earlier run created may have no address, and an email job is only
    // created for a user who has one.
    auto failures = std::make_shared<int>(0);
    for (const Publisher::Target &t : std::as_const(m_targets)) {
        HttpRequest r;
        r.method = QByteArrayLiteral("PATCH");
        r.path = "/api/admin/users/" + t.userId.toUtf8();
        r.bearer = m_provisioner.admin().accessToken;
        r.body = json(
            {{QStringLiteral("email"), QString(m_provisioner.username(t.user) + QStringLiteral("@bench.invalid"))}});
        m_pool.request(
            r,
            [failures](const HttpResponse &response) {
                if (response.status != 200 && (*failures)++ == 0)
                    Console::line(QStringLiteral("setting an email address failed: %1 %2")
                                      .arg(response.describe(), QString::fromUtf8(response.body.left(200))));
            },
            HttpPool::patient());
    }
    whenDrained([this, failures] {
        const UserProvisioner::Counts &c = m_provisioner.counts();
        m_report.insert(QStringLiteral("setup"),
            QJsonObject {{QStringLiteral("usersCreated"), c.usersCreated},
                {QStringLiteral("usersExisting"), c.usersExisting}, {QStringLiteral("userFailures"), c.userFailures},
                {QStringLiteral("logins"), c.logins}, {QStringLiteral("loginFailures"), c.loginFailures},
                {QStringLiteral("reusedSessions"), c.reused}, {QStringLiteral("emailFailures"), *failures},
                {QStringLiteral("seconds"), nsToSec(monotonicNs() - m_setupStartNs)}});
        if (m_targets.isEmpty()) {
            abort(QStringLiteral("setup: no bench user could log in"));
            return;
        }
        if (*failures > 0 || c.loginFailures > 0)
            m_warnings << QStringLiteral("setup: %1 logins and %2 email updates failed; those users get nothing")
                              .arg(c.loginFailures)
                              .arg(*failures);
        next();
    });
}

void DeliveryBench::withFreshSessions(std::function<void()> then)
{
    m_provisioner.refreshExpiring(monotonicNs() + SessionMarginNs, [then](const QVector<int> &) { then(); });
}

// --- webhooks -------------------------------------------------------------------

void DeliveryBench::registerWebhooksStep()
{
    if (!m_receiver.listen()) {
        m_problems
            << QStringLiteral("webhook: the receiver cannot listen on 127.0.0.1: %1").arg(m_receiver.errorString());
        next();
        return;
    }
    const QString url = m_receiver.url(QStringLiteral("/tidings-bench")).toString();
    Console::line(QStringLiteral("webhook: %1 users register %2").arg(m_targets.size()).arg(url));
    withFreshSessions([this, url] {
        auto failures = std::make_shared<int>(0);
        for (const Publisher::Target &t : std::as_const(m_targets)) {
            const UserProvisioner::Session &session = m_provisioner.sessions()[m_sessionOfUser.value(t.user)];
            HttpRequest r;
            r.method = QByteArrayLiteral("PUT");
            r.path = QByteArrayLiteral("/api/webhooks");
            r.bearer = session.accessToken;
            r.body = json({{QStringLiteral("url"), url}});
            const int user = t.user;
            m_pool.request(
                r,
                [this, user, failures](const HttpResponse &response) {
                    const QString id = response.json().value(QLatin1String("id")).toString();
                    if ((response.status == 200 || response.status == 201) && !id.isEmpty()) {
                        m_webhookIds.insert(user, id);
                    } else if ((*failures)++ == 0) {
                        Console::line(QStringLiteral("registering a webhook failed: %1 %2")
                                          .arg(response.describe(), QString::fromUtf8(response.body.left(200))));
                    }
                },
                HttpPool::patient());
        }
        whenDrained([this, failures] {
            m_webhooksReady = *failures == 0;
            if (*failures > 0)
                m_problems << QStringLiteral("webhook: %1 of %2 users could not register the receiver")
                                  .arg(*failures)
                                  .arg(m_targets.size());
            next();
        });
    });
}

void DeliveryBench::removeWebhooksStep()
{
    m_receiver.close();
    if (m_webhookIds.isEmpty()) {
        next();
        return;
    }
    withFreshSessions([this] {
        auto failures = std::make_shared<int>(0);
        for (auto it = m_webhookIds.constBegin(); it != m_webhookIds.constEnd(); ++it) {
            HttpRequest r;
            r.method = QByteArrayLiteral("DELETE");
            r.path = "/api/webhooks/" + it.value().toUtf8();
            r.bearer = m_provisioner.sessions()[m_sessionOfUser.value(it.key())].accessToken;
            m_pool.request(
                r,
                [failures](const HttpResponse &response) {
                    if (response.status != 204 && response.status != 404)
                        ++*failures;
                },
                HttpPool::patient());
        }
        whenDrained([this, failures] {
            if (*failures > 0)
                m_warnings << QStringLiteral("webhook: %1 webhooks could not be removed; they point at a closed port")
                                  .arg(*failures);
            m_webhookIds.clear();
            next();
        });
    });
}

// --- phases ---------------------------------------------------------------------

void DeliveryBench::phaseStep(const QString &channel)
{
    if (channel == Webhook && !m_webhooksReady) {
        m_delivery.insert(channel,
            QJsonObject {{QStringLiteral("notRun"), QStringLiteral("the users could not register the receiver")}});
        next();
        return;
    }
    m_phase = std::make_unique<DeliveryPhase>(m_options, &m_receiver);
    connect(m_phase.get(), &DeliveryPhase::finished, this,
        [this, channel](const QJsonObject &result, const QStringList &problems, const QStringList &warnings) {
            m_delivery.insert(channel, result);
            m_problems << problems;
            m_warnings << warnings;
            // Deleted from the event loop: this runs inside its signal.
            m_phase.release()->deleteLater();
            next();
        });
    m_phase->run(channel, m_targets, m_provisioner.admin().accessToken);
}

// --- the end --------------------------------------------------------------------

void DeliveryBench::saveSessionsStep()
{
    // Keep entries of devices this run did not use (other scenarios, more users).
    SessionCache cache;
    cache.load(m_options.sessionCache);
    cache.mergeJson(m_provisioner.sessionsForCache());
    QString error;
    if (!cache.save(m_options.sessionCache, &error))
        m_warnings << error;
    next();
}

void DeliveryBench::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_receiver.close();
    m_report.insert(QStringLiteral("delivery"), m_delivery);
    m_report.insert(QStringLiteral("loadAverageAtEnd"), loadAverage());
    m_report.insert(QStringLiteral("seconds"), std::round(nsToSec(monotonicNs() - m_startedNs) * 1000) / 1000);
    m_report.insert(QStringLiteral("problems"), QJsonArray::fromStringList(m_problems));
    m_report.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings));
    m_report.insert(QStringLiteral("ok"), m_problems.isEmpty());

    Q_EMIT done(Report(m_report).publish(m_options.jsonPath));
}

} // namespace Tidings::Bench
