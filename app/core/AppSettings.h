#pragma once

#include <QObject>
#include <QSettings>
#include <QString>

#include <memory>

namespace Tidings::App {

// The tray client's own settings (not the server's preferences), stored with
// QSettings (~/.config/Tidings/tidings.conf). Every setter writes through and emits
// changed() when the value differs, so the toasts, the tray and the preferences
// dialog all follow one source.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
    Q_ENUM(Corner)
    enum class Backend { BuiltIn, Native }; // built-in toast windows, or org.freedesktop.Notifications
    Q_ENUM(Backend)

    // `settings` empty: the application's default QSettings location.
    explicit AppSettings(QObject *parent = nullptr);
    // For tests: an INI file of their own.
    explicit AppSettings(const QString &iniPath, QObject *parent = nullptr);
    ~AppSettings() override;

    // The account the app signs in to silently (the token is in the keychain).
    [[nodiscard]] QString serverUrl() const;
    void setServerUrl(const QString &url);
    [[nodiscard]] QString username() const;
    void setUsername(const QString &username);

    [[nodiscard]] Corner toastCorner() const;
    void setToastCorner(Corner corner);
    // How long a toast of each priority stays, in ms; 0 = until dismissed.
    [[nodiscard]] int durationMs(int priority) const; // Tidings::Priority as int
    void setDurationMs(int priority, int ms);
    [[nodiscard]] bool soundEnabled() const;
    void setSoundEnabled(bool on);
    [[nodiscard]] Backend backend() const;
    void setBackend(Backend backend);
    [[nodiscard]] bool reducedMotion() const;
    void setReducedMotion(bool on);
    // "" = the system language; otherwise a translation shipped with the app ("en", "id").
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] bool startAtLogin() const;
    void setStartAtLogin(bool on);
    // Local Do Not Disturb as DoNotDisturb writes it ("" = off), kept across restarts.
    [[nodiscard]] QString doNotDisturbState() const;
    void setDoNotDisturbState(const QString &state);

    [[nodiscard]] QString fileName() const;

Q_SIGNALS:
    void changed();

private:
    [[nodiscard]] QVariant value(const QString &key, const QVariant &fallback) const;
    void setValue(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Tidings::App
