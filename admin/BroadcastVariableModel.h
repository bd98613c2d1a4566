#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// The variables of the template a broadcast is composed from, each with the value
// the admin types for it. Values are text in the model (a boolean is "true" or
// "false") and are sent typed as the template declares them; an empty value is
// left out, so the template's default applies. Errors (the form's or the server's
// `variables.<name>`) are shown next to the variable they name.
class BroadcastVariableModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The broadcast composer owns its variables")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TypeRole,
        RequiredRole,
        DefaultValueRole,
        ValueRole,
        ErrorRole,
    };
    Q_ENUM(Role)

    explicit BroadcastVariableModel(QObject *parent = nullptr);

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void setValue(int row, const QString &value);
    // The value typed for `name`; empty when none or unknown.
    [[nodiscard]] QString value(const QString &name) const;

    // Replaces the rows with a template's `variables` declarations; values typed
    // earlier for variables of the same name are kept.
    void load(const QJsonArray &declarations);
    void clear();

    // The values, typed; a variable that is required and has neither a value nor
    // a default, or whose value does not fit its type, gets its error set and
    // makes this return false.
    bool toJson(QJsonObject *values);
    // Shows `message` at the variable `name` (from the server's field
    // `variables.<name>`); false when there is no such variable.
    bool setError(const QString &name, const QString &message);
    void clearErrors();
    [[nodiscard]] bool hasErrors() const;

Q_SIGNALS:
    void countChanged();
    // A value was typed.
    void valuesChanged();

private:
    struct Variable
    {
        QString name;
        QString type;
        bool required = false;
        QString defaultValue;
        bool hasDefault = false;
        QString value;
        QString error;
    };

    void setRowError(int row, const QString &error);

    QList<Variable> m_rows;
};

} // namespace Tidings::Admin
