// The built-in toasts' policy on a ManualClock: ordering, displacement, the
// visible limit, durations, hover, bursts and Do Not Disturb, as scripted tables.
#include "core/ToastQueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tidings;
using namespace Tidings::App;

namespace {

Priority priorityNamed(const QString &word)
{
    return priorityFromJson(QJsonValue(word)).value();
}

// "n1" for a single toast, "3 in orders" for a summary, "4 while away".
QString describe(const Toast &t)
{
    switch (t.kind) {
    case Toast::Kind::Single:
        return t.notification.id;
    case Toast::Kind::Summary:
        return QStringLiteral("%1 in %2").arg(t.count).arg(t.topic);
    case Toast::Kind::WhileAway:
        return QStringLiteral("%1 while away").arg(t.count);
    }
    return {};
}

QString describe(const QList<Toast> &toasts)
{
    QStringList out;
    for (const Toast &t : toasts)
        out.append(describe(t));
    return out.join(QLatin1Char(','));
}

} // namespace

class TestToastQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_data();
    void script();
    void durations_followPriority_data();
    void durations_followPriority();
    void signals_sayWhatHappened();
};

// Steps: "push <id> <priority> [topic]", "wait <ms>" (then tick), "hover <id>",
// "leave <id>", "dismiss <id>", "dnd on|off", "quiet on|off". Visible and waiting
// lists are written oldest / first-in-line first.
void TestToastQueue::script_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("visible");
    QTest::addColumn<QString>("waiting");

    auto pushes = [](int n, const QString &priority, const QString &topicPrefix = QStringLiteral("t")) {
        QStringList out;
        for (int i = 1; i <= n; ++i)
            out.append(QStringLiteral("push n") + QString::number(i) + QLatin1Char(' ') + priority + QLatin1Char(' ')
                + topicPrefix + QString::number(i));
        return out;
    };

    QTest::newRow("one toast shows") << QStringList {QStringLiteral("push n1 normal a")} << QStringLiteral("n1")
                                     << QString();
    QTest::newRow("at most five visible, the rest wait in order")
        << pushes(7, QStringLiteral("normal")) << QStringLiteral("n1,n2,n3,n4,n5") << QStringLiteral("n6,n7");
    QTest::newRow("higher priority waits ahead") << (pushes(5, QStringLiteral("normal"))
        + QStringList {QStringLiteral("push l1 low x"), QStringLiteral("push h1 high y"),
            QStringLiteral("push l2 low z")}) << QStringLiteral("n1,n2,n3,n4,n5")
                                                 << QStringLiteral("h1,l1,l2");
    QTest::newRow("urgent displaces the oldest low one")
        << (QStringList {QStringLiteral("push l1 low a"), QStringLiteral("push l2 low b")}
               + pushes(3, QStringLiteral("normal")) + QStringList {QStringLiteral("push u1 urgent z")})
        << QStringLiteral("l2,n1,n2,n3,u1") << QString();
    QTest::newRow("urgent waits first when nothing low is visible")
        << (pushes(5, QStringLiteral("high"))
               + QStringList {QStringLiteral("push n9 normal q"), QStringLiteral("push u1 urgent z")})
        << QStringLiteral("n1,n2,n3,n4,n5") << QStringLiteral("u1,n9");
    QTest::newRow("expiry frees a place for the next in line")
        << (pushes(6, QStringLiteral("normal")) + QStringList {QStringLiteral("wait 5000")}) << QStringLiteral("n6")
        << QString();
    QTest::newRow("low goes after 3 s, normal stays until 5 s") << QStringList {QStringLiteral("push l1 low a"),
        QStringLiteral("push n1 normal b"), QStringLiteral("wait 3000")}
                                                                << QStringLiteral("n1") << QString();
    QTest::newRow("urgent stays until dismissed")
        << QStringList {QStringLiteral("push u1 urgent a"), QStringLiteral("wait 600000")} << QStringLiteral("u1")
        << QString();
    QTest::newRow("dismiss") << QStringList {QStringLiteral("push u1 urgent a"), QStringLiteral("dismiss u1")}
                             << QString() << QString();
    QTest::newRow("hover pauses the timer") << QStringList {QStringLiteral("push n1 normal a"),
        QStringLiteral("wait 4000"), QStringLiteral("hover n1"), QStringLiteral("wait 60000")}
                                            << QStringLiteral("n1") << QString();
    QTest::newRow("leaving gives at least a second more")
        << QStringList {QStringLiteral("push n1 normal a"), QStringLiteral("wait 4900"), QStringLiteral("hover n1"),
               QStringLiteral("wait 1000"), QStringLiteral("leave n1"), QStringLiteral("wait 999")}
        << QStringLiteral("n1") << QString();
    QTest::newRow("...and then goes") << QStringList {QStringLiteral("push n1 normal a"), QStringLiteral("wait 4900"),
        QStringLiteral("hover n1"), QStringLiteral("leave n1"), QStringLiteral("wait 1000")}
                                      << QString() << QString();
    QTest::newRow("a burst from one topic collapses") << QStringList {QStringLiteral("push n1 normal orders"),
        QStringLiteral("push n2 normal orders"), QStringLiteral("push n3 normal orders")}
                                                      << QStringLiteral("3 in orders") << QString();
    QTest::newRow("the summary counts what follows") << QStringList {QStringLiteral("push n1 normal orders"),
        QStringLiteral("push x1 normal misc"), QStringLiteral("push n2 normal orders"),
        QStringLiteral("push n3 normal orders"), QStringLiteral("push n4 normal orders"), QStringLiteral("wait 2000"),
        QStringLiteral("push n5 normal orders")} << QStringLiteral("x1,5 in orders")
                                                     << QString();
    QTest::newRow("spread out is no burst") << QStringList {QStringLiteral("push n1 normal orders"),
        QStringLiteral("wait 6000"), QStringLiteral("push n2 normal orders"), QStringLiteral("wait 6000"),
        QStringLiteral("push n3 normal orders")}
                                            << QStringLiteral("n3") << QString();
    QTest::newRow("urgent never collapses") << QStringList {QStringLiteral("push u1 urgent orders"),
        QStringLiteral("push u2 urgent orders"), QStringLiteral("push u3 urgent orders")}
                                            << QStringLiteral("u1,u2,u3") << QString();
    QTest::newRow("do not disturb holds back all but urgent") << QStringList {QStringLiteral("dnd on"),
        QStringLiteral("push n1 normal a"), QStringLiteral("push h1 high b"), QStringLiteral("push u1 urgent c")}
                                                              << QStringLiteral("u1") << QString();
    QTest::newRow("when it ends, one toast says how many")
        << QStringList {QStringLiteral("dnd on"), QStringLiteral("push n1 normal a"), QStringLiteral("push h1 high b"),
               QStringLiteral("push l1 low c"), QStringLiteral("dnd off")}
        << QStringLiteral("3 while away") << QString();
    QTest::newRow("what waited when it began counts too")
        << (pushes(7, QStringLiteral("normal")) + QStringList {QStringLiteral("dnd on"), QStringLiteral("dnd off")})
        << QStringLiteral("n1,n2,n3,n4,n5") << QStringLiteral("2 while away");
    QTest::newRow("quiet hours suppress like do not disturb")
        << QStringList {QStringLiteral("quiet on"), QStringLiteral("push n1 normal a"), QStringLiteral("dnd on"),
               QStringLiteral("quiet off"), QStringLiteral("push n2 normal b"), QStringLiteral("dnd off")}
        << QStringLiteral("2 while away") << QString();
    QTest::newRow("nothing held back, no summary")
        << QStringList {QStringLiteral("dnd on"), QStringLiteral("dnd off")} << QString() << QString();
}

