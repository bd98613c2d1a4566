#pragma once

#include "ApiListModel.h"

namespace Tidings::Admin {

// A template's versions, newest first (GET /api/templates/:id/versions): the editor
// sets `templateId` and reloads it after every save. restore() saves an old version's
// variables and contents as the newest one (POST .../versions/:n/restore).
class TemplateVersionsModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The template editor owns its versions")
    Q_PROPERTY(QString templateId READ templateId NOTIFY templateIdChanged)

public:
    enum Role {
        VersionRole = Qt::UserRole + 1,
        CreatedAtRole, // QDateTime
        CreatedByRole, // a user id
        VariableCountRole,
        CurrentRole, // the newest, the one in use
        CreatedTextRole, // createdAt for people
        ByMeRole, // created by the signed-in admin
    };
    Q_ENUM(Role)

    explicit TemplateVersionsModel(QObject *parent = nullptr);

    [[nodiscard]] QString templateId() const { return m_templateId; }
    // Shows another template's versions ("" = none).
    void setTemplateId(const QString &id);

    Q_INVOKABLE void restore(int version);

Q_SIGNALS:
    void templateIdChanged();
    // The template as it is after restore(): the document GET /api/templates/:id gives.
    void restored(const QJsonObject &document);

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;
    void sessionStateChanged(bool signedIn) override;

private:
    QString m_templateId;
};

} // namespace Tidings::Admin
