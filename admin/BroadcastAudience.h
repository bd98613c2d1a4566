#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// Who a broadcast reaches: everyone, some roles, a topic's subscribers or chosen
// users, minus excluded users. Chosen and excluded users are kept as
// {id, username, displayName} so the page can show them as chips; the body sends
// their ids. The composer owns one (`BroadcastComposer.audience`) and asks the
// server for an estimate whenever it changes.
class BroadcastAudience : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The broadcast composer owns its audience")
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
    // Kind Roles: some of "admin", "publisher", "user".
    Q_PROPERTY(QStringList roles READ roles WRITE setRoles NOTIFY rolesChanged)
    // [{value, label}] for the role check boxes.
    Q_PROPERTY(QVariantList availableRoles READ availableRoles CONSTANT)
    // Kind Topic: whose subscribers; with any other kind, the topic the broadcast
    // is filed under (optional).
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY topicChanged)
    // Kind Users: [{id, username, displayName}].
    Q_PROPERTY(QVariantList recipients READ recipients NOTIFY recipientsChanged)
    // Never reached, whatever the kind: [{id, username, displayName}].
    Q_PROPERTY(QVariantList excluded READ excluded NOTIFY excludedChanged)
    // True when the kind has what it needs (a role, a topic, a user).
    Q_PROPERTY(bool complete READ isComplete NOTIFY changed)

public:
    enum class Kind { Everyone, Roles, Topic, Users };
    Q_ENUM(Kind)

    explicit BroadcastAudience(QObject *parent = nullptr);

    [[nodiscard]] Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    [[nodiscard]] QStringList roles() const { return m_roles; }
    void setRoles(const QStringList &roles);
    [[nodiscard]] static QVariantList availableRoles();
    [[nodiscard]] QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    [[nodiscard]] QVariantList recipients() const { return m_recipients; }
    [[nodiscard]] QVariantList excluded() const { return m_excluded; }
    [[nodiscard]] bool isComplete() const;

    Q_INVOKABLE void setRole(const QString &role, bool on);
    // Adds a user to the chosen ones (kind Users) or the excluded ones; a user is
    // never in both lists, so adding to one removes from the other.
    Q_INVOKABLE void addRecipient(const QString &id, const QString &username, const QString &displayName);
    Q_INVOKABLE void removeRecipient(const QString &id);
    Q_INVOKABLE void addExcluded(const QString &id, const QString &username, const QString &displayName);
    Q_INVOKABLE void removeExcluded(const QString &id);
    void reset();

    // The targeting keys of a publish body: recipients | roles | broadcast, topic,
    // excludeUsers.
    [[nodiscard]] QJsonObject toJson() const;
    // Per-field complaints: "audience" (nothing to send to), "topic" -> message.
    [[nodiscard]] QHash<QString, QString> errors() const;
    // "everyone", "the roles admin and user", "the subscribers of orders", "3 chosen users".
    [[nodiscard]] QString describe() const;

Q_SIGNALS:
    void kindChanged();
    void rolesChanged();
    void topicChanged();
    void recipientsChanged();
    void excludedChanged();
    // Anything that changes who is reached.
    void changed();

private:
    static bool add(QVariantList &list, const QString &id, const QString &username, const QString &displayName);
    static bool remove(QVariantList &list, const QString &id);
    [[nodiscard]] static QStringList idsOf(const QVariantList &list);

    Kind m_kind = Kind::Everyone;
    QStringList m_roles;
    QString m_topic;
    QVariantList m_recipients;
    QVariantList m_excluded;
};

} // namespace Tidings::Admin
