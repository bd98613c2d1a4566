#pragma once

#include "ApiListModel.h"

#include <QHash>
#include <QVariantList>

namespace Tidings::Admin {

// The server's topics as an admin sees them (GET /api/admin/topics): who may read
// and publish (ACLs), how many subscribe, and how repeated messages group. save()
// creates or updates one (PUT /api/admin/topics/:name).
//
// ACL entries are "*" (everyone), "role:<admin|publisher|user>" or "user:<id>".
// An admin may write "user:<username>" (or "@username"): save() looks the name up
// and stores the id, and aclLabel() shows ids as usernames again.
class AdminTopicListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)
    Q_PROPERTY(QString actionErrorField READ actionErrorField NOTIFY actionErrorChanged)
    // busy, or looking up the usernames of a save.
    Q_PROPERTY(bool saving READ isSaving NOTIFY savingChanged)
    // [{value: "off"|"count"|"replace", label, description}]
    Q_PROPERTY(QVariantList groupingOptions READ groupingOptions CONSTANT)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DescriptionRole,
        ReadRole, // the ACL entries as stored
        PublishRole,
        SubscribersRole,
        GroupingModeRole, // count | replace, as stored
        GroupWindowSecRole,
        CreatedAtRole,
        GroupingRole, // off (a window of 0) | count | replace
        GroupingLabelRole,
        ReadLabelsRole, // the entries in words ("Everyone", "Role: Publisher", "@alice")
        PublishLabelsRole,
        GroupWindowTextRole, // "within 5 minutes"; empty when grouping is off
    };
    Q_ENUM(Role)

    static constexpr int DefaultGroupWindowSec = 300;
    static constexpr int MaxGroupWindowSec = 86400;

    explicit AdminTopicListModel(QObject *parent = nullptr);

    [[nodiscard]] QString actionError() const { return m_actionError; }
    [[nodiscard]] QString actionErrorField() const { return m_actionErrorField; }
    [[nodiscard]] bool isSaving() const { return m_resolving > 0 || isBusy(); }
    [[nodiscard]] QVariantList groupingOptions() const;

    // Creates or updates the topic `name`. groupingMode "off" keeps the stored mode
    // with a window of 0. False, with actionError set, when a field is wrong
    // before anything is sent (an unknown username is reported when looked up).
    Q_INVOKABLE bool save(const QString &name, const QString &description, const QStringList &readAcl,
        const QStringList &publishAcl, const QString &groupingMode, int groupWindowSec);
    Q_INVOKABLE void clearActionError();

    // Why `entry` is not an ACL entry, or "" when it is one.
    [[nodiscard]] Q_INVOKABLE static QString aclEntryError(const QString &entry);
    // `entry` as stored: trimmed, "@name" -> "user:name", "everyone" -> "*".
    [[nodiscard]] Q_INVOKABLE static QString normalizedEntry(const QString &entry);
    // The entry in words: "Everyone", "Role: Publisher", "@alice".
    [[nodiscard]] Q_INVOKABLE QString aclLabel(const QString &entry) const;
    [[nodiscard]] Q_INVOKABLE QString groupingLabel(const QString &grouping) const;
    // "within 90 seconds", "within 5 minutes", "within 2 hours".
    [[nodiscard]] Q_INVOKABLE QString groupWindowText(int seconds) const;

Q_SIGNALS:
    void actionErrorChanged();
    void savingChanged();
    // A topic was created or updated (the editor closes on it).
    void saved(const QString &name);
    // Usernames of user:<id> entries became known: labels changed.
    void labelsChanged();

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;
    [[nodiscard]] QString idKey() const override { return QStringLiteral("name"); }
    [[nodiscard]] QString describeError(const ProtocolError &error) const override;

private:
    struct Draft
    {
        QString name;
        QJsonObject body;
        QStringList read;
        QStringList publish;
    };
    void resolveAndSend(std::shared_ptr<Draft> draft);
    void send(const Draft &draft);
    void lookUpUnknownUsers();
    void rememberUser(const QString &id, const QString &username);
    void setActionError(const QString &message, const QString &field = {});
    void setResolving(int delta);

    QString m_actionError;
    QString m_actionErrorField;
    QHash<QString, QString> m_usernames; // user id -> username ("" = no such user)
    QHash<QString, QString> m_ids; // case-folded username -> user id
    QSet<QString> m_asked; // ids looked up already
    int m_resolving = 0;
};

} // namespace Tidings::Admin
