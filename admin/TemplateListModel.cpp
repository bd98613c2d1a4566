#include "TemplateListModel.h"

#include "AdminSession.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings::Admin {

TemplateListModel::TemplateListModel(QObject *parent)
    : ApiListModel({"templateId", "name", "type", "description", "topic", "version", "updatedAt", "channels", "locales",
                       "updatedText"},
        parent)
{
}

void TemplateListModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    scheduleReload();
}

QString TemplateListModel::listPath(int page) const
{
    QString path = QStringLiteral("/api/templates?limit=50&page=%1").arg(page);
    const QString q = m_search.trimmed();
    if (!q.isEmpty())
        path += QStringLiteral("&q=") + encode(q);
    return path;
}

QVariant TemplateListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    if (role == "templateId")
        return item.value(QLatin1String("id")).toString();
    if (role == "updatedAt")
        return QDateTime::fromString(item.value(QLatin1String("updatedAt")).toString(), Qt::ISODateWithMs);
    if (role == "updatedText") {
        const QDateTime at
            = QDateTime::fromString(item.value(QLatin1String("updatedAt")).toString(), Qt::ISODateWithMs);
        return relativeTime(at, QDateTime::currentDateTimeUtc());
    }
    if (role == "channels" || role == "locales") {
        QStringList out;
        const bool channels = role == "channels";
        for (const QJsonValue &v : item.value(QLatin1String("variants")).toArray()) {
            const QString value = v.toObject().value(QLatin1String(channels ? "channel" : "locale")).toString();
            if (!out.contains(value) && (channels || !value.isEmpty()))
                out.append(value);
        }
        // The server keeps contents in the order they were written; "default" always exists.
        if (channels && out.removeAll(QStringLiteral("default")) > 0)
            out.prepend(QStringLiteral("default"));
        return out;
    }
    if (role == "topic")
        return item.value(QLatin1String("topic")).toString();
    return ApiListModel::roleValue(item, role);
}

QString TemplateListModel::relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const qint64 seconds = at.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    const QDate day = at.toLocalTime().date();
    if (day.daysTo(now.toLocalTime().date()) == 1)
        return tr("yesterday");
    return QLocale().toString(day, QLocale::ShortFormat);
}

void TemplateListModel::create(const QString &name, const QString &type, const QString &description)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    const QString n = name.trimmed();
    if (n.isEmpty()) {
        Q_EMIT actionFailed(tr("Give the template a name."), QStringLiteral("name"));
        return;
    }
    if (n.size() > 100 || !shape.match(n).hasMatch()) {
        Q_EMIT actionFailed(
            tr("Use up to 100 letters, digits, _ . or -, starting with a letter or digit."), QStringLiteral("name"));
        return;
    }
    const QJsonObject body {
        {QStringLiteral("name"), n},
        {QStringLiteral("type"), type.trimmed()},
        {QStringLiteral("description"), description.trimmed()},
        // Every template needs a default content; the editor fills it in.
        {QStringLiteral("contents"),
            QJsonArray {QJsonObject {
                {QStringLiteral("channel"), QStringLiteral("default")}, {QStringLiteral("locale"), QString()}}}},
    };
    mutate("POST", QStringLiteral("/api/templates"), body, [this](const QJsonObject &document) {
        const QJsonObject row = summaryOf(document);
        upsert(row, rowFor(row.value(QLatin1String("name")).toString()));
        Q_EMIT actionSucceeded(tr("Template “%1” created").arg(row.value(QLatin1String("name")).toString()));
        Q_EMIT created(row.value(QLatin1String("id")).toString());
    });
}

void TemplateListModel::remove(const QString &id)
{
    const QString name = nameOf(id);
    mutate("DELETE", QStringLiteral("/api/templates/") + encode(id), {}, [this, id, name](const QJsonObject &) {
        removeId(id);
        Q_EMIT actionSucceeded(name.isEmpty() ? tr("Template deleted") : tr("Template “%1” deleted").arg(name));
        Q_EMIT removed(id);
    });
}

void TemplateListModel::applySaved(const QVariantMap &document)
{
    const QJsonObject row = summaryOf(QJsonObject::fromVariantMap(document));
    if (row.value(QLatin1String("id")).toString().isEmpty())
        return;
    upsert(row, rowFor(row.value(QLatin1String("name")).toString()));
}

QString TemplateListModel::nameOf(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QString() : item(row).value(QLatin1String("name")).toString();
}

QJsonObject TemplateListModel::summaryOf(const QJsonObject &document)
{
    QJsonObject row = document;
    if (!row.contains(QLatin1String("variants"))) {
        QJsonArray variants;
        for (const QJsonValue &c : document.value(QLatin1String("contents")).toArray()) {
            const QJsonObject o = c.toObject();
            variants.append(QJsonObject {{QStringLiteral("channel"), o.value(QLatin1String("channel"))},
                {QStringLiteral("locale"), o.value(QLatin1String("locale"))}});
        }
        row.insert(QStringLiteral("variants"), variants);
    }
    row.remove(QStringLiteral("contents"));
    row.remove(QStringLiteral("variables"));
    return row;
}

int TemplateListModel::rowFor(const QString &name) const
{
    int row = 0;
    while (row < count() && item(row).value(QLatin1String("name")).toString() < name)
        ++row;
    return row;
}

} // namespace Tidings::Admin
