#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Tidings::Admin {

// The variables a template declares, as the editor's table edits them: name, type
// (string, number, boolean, date, url), required and default, plus a sample value per
// variable for the live preview. Defaults and samples are kept as typed and become
// JSON of the declared type when sent (declarations(), samples()). QML edits rows by
// assigning to the roles (`model.name = text`); edited() or sampleEdited() follow.
class TemplateVariablesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The template editor owns its variables")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TypeRole,
        RequiredRole,
        DefaultValueRole,
        SampleRole,
        ErrorRole, // why the row is refused ("" when fine)
    };
    Q_ENUM(Role)

    explicit TemplateVariablesModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_rows.size()); }

    // Appends an empty string variable; its row.
    Q_INVOKABLE int add();
    Q_INVOKABLE void remove(int row);
    // The row declaring `name`, or -1.
    Q_INVOKABLE int rowOf(const QString &name) const;

    // string, number, boolean, date, url
    [[nodiscard]] static const QStringList &types();

    // Replaces the rows with [{name, type, required, default}] as the server sends them,
    // keeping the samples of names that are still declared.
    void setDeclarations(const QJsonArray &declarations);
    // The rows as the server takes them. Rows without a name are left out when
    // `skipUnnamed` (a row being typed must not break the preview).
    [[nodiscard]] QJsonArray declarations(bool skipUnnamed = false) const;
    // The samples that are filled in, each as a value of its variable's type when it
    // reads as one (otherwise as typed, for the server to name the mismatch).
    [[nodiscard]] QJsonObject samples() const;
    // What the save compares: the rows as typed, samples left out.
    [[nodiscard]] QJsonArray snapshot() const;

    // Checks names (present, letters, digits and _, not starting with a digit, unique)
    // and defaults (of the declared type); marks the rows it refuses. True when fine.
    bool validate();
    void setError(int row, const QString &message);
    void clearErrors();

Q_SIGNALS:
    void countChanged();
    // A declaration changed (name, type, required, default, a row added or removed).
    void edited();
    // Only a sample value changed.
    void sampleEdited();

private:
    struct Row
    {
        QString name;
        QString type = QStringLiteral("string");
        bool required = false;
        QString defaultValue; // as typed; "" = no default
        QString sample; // as typed; "" = not given
        QString error;
    };

    // `text` as a JSON value of `type`; nullopt when it does not read as one.
    [[nodiscard]] static std::optional<QJsonValue> typedValue(const QString &type, const QString &text);
    // The text a JSON value of a declaration shows as.
    [[nodiscard]] static QString textOf(const QJsonValue &value);

    QList<Row> m_rows;
};

} // namespace Tidings::Admin
