#include "ui/ToastsPage.h"

#include "core/AppSettings.h"
#include "protocol/Priority.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Tidings::App {

namespace {

const QList<Priority> kPriorities = {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent};

} // namespace

ToastsPage::ToastsPage(AppSettings &settings, QWidget *parent)
    : PreferencesPage(parent)
    , m_settings(settings)
    , m_builtIn(new QRadioButton(tr("Tidings pop-ups"), this))
    , m_native(new QRadioButton(tr("The desktop's notifications"), this))
    , m_corner(new QComboBox(this))
    , m_sound(new QCheckBox(tr("Play a sound"), this))
    , m_reducedMotion(new QCheckBox(tr("Reduce motion (no sliding or fading)"), this))
{
    setHeading(tr("Pop-ups"), tr("How new notifications appear on this computer."));
    QFormLayout *form = addForm();

    auto *style = new QVBoxLayout;
    style->setSpacing(4);
    const auto indented = [this](const QString &text) {
        QLabel *label = note(text, this);
        label->setWordWrap(false);
        label->setContentsMargins(24, 0, 0, 6);
        return label;
    };
    style->addWidget(m_builtIn);
    style->addWidget(indented(tr("Stacked in a corner, with actions and a summary for bursts.")));
    style->addWidget(m_native);
    style->addWidget(indented(tr("Shown by Plasma, GNOME Shell or your notification daemon.")));
    auto *group = new QButtonGroup(this);
    group->addButton(m_builtIn);
    group->addButton(m_native);
    form->addRow(tr("Show with:"), style);

    m_corner->addItem(tr("Top left"), int(AppSettings::Corner::TopLeft));
    m_corner->addItem(tr("Top right"), int(AppSettings::Corner::TopRight));
    m_corner->addItem(tr("Bottom left"), int(AppSettings::Corner::BottomLeft));
    m_corner->addItem(tr("Bottom right"), int(AppSettings::Corner::BottomRight));
    auto *cornerLabel = new QLabel(tr("&Position:"), this);
    cornerLabel->setBuddy(m_corner);
    form->addRow(cornerLabel, m_corner);

    auto *durations = new QGridLayout;
    durations->setHorizontalSpacing(10);
    durations->setVerticalSpacing(6);
    const QStringList names = {tr("Low"), tr("Normal"), tr("High"), tr("Urgent")};
    for (int i = 0; i < kPriorities.size(); ++i) {
        auto *spin = new QSpinBox(this);
        spin->setRange(0, 120);
        spin->setSuffix(tr(" s", "seconds"));
        spin->setSpecialValueText(tr("Until dismissed"));
        spin->setMinimumWidth(140);
        spin->setAccessibleName(tr("How long %1 priority pop-ups stay").arg(names.at(i)));
        auto *label = new QLabel(names.at(i), this);
        label->setBuddy(spin);
        durations->addWidget(label, i, 0);
        durations->addWidget(spin, i, 1);
        m_durations.append(spin);
        const int priority = int(kPriorities.at(i));
        connect(spin, &QSpinBox::valueChanged, this, [this, priority](int seconds) {
            if (!m_loading)
                m_settings.setDurationMs(priority, seconds * 1000);
        });
    }
    durations->setColumnStretch(2, 1);
    form->addRow(tr("Stay on screen:"), durations);
    form->addRow(QString(), m_sound);
    form->addRow(QString(), m_reducedMotion);
    body()->addStretch();

    connect(m_native, &QRadioButton::toggled, this, [this](bool native) {
        if (!m_loading)
            m_settings.setBackend(native ? AppSettings::Backend::Native : AppSettings::Backend::BuiltIn);
        m_corner->setEnabled(!native);
    });
    connect(m_corner, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_settings.setToastCorner(AppSettings::Corner(m_corner->currentData().toInt()));
    });
    connect(m_sound, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading)
            m_settings.setSoundEnabled(on);
    });
    connect(m_reducedMotion, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading)
            m_settings.setReducedMotion(on);
    });
    connect(&m_settings, &AppSettings::changed, this, &ToastsPage::load);
    load();
}

void ToastsPage::load()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    const bool native = m_settings.backend() == AppSettings::Backend::Native;
    m_native->setChecked(native);
    m_builtIn->setChecked(!native);
    m_corner->setEnabled(!native);
    m_corner->setCurrentIndex(qMax(0, m_corner->findData(int(m_settings.toastCorner()))));
    for (int i = 0; i < kPriorities.size(); ++i)
        m_durations.at(i)->setValue(m_settings.durationMs(int(kPriorities.at(i))) / 1000);
    m_sound->setChecked(m_settings.soundEnabled());
    m_reducedMotion->setChecked(m_settings.reducedMotion());
}

} // namespace Tidings::App
