#include "AdminTopicListModel.h"

#include "AdminSession.h"
#include "protocol/Notification.h"

#include <QRegularExpression>
#include <QUuid>

namespace Tidings::Admin {

namespace {

constexpr qsizetype MaxDescription = 500; // the server's limit (TopicsApi)

const QStringList &userRoles()
{
    static const QStringList roles {QStringLiteral("admin"), QStringLiteral("publisher"), QStringLiteral("user")};
    return roles;
}

bool isUserId(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

AdminTopicListModel::AdminTopicListModel(QObject *parent)
    : ApiListModel({"name", "description", "read", "publish", "subscribers", "groupingMode", "groupWindowSec",
                       "createdAt", "grouping", "groupingLabel", "readLabels", "publishLabels", "groupWindowText"},
        parent)
{
    connect(this, &ApiListModel::actionFailed, this, &AdminTopicListModel::setActionError);
    connect(this, &ApiListModel::busyChanged, this, &AdminTopicListModel::savingChanged);
    connect(this, &ApiListModel::loadFinished, this, &AdminTopicListModel::lookUpUnknownUsers);
}

QString AdminTopicListModel::listPath(int) const
{
    // One page: the server lists every topic at once.
    return QStringLiteral("/api/admin/topics");
}

QVariant AdminTopicListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    if (role == "grouping" || role == "groupingLabel") {
        const QString grouping = item.value(QStringLiteral("groupWindowSec")).toInt() <= 0
            ? QStringLiteral("off")
            : item.value(QStringLiteral("groupingMode")).toString();
        return role == "grouping" ? grouping : groupingLabel(grouping);
    }
    if (role == "groupWindowText") {
        const int seconds = item.value(QStringLiteral("groupWindowSec")).toInt();
        return seconds > 0 ? groupWindowText(seconds) : QString();
    }
    if (role == "readLabels" || role == "publishLabels") {
        QStringList labels;
        const QStringList entries
            = stringsOf(item.value(role == "readLabels" ? QStringLiteral("read") : QStringLiteral("publish")));
        for (const QString &entry : entries)
            labels << aclLabel(entry);
        return labels;
    }
    return ApiListModel::roleValue(item, role);
}

QVariantList AdminTopicListModel::groupingOptions() const
{
    auto option = [](const char *value, const QString &label, const QString &description) {
        return QVariantMap {{QStringLiteral("value"), QLatin1String(value)}, {QStringLiteral("label"), label},
            {QStringLiteral("description"), description}};
    };
    return {
        option("off", groupingLabel(QStringLiteral("off")), tr("Every message arrives on its own.")),
        option("count", groupingLabel(QStringLiteral("count")),
            tr("Repeats with the same group key become one entry, \"N new messages\", showing the latest.")),
        option("replace", groupingLabel(QStringLiteral("replace")),
            tr("Repeats with the same group key replace the entry with the latest message.")),
    };
}

QString AdminTopicListModel::groupingLabel(const QString &grouping) const
{
    if (grouping == QLatin1String("off"))
        return tr("No grouping");
    if (grouping == QLatin1String("count"))
        return tr("Count");
    if (grouping == QLatin1String("replace"))
        return tr("Replace");
    return grouping;
}

QString AdminTopicListModel::groupWindowText(int seconds) const
{
    if (seconds % 3600 == 0)
        return tr("within %n hour(s)", nullptr, seconds / 3600);
    if (seconds % 60 == 0)
        return tr("within %n minute(s)", nullptr, seconds / 60);
    return tr("within %n second(s)", nullptr, seconds);
}

QString AdminTopicListModel::normalizedEntry(const QString &entry)
{
    const QString text = entry.trimmed();
    if (text.compare(QLatin1String("everyone"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("*");
    if (text.startsWith(QLatin1Char('@')))
        return QStringLiteral("user:") + text.mid(1).trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return text;
    const QString kind = text.left(colon).trimmed().toLower();
    const QString value = text.mid(colon + 1).trimmed();
    if (kind == QLatin1String("role"))
        return kind + QLatin1Char(':') + value.toLower();
    if (kind == QLatin1String("user"))
        return kind + QLatin1Char(':') + value;
    return text;
}

QString AdminTopicListModel::aclEntryError(const QString &entry)
{
    static const QRegularExpression username(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    const QString e = normalizedEntry(entry);
    if (e.isEmpty())
        return tr("Enter *, role:<role> or user:<name>.");
    if (e == QLatin1String("*"))
        return {};
    if (e.startsWith(QLatin1String("role:"))) {
        if (userRoles().contains(e.mid(5)))
            return {};
        return tr("\"%1\" is not a role. Use role:admin, role:publisher or role:user.").arg(e.mid(5));
    }
    if (e.startsWith(QLatin1String("user:"))) {
        const QString who = e.mid(5);
        if (isUserId(who) || username.match(who).hasMatch())
            return {};
        return tr("Name a user after user:, such as user:alice.");
    }
    return tr("\"%1\" is not an ACL entry. Use *, role:<role> or user:<name>.").arg(e);
}

QString AdminTopicListModel::aclLabel(const QString &entry) const
{
    if (entry == QLatin1String("*"))
        return tr("Everyone");
    if (entry.startsWith(QLatin1String("role:"))) {
        const QString role = entry.mid(5);
        const QString label = role == QLatin1String("admin") ? tr("Admins")
            : role == QLatin1String("publisher")             ? tr("Publishers")
            : role == QLatin1String("user")                  ? tr("Users")
                                                             : role;
        return tr("Role: %1").arg(label);
    }
    if (entry.startsWith(QLatin1String("user:"))) {
        const QString who = entry.mid(5);
        if (!isUserId(who))
            return QLatin1Char('@') + who;
        const auto known = m_usernames.constFind(who);
        if (known == m_usernames.constEnd())
            return tr("User %1…").arg(who.left(8));
        return known->isEmpty() ? tr("Deleted user %1…").arg(who.left(8)) : QLatin1Char('@') + *known;
    }
    return entry;
}

QString AdminTopicListModel::describeError(const ProtocolError &error) const
{
    const QString &field = error.field;
    if (error.code == QLatin1String(ErrorCode::Validation)) {
        if (field == QLatin1String("name"))
            return tr("A topic name has 1 to 64 letters, digits, _ or -.");
        if (field == QLatin1String("read") || field == QLatin1String("publish"))
            return tr("An entry is not valid. Use *, role:<role> or user:<name>.");
        if (field == QLatin1String("description"))
            return tr("A description has at most %n character(s).", nullptr, int(MaxDescription));
        if (field == QLatin1String("groupingMode"))
            return tr("Choose how messages group.");
        if (field == QLatin1String("groupWindowSec"))
            return tr("Group messages within 1 to %1 seconds (24 hours).").arg(MaxGroupWindowSec);
    }
    return ApiListModel::describeError(error);
}

bool AdminTopicListModel::save(const QString &name, const QString &description, const QStringList &readAcl,
    const QStringList &publishAcl, const QString &groupingMode, int groupWindowSec)
{
    auto refuse = [this](const QString &field, const QString &message = {}) {
        Q_EMIT actionFailed(message.isEmpty() ? describeError(ProtocolError::validation(field, {})) : message, field);
        return false;
    };
    if (!session() || !session()->isSignedIn())
        return refuse({}, tr("You are signed out."));
    const QString topic = name.trimmed();
    if (!isValidTopicName(topic))
        return refuse(QStringLiteral("name"));
    if (description.size() > MaxDescription)
        return refuse(QStringLiteral("description"));
    auto draft = std::make_shared<Draft>();
    draft->name = topic;
    for (const auto &[field, source, target] : {std::tuple {QStringLiteral("read"), &readAcl, &draft->read},
             std::tuple {QStringLiteral("publish"), &publishAcl, &draft->publish}}) {
        for (const QString &entry : *source) {
            if (const QString error = aclEntryError(entry); !error.isEmpty())
                return refuse(field, error);
            const QString e = normalizedEntry(entry);
            if (!target->contains(e))
                target->append(e);
        }
    }
    const bool off = groupingMode == QLatin1String("off");
    if (!off && groupingMode != QLatin1String("count") && groupingMode != QLatin1String("replace"))
        return refuse(QStringLiteral("groupingMode"));
    if (!off && (groupWindowSec < 1 || groupWindowSec > MaxGroupWindowSec))
        return refuse(QStringLiteral("groupWindowSec"));

    clearActionError();
    draft->body.insert(QStringLiteral("description"), description.trimmed());
    if (off) {
        draft->body.insert(QStringLiteral("groupWindowSec"), 0);
    } else {
        draft->body.insert(QStringLiteral("groupingMode"), groupingMode);
        draft->body.insert(QStringLiteral("groupWindowSec"), groupWindowSec);
    }
    resolveAndSend(draft);
    return true;
}

void AdminTopicListModel::resolveAndSend(std::shared_ptr<Draft> draft)
{
    // The usernames among the entries that are not known yet: one search each.
    QStringList unknown;
    for (const QStringList *list : {&draft->read, &draft->publish}) {
        for (const QString &entry : *list) {
            const QString who = entry.startsWith(QLatin1String("user:")) ? entry.mid(5) : QString();
            if (!who.isEmpty() && !isUserId(who) && !m_ids.contains(who.toCaseFolded())
                && !unknown.contains(who, Qt::CaseInsensitive))
                unknown << who;
        }
    }
    if (unknown.isEmpty()) {
        send(*draft);
        return;
    }
    auto pending = std::make_shared<int>(int(unknown.size()));
    auto failed = std::make_shared<bool>(false);
    for (const QString &who : unknown) {
        setResolving(+1);
        auto finish = [this, draft, pending, failed] {
            setResolving(-1);
            if (--*pending > 0 || *failed)
                return;
            send(*draft);
        };
        request(
            "GET", QStringLiteral("/api/admin/users?limit=100&q=") + encode(who), {},
            [this, finish](const QJsonObject &reply) {
                for (const QJsonValue &v : reply.value(QStringLiteral("users")).toArray()) {
                    const QJsonObject user = v.toObject();
                    rememberUser(
                        user.value(QStringLiteral("id")).toString(), user.value(QStringLiteral("username")).toString());
                }
                finish();
            },
            [this, failed, finish](const ProtocolError &error) {
                if (!*failed)
                    Q_EMIT actionFailed(describeError(error), error.field);
                *failed = true;
                finish();
            });
    }
}

void AdminTopicListModel::send(const Draft &draft)
{
    // Usernames become ids; an unknown one is the field's error.
    QJsonObject body = draft.body;
    for (const auto &[field, list] :
        {std::pair {QStringLiteral("read"), &draft.read}, std::pair {QStringLiteral("publish"), &draft.publish}}) {
        QStringList entries;
        for (const QString &entry : *list) {
            const QString who = entry.startsWith(QLatin1String("user:")) ? entry.mid(5) : QString();
            if (who.isEmpty() || isUserId(who)) {
                entries << entry;
                continue;
            }
            const QString id = m_ids.value(who.toCaseFolded());
            if (id.isEmpty()) {
                Q_EMIT actionFailed(tr("No user is called %1.").arg(who), field);
                return;
            }
            entries << QStringLiteral("user:") + id;
        }
        entries.removeDuplicates();
        body.insert(field, QJsonArray::fromStringList(entries));
    }
    const bool existed = indexOf(draft.name) >= 0;
    mutate("PUT", QStringLiteral("/api/admin/topics/") + draft.name, body, [this, existed](const QJsonObject &reply) {
        const QString name = reply.value(QStringLiteral("name")).toString();
        int row = 0;
        while (row < count() && item(row).value(QStringLiteral("name")).toString() < name)
            ++row;
        upsert(reply, row);
        lookUpUnknownUsers();
        Q_EMIT saved(name);
        Q_EMIT actionSucceeded(existed ? tr("Saved the topic %1.").arg(name) : tr("Created the topic %1.").arg(name));
    });
}

void AdminTopicListModel::lookUpUnknownUsers()
{
    for (const QJsonObject &topic : items()) {
        const QStringList entries
            = stringsOf(topic.value(QStringLiteral("read"))) + stringsOf(topic.value(QStringLiteral("publish")));
        for (const QString &entry : entries) {
            const QString id = entry.startsWith(QLatin1String("user:")) ? entry.mid(5) : QString();
            if (!isUserId(id) || m_usernames.contains(id) || m_asked.contains(id))
                continue;
            m_asked.insert(id);
            request(
                "GET", QStringLiteral("/api/admin/users/") + id, {},
                [this](const QJsonObject &user) {
                    rememberUser(
                        user.value(QStringLiteral("id")).toString(), user.value(QStringLiteral("username")).toString());
                },
                [this, id](const ProtocolError &error) {
                    if (error.code == QLatin1String(ErrorCode::NotFound))
                        rememberUser(id, {});
                    else
                        m_asked.remove(id); // ask again on the next load
                });
        }
    }
}

void AdminTopicListModel::rememberUser(const QString &id, const QString &username)
{
    if (id.isEmpty() || m_usernames.value(id, QStringLiteral("\n")) == username)
        return;
    m_usernames.insert(id, username);
    if (!username.isEmpty())
        m_ids.insert(username.toCaseFolded(), id);
    if (count() > 0)
        Q_EMIT dataChanged(index(0), index(count() - 1), {ReadLabelsRole, PublishLabelsRole});
    Q_EMIT labelsChanged();
}

void AdminTopicListModel::clearActionError()
{
    setActionError({}, {});
}

void AdminTopicListModel::setActionError(const QString &message, const QString &field)
{
    if (m_actionError == message && m_actionErrorField == field)
        return;
    m_actionError = message;
    m_actionErrorField = field;
    Q_EMIT actionErrorChanged();
}

void AdminTopicListModel::setResolving(int delta)
{
    const bool before = isSaving();
    m_resolving += delta;
    if (before != isSaving())
        Q_EMIT savingChanged();
}

} // namespace Tidings::Admin
