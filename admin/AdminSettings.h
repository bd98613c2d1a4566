#pragma once

#include <QObject>
#include <QSettings>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Tidings::Admin {

// The console's own settings (QSettings, organisation "Tidings", application
// "tidings-admin"): theme, language and the last account signed in to.
class AdminSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The program creates the settings")
    Q_PROPERTY(bool darkMode READ darkMode WRITE setDarkMode NOTIFY darkModeChanged)
    // "" follows the system; otherwise a code from `languages`.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // [{code, name}] in the language's own name, "" first ("System").
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    Q_PROPERTY(QString lastServer READ lastServer CONSTANT)
    Q_PROPERTY(QString lastUsername READ lastUsername CONSTANT)

public:
    explicit AdminSettings(QObject *parent = nullptr);

    [[nodiscard]] bool darkMode() const;
    void setDarkMode(bool dark);
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] QVariantList languages() const;
    [[nodiscard]] QString lastServer() const;
    [[nodiscard]] QString lastUsername() const;

Q_SIGNALS:
    void darkModeChanged();
    void languageChanged();

private:
    QSettings m_settings;
};

} // namespace Tidings::Admin
