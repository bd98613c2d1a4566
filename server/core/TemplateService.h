#pragma once

#include "delivery/Channel.h"
#include "delivery/TemplateContent.h"
#include "delivery/TemplateRenderer.h"
#include "protocol/Expected.h"
#include "protocol/Notification.h"
#include "store/Records.h"
#include "store/TemplateRecords.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Tidings {
class Clock;
}

namespace Tidings::Server {

class Store;

// A template as GET /api/templates/:id shows it: the record and one of its versions.
struct TemplateDocument
{
    TemplateRecord meta;
    TemplateVersionRecord version;
};

// Notification templates: validation on save, versioned storage, and rendering for
// previews, publishing and the external channels.
//
// A template has versions; every edit adds one and makes it current, and a message
// records the version that rendered it, so its email, push and webhook text is the one
// it was published with even after later edits or a delete. A version declares its
// variables (TemplateVariable) and has contents per (channel, locale): channel
// `default`, `inApp`, `email`, `push` or `webhook`, locale a BCP 47 tag or "" for the
// default locale. Every version has a (`default`, "") content, so every lookup ends
// somewhere. Lookup for (channel, locale): the channel in the locale, then in each
// shorter form of the locale ("pt-BR" -> "pt"), then in the default locale; then the
// same for `default`.
class TemplateService
{
public:
    TemplateService(Store &store, const Clock &clock);

    struct Page
    {
        QList<TemplateDocument> templates; // each with its current version
        qint64 total = 0;
    };

    struct Preview
    {
        Delivery::RenderedContent content;
        int version = 0;
        QString channel; // the content actually used
        QString locale; // the content actually used ("" = the default locale)
    };

    // What a templated publish stores.
    struct Applied
    {
        NotificationContent content;
        QString templateId;
        int version = 0;
    };

    // ---- the admin API (/api/templates). `idOrName` is a template id or the name of a
    // live template; deleted templates are NOT_FOUND here.
    [[nodiscard]] Page list(const QString &search, const QString &type, int offset, int limit);
    // POST: {name, type?, description?, topic?, variables?, contents}; version 1.
    [[nodiscard]] Expected<TemplateDocument> create(const QJsonObject &body, const QString &userId);
    // PUT: the same fields, each optional; what is absent is carried over from the
    // current version. Always a new version; on any error nothing changes.
    [[nodiscard]] Expected<TemplateDocument> update(
        const QString &idOrName, const QJsonObject &body, const QString &userId);
    [[nodiscard]] std::optional<ProtocolError> remove(const QString &idOrName);
    // `version` 0 = the current one.
    [[nodiscard]] Expected<TemplateDocument> get(const QString &idOrName, int version = 0);
    // Newest first, without contents.
    [[nodiscard]] Expected<QList<TemplateVersionRecord>> versions(const QString &idOrName);
    // `locale` and `channel` as given by the caller (validated here; "" channel = default).
    [[nodiscard]] Expected<Preview> preview(const QString &idOrName, const QJsonObject &variables,
        const QString &locale, const QString &channel, int version = 0);
    // Renders an unsaved draft ({variables, contents}, as a POST would take them), so an
    // editor can preview as it types. Validated as a save is; errors in the draft name
    // their field under "template." ("template.contents[1].htmlBody"). Version 0.
    [[nodiscard]] Expected<Preview> previewDraft(
        const QJsonObject &draft, const QJsonObject &variables, const QString &locale, const QString &channel);
    // Saves version `version`'s variables and contents as a new current version.
    [[nodiscard]] Expected<TemplateDocument> restore(const QString &idOrName, int version, const QString &userId);

    // ---- publishing and delivery

    // A publish with `templateId` (an id or a live template's name): the template's
    // `inApp` content (else `default`) in the default locale renders the title and
    // message that `content` leaves empty; `type` and `topic` default to the
    // template's. Errors name `templateId`, `variables.<name>`, `title` or `message`.
    [[nodiscard]] Expected<Applied> applyToPublish(
        const QString &idOrName, const QJsonObject &variables, NotificationContent content);

    // The text for one external channel of a stored message, in the recipient's locale.
    // Without a template: subject = title, text = message, html empty. With one: the
    // version the message recorded (message.templateVersion), contents for (channel,
    // locale), falling back to (channel, ""), then ("default", locale), then ("default", "")
    // (each locale also tried in its shorter forms, "pt-BR" then "pt"); rendered with
    // message.variables. A render error is returned, not thrown.
    [[nodiscard]] Expected<Delivery::RenderedContent> renderFor(
        const MessageRecord &message, const QString &channel, const QString &locale);

    // ---- JSON
    // {id, name, type, description, topic, version, createdBy, createdAt, updatedAt}
    [[nodiscard]] static QJsonObject summaryJson(const TemplateRecord &t);
    // The summary plus the (channel, locale) pairs the version has contents for:
    // {..., variants: [{channel, locale}]} (GET /api/templates).
    [[nodiscard]] static QJsonObject listJson(const TemplateDocument &d);
    // The summary plus the version's {variables, contents, versionCreatedAt}.
    [[nodiscard]] static QJsonObject documentJson(const TemplateDocument &d);
    // {templateId, version, createdBy, createdAt, variables, contents?}
    [[nodiscard]] static QJsonObject versionJson(const TemplateVersionRecord &v, bool withContents);

    // default, inApp, email, push, webhook
    [[nodiscard]] static const QStringList &channels();

private:
    struct Draft;

    [[nodiscard]] Expected<TemplateRecord> findLive(const QString &idOrName, const QString &field);
    [[nodiscard]] static std::optional<ProtocolError> applyBody(Draft &draft, const QJsonObject &body, bool creating);
    [[nodiscard]] static std::optional<ProtocolError> validate(const Draft &draft);
    [[nodiscard]] Expected<TemplateDocument> reload(const QString &id, int version);
    [[nodiscard]] Expected<Preview> render(const TemplateVersionRecord &version, const QString &channel,
        const QString &locale, const QJsonObject &variables) const;
    // The canonical (channel, locale) of a preview request; errors name `channel` or `locale`.
    [[nodiscard]] static Expected<std::pair<QString, QString>> previewTarget(
        const QString &channel, const QString &locale);

    Store &m_store;
    const Clock &m_clock;
    Delivery::TemplateRenderer m_renderer;
};

} // namespace Tidings::Server
