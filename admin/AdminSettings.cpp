#include "AdminSettings.h"

#include "core/TranslationLoader.h"

namespace Tidings::Admin {

AdminSettings::AdminSettings(QObject *parent)
    : QObject(parent)
{
}

bool AdminSettings::darkMode() const
{
    return m_settings.value(QStringLiteral("ui/darkMode"), false).toBool();
}

void AdminSettings::setDarkMode(bool dark)
{
    if (dark == darkMode())
        return;
    m_settings.setValue(QStringLiteral("ui/darkMode"), dark);
    Q_EMIT darkModeChanged();
}

QString AdminSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void AdminSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    m_settings.setValue(QStringLiteral("ui/language"), language);
    Q_EMIT languageChanged();
}

QVariantList AdminSettings::languages() const
{
    QVariantList list {QVariantMap {{QStringLiteral("code"), QString()}, {QStringLiteral("name"), tr("System")}}};
    for (const auto &[code, name] : App::TranslationLoader::available())
        list << QVariantMap {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}};
    return list;
}

QString AdminSettings::lastServer() const
{
    return m_settings.value(QStringLiteral("session/server")).toString();
}

QString AdminSettings::lastUsername() const
{
    return m_settings.value(QStringLiteral("session/username")).toString();
}

} // namespace Tidings::Admin
