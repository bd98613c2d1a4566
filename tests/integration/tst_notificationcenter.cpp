// The desktop client's notification center and preferences dialog against a real
// tidingsd: filters, keyboard actions reaching the server, the empty and offline
// states (a real TCP relay cut), and a quiet-hours change round-tripping.
#include "client/ClientSession.h"
#include "client/NotificationStore.h"
#include "core/AppSettings.h"
#include "core/TranslationLoader.h"
#include "models/NotificationFilterModel.h"
#include "models/NotificationListModel.h"
#include "support/HttpTestClient.h"
#include "support/SeededInbox.h"
#include "support/TcpProxy.h"
#include "support/TestServer.h"
#include "ui/EmptyStateWidget.h"
#include "ui/MessageBanner.h"
#include "ui/NotificationCenter.h"
#include "ui/NotificationDelegate.h"
#include "ui/PreferencesDialog.h"
#include "ui/QuietHoursPage.h"
#include "ui/ServerPreferences.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimeEdit>
#include <QToolButton>
#include <QtTest>

using namespace Tidings;
using namespace Tidings::App;
using namespace Tidings::Client;
using namespace Tidings::Test;
using namespace std::chrono_literals;

namespace {

constexpr int kSettleMs = 15000;
const QString kPassword = QStringLiteral("password-123");

} // namespace

