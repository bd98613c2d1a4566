#pragma once

#include "BenchOptions.h"
#include "DeliveryPhase.h"
#include "HttpPool.h"
#include "UserProvisioner.h"
#include "WebhookReceiver.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

namespace Tidings::Bench {

// `--scenario delivery`: the delivery pipeline measured from outside, through the
// public protocol only, with no WebSocket open. Creates the --delivery-users bench
// users if missing and gives each an email address (PATCH as admin), logs each in
// once, then runs one DeliveryPhase per --delivery-channels entry. For the webhook
// phase every user registers the bench's WebhookReceiver as their webhook, and
// removes it afterwards, so later runs against the same server do not post to a
// closed port. Prints the report and writes the JSON as the other scenarios do.
class DeliveryBench : public QObject
{
    Q_OBJECT
public:
    explicit DeliveryBench(const BenchOptions &options, QObject *parent = nullptr);
    ~DeliveryBench() override;

    void run();

Q_SIGNALS:
    void done(int exitCode);

private:
    void next();
    void abort(const QString &why);
    void finish();

    void setupStep();
    void giveEmailAddresses();
    void registerWebhooksStep();
    void phaseStep(const QString &channel);
    void removeWebhooksStep();
    void saveSessionsStep();
    // Refreshes the user sessions that would expire within two minutes, then `then`.
    void withFreshSessions(std::function<void()> then);
    void whenDrained(std::function<void()> then);

    const BenchOptions &m_options;
    BenchOptions m_userOptions; // users = connections = --delivery-users, for the provisioner
    UserProvisioner m_provisioner;
    HttpPool m_pool; // the admin's PATCHes, the users' webhook registrations
    WebhookReceiver m_receiver;
    std::unique_ptr<DeliveryPhase> m_phase;
    std::deque<std::function<void()>> m_steps;
    bool m_finished = false;

    QVector<Publisher::Target> m_targets;
    QHash<int, int> m_sessionOfUser; // user -> UserProvisioner session index
    QHash<int, QString> m_webhookIds; // user -> id of the webhook it registered
    bool m_webhooksReady = false;

    QJsonObject m_report;
    QJsonObject m_delivery;
    QStringList m_problems;
    QStringList m_warnings;
    qint64 m_startedNs = 0;
    qint64 m_setupStartNs = 0;
};

} // namespace Tidings::Bench
