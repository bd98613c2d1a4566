// The console's Users and tokens page backends (UserListModel, TokenListModel,
// Clipboard) against a real tidingsd: every change is checked over REST, as the
// user or the integration it affects would see it.

#include "support/AdminFixture.h"
#include "support/HttpTestClient.h"

#include "Clipboard.h"
#include "TokenListModel.h"
#include "UserListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>

using namespace Tidings;
using namespace Tidings::Test;
using Admin::ApiListModel;
using Admin::TokenListModel;
using Admin::UserListModel;

namespace {

// The row's value of `role` (by its name).
QVariant roleOf(const QAbstractItemModel &model, int row, const QByteArray &role)
{
    return model.data(model.index(row, 0), model.roleNames().key(role));
}

int rowNamed(const QAbstractItemModel &model, const QByteArray &role, const QString &value)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (roleOf(model, row, role).toString() == value)
            return row;
    }
    return -1;
}

} // namespace

class TestAdminUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void create_withPassword_signsInWithIt();
    void create_withoutPassword_exposesTheGeneratedOneOnce();
    void create_invalidOrTakenUsername_namesTheField();
    void search_asksTheServerAfterTheDebounce();
    void setRole_takesEffectOnTheServer();
    void setDisabled_refusesTheUsersLoginUntilEnabled();
    void resetPassword_generatedPasswordReplacesTheOldOne();
    void selfDemotionOrDisable_isRefusedWithAReadableMessage();

    void tokenCreate_showsTheSecretOnceAndItAuthenticates();
    void tokenCreate_withExpiry_listsWhenItExpires();
    void tokenCreate_invalidFields_areRefusedBeforeSending();
    void tokenRevoke_makesTheSecretAnswer401();
    void tokenList_namesTheOwners();

    void clipboard_copy_holdsTheText();

