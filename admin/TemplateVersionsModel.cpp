#include "TemplateVersionsModel.h"

#include "AdminSession.h"
#include "TemplateListModel.h"

#include <QDateTime>

namespace Tidings::Admin {

TemplateVersionsModel::TemplateVersionsModel(QObject *parent)
    : ApiListModel({"version", "createdAt", "createdBy", "variableCount", "current", "createdText", "byMe"}, parent)
{
}

void TemplateVersionsModel::setTemplateId(const QString &id)
{
    if (m_templateId == id)
        return;
    m_templateId = id;
    Q_EMIT templateIdChanged();
    // Another template's versions must not show under this one while loading.
    clear();
    sessionStateChanged(session() && session()->isSignedIn());
}

void TemplateVersionsModel::sessionStateChanged(bool signedIn)
{
    ApiListModel::sessionStateChanged(signedIn && !m_templateId.isEmpty());
}

QString TemplateVersionsModel::listPath(int) const
{
    return QStringLiteral("/api/templates/%1/versions").arg(encode(m_templateId));
}

QVariant TemplateVersionsModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    if (role == "createdAt" || role == "createdText") {
        const QDateTime at
            = QDateTime::fromString(item.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
        if (role == "createdAt")
            return at;
        return TemplateListModel::relativeTime(at, QDateTime::currentDateTimeUtc());
    }
    if (role == "variableCount")
        return int(item.value(QLatin1String("variables")).toArray().size());
    if (role == "current")
        return count() > 0
            && items().constFirst().value(QLatin1String("version")) == item.value(QLatin1String("version"));
    if (role == "byMe")
        return session() && item.value(QLatin1String("createdBy")).toString() == session()->userId();
    return ApiListModel::roleValue(item, role);
}

void TemplateVersionsModel::restore(int version)
{
    if (m_templateId.isEmpty())
        return;
    mutate("POST", QStringLiteral("/api/templates/%1/versions/%2/restore").arg(encode(m_templateId)).arg(version), {},
        [this, version](const QJsonObject &document) {
            Q_EMIT actionSucceeded(tr("Version %1 restored as version %2")
                                       .arg(version)
                                       .arg(document.value(QLatin1String("version")).toInt()));
            Q_EMIT restored(document);
            reload();
        });
}

} // namespace Tidings::Admin
