#include "TemplateEditor.h"

#include "AdminLogging.h"
#include "AdminSession.h"
#include "TemplateVariablesModel.h"
#include "TemplateVersionsModel.h"

#include <QRegularExpression>
#include <QUrl>

namespace Tidings::Admin {

using namespace std::chrono_literals;

namespace {

const QString DefaultChannel = QStringLiteral("default");
const QStringList Parts {QStringLiteral("subject"), QStringLiteral("textBody"), QStringLiteral("htmlBody")};

// A language tag as the server stores it ("pt_br" -> "pt-BR", "zh-hant-tw" ->
// "zh-Hant-TW"); nullopt when it is not one. "" stays "" (the default locale).
std::optional<QString> canonicalLocale(const QString &text)
{
    const QString tag = text.trimmed().replace(u'_', u'-');
    if (tag.isEmpty())
        return QString();
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,5}$"));
    if (!shape.match(tag).hasMatch())
        return std::nullopt;
    QStringList parts = tag.split(u'-');
    parts[0] = parts[0].toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        QString &p = parts[i];
        if (p.size() == 4 && !p.at(0).isDigit())
            p = p.left(1).toUpper() + p.mid(1).toLower();
        else if (p.size() == 2 || (p.size() == 3 && p.at(0).isDigit()))
            p = p.toUpper();
        else
            p = p.toLower();
    }
    return parts.join(u'-');
}

// "contents[2].htmlBody" -> (2, "htmlBody"); "contents[2]" -> (2, ""); else (-1, "").
std::pair<int, QString> contentsField(const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^contents\\[(\\d+)\\](?:\\.(\\w+))?$"));
    const QRegularExpressionMatch m = re.match(field);
    if (!m.hasMatch())
        return {-1, {}};
    return {m.captured(1).toInt(), m.captured(2)};
}

// The server names the part it refuses in its message ("contents[1].htmlBody: unclosed
// section 'items'"); next to the field, the path says nothing the field does not.
QString withoutPath(const QString &message, const QString &field)
{
    const QString prefix = field + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}

// "variables[1].type" -> 1; else -1.
int declarationIndex(const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^variables\\[(\\d+)\\]"));
    const QRegularExpressionMatch m = re.match(field);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// "variables.orderId" -> "orderId"; else "".
QString variableName(const QString &field)
{
    return field.startsWith(QLatin1String("variables.")) ? field.mid(10) : QString();
}

} // namespace

TemplateEditor::TemplateEditor(QObject *parent)
    : ApiObject(parent)
    , m_variables(new TemplateVariablesModel(this))
    , m_versions(new TemplateVersionsModel(this))
{
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(400ms);
    connect(&m_previewTimer, &QTimer::timeout, this, &TemplateEditor::runPreview);
    connect(m_variables, &TemplateVariablesModel::edited, this, [this] {
        setFieldError(QStringLiteral("variables"), {});
        edited();
    });
    connect(m_variables, &TemplateVariablesModel::sampleEdited, this, &TemplateEditor::schedulePreview);
    connect(this, &ApiObject::sessionChanged, this, [this] { m_versions->setSession(session()); });
    connect(m_versions, &TemplateVersionsModel::restored, this, [this](const QJsonObject &document) {
        if (document.value(QLatin1String("id")).toString() != m_templateId)
            return;
        apply(document);
        Q_EMIT saved(document.toVariantMap());
    });
}

TemplateEditor::~TemplateEditor() = default;

QStringList TemplateEditor::channels()
{
    return {DefaultChannel, QStringLiteral("inApp"), QStringLiteral("email"), QStringLiteral("push"),
        QStringLiteral("webhook")};
}

QStringList TemplateEditor::variableTypes()
{
    return TemplateVariablesModel::types();
}

