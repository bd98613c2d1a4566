#include "BroadcastComposer.h"

#include "AdminSession.h"
#include "BroadcastAudience.h"
#include "BroadcastTiming.h"
#include "BroadcastVariableModel.h"
#include "protocol/Limits.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>
#include <QUuid>

namespace Tidings::Admin {

using namespace std::chrono_literals;

namespace {

const QString kNormal = QStringLiteral("normal");
const QString kInApp = QStringLiteral("inApp");

// Every key of `fieldErrors`, so QML can bind to any of them.
const QStringList &formFields()
{
    static const QStringList fields = {QStringLiteral("name"), QStringLiteral("title"), QStringLiteral("message"),
        QStringLiteral("url"), QStringLiteral("templateId"), QStringLiteral("variables"), QStringLiteral("audience"),
        QStringLiteral("topic"), QStringLiteral("excluded"), QStringLiteral("channels"), QStringLiteral("priority"),
        QStringLiteral("scheduledAt"), QStringLiteral("timezone"), QStringLiteral("cron"),
        QStringLiteral("maxOccurrences")};
    return fields;
}

// Inside the summary's sentence.
QString channelLabel(const QString &channel)
{
    if (channel == QLatin1String("inApp"))
        return BroadcastComposer::tr("in-app");
    if (channel == QLatin1String("email"))
        return BroadcastComposer::tr("email");
    if (channel == QLatin1String("push"))
        return BroadcastComposer::tr("push");
    return BroadcastComposer::tr("webhook");
}

// For the check boxes.
QString channelTitle(const QString &channel)
{
    if (channel == QLatin1String("inApp"))
        return BroadcastComposer::tr("In-app");
    if (channel == QLatin1String("email"))
        return BroadcastComposer::tr("Email");
    if (channel == QLatin1String("push"))
        return BroadcastComposer::tr("Push");
    return BroadcastComposer::tr("Webhook");
}

QString priorityLabel(const QString &priority)
{
    if (priority == QLatin1String("low"))
        return BroadcastComposer::tr("Low");
    if (priority == QLatin1String("high"))
        return BroadcastComposer::tr("High");
    if (priority == QLatin1String("urgent"))
        return BroadcastComposer::tr("Urgent");
    return BroadcastComposer::tr("Normal");
}

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

BroadcastComposer::BroadcastComposer(QObject *parent)
    : ApiObject(parent)
    , m_priority(kNormal)
    , m_variables(new BroadcastVariableModel(this))
    , m_audience(new BroadcastAudience(this))
    , m_timing(new BroadcastTiming(this))
    , m_draftKey(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_estimateTimer.setSingleShot(true);
    m_estimateTimer.setInterval(300ms);
    connect(&m_estimateTimer, &QTimer::timeout, this, &BroadcastComposer::estimate);
    connect(m_audience, &BroadcastAudience::changed, this, &BroadcastComposer::audienceChanged);
    connect(m_timing, &BroadcastTiming::changed, this, [this] {
        clearFieldErrors({"scheduledAt", "timezone", "cron", "maxOccurrences"});
        Q_EMIT changed();
    });
    // The preview moves with the clock even when nothing was typed.
    connect(m_timing, &BroadcastTiming::previewChanged, this, &BroadcastComposer::changed);
    connect(m_variables, &BroadcastVariableModel::valuesChanged, this, [this] {
        clearFieldErrors({"variables"});
        Q_EMIT changed();
    });
    for (auto signal : {&BroadcastComposer::modeChanged, &BroadcastComposer::nameChanged,
             &BroadcastComposer::titleChanged, &BroadcastComposer::priorityChanged, &BroadcastComposer::channelsChanged,
             &BroadcastComposer::templateChanged, &BroadcastComposer::estimateChanged})
        connect(this, signal, this, &BroadcastComposer::changed);
}

BroadcastComposer::~BroadcastComposer() = default;

void BroadcastComposer::sessionStateChanged(bool signedIn)
{
    if (signedIn) {
        loadTemplates();
        audienceChanged();
    } else {
        ++m_estimateGeneration;
        m_estimateTimer.stop();
        setEstimate(-1, false, {});
    }
}

// ---- properties

void BroadcastComposer::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    clearFieldErrors({"title", "message", "templateId", "variables"});
    Q_EMIT modeChanged();
}

void BroadcastComposer::setName(const QString &name)
{
    if (m_name == name)
        return;
    m_name = name;
    clearFieldErrors({"name"});
    Q_EMIT nameChanged();
}

void BroadcastComposer::setTitle(const QString &title)
{
    if (m_title == title)
        return;
    m_title = title;
    clearFieldErrors({"title"});
    Q_EMIT titleChanged();
}

void BroadcastComposer::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    clearFieldErrors({"message"});
    Q_EMIT messageChanged();
}

