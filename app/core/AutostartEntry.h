#pragma once

#include <QString>
#include <QStringList>

namespace Tidings::App {

// The XDG autostart entry that starts the tray client at login:
// `$XDG_CONFIG_HOME/autostart/tidings.desktop` (~/.config/autostart by default).
// Desktop environments (KDE Plasma, GNOME, Xfce) read that folder, so writing and
// removing the file is all "start at login" needs on Linux.
class AutostartEntry
{
public:
    // `command`: the program and its arguments as the entry's Exec line runs them;
    // empty = this executable with --minimized.
    explicit AutostartEntry(QStringList command = {});

    // The folder the desktop reads autostart entries from.
    [[nodiscard]] static QString directory();
    [[nodiscard]] QString filePath() const;

    // True when the entry exists and is not hidden (a user may have switched it
    // off in the desktop's own settings by writing Hidden=true).
    [[nodiscard]] bool isEnabled() const;
    // Writes or removes the entry; false with `error` set when the folder or file
    // cannot be written.
    bool setEnabled(bool enabled, QString *error = nullptr);

    // The entry's text (Desktop Entry Specification 1.5).
    [[nodiscard]] QString contents() const;
    // One Exec argument quoted as the specification asks.
    [[nodiscard]] static QString quoteArgument(const QString &argument);

private:
    QStringList m_command;
};

} // namespace Tidings::App
