#pragma once

#include "AdminTopicListModel.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// The topic being created or edited in the console: its fields, its read and
// publish ACLs as lists of entries (chips) that are added and removed one at a
// time, and the error of the field that was refused, by the editor or by the
// server. save() hands the draft to the `topics` model.
class AdminTopicEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Tidings::Admin::AdminTopicListModel *topics READ topics WRITE setTopics NOTIFY topicsChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY loaded)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY descriptionChanged)
    // off | count | replace (AdminTopicListModel::groupingOptions)
    Q_PROPERTY(QString groupingMode READ groupingMode WRITE setGroupingMode NOTIFY groupingChanged)
    Q_PROPERTY(int groupWindowSec READ groupWindowSec WRITE setGroupWindowSec NOTIFY groupingChanged)
    Q_PROPERTY(QStringList readAcl READ readAcl NOTIFY aclChanged)
    Q_PROPERTY(QStringList publishAcl READ publishAcl NOTIFY aclChanged)
    // [{entry, label}] for the chips.
    Q_PROPERTY(QVariantList readEntries READ readEntries NOTIFY aclChanged)
    Q_PROPERTY(QVariantList publishEntries READ publishEntries NOTIFY aclChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    // name | description | read | publish | groupingMode | groupWindowSec, or "".
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)

public:
    explicit AdminTopicEditor(QObject *parent = nullptr);

    [[nodiscard]] AdminTopicListModel *topics() const { return m_topics; }
    void setTopics(AdminTopicListModel *topics);
    [[nodiscard]] bool isNew() const { return m_isNew; }
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] QString description() const { return m_description; }
    void setDescription(const QString &description);
    [[nodiscard]] QString groupingMode() const { return m_groupingMode; }
    void setGroupingMode(const QString &mode);
    [[nodiscard]] int groupWindowSec() const { return m_groupWindowSec; }
    void setGroupWindowSec(int seconds);
    [[nodiscard]] QStringList readAcl() const { return m_read; }
    [[nodiscard]] QStringList publishAcl() const { return m_publish; }
    [[nodiscard]] QVariantList readEntries() const { return entries(m_read); }
    [[nodiscard]] QVariantList publishEntries() const { return entries(m_publish); }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString errorField() const { return m_errorField; }

    // A new topic with the server's defaults: everyone reads, admins and
    // publishers publish, repeats counted within 5 minutes.
    Q_INVOKABLE void startNew();
    // The topic `name` as the list has it; false when the list does not.
    Q_INVOKABLE bool edit(const QString &name);
    // Adds `text` to the "read" or "publish" list; false (and the field's error)
    // when it is not an ACL entry or is there already.
    Q_INVOKABLE bool addEntry(const QString &list, const QString &text);
    Q_INVOKABLE void removeEntry(const QString &list, int index);
    // Sends the draft; the list emits saved() when the server took it.
    Q_INVOKABLE bool save();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void topicsChanged();
    void loaded();
    void nameChanged();
    void descriptionChanged();
    void groupingChanged();
    void aclChanged();
    void errorChanged();
    // The server took the draft.
    void saved();

private:
    [[nodiscard]] QVariantList entries(const QStringList &list) const;
    [[nodiscard]] QStringList *listNamed(const QString &list);
    void setError(const QString &message, const QString &field);

    QPointer<AdminTopicListModel> m_topics;
    QList<QMetaObject::Connection> m_connections;
    bool m_isNew = true;
    QString m_name;
    QString m_description;
    QString m_groupingMode;
    int m_groupWindowSec = 0;
    QStringList m_read;
    QStringList m_publish;
    QString m_errorMessage;
    QString m_errorField;
    bool m_saving = false; // the list's refusals and saves are this editor's
};

} // namespace Tidings::Admin