class TstNotificationCenter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TcpProxy> m_proxy;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<NotificationCenter> m_center;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    SeededInbox m_inbox;
    QString m_username;
    int m_users = 0;

    // A server with the realistic inbox (10 notifications, 4 unread) unless `empty`,
    // then `newer` more in "orders", and a signed-in session behind a relay. The
    // model tester fetches older pages by itself, so it only watches when all fit the
    // first page (100).
    void start(bool empty = false, int newer = 0)
    {
        m_clock = std::make_unique<ManualClock>();
        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) { c.heartbeatSec = 1; }, *m_clock);
        QVERIFY(m_server->isRunning());
        m_username = QStringLiteral("person%1").arg(++m_users);
        m_inbox = seedInbox(*m_server, *m_clock, m_username, kPassword, seedTopics(),
            empty ? QList<SeedNotification> {} : seedNotifications());
        QVERIFY(!m_inbox.userId.isEmpty());
        if (newer > 0) {
            HttpTestClient admin(m_server->url());
            QCOMPARE(admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status, 200);
            for (int i = 0; i < newer; ++i) {
                const HttpResult r = admin.post(QStringLiteral("/api/notifications"),
                    {{QStringLiteral("recipients"), QJsonArray {m_inbox.userId}},
                        {QStringLiteral("topic"), QStringLiteral("orders")},
                        {QStringLiteral("title"), QStringLiteral("Order #%1 placed").arg(20000 + i)},
                        {QStringLiteral("message"), QStringLiteral("Paid by card.")}});
                QCOMPARE(r.status, 202);
            }
        }
        m_dir = std::make_unique<QTemporaryDir>();
        m_proxy = std::make_unique<TcpProxy>(m_server->port());
        ClientSession::Options o;
        o.server = m_proxy->url();
        o.deviceName = QStringLiteral("desktop");
        o.storePath = m_dir->filePath(QStringLiteral("store.sqlite"));
        m_session = std::make_unique<ClientSession>(o);
        m_session->connection().setReconnectPolicy({10ms, 200ms, 60s});
        m_session->connection().setHeartbeatInterval(500ms);
        m_session->signIn(m_username, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isSignedIn() && m_session->isSynced(), kSettleMs);
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("tidings.conf")));
        m_center = std::make_unique<NotificationCenter>(*m_session, *m_settings);
        m_center->setSearchDelay(0);
        m_center->setOfflineGrace(0);
        if (newer == 0) {
            m_tester = std::make_unique<QAbstractItemModelTester>(
                m_center->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
        m_center->showAndRaise();
        QVERIFY(QTest::qWaitForWindowExposed(m_center.get()));
    }

    QStringList shownTitles() const
    {
        QStringList titles;
        const QAbstractItemModel *m = m_center->view()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            titles.append(m->index(row, 0).data(NotificationListModel::TitleRole).toString());
        return titles;
    }

    QJsonObject serverNotification(const QString &id) const
    {
        HttpTestClient user(m_server->url());
        user.login(m_username, kPassword);
        const HttpResult r = user.get(QStringLiteral("/api/notifications/") + id);
        return r.status == 200 ? r.json : QJsonObject {{QStringLiteral("status"), r.status}};
    }

    bool serverRead(const QString &id) const
    {
        const QJsonObject n = serverNotification(id);
        return n.contains(QStringLiteral("readAt")) && !n.value(QStringLiteral("readAt")).isNull();
    }

    qint64 serverUnread() const
    {
        HttpTestClient user(m_server->url());
        user.login(m_username, kPassword);
        return user.get(QStringLiteral("/api/notifications?limit=1"))
            .json.value(QStringLiteral("unread"))
            .toObject()
            .value(QStringLiteral("total"))
            .toInteger();
    }

    QModelIndex rowTitled(const QString &title) const
    {
        const QAbstractItemModel *m = m_center->view()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            if (m->index(row, 0).data(NotificationListModel::TitleRole).toString() == title)
                return m->index(row, 0);
        }
        return {};
    }

    // Makes the list's viewport `width` pixels wide (about: a scroll bar may come and go).
    void setViewportWidth(int width)
    {
        m_center->resize(m_center->width() + width - m_center->view()->viewport()->width(), m_center->height());
        QTRY_VERIFY(qAbs(m_center->view()->viewport()->width() - width) <= 30);
    }

    void focusRow(int row)
    {
        QListView *view = m_center->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(row, 0));
        QTRY_VERIFY(view->hasFocus() || QApplication::focusWidget() == view);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_tester.reset();
        m_center.reset();
        m_session.reset();
        m_settings.reset();
        m_proxy.reset();
        m_server.reset();
        m_clock.reset();
    }

    void filters_topicUnreadAndSearch_showMatchingRows()
    {
        start();
        QTRY_COMPARE(m_center->view()->model()->rowCount(), 10);
        QCOMPARE(shownTitles().first(), QStringLiteral("Production deploy failed"));
        QVERIFY(!m_center->isShowingEmptyState());

        // The topic selector lists the server's topics with their unread counts.
        QComboBox *topics = m_center->topicSelector();
        QTRY_VERIFY(topics->findData(QStringLiteral("orders")) > 0);
        QTRY_COMPARE(topics->itemText(topics->findData(QStringLiteral("orders"))), QStringLiteral("orders (1)"));
        topics->setCurrentIndex(topics->findData(QStringLiteral("orders")));
        QCOMPARE(shownTitles(),
            QStringList({QStringLiteral("Order #10432 needs review"), QStringLiteral("Order #10431 shipped"),
                QStringLiteral("Refund processed for order #10398")}));

        m_center->unreadOnlyAction()->trigger();
        QCOMPARE(shownTitles(), QStringList {QStringLiteral("Order #10432 needs review")});

        topics->setCurrentIndex(0);
        QCOMPARE(shownTitles(),
            QStringList({QStringLiteral("Production deploy failed"), QStringLiteral("Order #10432 needs review"),
                QStringLiteral("Dewi mentioned you in #design"), QStringLiteral("New sign-in from Firefox on Linux")}));

        m_center->unreadOnlyAction()->trigger();
        QTest::keyClick(m_center.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_center->searchField()->hasFocus());
        QTest::keyClicks(m_center->searchField(), QStringLiteral("fraud sari"));
        QTRY_COMPARE(shownTitles(), QStringList {QStringLiteral("Order #10432 needs review")});
    }

    void shortcuts_readUnreadDeleteMarkAll_reachServer()
    {
        start();
        QTRY_COMPARE(m_center->view()->model()->rowCount(), 10);
        const QString urgent = m_inbox.ids.last(); // newest: row 0
        QVERIFY(!serverRead(urgent));

        focusRow(0);
        QTest::keyClick(m_center->view(), Qt::Key_R);
        QTRY_VERIFY_WITH_TIMEOUT(serverRead(urgent), kSettleMs);
        QVERIFY(m_center->view()->model()->index(0, 0).data(NotificationListModel::IsReadRole).toBool());

        QTest::keyClick(m_center->view(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!serverRead(urgent), kSettleMs);

        QTest::keyClick(m_center->view(), Qt::Key_Delete);
        QCOMPARE(m_center->view()->model()->rowCount(), 9);
        QVERIFY(!shownTitles().contains(QStringLiteral("Production deploy failed")));
        QTRY_COMPARE_WITH_TIMEOUT(serverNotification(urgent).value(QStringLiteral("status")).toInt(), 404, kSettleMs);

        QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 3, kSettleMs);
        QTest::keyClick(m_center.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverUnread(), 0, kSettleMs);
        m_center->unreadOnlyAction()->trigger();
        QTRY_VERIFY(m_center->isShowingEmptyState());
        QCOMPARE(m_center->emptyState()->kind(), EmptyStateWidget::Kind::AllCaughtUp);
    }

    void emptyStates_noNotificationsOrNoMatches()
    {
        start(true);
        QTRY_VERIFY(m_center->isShowingEmptyState());
        QCOMPARE(m_center->emptyState()->kind(), EmptyStateWidget::Kind::AllCaughtUp);
        QCOMPARE(m_center->emptyState()->headline(), QStringLiteral("You're all caught up"));
        cleanup();

        start();
        QTRY_COMPARE(m_center->view()->model()->rowCount(), 10);
        m_center->searchField()->setText(QStringLiteral("no such words anywhere"));
        QTRY_VERIFY(m_center->isShowingEmptyState());
        QCOMPARE(m_center->emptyState()->kind(), EmptyStateWidget::Kind::NoMatches);
        // "Clear Filters" brings everything back.
        m_center->emptyState()->clearFiltersRequested();
        QTRY_COMPARE(m_center->view()->model()->rowCount(), 10);
        QTRY_VERIFY(!m_center->isShowingEmptyState());
        QVERIFY(m_center->searchField()->text().isEmpty());
    }

    void offlineBanner_countsQueuedActions_andFlushesOnReconnect()
    {
        start();
        QTRY_COMPARE(m_center->view()->model()->rowCount(), 10);
        QVERIFY(!m_center->offlineBanner()->isVisibleTo(m_center.get()));

        m_proxy->setOnline(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_center->offlineBanner()->isVisibleTo(m_center.get()), kSettleMs);
        QVERIFY(m_center->offlineBanner()->text().contains(QStringLiteral("offline")));

        const QString urgent = m_inbox.ids.last();
        focusRow(0);
        QTest::keyClick(m_center->view(), Qt::Key_R);
        // The read waits in the queue (with any acknowledgement still unsent): the banner counts them.
        QTRY_VERIFY(m_session->pendingOperations() >= 1);
        const int pending = m_session->pendingOperations();
        QTRY_VERIFY2(m_center->offlineBanner()->text().contains(pending == 1
                             ? QStringLiteral("1 change will be sent")
                             : QStringLiteral("%1 changes will be sent").arg(pending)),
            qPrintable(m_center->offlineBanner()->text()));
        QVERIFY(m_center->view()->model()->index(0, 0).data(NotificationListModel::SyncPendingRole).toBool());
        QVERIFY(!serverRead(urgent));

        m_proxy->setOnline(true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_center->offlineBanner()->isVisibleTo(m_center.get()), kSettleMs);
        QTRY_VERIFY_WITH_TIMEOUT(serverRead(urgent), kSettleMs);
    }

    void rows_areAsTallAsTheirMessage_atTheViewsWidth()
    {
        start();
        QListView *view = m_center->view();
        QTRY_COMPARE(view->model()->rowCount(), 10);
        NotificationDelegate *delegate = m_center->delegate();
        const QFont font = view->font();
        const int lineSpacing = QFontMetrics(font).lineSpacing();
        // Markdown (bold, code, a link) and plain text.
        const QModelIndex deploy = rowTitled(QStringLiteral("Production deploy failed"));
        const QModelIndex order = rowTitled(QStringLiteral("Order #10432 needs review"));
        QVERIFY(deploy.isValid() && order.isValid());
        QTextDocument doc;
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        doc.setMarkdown(deploy.data(NotificationListModel::MessageRole).toString());
        const int oneLine = qCeil(doc.idealWidth());
        // A row's text starts 36 px in and ends 12 px before its right edge (see the delegate).
        const auto rowWidthFor = [](int textWidth) { return textWidth + 44; };

        const auto fit
            = [&](const QModelIndex &index) { return delegate->messageFit(index, font, view->viewport()->width()); };
        // Every row is exactly as tall as its measured message (plus the same frame),
        // and laid out for it: each starts where the one above ends.
        const auto rowsMatchTheirMessage = [&] {
            const int frame = view->visualRect(order).height() - fit(order).height;
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QModelIndex index = view->model()->index(row, 0);
                const QRect rect = view->visualRect(index);
                if (rect.height() - fit(index).height != frame)
                    return false;
                if (row > 0 && rect.top() != view->visualRect(view->model()->index(row - 1, 0)).bottom() + 1)
                    return false;
            }
            return true;
        };

        // Wide: the Markdown message is one line, cut nowhere.
        setViewportWidth(rowWidthFor(oneLine) + 80);
        QTRY_VERIFY(rowsMatchTheirMessage());
        QCOMPARE(fit(deploy).lines, 1);
        QVERIFY(!fit(deploy).elided);
        const int oneLineRow = view->visualRect(deploy).height();
        QCOMPARE(view->visualRect(order).height(), oneLineRow);

        // Narrower: two lines, whole, and the rows are measured again for the new width.
        setViewportWidth(rowWidthFor(oneLine * 2 / 3));
        QTRY_VERIFY_WITH_TIMEOUT(view->visualRect(deploy).height() >= oneLineRow + lineSpacing, 2000);
        QCOMPARE(fit(deploy).lines, 2);
        QVERIFY(!fit(deploy).elided);
        QTRY_VERIFY(rowsMatchTheirMessage());

        // Narrow: at most three lines, the rest cut with an ellipsis.
        const NotificationDelegate::MessageFit narrow = delegate->messageFit(deploy, font, rowWidthFor(oneLine / 5));
        QCOMPARE(narrow.lines, NotificationDelegate::MaxMessageLines);
        QVERIFY(narrow.elided);
        QVERIFY(narrow.height >= 3 * lineSpacing - 2);
        const NotificationDelegate::MessageFit plain = delegate->messageFit(order, font, rowWidthFor(oneLine / 5));
        QCOMPARE(plain.lines, 3);
        QVERIFY(plain.elided);
        QCOMPARE(plain.height, 3 * lineSpacing);

        // Wide again: back to one line.
        setViewportWidth(rowWidthFor(oneLine) + 80);
        QTRY_COMPARE_WITH_TIMEOUT(view->visualRect(deploy).height(), oneLineRow, 2000);
    }

    void scrollingToTheEnd_loadsOlderPagesFromTheServer()
    {
        // 130 newer than the realistic inbox: the first page (100) holds none of the latter.
        start(false, 130);
        QListView *view = m_center->view();
        auto *model = qobject_cast<NotificationListModel *>(m_center->filterModel()->sourceModel());
        QVERIFY(model);
        QTRY_COMPARE(view->model()->rowCount(), 100);
        QVERIFY(!rowTitled(QStringLiteral("Production deploy failed")).isValid());
        QVERIFY(!m_center->loadingLabel()->isVisible());
        // Whether the indicator showed while a page was on its way, and hid after.
        QList<QPair<bool, bool>> loading; // (model loading, indicator visible)
        connect(model, &NotificationListModel::loadingChanged, this, [&] {
            loading.append({model->isLoading(), m_center->loadingLabel()->isVisible()});
        });

        // The user scrolls to the end of the list, once.
        view->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 140, kSettleMs);
        QVERIFY(rowTitled(QStringLiteral("Production deploy failed")).isValid());
        QVERIFY(rowTitled(QStringLiteral("Password changed")).isValid()); // the oldest
        QCOMPARE(shownTitles().last(), QStringLiteral("Password changed"));
        QTRY_VERIFY(!model->isLoading());
        QVERIFY(loading.size() >= 2);
        QCOMPARE(loading.first(), qMakePair(true, true));
        QCOMPARE(loading.last(), qMakePair(false, false));
        QVERIFY(!m_center->loadingLabel()->isVisible());
        QVERIFY(!model->canFetchMore({}));
    }

    void preferences_quietHoursChange_roundTripsToServer()
    {
        start();
        PreferencesDialog dialog(*m_session, *m_settings);
        QSignalSpy signOut(&dialog, &PreferencesDialog::signOutRequested);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.serverPreferences().isLoaded(), kSettleMs);
        dialog.setCurrentPage(PreferencesDialog::Page::QuietHours);
        QuietHoursPage *page = dialog.quietHoursPage();
        QVERIFY(page->isEnabled());
        QVERIFY(!page->enabledBox()->isChecked());

        page->enabledBox()->setChecked(true);
        page->startEdit()->setTime(QTime(21, 30));
        page->dayButton(7)->setChecked(false);
        page->timeZoneBox()->setCurrentIndex(page->timeZoneBox()->findData(QStringLiteral("Asia/Jakarta")));
        page->commit();

        const auto serverQuietHours = [this] {
            HttpTestClient user(m_server->url());
            user.login(m_username, kPassword);
            return user.get(QStringLiteral("/api/notifications/preferences"))
                .json.value(QStringLiteral("quietHours"))
                .toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            serverQuietHours().value(QStringLiteral("start")).toString(), QStringLiteral("21:30"), kSettleMs);
        const QJsonObject q = serverQuietHours();
        QCOMPARE(q.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(q.value(QStringLiteral("timezone")).toString(), QStringLiteral("Asia/Jakarta"));
        QCOMPARE(q.value(QStringLiteral("days")).toArray(), QJsonArray({1, 2, 3, 4, 5, 6}));
        QTRY_COMPARE(dialog.statusText(), QStringLiteral("All changes saved."));

        // A change the server refuses is reported and what was accepted stays.
        dialog.serverPreferences().change({{QStringLiteral("quietHours"),
            QJsonObject {{QStringLiteral("timezone"), QStringLiteral("Mars/Olympus")}}}});
        QTRY_VERIFY(dialog.messageBanner()->isVisibleTo(&dialog));
        QVERIFY2(dialog.messageBanner()->text().contains(QStringLiteral("time zone")),
            qPrintable(dialog.messageBanner()->text()));
        QCOMPARE(page->timeZoneBox()->currentData().toString(), QStringLiteral("Asia/Jakarta"));
        QCOMPARE(serverQuietHours().value(QStringLiteral("start")).toString(), QStringLiteral("21:30"));

        // A second dialog (another day) loads what the server kept.
        PreferencesDialog again(*m_session, *m_settings);
        QTRY_VERIFY_WITH_TIMEOUT(again.serverPreferences().isLoaded(), kSettleMs);
        QCOMPARE(again.quietHoursPage()->startEdit()->time(), QTime(21, 30));
        QVERIFY(again.quietHoursPage()->enabledBox()->isChecked());
        QVERIFY(!again.quietHoursPage()->dayButton(7)->isChecked());
        QVERIFY(signOut.isEmpty());
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // As the app does: English plural forms come from the English catalogue.
    TranslationLoader translations;
    translations.install(QStringLiteral("en"));
    TstNotificationCenter tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_notificationcenter.moc"
