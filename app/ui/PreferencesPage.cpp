#include "ui/PreferencesPage.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Tidings::App {

PreferencesPage::PreferencesPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_body(new QVBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(4);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_description->setWordWrap(true);
    QPalette muted = m_description->palette();
    QColor c = muted.color(QPalette::WindowText);
    c.setAlphaF(0.7);
    muted.setColor(QPalette::WindowText, c);
    m_description->setPalette(muted);
    layout->addWidget(m_description);
    layout->addSpacing(14);
    m_body->setSpacing(10);
    layout->addLayout(m_body, 1);
}

void PreferencesPage::setHeading(const QString &title, const QString &description)
{
    m_title->setText(title);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    setAccessibleName(title);
}

QString PreferencesPage::title() const
{
    return m_title->text();
}

QFormLayout *PreferencesPage::addForm()
{
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    m_body->addLayout(form);
    return form;
}

QLabel *PreferencesPage::note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.92);
    label->setFont(f);
    QPalette muted = label->palette();
    QColor c = muted.color(QPalette::WindowText);
    c.setAlphaF(0.65);
    muted.setColor(QPalette::WindowText, c);
    label->setPalette(muted);
    return label;
}

} // namespace Tidings::App
