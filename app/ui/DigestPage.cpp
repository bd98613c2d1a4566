#include "ui/DigestPage.h"

#include "ui/ServerPreferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QScopedValueRollback>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Tidings::App {

DigestPage::DigestPage(ServerPreferences &prefs, QWidget *parent)
    : PreferencesPage(parent)
    , m_prefs(prefs)
    , m_enabled(new QCheckBox(tr("Send my email notifications as a digest"), this))
    , m_frequency(new QComboBox(this))
    , m_time(new QTimeEdit(this))
{
    setHeading(tr("Digest"),
        tr("Instead of one email per notification, get a single summary. Urgent notifications are always sent at "
           "once."));
    body()->addWidget(m_enabled);
    QFormLayout *form = addForm();
    m_frequency->addItem(tr("Every hour"), QStringLiteral("hourly"));
    m_frequency->addItem(tr("Every day"), QStringLiteral("daily"));
    m_frequency->addItem(tr("Every week"), QStringLiteral("weekly"));
    auto *frequencyLabel = new QLabel(tr("&How often:"), this);
    frequencyLabel->setBuddy(m_frequency);
    form->addRow(frequencyLabel, m_frequency);
    m_time->setDisplayFormat(QLocale().timeFormat(QLocale::ShortFormat));
    m_time->setMinimumWidth(110);
    auto *timeLabel = new QLabel(tr("&At:"), this);
    timeLabel->setBuddy(m_time);
    form->addRow(timeLabel, m_time);
    form->addRow(QString(), note(tr("Weekly digests are sent on Mondays, in your quiet hours' time zone."), this));
    body()->addStretch();

    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        m_frequency->setEnabled(on);
        m_time->setEnabled(on && m_frequency->currentData() != QLatin1String("hourly"));
        commit();
    });
    connect(m_frequency, &QComboBox::currentIndexChanged, this, [this] {
        m_time->setEnabled(m_enabled->isChecked() && m_frequency->currentData() != QLatin1String("hourly"));
        commit();
    });
    connect(m_time, &QTimeEdit::editingFinished, this, &DigestPage::commit);
    connect(&m_prefs, &ServerPreferences::changed, this, &DigestPage::load);
    load();
}

void DigestPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const Digest &d = m_prefs.current().digest;
    m_enabled->setChecked(d.enabled);
    m_frequency->setCurrentIndex(qMax(0, m_frequency->findData(d.frequency)));
    m_time->setTime(d.time);
    m_frequency->setEnabled(d.enabled);
    m_time->setEnabled(d.enabled && d.frequency != QLatin1String("hourly"));
    setEnabled(m_prefs.isLoaded());
}

void DigestPage::commit()
{
    if (m_loading)
        return;
    const QJsonObject now {{QStringLiteral("enabled"), m_enabled->isChecked()},
        {QStringLiteral("frequency"), m_frequency->currentData().toString()},
        {QStringLiteral("time"), m_time->time().toString(QStringLiteral("HH:mm"))}};
    if (now != m_prefs.current().digest.toJson())
        m_prefs.change({{QStringLiteral("digest"), now}});
}

} // namespace Tidings::App
