#include "BroadcastAudience.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings::Admin {

namespace {

const QString kId = QStringLiteral("id");

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("admin"))
        return BroadcastAudience::tr("Administrators");
    if (role == QLatin1String("publisher"))
        return BroadcastAudience::tr("Publishers");
    return BroadcastAudience::tr("Users");
}

} // namespace

BroadcastAudience::BroadcastAudience(QObject *parent)
    : QObject(parent)
{
    for (auto signal :
        {&BroadcastAudience::kindChanged, &BroadcastAudience::rolesChanged, &BroadcastAudience::topicChanged,
            &BroadcastAudience::recipientsChanged, &BroadcastAudience::excludedChanged})
        connect(this, signal, this, &BroadcastAudience::changed);
}

void BroadcastAudience::setKind(Kind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    Q_EMIT kindChanged();
}

void BroadcastAudience::setRoles(const QStringList &roles)
{
    QStringList sorted;
    // In the server's order, once each, known roles only.
    for (const QVariant &r : availableRoles()) {
        const QString role = r.toMap().value(QStringLiteral("value")).toString();
        if (roles.contains(role))
            sorted << role;
    }
    if (m_roles == sorted)
        return;
    m_roles = sorted;
    Q_EMIT rolesChanged();
}

QVariantList BroadcastAudience::availableRoles()
{
    QVariantList list;
    for (const QString &role : {QStringLiteral("admin"), QStringLiteral("publisher"), QStringLiteral("user")})
        list << QVariantMap {{QStringLiteral("value"), role}, {QStringLiteral("label"), roleLabel(role)}};
    return list;
}

void BroadcastAudience::setRole(const QString &role, bool on)
{
    QStringList roles = m_roles;
    if (on)
        roles << role;
    else
        roles.removeAll(role);
    setRoles(roles);
}

void BroadcastAudience::setTopic(const QString &topic)
{
    if (m_topic == topic)
        return;
    m_topic = topic;
    Q_EMIT topicChanged();
}

bool BroadcastAudience::isComplete() const
{
    switch (m_kind) {
    case Kind::Everyone:
        return true;
    case Kind::Roles:
        return !m_roles.isEmpty();
    case Kind::Topic:
        return !m_topic.trimmed().isEmpty() && !errors().contains(QStringLiteral("topic"));
    case Kind::Users:
        return !m_recipients.isEmpty();
    }
    return false;
}

bool BroadcastAudience::add(QVariantList &list, const QString &id, const QString &username, const QString &displayName)
{
    if (id.isEmpty() || idsOf(list).contains(id))
        return false;
    list << QVariantMap {{kId, id}, {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName.isEmpty() ? username : displayName}};
    return true;
}

bool BroadcastAudience::remove(QVariantList &list, const QString &id)
{
    const int i = int(idsOf(list).indexOf(id));
    if (i < 0)
        return false;
    list.removeAt(i);
    return true;
}

QStringList BroadcastAudience::idsOf(const QVariantList &list)
{
    QStringList ids;
    for (const QVariant &v : list)
        ids << v.toMap().value(kId).toString();
    return ids;
}

void BroadcastAudience::addRecipient(const QString &id, const QString &username, const QString &displayName)
{
    if (remove(m_excluded, id))
        Q_EMIT excludedChanged();
    if (add(m_recipients, id, username, displayName))
        Q_EMIT recipientsChanged();
}

void BroadcastAudience::removeRecipient(const QString &id)
{
    if (remove(m_recipients, id))
        Q_EMIT recipientsChanged();
}

void BroadcastAudience::addExcluded(const QString &id, const QString &username, const QString &displayName)
{
    if (remove(m_recipients, id))
        Q_EMIT recipientsChanged();
    if (add(m_excluded, id, username, displayName))
        Q_EMIT excludedChanged();
}

void BroadcastAudience::removeExcluded(const QString &id)
{
    if (remove(m_excluded, id))
        Q_EMIT excludedChanged();
}

void BroadcastAudience::reset()
{
    setKind(Kind::Everyone);
    setRoles({});
    setTopic({});
    if (!m_recipients.isEmpty()) {
        m_recipients.clear();
        Q_EMIT recipientsChanged();
    }
    if (!m_excluded.isEmpty()) {
        m_excluded.clear();
        Q_EMIT excludedChanged();
    }
}

QJsonObject BroadcastAudience::toJson() const
{
    QJsonObject o;
    switch (m_kind) {
    case Kind::Everyone:
        o.insert(QStringLiteral("broadcast"), true);
        break;
    case Kind::Roles:
        o.insert(QStringLiteral("roles"), QJsonArray::fromStringList(m_roles));
        break;
    case Kind::Topic:
        break;
    case Kind::Users:
        o.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(idsOf(m_recipients)));
        break;
    }
    // With another kind the topic only labels the broadcast.
    if (!m_topic.trimmed().isEmpty())
        o.insert(QStringLiteral("topic"), m_topic.trimmed());
    if (!m_excluded.isEmpty())
        o.insert(QStringLiteral("excludeUsers"), QJsonArray::fromStringList(idsOf(m_excluded)));
    return o;
}

QHash<QString, QString> BroadcastAudience::errors() const
{
    QHash<QString, QString> errors;
    static const QRegularExpression topicName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    const QString topic = m_topic.trimmed();
    if (!topic.isEmpty() && !topicName.match(topic).hasMatch())
        errors.insert(QStringLiteral("topic"), tr("A topic is 1-64 letters, digits, '_' or '-'."));
    switch (m_kind) {
    case Kind::Everyone:
        break;
    case Kind::Roles:
        if (m_roles.isEmpty())
            errors.insert(QStringLiteral("audience"), tr("Choose at least one role."));
        break;
    case Kind::Topic:
        if (topic.isEmpty())
            errors.insert(QStringLiteral("topic"), tr("Enter the topic whose subscribers get the broadcast."));
        break;
    case Kind::Users:
        if (m_recipients.isEmpty())
            errors.insert(QStringLiteral("audience"), tr("Choose at least one user."));
        break;
    }
    return errors;
}

QString BroadcastAudience::describe() const
{
    switch (m_kind) {
    case Kind::Everyone:
        return tr("everyone");
    case Kind::Roles: {
        QStringList labels;
        for (const QString &role : m_roles)
            labels << roleLabel(role);
        return tr("the roles %1").arg(QLocale().createSeparatedList(labels));
    }
    case Kind::Topic:
        return tr("the subscribers of %1").arg(m_topic.trimmed());
    case Kind::Users:
        return tr("%n chosen user(s)", "", int(m_recipients.size()));
    }
    return {};
}

} // namespace Tidings::Admin
