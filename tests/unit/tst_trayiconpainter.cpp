#include "ui/TrayIconPainter.h"

#include <QFontMetricsF>
#include <QTest>

using namespace Tidings::App;
using State = TrayIconPainter::State;

namespace {

// Pixels close to the badge's red.
int badgePixels(const QImage &image)
{
    const QColor red = TrayIconPainter::badgeColor();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200 && qAbs(c.red() - red.red()) < 12 && qAbs(c.green() - red.green()) < 12
                && qAbs(c.blue() - red.blue()) < 12)
                ++n;
        }
    }
    return n;
}

int whitePixelsIn(const QImage &image, const QRect &rect)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200 && c.red() > 230 && c.green() > 230 && c.blue() > 230)
                ++n;
        }
    }
    return n;
}

} // namespace

// The tray icon as pixels: the badge, its text, the states, the sizes.
class TestTrayIconPainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badgeText_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << qint64(0) << QString();
        QTest::newRow("negative") << qint64(-3) << QString();
        QTest::newRow("one") << qint64(1) << QStringLiteral("1");
        QTest::newRow("99") << qint64(99) << QStringLiteral("99");
        QTest::newRow("100") << qint64(100) << QStringLiteral("99+");
        QTest::newRow("huge") << qint64(123456) << QStringLiteral("99+");
    }

    void badgeText()
    {
        QFETCH(qint64, count);
        QFETCH(QString, text);
        QCOMPARE(TrayIconPainter::badgeText(count), text);
    }

    void paint_hasTheDevicePixelSize_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<qreal>("dpr");
        for (const int size : {16, 22, 24, 32, 48, 64}) {
            for (const qreal dpr : {1.0, 1.5, 2.0})
                QTest::addRow("%d@%.1fx", size, dpr) << size << dpr;
        }
    }

    void paint_hasTheDevicePixelSize()
    {
        QFETCH(int, size);
        QFETCH(qreal, dpr);
        const QImage image = TrayIconPainter::paint(State::Online, 7, size, dpr);
        QCOMPARE(image.size(), QSize(size, size) * dpr);
        QCOMPARE(image.devicePixelRatio(), dpr);
        // The badge is in the top-right quarter and nowhere near the bottom-left corner.
        const int px = image.width();
        QVERIFY(badgePixels(image.copy(px / 2, 0, px / 2, px / 2)) > 0);
        QCOMPARE(badgePixels(image.copy(0, px * 2 / 3, px / 3, px / 3)), 0);
    }

    void badge_onlyWithUnread()
    {
        for (const int size : {16, 32, 64}) {
            QCOMPARE(badgePixels(TrayIconPainter::paint(State::Online, 0, size)), 0);
            QVERIFY(badgePixels(TrayIconPainter::paint(State::Online, 1, size)) > size * size / 20);
        }
    }

    void badge_hasWhiteText()
    {
        const QImage image = TrayIconPainter::paint(State::Online, 5, 32);
        const QRect badge = TrayIconPainter::badgeRect(QStringLiteral("5"), 32).toAlignedRect();
        QVERIFY(whitePixelsIn(image, badge) > 4);
    }

    void ninetyNinePlus_fitsInTheBadgeAndTheIcon_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 22, 24, 32, 48, 64})
            QTest::addRow("%d", size) << size;
    }

    void ninetyNinePlus_fitsInTheBadgeAndTheIcon()
    {
        QFETCH(int, size);
        const QString text = TrayIconPainter::badgeText(1000);
        const QRectF badge = TrayIconPainter::badgeRect(text, size);
        const QFontMetricsF fm(TrayIconPainter::badgeFont(text, size));
        QVERIFY2(
            badge.left() >= 0 && badge.right() <= size, qPrintable(QStringLiteral("badge %1 wide").arg(badge.width())));
        QVERIFY2(fm.horizontalAdvance(text) <= badge.width(),
            qPrintable(QStringLiteral("text %1 > badge %2").arg(fm.horizontalAdvance(text)).arg(badge.width())));
        QVERIFY(fm.capHeight() <= badge.height());
        // Wider than a one-digit badge, and the text is really drawn.
        QVERIFY(badge.width() > TrayIconPainter::badgeRect(QStringLiteral("5"), size).width());
        const QImage image = TrayIconPainter::paint(State::Online, 1000, size);
        QVERIFY(whitePixelsIn(image, badge.toAlignedRect()) > 2);
    }

    void states_lookDifferent()
    {
        for (const int size : {16, 24, 48}) {
            const QImage online = TrayIconPainter::paint(State::Online, 0, size);
            const QImage offline = TrayIconPainter::paint(State::Offline, 0, size);
            const QImage signedOut = TrayIconPainter::paint(State::SignedOut, 0, size);
            const QImage dnd = TrayIconPainter::paint(State::DoNotDisturb, 0, size);
            const QList<QImage> all {online, offline, signedOut, dnd};
            for (int i = 0; i < all.size(); ++i) {
                for (int j = i + 1; j < all.size(); ++j)
                    QVERIFY2(
                        all[i] != all[j], qPrintable(QStringLiteral("states %1 and %2 at %3").arg(i).arg(j).arg(size)));
            }
        }
    }

    void doNotDisturb_showsTheMoonInTheCorner()
    {
        const QImage online = TrayIconPainter::paint(State::Online, 0, 48);
        const QImage dnd = TrayIconPainter::paint(State::DoNotDisturb, 0, 48);
        // The moon is purple, bottom right; the online bell has no purple at all.
        const auto purple = [](const QImage &image) {
            int n = 0;
            for (int y = 24; y < 48; ++y) {
                for (int x = 24; x < 48; ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c.alpha() > 200 && c.red() > 0x70 && c.blue() > 0x90 && c.green() < 0x60)
                        ++n;
                }
            }
            return n;
        };
        QCOMPARE(purple(online), 0);
        QVERIFY(purple(dnd) > 20);
    }

    void signedOut_isAnOutline()
    {
        // The middle of the bell is filled when online and empty when signed out.
        const QImage online = TrayIconPainter::paint(State::Online, 0, 48);
        const QImage signedOut = TrayIconPainter::paint(State::SignedOut, 0, 48);
        QVERIFY(online.pixelColor(24, 22).alpha() > 200);
        QCOMPARE(signedOut.pixelColor(24, 22).alpha(), 0);
    }

    void icon_hasEverySizeAtTwoScales()
    {
        const QIcon icon = TrayIconPainter::icon(State::Online, 3);
        const QList<QSize> sizes = icon.availableSizes();
        for (const int size : {16, 22, 24, 32, 48, 64}) {
            QVERIFY(sizes.contains(QSize(size, size)));
            QVERIFY(sizes.contains(QSize(size * 2, size * 2)));
        }
    }
};

QTEST_MAIN(TestTrayIconPainter)
#include "tst_trayiconpainter.moc"
