#include "delivery/TemplateRenderer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <kainjow/mustache.hpp>

#include <cmath>

namespace Tidings::Server::Delivery {

namespace {

namespace mstch = kainjow::mustache;
using Type = TemplateVariable::Type;

// Partials would look their source up among the variables, turning caller-supplied data
// into template code; templates have no partials, so none are ever found.
class NoPartialsContext final : public mstch::context<std::string>
{
public:
    explicit NoPartialsContext(const mstch::data *data)
        : mstch::context<std::string>(data)
    {
    }
    const mstch::data *get_partial(const std::string &) const override { return nullptr; }
};

QString typePhrase(Type t)
{
    switch (t) {
    case Type::String:
        return QStringLiteral("a string");
    case Type::Number:
        return QStringLiteral("a number");
    case Type::Boolean:
        return QStringLiteral("a boolean");
    case Type::Date:
        return QStringLiteral("an ISO 8601 date");
    case Type::Url:
        return QStringLiteral("an http, https or mailto URL");
    }
    return {};
}

// JSON has one number type; 3 should print as "3", not "3.0" or "3.0000000000000000".
QString numberText(double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

mstch::data toData(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return mstch::data(v.toBool());
    case QJsonValue::Double:
        return mstch::data(numberText(v.toDouble()).toStdString());
    case QJsonValue::String:
        return mstch::data(v.toString().toStdString());
    case QJsonValue::Array: {
        mstch::data list(mstch::data::type::list);
        for (const QJsonValue &item : v.toArray())
            list.push_back(toData(item));
        return list;
    }
    case QJsonValue::Object: {
        mstch::data object(mstch::data::type::object);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isNull())
                object.set(it.key().toStdString(), toData(it.value()));
        }
        return object;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return mstch::data(false);
}

// kainjow's messages carry byte offsets and C-style quotes; ours name the section.
QString describeSyntaxError(const std::string &raw)
{
    const QString message = QString::fromStdString(raw);
    static const QRegularExpression section(QStringLiteral("^(Unclosed|Unopened) section \"(.*)\" at \\d+$"));
    if (const auto m = section.match(message); m.hasMatch()) {
        if (m.captured(1) == QLatin1String("Unclosed"))
            return QStringLiteral("unclosed section '%1'").arg(m.captured(2));
        return QStringLiteral("section '%1' is closed but never opened").arg(m.captured(2));
    }
    static const QRegularExpression tag(QStringLiteral("^(Unclosed tag|Invalid set delimiter tag) at (\\d+)$"));
    if (const auto m = tag.match(message); m.hasMatch())
        return QStringLiteral("%1 at offset %2").arg(m.captured(1).toLower(), m.captured(2));
    return message.isEmpty() ? QStringLiteral("invalid template") : message.left(1).toLower() + message.mid(1);
}

Expected<QString> renderPart(const QString &source, const mstch::data &data, bool escapeHtml, const QString &part)
{
    mstch::mustache tmpl(source.toStdString());
    if (!tmpl.is_valid())
        return ProtocolError::validation(part, part + QStringLiteral(": ") + describeSyntaxError(tmpl.error_message()));
    if (!escapeHtml)
        tmpl.set_custom_escape([](const std::string &s) { return s; });
    NoPartialsContext context(&data);
    const std::string out = tmpl.render(context);
    if (!tmpl.is_valid())
        return ProtocolError::validation(part, part + QStringLiteral(": ") + describeSyntaxError(tmpl.error_message()));
    return QString::fromStdString(out);
}

QList<QPair<QString, const QString *>> parts(const TemplateContent &t)
{
    return {{QStringLiteral("subject"), &t.subject}, {QStringLiteral("textBody"), &t.textBody},
        {QStringLiteral("htmlBody"), &t.htmlBody}};
}

} // namespace

bool TemplateRenderer::matchesType(const QJsonValue &value, Type type)
{
    switch (type) {
    case Type::String:
        return value.isString();
    case Type::Number:
        return value.isDouble();
    case Type::Boolean:
        return value.isBool();
    case Type::Date: {
        if (!value.isString())
            return false;
        const QString s = value.toString();
        return QDate::fromString(s, Qt::ISODate).isValid() || QDateTime::fromString(s, Qt::ISODateWithMs).isValid();
    }
    case Type::Url: {
        if (!value.isString())
            return false;
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!url.isValid())
            return false;
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            return !url.host().isEmpty();
        return scheme == QLatin1String("mailto") && !url.path().isEmpty();
    }
    }
    return false;
}

