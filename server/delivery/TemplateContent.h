#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Tidings::Server::Delivery {

// A variable a notification template declares. Callers supply values as JSON;
// TemplateRenderer checks them against these declarations before rendering.
struct TemplateVariable
{
    enum class Type { String, Number, Boolean, Date, Url };

    QString name;
    Type type = Type::String;
    bool required = false;
    // Used when the caller gives no value (absent or null). Undefined = no default.
    // A variable with a default is never reported missing, even when `required`.
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);

    [[nodiscard]] bool hasDefault() const { return !defaultValue.isUndefined() && !defaultValue.isNull(); }

    // "string" | "number" | "boolean" | "date" | "url"
    [[nodiscard]] static std::optional<Type> typeFromString(const QString &s)
    {
        for (const Type t : {Type::String, Type::Number, Type::Boolean, Type::Date, Type::Url}) {
            if (s == typeToString(t))
                return t;
        }
        return std::nullopt;
    }
    [[nodiscard]] static QString typeToString(Type t)
    {
        switch (t) {
        case Type::String:
            return QStringLiteral("string");
        case Type::Number:
            return QStringLiteral("number");
        case Type::Boolean:
            return QStringLiteral("boolean");
        case Type::Date:
            return QStringLiteral("date");
        case Type::Url:
            return QStringLiteral("url");
        }
        return {};
    }
};

// The three Mustache sources of a template and its declared variables.
struct TemplateContent
{
    QString subject;
    QString textBody;
    QString htmlBody;
    QList<TemplateVariable> variables;
};

} // namespace Tidings::Server::Delivery
