#include "core/LocaleTag.h"

#include <QRegularExpression>

namespace Tidings::Server::LocaleTag {

std::optional<QString> canonical(const QString &tag)
{
    if (tag.isEmpty())
        return QString();
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,5}$"));
    if (!shape.match(tag).hasMatch())
        return std::nullopt;
    QStringList parts = tag.split(QRegularExpression(QStringLiteral("[-_]")));
    parts[0] = parts[0].toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        QString &p = parts[i];
        const bool letters = !p.contains(QRegularExpression(QStringLiteral("[0-9]")));
        if (p.size() == 4 && letters)
            p = p.left(1).toUpper() + p.mid(1).toLower(); // script: Hant
        else if (p.size() == 2 && letters)
            p = p.toUpper(); // region: BR
        else
            p = p.toLower(); // numeric region (419) or variant
    }
    return parts.join(QLatin1Char('-'));
}

QStringList lookupChain(const QString &canonicalTag)
{
    QStringList chain;
    QString t = canonicalTag;
    while (!t.isEmpty()) {
        chain.append(t);
        const qsizetype dash = t.lastIndexOf(QLatin1Char('-'));
        t = dash < 0 ? QString() : t.left(dash);
    }
    return chain;
}

} // namespace Tidings::Server::LocaleTag
