#include "ui/ServerPreferences.h"

#include "client/ClientSession.h"
#include "client/OfflineQueue.h"
#include "client/ReadSync.h"

#include <QCoreApplication>

using namespace Tidings::Client;

namespace Tidings::App {

ServerPreferences::ServerPreferences(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_session, &ClientSession::signedInChanged, this, [this](bool signedIn) {
        if (signedIn) {
            attach();
            reload();
        }
    });
    attach();
}

void ServerPreferences::attach()
{
    ReadSync *sync = m_session.readSync();
    if (!sync)
        return;
    connect(sync, &ReadSync::preferencesConfirmed, this, &ServerPreferences::onConfirmed, Qt::UniqueConnection);
    connect(sync, &ReadSync::operationFailed, this, [this](const Operation &op, const ProtocolError &error) {
        if (op.kind != Operation::Kind::Preferences)
            return;
        // The refused patch (and anything merged into it) is gone; what the server
        // accepted before stays, and the pages show it again.
        m_current = m_accepted;
        Q_EMIT changed();
        Q_EMIT refused(describe(error));
    });
}

bool ServerPreferences::hasPendingChanges() const
{
    const OfflineQueue *queue = m_session.queue();
    if (!queue)
        return false;
    const QList<Operation> &ops = queue->operations();
    return std::any_of(
        ops.cbegin(), ops.cend(), [](const Operation &op) { return op.kind == Operation::Kind::Preferences; });
}

void ServerPreferences::reload()
{
    if (!m_session.isSignedIn() || m_loading)
        return;
    m_loading = true;
    m_session.api().preferences(this, [this](Expected<Preferences> result) {
        m_loading = false;
        if (!result) {
            Q_EMIT loadFailed(describe(result.error()));
            return;
        }
        m_accepted = result.value();
        // Changes queued earlier (offline) still apply on top.
        m_current = m_accepted;
        m_loaded = true;
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

void ServerPreferences::change(const QJsonObject &patch)
{
    Expected<Preferences> next = m_current.merged(patch);
    if (!next) {
        // Caught here already: the same validation the server does.
        Q_EMIT refused(describe(next.error()));
        Q_EMIT changed();
        return;
    }
    m_current = next.value();
    m_session.updatePreferences(patch);
    Q_EMIT saving(m_session.state() != Connection::State::Online);
}

void ServerPreferences::onConfirmed(const QJsonObject &document)
{
    Expected<Preferences> prefs = Preferences::fromJson(document);
    if (!prefs)
        return;
    m_accepted = prefs.value();
    if (!hasPendingChanges()) {
        // Nothing else on its way: show exactly what the server has.
        m_current = m_accepted;
        Q_EMIT changed();
        Q_EMIT saved();
    }
}

QString ServerPreferences::describe(const ProtocolError &error)
{
    static const QList<QPair<QString, const char *>> fields = {
        {QStringLiteral("quietHours.start"),
            QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the start of quiet hours")},
        {QStringLiteral("quietHours.end"),
            QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the end of quiet hours")},
        {QStringLiteral("quietHours.timezone"), QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the time zone")},
        {QStringLiteral("quietHours.days"),
            QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the days of quiet hours")},
        {QStringLiteral("quietHours"), QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "quiet hours")},
        {QStringLiteral("digest.time"), QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the digest time")},
        {QStringLiteral("digest.frequency"),
            QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the digest frequency")},
        {QStringLiteral("digest"), QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the digest")},
        {QStringLiteral("topics"), QT_TRANSLATE_NOOP("Tidings::App::ServerPreferences", "the topic settings")},
    };
    if (error.code == QLatin1String(ClientError::Network))
        return tr("The server could not be reached. %1").arg(error.message);
    QString what;
    for (const auto &[prefix, label] : fields) {
        if (error.field.startsWith(prefix)) {
            what = tr(label);
            break;
        }
    }
    const QString message = error.message.isEmpty() ? error.code : error.message;
    return what.isEmpty() ? tr("The server did not accept the change: %1").arg(message)
                          : tr("The server did not accept %1: %2").arg(what, message);
}

} // namespace Tidings::App
