#pragma once

#include <QLocalServer>
#include <QObject>

#include <memory>

namespace Tidings::App {

// One running tray client per user: the first start listens on a local socket in
// the user's runtime directory; a later start finds it, asks it to raise its
// notification center and exits.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QObject *parent = nullptr);

    // The socket's path: $XDG_RUNTIME_DIR/tidings-<user>.socket (or the temp dir).
    [[nodiscard]] static QString socketName();

    // True: this process is the one (listening now). False: another one runs and
    // was asked to raise its center.
    [[nodiscard]] bool claim();

Q_SIGNALS:
    void raiseRequested();

private:
    [[nodiscard]] bool tellRunning();
    void onConnection();

    std::unique_ptr<QLocalServer> m_server;
};

} // namespace Tidings::App
