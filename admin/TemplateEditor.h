#pragma once

#include "ApiObject.h"
#include "TemplateVariablesModel.h"
#include "TemplateVersionsModel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

namespace Tidings::Admin {

// The template editor's backend: one template (`templateId`) as a draft the page edits
// -- its name, type, description and topic; its contents per (channel, locale), one
// "variant" at a time; its variables -- saved as a new version with save(). The draft
// is checked here before it is sent, and the server's refusals land on the field or
// the variable they name (`fieldErrors`, the variables' `error` role, the variants'
// `hasError`). Every change of the contents, the variables or the sample values asks
// the server for a preview of the draft, debounced (`previewSubject`, `previewText`,
// `previewHtml`, or `previewError` with the variable it is about).
class TemplateEditor : public ApiObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString templateId READ templateId WRITE setTemplateId NOTIFY templateIdChanged)
    // A template is loaded (false while none is chosen, and before the first answer).
    Q_PROPERTY(bool hasTemplate READ hasTemplate NOTIFY loadedChanged)
    Q_PROPERTY(int version READ version NOTIFY loadedChanged)
    Q_PROPERTY(QDateTime updatedAt READ updatedAt NOTIFY loadedChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY draftChanged)
    Q_PROPERTY(QString type READ type WRITE setType NOTIFY draftChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY draftChanged)
    Q_PROPERTY(QString topic READ topic WRITE setTopic NOTIFY draftChanged)
    // [{channel, locale, label, removable, hasError}] in the order they are saved;
    // the first is always (default, "").
    Q_PROPERTY(QVariantList variants READ variants NOTIFY variantsChanged)
    Q_PROPERTY(int currentVariant READ currentVariant WRITE setCurrentVariant NOTIFY currentVariantChanged)
    Q_PROPERTY(QString currentChannel READ currentChannel NOTIFY currentVariantChanged)
    Q_PROPERTY(QString currentLocale READ currentLocale NOTIFY currentVariantChanged)
    // The current variant's parts.
    Q_PROPERTY(QString subject READ subject WRITE setSubject NOTIFY contentChanged)
    Q_PROPERTY(QString textBody READ textBody WRITE setTextBody NOTIFY contentChanged)
    Q_PROPERTY(QString htmlBody READ htmlBody WRITE setHtmlBody NOTIFY contentChanged)
    Q_PROPERTY(Tidings::Admin::TemplateVariablesModel *variables READ variables CONSTANT)
    Q_PROPERTY(Tidings::Admin::TemplateVersionsModel *versions READ versions CONSTANT)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY dirtyChanged)
    // What is wrong, by field: name, type, description, topic, variables, contents,
    // variant (adding one), and subject, textBody, htmlBody of the current variant.
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY fieldErrorsChanged)
    Q_PROPERTY(QStringList channels READ channels CONSTANT)
    Q_PROPERTY(QStringList variableTypes READ variableTypes CONSTANT)

    Q_PROPERTY(QString previewSubject READ previewSubject NOTIFY previewChanged)
    Q_PROPERTY(QString previewText READ previewText NOTIFY previewChanged)
    Q_PROPERTY(QString previewHtml READ previewHtml NOTIFY previewChanged)
    // The content the server rendered (the current variant's, or what it falls back to).
    Q_PROPERTY(QString previewChannel READ previewChannel NOTIFY previewChanged)
    Q_PROPERTY(QString previewLocale READ previewLocale NOTIFY previewChanged)
    Q_PROPERTY(QString previewError READ previewError NOTIFY previewChanged)
    // The variable the preview error is about ("" when it is about something else).
    Q_PROPERTY(QString previewErrorVariable READ previewErrorVariable NOTIFY previewChanged)
    // The preview error is about a sample value (missing or not of its variable's
    // type), not about the template: the page asks for a value rather than alarm.
    Q_PROPERTY(bool previewWantsSample READ previewWantsSample NOTIFY previewChanged)
    // The current variant's part the preview error is about (subject, textBody, htmlBody).
    Q_PROPERTY(QString previewErrorPart READ previewErrorPart NOTIFY previewChanged)
    // A preview is waiting for its debounce or the server.
    Q_PROPERTY(bool previewPending READ isPreviewPending NOTIFY previewPendingChanged)

