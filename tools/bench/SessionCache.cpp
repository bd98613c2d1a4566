#include "SessionCache.h"

#include "BenchOptions.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace Tidings::Bench {

QString SessionCache::defaultPath(const BenchOptions &options)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        base = QDir::tempPath();
    const QString name = QStringLiteral("sessions-%1-%2-%3.json")
                             .arg(options.server.host())
                             .arg(options.server.port(80))
                             .arg(options.userPrefix);
    return QDir(base).filePath(QStringLiteral("tidings-bench/") + name);
}

QString SessionCache::key(const QString &username, int connection)
{
    return username + QLatin1Char('/') + QString::number(connection);
}

bool SessionCache::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    mergeJson(QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("sessions")).toObject());
    return true;
}

bool SessionCache::save(const QString &path, QString *error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the session cache %1: %2").arg(path, f.errorString());
        return false;
    }
    // Refresh tokens are credentials (of bench users only, but still).
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(QJsonObject {{QStringLiteral("sessions"), toJson()}}).toJson(QJsonDocument::Compact));
    if (!f.commit()) {
        *error = QStringLiteral("cannot write the session cache %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QJsonObject SessionCache::toJson() const
{
    QJsonObject o;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        o.insert(it.key(),
            QJsonObject {
                {QStringLiteral("refreshToken"), it->refreshToken}, {QStringLiteral("deviceId"), it->deviceId}});
    }
    return o;
}

void SessionCache::mergeJson(const QJsonObject &entries)
{
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const QJsonObject e = it.value().toObject();
        const QString token = e.value(QLatin1String("refreshToken")).toString();
        if (!token.isEmpty())
            m_entries.insert(it.key(), {token, e.value(QLatin1String("deviceId")).toString()});
    }
}

} // namespace Tidings::Bench
