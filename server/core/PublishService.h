#pragma once

#include "auth/AuthService.h"
#include "protocol/Expected.h"
#include "protocol/PublishRequest.h"
#include "store/Records.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class DeliveryPipeline;
class Fanout;
class Metrics;
class Store;
class TemplateService;

// POST /api/notifications: permission and ACL checks, recipient resolution, a
// durable transaction, then the fan-out. Nothing is sent before it is stored.
//
// Group commit: publishes that arrive in the same event-loop pass are stored in
// one transaction, flushed as soon as the loop is idle, and each is answered only
// after that commit. Under load this writes each database page once per batch
// instead of once per publish; alone, a publish waits no longer than before.
class PublishService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Expected<QJsonObject> &)>;

    PublishService(Store &store, Fanout &fanout, DeliveryPipeline &pipeline, TemplateService &templates,
        Metrics &metrics, const Clock &clock, QObject *parent = nullptr);

    // Checks and resolves now (an error calls `done` at once); stores with the next
    // batch, then calls `done` with the 202 body {id, recipients, status}.
    // `broadcastId` links the message to the broadcast run that published it.
    void publish(const AuthContext &ctx, const PublishRequest &request, Done done, const QString &broadcastId = {});
    // Stores everything queued now (also called on shutdown).
    void flush();
    [[nodiscard]] int pendingCount() const { return int(m_pending.size()); }

    // The users a request would reach (also the broadcast estimate later).
    [[nodiscard]] Expected<QStringList> resolveRecipients(const AuthContext &ctx, const PublishRequest &request);

private:
    static constexpr int MaxBatch = 256;

    // The external channels to create delivery jobs for.
    [[nodiscard]] QStringList jobChannels(const QStringList &requested) const;

    Store &m_store;
    Fanout &m_fanout;
    DeliveryPipeline &m_pipeline;
    TemplateService &m_templates;
    Metrics &m_metrics;
    const Clock &m_clock;
    // Queued publishes and their callbacks, index for index.
    QList<PublishItem> m_pending;
    QList<Done> m_pendingDone;
    bool m_flushQueued = false;
};

} // namespace Tidings::Server
