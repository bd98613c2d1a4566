#include "delivery/CircuitBreaker.h"

#include <QTest>

using Tidings::ManualClock;
using Tidings::Server::Delivery::CircuitBreaker;

// Each row is a script run against a breaker on a ManualClock, one step per token:
//   a+ / a-   allowRequest() must return true / false
//   s / f     recordSuccess() / recordFailure();  fN: N failures
//   tN        advance the clock by N ms
//   C / O / H state() must be Closed / Open / HalfOpen
//   wN        msUntilRetry() must be N
class TestCircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_stepsMatchExpectations_data();
    void script_stepsMatchExpectations();
    void defaults_matchTheDeliverySpec();
    void setters_clampNonsense();
};

void TestCircuitBreaker::script_stepsMatchExpectations_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<qint64>("openMs");
    QTest::addColumn<QString>("steps");

    const auto row = [](const char *name, const char *steps, int threshold = 5, qint64 openMs = 60'000) {
        QTest::newRow(name) << threshold << openMs << QString::fromLatin1(steps);
    };
    row("closed lets requests through", "C a+ a+ w0");
    row("four failures keep it closed", "f4 C a+");
    row("fifth consecutive failure opens", "f4 C f O a-");
    row("a success resets the count", "f4 s f4 C f O");
    row("open refuses for 60 s", "f5 O a- t30000 a- w30000 t29999 a- O w1 t1 H");
    row("half-open allows exactly one probe", "f5 t60000 H a+ a- a- H");
    row("probe success closes", "f5 t60000 a+ s C a+ a+ w0");
    row("closed again needs five new failures", "f5 t60000 a+ s f4 C f O");
    row("probe failure re-opens for 60 s", "f5 t60000 a+ f O a- t59999 a- t1 H a+");
    row("results while open are ignored", "f5 O s O f O t60000 H a+");
    row("late results before the probe are ignored", "f5 t60000 H s H f H a+ a-");
    row("a lost probe is replaced after 60 s", "f5 t60000 a+ t30000 w30000 a- t30000 a+ a- s C");
    row("threshold 1", "C f O t1000 H a+ f O", 1, 1000);
    row("threshold 3, short open period", "f2 C f O a- t10 a+ s C", 3, 10);
}

void TestCircuitBreaker::script_stepsMatchExpectations()
{
    QFETCH(int, threshold);
    QFETCH(qint64, openMs);
    QFETCH(QString, steps);

    ManualClock clock(QDateTime::fromString(QStringLiteral("2026-01-15T12:00:00Z"), Qt::ISODate));
    CircuitBreaker breaker(clock, threshold, openMs);
    const QStringList tokens = steps.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < tokens.size(); ++i) {
        const QString &tok = tokens[i];
        const QByteArray where = QStringLiteral("step %1 '%2' of \"%3\"").arg(i).arg(tok, steps).toUtf8();
        const QChar op = tok.at(0);
        const QString arg = tok.mid(1);
        if (tok == QLatin1String("a+")) {
            QVERIFY2(breaker.allowRequest(), where.constData());
        } else if (tok == QLatin1String("a-")) {
            QVERIFY2(!breaker.allowRequest(), where.constData());
        } else if (op == QLatin1Char('s')) {
            breaker.recordSuccess();
        } else if (op == QLatin1Char('f')) {
            const int n = arg.isEmpty() ? 1 : arg.toInt();
            for (int k = 0; k < n; ++k)
                breaker.recordFailure();
        } else if (op == QLatin1Char('t')) {
            clock.advanceMs(arg.toLongLong());
        } else if (op == QLatin1Char('w')) {
            QVERIFY2(breaker.msUntilRetry() == arg.toLongLong(),
                qPrintable(QString::fromUtf8(where) + QStringLiteral(": got %1").arg(breaker.msUntilRetry())));
        } else {
            const CircuitBreaker::State expected = op == QLatin1Char('C') ? CircuitBreaker::State::Closed
                : op == QLatin1Char('O')                                  ? CircuitBreaker::State::Open
                                                                          : CircuitBreaker::State::HalfOpen;
            QVERIFY2(breaker.state() == expected,
                qPrintable(QString::fromUtf8(where) + QStringLiteral(": state is ")
                    + CircuitBreaker::stateToString(breaker.state())));
        }
    }
}

void TestCircuitBreaker::defaults_matchTheDeliverySpec()
{
    ManualClock clock;
    CircuitBreaker breaker(clock);
    QCOMPARE(breaker.failureThreshold(), 5);
    QCOMPARE(breaker.openDurationMs(), qint64(60'000));
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure();
    QCOMPARE(breaker.state(), CircuitBreaker::State::Open);
    QCOMPARE(breaker.consecutiveFailures(), 0);
    QCOMPARE(breaker.msUntilRetry(), qint64(60'000));
}

void TestCircuitBreaker::setters_clampNonsense()
{
    ManualClock clock;
    CircuitBreaker breaker(clock, 0, -5);
    QCOMPARE(breaker.failureThreshold(), 1);
    QCOMPARE(breaker.openDurationMs(), qint64(0));
    breaker.setFailureThreshold(3);
    breaker.setOpenDurationMs(250);
    QCOMPARE(breaker.failureThreshold(), 3);
    QCOMPARE(breaker.openDurationMs(), qint64(250));
    QCOMPARE(CircuitBreaker::stateToString(CircuitBreaker::State::HalfOpen), QStringLiteral("half-open"));
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
