#include "ui/QuietHoursPage.h"

#include "ui/ServerPreferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QScopedValueRollback>
#include <QTimeEdit>
#include <QTimeZone>
#include <QToolButton>

namespace Tidings::App {

QuietHoursPage::QuietHoursPage(ServerPreferences &prefs, QWidget *parent)
    : PreferencesPage(parent)
    , m_prefs(prefs)
    , m_enabled(new QCheckBox(tr("Hold back notifications during quiet hours"), this))
    , m_start(new QTimeEdit(this))
    , m_end(new QTimeEdit(this))
    , m_timezone(new QComboBox(this))
    , m_allowUrgent(new QCheckBox(tr("Let urgent notifications through"), this))
{
    setHeading(tr("Quiet Hours"),
        tr("During quiet hours the server holds back email and push notifications, and this computer shows no "
           "pop-ups. Everything still arrives in the notification center."));
    body()->addWidget(m_enabled);
    QFormLayout *form = addForm();

    const QString format = QLocale().timeFormat(QLocale::ShortFormat);
    for (QTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(format);
        edit->setMinimumWidth(110);
    }
    auto *span = new QHBoxLayout;
    span->setSpacing(8);
    span->addWidget(m_start);
    auto *to = new QLabel(tr("to"), this);
    span->addWidget(to);
    span->addWidget(m_end);
    span->addStretch();
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_start);
    form->addRow(fromLabel, span);
    m_start->setAccessibleName(tr("Quiet hours start"));
    m_end->setAccessibleName(tr("Quiet hours end"));

    auto *days = new QHBoxLayout;
    days->setSpacing(4);
    const QLocale locale;
    // Weeks start where the user's locale starts them.
    const int first = int(locale.firstDayOfWeek());
    m_days.resize(7);
    for (int i = 0; i < 7; ++i) {
        const int day = (first - 1 + i) % 7 + 1;
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setText(locale.dayName(day, QLocale::ShortFormat));
        button->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        button->setToolTip(locale.dayName(day, QLocale::LongFormat));
        button->setMinimumWidth(44);
        button->setFocusPolicy(Qt::StrongFocus);
        // Pills that read as on or off at a glance, in either palette.
        button->setStyleSheet(QStringLiteral(
            "QToolButton { border: 1px solid rgba(127, 127, 127, 0.55); border-radius: 12px; padding: 3px 10px; }"
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); }"
            "QToolButton:focus { border-color: palette(highlight); }"
            "QToolButton:disabled { color: palette(mid); }"));
        m_days[day - 1] = button;
        days->addWidget(button);
        connect(button, &QToolButton::toggled, this, &QuietHoursPage::scheduleCommit);
    }
    days->addStretch();
    form->addRow(tr("On:"), days);

    QList<QByteArray> zones = QTimeZone::availableTimeZoneIds();
    std::sort(zones.begin(), zones.end());
    for (const QByteArray &zone : std::as_const(zones))
        m_timezone->addItem(QString::fromLatin1(zone), QString::fromLatin1(zone));
    m_timezone->setEditable(true);
    m_timezone->setInsertPolicy(QComboBox::NoInsert);
    m_timezone->completer()->setFilterMode(Qt::MatchContains);
    m_timezone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_timezone->setMinimumContentsLength(22);
    auto *zoneLabel = new QLabel(tr("&Time zone:"), this);
    zoneLabel->setBuddy(m_timezone);
    form->addRow(zoneLabel, m_timezone);
    auto *here = new QToolButton(this);
    here->setText(tr("Use This Computer's"));
    here->setToolTip(tr("Use %1").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    connect(here, &QToolButton::clicked, this, [this] {
        m_timezone->setCurrentIndex(m_timezone->findData(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    });
    form->addRow(QString(), here);
    form->addRow(QString(), m_allowUrgent);
    body()->addStretch();

    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(600);
    connect(&m_commitTimer, &QTimer::timeout, this, &QuietHoursPage::commit);
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w : {static_cast<QWidget *>(m_start), static_cast<QWidget *>(m_end),
                 static_cast<QWidget *>(m_timezone), static_cast<QWidget *>(m_allowUrgent)})
            w->setEnabled(on);
        for (QToolButton *b : std::as_const(m_days))
            b->setEnabled(on);
        if (!m_loading)
            commit();
    });
    connect(m_allowUrgent, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            commit();
    });
    for (QTimeEdit *edit : {m_start, m_end}) {
        connect(edit, &QTimeEdit::timeChanged, this, &QuietHoursPage::scheduleCommit);
        connect(edit, &QTimeEdit::editingFinished, this, [this] {
            if (m_commitTimer.isActive())
                commit();
        });
    }
    connect(m_timezone, &QComboBox::currentIndexChanged, this, &QuietHoursPage::scheduleCommit);
    connect(&m_prefs, &ServerPreferences::changed, this, &QuietHoursPage::load);
    load();
}

void QuietHoursPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const QuietHours &q = m_prefs.current().quietHours;
    m_enabled->setChecked(q.enabled);
    m_start->setTime(q.start);
    m_end->setTime(q.end);
    int zone = m_timezone->findData(q.timezone);
    if (zone < 0) {
        m_timezone->addItem(q.timezone, q.timezone);
        zone = m_timezone->count() - 1;
    }
    m_timezone->setCurrentIndex(zone);
    for (int day = 1; day <= 7; ++day)
        m_days[day - 1]->setChecked(q.days.contains(day));
    m_allowUrgent->setChecked(q.allowUrgent);
    for (QWidget *w : findChildren<QWidget *>())
        if (w != m_enabled && !qobject_cast<QLabel *>(w))
            w->setEnabled(q.enabled);
    setEnabled(m_prefs.isLoaded());
    m_commitTimer.stop();
}

void QuietHoursPage::scheduleCommit()
{
    if (!m_loading)
        m_commitTimer.start();
}

QJsonObject QuietHoursPage::toJson() const
{
    QJsonArray days;
    for (int day = 1; day <= 7; ++day)
        if (m_days[day - 1]->isChecked())
            days.append(day);
    return {{QStringLiteral("enabled"), m_enabled->isChecked()},
        {QStringLiteral("start"), m_start->time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("end"), m_end->time().toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("timezone"), m_timezone->currentData().toString()}, {QStringLiteral("days"), days},
        {QStringLiteral("allowUrgent"), m_allowUrgent->isChecked()}};
}

void QuietHoursPage::commit()
{
    m_commitTimer.stop();
    const QJsonObject now = toJson();
    if (now == m_prefs.current().quietHours.toJson())
        return;
    m_prefs.change({{QStringLiteral("quietHours"), now}});
}

} // namespace Tidings::App
