#include "client/CredentialStore.h"

#include "support/TestMain.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>
#include <optional>

#include <sys/stat.h>

using Tidings::Client::CredentialKey;
using Tidings::Client::CredentialStore;
using Error = CredentialStore::Error;
using Result = CredentialStore::Result;

// Runs against a real Secret Service: scripts/with-keyring starts a throwaway,
// unlocked gnome-keyring and exports TIDINGS_TEST_SECRET_SERVICE=1. The
// nosecretservice CTest variant points D-Bus at nothing and sets it to 0, and
// the same tests then assert the failure paths. Unset, the keychain is left
// alone (it may be the developer's own, and locked).
class TstCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void toKeychainKey_normalisesServer_data();
    void toKeychainKey_normalisesServer();
    void write_invalidKey_failsAsynchronously();
    void roundTrip_writeReadOverwriteRemove();
    void accounts_onDifferentServers_doNotSeeEachOther();
    void fallbackDisabled_withoutKeychain_reportsNoSecretServiceAndWritesNothing();
    void fallbackAllowed_withoutKeychain_writes0600FileAndFlagsInsecure();
    void fallbackAllowed_withKeychain_keepsSecretsOutOfFile();
    void write_withKeychain_dropsStalePlaintextCopy();
    void read_contextDestroyed_dropsCallback();

private:
    enum class Mode { Unknown, SecretService, NoSecretService };

    [[nodiscard]] std::unique_ptr<CredentialStore> makeStore() const;
    void requireMode();
    [[nodiscard]] static Result await(const std::function<void(QObject *, CredentialStore::Callback)> &op);
    [[nodiscard]] static Result read(CredentialStore &store, const CredentialKey &key);
    [[nodiscard]] static Result write(CredentialStore &store, const CredentialKey &key, const QString &secret);
    [[nodiscard]] static Result remove(CredentialStore &store, const CredentialKey &key);
    [[nodiscard]] static int fileMode(const QString &path);

    Mode m_mode = Mode::Unknown;
    QString m_serviceName;
    std::optional<QTemporaryDir> m_dir;
};

static const CredentialKey Alice {QUrl(QStringLiteral("https://tidings.example.org")), QStringLiteral("alice")};
static const CredentialKey AliceElsewhere {QUrl(QStringLiteral("https://other.example.net")), QStringLiteral("alice")};

#define VERIFY_OK(result) QVERIFY2((result).ok, qPrintable((result).message))

