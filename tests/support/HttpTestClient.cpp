#include "support/HttpTestClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace Tidings::Test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QString HttpResult::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString HttpResult::errorField() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

HttpTestClient::HttpTestClient(QUrl base)
    : m_base(std::move(base))
{
}

HttpResult HttpTestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QUrl url = m_base;
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8());
    for (const auto &[k, v] : extraHeaders)
        request.setRawHeader(k, v);

    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.json = QJsonDocument::fromJson(r.body).object();
    reply->deleteLater();
    return r;
}

HttpResult HttpTestClient::get(const QString &path)
{
    return send("GET", path, {}, {});
}

HttpResult HttpTestClient::del(const QString &path)
{
    return send("DELETE", path, {}, {});
}

HttpResult HttpTestClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpTestClient::put(const QString &path, const QJsonObject &body)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpTestClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpTestClient::login(const QString &username, const QString &password, const QString &deviceId)
{
    QJsonObject body {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    if (!deviceId.isEmpty())
        body.insert(QStringLiteral("deviceId"), deviceId);
    const QString saved = m_token;
    m_token.clear();
    HttpResult r = post(QStringLiteral("/api/auth/login"), body);
    m_token = r.status == 200 ? r.json.value(QStringLiteral("accessToken")).toString() : saved;
    return r;
}

QString HttpTestClient::createUser(const QString &username, const QString &role, const QString &password)
{
    const HttpResult r = post(QStringLiteral("/api/admin/users"),
        {{QStringLiteral("username"), username}, {QStringLiteral("password"), password},
            {QStringLiteral("role"), role}});
    return r.json.value(QStringLiteral("id")).toString();
}

} // namespace Tidings::Test
