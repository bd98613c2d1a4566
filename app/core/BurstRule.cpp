#include "core/BurstRule.h"

#include <algorithm>

namespace Tidings::App {

bool BurstRule::applies(const Notification &notification)
{
    return notification.content.priority != Priority::Urgent && !notification.content.topic.isEmpty();
}

bool BurstRule::arrive(const Notification &notification, const QDateTime &now)
{
    if (!applies(notification))
        return false;
    const QDateTime horizon = now.addMSecs(-m_options.windowMs);
    m_recent.erase(std::remove_if(m_recent.begin(), m_recent.end(), [&](const auto &r) { return r.second < horizon; }),
        m_recent.end());
    const QString &topic = notification.content.topic;
    m_recent.append({topic, now});
    const auto inBurst
        = std::count_if(m_recent.cbegin(), m_recent.cend(), [&](const auto &r) { return r.first == topic; });
    return inBurst >= m_options.count;
}

} // namespace Tidings::App