QString TemplateEditor::labelOf(const QString &channel, const QString &locale)
{
    QString label;
    if (channel == DefaultChannel)
        label = tr("Default");
    else if (channel == QLatin1String("inApp"))
        label = tr("In-app");
    else if (channel == QLatin1String("email"))
        label = tr("Email");
    else if (channel == QLatin1String("push"))
        label = tr("Push");
    else if (channel == QLatin1String("webhook"))
        label = tr("Webhook");
    else
        label = channel;
    return locale.isEmpty() ? label : tr("%1 · %2").arg(label, locale);
}

QString TemplateEditor::partLabel(const QString &part)
{
    if (part == QLatin1String("subject"))
        return tr("Subject");
    if (part == QLatin1String("textBody"))
        return tr("Text");
    return tr("HTML");
}

// ---- loading

void TemplateEditor::setTemplateId(const QString &id)
{
    if (m_templateId == id)
        return;
    m_templateId = id;
    Q_EMIT templateIdChanged();
    clearDraft();
    clearError();
    m_versions->setTemplateId(id);
    load();
}

void TemplateEditor::sessionStateChanged(bool signedIn)
{
    if (signedIn)
        load();
    else
        clearDraft();
}

void TemplateEditor::load()
{
    const quint64 generation = ++m_loadGeneration;
    if (m_templateId.isEmpty() || !isSignedIn())
        return;
    fetch(QStringLiteral("/api/templates/") + QString::fromLatin1(QUrl::toPercentEncoding(m_templateId)),
        [this, generation](const QJsonObject &document) {
            if (generation == m_loadGeneration)
                apply(document);
        });
}

void TemplateEditor::revert()
{
    clearFieldErrors();
    m_variables->clearErrors();
    clearError();
    load();
    m_versions->reload();
}

void TemplateEditor::apply(const QJsonObject &document)
{
    const QString keepChannel = currentChannel();
    const QString keepLocale = currentLocale();
    m_loaded = document;
    m_name = document.value(QLatin1String("name")).toString();
    m_type = document.value(QLatin1String("type")).toString();
    m_description = document.value(QLatin1String("description")).toString();
    m_topic = document.value(QLatin1String("topic")).toString();
    m_variants.clear();
    for (const QJsonValue &v : document.value(QLatin1String("contents")).toArray()) {
        const QJsonObject o = v.toObject();
        Variant variant {o.value(QLatin1String("channel")).toString(), o.value(QLatin1String("locale")).toString(),
            o.value(QLatin1String("subject")).toString(), o.value(QLatin1String("textBody")).toString(),
            o.value(QLatin1String("htmlBody")).toString()};
        // The content everything falls back to comes first, so the page can pin it.
        if (variant.channel == DefaultChannel && variant.locale.isEmpty())
            m_variants.prepend(variant);
        else
            m_variants.append(variant);
    }
    if (m_variants.isEmpty() || m_variants.constFirst().channel != DefaultChannel
        || !m_variants.constFirst().locale.isEmpty())
        m_variants.prepend(Variant {DefaultChannel, {}, {}, {}, {}});
    m_current = 0;
    for (int i = 0; i < m_variants.size(); ++i) {
        if (m_variants.at(i).channel == keepChannel && m_variants.at(i).locale == keepLocale)
            m_current = i;
    }
    m_variables->setDeclarations(document.value(QLatin1String("variables")).toArray());
    clearFieldErrors();
    m_savedSnapshot = snapshot();
    Q_EMIT loadedChanged();
    Q_EMIT draftChanged();
    Q_EMIT variantsChanged();
    Q_EMIT currentVariantChanged();
    Q_EMIT contentChanged();
    updateDirty();
    schedulePreview();
}

void TemplateEditor::clearDraft()
{
    ++m_loadGeneration;
    ++m_previewGeneration;
    m_previewTimer.stop();
    m_previewInFlight = 0;
    m_loaded = {};
    m_name.clear();
    m_type.clear();
    m_description.clear();
    m_topic.clear();
    m_variants.clear();
    m_current = 0;
    m_variables->setDeclarations({});
    clearFieldErrors();
    m_savedSnapshot = snapshot();
    Q_EMIT loadedChanged();
    Q_EMIT draftChanged();
    Q_EMIT variantsChanged();
    Q_EMIT currentVariantChanged();
    Q_EMIT contentChanged();
    updateDirty();
    setPreview({});
    Q_EMIT previewPendingChanged();
}

