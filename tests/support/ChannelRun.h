#pragma once

// Runs one Channel::deliver() batch to the end, for the channel tests.
#include "delivery/Channel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace Tidings::Test {

struct ChannelRun
{
    QList<Server::Delivery::DeliveryResult> results; // by batch index
    int missing = 0; // results that never came
    int calledInsideDeliver = 0; // Channel::deliver must never call back synchronously
    qint64 elapsedMs = 0;
};

// Waits (running the event loop) until every delivery of `batch` has a result,
// or `timeoutMs` passed.
inline ChannelRun deliverAll(
    Server::Delivery::Channel &channel, const QList<Server::Delivery::OutgoingDelivery> &batch, int timeoutMs = 120'000)
{
    ChannelRun run;
    run.results.resize(batch.size());
    run.missing = int(batch.size());
    QEventLoop loop;
    bool inside = true;
    QElapsedTimer timer;
    timer.start();
    channel.deliver(batch, [&](int index, const Server::Delivery::DeliveryResult &r) {
        run.calledInsideDeliver += inside ? 1 : 0;
        run.results[index] = r;
        if (--run.missing == 0)
            loop.quit();
    });
    inside = false;
    if (run.missing > 0) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    run.elapsedMs = timer.elapsed();
    return run;
}

} // namespace Tidings::Test
