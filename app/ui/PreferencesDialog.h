#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Tidings::Client {
class ClientSession;
class TopicListModel;
} // namespace Tidings::Client

namespace Tidings::App {

class AccountPage;
class AppSettings;
class GeneralPage;
class MessageBanner;
class QuietHoursPage;
class ServerPreferences;
class TopicsPage;

// The preferences window: a sidebar of pages (Account, Topics, Quiet Hours, Digest,
// Pop-ups, General) in the manner of KDE's and GNOME's settings. Server
// preferences apply as they are changed (no OK button to forget); the app's own
// settings are written through AppSettings at once.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Page { Account, Topics, QuietHours, Digest, Toasts, General };
    Q_ENUM(Page)

    PreferencesDialog(Client::ClientSession &session, AppSettings &settings, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    void setCurrentPage(Page page);
    [[nodiscard]] Page currentPage() const;

    [[nodiscard]] ServerPreferences &serverPreferences() const { return *m_prefs; }
    [[nodiscard]] AccountPage *accountPage() const { return m_account; }
    [[nodiscard]] TopicsPage *topicsPage() const { return m_topicsPage; }
    [[nodiscard]] QuietHoursPage *quietHoursPage() const { return m_quietHours; }
    [[nodiscard]] GeneralPage *generalPage() const { return m_general; }
    [[nodiscard]] MessageBanner *messageBanner() const { return m_banner; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void signOutRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void attachAccount();
    void showError(const QString &message);

    Client::ClientSession &m_session;
    AppSettings &m_settings;
    std::unique_ptr<ServerPreferences> m_prefs;
    std::unique_ptr<Client::TopicListModel> m_topics;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    MessageBanner *m_banner;
    QLabel *m_status;
    AccountPage *m_account;
    TopicsPage *m_topicsPage;
    QuietHoursPage *m_quietHours;
    GeneralPage *m_general;
};

} // namespace Tidings::App
