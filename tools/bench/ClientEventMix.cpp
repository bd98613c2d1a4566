#include "ClientEventMix.h"

#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>

namespace Tidings::Bench {

namespace {

const QDateTime T0(QDate(2026, 1, 5), QTime(8, 0), QTimeZone::utc());

const char *const Filler[] = {"the", "customer", "warehouse", "pipeline", "deployment", "invoice", "reviewed",
    "scheduled", "status", "update", "region", "eu-west", "retry", "queue", "latency", "report", "weekly", "team",
    "release", "candidate", "checked", "payment", "received", "pending", "approval", "dashboard", "details", "link"};

const char *const Tags[] = {"shipping", "ci", "prod", "eu", "finance", "on-call", "release"};

// The head of a title for `topic`, with a number that makes it distinct.
QString titleHead(int topic, int number)
{
    switch (topic) {
    case 0:
        return QStringLiteral("Order %1 shipped: 3 items on their way to you").arg(number);
    case 1:
        return QStringLiteral("Build #%1 of tidings/main failed on linux-x86_64").arg(number);
    case 2:
        return QStringLiteral("Disk usage on db-%1 above 90% for 15 minutes").arg(number % 40);
    case 3:
        return QStringLiteral("Invoice %1 is ready: 1,234.56 EUR due in 14 days").arg(number);
    default:
        return QStringLiteral("New message from Alice in #release-planning (%1)").arg(number % 30);
    }
}

} // namespace

ClientEventMix::ClientEventMix(quint32 seed, qint64 firstSeq)
    : m_random(seed)
    , m_seq(firstSeq)
{
}

const QStringList &ClientEventMix::topics()
{
    static const QStringList names {QStringLiteral("orders"), QStringLiteral("builds"), QStringLiteral("alerts"),
        QStringLiteral("billing"), QStringLiteral("chat")};
    return names;
}

QString ClientEventMix::makeId()
{
    // Random but reproducible, in the server's format (a UUID without braces).
    uchar tail[8];
    const quint64 low = m_random.generate64();
    for (int i = 0; i < 8; ++i)
        tail[i] = uchar(low >> (8 * i));
    const QUuid uuid(m_random.generate(), ushort(m_random.generate()), ushort((m_random.generate() & 0x0fff) | 0x4000),
        tail[0], tail[1], tail[2], tail[3], tail[4], tail[5], tail[6], tail[7]);
    return uuid.toString(QUuid::WithoutBraces);
}

QString ClientEventMix::text(int targetChars, const QString &head)
{
    QString out = head;
    while (out.size() < targetChars) {
        out += QLatin1Char(' ');
        out += QLatin1String(Filler[m_random.bounded(int(std::size(Filler)))]);
    }
    out.truncate(targetChars);
    return out;
}

Notification ClientEventMix::makeNotification(qint64 seq, bool read)
{
    const int topic = m_random.bounded(int(topics().size()));
    const int number = 10000 + m_random.bounded(90000);
    Notification n;
    n.id = makeId();
    n.seq = seq;
    NotificationContent &c = n.content;
    c.topic = topics().at(topic);
    c.type = c.topic + QStringLiteral("_update");
    c.title = text(54 + m_random.bounded(13), titleHead(topic, number));
    c.message = text(180 + m_random.bounded(41),
        QStringLiteral("%1. Reference %2, raised at %3.")
            .arg(c.title.left(40), QString::number(number), QString::number(seq)));
    c.priority = m_random.bounded(10) == 0 ? Priority::High : Priority::Normal;
    if (m_random.bounded(2) == 0)
        c.tags << QLatin1String(Tags[m_random.bounded(int(std::size(Tags)))]);
    if (m_random.bounded(10) < 3) {
        c.click = QStringLiteral("https://shop.example.com/%1/%2").arg(c.topic).arg(number);
        c.actions << NotificationAction {
            QStringLiteral("open"), QStringLiteral("Open"), QStringLiteral("view"), c.click};
        if (m_random.bounded(2) == 0)
            c.actions << NotificationAction {QStringLiteral("ack"), QStringLiteral("Acknowledge"),
                QStringLiteral("http"), QStringLiteral("https://shop.example.com/api/ack/%1").arg(number)};
    }
    if (m_random.bounded(10) < 4)
        c.data = QJsonObject {{QStringLiteral("reference"), number}, {QStringLiteral("amount"), 12.5 * (number % 97)},
            {QStringLiteral("currency"), QStringLiteral("EUR")}};
    n.createdAt = T0.addSecs(seq);
    n.deliveredAt = n.createdAt;
    n.status = QLatin1String(Status::Delivered);
    if (read) {
        n.readAt = n.createdAt.addSecs(30);
        n.status = QLatin1String(Status::Read);
    }
    n.sender = Sender {QStringLiteral("token"), QStringLiteral("tok-shop"), QStringLiteral("Shop backend")};
    return n;
}

QStringList ClientEventMix::earlierIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count && !m_live.empty(); ++i) {
        const QString &id = m_live[size_t(m_random.bounded(quint64(m_live.size())))];
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

void ClientEventMix::forget(const QString &id)
{
    const auto it = m_liveIndex.constFind(id);
    if (it == m_liveIndex.cend())
        return;
    const size_t at = *it;
    m_liveIndex.erase(it);
    if (at != m_live.size() - 1) {
        m_live[at] = std::move(m_live.back());
        m_liveIndex[m_live[at]] = at;
    }
    m_live.pop_back();
}

StreamEvent ClientEventMix::nextNotification(bool read)
{
    StreamEvent e;
    e.seq = m_seq++;
    e.kind = StreamEvent::Kind::Notification;
    e.notification = makeNotification(e.seq, read);
    e.at = e.notification.createdAt;
    m_liveIndex.insert(e.notification.id, m_live.size());
    m_live.push_back(e.notification.id);
    return e;
}

StreamEvent ClientEventMix::nextRead(const QStringList &ids)
{
    StreamEvent e;
    e.seq = m_seq++;
    e.kind = StreamEvent::Kind::Read;
    e.at = T0.addSecs(e.seq);
    e.ids = ids;
    return e;
}

StreamEvent ClientEventMix::nextEvent()
{
    const int dice = m_random.bounded(100);
    if (dice < 70 || m_live.empty())
        return nextNotification();
    StreamEvent e;
    e.seq = m_seq++;
    e.at = T0.addSecs(e.seq);
    if (dice < 90) {
        e.kind = StreamEvent::Kind::Read;
        e.ids = earlierIds(1 + m_random.bounded(3));
    } else if (dice < 95) {
        e.kind = StreamEvent::Kind::Unread;
        e.ids = earlierIds(1);
    } else if (dice < 98) {
        e.kind = StreamEvent::Kind::Deleted;
        e.ids = earlierIds(1);
        for (const QString &id : std::as_const(e.ids))
            forget(id);
    } else {
        e.kind = StreamEvent::Kind::ReadAll;
        e.topic = topics().at(m_random.bounded(int(topics().size())));
        e.upToSeq = e.seq - 1;
    }
    return e;
}

QList<StreamEvent> ClientEventMix::next(int count)
{
    QList<StreamEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events.append(nextEvent());
    return events;
}

} // namespace Tidings::Bench
