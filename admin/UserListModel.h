#pragma once

#include "ApiListModel.h"

#include <QVariantList>

namespace Tidings::Admin {

// The server's accounts (GET /api/admin/users), searched as the admin types, and
// what an admin does to them: create, change the role, disable or enable, reset
// the password. A password the server generated (on create or reset) is kept in
// `oneTimePassword` until dismissPassword(): the server shows it only once.
class UserListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    // Matched by the server against usernames, display names and email addresses.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString oneTimePassword READ oneTimePassword NOTIFY oneTimePasswordChanged)
    // Whose password `oneTimePassword` is (a username).
    Q_PROPERTY(QString oneTimePasswordUser READ oneTimePasswordUser NOTIFY oneTimePasswordChanged)
    // The last refused change: a readable message and the field it is about.
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)
    Q_PROPERTY(QString actionErrorField READ actionErrorField NOTIFY actionErrorChanged)
    // [{value: "admin", label: "Admin", description}, ...] for role pickers.
    Q_PROPERTY(QVariantList roleOptions READ roleOptions CONSTANT)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        UsernameRole,
        DisplayNameRole,
        EmailRole,
        RoleRole,
        DisabledRole,
        LocaleRole,
        CreatedAtRole,
        NameRole, // the display name, else the username
        InitialsRole,
        RoleLabelRole,
        IsSelfRole, // the signed-in admin's own account
        CreatedTextRole,
    };
    Q_ENUM(Role)

    explicit UserListModel(QObject *parent = nullptr);

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString oneTimePassword() const { return m_oneTimePassword; }
    [[nodiscard]] QString oneTimePasswordUser() const { return m_oneTimePasswordUser; }
    [[nodiscard]] QString actionError() const { return m_actionError; }
    [[nodiscard]] QString actionErrorField() const { return m_actionErrorField; }
    [[nodiscard]] QVariantList roleOptions() const;

    // Creates an account; an empty password asks the server to generate one (then
    // `oneTimePassword` holds it). False, with actionError set, when a field is
    // wrong before anything is sent.
    Q_INVOKABLE bool create(const QString &username, const QString &displayName, const QString &email,
        const QString &role, const QString &password = {});
    Q_INVOKABLE void setRole(const QString &id, const QString &role);
    // Disabling signs the user out everywhere.
    Q_INVOKABLE void setDisabled(const QString &id, bool disabled);
    // An empty password asks the server to generate one (then `oneTimePassword`).
    Q_INVOKABLE bool resetPassword(const QString &id, const QString &password = {});
    Q_INVOKABLE void dismissPassword();
    Q_INVOKABLE void clearActionError();
    [[nodiscard]] Q_INVOKABLE QString roleLabel(const QString &role) const;

    // What is wrong with a new account's fields: (field, message), or empty.
    [[nodiscard]] static QPair<QString, QString> validate(
        const QString &username, const QString &email, const QString &role, const QString &password);

Q_SIGNALS:
    void searchChanged();
    void oneTimePasswordChanged();
    void actionErrorChanged();
    // The account was created (the create dialog closes on it).
    void created(const QString &id);

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;
    [[nodiscard]] QString describeError(const ProtocolError &error) const override;

private:
    // The notice for a change that was made, given the account's username.
    using Describe = std::function<QString(const QString &username)>;
    void update(const QString &id, const QJsonObject &changes, Describe done);
    void setActionError(const QString &message, const QString &field = {});
    void setOneTimePassword(const QString &user, const QString &password);

    QString m_search;
    QString m_oneTimePassword;
    QString m_oneTimePasswordUser;
    QString m_actionError;
    QString m_actionErrorField;
};

} // namespace Tidings::Admin
