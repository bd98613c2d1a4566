#include "core/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Tidings::App {

TranslationLoader::TranslationLoader(QString catalogue, QObject *parent)
    : QObject(parent)
    , m_catalogue(std::move(catalogue))
{
}

TranslationLoader::~TranslationLoader()
{
    uninstall();
}

QList<QPair<QString, QString>> TranslationLoader::available()
{
    // Each language by its own name, as language pickers do.
    return {
        {QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("id"), QStringLiteral("Bahasa Indonesia")}};
}

QString TranslationLoader::pick(const QString &setting, const QLocale &system)
{
    const auto shipped = available();
    const auto ships = [&](const QString &code) {
        return std::any_of(shipped.cbegin(), shipped.cend(), [&](const auto &l) { return l.first == code; });
    };
    if (!setting.isEmpty() && ships(setting))
        return setting;
    for (const QString &name : system.uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).toLower();
        if (ships(code))
            return code;
    }
    return QStringLiteral("en");
}

void TranslationLoader::uninstall()
{
    for (auto *t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    }
}

bool TranslationLoader::install(const QString &language)
{
    uninstall();
    m_language = language;
    QLocale::setDefault(QLocale(language));
    // The source strings are English: English needs only the plural forms.
    auto app = std::make_unique<QTranslator>();
    const bool loaded = app->load(QStringLiteral(":/i18n/%1_%2.qm").arg(m_catalogue, language));
    if (loaded) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    return loaded || language == QLatin1String("en");
}

} // namespace Tidings::App
