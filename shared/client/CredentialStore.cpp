#include "client/CredentialStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

#include <qt6keychain/keychain.h>

namespace {
// File-local until the module's categories move into ClientLogging.h.
Q_LOGGING_CATEGORY(lcCredentials, "tidings.client.credentials")
} // namespace

namespace Tidings::Client {

namespace {

using Error = CredentialStore::Error;
using Result = CredentialStore::Result;

Result success(QString secret = {}, bool insecure = false)
{
    Result r;
    r.ok = true;
    r.secret = std::move(secret);
    r.insecure = insecure;
    return r;
}

Result failure(Error error, QString message)
{
    Result r;
    r.error = error;
    r.message = std::move(message);
    return r;
}

Error classify(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Error::None;
    case QKeychain::EntryNotFound:
        return Error::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::NoSecretService;
    case QKeychain::OtherError:
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
        // With libsecret every error outside libsecret's own domain arrives as
        // OtherError carrying only GLib's (translated) message: no session bus
        // ("Could not connect: ..."), no provider of org.freedesktop.secrets, a
        // failed activation or a keyring without a default collection. All of
        // them mean the Secret Service cannot be used, and matching the English
        // messages would break in other locales.
        return Error::NoSecretService;
#else
        return Error::Other;
#endif
    case QKeychain::CouldNotDeleteEntry:
        return Error::Other;
    }
    return Error::Other;
}

Result keychainResult(const QKeychain::Job &job)
{
    const Error error = classify(job.error());
    const QString details = job.errorString();
    switch (error) {
    case Error::None:
        return success();
    case Error::NotFound:
        return failure(error, CredentialStore::tr("No sign-in is saved for this account."));
    case Error::NoSecretService:
        return failure(error,
            CredentialStore::tr("No Secret Service is running (install and unlock gnome-keyring or KWallet), so the "
                                "sign-in cannot be remembered securely. Details: %1")
                .arg(details));
    case Error::AccessDenied:
        return failure(error, CredentialStore::tr("The keyring refused access (is it locked?): %1").arg(details));
    case Error::Other:
        break;
    }
    return failure(Error::Other, CredentialStore::tr("The keyring failed: %1").arg(details));
}

} // namespace

QString CredentialKey::toKeychainKey() const
{
    QUrl normalised
        = server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    // StripTrailingSlash keeps a lone "/", which would split one server in two.
    if (normalised.path() == QLatin1String("/"))
        normalised.setPath(QString());
    return username + QLatin1Char('@') + normalised.toString(QUrl::FullyEncoded);
}

