// TrackingLinks: signed click and unsubscribe links survive the round trip, and any
// change to a token, a foreign key or a token of the other kind is refused.
#include "core/TrackingLinks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Tidings::Server::TrackingLinks;

namespace {

const QByteArray Key = QByteArray(32, 'k');
const QString Message = QStringLiteral("8d3c4f9e-1f7a-4a59-9a51-2f3b7c1d0e11");
const QString User = QStringLiteral("0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

QString tokenOf(const QString &url)
{
    return url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
}

QString encode(const QJsonArray &fields)
{
    return QString::fromLatin1(QJsonDocument(fields)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestTrackingLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void click_roundTrip_givesBackWhatWasSigned();
    void unsubscribe_roundTrip_topicOrEverything();
    void url_underThePublicBaseUrl_data();
    void url_underThePublicBaseUrl();
    void verify_refusesAlteredOrForeignTokens_data();
    void verify_refusesAlteredOrForeignTokens();
    void clickUrl_nonWebTarget_leftUntracked_data();
    void clickUrl_nonWebTarget_leftUntracked();
    void unsubscribe_unknownChannelOrBadTopic_refused();
};

void TestTrackingLinks::click_roundTrip_givesBackWhatWasSigned()
{
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    const QString target = QStringLiteral("https://shop.example/orders/12345?utm=mail&x=%C3%A9#top");
    const auto click = links.verifyClick(tokenOf(links.clickUrl(Message, User, QStringLiteral("email"), target)));
    QVERIFY(click);
    QCOMPARE(click->messageId, Message);
    QCOMPARE(click->userId, User);
    QCOMPARE(click->channel, QStringLiteral("email"));
    QCOMPARE(click->target, QUrl(target, QUrl::StrictMode));
}

void TestTrackingLinks::unsubscribe_roundTrip_topicOrEverything()
{
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    for (const QString &topic : {QStringLiteral("orders"), QString()}) {
        const auto u = links.verifyUnsubscribe(tokenOf(links.unsubscribeUrl(User, topic, QStringLiteral("push"))));
        QVERIFY(u);
        QCOMPARE(u->userId, User);
        QCOMPARE(u->topic, topic);
        QCOMPARE(u->channel, QStringLiteral("push"));
    }
}

void TestTrackingLinks::url_underThePublicBaseUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("host") << "https://n.example.com"
                          << "https://n.example.com/t/click/";
    QTest::newRow("trailing slash") << "https://n.example.com/"
                                    << "https://n.example.com/t/click/";
    QTest::newRow("path") << "https://example.com/tidings/"
                          << "https://example.com/tidings/t/click/";
    QTest::newRow("port") << "http://127.0.0.1:8080"
                          << "http://127.0.0.1:8080/t/click/";
}

void TestTrackingLinks::url_underThePublicBaseUrl()
{
    QFETCH(QString, base);
    QFETCH(QString, prefix);
    TrackingLinks links(Key, QUrl(QStringLiteral("http://unused.example")));
    links.setPublicBaseUrl(QUrl(base));
    const QString url = links.clickUrl(Message, User, QStringLiteral("push"), QStringLiteral("https://a.example/"));
    QVERIFY2(url.startsWith(prefix), qPrintable(url));
    QVERIFY(links.verifyClick(url.mid(prefix.size())));
}

void TestTrackingLinks::verify_refusesAlteredOrForeignTokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("isUnsubscribe");
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    const QString good
        = tokenOf(links.clickUrl(Message, User, QStringLiteral("email"), QStringLiteral("https://a.example/")));
    const qsizetype dot = good.indexOf(QLatin1Char('.'));
    const QString payload = good.left(dot);
    const QString mac = good.mid(dot + 1);
    auto flip = [](QString s, qsizetype i) {
        s[i] = s.at(i) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        return s;
    };
    QTest::newRow("payload changed") << flip(payload, 4) + QLatin1Char('.') + mac << false;
    QTest::newRow("signature changed") << payload + QLatin1Char('.') + flip(mac, 0) << false;
    QTest::newRow("signature missing") << payload << false;
    QTest::newRow("signature empty") << payload + QLatin1Char('.') << false;
    QTest::newRow("two dots") << good + QLatin1String(".x") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("other target, same signature")
        << encode(
               {QStringLiteral("c"), Message, User, QStringLiteral("email"), QStringLiteral("https://evil.example/")})
            + QLatin1Char('.') + mac
        << false;
    const TrackingLinks foreign(QByteArray(32, 'x'), QUrl(QStringLiteral("https://n.example.com")));
    QTest::newRow("another server's key")
        << tokenOf(foreign.clickUrl(Message, User, QStringLiteral("email"), QStringLiteral("https://a.example/")))
        << false;
    QTest::newRow("an unsubscribe token")
        << tokenOf(links.unsubscribeUrl(User, QStringLiteral("orders"), QStringLiteral("email"))) << true;
    QTest::newRow("not ascii") << QStringLiteral("é") + good << false;
}

void TestTrackingLinks::verify_refusesAlteredOrForeignTokens()
{
    QFETCH(QString, token);
    QFETCH(bool, isUnsubscribe);
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    QVERIFY(!links.verifyClick(token));
    // Only a genuine unsubscribe token passes as one: never an altered or click token.
    QCOMPARE(bool(links.verifyUnsubscribe(token)), isUnsubscribe);
}

void TestTrackingLinks::clickUrl_nonWebTarget_leftUntracked_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("javascript") << "javascript:alert(1)";
    QTest::newRow("mailto") << "mailto:a@example.test";
    QTest::newRow("relative") << "/orders/1";
    QTest::newRow("file") << "file:///etc/passwd";
    QTest::newRow("no host") << "https:///x";
    QTest::newRow("empty") << "";
}

void TestTrackingLinks::clickUrl_nonWebTarget_leftUntracked()
{
    QFETCH(QString, target);
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    QCOMPARE(links.clickUrl(Message, User, QStringLiteral("email"), target), target);
}

void TestTrackingLinks::unsubscribe_unknownChannelOrBadTopic_refused()
{
    const TrackingLinks links(Key, QUrl(QStringLiteral("https://n.example.com")));
    QVERIFY(!links.verifyUnsubscribe(
        tokenOf(links.unsubscribeUrl(User, QStringLiteral("orders"), QStringLiteral("webhook")))));
    QVERIFY(!links.verifyUnsubscribe(
        tokenOf(links.unsubscribeUrl(User, QStringLiteral("no spaces"), QStringLiteral("email")))));
    QVERIFY(!links.verifyUnsubscribe(
        tokenOf(links.unsubscribeUrl(QString(), QStringLiteral("orders"), QStringLiteral("email")))));
}

QTEST_GUILESS_MAIN(TestTrackingLinks)
#include "tst_trackinglinks.moc"