Expected<QJsonObject> TemplateRenderer::resolveVariables(const TemplateContent &t, const QJsonObject &variables)
{
    QJsonObject resolved = variables;
    for (const TemplateVariable &v : t.variables) {
        const QJsonValue given = variables.value(v.name);
        const QString field = QStringLiteral("variables.") + v.name;
        if (given.isUndefined() || given.isNull()) {
            if (v.hasDefault())
                resolved.insert(v.name, v.defaultValue);
            else if (v.required)
                return ProtocolError::validation(field, QStringLiteral("variable '%1' is required").arg(v.name));
            else
                resolved.remove(v.name);
            continue;
        }
        if (!matchesType(given, v.type)) {
            return ProtocolError::validation(
                field, QStringLiteral("variable '%1' must be %2").arg(v.name, typePhrase(v.type)));
        }
    }
    return resolved;
}

std::optional<ProtocolError> TemplateRenderer::validateTemplate(const TemplateContent &t)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QSet<QString> seen;
    for (const TemplateVariable &v : t.variables) {
        const QString field = QStringLiteral("variables.") + v.name;
        if (!validName.match(v.name).hasMatch()) {
            return ProtocolError::validation(QStringLiteral("variables"),
                QStringLiteral("'%1' is not a valid variable name (letters, digits, _)").arg(v.name));
        }
        if (seen.contains(v.name))
            return ProtocolError::validation(field, QStringLiteral("variable '%1' is declared twice").arg(v.name));
        seen.insert(v.name);
        if (v.hasDefault() && !matchesType(v.defaultValue, v.type)) {
            return ProtocolError::validation(
                field, QStringLiteral("default of variable '%1' must be %2").arg(v.name, typePhrase(v.type)));
        }
    }
    for (const auto &[name, source] : parts(t)) {
        const mstch::mustache tmpl(source->toStdString());
        if (!tmpl.is_valid())
            return ProtocolError::validation(
                name, name + QStringLiteral(": ") + describeSyntaxError(tmpl.error_message()));
    }
    return std::nullopt;
}

Expected<TemplateRenderer::Rendered> TemplateRenderer::render(
    const TemplateContent &t, const QJsonObject &variables) const
{
    const auto resolved = resolveVariables(t, variables);
    if (!resolved)
        return resolved.error();
    const mstch::data data = toData(resolved.value());

    const auto subject = renderPart(t.subject, data, false, QStringLiteral("subject"));
    if (!subject)
        return subject.error();
    const auto text = renderPart(t.textBody, data, false, QStringLiteral("textBody"));
    if (!text)
        return text.error();
    const auto html = renderPart(t.htmlBody, data, true, QStringLiteral("htmlBody"));
    if (!html)
        return html.error();
    // A line break in a mail header would start a new header.
    return Rendered {subject.value().simplified(), text.value(), html.value()};
}

QStringList TemplateRenderer::referencedVariables(const TemplateContent &t)
{
    QSet<QString> names;
    for (const auto &[name, source] : parts(t)) {
        Q_UNUSED(name)
        const QString &s = *source;
        int depth = 0;
        qsizetype pos = 0;
        while ((pos = s.indexOf(QLatin1String("{{"), pos)) >= 0) {
            const bool triple = s.mid(pos + 2, 1) == QLatin1String("{");
            const QLatin1String close = triple ? QLatin1String("}}}") : QLatin1String("}}");
            const qsizetype start = pos + (triple ? 3 : 2);
            const qsizetype end = s.indexOf(close, start);
            if (end < 0)
                break;
            QString tag = s.mid(start, end - start).trimmed();
            pos = end + close.size();
            const QChar sigil = tag.isEmpty() ? QChar() : tag.at(0);
            if (sigil == QLatin1Char('='))
                break;
            if (sigil == QLatin1Char('!') || sigil == QLatin1Char('>'))
                continue;
            if (sigil == QLatin1Char('/')) {
                depth = std::max(0, depth - 1);
                continue;
            }
            const bool opens = sigil == QLatin1Char('#') || sigil == QLatin1Char('^');
            if (opens || sigil == QLatin1Char('&'))
                tag = tag.mid(1).trimmed();
            if (depth == 0 && !tag.isEmpty() && tag != QLatin1String("."))
                names.insert(tag.section(QLatin1Char('.'), 0, 0));
            if (opens)
                ++depth;
        }
    }
    QStringList out(names.begin(), names.end());
    out.sort();
    return out;
}

} // namespace Tidings::Server::Delivery
