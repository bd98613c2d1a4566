#pragma once

#include "ApiObject.h"
#include "BroadcastAudience.h"
#include "BroadcastTiming.h"
#include "BroadcastVariableModel.h"

#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <chrono>

namespace Tidings::Admin {

// The backend of the "New broadcast" panel: what is sent (free text, or a
// template with values for its variables), to whom (`audience`, with a live
// recipient estimate from the server), how (channels, priority) and when
// (`timing`: now, at a time, or on a cron schedule). validate() checks the form
// with per-field errors (`fieldErrors`), `summary` says in one sentence what
// send() will do, and send() creates the broadcast, emits sent() and starts a
// fresh draft. Errors the server names land at the field they name.
class BroadcastComposer : public ApiObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    // Optional: how the broadcast is listed (default: the title or the template).
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString message READ message WRITE setMessage NOTIFY messageChanged)
    // Where clicking the notification leads (the publish body's `click`).
    Q_PROPERTY(QString url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(QString priority READ priority WRITE setPriority NOTIFY priorityChanged)
    // [{value, label}]: low, normal, high, urgent.
    Q_PROPERTY(QVariantList priorities READ priorities CONSTANT)
    // True: each user's preferred channels; false: `channels` only.
    Q_PROPERTY(
        bool useChannelPreferences READ useChannelPreferences WRITE setUseChannelPreferences NOTIFY channelsChanged)
    Q_PROPERTY(QStringList channels READ channels NOTIFY channelsChanged)
    // [{value, label, fixed}]; in-app is always delivered (`fixed`).
    Q_PROPERTY(QVariantList availableChannels READ availableChannels CONSTANT)
    // Live templates: [{id, name, description}], loaded when signed in.
    Q_PROPERTY(QVariantList templates READ templates NOTIFY templatesChanged)
    Q_PROPERTY(QString templateId READ templateId WRITE setTemplateId NOTIFY templateChanged)
    Q_PROPERTY(QString templateName READ templateName NOTIFY templateChanged)
    Q_PROPERTY(QString templateDescription READ templateDescription NOTIFY templateChanged)
    Q_PROPERTY(Tidings::Admin::BroadcastVariableModel *variables READ variables CONSTANT)
    Q_PROPERTY(Tidings::Admin::BroadcastAudience *audience READ audience CONSTANT)
    Q_PROPERTY(Tidings::Admin::BroadcastTiming *timing READ timing CONSTANT)
    // Users the audience reaches now, per the server; -1 while unknown.
    Q_PROPERTY(int estimatedRecipients READ estimatedRecipients NOTIFY estimateChanged)
    Q_PROPERTY(bool estimating READ isEstimating NOTIFY estimateChanged)
    Q_PROPERTY(QString estimateError READ estimateError NOTIFY estimateChanged)
    // Field -> message for every field of the form ("" when fine): name, title,
    // message, url, templateId, variables, audience, topic, excluded, channels,
    // priority, scheduledAt, timezone, cron, maxOccurrences.
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY fieldErrorsChanged)
    // "Send “Maintenance” to 42 users by in-app and email now." for the confirmation.
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    enum class Mode { FreeText, FromTemplate };
    Q_ENUM(Mode)

    explicit BroadcastComposer(QObject *parent = nullptr);
    ~BroadcastComposer() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString title() const { return m_title; }
    void setTitle(const QString &title);
    [[nodiscard]] QString message() const { return m_message; }
    void setMessage(const QString &message);
    [[nodiscard]] QString url() const { return m_url; }
    void setUrl(const QString &url);
    [[nodiscard]] QString priority() const { return m_priority; }
    void setPriority(const QString &priority);
    [[nodiscard]] static QVariantList priorities();
    [[nodiscard]] bool useChannelPreferences() const { return m_useChannelPreferences; }
    void setUseChannelPreferences(bool use);
    [[nodiscard]] QStringList channels() const { return m_channels; }
    [[nodiscard]] static QVariantList availableChannels();
    [[nodiscard]] QVariantList templates() const { return m_templates; }
    [[nodiscard]] QString templateId() const { return m_templateId; }
    void setTemplateId(const QString &id);
    [[nodiscard]] QString templateName() const { return m_templateName; }
    [[nodiscard]] QString templateDescription() const { return m_templateDescription; }
    [[nodiscard]] BroadcastVariableModel *variables() const { return m_variables; }
    [[nodiscard]] BroadcastAudience *audience() const { return m_audience; }
    [[nodiscard]] BroadcastTiming *timing() const { return m_timing; }
    [[nodiscard]] int estimatedRecipients() const { return m_estimate; }
    [[nodiscard]] bool isEstimating() const { return m_estimating; }
    [[nodiscard]] QString estimateError() const { return m_estimateError; }
    [[nodiscard]] QVariantMap fieldErrors() const;
    [[nodiscard]] QString summary() const;

    // Delivers on `channel` too (or no longer); ignored for in-app.
    Q_INVOKABLE void setChannel(const QString &channel, bool on);
    // Fetches the template list again (the page calls it when the panel opens).
    Q_INVOKABLE void loadTemplates();
    // Checks the form and fills `fieldErrors`; true when it may be sent.
    Q_INVOKABLE bool validate();
    // Validates, then creates the broadcast (`busy` meanwhile): sent() and a fresh
    // draft on success, the server's complaint at its field otherwise.
    Q_INVOKABLE void send();
    // A fresh draft (the template list stays).
    Q_INVOKABLE void reset();

    // The body send() would post (without validating).
    [[nodiscard]] QJsonObject requestBody();
    // Debounce of the recipient estimate (default 300 ms; 0 in tests).
    void setEstimateDelay(std::chrono::milliseconds delay) { m_estimateTimer.setInterval(delay); }

Q_SIGNALS:
    void modeChanged();
    void nameChanged();
    void titleChanged();
    void messageChanged();
    void urlChanged();
    void priorityChanged();
    void channelsChanged();
    void templatesChanged();
    void templateChanged();
    void estimateChanged();
    void fieldErrorsChanged();
    // Anything that changes what send() would do.
    void changed();
    // The broadcast was created: the server's document of it.
    void sent(const QVariantMap &broadcast);

protected:
    void sessionStateChanged(bool signedIn) override;

private:
    void audienceChanged();
    void estimate();
    void setEstimate(int recipients, bool estimating, const QString &error);
    void setFieldError(const QString &field, const QString &message);
    void clearFieldErrors(std::initializer_list<const char *> fields);
    // The form's key for a server error's field ("schedule.cron" -> "cron").
    [[nodiscard]] QString formField(const QString &serverField) const;
    void showServerError(const ProtocolError &error);

    Mode m_mode = Mode::FreeText;
    QString m_name;
    QString m_title;
    QString m_message;
    QString m_url;
    QString m_priority;
    bool m_useChannelPreferences = true;
    QStringList m_channels;
    QVariantList m_templates;
    QString m_templateId;
    QString m_templateName;
    QString m_templateDescription;
    quint64 m_templateGeneration = 0;
    BroadcastVariableModel *m_variables;
    BroadcastAudience *m_audience;
    BroadcastTiming *m_timing;
    QTimer m_estimateTimer;
    quint64 m_estimateGeneration = 0;
    int m_estimate = -1;
    bool m_estimating = false;
    QString m_estimateError;
    QHash<QString, QString> m_fieldErrors;
    QString m_draftKey; // the idempotency key: a retried send creates nothing twice
};

} // namespace Tidings::Admin
