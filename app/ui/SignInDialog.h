#pragma once

#include "protocol/ProtocolError.h"

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace Tidings::App {

// The first-run (and after sign-out) sign-in: server URL, username and password.
// It only collects and shows; AppController signs in and reports back with
// setBusy() and showError().
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QString &url);
    void setUsername(const QString &username);
    // While a sign-in runs: fields disabled, a progress bar, "Signing in…".
    void setBusy(bool busy);
    void showError(const Tidings::ProtocolError &error);

    // A sentence for the user from the server's error shape (code, message, field).
    [[nodiscard]] static QString describe(const Tidings::ProtocolError &error, const QString &server = {});

Q_SIGNALS:
    void signInRequested(const QUrl &server, const QString &username, const QString &password);

private:
    void submit();
    void updateButton();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_error;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Tidings::App
