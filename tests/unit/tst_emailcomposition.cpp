// The text of the emails the pipeline composes itself: the layout around a
// notification without a template, and the digest.
#include "delivery/DigestComposer.h"
#include "delivery/EmailLayout.h"

#include <QTest>
#include <QTimeZone>

using namespace Tidings;
using namespace Tidings::Server::Delivery;

namespace {

Notification note(const QString &topic, const QString &title, const QString &message, const QDateTime &at)
{
    Notification n;
    n.id = title;
    n.content.topic = topic;
    n.content.title = title;
    n.content.message = message;
    n.createdAt = at;
    return n;
}

} // namespace

class TestEmailComposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_plainNotification_getsBothPartsEscaped();
    void layout_templateHtml_isLeftAlone();
    void digest_groupsByTopic_newestFirst_escaped();
};

void TestEmailComposition::layout_plainNotification_getsBothPartsEscaped()
{
    const RenderedContent out = EmailLayout::apply(
        {QStringLiteral("Order <b>shipped</b>"), QStringLiteral("Line one\nline two\n\n<script>x</script>"), {}},
        QStringLiteral("https://t.example/c?a=1&b=2"), QStringLiteral("https://t.example/u"), QStringLiteral("orders"));
    QCOMPARE(out.subject, QStringLiteral("Order <b>shipped</b>")); // a header, not HTML
    QVERIFY(out.text.startsWith(QStringLiteral("Line one\nline two")));
    QVERIFY(out.text.contains(QStringLiteral("Open: https://t.example/c?a=1&b=2")));
    QVERIFY(out.text.contains(QStringLiteral("Stop these emails: https://t.example/u")));
    QVERIFY(out.html.contains(QStringLiteral("Order &lt;b&gt;shipped&lt;/b&gt;")));
    QVERIFY(out.html.contains(QStringLiteral("Line one<br>line two")));
    QVERIFY(out.html.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt;")));
    QVERIFY(!out.html.contains(QStringLiteral("<script>")));
    QVERIFY(out.html.contains(QStringLiteral("href=\"https://t.example/c?a=1&amp;b=2\"")));
    QVERIFY(out.html.contains(QStringLiteral("you follow &quot;orders&quot;")));

    const RenderedContent bare = EmailLayout::apply({QStringLiteral("S"), QStringLiteral("T"), {}}, {}, {}, {});
    QVERIFY(!bare.html.contains(QStringLiteral(">Open<")));
    QVERIFY(!bare.text.contains(QStringLiteral("Open:")));
    QVERIFY(!bare.text.contains(QStringLiteral("Stop these emails")));
}

void TestEmailComposition::layout_templateHtml_isLeftAlone()
{
    const RenderedContent in {QStringLiteral("S"), QStringLiteral("T"), QStringLiteral("<p>mine</p>")};
    const RenderedContent out = EmailLayout::apply(in, QStringLiteral("https://c"), QStringLiteral("https://u"), {});
    QCOMPARE(out.html, in.html);
    QVERIFY(out.text.contains(QStringLiteral("https://u")));
}

void TestEmailComposition::digest_groupsByTopic_newestFirst_escaped()
{
    const QDateTime t0(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
    const QList<DigestComposer::Item> items {
        {note(QStringLiteral("orders"), QStringLiteral("Order 1"), QStringLiteral("first"), t0), {}},
        {note(QStringLiteral("deploys"), QStringLiteral("Deploy <web>"), QStringLiteral("ok"), t0.addSecs(60)),
            QStringLiteral("https://t/c")},
        {note(QStringLiteral("orders"), QStringLiteral("Order 2"), QString(300, QLatin1Char('x')), t0.addSecs(120)),
            {}},
        {note(QString(), QStringLiteral("Direct"), QStringLiteral("to you"), t0.addSecs(30)), {}},
    };
    const RenderedContent out = DigestComposer::compose(
        items, t0.addSecs(-3600), t0.addSecs(3600), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    QCOMPARE(out.subject, QStringLiteral("4 unread notifications"));
    // Topics by name, "Other" last; newest first inside a topic.
    const qsizetype deploys = out.text.indexOf(QStringLiteral("deploys\n-------"));
    const qsizetype orders = out.text.indexOf(QStringLiteral("orders\n------"));
    const qsizetype other = out.text.indexOf(QStringLiteral("Other\n-----"));
    QVERIFY(deploys >= 0 && orders > deploys && other > orders);
    QVERIFY(out.text.indexOf(QStringLiteral("Order 2")) < out.text.indexOf(QStringLiteral("Order 1")));
    QVERIFY(out.text.contains(QStringLiteral("09:02  Order 2"))); // Berlin time (CET, UTC+1)
    QVERIFY(out.text.contains(QStringLiteral("Europe/Berlin")));
    QVERIFY(out.text.contains(QString(199, QLatin1Char('x')) + QChar(0x2026))); // long messages are cut
    QVERIFY(out.html.contains(QStringLiteral("<a href=\"https://t/c\">Deploy &lt;web&gt;</a>")));
    QVERIFY(!out.html.contains(QStringLiteral("<web>")));

    QCOMPARE(DigestComposer::compose({items.first()}, t0, t0, QTimeZone::utc()).subject,
        QStringLiteral("1 unread notification"));
}

QTEST_GUILESS_MAIN(TestEmailComposition)
#include "tst_emailcomposition.moc"
