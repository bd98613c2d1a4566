#include "TemplateVariablesModel.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace Tidings::Admin {

TemplateVariablesModel::TemplateVariablesModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

const QStringList &TemplateVariablesModel::types()
{
    static const QStringList list {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("boolean"),
        QStringLiteral("date"), QStringLiteral("url")};
    return list;
}

int TemplateVariablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TemplateVariablesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case TypeRole:
        return r.type;
    case RequiredRole:
        return r.required;
    case DefaultValueRole:
        return r.defaultValue;
    case SampleRole:
        return r.sample;
    case ErrorRole:
        return r.error;
    default:
        return {};
    }
}

bool TemplateVariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &r = m_rows[index.row()];
    const auto assign = [&](auto &field, auto v) {
        if (field == v)
            return false;
        field = std::move(v);
        return true;
    };
    bool changed = false;
    switch (role) {
    case NameRole:
        changed = assign(r.name, value.toString());
        break;
    case TypeRole: {
        const QString type = value.toString();
        if (!types().contains(type))
            return false;
        changed = assign(r.type, type);
        break;
    }
    case RequiredRole:
        changed = assign(r.required, value.toBool());
        break;
    case DefaultValueRole:
        changed = assign(r.defaultValue, value.toString());
        break;
    case SampleRole:
        if (!assign(r.sample, value.toString()))
            return true;
        Q_EMIT dataChanged(index, index, {SampleRole});
        Q_EMIT sampleEdited();
        return true;
    default:
        return false;
    }
    if (!changed)
        return true;
    // An edited row is judged again on the next save.
    const bool hadError = !r.error.isEmpty();
    r.error.clear();
    Q_EMIT dataChanged(index, index, hadError ? QList<int> {role, ErrorRole} : QList<int> {role});
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags TemplateVariablesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractListModel::flags(index);
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable;
}

QHash<int, QByteArray> TemplateVariablesModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {TypeRole, "type"},
        {RequiredRole, "required"},
        {DefaultValueRole, "defaultValue"},
        {SampleRole, "sample"},
        {ErrorRole, "error"},
    };
}

int TemplateVariablesModel::add()
{
    const int row = count();
    beginInsertRows({}, row, row);
    m_rows.append(Row {});
    endInsertRows();
    Q_EMIT countChanged();
    Q_EMIT edited();
    return row;
}

void TemplateVariablesModel::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    Q_EMIT edited();
}

int TemplateVariablesModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

void TemplateVariablesModel::setDeclarations(const QJsonArray &declarations)
{
    QHash<QString, QString> samples;
    for (const Row &r : std::as_const(m_rows)) {
        if (!r.sample.isEmpty())
            samples.insert(r.name, r.sample);
    }
    QList<Row> rows;
    for (const QJsonValue &v : declarations) {
        const QJsonObject o = v.toObject();
        Row r;
        r.name = o.value(QLatin1String("name")).toString();
        r.type = o.value(QLatin1String("type")).toString(QStringLiteral("string"));
        r.required = o.value(QLatin1String("required")).toBool();
        r.defaultValue = textOf(o.value(QLatin1String("default")));
        r.sample = samples.value(r.name);
        rows.append(r);
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QJsonArray TemplateVariablesModel::declarations(bool skipUnnamed) const
{
    QJsonArray out;
    for (const Row &r : m_rows) {
        if (skipUnnamed && r.name.isEmpty())
            continue;
        QJsonValue defaultValue = QJsonValue::Null;
        if (!r.defaultValue.isEmpty())
            defaultValue = typedValue(r.type, r.defaultValue).value_or(QJsonValue(r.defaultValue));
        out.append(QJsonObject {
            {QStringLiteral("name"), r.name},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("required"), r.required},
            {QStringLiteral("default"), defaultValue},
        });
    }
    return out;
}

QJsonObject TemplateVariablesModel::samples() const
{
    QJsonObject out;
    for (const Row &r : m_rows) {
        if (r.name.isEmpty() || r.sample.isEmpty())
            continue;
        out.insert(r.name, typedValue(r.type, r.sample).value_or(QJsonValue(r.sample)));
    }
    return out;
}

QJsonArray TemplateVariablesModel::snapshot() const
{
    QJsonArray out;
    for (const Row &r : m_rows)
        out.append(QJsonArray {r.name, r.type, r.required, r.defaultValue});
    return out;
}

bool TemplateVariablesModel::validate()
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QSet<QString> seen;
    bool ok = true;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        QString error;
        if (r.name.isEmpty())
            error = tr("Give the variable a name.");
        else if (!validName.match(r.name).hasMatch())
            error = tr("Use letters, digits and _ only, not starting with a digit.");
        else if (seen.contains(r.name))
            error = tr("“%1” is declared twice.").arg(r.name);
        else if (!r.defaultValue.isEmpty() && !typedValue(r.type, r.defaultValue))
            error = r.type == QLatin1String("number") ? tr("The default must be a number.")
                                                      : tr("The default must be true or false.");
        seen.insert(r.name);
        setError(i, error);
        ok = ok && error.isEmpty();
    }
    return ok;
}

void TemplateVariablesModel::setError(int row, const QString &message)
{
    if (row < 0 || row >= count() || m_rows.at(row).error == message)
        return;
    m_rows[row].error = message;
    Q_EMIT dataChanged(index(row), index(row), {ErrorRole});
}

void TemplateVariablesModel::clearErrors()
{
    for (int i = 0; i < m_rows.size(); ++i)
        setError(i, {});
}

std::optional<QJsonValue> TemplateVariablesModel::typedValue(const QString &type, const QString &text)
{
    if (type == QLatin1String("number")) {
        bool ok = false;
        const double d = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(d);
    }
    if (type == QLatin1String("boolean")) {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true"))
            return QJsonValue(true);
        if (t == QLatin1String("false"))
            return QJsonValue(false);
        return std::nullopt;
    }
    // Strings, dates and URLs go as typed; the server judges dates and URLs.
    return QJsonValue(text);
}

QString TemplateVariablesModel::textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QLocale::c().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

} // namespace Tidings::Admin
