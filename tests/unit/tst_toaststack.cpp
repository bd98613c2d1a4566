#include "core/AppSettings.h"
#include "support/ClientFixtures.h"
#include "ui/ToastNotifier.h"
#include "ui/ToastWindow.h"

#include <QApplication>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

using namespace Tidings;
using namespace Tidings::App;

// The built-in toasts as windows on the offscreen platform: how many, titled how,
// where in which corner, and what clicks and buttons do.
class TestToastStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = Test::makeTempDir(QStringLiteral("toasts"));
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("tidings.conf")));
        m_settings->setReducedMotion(true);
        m_clock = std::make_unique<ManualClock>(Test::T0);
        m_notifier = std::make_unique<ToastNotifier>(*m_clock, *m_settings);
    }

    void cleanup()
    {
        m_notifier.reset();
        QTest::qWait(0);
    }

    void stackPositions_perCorner_data()
    {
        QTest::addColumn<AppSettings::Corner>("corner");
        QTest::addColumn<QList<QPoint>>("expected");
        const QRect area(0, 0, 1000, 800);
        const int m = ToastNotifier::Margin;
        const int s = ToastNotifier::Spacing;
        // Heights 100 and 60, width 300; index 0 is nearest the corner.
        QTest::newRow("bottom right") << AppSettings::Corner::BottomRight
                                      << QList<QPoint> {
                                             {1000 - m - 300, 800 - m - 100}, {1000 - m - 300, 800 - m - 100 - s - 60}};
        QTest::newRow("bottom left") << AppSettings::Corner::BottomLeft
                                     << QList<QPoint> {{m, 800 - m - 100}, {m, 800 - m - 100 - s - 60}};
        QTest::newRow("top right") << AppSettings::Corner::TopRight
                                   << QList<QPoint> {{1000 - m - 300, m}, {1000 - m - 300, m + 100 + s}};
        QTest::newRow("top left") << AppSettings::Corner::TopLeft << QList<QPoint> {{m, m}, {m, m + 100 + s}};
    }

    void stackPositions_perCorner()
    {
        QFETCH(AppSettings::Corner, corner);
        QFETCH(QList<QPoint>, expected);
        QCOMPARE(ToastNotifier::stackPositions(QRect(0, 0, 1000, 800), corner, {100, 60}, 300), expected);
    }

    void threeNotifications_showThreeTitledWindowsStackedInTheCorner_data()
    {
        QTest::addColumn<AppSettings::Corner>("corner");
        QTest::newRow("bottom right") << AppSettings::Corner::BottomRight;
        QTest::newRow("top left") << AppSettings::Corner::TopLeft;
    }

    void threeNotifications_showThreeTitledWindowsStackedInTheCorner()
    {
        QFETCH(AppSettings::Corner, corner);
        m_settings->setToastCorner(corner);
        for (int i = 1; i <= 3; ++i)
            m_notifier->notify(Test::makeNotification(QStringLiteral("n%1").arg(i), i, QStringLiteral("t%1").arg(i)));

        const QList<ToastWindow *> windows = m_notifier->windows();
        QCOMPARE(windows.size(), 3);
        QCOMPARE(visibleToasts().size(), 3);
        // Newest nearest the corner.
        QStringList titles;
        for (ToastWindow *w : windows) {
            QVERIFY(w->isVisible());
            titles << w->windowTitle();
            QCOMPARE(w->accessibleName(), w->windowTitle());
            QVERIFY(w->windowFlags().testFlag(Qt::WindowDoesNotAcceptFocus));
            QVERIFY(w->windowFlags().testFlag(Qt::WindowStaysOnTopHint));
            QVERIFY(w->windowFlags().testFlag(Qt::FramelessWindowHint));
            QVERIFY(w->testAttribute(Qt::WA_ShowWithoutActivating));
        }
        QCOMPARE(titles,
            (QStringList {
                QStringLiteral("Title of n3"), QStringLiteral("Title of n2"), QStringLiteral("Title of n1")}));

        const QRect area = QGuiApplication::primaryScreen()->availableGeometry();
        const QRect nearest = windows[0]->geometry();
        const int m = ToastNotifier::Margin;
        if (corner == AppSettings::Corner::BottomRight) {
            QCOMPARE(nearest.right(), area.right() - m);
            QCOMPARE(nearest.bottom(), area.bottom() - m);
            for (int i = 1; i < windows.size(); ++i)
                QCOMPARE(
                    windows[i]->geometry().bottom() + ToastNotifier::Spacing + 1, windows[i - 1]->geometry().top());
        } else {
            QCOMPARE(nearest.topLeft(), area.topLeft() + QPoint(m, m));
            for (int i = 1; i < windows.size(); ++i)
                QCOMPARE(
                    windows[i]->geometry().top(), windows[i - 1]->geometry().bottom() + ToastNotifier::Spacing + 1);
        }
        for (ToastWindow *w : windows)
            QCOMPARE(w->geometry().left(), nearest.left());
    }

    void moreThanFive_showFiveWindows_andTheRestWait()
    {
        for (int i = 1; i <= 7; ++i)
            m_notifier->notify(Test::makeNotification(QStringLiteral("n%1").arg(i), i, QStringLiteral("t%1").arg(i)));
        QCOMPARE(m_notifier->windows().size(), 5);
        QCOMPARE(visibleToasts().size(), 5);
        QCOMPARE(m_notifier->queue().waiting().size(), 2);
    }

    void closeButton_removesTheWindow_andTheStackCloses()
    {
        m_settings->setToastCorner(AppSettings::Corner::BottomRight);
        for (int i = 1; i <= 3; ++i)
            m_notifier->notify(Test::makeNotification(QStringLiteral("n%1").arg(i), i, QStringLiteral("t%1").arg(i)));
        const QRect nearest = m_notifier->windows().at(0)->geometry();
        ToastWindow *newest = m_notifier->windows().at(0);
        auto *close = newest->findChild<QAbstractButton *>();
        QVERIFY(close);
        close->click();
        QTRY_COMPARE(visibleToasts().size(), 2);
        QCOMPARE(m_notifier->windows().size(), 2);
        QCOMPARE(m_notifier->windows().at(0)->windowTitle(), QStringLiteral("Title of n2"));
        QCOMPARE(m_notifier->windows().at(0)->geometry().bottom(), nearest.bottom());
    }

    void clickingTheToast_emitsClicked_andClosesIt()
    {
        QSignalSpy clicked(m_notifier.get(), &DesktopNotifier::clicked);
        m_notifier->notify(Test::makeNotification(QStringLiteral("n1"), 1, QStringLiteral("orders")));
        ToastWindow *w = m_notifier->windows().at(0);
        QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(40, 20));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).value<Notification>().id, QStringLiteral("n1"));
        QTRY_COMPARE(visibleToasts().size(), 0);
    }

    void actions_becomeAtMostThreeButtons()
    {
        Notification n = Test::makeNotification(QStringLiteral("n1"), 1, QStringLiteral("orders"));
        for (int i = 1; i <= 4; ++i)
            n.content.actions << NotificationAction {
                QStringLiteral("a%1").arg(i), QStringLiteral("Action %1").arg(i), QStringLiteral("dismiss"), {}};
        QSignalSpy invoked(m_notifier.get(), &DesktopNotifier::actionInvoked);
        m_notifier->notify(n);
        const QList<QPushButton *> buttons = m_notifier->windows().at(0)->findChildren<QPushButton *>();
        QCOMPARE(buttons.size(), ToastWindow::MaxActions);
        QCOMPARE(buttons.at(1)->text(), QStringLiteral("Action 2"));
        buttons.at(1)->click();
        QCOMPARE(invoked.count(), 1);
        QCOMPARE(invoked.at(0).at(1).toString(), QStringLiteral("a2"));
    }

    void expiry_closesTheWindow_whenTheClockSaysSo()
    {
        m_settings->setDurationMs(int(Priority::Normal), 5000);
        m_notifier->notify(Test::makeNotification(QStringLiteral("n1"), 1, QStringLiteral("orders")));
        QCOMPARE(m_notifier->windows().size(), 1);
        m_clock->advanceMs(5000);
        m_notifier->queue().tick();
        QTRY_COMPARE(visibleToasts().size(), 0);
        QCOMPARE(m_notifier->windows().size(), 0);
    }

    void doNotDisturb_holdsBack_thenOneSummaryWindow()
    {
        m_notifier->setDoNotDisturb(true);
        for (int i = 1; i <= 4; ++i)
            m_notifier->notify(Test::makeNotification(QStringLiteral("n%1").arg(i), i, QStringLiteral("t%1").arg(i)));
        QCOMPARE(visibleToasts().size(), 0);
        m_notifier->setDoNotDisturb(false);
        const QList<ToastWindow *> windows = visibleToasts();
        QCOMPARE(windows.size(), 1);
        QCOMPARE(windows.at(0)->windowTitle(), QStringLiteral("4 arrived while you were away"));
    }

    void darkPalette_paintsADarkToast()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        const QPalette old = QApplication::palette();
        QApplication::setPalette(dark);
        m_notifier->notify(Test::makeNotification(QStringLiteral("n1"), 1, QStringLiteral("orders")));
        const QImage image = m_notifier->windows().at(0)->grab().toImage();
        QApplication::setPalette(old);
        QVERIFY(image.pixelColor(image.width() - 8, image.height() / 2).lightness() < 100);
        // The normal-priority accent on the left edge.
        QCOMPARE(image.pixelColor(1, image.height() / 2), ToastWindow::accentColor(Priority::Normal));
    }

private:
    static QList<ToastWindow *> visibleToasts()
    {
        QList<ToastWindow *> list;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *toast = qobject_cast<ToastWindow *>(w); toast && toast->isVisible())
                list << toast;
        }
        return list;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ToastNotifier> m_notifier;
};

QTEST_MAIN(TestToastStack)
#include "tst_toaststack.moc"