void TstCredentialStore::initTestCase()
{
    const QString env = qEnvironmentVariable("TIDINGS_TEST_SECRET_SERVICE");
    if (env == QLatin1String("1"))
        m_mode = Mode::SecretService;
    else if (env == QLatin1String("0"))
        m_mode = Mode::NoSecretService;
    // One service name per run, so nothing collides with a real "Tidings" entry
    // or with an earlier run that crashed before cleaning up.
    m_serviceName = QStringLiteral("tidings-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TstCredentialStore::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

void TstCredentialStore::cleanup()
{
    if (m_mode == Mode::SecretService) {
        auto store = makeStore();
        for (const auto &key : {Alice, AliceElsewhere})
            VERIFY_OK(remove(*store, key));
    }
    m_dir.reset();
}

std::unique_ptr<CredentialStore> TstCredentialStore::makeStore() const
{
    auto store = std::make_unique<CredentialStore>(m_serviceName);
    store->setFallbackDirectory(m_dir->path());
    return store;
}

void TstCredentialStore::requireMode()
{
    if (m_mode == Mode::Unknown)
        QSKIP("TIDINGS_TEST_SECRET_SERVICE is unset; run through scripts/with-keyring");
}

Result TstCredentialStore::await(const std::function<void(QObject *, CredentialStore::Callback)> &op)
{
    // The context dies with this frame, so a late answer after a timeout is dropped.
    QObject context;
    std::optional<Result> result;
    op(&context, [&result](Result r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30'000)) {
        Result timedOut;
        timedOut.error = Error::Other;
        timedOut.message = QStringLiteral("no answer within 30 s");
        return timedOut;
    }
    return *result;
}

Result TstCredentialStore::read(CredentialStore &store, const CredentialKey &key)
{
    return await([&](QObject *context, CredentialStore::Callback done) { store.read(key, context, done); });
}

Result TstCredentialStore::write(CredentialStore &store, const CredentialKey &key, const QString &secret)
{
    return await([&](QObject *context, CredentialStore::Callback done) { store.write(key, secret, context, done); });
}

Result TstCredentialStore::remove(CredentialStore &store, const CredentialKey &key)
{
    return await([&](QObject *context, CredentialStore::Callback done) { store.remove(key, context, done); });
}

int TstCredentialStore::fileMode(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

void TstCredentialStore::toKeychainKey_normalisesServer_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("https://tidings.example.org")
                           << QStringLiteral("alice@https://tidings.example.org");
    QTest::newRow("trailing slash") << QStringLiteral("https://tidings.example.org/")
                                    << QStringLiteral("alice@https://tidings.example.org");
    QTest::newRow("user info, upper-case host") << QStringLiteral("https://bob:hunter2@Tidings.Example.ORG:8443/base/")
                                                << QStringLiteral("alice@https://tidings.example.org:8443/base");
    QTest::newRow("query and fragment") << QStringLiteral("http://10.0.0.2:8080/?x=1#top")
                                        << QStringLiteral("alice@http://10.0.0.2:8080");
}

void TstCredentialStore::toKeychainKey_normalisesServer()
{
    QFETCH(QString, server);
    QFETCH(QString, expected);
    const CredentialKey key {QUrl(server), QStringLiteral("alice")};
    QVERIFY(key.isValid());
    QCOMPARE(key.toKeychainKey(), expected);
}

void TstCredentialStore::write_invalidKey_failsAsynchronously()
{
    auto store = makeStore();
    std::optional<Result> result;
    QObject context;
    store->write(CredentialKey {QUrl(), QStringLiteral("alice")}, QStringLiteral("s"), &context,
        [&result](Result r) { result = std::move(r); });
    QVERIFY(!result);
    QTRY_VERIFY(result);
    QVERIFY(!result->ok);
    QCOMPARE(result->error, Error::Other);
}

void TstCredentialStore::roundTrip_writeReadOverwriteRemove()
{
    requireMode();
    auto store = makeStore();

    if (m_mode == Mode::NoSecretService) {
        for (const Result &r :
            {write(*store, Alice, QStringLiteral("token-1")), read(*store, Alice), remove(*store, Alice)}) {
            QVERIFY(!r.ok);
            QCOMPARE(r.error, Error::NoSecretService);
            QVERIFY2(r.message.contains(QLatin1String("No Secret Service is running")), qPrintable(r.message));
        }
        QVERIFY(!QFile::exists(store->fallbackFilePath()));
        QVERIFY(!store->usingInsecureStorage());
        return;
    }

    Result r = read(*store, Alice);
    QCOMPARE(r.error, Error::NotFound);

    VERIFY_OK(write(*store, Alice, QStringLiteral("token-1")));
    r = read(*store, Alice);
    VERIFY_OK(r);
    QCOMPARE(r.secret, QStringLiteral("token-1"));
    QVERIFY(!r.insecure);

    VERIFY_OK(write(*store, Alice, QStringLiteral("token-2 \u00e9")));
    r = read(*store, Alice);
    VERIFY_OK(r);
    QCOMPARE(r.secret, QStringLiteral("token-2 \u00e9"));

    VERIFY_OK(remove(*store, Alice));
    r = read(*store, Alice);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, Error::NotFound);
    QVERIFY(!QFile::exists(store->fallbackFilePath()));
    QVERIFY(!store->usingInsecureStorage());
}

void TstCredentialStore::accounts_onDifferentServers_doNotSeeEachOther()
{
    requireMode();
    auto store = makeStore();
    // Without a keychain the same isolation must hold in the fallback file.
    store->setInsecureFallbackAllowed(m_mode == Mode::NoSecretService);

    VERIFY_OK(write(*store, Alice, QStringLiteral("token-example-org")));
    QCOMPARE(read(*store, AliceElsewhere).error, Error::NotFound);
    VERIFY_OK(write(*store, AliceElsewhere, QStringLiteral("token-example-net")));

    QCOMPARE(read(*store, Alice).secret, QStringLiteral("token-example-org"));
    QCOMPARE(read(*store, AliceElsewhere).secret, QStringLiteral("token-example-net"));

    VERIFY_OK(remove(*store, Alice));
    QCOMPARE(read(*store, Alice).error, Error::NotFound);
    QCOMPARE(read(*store, AliceElsewhere).secret, QStringLiteral("token-example-net"));

    // A store with another service name is another application's namespace.
    CredentialStore stranger(m_serviceName + QStringLiteral("-other"));
    stranger.setFallbackDirectory(m_dir->path());
    stranger.setInsecureFallbackAllowed(true);
    QCOMPARE(read(stranger, AliceElsewhere).error, Error::NotFound);

    VERIFY_OK(remove(*store, AliceElsewhere));
}

void TstCredentialStore::fallbackDisabled_withoutKeychain_reportsNoSecretServiceAndWritesNothing()
{
    requireMode();
    if (m_mode == Mode::SecretService)
        QSKIP("needs the nosecretservice variant");
    auto store = makeStore();
    QSignalSpy insecureSpy(store.get(), &CredentialStore::usingInsecureStorageChanged);
    QVERIFY(!store->insecureFallbackAllowed());

    const Result r = write(*store, Alice, QStringLiteral("token"));
    QVERIFY(!r.ok);
    QCOMPARE(r.error, Error::NoSecretService);
    QVERIFY(!r.insecure);
    QVERIFY(QDir(m_dir->path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    QCOMPARE(insecureSpy.count(), 0);
}

void TstCredentialStore::fallbackAllowed_withoutKeychain_writes0600FileAndFlagsInsecure()
{
    requireMode();
    if (m_mode == Mode::SecretService)
        QSKIP("needs the nosecretservice variant");
    // A permissive umask would leave a plain QSaveFile world-readable.
    const mode_t oldUmask = ::umask(022);
    auto restoreUmask = qScopeGuard([oldUmask] { ::umask(oldUmask); });

    auto store = makeStore();
    QSignalSpy allowedSpy(store.get(), &CredentialStore::insecureFallbackAllowedChanged);
    QSignalSpy insecureSpy(store.get(), &CredentialStore::usingInsecureStorageChanged);
    store->setInsecureFallbackAllowed(true);
    QCOMPARE(allowedSpy.count(), 1);

    Result r = write(*store, Alice, QStringLiteral("token-1"));
    VERIFY_OK(r);
    QVERIFY(r.insecure);
    QVERIFY(store->usingInsecureStorage());
    QCOMPARE(insecureSpy.count(), 1);
    QCOMPARE(insecureSpy.at(0).at(0).toBool(), true);

    const QString path = store->fallbackFilePath();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("credentials.json"));
    QCOMPARE(fileMode(path), 0600);
    QCOMPARE(QFileInfo(path).permissions(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);

    // Even a file someone loosened goes back to 0600 on the next write.
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    VERIFY_OK(write(*store, Alice, QStringLiteral("token-2")));
    QCOMPARE(fileMode(path), 0600);

    r = read(*store, Alice);
    VERIFY_OK(r);
    QCOMPARE(r.secret, QStringLiteral("token-2"));
    QVERIFY(r.insecure);

    VERIFY_OK(remove(*store, Alice));
    QCOMPARE(read(*store, Alice).error, Error::NotFound);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!store->usingInsecureStorage());
    QCOMPARE(insecureSpy.count(), 2);

    // Opting out again stops the file from being consulted or written.
    VERIFY_OK(write(*store, Alice, QStringLiteral("token-3")));
    store->setInsecureFallbackAllowed(false);
    QCOMPARE(read(*store, Alice).error, Error::NoSecretService);
    QCOMPARE(write(*store, AliceElsewhere, QStringLiteral("token-elsewhere")).error, Error::NoSecretService);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("token-3"));
    QVERIFY(!content.contains("token-elsewhere"));
}

void TstCredentialStore::fallbackAllowed_withKeychain_keepsSecretsOutOfFile()
{
    requireMode();
    if (m_mode == Mode::NoSecretService)
        QSKIP("needs a Secret Service");
    auto store = makeStore();
    store->setInsecureFallbackAllowed(true);

    const Result r = write(*store, Alice, QStringLiteral("token"));
    VERIFY_OK(r);
    QVERIFY(!r.insecure);
    QVERIFY(!QFile::exists(store->fallbackFilePath()));
    QVERIFY(!store->usingInsecureStorage());
    QCOMPARE(read(*store, Alice).secret, QStringLiteral("token"));
}

void TstCredentialStore::write_withKeychain_dropsStalePlaintextCopy()
{
    requireMode();
    if (m_mode == Mode::NoSecretService)
        QSKIP("needs a Secret Service");
    auto store = makeStore();
    store->setInsecureFallbackAllowed(true);
    // What an earlier session without a keychain left behind.
    QFile file(store->fallbackFilePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QJsonObject accounts {{Alice.toKeychainKey(), QStringLiteral("old-token")}};
    file.write(QJsonDocument(QJsonObject {{m_serviceName, accounts}}).toJson());
    file.close();

    Result r = read(*store, Alice);
    VERIFY_OK(r);
    QCOMPARE(r.secret, QStringLiteral("old-token"));
    QVERIFY(r.insecure);
    QVERIFY(store->usingInsecureStorage());

    VERIFY_OK(write(*store, Alice, QStringLiteral("new-token")));
    QVERIFY(!QFile::exists(file.fileName()));
    QVERIFY(!store->usingInsecureStorage());
    r = read(*store, Alice);
    QCOMPARE(r.secret, QStringLiteral("new-token"));
    QVERIFY(!r.insecure);
}

void TstCredentialStore::read_contextDestroyed_dropsCallback()
{
    requireMode();
    auto store = makeStore();
    bool staleCalled = false;
    {
        QObject context;
        store->read(Alice, &context, [&staleCalled](const Result &) { staleCalled = true; });
    }
    // QtKeychain runs jobs one after the other, so once this answer is in, the
    // first job has finished too.
    const Result r = read(*store, Alice);
    QCOMPARE(r.error, m_mode == Mode::SecretService ? Error::NotFound : Error::NoSecretService);
    QVERIFY(!staleCalled);
}

TIDINGS_TEST_MAIN(TstCredentialStore)
#include "tst_credentialstore.moc"
