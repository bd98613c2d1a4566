#include "ui/GeneralPage.h"

#include "core/AppSettings.h"
#include "core/AutostartEntry.h"
#include "core/TranslationLoader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace Tidings::App {

GeneralPage::GeneralPage(AppSettings &settings, QWidget *parent)
    : PreferencesPage(parent)
    , m_settings(settings)
    , m_startAtLogin(new QCheckBox(tr("Start Tidings when I log in"), this))
    , m_autostartError(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_restartNote(note(tr("The new language is used the next time Tidings starts."), this))
{
    setHeading(tr("General"), tr("Startup and language."));
    QFormLayout *form = addForm();
    form->addRow(tr("Startup:"), m_startAtLogin);
    m_autostartError->setWordWrap(true);
    m_autostartError->setStyleSheet(QStringLiteral("color: #da4453;"));
    m_autostartError->hide();
    form->addRow(QString(), m_autostartError);

    m_language->addItem(tr("System default"), QString());
    for (const auto &[code, name] : TranslationLoader::available())
        m_language->addItem(name, code);
    m_language->setAccessibleName(tr("Language"));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(QString(), m_restartNote);
    body()->addStretch();
    m_startLanguage = TranslationLoader::pick(m_settings.language());

    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        QString error;
        AutostartEntry entry;
        if (entry.setEnabled(on, &error)) {
            m_settings.setStartAtLogin(on);
            m_autostartError->hide();
        } else {
            m_autostartError->setText(error);
            m_autostartError->show();
            const QSignalBlocker blocker(m_startAtLogin);
            m_startAtLogin->setChecked(entry.isEnabled());
        }
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_settings.setLanguage(m_language->currentData().toString());
        m_restartNote->setVisible(TranslationLoader::pick(m_settings.language()) != m_startLanguage);
    });
    connect(&m_settings, &AppSettings::changed, this, &GeneralPage::load);
    load();
}

void GeneralPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    // The file is the truth: the user may have removed it in the desktop's settings.
    m_startAtLogin->setChecked(AutostartEntry().isEnabled());
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language())));
    m_restartNote->setVisible(TranslationLoader::pick(m_settings.language()) != m_startLanguage);
}

} // namespace Tidings::App
