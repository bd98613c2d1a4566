#include "core/AutostartEntry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace Tidings::App {

AutostartEntry::AutostartEntry(QStringList command)
    : m_command(std::move(command))
{
    if (m_command.isEmpty())
        m_command = {QCoreApplication::applicationFilePath(), QStringLiteral("--minimized")};
}

QString AutostartEntry::directory()
{
    // GenericConfigLocation honours XDG_CONFIG_HOME.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart");
}

QString AutostartEntry::filePath() const
{
    return directory() + QStringLiteral("/tidings.desktop");
}

bool AutostartEntry::isEnabled() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
}

bool AutostartEntry::setEnabled(bool enabled, QString *error)
{
    if (!enabled) {
        if (!QFile::exists(filePath()) || QFile::remove(filePath()))
            return true;
        if (error)
            *error = QCoreApplication::translate("AutostartEntry", "Could not remove %1.").arg(filePath());
        return false;
    }
    if (!QDir().mkpath(directory())) {
        if (error)
            *error = QCoreApplication::translate("AutostartEntry", "Could not create the folder %1.").arg(directory());
        return false;
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(contents().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("AutostartEntry", "Could not write %1: %2")
                         .arg(filePath(), file.errorString());
        return false;
    }
    return true;
}

QString AutostartEntry::quoteArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`=");
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return argument;
    QString quoted = argument;
    // Inside double quotes the specification escapes ", `, $ and \ with a backslash.
    for (const QString &c : {QStringLiteral("\\"), QStringLiteral("\""), QStringLiteral("`"), QStringLiteral("$")})
        quoted.replace(c, QStringLiteral("\\") + c);
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString AutostartEntry::contents() const
{
    QStringList exec;
    for (const QString &argument : m_command)
        exec.append(quoteArgument(argument));
    // A literal % in Exec is written %%; the whole line is also a string value, where
    // a backslash is escaped once more.
    QString execLine = exec.join(QLatin1Char(' '));
    execLine.replace(QStringLiteral("\\"), QStringLiteral("\\\\")).replace(QStringLiteral("%"), QStringLiteral("%%"));
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Tidings\n"
                          "Comment=Notifications from your Tidings server\n"
                          "Exec=%1\n"
                          "Icon=tidings\n"
                          "Terminal=false\n"
                          "Categories=Network;Utility;\n"
                          "X-GNOME-Autostart-enabled=true\n"
                          "X-KDE-autostart-after=panel\n")
        .arg(execLine);
}

} // namespace Tidings::App
