#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace Tidings::App {

// Installs a program's translation (embedded as :/i18n/<catalogue>_<lang>.qm:
// `tidings` for the tray client, `tidings-admin` for the admin console) and Qt's
// own for the same language, so dialog buttons and context menus match. The
// language is AppSettings::language() when set, else the system locale's when we
// ship it, else English.
class TranslationLoader : public QObject
{
    Q_OBJECT

public:
    explicit TranslationLoader(QString catalogue = QStringLiteral("tidings"), QObject *parent = nullptr);
    ~TranslationLoader() override;

    // The translations shipped: language code -> the language's own name.
    [[nodiscard]] static QList<QPair<QString, QString>> available();
    // The language to use for a setting ("" = follow `system`).
    [[nodiscard]] static QString pick(const QString &setting, const QLocale &system = QLocale::system());

    // Replaces what an earlier call installed; false when the app's catalogue for
    // `language` is missing (English needs none and always succeeds).
    bool install(const QString &language);
    [[nodiscard]] QString language() const { return m_language; }

private:
    void uninstall();

    QString m_catalogue;
    QString m_language;
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace Tidings::App
