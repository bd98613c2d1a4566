#pragma once

#include "ui/PreferencesPage.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace Tidings::App {

class AppSettings;

// Starting at login (an XDG autostart entry) and the language of the app.
class GeneralPage : public PreferencesPage
{
    Q_OBJECT

public:
    GeneralPage(AppSettings &settings, QWidget *parent = nullptr);

    [[nodiscard]] QCheckBox *startAtLoginBox() const { return m_startAtLogin; }
    [[nodiscard]] QComboBox *languageBox() const { return m_language; }

private:
    void load();

    AppSettings &m_settings;
    QCheckBox *m_startAtLogin;
    QLabel *m_autostartError;
    QComboBox *m_language;
    QLabel *m_restartNote;
    QString m_startLanguage; // what the app runs in now
    bool m_loading = false;
};

} // namespace Tidings::App
