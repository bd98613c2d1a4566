#pragma once

// A realistic inbox for the desktop client's widget tests and screenshots: a few
// topics, a user subscribed to some, and notifications of every priority spread
// over the last days (the server's clock is moved back for each publish).
#include "support/HttpTestClient.h"
#include "support/TestServer.h"
#include "util/Clock.h"

#include <QJsonArray>

namespace Tidings::Test {

struct SeedNotification
{
    SeedNotification(QString topic_, QString title_, QString message_, QString priority_, int minutesAgo_, bool read_,
        QString format_ = QStringLiteral("text"), QString click_ = {})
        : topic(std::move(topic_))
        , title(std::move(title_))
        , message(std::move(message_))
        , priority(std::move(priority_))
        , minutesAgo(minutesAgo_)
        , read(read_)
        , format(std::move(format_))
        , click(std::move(click_))
    {
    }

    QString topic;
    QString title;
    QString message;
    QString priority = QStringLiteral("normal");
    int minutesAgo = 0;
    bool read = false;
    QString format = QStringLiteral("text");
    QString click;
};

struct SeedTopic
{
    QString name;
    QString description;
    bool subscribed = true;
};

inline QList<SeedTopic> seedTopics(bool indonesian = false)
{
    if (indonesian) {
        return {{QStringLiteral("billing"), QStringLiteral("Tagihan dan pembayaran"), true},
            {QStringLiteral("deploys"), QStringLiteral("Rilis dan status CI"), true},
            {QStringLiteral("orders"), QStringLiteral("Pesanan toko"), true},
            {QStringLiteral("security"), QStringLiteral("Keamanan akun"), true},
            {QStringLiteral("team"), QStringLiteral("Kabar tim"), false}};
    }
    return {{QStringLiteral("billing"), QStringLiteral("Invoices and payments"), true},
        {QStringLiteral("deploys"), QStringLiteral("Releases and CI status"), true},
        {QStringLiteral("orders"), QStringLiteral("Shop orders"), true},
        {QStringLiteral("security"), QStringLiteral("Account security"), true},
        {QStringLiteral("team"), QStringLiteral("Team updates"), false}};
}

// Oldest first, as they are published.
inline QList<SeedNotification> seedNotifications(bool indonesian = false)
{
    const QString md = QStringLiteral("markdown");
    if (indonesian) {
        return {
            {QStringLiteral("security"), QStringLiteral("Kata sandi diubah"),
                QStringLiteral("Kata sandi akun Anda diubah dari Chrome di Windows."), QStringLiteral("normal"),
                9 * 24 * 60, true},
            {QStringLiteral("orders"), QStringLiteral("Pengembalian dana pesanan #10398"),
                QStringLiteral("Rp 349.000 dikembalikan ke OVO pelanggan."), QStringLiteral("low"), 4 * 24 * 60, true},
            {QStringLiteral("deploys"), QStringLiteral("Deploy staging selesai"),
                QStringLiteral("web-frontend 3f9c2a1 aktif di staging dalam 2 m 41 d."), QStringLiteral("low"), 26 * 60,
                true},
            {QStringLiteral("billing"), QStringLiteral("Faktur INV-2024-118 lunas"),
                QStringLiteral("**Rp 12.750.000** diterima dari *PT Nusantara Digital*."), QStringLiteral("normal"),
                23 * 60, true, md},
            {QStringLiteral("security"), QStringLiteral("Login baru dari Firefox di Linux"),
                QStringLiteral("Bandung, Indonesia. Jika ini bukan Anda, segera cabut sesi tersebut."),
                QStringLiteral("high"), 5 * 60, false},
            {QStringLiteral("orders"), QStringLiteral("Pesanan #10431 dikirim"),
                QStringLiteral("3 barang via JNE, resi JN4402119834. Perkiraan tiba hari Kamis."),
                QStringLiteral("normal"), 3 * 60, true},
            {QStringLiteral("team"), QStringLiteral("Dewi menyebut Anda di #desain"),
                QStringLiteral("Bisa lihat layar onboarding yang baru sebelum review hari Jumat?"),
                QStringLiteral("normal"), 48, false},
            {QStringLiteral("orders"), QStringLiteral("Pesanan #10432 perlu ditinjau"),
                QStringLiteral("Pembayaran Rp 2.450.000 ditandai oleh pemeriksaan fraud. Pelanggan: Sari Wulandari."),
                QStringLiteral("high"), 14, false},
            {QStringLiteral("deploys"), QStringLiteral("Deploy produksi gagal"),
                QStringLiteral("**api-gateway** v2.14.0 gagal health check di `ap-southeast-3`. Sudah di-rollback "
                               "otomatis. [Lihat log](https://ci.example.com/runs/4821)"),
                QStringLiteral("urgent"), 2, false, md, QStringLiteral("https://ci.example.com/runs/4821")},
        };
    }
    return {
        {QStringLiteral("security"), QStringLiteral("Password changed"),
            QStringLiteral("Your account password was changed from Chrome on Windows."), QStringLiteral("normal"),
            9 * 24 * 60, true},
        {QStringLiteral("orders"), QStringLiteral("Refund processed for order #10398"),
            QStringLiteral("$23.90 was returned to the customer's card ending in 4242."), QStringLiteral("low"),
            4 * 24 * 60, true},
        {QStringLiteral("team"), QStringLiteral("Weekly summary is ready"),
            QStringLiteral("12 updates across 4 topics this week. Orders are up 8% on last week."),
            QStringLiteral("low"), 3 * 24 * 60, true},
        {QStringLiteral("deploys"), QStringLiteral("Staging deploy finished"),
            QStringLiteral("web-frontend 3f9c2a1 is live on staging after 2 min 41 s."), QStringLiteral("low"), 26 * 60,
            true},
        {QStringLiteral("billing"), QStringLiteral("Invoice INV-2024-118 paid"),
            QStringLiteral("**$1,275.00** received from *Nusantara Digital*. The receipt is attached to the invoice."),
            QStringLiteral("normal"), 23 * 60, true, md},
        {QStringLiteral("security"), QStringLiteral("New sign-in from Firefox on Linux"),
            QStringLiteral("Bandung, Indonesia. If this wasn't you, revoke the session right away."),
            QStringLiteral("high"), 5 * 60, false},
        {QStringLiteral("orders"), QStringLiteral("Order #10431 shipped"),
            QStringLiteral("3 items via UPS, tracking 1Z 999 AA1 01 2345 6784. Estimated delivery: Thursday."),
            QStringLiteral("normal"), 3 * 60, true},
        {QStringLiteral("team"), QStringLiteral("Dewi mentioned you in #design"),
            QStringLiteral("Could you look at the new onboarding screens before Friday's review?"),
            QStringLiteral("normal"), 48, false},
        {QStringLiteral("orders"), QStringLiteral("Order #10432 needs review"),
            QStringLiteral("A $245.00 payment was flagged by the fraud check. Customer: Sari Wulandari."),
            QStringLiteral("high"), 14, false},
        {QStringLiteral("deploys"), QStringLiteral("Production deploy failed"),
            QStringLiteral("**api-gateway** v2.14.0 failed health checks in `eu-west-1` and was rolled back "
                           "automatically. [View the logs](https://ci.example.com/runs/4821)"),
            QStringLiteral("urgent"), 2, false, md, QStringLiteral("https://ci.example.com/runs/4821")},
    };
}

// Creates the topics and a user, subscribes the user, publishes `items` with
// their ages (moving `clock`, which must be the server's), marks the read ones
// read on the server, and sets `clock` back to the real time. Returns the user's
// id and the notification ids in publish order.
struct SeededInbox
{
    QString userId;
    QStringList ids;
};

inline SeededInbox seedInbox(TestServer &server, ManualClock &clock, const QString &username, const QString &password,
    const QList<SeedTopic> &topics, const QList<SeedNotification> &items)
{
    SeededInbox out;
    HttpTestClient admin(server.url());
    if (admin.login(QStringLiteral("admin"), QLatin1String(TestServer::AdminPassword)).status != 200)
        return out;
    out.userId = admin.createUser(username, QStringLiteral("user"), password);
    for (const SeedTopic &t : topics) {
        admin.put(QStringLiteral("/api/admin/topics/") + t.name,
            {{QStringLiteral("description"), t.description}, {QStringLiteral("read"), QJsonArray {QStringLiteral("*")}},
                {QStringLiteral("publish"), QJsonArray {QStringLiteral("*")}}});
    }
    HttpTestClient user(server.url());
    user.login(username, password);
    for (const SeedTopic &t : topics) {
        if (t.subscribed)
            user.put(QStringLiteral("/api/topics/%1/subscription").arg(t.name));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SeedNotification &n : items) {
        clock.set(now.addSecs(-60 * qint64(n.minutesAgo)));
        QJsonObject body {{QStringLiteral("recipients"), QJsonArray {out.userId}}, {QStringLiteral("topic"), n.topic},
            {QStringLiteral("title"), n.title}, {QStringLiteral("message"), n.message},
            {QStringLiteral("priority"), n.priority}, {QStringLiteral("format"), n.format}};
        if (!n.click.isEmpty())
            body.insert(QStringLiteral("click"), n.click);
        const HttpResult r = admin.post(QStringLiteral("/api/notifications"), body);
        out.ids.append(r.json.value(QStringLiteral("id")).toString());
    }
    clock.set(now);
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).read)
            user.put(QStringLiteral("/api/notifications/%1/read").arg(out.ids.at(i)));
    }
    return out;
}

} // namespace Tidings::Test
