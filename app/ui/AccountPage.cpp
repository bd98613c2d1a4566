#include "ui/AccountPage.h"

#include "client/ClientSession.h"
#include "core/AppSettings.h"
#include "ui/Icons.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Tidings::Client;

namespace Tidings::App {

AccountPage::AccountPage(ClientSession &session, AppSettings &settings, QWidget *parent)
    : PreferencesPage(parent)
    , m_session(session)
    , m_settings(settings)
    , m_server(new QLabel(this))
    , m_user(new QLabel(this))
    , m_state(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_signOut(new QPushButton(Icons::get(Icons::Account), tr("Sign Out…"), this))
{
    setHeading(tr("Account"), tr("The Tidings server this computer receives notifications from."));
    QFormLayout *form = addForm();
    for (QLabel *l : {m_server, m_user, m_state, m_pending})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Signed in as:"), m_user);
    form->addRow(tr("Connection:"), m_state);
    form->addRow(QString(), m_pending);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signOut);
    buttons->addStretch();
    body()->addSpacing(8);
    body()->addLayout(buttons);
    body()->addWidget(note(tr("Signing out removes this computer's sign-in from the server and the keychain. "
                              "Notifications stay on the server."),
        this));
    body()->addStretch();
    connect(m_signOut, &QPushButton::clicked, this, &AccountPage::signOutRequested);
    connect(&m_session, &ClientSession::stateChanged, this, &AccountPage::update);
    connect(&m_session, &ClientSession::signedInChanged, this, &AccountPage::update);
    connect(&m_session, &ClientSession::pendingOperationsChanged, this, &AccountPage::update);
    update();
}

QString AccountPage::stateText() const
{
    switch (m_session.state()) {
    case Connection::State::Online:
        return tr("Connected");
    case Connection::State::Connecting:
        return tr("Connecting…");
    case Connection::State::Reconnecting:
        return tr("Offline, reconnecting…");
    case Connection::State::Offline:
        return tr("Offline");
    case Connection::State::SignedOut:
        return m_session.connection().lastError().isEmpty()
            ? tr("Signed out")
            : tr("Signed out: %1").arg(m_session.connection().lastError());
    }
    return {};
}

void AccountPage::update()
{
    const QString server = m_session.api().server().toString();
    m_server->setText(server.isEmpty() ? m_settings.serverUrl() : server);
    const QJsonObject user = m_session.api().session().user;
    const QString username = m_session.api().session().username();
    const QString display = user.value(QStringLiteral("displayName")).toString();
    if (!m_session.isSignedIn())
        m_user->setText(tr("Not signed in"));
    else if (!display.isEmpty() && display != username)
        m_user->setText(tr("%1 (%2)", "display name (username)").arg(display, username));
    else
        m_user->setText(username.isEmpty() ? m_settings.username() : username);
    QColor dot;
    switch (m_session.state()) {
    case Connection::State::Online:
        dot = QColor(0x27, 0xae, 0x60);
        break;
    case Connection::State::Connecting:
    case Connection::State::Reconnecting:
        dot = QColor(0xf6, 0x74, 0x00);
        break;
    default:
        dot = QColor(0xda, 0x44, 0x53);
        break;
    }
    m_state->setText(
        QStringLiteral("<span style=\"color:%1\">●</span>&nbsp;%2").arg(dot.name(), stateText().toHtmlEscaped()));
    m_state->setAccessibleName(stateText());
    const int pending = m_session.pendingOperations();
    m_pending->setText(tr("%n change(s) waiting to be sent", nullptr, pending));
    m_pending->setVisible(pending > 0);
    m_signOut->setEnabled(m_session.isSignedIn());
}

} // namespace Tidings::App