void BroadcastComposer::setUrl(const QString &url)
{
    if (m_url == url)
        return;
    m_url = url;
    clearFieldErrors({"url"});
    Q_EMIT urlChanged();
}

void BroadcastComposer::setPriority(const QString &priority)
{
    if (m_priority == priority)
        return;
    m_priority = priority;
    clearFieldErrors({"priority"});
    Q_EMIT priorityChanged();
}

QVariantList BroadcastComposer::priorities()
{
    QVariantList list;
    for (const QString &p : {QStringLiteral("low"), kNormal, QStringLiteral("high"), QStringLiteral("urgent")})
        list << QVariantMap {{QStringLiteral("value"), p}, {QStringLiteral("label"), priorityLabel(p)}};
    return list;
}

void BroadcastComposer::setUseChannelPreferences(bool use)
{
    if (m_useChannelPreferences == use)
        return;
    m_useChannelPreferences = use;
    clearFieldErrors({"channels"});
    Q_EMIT channelsChanged();
}

QVariantList BroadcastComposer::availableChannels()
{
    QVariantList list;
    for (const QString &c : {kInApp, QStringLiteral("email"), QStringLiteral("push"), QStringLiteral("webhook")}) {
        list << QVariantMap {{QStringLiteral("value"), c}, {QStringLiteral("label"), channelTitle(c)},
            {QStringLiteral("fixed"), c == kInApp}};
    }
    return list;
}

void BroadcastComposer::setChannel(const QString &channel, bool on)
{
    if (channel == kInApp || m_channels.contains(channel) == on)
        return;
    QStringList chosen;
    // In the order of availableChannels, so the body and the summary are stable.
    for (const QVariant &c : availableChannels()) {
        const QString name = c.toMap().value(QStringLiteral("value")).toString();
        if (name != kInApp && ((name == channel && on) || (name != channel && m_channels.contains(name))))
            chosen << name;
    }
    m_channels = chosen;
    clearFieldErrors({"channels"});
    Q_EMIT channelsChanged();
}

// ---- templates

void BroadcastComposer::loadTemplates()
{
    quietly("GET", QStringLiteral("/api/templates?limit=100"), {},
        [this](const QJsonObject &reply) {
            QVariantList list;
            for (const QJsonValue &v : reply.value(QStringLiteral("templates")).toArray()) {
                const QJsonObject t = v.toObject();
                list << QVariantMap {{QStringLiteral("id"), t.value(QStringLiteral("id")).toString()},
                    {QStringLiteral("name"), t.value(QStringLiteral("name")).toString()},
                    {QStringLiteral("description"), t.value(QStringLiteral("description")).toString()}};
            }
            if (list != m_templates) {
                m_templates = list;
                Q_EMIT templatesChanged();
            }
        },
        {});
}

void BroadcastComposer::setTemplateId(const QString &id)
{
    if (m_templateId == id)
        return;
    m_templateId = id;
    m_templateName.clear();
    m_templateDescription.clear();
    for (const QVariant &t : std::as_const(m_templates)) {
        const QVariantMap map = t.toMap();
        if (map.value(QStringLiteral("id")).toString() == id) {
            m_templateName = map.value(QStringLiteral("name")).toString();
            m_templateDescription = map.value(QStringLiteral("description")).toString();
        }
    }
    clearFieldErrors({"templateId", "variables"});
    Q_EMIT templateChanged();
    const quint64 generation = ++m_templateGeneration;
    if (id.isEmpty()) {
        m_variables->clear();
        return;
    }
    fetch(
        QStringLiteral("/api/templates/%1").arg(id),
        [this, generation](const QJsonObject &t) {
            if (generation != m_templateGeneration)
                return;
            m_templateName = t.value(QStringLiteral("name")).toString();
            m_templateDescription = t.value(QStringLiteral("description")).toString();
            m_variables->load(t.value(QStringLiteral("variables")).toArray());
            Q_EMIT templateChanged();
        },
        // Deleted meanwhile, say: say so at the picker.
        [this, generation](const ProtocolError &error) {
            if (generation != m_templateGeneration)
                return;
            m_variables->clear();
            setFieldError(QStringLiteral("templateId"), AdminSession::describe(error));
        });
}

// ---- the estimate

void BroadcastComposer::audienceChanged()
{
    clearFieldErrors({"audience", "topic", "excluded"});
    Q_EMIT changed();
    ++m_estimateGeneration; // an answer for the old audience no longer counts
    if (!isSignedIn() || !m_audience->isComplete()) {
        m_estimateTimer.stop();
        setEstimate(-1, false, {});
        return;
    }
    setEstimate(m_estimate, true, {});
    m_estimateTimer.start();
}

