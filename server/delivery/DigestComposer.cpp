#include "delivery/DigestComposer.h"

#include <QMap>

#include <algorithm>

namespace Tidings::Server::Delivery {

namespace {

QString excerpt(const QString &message, int max = 200)
{
    QString s = message.simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

} // namespace

RenderedContent DigestComposer::compose(const QList<Item> &items, const QDateTime &periodStart,
    const QDateTime &periodEnd, const QTimeZone &tz, const QString &serverName)
{
    QList<Item> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const Item &a, const Item &b) { return a.notification.createdAt > b.notification.createdAt; });
    // Topics in name order, notifications without a topic last.
    QMap<QString, QList<Item>> byTopic;
    for (const Item &item : std::as_const(sorted))
        byTopic[item.notification.content.topic].append(item);
    QStringList topics = byTopic.keys();
    if (topics.removeOne(QString()))
        topics.append(QString());

    const int n = int(items.size());
    RenderedContent out;
    out.subject = n == 1 ? QStringLiteral("1 unread notification") : QStringLiteral("%1 unread notifications").arg(n);
    const QString from = periodStart.toTimeZone(tz).toString(QStringLiteral("ddd d MMM HH:mm"));
    const QString to = periodEnd.toTimeZone(tz).toString(QStringLiteral("ddd d MMM HH:mm"));
    const QString intro = QStringLiteral("Here is what arrived between %1 and %2 (%3) that you have not read yet.")
                              .arg(from, to, QString::fromLatin1(tz.id()));

    QString text = intro + QStringLiteral("\n");
    QString html = QStringLiteral("<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#1f2328\">"
                                  "<p>%1</p>")
                       .arg(intro.toHtmlEscaped());
    for (const QString &topic : std::as_const(topics)) {
        const QString heading = topic.isEmpty() ? QStringLiteral("Other") : topic;
        text += QStringLiteral("\n%1\n%2\n").arg(heading, QString(heading.size(), QLatin1Char('-')));
        html += QStringLiteral("<h3 style=\"margin:16px 0 4px\">%1</h3><ul style=\"padding-left:18px\">")
                    .arg(heading.toHtmlEscaped());
        for (const Item &item : byTopic.value(topic)) {
            const NotificationContent &c = item.notification.content;
            const QString when = item.notification.createdAt.toTimeZone(tz).toString(QStringLiteral("HH:mm"));
            text += QStringLiteral("* %1  %2\n").arg(when, c.title);
            if (!c.message.isEmpty())
                text += QStringLiteral("  %1\n").arg(excerpt(c.message));
            if (!item.link.isEmpty())
                text += QStringLiteral("  %1\n").arg(item.link);
            const QString title = item.link.isEmpty()
                ? c.title.toHtmlEscaped()
                : QStringLiteral("<a href=\"%1\">%2</a>").arg(item.link.toHtmlEscaped(), c.title.toHtmlEscaped());
            html += QStringLiteral("<li style=\"margin-bottom:8px\"><span style=\"color:#656d76\">%1</span> "
                                   "<strong>%2</strong><br>%3</li>")
                        .arg(when, title, excerpt(c.message).toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    text += QStringLiteral("\nYou get this digest instead of one email per notification. Change how often in %1's "
                           "notification settings.\n")
                .arg(serverName);
    html += QStringLiteral("<p style=\"color:#656d76;font-size:12px\">You get this digest instead of one email per "
                           "notification. Change how often in %1's notification settings.</p></body></html>")
                .arg(serverName.toHtmlEscaped());
    out.text = text;
    out.html = html;
    return out;
}

} // namespace Tidings::Server::Delivery
