#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace Tidings::Server {

// The channels a template can have its own text for. `default` is the fallback of
// every other channel; `inApp` renders the notification's title and message.
namespace TemplateChannel {
inline constexpr char Default[] = "default";
inline constexpr char InApp[] = "inApp";
inline constexpr char Email[] = "email";
inline constexpr char Push[] = "push";
inline constexpr char Webhook[] = "webhook";
} // namespace TemplateChannel

// A notification template (templates): what stays the same across versions.
struct TemplateRecord
{
    QString id;
    QString name; // unique among live templates
    QString type; // the notification type it serves; publishing defaults `type` to it
    QString description;
    QString topic; // "" = none; publishing labels a notification without a topic with it
    int currentVersion = 0;
    QString createdBy; // user id
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime deletedAt; // soft delete: its versions stay for the messages they rendered
};

// The three Mustache sources for one (channel, locale) of a version.
struct TemplateContentRecord
{
    QString channel = QLatin1String(TemplateChannel::Default);
    QString locale; // BCP 47 tag; "" = the default locale
    QString subject;
    QString textBody;
    QString htmlBody;
};

// One version (template_versions with its template_contents). Versions are never
// changed: every edit adds one.
struct TemplateVersionRecord
{
    QString templateId;
    int version = 0;
    // The declarations as TemplateService writes them: [{name, type, required, default?}].
    QJsonArray variables;
    QList<TemplateContentRecord> contents;
    QString createdBy; // user id
    QDateTime createdAt;
};

} // namespace Tidings::Server