int TemplateEditor::version() const
{
    return m_loaded.value(QLatin1String("version")).toInt();
}

QDateTime TemplateEditor::updatedAt() const
{
    return QDateTime::fromString(m_loaded.value(QLatin1String("updatedAt")).toString(), Qt::ISODateWithMs);
}

// ---- the draft

void TemplateEditor::setDraftField(QString &member, const QString &value, const QString &field)
{
    if (member == value || !hasTemplate())
        return;
    member = value;
    setFieldError(field, {});
    Q_EMIT draftChanged();
    edited(false);
}

void TemplateEditor::setName(const QString &name)
{
    setDraftField(m_name, name, QStringLiteral("name"));
}

void TemplateEditor::setType(const QString &type)
{
    setDraftField(m_type, type, QStringLiteral("type"));
}

void TemplateEditor::setDescription(const QString &description)
{
    setDraftField(m_description, description, QStringLiteral("description"));
}

void TemplateEditor::setTopic(const QString &topic)
{
    setDraftField(m_topic, topic, QStringLiteral("topic"));
}

QVariantList TemplateEditor::variants() const
{
    QVariantList out;
    for (int i = 0; i < m_variants.size(); ++i) {
        const Variant &v = m_variants.at(i);
        out.append(QVariantMap {
            {QStringLiteral("channel"), v.channel},
            {QStringLiteral("locale"), v.locale},
            {QStringLiteral("label"), labelOf(v.channel, v.locale)},
            {QStringLiteral("removable"), i > 0},
            {QStringLiteral("hasError"), v.hasError},
        });
    }
    return out;
}

void TemplateEditor::setCurrentVariant(int index)
{
    if (index == m_current || index < 0 || index >= m_variants.size())
        return;
    m_current = index;
    Q_EMIT currentVariantChanged();
    Q_EMIT contentChanged();
    Q_EMIT fieldErrorsChanged();
    schedulePreview();
}

QString TemplateEditor::currentChannel() const
{
    return m_current < m_variants.size() ? m_variants.at(m_current).channel : QString();
}

QString TemplateEditor::currentLocale() const
{
    return m_current < m_variants.size() ? m_variants.at(m_current).locale : QString();
}

QString TemplateEditor::subject() const
{
    return m_current < m_variants.size() ? m_variants.at(m_current).subject : QString();
}

QString TemplateEditor::textBody() const
{
    return m_current < m_variants.size() ? m_variants.at(m_current).textBody : QString();
}

QString TemplateEditor::htmlBody() const
{
    return m_current < m_variants.size() ? m_variants.at(m_current).htmlBody : QString();
}

void TemplateEditor::setSubject(const QString &subject)
{
    setPart(&Variant::subject, subject);
}

void TemplateEditor::setTextBody(const QString &text)
{
    setPart(&Variant::textBody, text);
}

void TemplateEditor::setHtmlBody(const QString &html)
{
    setPart(&Variant::htmlBody, html);
}

void TemplateEditor::setPart(QString Variant::*part, const QString &value)
{
    if (m_current >= m_variants.size() || m_variants.at(m_current).*part == value)
        return;
    m_variants[m_current].*part = value;
    const QString name = part == &Variant::subject ? Parts.at(0)
        : part == &Variant::textBody               ? Parts.at(1)
                                                   : Parts.at(2);
    setFieldError(QStringLiteral("contents[%1].%2").arg(m_current).arg(name), {});
    Q_EMIT contentChanged();
    edited();
}

