#pragma once

#include "delivery/Channel.h"

namespace Tidings::Server::Delivery {

// The email for a notification published without a template: its title as the
// subject, its message as the text part, and a plain, readable HTML part (values
// escaped) with the notification's link as a button. Both parts end with the
// unsubscribe line when there is a link for it. A template's own HTML is left alone,
// except that an empty HTML part gets this layout around the template's text.
class EmailLayout
{
public:
    // `content` is what the template or the notification gave (subject, text, html);
    // `clickUrl` the (tracked) link to open, `unsubscribeUrl` the signed unsubscribe
    // link; either may be empty.
    [[nodiscard]] static RenderedContent apply(
        const RenderedContent &content, const QString &clickUrl, const QString &unsubscribeUrl, const QString &topic);
};

} // namespace Tidings::Server::Delivery
