#pragma once

#include "protocol/Preferences.h"

#include <QObject>

namespace Tidings::Client {
class ClientSession;
} // namespace Tidings::Client

namespace Tidings::App {

// The server's notification preferences as the preferences dialog edits them:
// loads GET /api/notifications/preferences, sends each change as a small patch
// through ClientSession::updatePreferences (so a change made offline waits in the
// offline queue), and keeps the last document the server accepted. A refused
// change is reported readably and the pages go back to what was accepted; changes
// accepted before it stay.
class ServerPreferences : public QObject
{
    Q_OBJECT

public:
    explicit ServerPreferences(Client::ClientSession &session, QObject *parent = nullptr);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    // What the server accepted last, with the changes still on their way on top.
    [[nodiscard]] const Preferences &current() const { return m_current; }
    [[nodiscard]] const Preferences &accepted() const { return m_accepted; }
    [[nodiscard]] bool hasPendingChanges() const;

    void reload();
    // Sends a partial document ({"quietHours": {...}}, {"topics": {"orders": {...}}}).
    void change(const QJsonObject &patch);

    // A readable sentence for a refused change, naming the setting.
    [[nodiscard]] static QString describe(const ProtocolError &error);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    // The document the pages should show changed (loaded, accepted, or rolled back).
    void changed();
    void saved();
    void saving(bool offline);
    void refused(const QString &message);

private:
    void attach();
    void onConfirmed(const QJsonObject &document);

    Client::ClientSession &m_session;
    Preferences m_accepted;
    Preferences m_current;
    bool m_loaded = false;
    bool m_loading = false;
};

} // namespace Tidings::App
