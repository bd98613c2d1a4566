#include "AdminTopicEditor.h"

#include "AdminSession.h"

namespace Tidings::Admin {

AdminTopicEditor::AdminTopicEditor(QObject *parent)
    : QObject(parent)
{
    startNew();
}

void AdminTopicEditor::setTopics(AdminTopicListModel *topics)
{
    if (m_topics == topics)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_topics = topics;
    if (topics) {
        m_connections << connect(topics, &AdminTopicListModel::labelsChanged, this, &AdminTopicEditor::aclChanged);
        m_connections << connect(
            topics, &ApiListModel::actionFailed, this, [this](const QString &message, const QString &field) {
                if (!m_saving)
                    return;
                m_saving = false;
                setError(message, field);
            });
        m_connections << connect(topics, &AdminTopicListModel::saved, this, [this](const QString &name) {
            if (!m_saving || name != m_name)
                return;
            m_saving = false;
            m_isNew = false;
            Q_EMIT loaded();
            Q_EMIT saved();
        });
    }
    Q_EMIT topicsChanged();
    Q_EMIT aclChanged();
}

void AdminTopicEditor::setName(const QString &name)
{
    if (m_name == name)
        return;
    m_name = name;
    if (m_errorField == QLatin1String("name"))
        clearError();
    Q_EMIT nameChanged();
}

void AdminTopicEditor::setDescription(const QString &description)
{
    if (m_description == description)
        return;
    m_description = description;
    if (m_errorField == QLatin1String("description"))
        clearError();
    Q_EMIT descriptionChanged();
}

void AdminTopicEditor::setGroupingMode(const QString &mode)
{
    if (m_groupingMode == mode)
        return;
    m_groupingMode = mode;
    // Turning grouping on again starts from the server's default window.
    if (mode != QLatin1String("off") && m_groupWindowSec <= 0)
        m_groupWindowSec = AdminTopicListModel::DefaultGroupWindowSec;
    Q_EMIT groupingChanged();
}

void AdminTopicEditor::setGroupWindowSec(int seconds)
{
    if (m_groupWindowSec == seconds)
        return;
    m_groupWindowSec = seconds;
    if (m_errorField == QLatin1String("groupWindowSec"))
        clearError();
    Q_EMIT groupingChanged();
}

void AdminTopicEditor::startNew()
{
    m_isNew = true;
    m_saving = false;
    m_name.clear();
    m_description.clear();
    m_groupingMode = QStringLiteral("count");
    m_groupWindowSec = AdminTopicListModel::DefaultGroupWindowSec;
    m_read = QStringList {QStringLiteral("*")};
    m_publish = QStringList {QStringLiteral("role:admin"), QStringLiteral("role:publisher")};
    clearError();
    Q_EMIT nameChanged();
    Q_EMIT descriptionChanged();
    Q_EMIT groupingChanged();
    Q_EMIT aclChanged();
    Q_EMIT loaded();
}

bool AdminTopicEditor::edit(const QString &name)
{
    const int row = m_topics ? m_topics->indexOf(name) : -1;
    if (row < 0)
        return false;
    const QVariantMap topic = m_topics->get(row);
    m_isNew = false;
    m_saving = false;
    m_name = topic.value(QStringLiteral("name")).toString();
    m_description = topic.value(QStringLiteral("description")).toString();
    const int window = topic.value(QStringLiteral("groupWindowSec")).toInt();
    m_groupingMode = window <= 0 ? QStringLiteral("off") : topic.value(QStringLiteral("groupingMode")).toString();
    m_groupWindowSec = window <= 0 ? AdminTopicListModel::DefaultGroupWindowSec : window;
    m_read = topic.value(QStringLiteral("read")).toStringList();
    m_publish = topic.value(QStringLiteral("publish")).toStringList();
    clearError();
    Q_EMIT nameChanged();
    Q_EMIT descriptionChanged();
    Q_EMIT groupingChanged();
    Q_EMIT aclChanged();
    Q_EMIT loaded();
    return true;
}

QStringList *AdminTopicEditor::listNamed(const QString &list)
{
    if (list == QLatin1String("read"))
        return &m_read;
    if (list == QLatin1String("publish"))
        return &m_publish;
    return nullptr;
}

bool AdminTopicEditor::addEntry(const QString &list, const QString &text)
{
    QStringList *entries = listNamed(list);
    if (!entries)
        return false;
    if (const QString error = AdminTopicListModel::aclEntryError(text); !error.isEmpty()) {
        setError(error, list);
        return false;
    }
    const QString entry = AdminTopicListModel::normalizedEntry(text);
    if (entries->contains(entry)) {
        setError(tr("%1 is in the list already.").arg(m_topics ? m_topics->aclLabel(entry) : entry), list);
        return false;
    }
    entries->append(entry);
    if (m_errorField == list)
        clearError();
    Q_EMIT aclChanged();
    return true;
}

void AdminTopicEditor::removeEntry(const QString &list, int index)
{
    QStringList *entries = listNamed(list);
    if (!entries || index < 0 || index >= entries->size())
        return;
    entries->removeAt(index);
    if (m_errorField == list)
        clearError();
    Q_EMIT aclChanged();
}

bool AdminTopicEditor::save()
{
    if (!m_topics)
        return false;
    clearError();
    setName(m_name.trimmed());
    m_saving = true;
    if (!m_topics->save(m_name, m_description, m_read, m_publish, m_groupingMode, m_groupWindowSec)) {
        m_saving = false; // the refusal arrived already (actionFailed)
        return false;
    }
    return true;
}

QVariantList AdminTopicEditor::entries(const QStringList &list) const
{
    QVariantList out;
    for (const QString &entry : list) {
        out << QVariantMap {
            {QStringLiteral("entry"), entry}, {QStringLiteral("label"), m_topics ? m_topics->aclLabel(entry) : entry}};
    }
    return out;
}

void AdminTopicEditor::clearError()
{
    setError({}, {});
}

void AdminTopicEditor::setError(const QString &message, const QString &field)
{
    if (m_errorMessage == message && m_errorField == field)
        return;
    m_errorMessage = message;
    m_errorField = field;
    Q_EMIT errorChanged();
}

} // namespace Tidings::Admin
