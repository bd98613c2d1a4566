#include "BroadcastVariableModel.h"

#include <QJsonDocument>
#include <QLocale>

namespace Tidings::Admin {

namespace {

QString textOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

BroadcastVariableModel::BroadcastVariableModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int BroadcastVariableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant BroadcastVariableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Variable &v = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return v.name;
    case TypeRole:
        return v.type;
    case RequiredRole:
        return v.required && !v.hasDefault;
    case DefaultValueRole:
        return v.defaultValue;
    case Qt::EditRole:
    case ValueRole:
        return v.value;
    case ErrorRole:
        return v.error;
    default:
        return {};
    }
}

bool BroadcastVariableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != ValueRole && role != Qt::EditRole))
        return false;
    Variable &v = m_rows[index.row()];
    const QString text = value.toString();
    if (v.value == text)
        return true;
    v.value = text;
    // A new value answers the complaint about the old one.
    v.error.clear();
    Q_EMIT dataChanged(index, index, {ValueRole, Qt::EditRole, ErrorRole});
    Q_EMIT valuesChanged();
    return true;
}

Qt::ItemFlags BroadcastVariableModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QHash<int, QByteArray> BroadcastVariableModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {TypeRole, "type"},
        {RequiredRole, "required"},
        {DefaultValueRole, "defaultValue"},
        {ValueRole, "value"},
        {ErrorRole, "error"},
    };
}

void BroadcastVariableModel::setValue(int row, const QString &value)
{
    setData(index(row), value, ValueRole);
}

QString BroadcastVariableModel::value(const QString &name) const
{
    for (const Variable &v : m_rows) {
        if (v.name == name)
            return v.value;
    }
    return {};
}

void BroadcastVariableModel::load(const QJsonArray &declarations)
{
    QList<Variable> rows;
    for (const QJsonValue &d : declarations) {
        const QJsonObject o = d.toObject();
        Variable v;
        v.name = o.value(QStringLiteral("name")).toString();
        v.type = o.value(QStringLiteral("type")).toString(QStringLiteral("string"));
        v.required = o.value(QStringLiteral("required")).toBool();
        const QJsonValue def = o.value(QStringLiteral("default"));
        v.hasDefault = !def.isNull() && !def.isUndefined();
        v.defaultValue = textOf(def);
        v.value = value(v.name);
        rows << v;
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

void BroadcastVariableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

bool BroadcastVariableModel::toJson(QJsonObject *values)
{
    bool ok = true;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Variable &v = m_rows.at(row);
        const QString text = v.value.trimmed();
        QString error;
        if (text.isEmpty()) {
            if (v.required && !v.hasDefault)
                error = tr("%1 is required.").arg(v.name);
        } else if (v.type == QLatin1String("number")) {
            bool isNumber = false;
            double number = text.toDouble(&isNumber);
            if (!isNumber)
                number = QLocale().toDouble(text, &isNumber);
            if (isNumber)
                values->insert(v.name, number);
            else
                error = tr("%1 must be a number.").arg(v.name);
        } else if (v.type == QLatin1String("boolean")) {
            values->insert(v.name, text == QLatin1String("true"));
        } else {
            values->insert(v.name, v.value);
        }
        setRowError(row, error);
        ok = ok && error.isEmpty();
    }
    return ok;
}

bool BroadcastVariableModel::setError(const QString &name, const QString &message)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name) {
            setRowError(row, message);
            return true;
        }
    }
    return false;
}

void BroadcastVariableModel::clearErrors()
{
    for (int row = 0; row < m_rows.size(); ++row)
        setRowError(row, {});
}

bool BroadcastVariableModel::hasErrors() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Variable &v) { return !v.error.isEmpty(); });
}

void BroadcastVariableModel::setRowError(int row, const QString &error)
{
    if (m_rows.at(row).error == error)
        return;
    m_rows[row].error = error;
    Q_EMIT dataChanged(index(row), index(row), {ErrorRole});
}

} // namespace Tidings::Admin
