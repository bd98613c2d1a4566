#include "core/TopicAccess.h"

#include "protocol/PublishRequest.h"

namespace Tidings::Server::TopicAccess {

bool aclAllows(const QStringList &acl, const User &user)
{
    if (user.role == QLatin1String(Role::Admin))
        return true;
    for (const QString &entry : acl) {
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1String("role:")) && entry.mid(5) == user.role)
            return true;
        if (entry.startsWith(QLatin1String("user:")) && entry.mid(5) == user.id)
            return true;
    }
    return false;
}

bool canRead(const Topic &topic, const User &user)
{
    return aclAllows(topic.readAcl, user);
}

bool canPublish(const Topic &topic, const AuthContext &ctx)
{
    return ctx.tokenAllowsTopic(topic.name) && aclAllows(topic.publishAcl, ctx.user);
}

QString invalidEntry(const QStringList &acl)
{
    for (const QString &entry : acl) {
        if (entry == QLatin1String("*"))
            continue;
        if (entry.startsWith(QLatin1String("role:")) && userRoles().contains(entry.mid(5)))
            continue;
        if (entry.startsWith(QLatin1String("user:")) && entry.size() > 5)
            continue;
        return entry;
    }
    return {};
}

} // namespace Tidings::Server::TopicAccess
