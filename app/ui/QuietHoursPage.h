#pragma once

#include "ui/PreferencesPage.h"

#include <QTimer>

class QCheckBox;
class QComboBox;
class QTimeEdit;
class QToolButton;

namespace Tidings::App {

class ServerPreferences;

// The server's quiet hours: when they apply (start, end, days, time zone) and
// whether urgent notifications still come through.
class QuietHoursPage : public PreferencesPage
{
    Q_OBJECT

public:
    QuietHoursPage(ServerPreferences &prefs, QWidget *parent = nullptr);

    [[nodiscard]] QCheckBox *enabledBox() const { return m_enabled; }
    [[nodiscard]] QTimeEdit *startEdit() const { return m_start; }
    [[nodiscard]] QTimeEdit *endEdit() const { return m_end; }
    [[nodiscard]] QComboBox *timeZoneBox() const { return m_timezone; }
    [[nodiscard]] QToolButton *dayButton(int isoDay) const { return m_days.value(isoDay - 1); }
    // Sends what the page shows now (otherwise sent shortly after the last edit).
    void commit();

private:
    void load();
    void scheduleCommit();
    [[nodiscard]] QJsonObject toJson() const;

    ServerPreferences &m_prefs;
    QCheckBox *m_enabled;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    QComboBox *m_timezone;
    QList<QToolButton *> m_days;
    QCheckBox *m_allowUrgent;
    QTimer m_commitTimer;
    bool m_loading = false;
};

} // namespace Tidings::App