bool TemplateEditor::addVariant(const QString &channel, const QString &locale)
{
    setFieldError(QStringLiteral("variant"), {});
    if (!hasTemplate())
        return false;
    if (!channels().contains(channel)) {
        setFieldError(QStringLiteral("variant"), tr("Choose a channel."));
        return false;
    }
    const std::optional<QString> tag = canonicalLocale(locale);
    if (!tag) {
        setFieldError(QStringLiteral("variant"), tr("Use a language tag such as de or pt-BR, or leave it empty."));
        return false;
    }
    for (int i = 0; i < m_variants.size(); ++i) {
        if (m_variants.at(i).channel == channel && m_variants.at(i).locale == *tag) {
            setFieldError(QStringLiteral("variant"), tr("%1 already has its own text.").arg(labelOf(channel, *tag)));
            return false;
        }
    }
    // A translation or a channel's own wording usually starts from the default text.
    Variant v = m_variants.constFirst();
    v.channel = channel;
    v.locale = *tag;
    v.hasError = false;
    m_variants.append(v);
    m_current = int(m_variants.size()) - 1;
    Q_EMIT variantsChanged();
    Q_EMIT currentVariantChanged();
    Q_EMIT contentChanged();
    Q_EMIT fieldErrorsChanged();
    edited();
    return true;
}

void TemplateEditor::removeVariant(int index)
{
    if (index <= 0 || index >= m_variants.size())
        return;
    m_variants.removeAt(index);
    // Errors are kept by position; after a removal they would point at the wrong text.
    for (auto it = m_fieldErrors.begin(); it != m_fieldErrors.end();) {
        if (it.key().startsWith(QLatin1String("contents")))
            it = m_fieldErrors.erase(it);
        else
            ++it;
    }
    for (Variant &v : m_variants)
        v.hasError = false;
    if (m_current >= index)
        m_current = std::max(0, m_current - 1);
    Q_EMIT variantsChanged();
    Q_EMIT currentVariantChanged();
    Q_EMIT contentChanged();
    Q_EMIT fieldErrorsChanged();
    edited();
}

void TemplateEditor::edited(bool previewToo)
{
    updateDirty();
    if (previewToo)
        schedulePreview();
}

QJsonObject TemplateEditor::snapshot() const
{
    QJsonObject o = body();
    o.insert(QStringLiteral("variables"), m_variables->snapshot());
    return o;
}

void TemplateEditor::updateDirty()
{
    const bool dirty = hasTemplate() && snapshot() != m_savedSnapshot;
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged();
}

QJsonArray TemplateEditor::contentsJson() const
{
    QJsonArray out;
    for (const Variant &v : m_variants) {
        out.append(QJsonObject {
            {QStringLiteral("channel"), v.channel},
            {QStringLiteral("locale"), v.locale},
            {QStringLiteral("subject"), v.subject},
            {QStringLiteral("textBody"), v.textBody},
            {QStringLiteral("htmlBody"), v.htmlBody},
        });
    }
    return out;
}

QJsonObject TemplateEditor::body() const
{
    return {
        {QStringLiteral("name"), m_name.trimmed()},
        {QStringLiteral("type"), m_type.trimmed()},
        {QStringLiteral("description"), m_description},
        {QStringLiteral("topic"), m_topic.trimmed().isEmpty() ? QJsonValue() : QJsonValue(m_topic.trimmed())},
        {QStringLiteral("variables"), m_variables->declarations()},
        {QStringLiteral("contents"), contentsJson()},
    };
}

// ---- saving