void BroadcastComposer::estimate()
{
    const quint64 generation = ++m_estimateGeneration;
    quietly(
        "POST", QStringLiteral("/api/broadcasts/estimate"), m_audience->toJson(),
        [this, generation](const QJsonObject &reply) {
            if (generation == m_estimateGeneration)
                setEstimate(reply.value(QStringLiteral("recipients")).toInt(), false, {});
        },
        [this, generation](const ProtocolError &error) {
            if (generation == m_estimateGeneration)
                setEstimate(-1, false, AdminSession::describe(error));
        });
}

void BroadcastComposer::setEstimate(int recipients, bool estimating, const QString &error)
{
    if (m_estimate == recipients && m_estimating == estimating && m_estimateError == error)
        return;
    m_estimate = recipients;
    m_estimating = estimating;
    m_estimateError = error;
    Q_EMIT estimateChanged();
}

// ---- validation

QVariantMap BroadcastComposer::fieldErrors() const
{
    QVariantMap map;
    for (const QString &field : formFields())
        map.insert(field, m_fieldErrors.value(field));
    return map;
}

void BroadcastComposer::setFieldError(const QString &field, const QString &message)
{
    if (m_fieldErrors.value(field) == message)
        return;
    if (message.isEmpty())
        m_fieldErrors.remove(field);
    else
        m_fieldErrors.insert(field, message);
    Q_EMIT fieldErrorsChanged();
}

void BroadcastComposer::clearFieldErrors(std::initializer_list<const char *> fields)
{
    for (const char *field : fields)
        setFieldError(QLatin1String(field), {});
}

bool BroadcastComposer::validate()
{
    QHash<QString, QString> errors;
    if (m_name.size() > 200)
        errors.insert(QStringLiteral("name"), tr("A name is at most 200 characters."));
    if (m_mode == Mode::FreeText) {
        const QString title = m_title.trimmed();
        if (title.isEmpty())
            errors.insert(QStringLiteral("title"), tr("Enter a title."));
        else if (title.size() > Limits::TitleMaxChars)
            errors.insert(QStringLiteral("title"), tr("A title is at most %1 characters.").arg(Limits::TitleMaxChars));
        if (m_message.size() > Limits::MessageMaxChars)
            errors.insert(
                QStringLiteral("message"), tr("A message is at most %1 characters.").arg(Limits::MessageMaxChars));
        if (!m_url.trimmed().isEmpty() && !isWebUrl(m_url.trimmed()))
            errors.insert(QStringLiteral("url"), tr("Enter an http or https address, or leave it empty."));
        m_variables->clearErrors();
    } else {
        if (m_templateId.isEmpty())
            errors.insert(QStringLiteral("templateId"), tr("Choose a template."));
        QJsonObject values;
        if (!m_variables->toJson(&values))
            errors.insert(QStringLiteral("variables"), tr("Check the values of the template's variables."));
    }
    const QHash<QString, QString> audience = m_audience->errors();
    const QHash<QString, QString> timing = m_timing->errors();
    for (const auto *part : {&audience, &timing}) {
        for (auto it = part->constBegin(); it != part->constEnd(); ++it)
            errors.insert(it.key(), it.value());
    }
    if (m_fieldErrors != errors) {
        m_fieldErrors = errors;
        Q_EMIT fieldErrorsChanged();
    }
    return errors.isEmpty();
}

QString BroadcastComposer::formField(const QString &serverField) const
{
    const QString head = serverField.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
    const QString tail = serverField.section(QLatin1Char('.'), 1);
    if (head == QLatin1String("schedule") || head == QLatin1String("recurring")) {
        if (tail == QLatin1String("timezone") || tail == QLatin1String("maxOccurrences"))
            return tail;
        return QStringLiteral("cron");
    }
    if ((head == QLatin1String("title") || head == QLatin1String("message")) && m_mode == Mode::FromTemplate)
        return QStringLiteral("templateId"); // the template rendered them
    static const QHash<QString, QString> map = {
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("title"), QStringLiteral("title")},
        {QStringLiteral("message"), QStringLiteral("message")},
        {QStringLiteral("click"), QStringLiteral("url")},
        {QStringLiteral("topic"), QStringLiteral("topic")},
        {QStringLiteral("channel"), QStringLiteral("topic")},
        {QStringLiteral("recipients"), QStringLiteral("audience")},
        {QStringLiteral("roles"), QStringLiteral("audience")},
        {QStringLiteral("broadcast"), QStringLiteral("audience")},
        {QStringLiteral("excludeUsers"), QStringLiteral("excluded")},
        {QStringLiteral("channels"), QStringLiteral("channels")},
        {QStringLiteral("priority"), QStringLiteral("priority")},
        {QStringLiteral("scheduledAt"), QStringLiteral("scheduledAt")},
        {QStringLiteral("templateId"), QStringLiteral("templateId")},
        {QStringLiteral("variables"), QStringLiteral("variables")},
    };
    return map.value(head);
}

