#pragma once

#include "protocol/ProtocolError.h"

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Tidings::Admin {

class AdminSession;

// The base of the console's lists: rows are the JSON objects one tidingsd
// endpoint returns, each role a key of them. It loads when its session is signed
// in, pages on with `pagination.hasNext`, keeps the rows it has while a reload is
// in flight, and tells QML what it is doing (`loading`, `loaded`, `errorMessage`)
// so every page can show loading, empty and error states. Changes (create, edit,
// delete) go through mutate(): `busy` while in flight, actionFailed() with a
// readable message and the offending field when refused.
class ApiListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Tidings::Admin::AdminSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Rows the server has in all (pagination.total), at least `count`.
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    // True once a load has been answered: with `count` 0 the list is empty.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadingChanged)
    // Why the last load failed; empty after a successful one.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)

public:
    ~ApiListModel() override;

    [[nodiscard]] AdminSession *session() const { return m_session; }
    void setSession(AdminSession *session);
    [[nodiscard]] int count() const { return int(m_items.size()); }
    [[nodiscard]] int total() const { return std::max(m_total, count()); }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] bool isBusy() const { return m_busy > 0; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] const QJsonObject &item(int row) const { return m_items.at(row); }
    [[nodiscard]] const QList<QJsonObject> &items() const { return m_items; }

    // Loads the first page again (rows stay until the answer replaces them).
    Q_INVOKABLE void reload();
    // Appends the next page, when there is one.
    Q_INVOKABLE void loadMore();
    // The row as a JS object (every key of the JSON, not only the roles).
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row whose id is `id`, or -1.
    Q_INVOKABLE int indexOf(const QString &id) const;

    // Debounce for scheduleReload() (default 250 ms; 0 in tests).
    void setReloadDelay(std::chrono::milliseconds delay) { m_reloadTimer.setInterval(delay); }

Q_SIGNALS:
    void sessionChanged();
    void countChanged();
    void loadingChanged();
    void errorMessageChanged();
    void busyChanged();
    void hasMoreChanged();
    // A change was refused: a readable message and the field it names, if any.
    void actionFailed(const QString &message, const QString &field);
    // A change was made; `message` says what, for a passing notice.
    void actionSucceeded(const QString &message);
    // A load (first page or more) was answered and applied.
    void loadFinished();

protected:
    // `roles` are the JSON keys exposed as roles, in order from Qt::UserRole + 1.
    explicit ApiListModel(QList<QByteArray> roles, QObject *parent = nullptr);

    // The GET path (with its query) of `page`, counted from 1.
    [[nodiscard]] virtual QString listPath(int page) const = 0;
    // The array of rows in a reply; by default the first array among the reply's
    // values ({"items": [...]} for bare arrays, {"users": [...]}...).
    [[nodiscard]] virtual QJsonArray rowsOf(const QJsonObject &reply) const;
    // A role's value; by default the key's JSON value. Override for computed roles.
    [[nodiscard]] virtual QVariant roleValue(const QJsonObject &item, const QByteArray &role) const;
    // The key that identifies a row ("id" by default; "name" for topics).
    [[nodiscard]] virtual QString idKey() const { return QStringLiteral("id"); }
    // Called when the session signs in or out; the default reloads or clears.
    virtual void sessionStateChanged(bool signedIn);
    // The sentence actionFailed() carries for a refused change; by default
    // AdminSession::describe(). Override to word a list's known refusals.
    [[nodiscard]] virtual QString describeError(const ProtocolError &error) const;

    // Reload after the debounce: for filters that change as the user types.
    void scheduleReload();
    // Sends a change. `busy` while in flight; on success `done` runs with the
    // answer, on failure actionFailed() is emitted (and `failed` runs, if given).
    void mutate(const QByteArray &method, const QString &path, const QJsonObject &body,
        std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed = {});
    // Replaces the row with the same id (dataChanged) or inserts it at `row`.
    void upsert(const QJsonObject &item, int row = 0);
    void removeId(const QString &id);
    void clear();
    // A request the page's model needs besides the list (no busy/loading state).
    void request(const QByteArray &method, const QString &path, const QJsonObject &body,
        std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed);
    // Percent-encodes a query value.
    [[nodiscard]] static QString encode(const QString &value);

private:
    void load(int page);
    void setLoading(bool loading);
    void setErrorMessage(const QString &message);
    void setHasMore(bool hasMore);

    QList<QByteArray> m_roles;
    QList<QJsonObject> m_items;
    QPointer<AdminSession> m_session;
    QMetaObject::Connection m_sessionConnection;
    QTimer m_reloadTimer;
    quint64 m_generation = 0;
    int m_page = 0;
    int m_total = 0;
    int m_busy = 0;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_hasMore = false;
    QString m_errorMessage;
};

} // namespace Tidings::Admin
