#pragma once

#include "auth/AuthService.h"
#include "store/Records.h"

namespace Tidings::Server::TopicAccess {

// ACL entries are "*", "role:<role>" or "user:<id>". Admins pass every ACL.
[[nodiscard]] bool aclAllows(const QStringList &acl, const User &user);
[[nodiscard]] bool canRead(const Topic &topic, const User &user);
// Publishing needs the topic's publish ACL and, for API tokens, a matching topic glob.
[[nodiscard]] bool canPublish(const Topic &topic, const AuthContext &ctx);
// Validates ACL entries; returns the first invalid one, or empty.
[[nodiscard]] QString invalidEntry(const QStringList &acl);

} // namespace Tidings::Server::TopicAccess
