#pragma once

#include "delivery/TemplateContent.h"
#include "protocol/Expected.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Tidings::Server::Delivery {

// Renders notification templates with Mustache (kainjow/mustache, the Debian package
// libkainjow-mustache-dev).
//
// - Variables are validated against the declarations first: a missing required one
//   is a VALIDATION_ERROR on field "variables.<name>" ("variable 'orderId' is
//   required"), a value of the wrong type likewise ("variable 'count' must be a
//   number"). Undeclared variables are passed through (lists and objects too, for
//   sections), so templates can use data the declarations do not describe.
// - Types: string = JSON string; number = JSON number (printed without a trailing
//   ".0"); boolean = JSON bool, usable as a section ({{#vip}}..{{/vip}}) but printing
//   nothing as {{vip}}, as in every Mustache implementation; date = an ISO 8601 date or
//   date-time string, printed as given; url = an absolute http, https or mailto URL
//   (no javascript: links in HTML mail). Null counts as absent.
// - Only the HTML body escapes values ({{x}} escapes & < > " '; {{{x}}} does not).
//   Subject and text body are plain text and are not escaped; the subject is also
//   folded onto one line, since it becomes a mail header.
// - Partials ({{> name}}) render nothing: looking them up among the variables would
//   let caller-supplied data act as template code.
// - A syntax error is a VALIDATION_ERROR whose field is the part ("htmlBody") and
//   whose message names it: "htmlBody: unclosed section 'items'".
class TemplateRenderer
{
public:
    struct Rendered
    {
        QString subject;
        QString text;
        QString html;
    };

    [[nodiscard]] Expected<Rendered> render(const TemplateContent &t, const QJsonObject &variables) const;

    // The checks for saving a template: valid names, unique declarations, defaults of the
    // declared type and parseable parts. nullopt when fine.
    [[nodiscard]] static std::optional<ProtocolError> validateTemplate(const TemplateContent &t);

    // `variables` checked against the declarations, with defaults filled in.
    [[nodiscard]] static Expected<QJsonObject> resolveVariables(const TemplateContent &t, const QJsonObject &variables);

    // The top-level names the three parts use (variables and section names outside any
    // section; names inside a section may be fields of its items, so they are left out).
    // Sorted, without duplicates. Scanning stops at a set-delimiter tag.
    [[nodiscard]] static QStringList referencedVariables(const TemplateContent &t);

    // Whether `value` is acceptable for `type` (see above).
    [[nodiscard]] static bool matchesType(const QJsonValue &value, TemplateVariable::Type type);
};

} // namespace Tidings::Server::Delivery