void BroadcastComposer::showServerError(const ProtocolError &error)
{
    const QString field = formField(error.field);
    if (field.isEmpty())
        return; // errorMessage (and the page's notice) say it
    if (field == QLatin1String("variables") && error.field.startsWith(QLatin1String("variables.")))
        m_variables->setError(error.field.mid(int(qstrlen("variables."))), error.message);
    setFieldError(field, error.message);
}

// ---- sending

QJsonObject BroadcastComposer::requestBody()
{
    QJsonObject body = m_audience->toJson();
    if (m_mode == Mode::FreeText) {
        body.insert(QStringLiteral("title"), m_title.trimmed());
        if (!m_message.trimmed().isEmpty())
            body.insert(QStringLiteral("message"), m_message.trimmed());
        if (!m_url.trimmed().isEmpty())
            body.insert(QStringLiteral("click"), m_url.trimmed());
    } else {
        QJsonObject values;
        m_variables->toJson(&values);
        body.insert(QStringLiteral("templateId"), m_templateId);
        body.insert(QStringLiteral("variables"), values);
    }
    const QString name = !m_name.trimmed().isEmpty() ? m_name.trimmed()
        : m_mode == Mode::FromTemplate               ? m_templateName
                                                     : QString();
    if (!name.isEmpty())
        body.insert(QStringLiteral("name"), name);
    if (!m_useChannelPreferences)
        body.insert(QStringLiteral("channels"), QJsonArray::fromStringList(QStringList {kInApp} + m_channels));
    body.insert(QStringLiteral("priority"), m_priority);
    const QJsonObject timing = m_timing->toJson();
    for (auto it = timing.constBegin(); it != timing.constEnd(); ++it)
        body.insert(it.key(), it.value());
    body.insert(QStringLiteral("idempotencyKey"), m_draftKey);
    return body;
}

void BroadcastComposer::send()
{
    if (isBusy())
        return;
    // The clock has moved since the form was filled in: a time may have passed.
    m_timing->refresh();
    if (!validate()) {
        setError(tr("Check the highlighted fields."));
        Q_EMIT actionFailed(errorMessage(), errorField());
        return;
    }
    mutate(
        "POST", QStringLiteral("/api/broadcasts"), requestBody(),
        [this](const QJsonObject &broadcast) {
            const QString name = broadcast.value(QStringLiteral("name")).toString();
            const bool later = broadcast.value(QStringLiteral("state")).toString() == QLatin1String("scheduled")
                || broadcast.value(QStringLiteral("state")).toString() == QLatin1String("active");
            const int recipients
                = broadcast.value(QStringLiteral("stats")).toObject().value(QStringLiteral("recipients")).toInt();
            Q_EMIT sent(broadcast.toVariantMap());
            Q_EMIT actionSucceeded(later ? tr("“%1” is scheduled.").arg(name)
                                         : tr("“%1” was sent to %n user(s).", "", recipients).arg(name));
            reset();
        },
        [this](const ProtocolError &error) { showServerError(error); });
}

void BroadcastComposer::reset()
{
    setMode(Mode::FreeText);
    setName({});
    setTitle({});
    setMessage({});
    setUrl({});
    setPriority(kNormal);
    setUseChannelPreferences(true);
    if (!m_channels.isEmpty()) {
        m_channels.clear();
        Q_EMIT channelsChanged();
    }
    setTemplateId({});
    m_audience->reset();
    m_timing->reset();
    m_draftKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_fieldErrors.isEmpty()) {
        m_fieldErrors.clear();
        Q_EMIT fieldErrorsChanged();
    }
    clearError();
    audienceChanged();
}

QString BroadcastComposer::summary() const
{
    QString what;
    if (m_mode == Mode::FromTemplate)
        what = m_templateName.isEmpty() ? tr("a template") : tr("the template “%1”").arg(m_templateName);
    else
        what = m_title.trimmed().isEmpty() ? tr("a message") : tr("“%1”").arg(m_title.trimmed());
    QString who = m_estimate >= 0 ? tr("%n user(s)", "", m_estimate) : m_audience->describe();
    if (!m_audience->excluded().isEmpty())
        who = tr("%1 (leaving out %n user(s))", "", int(m_audience->excluded().size())).arg(who);
    QString how;
    if (m_useChannelPreferences) {
        how = tr("their preferred channels");
    } else {
        QStringList labels {channelLabel(kInApp)};
        for (const QString &c : m_channels)
            labels << channelLabel(c);
        how = QLocale().createSeparatedList(labels);
    }
    const QString text = tr("Send %1 to %2 by %3 %4.").arg(what, who, how, m_timing->describe());
    if (m_priority == kNormal)
        return text;
    return tr("%1 Priority: %2.").arg(text, priorityLabel(m_priority));
}

} // namespace Tidings::Admin
