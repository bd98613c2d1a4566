#include "UserListModel.h"

#include "AdminSession.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings::Admin {

namespace {

constexpr int PageSize = 50;
constexpr qsizetype MinPassword = 8; // the server's limits (AuthService)
constexpr qsizetype MaxPassword = 1024;
constexpr qsizetype MaxDisplayName = 100;

const QStringList &userRoles()
{
    static const QStringList roles {QStringLiteral("admin"), QStringLiteral("publisher"), QStringLiteral("user")};
    return roles;
}

QString initialsOf(const QJsonObject &user)
{
    const QString display = user.value(QStringLiteral("displayName")).toString().simplified();
    QString out;
    if (!display.isEmpty()) {
        const QStringList words = display.split(QLatin1Char(' '));
        out += words.constFirst().left(1);
        if (words.size() > 1)
            out += words.constLast().left(1);
    } else {
        out = user.value(QStringLiteral("username")).toString().left(2);
    }
    return out.toUpper();
}

} // namespace

UserListModel::UserListModel(QObject *parent)
    : ApiListModel({"id", "username", "displayName", "email", "role", "disabled", "locale", "createdAt", "name",
                       "initials", "roleLabel", "isSelf", "createdText"},
        parent)
{
    connect(this, &ApiListModel::actionFailed, this, &UserListModel::setActionError);
}

void UserListModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    scheduleReload();
}

QString UserListModel::listPath(int page) const
{
    QString path = QStringLiteral("/api/admin/users?page=%1&limit=%2").arg(page).arg(PageSize);
    const QString q = m_search.trimmed();
    if (!q.isEmpty())
        path += QStringLiteral("&q=") + encode(q);
    return path;
}

QVariant UserListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    if (role == "name") {
        const QString display = item.value(QStringLiteral("displayName")).toString().trimmed();
        return display.isEmpty() ? item.value(QStringLiteral("username")).toString() : display;
    }
    if (role == "initials")
        return initialsOf(item);
    if (role == "roleLabel")
        return roleLabel(item.value(QStringLiteral("role")).toString());
    if (role == "isSelf")
        return session() && !session()->userId().isEmpty()
            && item.value(QStringLiteral("id")).toString() == session()->userId();
    if (role == "createdText") {
        const QDateTime at
            = QDateTime::fromString(item.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat) : QString();
    }
    return ApiListModel::roleValue(item, role);
}

QVariantList UserListModel::roleOptions() const
{
    return {
        QVariantMap {{QStringLiteral("value"), QStringLiteral("user")},
            {QStringLiteral("label"), roleLabel(QStringLiteral("user"))},
            {QStringLiteral("description"), tr("Reads and manages their own notifications")}},
        QVariantMap {{QStringLiteral("value"), QStringLiteral("publisher")},
            {QStringLiteral("label"), roleLabel(QStringLiteral("publisher"))},
            {QStringLiteral("description"), tr("Also sends notifications to users, roles and everyone")}},
        QVariantMap {{QStringLiteral("value"), QStringLiteral("admin")},
            {QStringLiteral("label"), roleLabel(QStringLiteral("admin"))},
            {QStringLiteral("description"), tr("Everything, including this console")}},
    };
}

QString UserListModel::roleLabel(const QString &role) const
{
    if (role == QLatin1String("admin"))
        return tr("Admin");
    if (role == QLatin1String("publisher"))
        return tr("Publisher");
    if (role == QLatin1String("user"))
        return tr("User");
    return role;
}