private:
    // A model of type M on the fixture's session, loaded, under a model tester.
    template<typename M> std::unique_ptr<M> loaded();

    std::unique_ptr<AdminFixture> m_f;
    std::unique_ptr<HttpTestClient> m_rest;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestAdminUsers::init()
{
    m_f = std::make_unique<AdminFixture>();
    QVERIFY(m_f->signIn());
    m_rest = std::make_unique<HttpTestClient>(m_f->server.url());
    QCOMPARE(m_rest->login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
}

void TestAdminUsers::cleanup()
{
    m_testers.clear();
    m_rest.reset();
    m_f.reset();
}

template<typename M> std::unique_ptr<M> TestAdminUsers::loaded()
{
    auto model = std::make_unique<M>();
    model->setReloadDelay(std::chrono::milliseconds(0));
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    QSignalSpy done(model.get(), &ApiListModel::loadFinished);
    model->setSession(&m_f->session);
    if (!done.wait(10000))
        qWarning("the model did not load: %s", qPrintable(model->errorMessage()));
    return model;
}

void TestAdminUsers::create_withPassword_signsInWithIt()
{
    auto users = loaded<UserListModel>();
    QVERIFY(users->isLoaded());
    QCOMPARE(users->count(), 1); // the server's admin
    QCOMPARE(roleOf(*users, 0, "isSelf").toBool(), true);

    QSignalSpy created(users.get(), &UserListModel::created);
    QSignalSpy succeeded(users.get(), &ApiListModel::actionSucceeded);
    QVERIFY(users->create(QStringLiteral("ada"), QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org"),
        QStringLiteral("publisher"), QStringLiteral("analytical-engine")));
    QVERIFY(users->isBusy());
    QVERIFY(created.wait(10000));
    QCOMPARE(succeeded.size(), 1);
    QVERIFY(users->oneTimePassword().isEmpty()); // the admin chose it: nothing to show
    QCOMPARE(users->count(), 2);
    const int row = users->indexOf(created.at(0).at(0).toString());
    QVERIFY(row >= 0);
    QCOMPARE(roleOf(*users, row, "username").toString(), QStringLiteral("ada"));
    QCOMPARE(roleOf(*users, row, "name").toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(roleOf(*users, row, "initials").toString(), QStringLiteral("AL"));
    QCOMPARE(roleOf(*users, row, "role").toString(), QStringLiteral("publisher"));
    QCOMPARE(roleOf(*users, row, "roleLabel").toString(), QStringLiteral("Publisher"));
    QCOMPARE(roleOf(*users, row, "isSelf").toBool(), false);
    QVERIFY(!users->get(row).contains(QStringLiteral("password")));

    HttpTestClient ada(m_f->server.url());
    const HttpResult login = ada.login(QStringLiteral("ada"), QStringLiteral("analytical-engine"));
    QCOMPARE(login.status, 200);
    const QJsonObject user = login.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.org"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("publisher"));
}

void TestAdminUsers::create_withoutPassword_exposesTheGeneratedOneOnce()
{
    auto users = loaded<UserListModel>();
    QSignalSpy shown(users.get(), &UserListModel::oneTimePasswordChanged);
    QSignalSpy created(users.get(), &UserListModel::created);
    QVERIFY(users->create(QStringLiteral("grace"), {}, {}, QStringLiteral("user")));
    QVERIFY(created.wait(10000));
    QCOMPARE(shown.size(), 1);
    const QString generated = users->oneTimePassword();
    QVERIFY(generated.size() >= 8);
    QCOMPARE(users->oneTimePasswordUser(), QStringLiteral("grace"));
    // The list's row never holds it.
    const int row = users->indexOf(created.at(0).at(0).toString());
    QVERIFY(!users->get(row).contains(QStringLiteral("password")));
    QCOMPARE(roleOf(*users, row, "name").toString(), QStringLiteral("grace"));
    QCOMPARE(roleOf(*users, row, "initials").toString(), QStringLiteral("GR"));

    HttpTestClient grace(m_f->server.url());
    QCOMPARE(grace.login(QStringLiteral("grace"), generated).status, 200);

    users->dismissPassword();
    QVERIFY(users->oneTimePassword().isEmpty());
    QVERIFY(users->oneTimePasswordUser().isEmpty());
    // Reloading the list cannot bring it back.
    QSignalSpy reloaded(users.get(), &ApiListModel::loadFinished);
    users->reload();
    QVERIFY(reloaded.wait(10000));
    QVERIFY(users->oneTimePassword().isEmpty());
}

void TestAdminUsers::create_invalidOrTakenUsername_namesTheField()
{
    auto users = loaded<UserListModel>();
    QSignalSpy failed(users.get(), &ApiListModel::actionFailed);

    // Wrong before sending: nothing goes to the server.
    QVERIFY(!users->create(QStringLiteral("a b"), {}, {}, QStringLiteral("user")));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(users->actionErrorField(), QStringLiteral("username"));
    QVERIFY(!users->isBusy());
    QVERIFY(!users->create(QStringLiteral("carol"), {}, QStringLiteral("not-an-address"), QStringLiteral("user")));
    QCOMPARE(users->actionErrorField(), QStringLiteral("email"));
    QVERIFY(!users->create(QStringLiteral("carol"), {}, {}, QStringLiteral("user"), QStringLiteral("short")));
    QCOMPARE(users->actionErrorField(), QStringLiteral("password"));
    QVERIFY(!users->create(QStringLiteral("carol"), {}, {}, QStringLiteral("owner")));
    QCOMPARE(users->actionErrorField(), QStringLiteral("role"));
    QCOMPARE(m_rest->get(QStringLiteral("/api/admin/users")).json.value(QStringLiteral("users")).toArray().size(), 1);

    // Refused by the server: the taken username, in words, on its field.
    failed.clear();
    QVERIFY(users->create(QStringLiteral("ADMIN"), {}, {}, QStringLiteral("user")));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("username"));
    QCOMPARE(users->actionErrorField(), QStringLiteral("username"));
    QCOMPARE(users->actionError(), QStringLiteral("That username is taken. Choose another."));
    QCOMPARE(users->count(), 1);
    users->clearActionError();
    QVERIFY(users->actionError().isEmpty());
}

void TestAdminUsers::search_asksTheServerAfterTheDebounce()
{
    QVERIFY(!m_rest->createUser(QStringLiteral("alice")).isEmpty());
    QVERIFY(!m_rest->createUser(QStringLiteral("alicia")).isEmpty());
    const QString bob = m_rest->createUser(QStringLiteral("bob"));
    QCOMPARE(m_rest
                 ->patch(QStringLiteral("/api/admin/users/") + bob,
                     {{QStringLiteral("displayName"), QStringLiteral("Alistair Bob")}})
                 .status,
        200);
    auto users = loaded<UserListModel>();
    QCOMPARE(users->count(), 4);

    QSignalSpy reloaded(users.get(), &ApiListModel::loadFinished);
    QSignalSpy searchChanged(users.get(), &UserListModel::searchChanged);
    users->setSearch(QStringLiteral("ali"));
    QCOMPARE(searchChanged.size(), 1);
    QVERIFY(reloaded.wait(10000));
    QStringList names;
    for (int row = 0; row < users->count(); ++row)
        names << roleOf(*users, row, "username").toString();
    // Usernames and display names match; the server sorts by username.
    QCOMPARE(names, (QStringList {QStringLiteral("alice"), QStringLiteral("alicia"), QStringLiteral("bob")}));

    users->setSearch(QStringLiteral("alic"));
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(users->count(), 2);
    users->setSearch(QStringLiteral("nobody"));
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(users->count(), 0);
    QVERIFY(users->isLoaded());
    users->setSearch({});
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(users->count(), 4);
}

void TestAdminUsers::setRole_takesEffectOnTheServer()
{
    const QString id = m_rest->createUser(QStringLiteral("alice"));
    auto users = loaded<UserListModel>();
    const int row = users->indexOf(id);
    QVERIFY(row >= 0);
    QSignalSpy changed(users.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy succeeded(users.get(), &ApiListModel::actionSucceeded);
    users->setRole(id, QStringLiteral("publisher"));
    QVERIFY(succeeded.wait(10000));
    QCOMPARE(succeeded.at(0).at(0).toString(), QStringLiteral("alice is now: Publisher."));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(roleOf(*users, row, "role").toString(), QStringLiteral("publisher"));
    QCOMPARE(m_rest->get(QStringLiteral("/api/admin/users/") + id).json.value(QStringLiteral("role")).toString(),
        QStringLiteral("publisher"));

    // A role the server does not have is refused before sending.
    QSignalSpy failed(users.get(), &ApiListModel::actionFailed);
    users->setRole(id, QStringLiteral("owner"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(users->actionErrorField(), QStringLiteral("role"));
}

void TestAdminUsers::setDisabled_refusesTheUsersLoginUntilEnabled()
{
    const QString id = m_rest->createUser(QStringLiteral("alice"));
    auto users = loaded<UserListModel>();
    HttpTestClient alice(m_f->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);

    QSignalSpy succeeded(users.get(), &ApiListModel::actionSucceeded);
    users->setDisabled(id, true);
    QVERIFY(succeeded.wait(10000));
    QCOMPARE(roleOf(*users, users->indexOf(id), "disabled").toBool(), true);
    HttpTestClient again(m_f->server.url());
    QCOMPARE(again.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 401);
    // Signed out everywhere: the token she had is refused too.
    QCOMPARE(alice.get(QStringLiteral("/api/notifications")).status, 401);

    users->setDisabled(id, false);
    QVERIFY(succeeded.wait(10000));
    QCOMPARE(roleOf(*users, users->indexOf(id), "disabled").toBool(), false);
    QCOMPARE(again.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
}

void TestAdminUsers::resetPassword_generatedPasswordReplacesTheOldOne()
{
    const QString id = m_rest->createUser(QStringLiteral("alice"));
    auto users = loaded<UserListModel>();
    QSignalSpy succeeded(users.get(), &ApiListModel::actionSucceeded);
    QVERIFY(users->resetPassword(id));
    QVERIFY(succeeded.wait(10000));
    const QString generated = users->oneTimePassword();
    QVERIFY(generated.size() >= 8);
    QCOMPARE(users->oneTimePasswordUser(), QStringLiteral("alice"));

    HttpTestClient alice(m_f->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 401);
    QCOMPARE(alice.login(QStringLiteral("alice"), generated).status, 200);

    // A chosen password: nothing to show once, and it works.
    users->dismissPassword();
    QVERIFY(users->resetPassword(id, QStringLiteral("chosen-by-admin")));
    QVERIFY(succeeded.wait(10000));
    QVERIFY(users->oneTimePassword().isEmpty());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("chosen-by-admin")).status, 200);
    // Too short: refused before sending.
    QVERIFY(!users->resetPassword(id, QStringLiteral("short")));
    QCOMPARE(users->actionErrorField(), QStringLiteral("password"));
}

void TestAdminUsers::selfDemotionOrDisable_isRefusedWithAReadableMessage()
{
    auto users = loaded<UserListModel>();
    const QString self = m_f->session.userId();
    QVERIFY(!self.isEmpty());
    const int row = users->indexOf(self);
    QVERIFY(row >= 0);
    QVERIFY(roleOf(*users, row, "isSelf").toBool());

    QSignalSpy failed(users.get(), &ApiListModel::actionFailed);
    users->setRole(self, QStringLiteral("user"));
    QVERIFY(failed.wait(10000));
    const QString readable
        = QStringLiteral("You cannot demote or disable your own account. Another admin has to do that.");
    QCOMPARE(failed.at(0).at(0).toString(), readable);
    QCOMPARE(users->actionError(), readable);
    users->setDisabled(self, true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(1).at(0).toString(), readable);

    // Nothing changed, here or on the server.
    QCOMPARE(roleOf(*users, row, "role").toString(), QStringLiteral("admin"));
    QCOMPARE(roleOf(*users, row, "disabled").toBool(), false);
    const HttpResult me = m_rest->get(QStringLiteral("/api/admin/users/") + self);
    QCOMPARE(me.json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(me.json.value(QStringLiteral("disabled")).toBool(), false);
    QVERIFY(m_f->session.isSignedIn());
}

void TestAdminUsers::tokenCreate_showsTheSecretOnceAndItAuthenticates()
{
    auto tokens = loaded<TokenListModel>();
    QVERIFY(tokens->isLoaded());
    QCOMPARE(tokens->count(), 0);
    QSignalSpy created(tokens.get(), &TokenListModel::created);
    QVERIFY(tokens->create(
        QStringLiteral("shop-backend"), {QStringLiteral("publish")}, QStringLiteral("orders, deploy-*")));
    QVERIFY(created.wait(10000));
    const QString secret = tokens->lastSecret();
    QVERIFY2(secret.startsWith(QLatin1String("tdg_")), qPrintable(secret));
    QCOMPARE(tokens->lastSecretName(), QStringLiteral("shop-backend"));
    QCOMPARE(tokens->count(), 1);
    QVERIFY(!tokens->get(0).contains(QStringLiteral("token")));
    QCOMPARE(roleOf(*tokens, 0, "ownerUsername").toString(), QStringLiteral("admin"));
    QCOMPARE(roleOf(*tokens, 0, "scopes").toStringList(), QStringList {QStringLiteral("publish")});
    QCOMPARE(roleOf(*tokens, 0, "topics").toStringList(),
        (QStringList {QStringLiteral("orders"), QStringLiteral("deploy-*")}));
    QCOMPARE(roleOf(*tokens, 0, "topicsText").toString(), QStringLiteral("orders, deploy-*"));
    QCOMPARE(roleOf(*tokens, 0, "lastUsedText").toString(), QStringLiteral("Never used"));
    QCOMPARE(roleOf(*tokens, 0, "expiresText").toString(), QStringLiteral("Never expires"));

    // The secret publishes to the topics it was given.
    HttpTestClient integration(m_f->server.url());
    integration.setToken(secret);
    QCOMPARE(integration
                 .post(QStringLiteral("/api/notifications"),
                     {{QStringLiteral("topic"), QStringLiteral("orders")},
                         {QStringLiteral("title"), QStringLiteral("Shipped")}})
                 .status,
        202);

    tokens->dismissSecret();
    QVERIFY(tokens->lastSecret().isEmpty());
    QVERIFY(tokens->lastSecretName().isEmpty());
    // Listed again from the server: used now, and no secret anywhere.
    QSignalSpy reloaded(tokens.get(), &ApiListModel::loadFinished);
    tokens->reload();
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(tokens->count(), 1);
    QVERIFY(roleOf(*tokens, 0, "lastUsedAt").isValid());
    QVERIFY(roleOf(*tokens, 0, "lastUsedText").toString() != QStringLiteral("Never used"));
    QVERIFY(!tokens->get(0).contains(QStringLiteral("token")));
    QVERIFY(tokens->lastSecret().isEmpty());
}

void TestAdminUsers::tokenCreate_withExpiry_listsWhenItExpires()
{
    auto tokens = loaded<TokenListModel>();
    QSignalSpy created(tokens.get(), &TokenListModel::created);
    QVERIFY(tokens->create(QStringLiteral("ci"), {QStringLiteral("read"), QStringLiteral("publish")}, {}, 30));
    QVERIFY(created.wait(10000));
    const QDateTime expires = QDateTime::fromString(roleOf(*tokens, 0, "expiresAt").toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(expires.secsTo(QDateTime::currentDateTimeUtc().addDays(30))) < 120);
    QCOMPARE(roleOf(*tokens, 0, "expired").toBool(), false);
    QVERIFY(roleOf(*tokens, 0, "expiresText").toString().startsWith(QLatin1String("Expires ")));
    QCOMPARE(roleOf(*tokens, 0, "topicsText").toString(), QStringLiteral("All topics"));

    // The server keeps it: a reload shows the same expiry.
    const HttpResult listed = m_rest->get(QStringLiteral("/api/tokens?all=true"));
    QCOMPARE(listed.json.value(QStringLiteral("tokens")).toArray().at(0).toObject().value(QStringLiteral("expiresAt")),
        QJsonValue(roleOf(*tokens, 0, "expiresAt").toString()));
    QCOMPARE(tokens->expiryOptions().constFirst().toMap().value(QStringLiteral("days")).toInt(), 0);
}

void TestAdminUsers::tokenCreate_invalidFields_areRefusedBeforeSending()
{
    auto tokens = loaded<TokenListModel>();
    QSignalSpy failed(tokens.get(), &ApiListModel::actionFailed);
    QVERIFY(!tokens->create(QStringLiteral("  "), {QStringLiteral("publish")}));
    QCOMPARE(tokens->actionErrorField(), QStringLiteral("name"));
    QVERIFY(!tokens->create(QStringLiteral("ci"), {}));
    QCOMPARE(tokens->actionErrorField(), QStringLiteral("scopes"));
    QCOMPARE(tokens->actionError(), QStringLiteral("Choose at least one scope."));
    QVERIFY(!tokens->create(QStringLiteral("ci"), {QStringLiteral("write")}));
    QCOMPARE(tokens->actionErrorField(), QStringLiteral("scopes"));
    QVERIFY(!tokens->create(QStringLiteral("ci"), {QStringLiteral("publish")}, QStringLiteral("orders, a/b")));
    QCOMPARE(tokens->actionErrorField(), QStringLiteral("topics"));
    QCOMPARE(failed.size(), 4);
    QVERIFY(!tokens->isBusy());
    QCOMPARE(
        m_rest->get(QStringLiteral("/api/tokens?all=true")).json.value(QStringLiteral("tokens")).toArray().size(), 0);
    tokens->clearActionError();
    QVERIFY(tokens->actionErrorField().isEmpty());
}

void TestAdminUsers::tokenRevoke_makesTheSecretAnswer401()
{
    auto tokens = loaded<TokenListModel>();
    QSignalSpy created(tokens.get(), &TokenListModel::created);
    QVERIFY(tokens->create(QStringLiteral("reader"), {QStringLiteral("read")}));
    QVERIFY(created.wait(10000));
    const QString id = created.at(0).at(0).toString();
    HttpTestClient integration(m_f->server.url());
    integration.setToken(tokens->lastSecret());
    QCOMPARE(integration.get(QStringLiteral("/api/notifications")).status, 200);

    QSignalSpy succeeded(tokens.get(), &ApiListModel::actionSucceeded);
    tokens->revoke(id);
    QVERIFY(succeeded.wait(10000));
    QCOMPARE(succeeded.at(0).at(0).toString(), QStringLiteral("Revoked the token reader. It no longer works."));
    QCOMPARE(tokens->count(), 0);
    QCOMPARE(integration.get(QStringLiteral("/api/notifications")).status, 401);

    // Revoking it again: the server no longer knows it.
    QSignalSpy failed(tokens.get(), &ApiListModel::actionFailed);
    tokens->revoke(id);
    QVERIFY(failed.wait(10000));
    QCOMPARE(tokens->actionError(), QStringLiteral("This token no longer exists. Reload the list."));
}

void TestAdminUsers::tokenList_namesTheOwners()
{
    const QString aliceId = m_rest->createUser(QStringLiteral("alice"));
    QCOMPARE(m_rest
                 ->patch(QStringLiteral("/api/admin/users/") + aliceId,
                     {{QStringLiteral("displayName"), QStringLiteral("Alice Liddell")}})
                 .status,
        200);
    HttpTestClient alice(m_f->server.url());
    QCOMPARE(alice.login(QStringLiteral("alice"), QStringLiteral("password-123")).status, 200);
    QCOMPARE(alice
                 .post(QStringLiteral("/api/tokens"),
                     {{QStringLiteral("name"), QStringLiteral("alice-laptop")},
                         {QStringLiteral("scopes"), QJsonArray {QStringLiteral("read")}}})
                 .status,
        201);
    QCOMPARE(m_rest
                 ->post(QStringLiteral("/api/tokens"),
                     {{QStringLiteral("name"), QStringLiteral("admin-ci")},
                         {QStringLiteral("scopes"), QJsonArray {QStringLiteral("admin")}}})
                 .status,
        201);

    auto tokens = loaded<TokenListModel>();
    QCOMPARE(tokens->count(), 2);
    const int hers = rowNamed(*tokens, "name", QStringLiteral("alice-laptop"));
    const int mine = rowNamed(*tokens, "name", QStringLiteral("admin-ci"));
    QVERIFY(hers >= 0 && mine >= 0);
    QCOMPARE(roleOf(*tokens, hers, "ownerUsername").toString(), QStringLiteral("alice"));
    QCOMPARE(roleOf(*tokens, hers, "ownerName").toString(), QStringLiteral("Alice Liddell"));
    QCOMPARE(roleOf(*tokens, mine, "ownerUsername").toString(), QStringLiteral("admin"));
}

void TestAdminUsers::clipboard_copy_holdsTheText()
{
    Admin::Clipboard clipboard;
    clipboard.copy(QStringLiteral("tdg_secret"));
    QCOMPARE(clipboard.text(), QStringLiteral("tdg_secret"));
}

TIDINGS_ADMIN_TEST_MAIN(TestAdminUsers)

#include "tst_admin_users.moc"