CredentialStore::CredentialStore(QString serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(std::move(serviceName))
{
}

void CredentialStore::setInsecureFallbackAllowed(bool allowed)
{
    if (m_fallbackAllowed == allowed)
        return;
    m_fallbackAllowed = allowed;
    qCInfo(lcCredentials) << "insecure file fallback" << (allowed ? "allowed" : "disallowed");
    Q_EMIT insecureFallbackAllowedChanged(allowed);
}

QString CredentialStore::fallbackDirectory() const
{
    // Resolved late: the application name that AppDataLocation depends on may
    // be set after the store is created.
    return m_fallbackDirectory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                         : m_fallbackDirectory;
}

QString CredentialStore::fallbackFilePath() const
{
    return QDir(fallbackDirectory()).filePath(QStringLiteral("credentials.json"));
}

void CredentialStore::read(const CredentialKey &key, QObject *context, Callback callback)
{
    if (rejectInvalid(key, context, callback))
        return;
    const QString account = key.toKeychainKey();
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setKey(account);
    start(job, context, [this, account, callback](QKeychain::Job *finished) {
        Result result = keychainResult(*finished);
        if (result.ok) {
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            callback(result);
        } else if (m_fallbackAllowed && (result.error == Error::NotFound || result.error == Error::NoSecretService)) {
            callback(readFallback(account));
        } else {
            callback(result);
        }
    });
}

void CredentialStore::write(const CredentialKey &key, const QString &secret, QObject *context, Callback callback)
{
    if (rejectInvalid(key, context, callback))
        return;
    const QString account = key.toKeychainKey();
    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setKey(account);
    job->setTextData(secret);
    start(job, context, [this, account, secret, callback](QKeychain::Job *finished) {
        const Result result = keychainResult(*finished);
        if (result.ok) {
            // A copy saved while the keychain was unavailable must not outlive
            // the secure one in plaintext.
            bool removed = false;
            const Result cleanup = removeFromFallback(account, &removed);
            callback(cleanup.ok ? result : cleanup);
        } else if (result.error == Error::NoSecretService && m_fallbackAllowed) {
            qCWarning(lcCredentials) << "no Secret Service, storing the secret in" << fallbackFilePath();
            callback(writeFallback(account, secret));
        } else {
            callback(result);
        }
    });
}

void CredentialStore::remove(const CredentialKey &key, QObject *context, Callback callback)
{
    if (rejectInvalid(key, context, callback))
        return;
    const QString account = key.toKeychainKey();
    auto *job = new QKeychain::DeletePasswordJob(m_serviceName);
    job->setKey(account);
    start(job, context, [this, account, callback](QKeychain::Job *finished) {
        const Result result = keychainResult(*finished);
        bool removedFromFile = false;
        const Result cleanup = removeFromFallback(account, &removedFromFile);
        if (!cleanup.ok)
            callback(cleanup);
        else if (result.ok || result.error == Error::NotFound)
            callback(success()); // removing what is not there is not an error
        else if (result.error == Error::NoSecretService && (m_fallbackAllowed || removedFromFile))
            callback(success({}, removedFromFile));
        else
            callback(result);
    });
}

void CredentialStore::start(QKeychain::Job *job, QObject *context, std::function<void(QKeychain::Job *)> onFinished)
{
    // QtKeychain's own fallback silently writes plaintext QSettings, which is
    // exactly what the issue rules out; ours is opt-in and visible.
    job->setInsecureFallback(false);
    // libsecret's callbacks hold a raw pointer to the job, so deleting it early
    // would crash: the job has no parent and deletes itself once finished, and
    // a vanished context only drops the callback.
    job->setAutoDelete(true);
    const bool bound = context != nullptr;
    connect(job, &QKeychain::Job::finished, this,
        [bound, guard = QPointer<QObject>(context), onFinished = std::move(onFinished)](QKeychain::Job *finished) {
            if (bound && !guard)
                return;
            if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
                qCWarning(lcCredentials) << "keychain job failed:" << finished->error() << finished->errorString();
            onFinished(finished);
        });
    job->start();
}

bool CredentialStore::rejectInvalid(const CredentialKey &key, QObject *context, const Callback &callback)
{
    if (key.isValid())
        return false;
    // Asynchronous like every other answer, so callers need only one code path.
    const Result result = failure(Error::Other, tr("The account has no server or user name."));
    QMetaObject::invokeMethod(
        context ? context : this, [callback, result] { callback(result); }, Qt::QueuedConnection);
    return true;
}

Result CredentialStore::readFallback(const QString &account)
{
    QJsonObject all;
    QString error;
    if (!loadFallback(&all, &error))
        return failure(Error::Other, error);
    const QJsonObject service = all.value(m_serviceName).toObject();
    setUsingInsecureStorage(!service.isEmpty());
    const QJsonValue secret = service.value(account);
    if (!secret.isString())
        return failure(Error::NotFound, tr("No sign-in is saved for this account."));
    return success(secret.toString(), true);
}

Result CredentialStore::writeFallback(const QString &account, const QString &secret)
{
    QJsonObject all;
    QString error;
    if (!loadFallback(&all, &error))
        return failure(Error::Other, error);
    QJsonObject service = all.value(m_serviceName).toObject();
    service.insert(account, secret);
    all.insert(m_serviceName, service);
    if (!saveFallback(all, &error))
        return failure(Error::Other, error);
    setUsingInsecureStorage(true);
    return success({}, true);
}

Result CredentialStore::removeFromFallback(const QString &account, bool *removed)
{
    *removed = false;
    if (!QFile::exists(fallbackFilePath()))
        return success();
    QJsonObject all;
    QString error;
    if (!loadFallback(&all, &error))
        return failure(Error::Other, error);
    QJsonObject service = all.value(m_serviceName).toObject();
    if (service.contains(account)) {
        service.remove(account);
        if (service.isEmpty())
            all.remove(m_serviceName);
        else
            all.insert(m_serviceName, service);
        if (!saveFallback(all, &error))
            return failure(Error::Other, error);
        *removed = true;
    }
    setUsingInsecureStorage(!service.isEmpty());
    return success();
}

bool CredentialStore::loadFallback(QJsonObject *all, QString *error) const
{
    QFile file(fallbackFilePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = tr("%1 is damaged: %2").arg(file.fileName(), parseError.errorString());
        return false;
    }
    *all = doc.object();
    return true;
}

bool CredentialStore::saveFallback(const QJsonObject &all, QString *error)
{
    const QString path = fallbackFilePath();
    if (all.isEmpty()) {
        // No plaintext file lingers once it holds nothing.
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("Cannot remove %1.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(fallbackDirectory())) {
        *error = tr("Cannot create %1.").arg(fallbackDirectory());
        return false;
    }
    QSaveFile file(path);
    // Before the first byte: QSaveFile creates a new file's temporary copy with
    // 0666 & ~umask (and copies an existing file's mode), and the final rename
    // keeps whatever mode the temporary file has.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void CredentialStore::setUsingInsecureStorage(bool insecure)
{
    if (m_usingInsecureStorage == insecure)
        return;
    m_usingInsecureStorage = insecure;
    Q_EMIT usingInsecureStorageChanged(insecure);
}

} // namespace Tidings::Client