void TestToastQueue::script()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, visible);
    QFETCH(QString, waiting);

    ManualClock clock;
    ToastQueue queue(clock);
    auto keyOf = [&](const QString &id) {
        for (const QList<Toast> *list : {&queue.visible(), &queue.waiting()}) {
            for (const Toast &t : *list) {
                if (t.notification.id == id)
                    return t.key;
            }
        }
        return -1;
    };
    for (const QString &step : std::as_const(steps)) {
        const QStringList w = step.split(QLatin1Char(' '));
        const QString &verb = w.at(0);
        if (verb == QLatin1String("push")) {
            Notification n;
            n.id = w.at(1);
            n.content.priority = priorityNamed(w.at(2));
            n.content.topic = w.value(3);
            n.content.title = QStringLiteral("Title ") + n.id;
            queue.push(n);
        } else if (verb == QLatin1String("wait")) {
            clock.advanceMs(w.at(1).toLongLong());
            queue.tick();
        } else if (verb == QLatin1String("hover") || verb == QLatin1String("leave")) {
            QVERIFY2(keyOf(w.at(1)) > 0, qPrintable(step));
            queue.setHovered(keyOf(w.at(1)), verb == QLatin1String("hover"));
        } else if (verb == QLatin1String("dismiss")) {
            queue.dismiss(keyOf(w.at(1)));
        } else if (verb == QLatin1String("dnd")) {
            queue.setDoNotDisturb(w.at(1) == QLatin1String("on"));
        } else if (verb == QLatin1String("quiet")) {
            queue.setQuietHours(w.at(1) == QLatin1String("on"));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown step: ") + step));
        }
    }
    QCOMPARE(describe(queue.visible()), visible);
    QCOMPARE(describe(queue.waiting()), waiting);
}

