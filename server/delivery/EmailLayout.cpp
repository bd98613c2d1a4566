#include "delivery/EmailLayout.h"

#include <QStringList>

namespace Tidings::Server::Delivery {

namespace {

// Paragraphs from blank lines, line breaks kept: what the sender typed stays readable.
QString paragraphs(const QString &text)
{
    QString html;
    const QStringList blocks = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &block : blocks) {
        html += QStringLiteral("<p style=\"margin:0 0 12px\">%1</p>")
                    .arg(block.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    return html;
}

} // namespace

RenderedContent EmailLayout::apply(
    const RenderedContent &content, const QString &clickUrl, const QString &unsubscribeUrl, const QString &topic)
{
    RenderedContent out = content;
    const QString footer = topic.isEmpty()
        ? QStringLiteral("You receive this because email notifications are on in your Tidings settings.")
        : QStringLiteral("You receive this because you follow \"%1\".").arg(topic);

    if (!clickUrl.isEmpty())
        out.text += QStringLiteral("\n\nOpen: %1").arg(clickUrl);
    out.text += QStringLiteral("\n\n-- \n%1").arg(footer);
    if (!unsubscribeUrl.isEmpty())
        out.text += QStringLiteral("\nStop these emails: %1").arg(unsubscribeUrl);
    out.text += QLatin1Char('\n');

    if (!content.html.isEmpty())
        return out; // the template's HTML is the template author's layout

    QString html = QStringLiteral("<!DOCTYPE html><html><body style=\"margin:0;padding:24px;background:#f6f8fa;"
                                  "font-family:-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328\">"
                                  "<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border:1px solid "
                                  "#d0d7de;border-radius:8px;padding:24px\">");
    html += QStringLiteral("<h2 style=\"margin:0 0 12px;font-size:18px\">%1</h2>").arg(content.subject.toHtmlEscaped());
    html += paragraphs(content.text);
    if (!clickUrl.isEmpty())
        html += QStringLiteral("<p style=\"margin:20px 0 0\"><a href=\"%1\" style=\"display:inline-block;"
                               "background:#0969da;color:#ffffff;text-decoration:none;padding:8px 16px;"
                               "border-radius:6px\">Open</a></p>")
                    .arg(clickUrl.toHtmlEscaped());
    html += QStringLiteral("</div><p style=\"max-width:560px;margin:12px auto 0;font-size:12px;color:#656d76\">%1")
                .arg(footer.toHtmlEscaped());
    if (!unsubscribeUrl.isEmpty())
        html += QStringLiteral(" <a href=\"%1\" style=\"color:#656d76\">Stop these emails</a>.")
                    .arg(unsubscribeUrl.toHtmlEscaped());
    html += QStringLiteral("</p></body></html>");
    out.html = html;
    return out;
}

} // namespace Tidings::Server::Delivery
