#include "core/AppSettings.h"

#include "protocol/Priority.h"

namespace Tidings::App {

namespace {

QString durationKey(int priority)
{
    return QStringLiteral("toasts/duration/") + priorityToString(Priority(priority));
}

int defaultDurationMs(int priority)
{
    switch (Priority(priority)) {
    case Priority::Low:
        return 3000;
    case Priority::Normal:
        return 5000;
    case Priority::High:
        return 7000;
    case Priority::Urgent:
        return 0;
    }
    return 5000;
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void AppSettings::setValue(const QString &key, const QVariant &value)
{
    if (m_settings->contains(key) && m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    m_settings->sync();
    Q_EMIT changed();
}

QString AppSettings::serverUrl() const
{
    return value(QStringLiteral("account/server"), {}).toString();
}

void AppSettings::setServerUrl(const QString &url)
{
    setValue(QStringLiteral("account/server"), url);
}

QString AppSettings::username() const
{
    return value(QStringLiteral("account/username"), {}).toString();
}

void AppSettings::setUsername(const QString &username)
{
    setValue(QStringLiteral("account/username"), username);
}

AppSettings::Corner AppSettings::toastCorner() const
{
    const int c = value(QStringLiteral("toasts/corner"), int(Corner::BottomRight)).toInt();
    return c >= int(Corner::TopLeft) && c <= int(Corner::BottomRight) ? Corner(c) : Corner::BottomRight;
}

void AppSettings::setToastCorner(Corner corner)
{
    setValue(QStringLiteral("toasts/corner"), int(corner));
}

int AppSettings::durationMs(int priority) const
{
    const int ms = value(durationKey(priority), defaultDurationMs(priority)).toInt();
    return ms < 0 ? defaultDurationMs(priority) : ms;
}

void AppSettings::setDurationMs(int priority, int ms)
{
    setValue(durationKey(priority), qMax(0, ms));
}

bool AppSettings::soundEnabled() const
{
    return value(QStringLiteral("toasts/sound"), true).toBool();
}

void AppSettings::setSoundEnabled(bool on)
{
    setValue(QStringLiteral("toasts/sound"), on);
}

AppSettings::Backend AppSettings::backend() const
{
    return value(QStringLiteral("toasts/backend"), QStringLiteral("builtin")).toString() == QLatin1String("native")
        ? Backend::Native
        : Backend::BuiltIn;
}

void AppSettings::setBackend(Backend backend)
{
    setValue(QStringLiteral("toasts/backend"),
        backend == Backend::Native ? QStringLiteral("native") : QStringLiteral("builtin"));
}

bool AppSettings::reducedMotion() const
{
    return value(QStringLiteral("toasts/reducedMotion"), false).toBool();
}

void AppSettings::setReducedMotion(bool on)
{
    setValue(QStringLiteral("toasts/reducedMotion"), on);
}

QString AppSettings::language() const
{
    return value(QStringLiteral("general/language"), QString()).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    setValue(QStringLiteral("general/language"), language);
}

bool AppSettings::startAtLogin() const
{
    return value(QStringLiteral("general/startAtLogin"), false).toBool();
}

void AppSettings::setStartAtLogin(bool on)
{
    setValue(QStringLiteral("general/startAtLogin"), on);
}

QString AppSettings::doNotDisturbState() const
{
    return value(QStringLiteral("general/doNotDisturb"), QString()).toString();
}

void AppSettings::setDoNotDisturbState(const QString &state)
{
    setValue(QStringLiteral("general/doNotDisturb"), state);
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace Tidings::App
