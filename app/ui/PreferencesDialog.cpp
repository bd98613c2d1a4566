#include "ui/PreferencesDialog.h"

#include "client/ClientSession.h"
#include "client/NotificationStore.h"
#include "core/AppSettings.h"
#include "models/TopicListModel.h"
#include "ui/AccountPage.h"
#include "ui/DigestPage.h"
#include "ui/GeneralPage.h"
#include "ui/Icons.h"
#include "ui/MessageBanner.h"
#include "ui/QuietHoursPage.h"
#include "ui/ServerPreferences.h"
#include "ui/ToastsPage.h"
#include "ui/TopicsPage.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Tidings::Client;

namespace Tidings::App {

PreferencesDialog::PreferencesDialog(ClientSession &session, AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_settings(settings)
    , m_prefs(std::make_unique<ServerPreferences>(session))
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_banner(new MessageBanner(this))
    , m_status(new QLabel(this))
    , m_account(new AccountPage(session, settings, this))
    , m_topicsPage(new TopicsPage(*m_prefs, this))
    , m_quietHours(new QuietHoursPage(*m_prefs, this))
    , m_general(new GeneralPage(settings, this))
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences — Tidings"));
    setWindowIcon(Icons::get(Icons::General));

    const QList<QPair<Icons::Id, QWidget *>> pages = {
        {Icons::Account, m_account},
        {Icons::Topics, m_topicsPage},
        {Icons::QuietHours, m_quietHours},
        {Icons::Digest, new DigestPage(*m_prefs, this)},
        {Icons::Toasts, new ToastsPage(settings, this)},
        {Icons::General, m_general},
    };
    for (const auto &[icon, page] : pages) {
        m_pages->addWidget(page);
        auto *item = new QListWidgetItem(Icons::get(icon), static_cast<PreferencesPage *>(page)->title(), m_sidebar);
        item->setSizeHint(QSize(0, 36));
    }
    m_sidebar->setAccessibleName(tr("Preference pages"));
    m_sidebar->setIconSize(QSize(18, 18));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFixedWidth(190);
    m_sidebar->setSpacing(1);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->setStyleSheet(
        QStringLiteral("QListWidget { padding: 8px 6px; background: transparent; }"
                       "QListWidget::item { padding: 0px 8px; border-radius: 5px; }"
                       "QListWidget::item:hover:!selected { background: rgba(61, 174, 233, 0.15); }"
                       "QListWidget::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }"));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    QPalette linePalette = separator->palette();
    QColor lineColor = linePalette.color(QPalette::WindowText);
    lineColor.setAlphaF(0.15);
    linePalette.setColor(QPalette::WindowText, lineColor);
    separator->setPalette(linePalette);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    auto *bannerBox = new QHBoxLayout;
    bannerBox->setContentsMargins(20, 12, 20, 0);
    bannerBox->addWidget(m_banner);
    right->addLayout(bannerBox);
    m_banner->setCloseable(true);
    m_banner->hide();
    right->addWidget(m_pages, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Qt ships no Indonesian catalogue of its own: name the button here.
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(24, 8, 16, 14);
    m_status->setObjectName(QStringLiteral("preferencesStatus"));
    footer->addWidget(m_status, 1);
    footer->addWidget(buttons);
    right->addLayout(footer);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(separator);
    layout->addLayout(right, 1);

    connect(m_account, &AccountPage::signOutRequested, this, &PreferencesDialog::signOutRequested);
    connect(m_prefs.get(), &ServerPreferences::refused, this, &PreferencesDialog::showError);
    connect(m_prefs.get(), &ServerPreferences::loadFailed, this, [this](const QString &message) {
        showError(tr("Could not load your server preferences. %1").arg(message));
        m_status->setText(tr("Server preferences are unavailable while offline."));
    });
    connect(m_prefs.get(), &ServerPreferences::loaded, this, [this] { m_status->clear(); });
    connect(m_prefs.get(), &ServerPreferences::saving, this, [this](bool offline) {
        m_banner->hide();
        m_status->setText(offline ? tr("Will be saved when you're back online.") : tr("Saving…"));
    });
    connect(m_prefs.get(), &ServerPreferences::saved, this, [this] { m_status->setText(tr("All changes saved.")); });
    connect(&m_session, &ClientSession::signedInChanged, this, &PreferencesDialog::attachAccount);
    attachAccount();

    m_sidebar->setCurrentRow(0);
    resize(820, 560);
}

PreferencesDialog::~PreferencesDialog()
{
    m_topicsPage->setTopicModel(nullptr);
}

void PreferencesDialog::attachAccount()
{
    if (!m_session.isSignedIn()) {
        m_topicsPage->setTopicModel(nullptr);
        m_topics.reset();
        return;
    }
    if (!m_topics) {
        m_topics = std::make_unique<TopicListModel>(m_session.api(), m_session.badge());
        connect(m_topics.get(), &TopicListModel::requestFailed, this, &PreferencesDialog::showError);
        // The badge dies with the store; the model keeps a guarded pointer to it.
        connect(m_session.store(), &QObject::destroyed, this, [this] {
            m_topicsPage->setTopicModel(nullptr);
            m_topics.reset();
        });
        m_topicsPage->setTopicModel(m_topics.get());
        m_topics->reload();
    }
    m_prefs->reload();
}

void PreferencesDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // Another device may have changed them meanwhile.
    if (m_session.isSignedIn() && !m_prefs->hasPendingChanges()) {
        m_prefs->reload();
        if (m_topics)
            m_topics->reload();
    }
}

void PreferencesDialog::showError(const QString &message)
{
    m_banner->setKind(MessageBanner::Kind::Error);
    m_banner->setText(message);
    m_banner->show();
    m_status->clear();
}

void PreferencesDialog::setCurrentPage(Page page)
{
    m_sidebar->setCurrentRow(int(page));
}

PreferencesDialog::Page PreferencesDialog::currentPage() const
{
    return Page(m_pages->currentIndex());
}

QString PreferencesDialog::statusText() const
{
    return m_status->text();
}

} // namespace Tidings::App