void TestToastQueue::durations_followPriority_data()
{
    QTest::addColumn<QString>("priority");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("low") << QStringLiteral("low") << qint64(3000);
    QTest::newRow("normal") << QStringLiteral("normal") << qint64(5000);
    QTest::newRow("high") << QStringLiteral("high") << qint64(7000);
    QTest::newRow("urgent: until dismissed") << QStringLiteral("urgent") << qint64(0);
}

void TestToastQueue::durations_followPriority()
{
    QFETCH(QString, priority);
    QFETCH(qint64, ms);
    ManualClock clock;
    ToastQueue queue(clock);
    QCOMPARE(queue.durationFor(priorityNamed(priority)), ms);
    Notification n;
    n.id = QStringLiteral("n1");
    n.content.priority = priorityNamed(priority);
    queue.push(n);
    QCOMPARE(queue.msUntilNextExpiry(), ms == 0 ? -1 : ms);
    clock.advanceMs(1000);
    QCOMPARE(queue.msUntilNextExpiry(), ms == 0 ? -1 : ms - 1000);

    ToastQueue::Options custom;
    custom.normalMs = 12000;
    queue.setOptions(custom);
    QCOMPARE(queue.durationFor(Priority::Normal), 12000);
}

void TestToastQueue::signals_sayWhatHappened()
{
    ManualClock clock;
    ToastQueue queue(clock);
    QSignalSpy shown(&queue, &ToastQueue::shown);
    QSignalSpy closed(&queue, &ToastQueue::closed);
    QSignalSpy updated(&queue, &ToastQueue::updated);
    for (int i = 1; i <= 4; ++i) {
        Notification n;
        n.id = QStringLiteral("n%1").arg(i);
        n.content.topic = QStringLiteral("orders");
        queue.push(n);
    }
    // n1 and n2 showed, then collapsed into the summary, which counted n4.
    QCOMPARE(shown.size(), 3);
    QCOMPARE(closed.size(), 2);
    QCOMPARE(closed.at(0).at(1).value<ToastQueue::CloseReason>(), ToastQueue::CloseReason::Collapsed);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).value<Toast>().count, 4);
    clock.advanceMs(5000);
    queue.tick();
    QCOMPARE(closed.last().at(1).value<ToastQueue::CloseReason>(), ToastQueue::CloseReason::Expired);
    QVERIFY(queue.visible().isEmpty());
}

QTEST_GUILESS_MAIN(TestToastQueue)
#include "tst_toastqueue.moc"
