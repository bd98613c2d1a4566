#pragma once

#include "ApiListModel.h"

namespace Tidings::Admin {

// The templates page's list: GET /api/templates, ordered by name, searched on the
// server (`q` matches name or description) as the user types. Each row is a summary
// with the channels and languages its current version has contents for. Creates
// (a template with an empty default content, to be written in the editor) and
// deletes (soft, on the server: messages it rendered keep their text).
class TemplateListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)

public:
    enum Role {
        TemplateIdRole = Qt::UserRole + 1, // "id" (a name QML delegates cannot declare)
        NameRole,
        TypeRole,
        DescriptionRole,
        TopicRole,
        VersionRole,
        UpdatedAtRole, // QDateTime
        ChannelsRole, // the channels with contents, "default" first
        LocalesRole, // the languages besides the default one ("de", "pt-BR")
        UpdatedTextRole, // updatedAt for people ("5 minutes ago", "12 Mar 2025")
    };
    Q_ENUM(Role)

    explicit TemplateListModel(QObject *parent = nullptr);

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);

    // POST /api/templates; created() with its id, or actionFailed() naming the field.
    Q_INVOKABLE void create(const QString &name, const QString &type, const QString &description);
    // DELETE /api/templates/:id; removed() when done.
    Q_INVOKABLE void remove(const QString &id);
    // Shows a template as the editor saved it (a document of GET /api/templates/:id).
    Q_INVOKABLE void applySaved(const QVariantMap &document);

    // A row's name, or "" when `id` is not listed.
    Q_INVOKABLE QString nameOf(const QString &id) const;

    // "12 minutes ago", "yesterday", or the date; `now` for tests.
    [[nodiscard]] static QString relativeTime(const QDateTime &at, const QDateTime &now);

Q_SIGNALS:
    void searchChanged();
    void created(const QString &id);
    void removed(const QString &id);

protected:
    [[nodiscard]] QString listPath(int page) const override;
    [[nodiscard]] QVariant roleValue(const QJsonObject &item, const QByteArray &role) const override;

private:
    // A document (with `contents`) as a list row (with `variants`).
    [[nodiscard]] static QJsonObject summaryOf(const QJsonObject &document);
    // Where a template named `name` goes in the by-name order.
    [[nodiscard]] int rowFor(const QString &name) const;

    QString m_search;
};

} // namespace Tidings::Admin
