#include "ApiObject.h"

#include "AdminSession.h"

namespace Tidings::Admin {

ApiObject::ApiObject(QObject *parent)
    : QObject(parent)
{
}

ApiObject::~ApiObject() = default;

void ApiObject::setSession(AdminSession *session)
{
    if (m_session == session)
        return;
    disconnect(m_sessionConnection);
    m_session = session;
    if (session)
        m_sessionConnection = connect(session, &AdminSession::signedInChanged, this, &ApiObject::sessionStateChanged);
    Q_EMIT sessionChanged();
    sessionStateChanged(isSignedIn());
}

void ApiObject::sessionStateChanged(bool)
{
}

bool ApiObject::isSignedIn() const
{
    return m_session && m_session->isSignedIn();
}

void ApiObject::clearError()
{
    setError(QString());
}

void ApiObject::setError(const ProtocolError &error)
{
    setError(AdminSession::describe(error), error.field);
}

void ApiObject::setError(const QString &message, const QString &field)
{
    if (m_errorMessage == message && m_errorField == field)
        return;
    m_errorMessage = message;
    m_errorField = field;
    Q_EMIT errorChanged();
}

void ApiObject::fetch(const QString &path, Done done, Failed failed)
{
    send("GET", path, {}, &m_loading, &ApiObject::loadingChanged, std::move(done), std::move(failed), false);
}

void ApiObject::mutate(const QByteArray &method, const QString &path, const QJsonObject &body, Done done, Failed failed)
{
    send(method, path, body, &m_busy, &ApiObject::busyChanged, std::move(done), std::move(failed), true);
}

void ApiObject::quietly(
    const QByteArray &method, const QString &path, const QJsonObject &body, Done done, Failed failed)
{
    if (m_session)
        m_session->request(method, path, body, this, std::move(done), std::move(failed));
}

void ApiObject::send(const QByteArray &method, const QString &path, const QJsonObject &body, int *counter,
    void (ApiObject::*changed)(), Done done, Failed failed, bool reportAction)
{
    if (!isSignedIn()) {
        setError(tr("You are signed out."));
        return;
    }
    if ((*counter)++ == 0)
        Q_EMIT(this->*changed)();
    m_session->api().send(method, path, body, this,
        [this, counter, changed, reportAction, done = std::move(done), failed = std::move(failed)](
            const Expected<QJsonObject> &r) {
            if (--(*counter) == 0)
                Q_EMIT(this->*changed)();
            if (!r) {
                setError(r.error());
                if (reportAction)
                    Q_EMIT actionFailed(m_errorMessage, m_errorField);
                if (failed)
                    failed(r.error());
                return;
            }
            clearError();
            if (done)
                done(r.value());
        });
}

} // namespace Tidings::Admin