QPair<QString, QString> UserListModel::validate(
    const QString &username, const QString &email, const QString &role, const QString &password)
{
    static const QRegularExpression usernamePattern(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (username.trimmed().isEmpty())
        return {QStringLiteral("username"), tr("Enter a username.")};
    if (!usernamePattern.match(username.trimmed()).hasMatch())
        return {
            QStringLiteral("username"), tr("A username has 2 to 64 letters, digits, dots, underscores or hyphens.")};
    const QString e = email.trimmed();
    if (!e.isEmpty()
        && (!e.contains(QLatin1Char('@')) || e.startsWith(QLatin1Char('@')) || e.endsWith(QLatin1Char('@'))))
        return {QStringLiteral("email"), tr("Enter an email address such as ada@example.org, or leave it empty.")};
    if (!userRoles().contains(role))
        return {QStringLiteral("role"), tr("Choose a role.")};
    if (!password.isEmpty() && (password.size() < MinPassword || password.size() > MaxPassword))
        return {QStringLiteral("password"),
            tr("A password has %1 to %2 characters. Leave it empty to have one generated.")
                .arg(MinPassword)
                .arg(MaxPassword)};
    return {};
}

QString UserListModel::describeError(const ProtocolError &error) const
{
    const QString &code = error.code;
    const QString &field = error.field;
    if (code == QLatin1String(ErrorCode::Conflict)) {
        if (field == QLatin1String("username"))
            return tr("That username is taken. Choose another.");
        // The only other conflict: an admin changing their own account.
        return tr("You cannot demote or disable your own account. Another admin has to do that.");
    }
    if (code == QLatin1String(ErrorCode::NotFound))
        return tr("This user no longer exists. Reload the list.");
    if (code == QLatin1String(ErrorCode::Validation)) {
        if (field == QLatin1String("username"))
            return tr("A username has 2 to 64 letters, digits, dots, underscores or hyphens.");
        if (field == QLatin1String("password"))
            return tr("A password has %1 to %2 characters.").arg(MinPassword).arg(MaxPassword);
        if (field == QLatin1String("email"))
            return tr("Enter an email address such as ada@example.org, or leave it empty.");
        if (field == QLatin1String("displayName"))
            return tr("A display name has at most %n character(s).", nullptr, int(MaxDisplayName));
    }
    return ApiListModel::describeError(error);
}

bool UserListModel::create(const QString &username, const QString &displayName, const QString &email,
    const QString &role, const QString &password)
{
    const auto [field, message] = validate(username, email, role, password);
    if (field.isEmpty() && displayName.trimmed().size() > MaxDisplayName) {
        Q_EMIT actionFailed(
            describeError(ProtocolError::validation(QStringLiteral("displayName"), {})), QStringLiteral("displayName"));
        return false;
    }
    if (!field.isEmpty()) {
        Q_EMIT actionFailed(message, field);
        return false;
    }
    clearActionError();
    QJsonObject body {
        {QStringLiteral("username"), username.trimmed()},
        {QStringLiteral("displayName"), displayName.trimmed()},
        {QStringLiteral("email"), email.trimmed()},
        {QStringLiteral("role"), role},
    };
    if (!password.isEmpty())
        body.insert(QStringLiteral("password"), password);
    mutate("POST", QStringLiteral("/api/admin/users"), body, [this](const QJsonObject &reply) {
        QJsonObject user = reply;
        const QString generated = user.take(QStringLiteral("password")).toString();
        const QString name = user.value(QStringLiteral("username")).toString();
        upsert(user, 0);
        if (!generated.isEmpty())
            setOneTimePassword(name, generated);
        Q_EMIT created(user.value(QStringLiteral("id")).toString());
        Q_EMIT actionSucceeded(tr("Created the account %1.").arg(name));
    });
    return true;
}

void UserListModel::update(const QString &id, const QJsonObject &changes, Describe done)
{
    clearActionError();
    mutate("PATCH", QStringLiteral("/api/admin/users/") + encode(id), changes,
        [this, done = std::move(done)](const QJsonObject &reply) {
            upsert(reply);
            Q_EMIT actionSucceeded(done(reply.value(QStringLiteral("username")).toString()));
        });
}

void UserListModel::setRole(const QString &id, const QString &role)
{
    if (!userRoles().contains(role)) {
        Q_EMIT actionFailed(tr("Choose a role."), QStringLiteral("role"));
        return;
    }
    const QString label = roleLabel(role);
    update(id, {{QStringLiteral("role"), role}},
        [label](const QString &username) { return tr("%1 is now: %2.").arg(username, label); });
}

void UserListModel::setDisabled(const QString &id, bool disabled)
{
    update(id, {{QStringLiteral("disabled"), disabled}}, [disabled](const QString &username) {
        return disabled ? tr("Disabled %1 and signed them out everywhere.").arg(username)
                        : tr("Enabled %1.").arg(username);
    });
}

bool UserListModel::resetPassword(const QString &id, const QString &password)
{
    if (!password.isEmpty() && (password.size() < MinPassword || password.size() > MaxPassword)) {
        Q_EMIT actionFailed(
            tr("A password has %1 to %2 characters.").arg(MinPassword).arg(MaxPassword), QStringLiteral("password"));
        return false;
    }
    clearActionError();
    const int row = indexOf(id);
    const QString username = row >= 0 ? item(row).value(QStringLiteral("username")).toString() : QString();
    QJsonObject body;
    if (!password.isEmpty())
        body.insert(QStringLiteral("password"), password);
    mutate("POST", QStringLiteral("/api/admin/users/%1/reset-password").arg(encode(id)), body,
        [this, username](const QJsonObject &reply) {
            const QString generated = reply.value(QStringLiteral("password")).toString();
            if (!generated.isEmpty())
                setOneTimePassword(username, generated);
            Q_EMIT actionSucceeded(tr("Reset the password of %1 and signed them out everywhere.").arg(username));
        });
    return true;
}

void UserListModel::dismissPassword()
{
    setOneTimePassword({}, {});
}

void UserListModel::clearActionError()
{
    setActionError({}, {});
}

void UserListModel::setActionError(const QString &message, const QString &field)
{
    if (m_actionError == message && m_actionErrorField == field)
        return;
    m_actionError = message;
    m_actionErrorField = field;
    Q_EMIT actionErrorChanged();
}

void UserListModel::setOneTimePassword(const QString &user, const QString &password)
{
    if (m_oneTimePassword == password && m_oneTimePasswordUser == user)
        return;
    m_oneTimePassword = password;
    m_oneTimePasswordUser = user;
    Q_EMIT oneTimePasswordChanged();
}

} // namespace Tidings::Admin
