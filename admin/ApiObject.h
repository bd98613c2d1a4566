#pragma once

#include "protocol/ProtocolError.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Tidings::Admin {

class AdminSession;

// The base of the console's backend objects that are not lists (the dashboard,
// the template editor, the broadcast composer...): a session, and the state QML
// shows while they talk to the server. fetch() reads (`loading`, and
// `errorMessage` when it fails); mutate() changes (`busy`, and actionFailed()
// with the field the server named).
class ApiObject : public QObject
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Tidings::Admin::AdminSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)

public:
    ~ApiObject() override;

    [[nodiscard]] AdminSession *session() const { return m_session; }
    void setSession(AdminSession *session);
    [[nodiscard]] bool isLoading() const { return m_loading > 0; }
    [[nodiscard]] bool isBusy() const { return m_busy > 0; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString errorField() const { return m_errorField; }

    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void sessionChanged();
    void loadingChanged();
    void busyChanged();
    void errorChanged();
    void actionFailed(const QString &message, const QString &field);
    void actionSucceeded(const QString &message);

protected:
    explicit ApiObject(QObject *parent = nullptr);

    // The session signed in or out (also called once when it is set).
    virtual void sessionStateChanged(bool signedIn);
    [[nodiscard]] bool isSignedIn() const;

    using Done = std::function<void(const QJsonObject &)>;
    using Failed = std::function<void(const ProtocolError &)>;
    // A read: `loading` while in flight; a failure sets errorMessage/errorField
    // (then `failed` runs, if given). A success clears them.
    void fetch(const QString &path, Done done, Failed failed = {});
    // A change: `busy` while in flight; a failure sets errorMessage/errorField
    // and emits actionFailed() (then `failed` runs, if given).
    void mutate(const QByteArray &method, const QString &path, const QJsonObject &body, Done done, Failed failed = {});
    // A request with no state of its own (previews, estimates): only the callbacks.
    void quietly(const QByteArray &method, const QString &path, const QJsonObject &body, Done done, Failed failed);
    void setError(const ProtocolError &error);
    void setError(const QString &message, const QString &field = {});

private:
    void send(const QByteArray &method, const QString &path, const QJsonObject &body, int *counter,
        void (ApiObject::*changed)(), Done done, Failed failed, bool reportAction);

    QPointer<AdminSession> m_session;
    QMetaObject::Connection m_sessionConnection;
    int m_loading = 0;
    int m_busy = 0;
    QString m_errorMessage;
    QString m_errorField;
};

} // namespace Tidings::Admin
