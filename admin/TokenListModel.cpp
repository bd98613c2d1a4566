#include "TokenListModel.h"

#include "AdminSession.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings::Admin {

namespace {

constexpr qsizetype MaxName = 100; // the server's limit (AuthService)

QDateTime timeOf(const QJsonObject &item, const QString &key)
{
    return QDateTime::fromString(item.value(key).toString(), Qt::ISODateWithMs);
}

QString shortTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

TokenListModel::TokenListModel(QObject *parent)
    : ApiListModel({"id", "name", "scopes", "topics", "userId", "ownerUsername", "ownerName", "createdAt", "lastUsedAt",
                       "expiresAt", "createdText", "lastUsedText", "expiresText", "expired", "topicsText"},
        parent)
{
    connect(this, &ApiListModel::actionFailed, this, &TokenListModel::setActionError);
}

QString TokenListModel::listPath(int) const
{
    // One page: the server lists every token at once.
    return QStringLiteral("/api/tokens?all=true");
}

QVariant TokenListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    const QJsonObject owner = item.value(QStringLiteral("owner")).toObject();
    if (role == "ownerUsername")
        return owner.value(QStringLiteral("username")).toString();
    if (role == "ownerName") {
        const QString display = owner.value(QStringLiteral("displayName")).toString().trimmed();
        return display.isEmpty() ? owner.value(QStringLiteral("username")).toString() : display;
    }
    if (role == "createdText") {
        const QDateTime at = timeOf(item, QStringLiteral("createdAt"));
        return at.isValid() ? shortTime(at) : QString();
    }
    if (role == "lastUsedText") {
        const QDateTime at = timeOf(item, QStringLiteral("lastUsedAt"));
        return at.isValid() ? shortTime(at) : tr("Never used");
    }
    if (role == "expiresText") {
        const QDateTime at = timeOf(item, QStringLiteral("expiresAt"));
        if (!at.isValid())
            return tr("Never expires");
        return at <= QDateTime::currentDateTimeUtc() ? tr("Expired %1").arg(shortTime(at))
                                                     : tr("Expires %1").arg(shortTime(at));
    }
    if (role == "expired") {
        const QDateTime at = timeOf(item, QStringLiteral("expiresAt"));
        return at.isValid() && at <= QDateTime::currentDateTimeUtc();
    }
    if (role == "topicsText") {
        QStringList topics;
        for (const QJsonValue &v : item.value(QStringLiteral("topics")).toArray())
            topics << v.toString();
        return topics.isEmpty() ? tr("All topics") : topics.join(QLatin1String(", "));
    }
    return ApiListModel::roleValue(item, role);
}

QVariantList TokenListModel::scopeOptions() const
{
    auto option = [](const char *value, const QString &label, const QString &description) {
        return QVariantMap {{QStringLiteral("value"), QLatin1String(value)}, {QStringLiteral("label"), label},
            {QStringLiteral("description"), description}};
    };
    return {
        option("publish", tr("Publish"), tr("Send notifications (as the owner's role allows)")),
        option("read", tr("Read"), tr("Read the owner's notifications and stream")),
        option("admin", tr("Admin"), tr("Everything an admin can do, including tokens and users")),
    };
}

QVariantList TokenListModel::expiryOptions() const
{
    auto option = [](int days, const QString &label) {
        return QVariantMap {{QStringLiteral("days"), days}, {QStringLiteral("label"), label}};
    };
    return {
        option(0, tr("Never")),
        option(7, tr("In 7 days")),
        option(30, tr("In 30 days")),
        option(90, tr("In 90 days")),
        option(365, tr("In a year")),
    };
}

QString TokenListModel::describeError(const ProtocolError &error) const
{
    const QString &field = error.field;
    if (error.code == QLatin1String(ErrorCode::NotFound))
        return tr("This token no longer exists. Reload the list.");
    if (error.code == QLatin1String(ErrorCode::Validation)) {
        if (field == QLatin1String("name"))
            return tr("Give the token a name of at most %n character(s).", nullptr, int(MaxName));
        if (field == QLatin1String("scopes"))
            return tr("Choose at least one scope.");
        if (field == QLatin1String("topics"))
            return tr("Topic patterns have 1 to 64 letters, digits, _, -, * or ?.");
        if (field == QLatin1String("expiresAt"))
            return tr("Choose an expiry in the future.");
    }
    return ApiListModel::describeError(error);
}

bool TokenListModel::create(const QString &name, const QStringList &scopes, const QString &topics, int expiresInDays)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    static const QRegularExpression globPattern(QStringLiteral("^[A-Za-z0-9_*?-]{1,64}$"));
    static const QStringList known {QStringLiteral("publish"), QStringLiteral("read"), QStringLiteral("admin")};
    auto refuse = [this](const QString &field) {
        Q_EMIT actionFailed(describeError(ProtocolError::validation(field, {})), field);
        return false;
    };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxName)
        return refuse(QStringLiteral("name"));
    if (scopes.isEmpty()
        || std::any_of(scopes.begin(), scopes.end(), [](const QString &s) { return !known.contains(s); }))
        return refuse(QStringLiteral("scopes"));
    const QStringList globs = topics.split(separators, Qt::SkipEmptyParts);
    for (const QString &glob : globs) {
        if (!globPattern.match(glob).hasMatch())
            return refuse(QStringLiteral("topics"));
    }
    if (expiresInDays < 0)
        return refuse(QStringLiteral("expiresAt"));

    clearActionError();
    QJsonObject body {
        {QStringLiteral("name"), trimmed},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
        {QStringLiteral("topics"), QJsonArray::fromStringList(globs)},
    };
    if (expiresInDays > 0) {
        const QDateTime at = QDateTime::currentDateTimeUtc().addDays(expiresInDays);
        body.insert(QStringLiteral("expiresAt"), at.toString(Qt::ISODate));
    }
    mutate("POST", QStringLiteral("/api/tokens"), body, [this](const QJsonObject &reply) {
        QJsonObject token = reply;
        const QString secret = token.take(QStringLiteral("token")).toString();
        const QString tokenName = token.value(QStringLiteral("name")).toString();
        upsert(token, count());
        setLastSecret(tokenName, secret);
        Q_EMIT created(token.value(QStringLiteral("id")).toString());
        Q_EMIT actionSucceeded(tr("Created the token %1.").arg(tokenName));
    });
    return true;
}

void TokenListModel::revoke(const QString &id)
{
    clearActionError();
    const int row = indexOf(id);
    const QString name = row >= 0 ? item(row).value(QStringLiteral("name")).toString() : QString();
    mutate("DELETE", QStringLiteral("/api/tokens/") + encode(id), {}, [this, id, name](const QJsonObject &) {
        removeId(id);
        Q_EMIT actionSucceeded(tr("Revoked the token %1. It no longer works.").arg(name));
    });
}

void TokenListModel::dismissSecret()
{
    setLastSecret({}, {});
}

void TokenListModel::clearActionError()
{
    setActionError({}, {});
}

void TokenListModel::setActionError(const QString &message, const QString &field)
{
    if (m_actionError == message && m_actionErrorField == field)
        return;
    m_actionError = message;
    m_actionErrorField = field;
    Q_EMIT actionErrorChanged();
}

void TokenListModel::setLastSecret(const QString &name, const QString &secret)
{
    if (m_lastSecret == secret && m_lastSecretName == name)
        return;
    m_lastSecret = secret;
    m_lastSecretName = name;
    Q_EMIT lastSecretChanged();
}

} // namespace Tidings::Admin
