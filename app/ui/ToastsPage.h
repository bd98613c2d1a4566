#pragma once

#include "ui/PreferencesPage.h"

class QCheckBox;
class QComboBox;
class QRadioButton;
class QSpinBox;

namespace Tidings::App {

class AppSettings;

// How this computer shows new notifications: built-in pop-ups or the desktop's
// own, where on the screen, for how long per priority, with sound or not, and
// with or without animation.
class ToastsPage : public PreferencesPage
{
    Q_OBJECT

public:
    ToastsPage(AppSettings &settings, QWidget *parent = nullptr);

private:
    void load();

    AppSettings &m_settings;
    QRadioButton *m_builtIn;
    QRadioButton *m_native;
    QComboBox *m_corner;
    QList<QSpinBox *> m_durations; // low, normal, high, urgent
    QCheckBox *m_sound;
    QCheckBox *m_reducedMotion;
    bool m_loading = false;
};

} // namespace Tidings::App