bool TemplateEditor::validate()
{
    static const QRegularExpression nameShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    static const QRegularExpression topicShape(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    bool ok = true;
    const QString name = m_name.trimmed();
    if (name.isEmpty()) {
        setFieldError(QStringLiteral("name"), tr("Give the template a name."));
        ok = false;
    } else if (name.size() > 100 || !nameShape.match(name).hasMatch()) {
        setFieldError(
            QStringLiteral("name"), tr("Use up to 100 letters, digits, _ . or -, starting with a letter or digit."));
        ok = false;
    }
    if (m_type.trimmed().size() > 64) {
        setFieldError(QStringLiteral("type"), tr("Use at most 64 characters."));
        ok = false;
    }
    if (m_description.size() > 500) {
        setFieldError(QStringLiteral("description"), tr("Use at most 500 characters."));
        ok = false;
    }
    const QString topic = m_topic.trimmed();
    if (!topic.isEmpty() && !topicShape.match(topic).hasMatch()) {
        setFieldError(QStringLiteral("topic"), tr("A topic name is 1-64 letters, digits, _ or -."));
        ok = false;
    }
    if (!m_variables->validate()) {
        setFieldError(QStringLiteral("variables"), tr("Fix the variables marked in red."));
        ok = false;
    }
    return ok;
}

void TemplateEditor::save()
{
    if (!hasTemplate())
        return;
    clearFieldErrors();
    m_variables->clearErrors();
    if (!validate()) {
        const QString field = m_fieldErrors.contains(QStringLiteral("name")) ? QStringLiteral("name")
            : m_fieldErrors.contains(QStringLiteral("variables"))            ? QStringLiteral("variables")
                                                                             : m_fieldErrors.firstKey();
        const QString message = tr("The template was not saved: %1").arg(m_fieldErrors.value(field).toString());
        setError(message, field);
        Q_EMIT actionFailed(message, field);
        return;
    }
    const QString id = m_templateId;
    mutate(
        "PUT", QStringLiteral("/api/templates/") + QString::fromLatin1(QUrl::toPercentEncoding(id)), body(),
        [this, id](const QJsonObject &document) {
            if (id != m_templateId)
                return;
            apply(document);
            m_versions->reload();
            Q_EMIT saved(document.toVariantMap());
            Q_EMIT actionSucceeded(tr("Saved “%1” as version %2").arg(m_name).arg(version()));
        },
        [this, id](const ProtocolError &error) {
            if (id == m_templateId)
                showError(error);
        });
}

void TemplateEditor::showError(const ProtocolError &error)
{
    const QString &field = error.field;
    if (field == QLatin1String("name") || field == QLatin1String("type") || field == QLatin1String("description")
        || field == QLatin1String("topic") || field == QLatin1String("contents")) {
        setFieldError(field, error.message);
        return;
    }
    const auto [index, part] = contentsField(field);
    if (index >= 0 && index < m_variants.size()) {
        setFieldError(Parts.contains(part) ? field : QStringLiteral("contents[%1]").arg(index),
            withoutPath(error.message, field));
        if (!Parts.contains(part))
            setFieldError(QStringLiteral("contents"), error.message);
        // Show the text the server refused.
        setCurrentVariant(index);
        return;
    }
    if (field.startsWith(QLatin1String("variables"))) {
        const int declared = declarationIndex(field);
        const int row = declared >= 0 ? declared : m_variables->rowOf(variableName(field));
        m_variables->setError(row, error.message);
        setFieldError(QStringLiteral("variables"), error.message);
        return;
    }
    qCDebug(lcAdmin) << "template save refused without a field we show:" << field << error.message;
}

QVariantMap TemplateEditor::fieldErrors() const
{
    QVariantMap out;
    const QString prefix = QStringLiteral("contents[%1].").arg(m_current);
    for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it) {
        if (it.key().startsWith(prefix))
            out.insert(it.key().mid(prefix.size()), it.value());
        else if (!it.key().startsWith(QLatin1String("contents[")))
            out.insert(it.key(), it.value());
    }
    return out;
}

void TemplateEditor::setFieldError(const QString &field, const QString &message)
{
    if (message.isEmpty() ? !m_fieldErrors.contains(field) : m_fieldErrors.value(field) == message)
        return;
    if (message.isEmpty())
        m_fieldErrors.remove(field);
    else
        m_fieldErrors.insert(field, message);
    const int index = contentsField(field).first;
    if (index >= 0) {
        const QString prefix = QStringLiteral("contents[%1]").arg(index);
        bool any = false;
        for (auto it = m_fieldErrors.cbegin(); it != m_fieldErrors.cend(); ++it)
            any = any || it.key() == prefix || it.key().startsWith(prefix + u'.');
        setVariantError(index, any);
    }
    Q_EMIT fieldErrorsChanged();
}

