#include "ui/SignInDialog.h"

#include "client/ApiClient.h"
#include "ui/TrayIconPainter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tidings::App {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to Tidings"));
    setWindowIcon(TrayIconPainter::icon(TrayIconPainter::State::Online, 0));
    setMinimumWidth(440);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 18);
    layout->setSpacing(14);

    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    auto *logo = new QLabel(this);
    logo->setPixmap(
        QPixmap::fromImage(TrayIconPainter::paint(TrayIconPainter::State::Online, 0, 48, devicePixelRatioF())));
    header->addWidget(logo, 0, Qt::AlignTop);
    auto *intro = new QVBoxLayout;
    intro->setSpacing(2);
    auto *title = new QLabel(tr("Sign in to Tidings"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    intro->addWidget(title);
    auto *subtitle = new QLabel(tr("Use the account your team's Tidings server gave you."), this);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);
    intro->addWidget(subtitle);
    header->addLayout(intro, 1);
    layout->addLayout(header);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(10);
    m_server = new QLineEdit(this);
    m_server->setPlaceholderText(QStringLiteral("https://tidings.example.com"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    form->addRow(tr("&Server:"), m_server);
    m_username = new QLineEdit(this);
    m_username->setAccessibleName(tr("Username"));
    m_username->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    form->addRow(tr("&Username:"), m_username);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAccessibleName(tr("Sign-in error"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #da4453; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setAccessibleName(tr("Signing in"));
    m_progress->hide();
    layout->addWidget(m_progress);

    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_server, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    updateButton();
}

void SignInDialog::setServer(const QString &url)
{
    m_server->setText(url);
    if (!url.isEmpty())
        m_username->setFocus();
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty() && !m_server->text().isEmpty())
        m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_server, m_username, m_password})
        edit->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Signing in…") : tr("&Sign In"));
    if (busy)
        m_error->hide();
    updateButton();
}

void SignInDialog::showError(const ProtocolError &error)
{
    setBusy(false);
    m_error->setText(describe(error, m_server->text().trimmed()));
    m_error->show();
    if (error.code == QLatin1String(ErrorCode::Unauthorized)) {
        m_password->selectAll();
        m_password->setFocus();
    } else if (error.code == QLatin1String(Client::ClientError::Network)) {
        m_server->setFocus();
    }
}

QString SignInDialog::describe(const ProtocolError &error, const QString &server)
{
    const QString code = error.code;
    if (code == QLatin1String(ErrorCode::Unauthorized))
        return tr("The username or password is not right.");
    if (code == QLatin1String(ErrorCode::Forbidden))
        return tr("This account may not sign in: %1").arg(error.message);
    if (code == QLatin1String(ErrorCode::RateLimited))
        return tr("Too many attempts. Wait a minute, then try again.");
    if (code == QLatin1String(Client::ClientError::Network))
        return tr("Could not reach %1. Check the address and your connection.\n(%2)")
            .arg(server.isEmpty() ? tr("the server") : server, error.message);
    if (code == QLatin1String(Client::ClientError::BadResponse))
        return tr("%1 did not answer like a Tidings server. Check the address.")
            .arg(server.isEmpty() ? tr("The server") : server);
    if (code == QLatin1String(ErrorCode::Validation) && !error.field.isEmpty())
        return tr("%1 (%2)").arg(error.message, error.field);
    if (!error.message.isEmpty())
        return error.message;
    return tr("Signing in failed (%1).").arg(code);
}

void SignInDialog::updateButton()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_server->text().trimmed().isEmpty() && !m_username->text().trimmed().isEmpty()
            && !m_password->text().isEmpty());
}

void SignInDialog::submit()
{
    const QUrl server = Client::serverUrlFromText(m_server->text());
    if (server.isEmpty()) {
        m_error->setText(tr("Enter the server's address, like https://tidings.example.com."));
        m_error->show();
        m_server->setFocus();
        return;
    }
    setBusy(true);
    Q_EMIT signInRequested(server, m_username->text().trimmed(), m_password->text());
}

} // namespace Tidings::App