public:
    explicit TemplateEditor(QObject *parent = nullptr);
    ~TemplateEditor() override;

    [[nodiscard]] QString templateId() const { return m_templateId; }
    void setTemplateId(const QString &id);
    [[nodiscard]] bool hasTemplate() const { return !m_loaded.isEmpty(); }
    [[nodiscard]] int version() const;
    [[nodiscard]] QDateTime updatedAt() const;

    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString type() const { return m_type; }
    void setType(const QString &type);
    [[nodiscard]] QString description() const { return m_description; }
    void setDescription(const QString &description);
    [[nodiscard]] QString topic() const { return m_topic; }
    void setTopic(const QString &topic);

    [[nodiscard]] QVariantList variants() const;
    [[nodiscard]] int currentVariant() const { return m_current; }
    void setCurrentVariant(int index);
    [[nodiscard]] QString currentChannel() const;
    [[nodiscard]] QString currentLocale() const;
    [[nodiscard]] QString subject() const;
    void setSubject(const QString &subject);
    [[nodiscard]] QString textBody() const;
    void setTextBody(const QString &text);
    [[nodiscard]] QString htmlBody() const;
    void setHtmlBody(const QString &html);

    [[nodiscard]] TemplateVariablesModel *variables() const { return m_variables; }
    [[nodiscard]] TemplateVersionsModel *versions() const { return m_versions; }
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    // The errors of the current variant's parts under their plain names.
    [[nodiscard]] QVariantMap fieldErrors() const;
    [[nodiscard]] static QStringList channels();
    [[nodiscard]] static QStringList variableTypes();

    [[nodiscard]] QString previewSubject() const { return m_preview.subject; }
    [[nodiscard]] QString previewText() const { return m_preview.text; }
    [[nodiscard]] QString previewHtml() const { return m_preview.html; }
    [[nodiscard]] QString previewChannel() const { return m_preview.channel; }
    [[nodiscard]] QString previewLocale() const { return m_preview.locale; }
    [[nodiscard]] QString previewError() const { return m_preview.error; }
    [[nodiscard]] QString previewErrorVariable() const { return m_preview.errorVariable; }
    [[nodiscard]] QString previewErrorPart() const { return m_preview.errorPart; }
    [[nodiscard]] bool previewWantsSample() const { return m_preview.wantsSample; }
    [[nodiscard]] bool isPreviewPending() const { return m_previewTimer.isActive() || m_previewInFlight > 0; }

    // Adds a content for (channel, locale), starting from the default content's text,
    // and makes it current. False (with fieldErrors.variant) when the locale is not a
    // language tag or the pair exists.
    Q_INVOKABLE bool addVariant(const QString &channel, const QString &locale);
    // Every variant but the first (default, "") can go.
    Q_INVOKABLE void removeVariant(int index);
    // Saves the draft as a new version (PUT /api/templates/:id).
    Q_INVOKABLE void save();
    // Drops the changes: loads the template again.
    Q_INVOKABLE void revert();
    // "Email", "In-app"...; with a locale, "Email · de".
    Q_INVOKABLE QString variantLabel(const QString &channel, const QString &locale = {}) const
    {
        return labelOf(channel, locale);
    }
    [[nodiscard]] static QString labelOf(const QString &channel, const QString &locale);
    // "Subject", "Text" or "HTML" for subject, textBody, htmlBody.
    [[nodiscard]] static QString partLabel(const QString &part);

    // The preview's debounce (default 400 ms; 0 in tests).
    void setPreviewDelay(std::chrono::milliseconds delay) { m_previewTimer.setInterval(delay); }

Q_SIGNALS:
    void templateIdChanged();
    void loadedChanged();
    void draftChanged();
    void variantsChanged();
    void currentVariantChanged();
    void contentChanged();
    void dirtyChanged();
    void fieldErrorsChanged();
    void previewChanged();
    void previewPendingChanged();
    // The template as saved (or restored): a document of GET /api/templates/:id, for
    // the list to show.
    void saved(const QVariantMap &document);

protected:
    void sessionStateChanged(bool signedIn) override;

private:
    struct Variant
    {
        QString channel;
        QString locale;
        QString subject;
        QString textBody;
        QString htmlBody;
        bool hasError = false;
    };

    struct Preview
    {
        QString subject;
        QString text;
        QString html;
        QString channel;
        QString locale;
        QString error;
        QString errorVariable;
        QString errorPart;
        bool wantsSample = false;
    };

    void load();
    void apply(const QJsonObject &document);
    void clearDraft();
    void setPart(QString Variant::*part, const QString &value);
    // After any change of the draft: dirty, and a preview on its way.
    void edited(bool previewToo = true);
    void updateDirty();
    [[nodiscard]] QJsonArray contentsJson() const;
    [[nodiscard]] QJsonObject body() const;
    [[nodiscard]] QJsonObject snapshot() const;
    // Checks what the server would refuse anyway; marks the fields. True when fine.
    bool validate();
    // Puts a refusal of the server on the field it names.
    void showError(const ProtocolError &error);
    void setFieldError(const QString &field, const QString &message);
    // Sets a name/type/description/topic of the draft, clearing that field's error.
    void setDraftField(QString &member, const QString &value, const QString &field);
    void clearFieldErrors();
    void setVariantError(int index, bool hasError);

    void schedulePreview();
    void runPreview();
    void setPreview(Preview preview);

    TemplateVariablesModel *m_variables;
    TemplateVersionsModel *m_versions;
    QString m_templateId;
    QJsonObject m_loaded; // the document as the server last sent it
    QJsonObject m_savedSnapshot;
    QString m_name;
    QString m_type;
    QString m_description;
    QString m_topic;
    QList<Variant> m_variants;
    int m_current = 0;
    bool m_dirty = false;
    QVariantMap m_fieldErrors;
    quint64 m_loadGeneration = 0;

    QTimer m_previewTimer;
    quint64 m_previewGeneration = 0;
    int m_previewInFlight = 0;
    Preview m_preview;
};

} // namespace Tidings::Admin
