#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace QKeychain {
class Job;
}

class QJsonObject;

namespace Tidings::Client {

// One refresh token per user and server.
struct CredentialKey
{
    QUrl server;
    QString username;

    // "<username>@<server>", the server without user info, query, fragment or
    // trailing slash, so "https://a.example/" and "https://a.example" share an entry.
    [[nodiscard]] QString toKeychainKey() const;
    [[nodiscard]] bool isValid() const { return server.isValid() && !server.host().isEmpty() && !username.isEmpty(); }
};

// Keeps refresh tokens in the platform keychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Manager) through QtKeychain. When there is no
// keychain it fails with NoSecretService unless the user opted in to the
// insecure fallback: a 0600 JSON file that the UI must name as insecure.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool insecureFallbackAllowed READ insecureFallbackAllowed WRITE setInsecureFallbackAllowed NOTIFY
            insecureFallbackAllowedChanged)
    Q_PROPERTY(bool usingInsecureStorage READ usingInsecureStorage NOTIFY usingInsecureStorageChanged)

public:
    enum class Error { None, NotFound, NoSecretService, AccessDenied, Other };
    Q_ENUM(Error)

    struct Result
    {
        bool ok = false;
        QString secret; // read only
        Error error = Error::None;
        QString message; // human-readable, for the UI
        bool insecure = false; // the secret went to or came from the fallback file
    };
    using Callback = std::function<void(Result)>;

    explicit CredentialStore(QString serviceName = QStringLiteral("Tidings"), QObject *parent = nullptr);

    // The callback runs once, later, from the event loop; it is dropped if
    // `context` (when given) or the store is destroyed first.
    void read(const CredentialKey &key, QObject *context, Callback callback);
    void write(const CredentialKey &key, const QString &secret, QObject *context, Callback callback);
    // Removes the secret from the keychain and from the fallback file.
    void remove(const CredentialKey &key, QObject *context, Callback callback);

    [[nodiscard]] QString serviceName() const { return m_serviceName; }
    [[nodiscard]] bool insecureFallbackAllowed() const { return m_fallbackAllowed; }
    void setInsecureFallbackAllowed(bool allowed);
    // True while the fallback file holds secrets of this service, as last seen
    // by an operation of this store.
    [[nodiscard]] bool usingInsecureStorage() const { return m_usingInsecureStorage; }

    // Defaults to QStandardPaths::AppDataLocation.
    [[nodiscard]] QString fallbackDirectory() const;
    void setFallbackDirectory(const QString &directory) { m_fallbackDirectory = directory; }
    [[nodiscard]] QString fallbackFilePath() const;

Q_SIGNALS:
    void insecureFallbackAllowedChanged(bool allowed);
    void usingInsecureStorageChanged(bool insecure);

private:
    void start(QKeychain::Job *job, QObject *context, std::function<void(QKeychain::Job *)> onFinished);
    [[nodiscard]] bool rejectInvalid(const CredentialKey &key, QObject *context, const Callback &callback);
    [[nodiscard]] Result readFallback(const QString &account);
    [[nodiscard]] Result writeFallback(const QString &account, const QString &secret);
    [[nodiscard]] Result removeFromFallback(const QString &account, bool *removed);
    [[nodiscard]] bool loadFallback(QJsonObject *all, QString *error) const;
    [[nodiscard]] bool saveFallback(const QJsonObject &all, QString *error);
    void setUsingInsecureStorage(bool insecure);

    QString m_serviceName;
    QString m_fallbackDirectory;
    bool m_fallbackAllowed = false;
    bool m_usingInsecureStorage = false;
};

} // namespace Tidings::Client