void TemplateEditor::clearFieldErrors()
{
    bool variantErrors = false;
    for (Variant &v : m_variants) {
        variantErrors = variantErrors || v.hasError;
        v.hasError = false;
    }
    if (variantErrors)
        Q_EMIT variantsChanged();
    if (m_fieldErrors.isEmpty())
        return;
    m_fieldErrors.clear();
    Q_EMIT fieldErrorsChanged();
}

void TemplateEditor::setVariantError(int index, bool hasError)
{
    if (index < 0 || index >= m_variants.size() || m_variants.at(index).hasError == hasError)
        return;
    m_variants[index].hasError = hasError;
    Q_EMIT variantsChanged();
}

// ---- the preview

void TemplateEditor::schedulePreview()
{
    if (!hasTemplate())
        return;
    const bool was = isPreviewPending();
    m_previewTimer.start();
    if (!was)
        Q_EMIT previewPendingChanged();
}

void TemplateEditor::runPreview()
{
    if (!hasTemplate() || !isSignedIn()) {
        Q_EMIT previewPendingChanged();
        return;
    }
    const quint64 generation = ++m_previewGeneration;
    // A row whose name is still being typed is left out rather than failing the preview.
    const QJsonArray declarations = m_variables->declarations(true);
    const int current = m_current;
    const QJsonObject request {
        {QStringLiteral("template"),
            QJsonObject {{QStringLiteral("variables"), declarations}, {QStringLiteral("contents"), contentsJson()}}},
        {QStringLiteral("variables"), m_variables->samples()},
        {QStringLiteral("channel"), currentChannel()},
        {QStringLiteral("locale"), currentLocale()},
    };
    ++m_previewInFlight;
    const auto settle = [this, generation] {
        if (generation != m_previewGeneration)
            return false;
        m_previewInFlight = 0;
        Q_EMIT previewPendingChanged();
        return true;
    };
    quietly(
        "POST", QStringLiteral("/api/templates/preview"), request,
        [this, settle](const QJsonObject &r) {
            if (!settle())
                return;
            Preview p;
            p.subject = r.value(QLatin1String("subject")).toString();
            p.text = r.value(QLatin1String("body")).toString();
            p.html = r.value(QLatin1String("html")).toString();
            p.channel = r.value(QLatin1String("channel")).toString();
            p.locale = r.value(QLatin1String("locale")).toString();
            setPreview(p);
        },
        [this, settle, declarations, current](const ProtocolError &error) {
            if (!settle())
                return;
            // The last good rendering stays, under the error.
            Preview p = m_preview;
            p.error = AdminSession::describe(error);
            p.errorVariable.clear();
            p.errorPart.clear();
            // Errors in the draft are named under "template."; a value's is "variables.<name>".
            p.wantsSample = error.field.startsWith(QLatin1String("variables."));
            QString field = error.field;
            if (field.startsWith(QLatin1String("template.")))
                field = field.mid(9);
            if (const int declared = declarationIndex(field); declared >= 0 && declared < declarations.size())
                p.errorVariable = declarations.at(declared).toObject().value(QLatin1String("name")).toString();
            else
                p.errorVariable = variableName(field);
            const auto [index, part] = contentsField(field);
            if (index == current && Parts.contains(part))
                p.errorPart = part;
            if (index >= 0 && index < m_variants.size() && Parts.contains(part)) {
                // "HTML of Email · de: unclosed section 'items'"
                p.error = tr("%1 of %2: %3")
                              .arg(partLabel(part), labelOf(m_variants.at(index).channel, m_variants.at(index).locale),
                                  withoutPath(error.message, field));
            }
            setPreview(p);
        });
}

void TemplateEditor::setPreview(Preview preview)
{
    m_preview = std::move(preview);
    Q_EMIT previewChanged();
}

} // namespace Tidings::Admin
