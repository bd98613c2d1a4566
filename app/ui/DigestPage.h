#pragma once

#include "ui/PreferencesPage.h"

class QCheckBox;
class QComboBox;
class QTimeEdit;

namespace Tidings::App {

class ServerPreferences;

// The server's digest: collect email notifications into one message an hour, a
// day or a week, sent at a chosen time.
class DigestPage : public PreferencesPage
{
    Q_OBJECT

public:
    DigestPage(ServerPreferences &prefs, QWidget *parent = nullptr);

private:
    void load();
    void commit();

    ServerPreferences &m_prefs;
    QCheckBox *m_enabled;
    QComboBox *m_frequency;
    QTimeEdit *m_time;
    bool m_loading = false;
};

} // namespace Tidings::App
