#include "ApiListModel.h"

#include "AdminSession.h"

#include <QUrl>

namespace Tidings::Admin {

using namespace std::chrono_literals;

ApiListModel::ApiListModel(QList<QByteArray> roles, QObject *parent)
    : QAbstractListModel(parent)
    , m_roles(std::move(roles))
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(250ms);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ApiListModel::reload);
}

ApiListModel::~ApiListModel() = default;

void ApiListModel::setSession(AdminSession *session)
{
    if (m_session == session)
        return;
    disconnect(m_sessionConnection);
    m_session = session;
    if (session) {
        m_sessionConnection
            = connect(session, &AdminSession::signedInChanged, this, &ApiListModel::sessionStateChanged);
    }
    Q_EMIT sessionChanged();
    sessionStateChanged(session && session->isSignedIn());
}

void ApiListModel::sessionStateChanged(bool signedIn)
{
    if (signedIn) {
        reload();
    } else {
        ++m_generation;
        clear();
        m_loaded = false;
        setLoading(false);
        setErrorMessage({});
    }
}

QString ApiListModel::describeError(const ProtocolError &error) const
{
    return AdminSession::describe(error);
}

int ApiListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ApiListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int slot = role - Qt::UserRole - 1;
    if (slot < 0 || slot >= m_roles.size())
        return {};
    return roleValue(m_items.at(index.row()), m_roles.at(slot));
}

QHash<int, QByteArray> ApiListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i));
    return names;
}

QVariant ApiListModel::roleValue(const QJsonObject &item, const QByteArray &role) const
{
    return item.value(QLatin1String(role)).toVariant();
}

QJsonArray ApiListModel::rowsOf(const QJsonObject &reply) const
{
    for (auto it = reply.constBegin(); it != reply.constEnd(); ++it) {
        if (it.value().isArray())
            return it.value().toArray();
    }
    return {};
}

bool ApiListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void ApiListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        loadMore();
}

void ApiListModel::reload()
{
    m_reloadTimer.stop();
    if (!m_session || !m_session->isSignedIn())
        return;
    load(1);
}

void ApiListModel::scheduleReload()
{
    m_reloadTimer.start();
}

void ApiListModel::loadMore()
{
    if (!m_hasMore || m_loading || !m_session || !m_session->isSignedIn())
        return;
    load(m_page + 1);
}

void ApiListModel::load(int page)
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_session->api().send("GET", listPath(page), {}, this, [this, generation, page](const Expected<QJsonObject> &r) {
        if (generation != m_generation)
            return; // a newer load replaced this one
        setLoading(false);
        if (!r) {
            setErrorMessage(AdminSession::describe(r.error()));
            return;
        }
        const QJsonObject &reply = r.value();
        QList<QJsonObject> rows;
        for (const QJsonValue &v : rowsOf(reply))
            rows << v.toObject();
        const QJsonObject pagination = reply.value(QStringLiteral("pagination")).toObject();
        const int before = count();
        if (page == 1) {
            beginResetModel();
            m_items = std::move(rows);
            endResetModel();
        } else if (!rows.isEmpty()) {
            beginInsertRows({}, before, before + int(rows.size()) - 1);
            m_items << rows;
            endInsertRows();
        }
        m_page = page;
        m_total = pagination.value(QStringLiteral("total")).toInt(count());
        m_loaded = true;
        setHasMore(pagination.value(QStringLiteral("hasNext")).toBool());
        setErrorMessage({});
        Q_EMIT countChanged();
        Q_EMIT loadingChanged();
        Q_EMIT loadFinished();
    });
}

QVariantMap ApiListModel::get(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    return m_items.at(row).toVariantMap();
}

int ApiListModel::indexOf(const QString &id) const
{
    const QString key = idKey();
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).value(key).toString() == id)
            return i;
    }
    return -1;
}

void ApiListModel::mutate(const QByteArray &method, const QString &path, const QJsonObject &body,
    std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed)
{
    if (!m_session || !m_session->isSignedIn()) {
        Q_EMIT actionFailed(tr("You are signed out."), {});
        return;
    }
    ++m_busy;
    if (m_busy == 1)
        Q_EMIT busyChanged();
    m_session->api().send(method, path, body, this,
        [this, done = std::move(done), failed = std::move(failed)](const Expected<QJsonObject> &r) {
            if (--m_busy == 0)
                Q_EMIT busyChanged();
            if (!r) {
                if (failed)
                    failed(r.error());
                Q_EMIT actionFailed(describeError(r.error()), r.error().field);
                return;
            }
            if (done)
                done(r.value());
        });
}

void ApiListModel::request(const QByteArray &method, const QString &path, const QJsonObject &body,
    std::function<void(const QJsonObject &)> done, std::function<void(const ProtocolError &)> failed)
{
    if (m_session)
        m_session->request(method, path, body, this, std::move(done), std::move(failed));
}

void ApiListModel::upsert(const QJsonObject &item, int row)
{
    const int existing = indexOf(item.value(idKey()).toString());
    if (existing >= 0) {
        m_items[existing] = item;
        Q_EMIT dataChanged(index(existing), index(existing));
        return;
    }
    row = std::clamp(row, 0, count());
    beginInsertRows({}, row, row);
    m_items.insert(row, item);
    endInsertRows();
    ++m_total;
    Q_EMIT countChanged();
}

void ApiListModel::removeId(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    m_total = std::max(0, m_total - 1);
    Q_EMIT countChanged();
}

void ApiListModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
    m_total = 0;
    setHasMore(false);
    Q_EMIT countChanged();
}

QString ApiListModel::encode(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void ApiListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ApiListModel::setErrorMessage(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

void ApiListModel::setHasMore(bool hasMore)
{
    if (m_hasMore == hasMore)
        return;
    m_hasMore = hasMore;
    Q_EMIT hasMoreChanged();
}

} // namespace Tidings::Admin
