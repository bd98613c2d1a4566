#pragma once

#include "ApiListModel.h"

#include <QVariantList>

namespace Tidings::Admin {

// Every user's API tokens (GET /api/tokens?all=true) with their owners, and the
// admin's own new ones. A new token's secret is shown once: it stays in
// `lastSecret` until dismissSecret(), and nothing can fetch it again.
class TokenListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString lastSecret READ lastSecret NOTIFY lastSecretChanged)
    // The name of the token `lastSecret` belongs to.
    Q_PROPERTY(QString lastSecretName READ lastSecretName NOTIFY lastSecretChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionErrorChanged)
    Q_PROPERTY(QString actionErrorField READ actionErrorField NOTIFY actionErrorChanged)
    // [{value: "publish", label, description}, ...]
    Q_PROPERTY(QVariantList scopeOptions READ scopeOptions CONSTANT)
    // [{days: 0, label: "Never"}, {days: 30, label: "In 30 days"}, ...]
    Q_PROPERTY(QVariantList expiryOptions READ expiryOptions CONSTANT)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ScopesRole,
        TopicsRole,
        UserIdRole,
        OwnerUsernameRole,
        OwnerNameRole, // the owner's display name, else their username
        CreatedAtRole,
        LastUsedAtRole,
        ExpiresAtRole,
        CreatedTextRole,
        LastUsedTextRole,
        ExpiresTextRole,
        ExpiredRole,
        TopicsTextRole,
    };
    Q_ENUM(Role)

    explicit TokenListModel(QObject *parent = nullptr);

    [[nodiscard]] QString lastSecret() const { return m_lastSecret; }
    [[nodiscard]] QString lastSecretName() const { return m_lastSecretName; }
    [[nodiscard]] QString actionError() const { return m_actionError; }
    [[nodiscard]] QString actionErrorField() const { return m_actionErrorField; }
    [[nodiscard]] QVariantList scopeOptions() const;
    [[nodiscard]] QVariantList expiryOptions() const;

    // Creates a token owned by the signed-in admin. `topics`: topic patterns
    // separated by commas or spaces (empty = every topic); `expiresInDays` 0 =
    // never. False, with actionError set, when a field is wrong before sending.
    Q_INVOKABLE bool create(
        const QString &name, const QStringList &scopes, const QString &topics = {}, int expiresInDays = 0);
    // Deletes the token: it stops working at once.
    Q_INVOKABLE void revoke(const QString &id);
    Q_INVOKABLE void dismissSecret();
    Q_INVOKABLE void clearActionError();

Q_SIGNALS:
    void lastSecretChanged();
    void actionErrorChanged();
    void created(const QString &id);

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;
    [[nodiscard]] QString describeError(const ProtocolError &error) const override;

private:
    void setActionError(const QString &message, const QString &field = {});
    void setLastSecret(const QString &name, const QString &secret);

    QString m_lastSecret;
    QString m_lastSecretName;
    QString m_actionError;
    QString m_actionErrorField;
};

} // namespace Tidings::Admin
