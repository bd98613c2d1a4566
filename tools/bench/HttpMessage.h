#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace Tidings::Bench {

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("POST");
    QByteArray path;
    QByteArray bearer; // access token; empty: no Authorization header
    QByteArray body;
    // When set, called at the moment the request is written to the socket instead of
    // using `body`, so a send timestamp inside it excludes time spent queued here.
    std::function<QByteArray()> makeBody;
};

struct HttpResponse
{
    int status = 0; // 0: no HTTP response (connection failed or dropped)
    QByteArray body;
    int retryAfterSec = -1; // Retry-After of a 429/503, -1 when absent
    QString error; // why status is 0
    qint64 sentNs = 0; // monotonic time the request was written
    qint64 doneNs = 0; // monotonic time the response was complete
    // The request failed on a reused keep-alive connection before any response byte
    // arrived: the server most likely closed the idle connection as we wrote, so
    // sending it again on a fresh connection is safe.
    bool staleConnection = false;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString errorCode() const
    {
        return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }
    [[nodiscard]] QString describe() const
    {
        if (status == 0)
            return QStringLiteral("network error: %1").arg(error);
        const QString code = errorCode();
        return code.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                              : QStringLiteral("HTTP %1 %2").arg(status).arg(code);
    }
};

} // namespace Tidings::Bench
